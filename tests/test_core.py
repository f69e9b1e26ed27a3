"""The core alone (no MkDocs): the exact pages and files it generates for a small atlas, per
language, where they come from and where they go."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atlas.site import site_pages, static_files
from atlas.views import typeset
from conftest import FR_MD, REPO, VOCABULARY, image_bytes, published_atlas
from support.filter_data import chunk_files
from support.map_data import map_chunk_files


def facet_pages(atlas) -> set[str]:
    keys = {
        "city-roles": VOCABULARY["city_roles"],
        "cities": ["lyon", "abidjan"],
        "countries": ["fr", "ci"],
        "regions": VOCABULARY["regions"],
        "themes": VOCABULARY["themes"],
        "levers": VOCABULARY["levers"],
        "actor-types": VOCABULARY["actor_types"],
        "statuses": VOCABULARY["statuses"],
        "sdgs": [str(n) for n in range(1, 18)],
    }
    return set(keys) | {f"{folder}/{key}" for folder, values in keys.items() for key in values}


def test_exact_pages_and_files_of_a_one_practice_atlas(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + "\n![Le bâtiment](batiment.png)\n")
    fixture_atlas.write("practices/lyon-centsept/batiment.png", image_bytes("PNG"))
    atlas = published_atlas(fixture_atlas.root)
    expected_pages = {
        "practices",
        "practices/lyon-centsept",
        "map",
        "method",
        "method/diagnosis",
        "glossary",
        "recommendations",
        "actors",
        "actor-profile",
        "data",
        "self-assessment",
    }
    expected_pages |= facet_pages(atlas)
    default = atlas.languages.default
    # mkdocs-static-i18n's suffix structure: the default language's page is index.md, another's index.<lang>.md
    sources = {code: f"practices/lyon-centsept/index{'' if code == default else '.' + code}.md" for code in atlas.languages.codes}
    for lang, prefix in fixture_atlas.editions:
        pages = site_pages(atlas, lang)
        assert {page.path for page in pages} == expected_pages
        practice = next(page for page in pages if page.path == "practices/lyon-centsept")
        assert practice.sources == sources
        assert practice.files == {code: f"{pre}practices/lyon-centsept/index.html" for code, pre in fixture_atlas.editions}
        files = {file.dest_uri: file for file in static_files(atlas, lang)}
        api = ["index", "practices", "vocabularies", "actors", "practices/lyon-centsept"]
        api += [f"{value}" for value in facet_pages(atlas) if "/" in value]
        generated = {
            f"{prefix}{path}"
            for path in (
                "data/practices.json",
                "data/actors.json",
                "data/map.json",
                "data/practices.geojson",
                "data/practices.csv",
                "datapackage.json",
                "maps/world.html",
                "maps/cities/lyon.html",
                "maps/practice.html",
                "practices/lyon-centsept/batiment.png",
                *(f"api/v1/{answer}.json" for answer in api),
            )
        }
        generated.add("feed.xml" if lang == default else f"feed-{lang}.xml")  # at the root, whatever the language
        once = {path for path in files if path.startswith("assets/vendor/")} | (
            {"api/v1/schema.json"} if lang == default else set()
        )
        chunks = chunk_files(json.loads(files[f"{prefix}data/practices.json"].content))
        chunks |= map_chunk_files(json.loads(files[f"{prefix}data/map.json"].content))
        assert set(files) == generated | once | chunks
        assert bool(once) == (lang == default)  # Leaflet and the API's schema once, with the default language
        assert files[f"{prefix}practices/lyon-centsept/batiment.png"].content == image_bytes("PNG")  # the checked bytes
        assert files[f"{prefix}practices/lyon-centsept/batiment.png"].path is None
        assert all(file.path is None for path, file in files.items() if path not in once)  # nothing copied from practices/


def test_a_preview_generates_what_one_practice_touches(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice("abidjan-babylab", {"cities": ["abidjan"], "themes": ["education"]})
    atlas = published_atlas(fixture_atlas.root)
    paths = {page.path for page in site_pages(atlas, "en", only="lyon-centsept")}
    assert "practices/lyon-centsept" in paths and "practices/abidjan-babylab" not in paths
    assert "themes/social-innovation" in paths and "themes/education" not in paths
    files = {file.dest_uri for file in static_files(atlas, "en", only="lyon-centsept")}
    assert "en/maps/practice.html" in files  # the practices' one frame


def test_a_misspelt_setting_stops_the_build_with_a_suggestion():
    """extra › atlas in mkdocs.yml is checked against schemas/settings.schema.json: a misspelt key is
    an error that names it, never a silent default."""
    from atlas.base.problems import AtlasDataError
    from atlas.model.settings import publication

    tiles = {"url": "https://tile.example.org/{z}/{x}/{y}.png", "attribution": "Tiles"}
    with pytest.raises(AtlasDataError) as caught:
        publication("", {"publisher": {"name": {"fr": "Le secrétariat"}}, "map_tile": tiles})
    assert [str(problem) for problem in caught.value.problems] == [
        "mkdocs.yml: extra.atlas.map_tile: 'map_tile' is not a known field; did you mean 'map_tiles'? allowed here: "
        "publisher, map_tiles, fallback, contact, search_bundle_documents. Fix its name or remove it",
        "mkdocs.yml: extra.atlas.map_tiles: is missing; expected the map tiles: the only thing published pages fetch from "
        "another host. Any Leaflet tile URL; give its attribution as the provider asks. Add it",
    ]
    assert (
        publication("https://example.org", {"publisher": {"name": {"fr": "x"}}, "map_tiles": tiles}).site_url
        == "https://example.org/"
    )


def test_every_configured_language_has_every_interface_text():
    """Readers never meet a key or another language's word of the interface in a configured language."""
    from atlas.base import catalog
    from atlas.model.settings import configured_languages

    languages = configured_languages(REPO)
    assert {lang: catalog.missing_texts(languages, lang) for lang in languages.codes} == {lang: [] for lang in languages.codes}


