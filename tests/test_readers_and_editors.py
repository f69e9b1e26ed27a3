"""What a new reader and a new editor met (issue 23), on one small atlas built for real and on the
core alone: actors and cities consistent, plural forms, every fallback under a notice, names
that are descriptions translated, the contact to the secretariat, French typography, links of
a local build that work as served, and the scaffolds an editor runs."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from atlas.base.languages import Languages
from atlas.outputs import world_map
from conftest import BUILD_ENV, CITIES, EDITIONS, REPO, TODAY, FixtureAtlas, published_atlas

FR_EN = Languages(("fr", "en"))
NETWORK = {
    "scope": {
        "name": {"fr": "Réseau des villes d'Afrique de l'Ouest", "en": "West African cities network"},
        "regions": ["west-africa"],
    },
    "city_role": "network-member",
}


@pytest.fixture(scope="module")
def small_atlas(tmp_path_factory) -> FixtureAtlas:
    """One practice complete in both languages, one whose English title is missing, one of a
    network covering a city that has no practice of its own; actors that are a description and
    a group; a configured contact and repository; no ATLAS_SITE_URL (a local build); every
    language of the real atlas (its Spanish edition falls back to English, then French)."""
    atlas = FixtureAtlas(tmp_path_factory.mktemp("small") / "atlas", languages=tuple(lang for lang, _ in EDITIONS))
    cities = {**CITIES, "bouake": {"name": {"fr": "Bouaké"}, "country": "CI", "region": "west-africa", "lat": 7.69, "lon": -5.03}}
    atlas.write_yaml("practices/cities.yml", cities)
    atlas.add_practice(
        "lyon-centsept",
        {
            "actors": [
                {
                    "name": {"fr": "Étudiants de l'université", "en": "University students"},
                    "collective": True,
                    "type": "academic",
                },
                {"name": "Métropole de Lyon", "type": "public", "role": {"fr": "cofondatrice", "en": "co-founder"}},
            ],
            "sources": [
                {
                    "title": "Guide pratique",
                    "publisher": {"fr": "Sciences Po et AIMF", "en": "Sciences Po and AIMF"},
                    "year": 2022,
                }
            ],
        },
    )
    atlas.add_practice(
        "abidjan-babylab",
        {"cities": ["abidjan"], "title": {"fr": "Le BabyLab"}, "summary": {"fr": "Un fablab : « ouvert » à tous ?"}},
    )
    atlas.add_practice("abidjan-network", {**NETWORK, "cities": [], "title": {"fr": "Le réseau", "en": "The network"}})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(atlas.root / "mkdocs.yml"), "-d", str(atlas.site)],
        capture_output=True,
        text=True,
        cwd=atlas.root,
        env={**BUILD_ENV, "ATLAS_CONTACT_EMAIL": "atlas@example.org", "ATLAS_REPO_URL": REPOSITORY},
    )
    assert result.returncode == 0, result.stderr
    return atlas


REPOSITORY = "https://github.com/aimf/atlas"


def page(atlas: FixtureAtlas, path: str) -> BeautifulSoup:
    return BeautifulSoup((atlas.site / path).read_text(encoding="utf-8"), "lxml")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_a_missing_title_alone_puts_the_page_under_the_notice(small_atlas):
    """Item 7: the English narrative exists but the title does not: the page says so, the title marked French."""
    html = page(small_atlas, "en/practices/abidjan-babylab/index.html")
    assert html.h1["lang"] == "fr" and html.h1.get_text() == "Le BabyLab"
    assert "Parts of this practice have not been translated yet; they are shown in French." in words(
        html.select_one(".atlas-untranslated")
    )
    assert page(small_atlas, "en/practices/lyon-centsept/index.html").select_one(".atlas-untranslated") is None


def test_names_that_describe_are_translated_and_groups_are_not_bodies_of_the_ecosystem(small_atlas):
    """Items 4 and 8: a description names an actor in the page's language; a group stays on its practice's page only."""
    french, english = (
        page(small_atlas, "practices/lyon-centsept/index.html"),
        page(small_atlas, "en/practices/lyon-centsept/index.html"),
    )
    assert "Étudiants de l'université" in words(french.select_one(".atlas-actors")) and "University students" in words(
        english.select_one(".atlas-actors")
    )
    assert "Sciences Po and AIMF" in words(english.select_one(".atlas-sources")) and " et AIMF" not in words(
        english.select_one(".atlas-sources")
    )
    ecosystem = words(page(small_atlas, "en/cities/lyon/index.html").select_one(".atlas-ecosystem"))
    assert "Métropole de Lyon" in ecosystem and "University students" not in ecosystem


def test_a_city_without_a_practice_of_its_own_shows_those_of_its_region_or_network(small_atlas):
    """Item 5: no city of an index is an empty page."""
    html = page(small_atlas, "cities/bouake/index.html")
    assert "Bouaké n'a pas encore de pratique qui lui soit propre" in words(html)
    assert [card["data-slug"] for card in html.select(".atlas-card")] == ["abidjan-network"]
    overview = {words(li.a): words(li) for li in page(small_atlas, "en/cities/index.html").select(".atlas-overview li")}
    assert overview["Bouaké"] == "Bouaké 1 practice of its region or a network"


def test_counts_say_one_practice_and_two_practices(small_atlas):
    """Item 6: plural forms by each language's rules (Babel), never "practice(s)"; an empty lever says so once."""
    assert words(page(small_atlas, "en/cities/lyon/index.html").select_one(".atlas-count")) == "1 practice"
    assert words(page(small_atlas, "cities/abidjan/index.html").select_one(".atlas-count")) == "1 pratique"
    assert words(page(small_atlas, "en/practices/index.html").select_one("#atlas-results-count")) == "3 practices"
    for path in small_atlas.site.rglob("*.html"):
        assert "(s)" not in path.read_text(encoding="utf-8"), path
    empty = page(small_atlas, "levers/strategy-missions/index.html")
    assert words(empty).count("Aucune pratique pour l'instant.") == 1


