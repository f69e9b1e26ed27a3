"""The cache between builds (.cache/atlas): checks and rendered pages are found again only while
everything they come from is unchanged; any change to a practice's files, the lists, the
templates or the code is another address, so nothing stale is ever published."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atlas.base import paths, routes
from atlas.base.cache import MISSING, Store, code_version
from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from atlas.model.reader import CHECKS, MEMOS
from atlas.model.settings import configured_languages
from atlas.rendered import PAGES
from conftest import BUILD_ENV, REPO, build_site, built_files

KEPT = "data-atlas-kept"  # the mark this test puts in every page the cache holds


def _keep_marked(cache: Path) -> int:
    """Mark every page the cache holds, as a build would find it next time; how many."""
    store = Store(cache / PAGES)
    addresses = store.addresses()
    for address in addresses:
        store.put(address, str(store.get(address)).replace("<body", f"<body {KEPT}", 1))
    store.flush()
    return len(addresses)


def _kept(site: Path, page: str) -> bool:
    return KEPT in (site / page / "index.html").read_text(encoding="utf-8")


def test_a_page_is_published_from_the_cache_only_while_everything_it_shows_is_unchanged(fixture_atlas):
    atlas = fixture_atlas
    atlas.add_practice("lyon-centsept")
    atlas.add_practice(
        "abidjan-babylab", {"title": {"fr": "Le BabyLab d'Abobo", "en": "The Abobo BabyLab"}, "cities": ["abidjan"]}
    )
    assert atlas.build().returncode == 0
    assert _keep_marked(atlas.root / paths.CACHE) > 50
    shutil.rmtree(atlas.site)  # or the pages the last build wrote there would be left as they are

    # Nothing changed but the time of the build (the next commit's): every generated page comes
    # from the cache; the pages of docs/ never do; the open data say when they were built.
    result = build_site(atlas.root, atlas.site, env={"SOURCE_DATE_EPOCH": str(int(BUILD_ENV["SOURCE_DATE_EPOCH"]) + 86400)})
    assert result.returncode == 0, result.stderr
    for page in ("practices/lyon-centsept", "en/practices/lyon-centsept", "practices", "cities/lyon", "glossary", "map"):
        assert _kept(atlas.site, page), page
    assert not _kept(atlas.site, "about")
    assert json.loads((atlas.site / routes.API_PRACTICES).read_text(encoding="utf-8"))["generated_at"] == "2026-12-01T00:53:20Z"

    # One practice's narrative and another's title change: their pages, and the pages listing
    # the second one, are rendered again; the rest is still the cache's.
    narrative = atlas.root / "practices/lyon-centsept/fr.md"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\nUne phrase ajoutée après coup.\n", encoding="utf-8")
    atlas.add_practice(
        "abidjan-babylab", {"title": {"fr": "Le BabyLab d'Abobo, renommé", "en": "The Abobo BabyLab"}, "cities": ["abidjan"]}
    )
    shutil.rmtree(atlas.site)
    assert atlas.build().returncode == 0
    page = (atlas.site / "practices/lyon-centsept/index.html").read_text(encoding="utf-8")
    assert KEPT not in page and "Une phrase ajoutée après coup." in page
    for listing in ("practices/abidjan-babylab", "cities/abidjan", "countries/ci", "practices"):
        assert not _kept(atlas.site, listing), listing
        assert "renommé" in (atlas.site / listing / "index.html").read_text(encoding="utf-8"), listing
    for unchanged in ("en/practices/lyon-centsept", "en/practices/abidjan-babylab", "glossary"):
        assert _kept(atlas.site, unchanged), unchanged

    # A template changes: every page is rendered again.
    template = atlas.root / "overrides/main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{#- edited -#}\n", encoding="utf-8")
    shutil.rmtree(atlas.site)
    assert atlas.build().returncode == 0
    assert [path for path in atlas.site.rglob("*.html") if KEPT in path.read_text(encoding="utf-8")] == []


def test_a_build_that_finds_every_page_in_the_cache_publishes_the_same_site(fixture_atlas):
    """The pages found rendered are written as they were, most of them without MkDocs reading or
    rendering them: the site is the one a build without the cache writes, file for file."""
    fixture_atlas.add_practice("lyon-centsept")
    first = build_site(fixture_atlas.root, fixture_atlas.root / "first")
    assert first.returncode == 0, first.stderr
    again = build_site(fixture_atlas.root, fixture_atlas.root / "again")
    assert again.returncode == 0, again.stderr
    assert built_files(fixture_atlas.root / "again") == built_files(fixture_atlas.root / "first")


def test_a_build_into_the_last_builds_site_folder_writes_only_what_changed_and_leaves_the_clean_site(fixture_atlas):
    """The site folder is kept from one build to the next: a page or a search bundle whose content
    is unchanged, and still as the last build left it, is not written again; a deleted practice's
    pages and anything else the build did not write are removed; the folder is then, file for
    file, the one a build into an empty folder writes."""
    atlas = fixture_atlas
    atlas.add_practice("lyon-centsept")
    atlas.add_practice("abidjan-babylab", {"title": {"fr": "Le BabyLab d'Abobo"}, "cities": ["abidjan"]})
    assert atlas.build().returncode == 0

    def written(path: str) -> int:
        return (atlas.site / path).stat().st_mtime_ns

    unchanged = ["en/practices/lyon-centsept/index.html", "en/pagefind/pagefind-entry.json"]
    before = {path: written(path) for path in [*unchanged, "pagefind/pagefind-entry.json"]}
    edited = atlas.site / "en/cities/lyon/index.html"  # unchanged by the edit, but edited by hand: written again
    edited.write_text(edited.read_text(encoding="utf-8").replace("<body", "<body data-edited", 1), encoding="utf-8")
    (atlas.site / "practices/not-a-practice").mkdir()
    (atlas.site / "practices/not-a-practice/index.html").write_text("<p>stale</p>", encoding="utf-8")
    (atlas.site / ".git/refs").mkdir(parents=True)  # not the build's: MkDocs's cleaning leaves it too
    narrative = atlas.root / "practices/lyon-centsept/fr.md"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\nUne phrase ajoutée après coup.\n", encoding="utf-8")

    result = atlas.build()
    assert result.returncode == 0, result.stderr
    assert {path: written(path) for path in unchanged} == {path: before[path] for path in unchanged}
    assert written("pagefind/pagefind-entry.json") > before["pagefind/pagefind-entry.json"]  # a French document changed
    assert "Une phrase ajoutée après coup." in (atlas.site / "practices/lyon-centsept/index.html").read_text(encoding="utf-8")
    assert "data-edited" not in edited.read_text(encoding="utf-8")
    assert not (atlas.site / "practices/not-a-practice").exists()
    assert (atlas.site / ".git/refs").is_dir()

    shutil.rmtree(atlas.root / "practices/abidjan-babylab")
    result = atlas.build()
    assert result.returncode == 0, result.stderr
    for gone in ("practices/abidjan-babylab", "en/practices/abidjan-babylab"):
        assert not (atlas.site / gone).exists(), gone
    clean = build_site(atlas.root, atlas.root / "clean")
    assert clean.returncode == 0, clean.stderr
    shutil.rmtree(atlas.site / ".git")
    assert built_files(atlas.site) == built_files(atlas.root / "clean")


def _copy_of_code(target: Path) -> tuple[Path, Path]:
    code = shutil.copytree(REPO / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return code, shutil.copytree(REPO / "schemas", target / "schemas")


def test_the_code_version_changes_with_any_file_of_the_code_or_the_schemas(tmp_path):
    """A build reads it once (a process runs one code); here it is read again after each edit."""
    version = code_version.__wrapped__
    code, schemas = _copy_of_code(tmp_path)
    before = version(code, schemas)
    assert before == code_version()  # the same code, the same version
    views = code / "atlas/views.py"
    views.write_text(views.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after_code = version(code, schemas)
    schema = next(schemas.glob("*.json"))
    schema.write_text(schema.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert len({before, after_code, version(code, schemas)}) == 3


def test_a_new_code_version_finds_nothing_and_removes_the_old_results(tmp_path):
    old, new = Store(tmp_path, "a" * 64), Store(tmp_path, "b" * 64)
    address = old.address("render", ("# Titre", "fr.md"))
    old.put(address, "<h1>Titre</h1>")
    old.flush()
    assert Store(tmp_path, "a" * 64).get(address) == "<h1>Titre</h1>"  # as the next build finds it
    assert new.get(new.address("render", ("# Titre", "fr.md"))) is MISSING
    (tmp_path / "0f").mkdir()  # a folder of results as builds before the database filed them
    new.remove_other_versions()
    assert not old.path.exists()
    assert {path.name.removesuffix("-wal").removesuffix("-shm") for path in tmp_path.iterdir()} == {new.path.name}


def test_results_are_found_by_the_next_build_only_once_written_and_a_damaged_database_is_started_again(tmp_path):
    store = Store(tmp_path, "a" * 64)
    address = store.address("render", ("# Titre", "fr.md"))
    store.put(address, "<h1>Titre</h1>")
    assert store.get(address) == "<h1>Titre</h1>"  # this build finds it at once
    assert Store(tmp_path, "a" * 64).get(address) is MISSING  # another process does once it is written
    store.flush()
    assert Store(tmp_path, "a" * 64).get(address) == "<h1>Titre</h1>"

    damaged = Store(tmp_path / "restored", "a" * 64)
    damaged.path.parent.mkdir()
    damaged.path.write_bytes(b"not a database" * 100)  # a damaged disk, a cache restored half
    assert damaged.get(address) is MISSING
    damaged.put(address, "<h1>Titre</h1>")
    damaged.flush()
    assert Store(tmp_path / "restored", "a" * 64).get(address) == "<h1>Titre</h1>"


def _load(root: Path, cache: Path | None):
    for memo in MEMOS:  # what this process remembers: each load here reads the cache, or checks anew
        memo.results.clear()
    try:
        atlas = load_atlas(root, configured_languages(root), cache=cache)
    except AtlasDataError as error:
        return [str(problem) for problem in error.problems]
    practices = {slug: (p.data, p.narratives, [n.html for n in _rendered(p)]) for slug, p in atlas.practices.items()}
    return atlas.vocabulary, atlas.cities, practices


def _rendered(practice):
    from atlas.check.narrative import render_narrative

    return [render_narrative(text, "", frozenset(), "") for text in practice.narratives.values()]


@pytest.mark.parametrize(
    "edit",
    [
        ("practices/lyon-centsept/practice.yml", "start_year: 2014", "start_year: 2015"),
        ("practices/lyon-centsept/fr.md", "## ", "## Nouveau titre\n\nTexte.\n\n## "),
        ("practices/lyon-centsept/en.md", "## ", "## [A link](lever:nowhere)\n\n## "),
        ("practices/vocabulary.yml", "Données ouvertes", "Données publiques ouvertes"),
        ("practices/cities.yml", "lyon:", "lyon-metropole:"),
    ],
    ids=["practice.yml", "narrative", "narrative with a problem", "vocabulary", "cities"],
)
def test_a_load_from_the_cache_is_the_load_without_it_whatever_input_changes(fixture_atlas, edit):
    """Checked once into the cache, then one input edited: the load that reads the cache gives
    the practices (or the problems) that a load without it gives."""
    fixture_atlas.add_practice("lyon-centsept")
    root, cache = fixture_atlas.root, fixture_atlas.root / paths.CACHE
    first = _load(root, cache)
    assert _load(root, cache) == first
    assert sum(1 for entry in (cache / CHECKS).rglob("*") if entry.is_file()) > 0
    path, old, new = edit
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    cached = _load(root, cache)
    assert cached == _load(root, None) and cached != first