def test_every_interface_text_is_written_once_in_its_language_file():
    """A key written twice in an interface file silently keeps its last text: each is written once."""
    import yaml

    twice = []

    def once(loader, node, deep=False):
        keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
        twice.extend(f"{node.start_mark.name}: {key}" for key in keys if keys.count(key) > 1)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, once)
    for path in sorted((REPO / "hooks/atlas/i18n").glob("*.yml")):
        with path.open(encoding="utf-8") as file:
            yaml.load(file, Loader)  # noqa: S506 -- a SafeLoader that also records repeated keys
    assert twice == []


def test_the_core_never_unescapes_and_names_no_language():
    """Text is escaped once, where it meets its format, so nothing is ever unescaped; a language is
    chosen by the language service and the data, never by a "fr" or "en" written in the code."""
    import io
    import tokenize

    literals = []
    for path in (REPO / "hooks").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "unescape" not in source, path
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.STRING and token.string.strip("'\"") in ("fr", "en", "es"):
                literals.append(f"{path.relative_to(REPO)}:{token.start[0]}")
    assert [place for place in literals if not place.startswith("hooks/atlas/base/languages.py")] == []


def test_french_typography_touches_text_only():
    """No-break spaces before : » ; ! ? and after « in a page's text; a tag's attributes, a script,
    code and another language's page are left as they are."""
    html = (
        '<p title="Lyon : ville">Lyon  : une ville ; « Smart City »\u00a0! Vraiment ?</p>'
        '<script>var a = { b : 1 };</script><code>x : y</code><a href="https://a.org/">« lien »</a>'
    )
    assert typeset(html, "fr") == (
        '<p title="Lyon : ville">Lyon\u00a0: une ville\u202f; «\u00a0Smart City\u00a0»\u202f! Vraiment\u202f?</p>'
        '<script>var a = { b : 1 };</script><code>x : y</code><a href="https://a.org/">«\u00a0lien\u00a0»</a>'
    )
    assert typeset(html, "en") == html


@pytest.mark.parametrize("memory", ["absent", "full"])
def test_pagefinds_documents_are_written_on_the_disk_when_the_memory_cannot_take_them(monkeypatch, tmp_path, memory):
    from atlas.outputs import search

    memory_folder = tmp_path / "memory"
    write_text = Path.write_text

    def full_memory(path, *args, **kwargs):
        if memory_folder in path.parents:
            raise OSError(28, "No space left on device")
        return write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_memory)
    monkeypatch.setattr(search, "MEMORY", memory_folder)
    if memory == "full":
        memory_folder.mkdir()
    folder = search._written([("practices/lyon-centsept", "<html lang='fr'><body>Centsept</body></html>")])
    assert memory_folder not in folder.parents
    assert (folder / "practices/lyon-centsept/index.html").read_text(encoding="utf-8").endswith("Centsept</body></html>")
    assert not any(memory_folder.glob("*"))  # nothing left half written there
    shutil.rmtree(folder)