def test_a_count_of_thousands_is_written_as_each_language_writes_it():
    """An atlas of 10,000 practices says so in each language's way (Babel's CLDR data), not "10000"."""
    from atlas.base import catalog
    from atlas.model.settings import configured_languages

    languages = configured_languages(REPO)
    said = {lang: catalog.plural(catalog.ui(languages, lang)["results_count"], 10_000, lang) for lang in languages.codes}
    assert said == {"fr": "10\u202f000 pratiques", "en": "10,000 practices", "es": "10.000 prácticas"}


def test_every_practice_and_actor_page_asks_the_secretariat_in_the_readers_language(small_atlas):
    """Item 14: a mailto: link naming the practice; nothing goes through a third party."""
    for prefix, subject in (("", "Atlas : mise en relation — Le CentSept"), ("en/", "Atlas: getting in touch — CentSept")):
        link = page(small_atlas, f"{prefix}practices/lyon-centsept/index.html").select_one(".atlas-contact a")
        address = urlsplit(link["href"])
        assert (address.scheme, address.path) == ("mailto", "atlas@example.org")
        assert parse_qs(address.query)["subject"] == [subject]


def test_french_text_keeps_its_marks_with_their_words(small_atlas):
    """Item 13: no-break spaces where French typography puts them, in every French text of a page."""
    summary = page(small_atlas, "practices/abidjan-babylab/index.html").select_one(".atlas-summary").get_text()
    assert summary == "Un fablab\u00a0: «\u00a0ouvert\u00a0» à tous\u202f?"
    other_editions = {prefix.strip("/") for _, prefix in small_atlas.editions if prefix}
    for path in small_atlas.site.glob("**/index.html"):
        if path.relative_to(small_atlas.site).parts[0] not in other_editions:  # the French edition's pages
            body = page(small_atlas, path.relative_to(small_atlas.site).as_posix()).body
            for code in body.select("pre, code, script"):
                code.decompose()
            text = body.get_text()
            assert not re.search(r" [:;?!»]|« ", text), path


def test_a_local_build_links_as_it_is_served(small_atlas):
    """Item 19: without ATLAS_SITE_URL, no placeholder domain; the open data's links lead to the files."""
    for path in small_atlas.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            assert "atlas.example.org" not in path.read_text(encoding="utf-8"), path
    for prefix in ("", "en/"):
        data_page = f"{prefix}data/index.html"
        links = [a["href"] for a in page(small_atlas, data_page).select("table.atlas-data-files a")]
        assert links and all(
            (small_atlas.site / posixpath.normpath(posixpath.join(posixpath.dirname(data_page), href))).is_file()
            for href in links
        )


