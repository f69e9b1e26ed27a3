"""The open data as reusers get it: the JSON API valid against its schema, the CSV and data
package valid for Frictionless, the Atom feeds valid against RFC 4287's schema, the open-data
page and its Dataset; every export a view of the same records, consistent with the case files."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from lxml import etree

from atlas.base import routes
from atlas.base.facets import FACETS
from atlas.model.settings import generation_time
from atlas.outputs.api import SCHEMA_FILE
from atlas.records.facets import all_keys
from atlas.records.published import FEED_ENTRIES
from conftest import EDITIONS, GENERATED_AT, PUBLISHED_AT
from support.filter_data import filter_data
from support.map_data import map_markers

LANGUAGES = EDITIONS
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def site_file(real_site: Path, url: str) -> Path:
    """The file of the built site an absolute address of the atlas leads to."""
    assert url.startswith(PUBLISHED_AT), url
    return real_site / url[len(PUBLISHED_AT) :]


def read_json(real_site: Path, path: str):
    return json.loads((real_site / path).read_text(encoding="utf-8"))


def csv_table(real_site: Path, prefix: str) -> list[dict]:
    raw = (real_site / f"{prefix}{routes.CSV}").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # a BOM for spreadsheets, RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_the_api_has_one_valid_answer_per_practice_facet_value_and_actor(real_site, real_atlas, lang, prefix):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert read_json(real_site, routes.API_SCHEMA) == schema  # published as it is, once
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    expected = {routes.API_INDEX, routes.API_PRACTICES, routes.API_VOCABULARIES, routes.API_ACTORS}
    expected |= {routes.api_practice(slug) for slug in real_atlas.practices}
    expected |= {routes.api_actor(key) for key in real_atlas.actors}
    expected |= {routes.api_facet_value(facet.folder, key) for facet in FACETS for key in all_keys(real_atlas, facet.id)}
    api = real_site / prefix / routes.API
    published = {
        f"{routes.API}/{path.relative_to(api).as_posix()}"
        for path in api.rglob("*.json")
        if prefix or not path.relative_to(real_site).as_posix().startswith(tuple(other for _, other in EDITIONS if other))
    }
    assert published - {routes.API_SCHEMA} == expected
    for path in sorted(expected):
        answer = read_json(real_site, prefix + path)
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(answer)]
        assert errors == [], path
        assert (answer["language"], answer["generated_at"]) == (lang, GENERATED_AT)
        assert answer["total"] == (len(answer["result"]) if isinstance(answer["result"], list) else 1)
    index = read_json(real_site, prefix + routes.API_INDEX)["result"]
    for name in ("practices", "vocabularies", "actors", "schema", "csv", "geojson", "datapackage", "feed", "documentation"):
        target = site_file(real_site, index[name])
        assert target.is_file() or (target / "index.html").is_file(), name


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_an_answer_says_what_the_case_file_says(real_site, real_atlas, lang, prefix):
    for slug, practice in real_atlas.practices.items():
        data = practice.data
        result = read_json(real_site, prefix + routes.api_practice(slug))["result"]
        assert result["title"] == real_atlas.languages.pick(data["title"], lang).text
        assert result["url"] == f"{PUBLISHED_AT}{prefix}practices/{slug}/"
        assert result["city_role"]["key"] == data["city_role"]
        assert [theme["key"] for theme in result["themes"]] == data["themes"]
        assert [lever["key"] for lever in result["levers"]] == data["levers"]
        assert [sdg["number"] for sdg in result["sdgs"]] == data.get("sdgs", [])
        assert [place["city_key"] for place in result["places"]] == practice.cities
        assert [source["title"] for source in result["sources"]] == [source["title"] for source in data["sources"]]
        assert (result["published"], result["last_reviewed"]) == (data["published"], data["last_reviewed"])
        assert result["narrative"]["markdown"] == practice.narratives[result["narrative"]["language"]]
        assert len(result["actors"]) == len(data["actors"])
    for key, city in real_atlas.cities.items():
        answer = read_json(real_site, prefix + routes.api_facet_value("cities", key))["result"]
        assert {item["slug"] for item in answer["practices"]} == {s for s, p in real_atlas.practices.items() if key in p.cities}
        assert (answer["latitude"], answer["longitude"]) == (city["lat"], city["lon"])
    counts = {v["key"]: v["count"] for v in read_json(real_site, prefix + routes.API_VOCABULARIES)["result"]["theme"]}
    assert counts == {
        key: sum(key in p.data["themes"] for p in real_atlas.practices.values()) for key in real_atlas.vocabulary["themes"]
    }


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_every_practice_is_in_every_export_with_the_same_slug_and_coordinates(real_site, real_atlas, lang, prefix):
    """The API, the CSV, the GeoJSON, the feed, the map's and the index's data: views of one record."""
    slugs = set(real_atlas.practices)
    points = {
        item["slug"]: [(point["latitude"], point["longitude"]) for point in item["points"]]
        for item in read_json(real_site, prefix + routes.API_PRACTICES)["result"]
    }
    assert set(points) == slugs
    for slug in slugs:
        document = read_json(real_site, prefix + routes.api_practice(slug))["result"]
        assert [(p["latitude"], p["longitude"]) for p in document["points"]] == points[slug]
    rows = csv_table(real_site, prefix)
    assert [row["slug"] for row in rows] == sorted(slugs)
    for row in rows:
        first = points[row["slug"]][0] if points[row["slug"]] else ("", "")
        assert (row["latitude"], row["longitude"]) == tuple(str(value) for value in first)
    geojson = read_json(real_site, prefix + routes.GEOJSON)
    drawn: dict[str, list] = {}
    for feature in geojson["features"]:
        if feature["geometry"]:
            lon, lat = feature["geometry"]["coordinates"]
            drawn.setdefault(feature["properties"]["slug"], []).append((lat, lon))
        else:
            drawn.setdefault(feature["properties"]["slug"], [])
    assert drawn == points
    feed = etree.parse(str(real_site / routes.feed(lang, "fr")))
    entry_urls = feed.xpath("//a:entry/a:id/text()", namespaces=ATOM)
    assert len(entry_urls) == min(FEED_ENTRIES, len(slugs))
    assert {url.rstrip("/").rsplit("/", 1)[1] for url in entry_urls} <= slugs
    markers = map_markers(real_site, prefix)
    index_data = filter_data(real_site, prefix)
    assert {p["slug"] for p in index_data["practices"]} == slugs
    assert {slug: [tuple(point[:2]) for point in p["points"]] for slug, p in markers.items()} == {
        s: p for s, p in points.items() if p
    }
    assert all(index_data["practices"][p["rank"]]["slug"] == slug for slug, p in markers.items())  # the index's ranks


def test_the_tables_and_the_data_package_are_valid_for_frictionless(real_site, tmp_path):
    from frictionless import validate

    for _, prefix in LANGUAGES:
        report = validate(str(real_site / prefix / routes.DATAPACKAGE))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
        assert [task.name for task in report.tasks] == ["practices", "practices-geojson", "api-practices"]
        package = read_json(real_site, prefix + routes.DATAPACKAGE)
        assert package["licenses"][0]["name"] == "CC-BY-4.0"
        assert [field["name"] for field in package["resources"][0]["schema"]["fields"]] == list(csv_table(real_site, prefix)[0])
    broken = tmp_path / "package"  # a wrong date in the table: the validator says so
    shutil.copytree(real_site / "data", broken / "data")
    shutil.copytree(real_site / routes.API, broken / routes.API)
    shutil.copy(real_site / routes.DATAPACKAGE, broken / routes.DATAPACKAGE)
    table = broken / routes.CSV
    table.write_bytes(table.read_bytes().replace(b",2026-11-21,", b",2026-13-21,", 1))
    report = validate(str(broken / routes.DATAPACKAGE))
    assert not report.valid and "2026-13-21" in str(report.flatten(["message"]))


def atom_schema() -> etree.RelaxNG:
    """RFC 4287's RELAX NG grammar (tests/schemas/atom.rnc), converted with rnc2rng."""
    import rnc2rng

    rng = rnc2rng.dumps(rnc2rng.load(str(Path(__file__).parent / "schemas" / "atom.rnc")))
    return etree.RelaxNG(etree.fromstring(rng.replace('xmlns:local=""', "").encode()))  # the empty prefix is implicit in XML


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_the_feeds_are_valid_atom_dated_by_the_case_files(real_site, real_atlas, lang, prefix):
    schema = atom_schema()
    path = real_site / routes.feed(lang, "fr")
    feed = etree.parse(str(path))
    assert schema.validate(feed), schema.error_log
    # RFC 4287's Schematron rules: an author for the feed, a link for each entry
    assert feed.xpath("/a:feed/a:author/a:name/text()", namespaces=ATOM)
    assert all(entry.xpath("a:link[@rel='alternate']", namespaces=ATOM) for entry in feed.xpath("//a:entry", namespaces=ATOM))
    ids = feed.xpath("//a:entry/a:id/text()", namespaces=ATOM)
    assert len(ids) == len(set(ids))
    dates = []
    for entry in feed.xpath("//a:entry", namespaces=ATOM):
        slug = entry.xpath("a:id/text()", namespaces=ATOM)[0].rstrip("/").rsplit("/", 1)[1]
        data = real_atlas.practices[slug].data
        assert entry.xpath("a:title/text()", namespaces=ATOM) == [data["title"].get(lang, data["title"]["fr"])]
        assert entry.xpath("a:updated/text()", namespaces=ATOM) == [f"{data['last_reviewed']}T00:00:00Z"]
        assert entry.xpath("a:published/text()", namespaces=ATOM) == [f"{data['published']}T00:00:00Z"]
        assert entry.xpath("a:link/@href", namespaces=ATOM) == [f"{PUBLISHED_AT}{prefix}practices/{slug}/"]
        dates.append((data["last_reviewed"], data["published"]))
    assert dates == sorted(dates, reverse=True), "newest first"
    assert feed.xpath("/a:feed/a:updated/text()", namespaces=ATOM) == [f"{max(dates)[0]}T00:00:00Z"]
    assert feed.xpath("/a:feed/a:link[@rel='self']/@href", namespaces=ATOM) == [PUBLISHED_AT + routes.feed(lang, "fr")]
    for page in (
        f"{prefix}index.html",
        f"{prefix}practices/{next(iter(real_atlas.practices))}/index.html",
        f"{prefix}data/index.html",
    ):
        html = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
        (link,) = html.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"])) == routes.feed(lang, "fr")
    home = BeautifulSoup((real_site / f"{prefix}index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('main a[type="application/atom+xml"]')["href"].endswith(routes.feed(lang, "fr"))


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_the_open_data_page_documents_every_file_with_its_dataset(real_site, real_atlas, lang, prefix):
    html = BeautifulSoup((real_site / f"{prefix}data/index.html").read_text(encoding="utf-8"), "html.parser")
    addresses = [a["href"] for a in html.select("table.atlas-data-files a")]
    assert len(addresses) == 10
    for address in addresses:
        assert site_file(real_site, address).is_file(), address
    (script,) = html.select('script[type="application/ld+json"]')
    dataset = json.loads(script.string)
    assert dataset["@type"] == "Dataset" and dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {d["contentUrl"] for d in dataset["distribution"]} <= set(addresses)
    assert dataset["dateModified"] == max(p.data["last_reviewed"] for p in real_atlas.practices.values())
    request = html.select("pre code")[0].get_text().removeprefix("curl ")
    assert json.loads(site_file(real_site, request).read_text(encoding="utf-8"))["kind"] == "practice"
    first_row = csv_table(real_site, prefix)[0]

    def spaced(text: str) -> str:  # the page sets the typography of its language (French: no-break spaces)
        return text.replace("\u00a0", " ").replace("\u202f", " ")

    assert [
        (row.select("td")[0].get_text(), spaced(row.select("td")[2].get_text()))
        for row in html.select("table.atlas-data-fields tbody tr")
    ] == list(first_row.items())


def test_the_generation_time_is_the_commits_when_given():
    assert generation_time("1796000000") == GENERATED_AT
    with pytest.raises(ValueError, match=r"SOURCE_DATE_EPOCH='yesterday' is not a time; expected seconds since 1970-01-01 UTC"):
        generation_time("yesterday")
