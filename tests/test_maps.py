"""Map data and map files: every practice at every city, coordinates, language, escaping, lightness."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from atlas.outputs import index, maps
from atlas.outputs import practice as practice_page
from atlas.outputs.geojson import geojson
from atlas.records.practice import records
from conftest import EDITIONS, PUBLISHED_AT
from support.map_data import merged

SHOW = re.compile(r"atlasMap\.show\(map_0, (.*)\);")


def map_options(html: str) -> dict:
    return json.loads(SHOW.search(html).group(1))


@pytest.mark.parametrize("lang", [lang for lang, _ in EDITIONS])
def test_geojson_has_every_practice_at_every_city(real_atlas, lang):
    features = geojson(real_atlas, lang)["features"]
    expected = set()
    for slug, practice in real_atlas.practices.items():
        if practice.data.get("location"):
            expected.add((slug, practice.cities[0], (practice.data["location"]["lon"], practice.data["location"]["lat"])))
        elif practice.cities:
            expected |= {
                (slug, city, (real_atlas.cities[city]["lon"], real_atlas.cities[city]["lat"])) for city in practice.cities
            }
        else:  # a practice of a network or region with no point: one feature without geometry
            expected.add((slug, None, None))
    got = {
        (f["properties"]["slug"], f["properties"]["city_key"], tuple(f["geometry"]["coordinates"]) if f["geometry"] else None)
        for f in features
    }
    assert got == expected and len(features) == len(expected)
    for feature in features:
        practice = real_atlas.practices[feature["properties"]["slug"]]
        assert feature["properties"]["title"] == real_atlas.languages.pick(practice.data["title"], lang).text
        assert feature["properties"]["url"] == PUBLISHED_AT + real_atlas.routes.prefix(lang) + f"practices/{practice.slug}/"
        assert feature["properties"]["theme_keys"] == practice.data["themes"]


def test_practices_in_several_cities_show_on_each(real_atlas):
    several = [p for p in real_atlas.practices.values() if len(p.cities) > 1 and not p.data.get("location")]
    assert several, "the atlas has practices in several cities (e.g. Bilbao–Bordeaux mentoring)"
    markers = merged(list(maps.region_markers(real_atlas, "fr").values()))
    for practice in several:
        assert [point[2] for point in markers[practice.slug]["points"]] == list(range(len(practice.cities)))
        assert markers[practice.slug]["places"][: len(practice.cities)] == [
            f"{real_atlas.cities[city]['name']['fr']} ({country})"
            for city, country in zip(practice.cities, countries(real_atlas, practice), strict=True)
        ]


def countries(atlas, practice) -> list[str]:
    from babel import Locale

    return [Locale.parse("fr").territories[atlas.cities[city]["country"]] for city in practice.cities]


@pytest.mark.parametrize("lang", [lang for lang, _ in EDITIONS])
def test_map_files_are_light_and_in_the_readers_language(real_atlas, lang):
    files = {f.path: f.content for f in maps.files(real_atlas, lang) if f.path.startswith("maps/")}
    used_cities = {c for p in real_atlas.practices.values() for c in p.cities}
    assert set(files) == {"maps/world.html", "maps/practice.html"} | {f"maps/cities/{c}.html" for c in used_cities}
    for path, html in files.items():
        assert not re.search(r"jquery|bootstrap|font-?awesome|awesome-markers|cdn\.", html, re.I), path
        assert re.findall(r'(?:src|href)="([^"]+)"', html) and all(
            not url.startswith(("http", "//")) for url in re.findall(r'(?:src|href)="([^"]+)"', html)
        ), path
        assert "user-scalable=no" not in html
        assert '"scrollWheelZoom": false' in html  # scrolling the page never gets caught by a map
    frame = map_options(files["maps/practice.html"])  # every practice's: the practice is in its address
    assert (
        frame["fromAddress"] is True
        and "practices" not in frame
        and frame["base"] == real_atlas.routes.prefix(lang) + "practices/"
    )
    for city in used_cities:
        shown = map_options(files[f"maps/cities/{city}.html"])
        assert {r["slug"] for r in shown["practices"]} == {s for s, p in real_atlas.practices.items() if city in p.cities}
    world = map_options(files["maps/world.html"])
    assert (
        world["dataUrl"] == "../data/map.json"
        and world["cluster"] is True
        and world["root"] == "../" * (2 if real_atlas.routes.prefix(lang) else 1)  # to the site's root, from <prefix>maps/
    )
    assert world["filters"] == ["role", "region", "theme", "lever"]


@pytest.mark.parametrize("lang", [lang for lang, _ in EDITIONS])
def test_each_practice_page_names_itself_to_the_practices_frame_and_holds_its_markers(real_atlas, lang):
    """A practice with a point: its page's frame is the one frame, told its slug; the page holds
    what the frame draws (title, places, summary, each point). A network's practice without a point: no map."""
    for record in records(real_atlas, lang):
        view = practice_page.view(real_atlas, record)
        if not record.points:
            assert view["map_url"] is None and view["map_marker"] is None
            continue
        assert view["map_url"] == real_atlas.routes.prefix(lang) + f"maps/practice.html#{record.slug}"
        marker = json.loads(view["map_marker"])
        assert (marker["slug"], marker["title"], marker["places"]) == (record.slug, record.title.text, record.place_names)
        assert marker["summary"] == (record.summary.text if record.summary else "")
        assert marker["points"] == [[point.lat, point.lon, point.place] for point in record.points]