def test_the_maps_introduction_names_the_filters_its_panel_has(small_atlas):
    """Item 12: the map's filters are named from the facets the panel shows."""
    atlas = published_atlas(small_atlas.root)
    for lang in ("fr", "en"):
        intro = world_map.intro(atlas, lang)
        for facet in ("role", "region", "theme", "lever"):
            assert atlas_ui(lang)[f"facet_{facet}"].lower() in intro


def atlas_ui(lang: str) -> dict:
    from atlas.base import catalog

    return catalog.language_file(lang)["ui"]


# -- Editors -----------------------------------------------------------------------------------


def run(script: str, *args, root=None) -> subprocess.CompletedProcess:
    command = [sys.executable, str(REPO / "scripts" / script), *args] + (["--root", str(root)] if root else [])
    return subprocess.run(command, capture_output=True, text=True, input="", timeout=60)


def test_the_scaffold_says_a_command_that_works(fixture_atlas):
    """Item 15: the scaffold ends with the command to run, and that command checks the new practice."""
    created = run("new_practice.py", "lyon-test", "--city", "lyon", "--title", "Un test", root=fixture_atlas.root)
    command = created.stdout.rsplit("then run: ", 1)[1].strip()
    assert command == "make validate"
    checked = subprocess.run(
        [*command.split(), f"ROOT={fixture_atlas.root}"], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert checked.returncode == 2 and "practices/lyon-test/practice.yml: city_role: 'TODO-city-role'" in checked.stdout


def test_the_scaffolds_write_in_the_editors_language(fixture_atlas):
    """Item 17: comments in French by default, in another language on demand; a name only in the language given."""
    run("new_practice.py", "lyon-test", "--city", "lyon", "--title", "Un test", root=fixture_atlas.root)
    text = (fixture_atlas.practices / "lyon-test/practice.yml").read_text(encoding="utf-8")
    assert "# OBLIGATOIRE — Le nom de la pratique" in text and "REQUIRED" not in text
    run("new_practice.py", "lyon-other", "--city", "lyon", "--title", "Autre", "--lang", "en", root=fixture_atlas.root)
    assert "# REQUIRED — The practice's name" in (fixture_atlas.practices / "lyon-other/practice.yml").read_text(encoding="utf-8")
    assert run("new_actor.py", "tuba", "--name", "Tubà", "--type", "private", root=fixture_atlas.root).returncode == 0
    profile = yaml.safe_load((fixture_atlas.practices / "actors/tuba.yml").read_text(encoding="utf-8"))
    assert profile["name"] == {"fr": "Tubà"}


def test_a_new_city_is_checked_at_once_and_takes_its_place(fixture_atlas):
    """Item 17: a latitude of 200 is refused with the validator's message; a good city goes in key order."""
    fixture_atlas.write_yaml("practices/cities.yml", dict(sorted(CITIES.items())))
    refused = run(
        "new_practice.py",
        "dakar-x",
        "--city",
        "dakar",
        "--title",
        "x",
        "--new-city",
        "Dakar,SN,west-africa,200,-17.44",
        root=fixture_atlas.root,
    )
    assert refused.returncode == 2
    assert "practices/cities.yml: dakar.lat: 200.0 is out of range; expected at most 90" in refused.stderr
    assert "dakar" not in (fixture_atlas.practices / "cities.yml").read_text(encoding="utf-8")
    assert (
        run(
            "new_practice.py",
            "dakar-x",
            "--city",
            "dakar",
            "--title",
            "x",
            "--new-city",
            "Dakar,SN,west-africa,14.69,-17.44",
            root=fixture_atlas.root,
        ).returncode
        == 0
    )
    keys = re.findall(r"^([a-z-]+):", (fixture_atlas.practices / "cities.yml").read_text(encoding="utf-8"), re.M)
    assert keys == sorted(keys) and "dakar" in keys


def test_an_actor_named_by_name_that_has_a_profile_is_pointed_at_its_profile(fixture_atlas):
    """Item 4: the validator names the profile to use instead."""
    from atlas.base.problems import AtlasDataError
    from atlas.model.load import load_atlas

    fixture_atlas.write_yaml(
        "practices/actors/tuba.yml",
        {
            "name": {"fr": "Tubà"},
            "type": "private",
            "profile": {"description": {"fr": "Un lieu."}},
            "sources": [{"title": "Guide", "publisher": "AIMF"}],
            "last_reviewed": "2026-11-21",
        },
    )
    fixture_atlas.add_practice("lyon-centsept", {"actors": [{"name": "TUBA", "type": "private"}]})
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    assert [str(p) for p in caught.value.problems] == [
        "practices/lyon-centsept/practice.yml: actors[0].name: 'TUBA' is the name of an actor with a profile "
        "(practices/actors/tuba.yml); name it as 'actor: tuba' instead of name and type, so that its profile lists this practice"
    ]


def test_the_readme_and_the_contributor_guide_agree_and_point_the_way():
    """Item 18: the README is for newcomers, editors and the secretariat; figures and design notes live beside it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.index("## The two commands") < readme.index("## Add a practice") < readme.index("## For the secretariat")
    assert "[BENCHMARKS.md](BENCHMARKS.md)" in readme and "[DESIGN.md](DESIGN.md)" in readme and "| N practices" not in readme
    assert "skips this check where the sources are not beside the" in readme
    for text in (readme, (REPO / "docs/contribuer.md").read_text(encoding="utf-8")):
        assert "practice:lyon-centsept" in text
    assert "(../lyon-centsept/)" not in readme


def test_every_edition_links_to_the_issue_forms_of_the_repository(small_atlas):
    """A practice page opens "Report an error or an update" with the practice filled in; the home
    page and the contributor guide open "Propose a practice"; in every language, from repo_url."""
    link_texts = {
        "fr": ("Signaler une erreur ou une mise à jour", "Proposer une pratique"),
        "en": ("Report an error or an update", "Propose a practice"),
        "es": ("Señalar un error o una actualización", "Proponer una práctica"),
    }
    for lang, prefix in small_atlas.editions:
        report, propose = link_texts[lang]
        link = page(small_atlas, f"{prefix}practices/abidjan-babylab/index.html").select_one(".atlas-report a")
        assert words(link) == report
        assert link["href"] == f"{REPOSITORY}/issues/new?template=report-error.yml&practice=abidjan-babylab"
        for path in ("index.html", "contribuer/index.html"):
            link = page(small_atlas, prefix + path).select_one(".atlas-propose a")
            assert words(link) == propose and link["href"] == f"{REPOSITORY}/issues/new?template=propose-practice.yml", path
    header = page(small_atlas, "index.html").select_one(".md-source")
    assert header["href"] == REPOSITORY and not header.has_attr("data-md-component")  # no request to api.github.com


def test_the_contributor_guide_shows_three_ways_to_contribute_in_every_language(small_atlas):
    """The form without Git, GitHub's web editor, a clone with make: in each edition's own words,
    with the one preview of the form, labelled as a preview and light enough for slow links."""
    titles = {
        "fr": ("Trois façons de contribuer", "Proposer une pratique", "Aperçu"),
        "en": ("Three ways to contribute", "Propose a practice", "preview"),
        "es": ("Tres formas de contribuir", "Proponer una práctica", "Vista previa"),
    }
    for lang, prefix in small_atlas.editions:
        heading, form, preview = titles[lang]
        path = f"{prefix}contribuer/index.html"
        html = page(small_atlas, path)
        assert html.select_one(".atlas-untranslated") is None, lang
        section = next(h2 for h2 in html.select("article h2") if words(h2) == heading)
        ways = []
        for sibling in section.find_next_siblings(["h2", "h3"]):
            if sibling.name == "h2":
                break
            ways.append(words(sibling))
        assert len(ways) == 3, ways
        image = next(img for img in html.select("article img") if img["src"].endswith("proposal-form.png"))
        assert form in image["alt"] and preview in image["alt"]
        file = small_atlas.site / posixpath.normpath(posixpath.join(posixpath.dirname(path), image["src"]))
        assert file.stat().st_size < 100_000
