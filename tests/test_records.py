"""The core's one definitions, called directly (no MkDocs): the language service and its fallback
chains, what "translated" means for every output, one record per practice read by every output."""

from __future__ import annotations

import csv
import io
import json

from atlas.base.languages import Languages
from atlas.outputs import api, feeds, geojson, index, practice, tables
from atlas.records.practice import practice_record
from atlas.records.published import practice_json
from atlas.records.translation import changed_figures, figures, practice_gaps
from atlas.site import site_pages
from atlas.tools.reports import translation_report
from conftest import EN_MD, FR_MD, published_atlas

FR_EN_ES = Languages.configured(("fr", "en", "es"), {"es": ["en"]})


def test_a_language_takes_a_missing_text_along_its_chain():
    assert FR_EN_ES.chain("es") == ("es", "en", "fr") and FR_EN_ES.chain("en") == ("en", "fr") and FR_EN_ES.chain("fr") == ("fr",)
    picked = FR_EN_ES.pick({"fr": "Le CentSept", "en": "CentSept"}, "es")
    assert (picked.text, picked.lang) == ("CentSept", "en")
    assert FR_EN_ES.pick({"fr": "Tuba"}, "es").lang == "fr"
    assert FR_EN_ES.pick({"fr": "Tuba", "es": ""}, "es").lang == "fr"  # an empty text is no text
    assert FR_EN_ES.pick(None, "es") is None


def test_one_definition_of_translated_for_the_page_the_card_the_data_and_the_report(fixture_atlas):
    """A practice whose English narrative exists but whose English summary does not: every output
    says the same thing of it — partly translated, the summary shown in French and marked so."""
    fixture_atlas.add_practice("lyon-centsept", {"summary": {"fr": "Un accélérateur d'innovation sociale."}})
    atlas = published_atlas(fixture_atlas.root)
    record = practice_record(atlas, atlas.practices["lyon-centsept"], "en")
    assert record.translation.missing == ("summary",) and not record.translation.complete
    assert (record.summary.lang, record.summary.fallback, record.title.fallback, record.narrative.fallback) == (
        "fr",
        True,
        False,
        False,
    )
    assert record.fallback_language == "fr"  # the page's notice says the missing part is in French
    assert practice_json(atlas, record)["translated"] is False and practice_json(atlas, record)["language"] == "en"
    assert practice_gaps(atlas, "en") == [("lyon-centsept", ["summary.en"])]
    assert "| `lyon-centsept` | en | `summary.en` |" in translation_report(atlas)
    complete = practice_record(atlas, atlas.practices["lyon-centsept"], "fr")
    assert complete.translation.complete and complete.fallback_language is None


def test_figures_are_read_as_each_language_writes_them():
    french = "En 2019, 1 500 emplois, 2,5 millions d'euros et 15 % de femmes ([rapport 2020](https://example.org/2021/3))."
    english = "In 2019, 1,500 jobs, 2.5 million euros and 15% women ([2020 report](https://example.org/2021/3))."
    spanish = "En 2019, 1.500 empleos, 2,5 millones de euros y un 15 % de mujeres ([informe 2020](https://example.org/2021/3))."
    expected = {"2019", "1500", "2.5", "15", "2020"}  # the link's address is no figure of the text
    assert [
        {f"{number:f}" for number in figures(text, lang)} for text, lang in ((french, "fr"), (english, "en"), (spanish, "es"))
    ] == [expected] * 3


def test_a_figure_dropped_or_changed_in_a_translation_is_found(fixture_atlas):
    fixture_atlas.add_practice(
        "lyon-centsept",
        {
            "summary": {
                "fr": "Un accélérateur créé en 2014 pour 1 200 projets.",
                "en": "An accelerator created in 2015 for 1,200 projects.",
            }
        },
    )
    atlas = published_atlas(fixture_atlas.root)
    assert changed_figures(atlas) == [("lyon-centsept", "summary.en", "en", ["2014"])]
    assert "| `lyon-centsept` | `summary.en` | 2014 |" in translation_report(atlas)


def test_every_output_reads_the_same_record(fixture_atlas):
    """The page, the index's data, the API, the CSV, the GeoJSON and the feed say the same title,
    place and coordinates for a practice, in each language: they are views of one record."""
    fixture_atlas.add_practice("lyon-centsept", {"cities": ["lyon", "abidjan"]})
    atlas = published_atlas(fixture_atlas.root)
    for lang in atlas.languages.codes:
        record = practice_record(atlas, atlas.practices["lyon-centsept"], lang)
        title = record.title.text
        page = next(p for p in site_pages(atlas, lang) if p.path == "practices/lyon-centsept")
        assert page.title == title and practice.view(atlas, record)["record"] is record
        assert index.card(record)[1:3] == [title, ", ".join(record.place_names)]
        (answer,) = [a for path, kind, a in api.answers(atlas, lang) if kind == "practice"]
        assert answer["title"] == title and [(p["latitude"], p["longitude"]) for p in answer["points"]] == [
            (45.764, 4.8357),
            (5.36, -4.0083),
        ]
        row = list(csv.DictReader(io.StringIO(tables.csv_text(atlas, lang).lstrip("\ufeff"))))[0]
        assert (row["title"], row["cities"]) == (title, "lyon|abidjan")
        features = geojson.geojson(atlas, lang)["features"]
        assert [f["geometry"]["coordinates"] for f in features] == [[4.8357, 45.764], [-4.0083, 5.36]]
        assert f"<title>{title}</title>" in feeds.feed_xml(atlas, lang)
        assert json.loads(json.dumps(answer))["places"][1]["city_key"] == "abidjan"


def test_a_french_only_practice_is_published_in_every_language(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"title": {"fr": "Le CentSept"}, "summary": {"fr": "Un accélérateur."}}, en=None)
    fixture_atlas.write("practices/lyon-centsept/fr.md", FR_MD)
    atlas = published_atlas(fixture_atlas.root)
    record = practice_record(atlas, atlas.practices["lyon-centsept"], "en")
    assert (record.title.text, record.title.lang, record.narrative.lang, record.narrative.fallback) == (
        "Le CentSept",
        "fr",
        "fr",
        True,
    )
    assert record.narrative.markdown == FR_MD != EN_MD
    assert {p.path for p in site_pages(atlas, "en")} >= {"practices", "practices/lyon-centsept"}
