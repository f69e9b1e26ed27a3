"""What the city government did (city_role), narratives whose sources report no results, and
practices of a network or region that names no city: their problems and their pages."""

from __future__ import annotations

import json
import posixpath

import pytest
from bs4 import BeautifulSoup

from atlas.base.languages import Languages
from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from conftest import EN_MD, FR_MD, TODAY
from support.filter_data import filter_data
from support.map_data import map_markers

FR_EN = Languages(("fr", "en"))
P = "practices/lyon-centsept/practice.yml"
NETWORK = {
    "cities": [],
    "scope": {
        "name": {"fr": "Alliance ScaleX pour les villes", "en": "ScaleX Alliance for Cities"},
        "countries": ["AL", "RS"],
        "regions": ["western-europe"],
    },
    "city_role": "network-member",
}


def problems_of(atlas) -> list[str]:
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(atlas.root, FR_EN, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


CASES = {
    "unknown city role": (
        {"city_role": "leader"},
        [
            f"{P}: city_role: 'leader' is not a city role; known city roles: initiator, network-member, none, not-stated, partner "
            "(see practices/vocabulary.yml)"
        ],
    ),
    "role note too long": (
        {"city_role_note": {"fr": "x" * 201}},
        [f"{P}: city_role_note.fr: is 201 characters long; expected at most 200. Shorten it"],
    ),
    "neither cities nor scope": ({"cities": None}, [f"{P}: cities: null (empty) is null (empty); expected a list"]),
    "no city and no scope": (
        {"cities": []},
        [
            f"{P}: cities: has 0 item(s); expected at least 1: keys of practices/cities.yml (or give scope for a practice of a "
            "network or region that names no city). Add one"
        ],
    ),
    "scope without countries or regions": (
        {"scope": {"name": {"fr": "Un réseau"}}},
        [
            f"{P}: scope: names no country and no region; add countries (ISO 3166-1 codes such as AL, RS) or regions (keys of "
            "practices/vocabulary.yml), or both"
        ],
    ),
    "scope with an unknown country": (
        {"scope": {"name": {"fr": "Un réseau"}, "countries": ["AL", "XX"]}},
        [f"{P}: scope.countries[1]: 'XX' is not an ISO 3166-1 country code; expected a code such as FR, CI or KH"],
    ),
}


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_problem_messages(fixture_atlas, changes, expected):
    fixture_atlas.add_practice("lyon-centsept", changes)
    assert problems_of(fixture_atlas) == expected


def test_a_narrative_keeps_its_required_sections(fixture_atlas):
    fixture_atlas.add_practice(
        "lyon-centsept", en="## Context\n\nText.\n\n## Results\n\nSome.\n\n## Lessons for other cities\n\nOne.\n"
    )
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/en.md: sections: has the sections '## Context', '## Results', '## Lessons for other cities'; "
        "expected '## Context', '## What was done', '## Who is involved', '## Results' (optional), '## Challenges' (optional), "
        "'## Lessons for other cities', in this order. Fix the headings"
    ]


def test_a_network_practice_needs_no_city_and_its_slug_no_city_prefix(fixture_atlas):
    fixture_atlas.add_practice("scalex-alliance", NETWORK)
    assert list(load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices) == ["scalex-alliance"]


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_role_first_and_one_line_for_missing_results(fixture_atlas):
    fixture_atlas.add_practice(
        "lyon-centsept",
        {"city_role": "partner", "city_role_note": {"fr": "La Métropole l'a cofondé.", "en": "The Metropolis co-founded it."}},
        en=EN_MD.replace("## Lessons", "## Results\n\nTwo hundred projects.\n\n## Lessons"),
    )
    assert fixture_atlas.build().returncode == 0
    for prefix, role, missing in (
        ("", "Rôle de la mairie", "Les sources ne rapportent pas encore de résultats ni de difficultés."),
        ("en/", "City government's role", "The sources report no challenges yet."),
    ):
        page = soup(fixture_atlas.site, f"{prefix}practices/lyon-centsept/index.html")
        facts = page.select(".atlas-facts dt")
        assert facts[0].get_text() == role
        assert facts[0].find_next_sibling("dd").get_text(" ", strip=True) in (
            "Partenaire — La Métropole l'a cofondé.",
            "Partner — The Metropolis co-founded it.",
        )
        assert page.select_one(".atlas-missing").get_text() == missing


def test_lever_pages_set_the_city_governments_practices_apart(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"city_role": "initiator"})
    fixture_atlas.add_practice("lyon-reseau", {"city_role": "none"})
    fixture_atlas.add_practice("lyon-flou", {"city_role": "not-stated"})
    assert fixture_atlas.build().returncode == 0
    page = soup(fixture_atlas.site, "levers/public-incubator/index.html")
    groups = {
        h3["id"]: [a["href"].split("/")[-2] for a in h3.find_next("ul").select(".atlas-card__title a")]
        for h3 in page.select("h3[id]")
    }
    assert groups == {"atlas-city-acted": ["lyon-centsept"], "atlas-ecosystem": ["lyon-flou", "lyon-reseau"]}
    role = soup(fixture_atlas.site, "en/city-roles/initiator/index.html")
    assert [a["href"].split("/")[-2] for a in role.select(".atlas-card__title a")] == ["lyon-centsept"]


def test_a_network_practice_everywhere(fixture_atlas):
    """Its page says what it covers instead of a map, the index and the map page list it, its
    countries have pages, the data files carry it (the GeoJSON as a feature without geometry)."""
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice(
        "scalex-alliance", {**NETWORK, "title": {"fr": "L'Alliance ScaleX", "en": "The ScaleX Alliance"}}, fr=FR_MD, en=EN_MD
    )
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    site = fixture_atlas.site
    page = soup(site, "en/practices/scalex-alliance/index.html")
    facts = {
        dt.get_text(): dd.get_text(" ", strip=True)
        for dt, dd in zip(page.select(".atlas-facts dt"), page.select(".atlas-facts dd"), strict=True)
    }
    assert facts["Network or region"] == "ScaleX Alliance for Cities ( Albania , Serbia , Western Europe )"
    assert facts["Where"].startswith("No single place on the map")
    assert page.select_one("iframe") is None and page.select_one("script[data-atlas-map]") is None
    links = [posixpath.normpath(posixpath.join("en/practices/scalex-alliance", a["href"])) for a in page.select(".atlas-facts a")]
    assert {"en/countries/al", "en/countries/rs", "en/regions/western-europe"} <= set(links)
    assert "The ScaleX Alliance" in soup(site, "en/countries/rs/index.html").get_text()
    index = soup(site, "en/practices/index.html")
    assert "ScaleX Alliance for Cities" in index.select_one(".atlas-card[data-slug=scalex-alliance]").get_text()
    alternative = soup(site, "en/map/index.html").select_one(".atlas-map-alternative")
    assert "The ScaleX Alliance" in alternative.get_text() and "Albania" in alternative.get_text()
    geo = json.loads((site / "en/data/practices.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in geo["features"] if f["properties"]["slug"] == "scalex-alliance")
    assert feature["geometry"] is None and feature["properties"]["scope"] == "ScaleX Alliance for Cities"
    assert (
        feature["properties"]["scope_country_codes"] == ["AL", "RS"]
        and feature["properties"]["city_role_key"] == "network-member"
    )
    data = filter_data(site)
    record = next(r for r in data["practices"] if r["slug"] == "scalex-alliance")
    assert record["keys"]["country"] == ["al", "rs"] and record["keys"]["role"] == ["network-member"]
    assert "scalex-alliance" not in map_markers(site)  # no point: in no region's markers
