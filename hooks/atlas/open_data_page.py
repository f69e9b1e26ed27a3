"""The open-data page: what is published and where, the API's envelope and an example answer,
the CSV's fields with the table's first row, the feed, the licence, how often it changes; and
the schema.org Dataset that search engines read. Examples are the data's own."""

from __future__ import annotations

import json

from markupsafe import escape

from . import routes
from .api import SCHEMA_VERSION, answers, envelope
from .feeds import FEED_ENTRIES
from .model import Atlas
from .records import practice_document
from .tables import COLUMNS, LICENCE, LIST_SEPARATOR, csv_rows
from .views import html_safe_json, ui


def _files(atlas: Atlas, lang: str, example_slug: str) -> list[dict]:
    """(what, format, address) of each published file, absolute addresses."""
    file_url, absolute = atlas.routes.file_url, atlas.publication.absolute
    return [
        {"what": what, "format": kind, "url": absolute(url)}
        for what, kind, url in (
            ("data_csv_title", "CSV", file_url(routes.CSV, lang)),
            ("data_geojson_title", "GeoJSON", file_url(routes.GEOJSON, lang)),
            ("data_api_index_title", "JSON", file_url(routes.API_INDEX, lang)),
            ("data_api_title", "JSON", file_url(routes.API_PRACTICES, lang)),
            ("data_practice_title", "JSON", file_url(routes.api_practice(example_slug), lang)),
            ("data_vocabularies_title", "JSON", file_url(routes.API_VOCABULARIES, lang)),
            ("data_actors_title", "JSON", file_url(routes.API_ACTORS, lang)),
            ("data_schema_title", "JSON Schema", routes.API_SCHEMA),
            ("data_datapackage_title", "Data Package", file_url(routes.DATAPACKAGE, lang)),
            ("data_feed_title", "Atom", routes.feed(lang, atlas.languages.default)),
        )
    ]


def _abridged_answer(atlas: Atlas, lang: str, slug: str) -> str:
    """The envelope of one practice's answer with the first fields of its result."""
    document = practice_document(atlas, atlas.practices[slug], lang)
    shown = {key: document[key] for key in ("slug", "url", "title", "city_role", "places")}
    answer = envelope(atlas, lang, next(a for a in answers(atlas, lang, only=slug)))
    return json.dumps({**answer, "result": {**shown, "…": "…"}}, ensure_ascii=False, indent=2)


def dataset(atlas: Atlas, lang: str, files: list[dict]) -> dict:
    """schema.org Dataset: the atlas's data, its licence, publisher, dates and downloads."""
    site_name, description = atlas.publication.site_name(lang)
    strings = ui(lang, atlas.languages.default)
    dates = [(p.data["published"], p.data["last_reviewed"]) for p in atlas.practices.values()]
    publisher = {"@type": "Organization", "name": atlas.publication.publisher_name(lang, atlas.languages.default)}
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{site_name} — {strings['open_data_title']}",
        "description": strings["open_data_intro"],
        "url": atlas.publication.absolute(atlas.routes.page_url(routes.OPEN_DATA, lang)),
        "inLanguage": lang,
        "license": LICENCE["path"],
        "isAccessibleForFree": True,
        "creator": publisher,
        "publisher": publisher,
        "datePublished": min((published for published, _ in dates), default=None),
        "dateModified": max((reviewed for _, reviewed in dates), default=None),
        "keywords": [site_name, description],
        "distribution": [
            {"@type": "DataDownload", "name": file["what"], "encodingFormat": file["format"], "contentUrl": file["url"]}
            for file in files
            if file["format"] in ("CSV", "GeoJSON", "JSON", "Atom")
        ],
    }


def open_data_view(atlas: Atlas, lang: str) -> dict:
    strings = ui(lang, atlas.languages.default)
    example = sorted(atlas.practices)[0]
    files = _files(atlas, lang, example)
    first_row = csv_rows(atlas, lang)[1]
    for file in files:
        file["what"] = strings[file["what"]]
    return {
        "files": [{key: escape(value) for key, value in file.items()} for file in files],
        "schema_version": SCHEMA_VERSION,
        "envelope": ["schema_version", "kind", "language", "generated_at", "total", "result"],
        "example_request": escape(atlas.publication.absolute(atlas.routes.file_url(routes.api_practice(example), lang))),
        "example_answer": escape(_abridged_answer(atlas, lang, example)),
        "csv_text": escape(strings["data_csv_text"].format(separator=LIST_SEPARATOR)),
        "fields": [
            {
                "name": column.name,
                "description": escape(strings["csv_fields"][column.name]),
                "example": escape("" if value is None else value),
            }
            for column, value in zip(COLUMNS, first_row, strict=True)
        ],
        "feed_text": escape(strings["data_feed_text"].format(count=FEED_ENTRIES)),
        "feed_url": escape(atlas.publication.absolute(routes.feed(lang, atlas.languages.default))),
        "licence_url": strings["licence_url"],
        "jsonld": html_safe_json(dataset(atlas, lang, files)),
    }