def test_map_tiles_are_configurable(real_atlas, monkeypatch):
    tiles = {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "Example tiles"}
    monkeypatch.setattr(real_atlas, "publication", dataclasses.replace(real_atlas.publication, map_tiles=tiles))
    html = maps.world_map(real_atlas, "fr").content
    assert "https://tiles.example.org/{z}/{x}/{y}.png" in html and "Example tiles" in html
    assert "openstreetmap" not in html.lower()


@pytest.mark.parametrize("lang", [lang for lang, _ in EDITIONS])
def test_world_map_data_is_each_regions_count_then_its_markers_in_the_index_order(real_atlas, lang):
    """The first file holds no practice: each region's count of markers and their bounds, the
    filters' values (those the index offers) and the index's facet chunks; each region's chunk
    holds its practices' markers (no summary), by their rank in the index, with their points there."""
    ordered = records(real_atlas, lang)
    data = maps.map_data(real_atlas, lang)
    assert data["base"] == real_atlas.routes.prefix(lang) + "practices/" and data["total"] == len(ordered)
    assert "practices" not in data
    first = index.filter_data(real_atlas, lang)
    assert data["chunks"]["facets"] == {facet: first["chunks"]["facets"][facet] for facet in ("role", "region", "theme", "lever")}
    for facet, labels in data["labels"].items():
        assert list(labels.items()) == [(key, label) for key, label, *_ in index.facet_chunk(real_atlas, facet, lang)]
    chunks = maps.region_markers(real_atlas, lang)
    for region in data["regions"]:
        chunk = chunks[region["key"]]
        (south, west), (north, east) = region["bounds"]
        assert [marker["rank"] for marker in chunk] == sorted(marker["rank"] for marker in chunk)
        assert region["count"] == sum(len(marker["points"]) for marker in chunk)
        for marker in chunk:
            record = ordered[marker["rank"]]
            assert (marker["slug"], marker["title"], marker["places"]) == (record.slug, record.title.text, record.place_names)
            assert "summary" not in marker
            for lat, lon, place in marker["points"]:
                assert record.places[place].region.key == region["key"] and south <= lat <= north and west <= lon <= east
    assert {region["key"] for region in data["regions"]} == set(chunks)
    drawn = {slug: [tuple(point) for point in marker["points"]] for slug, marker in merged(list(chunks.values())).items()}
    assert drawn == {r.slug: [(p.lat, p.lon, p.place) for p in r.points] for r in ordered if r.points}
