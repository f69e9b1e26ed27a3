"""The open-data page: what is published and where, the API's envelope and an example answer,
the CSV's fields with the table's first row, the feed, the licence, how often it changes; and
the schema.org Dataset that search engines read. Examples are the data's own."""

from __future__ import annotations

import json

from ..base import routes
from ..model.model import Atlas
from ..records.practice import practice_record
from ..records.published import (
    COLUMNS,
    ENVELOPE,
    FEED_ENTRIES,
    LICENCE,
    LIST_SEPARATOR,
    SCHEMA_VERSION,
    csv_rows,
    envelope,
    practice_json,
)
from ..views import Page, html_safe_json, organization, ui

# (what it is, its format, its address) of each published file, what: a key of the interface's texts
FILES = (
    ("data_csv_title", "CSV", lambda atlas, lang, slug: atlas.routes.file_url(routes.CSV, lang)),
    ("data_geojson_title", "GeoJSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.GEOJSON, lang)),
    ("data_api_index_title", "JSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.API_INDEX, lang)),
    ("data_api_title", "JSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.API_PRACTICES, lang)),
    ("data_practice_title", "JSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.api_practice(slug), lang)),
    ("data_vocabularies_title", "JSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.API_VOCABULARIES, lang)),
    ("data_actors_title", "JSON", lambda atlas, lang, slug: atlas.routes.file_url(routes.API_ACTORS, lang)),
    ("data_schema_title", "JSON Schema", lambda atlas, lang, slug: routes.API_SCHEMA),
    ("data_datapackage_title", "Data Package", lambda atlas, lang, slug: atlas.routes.file_url(routes.DATAPACKAGE, lang)),
    ("data_feed_title", "Atom", lambda atlas, lang, slug: routes.feed(lang, atlas.languages.default)),
)


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    return [
        Page(
            routes.OPEN_DATA,
            "open-data.html",
            strings["open_data_title"],
            lambda: view(atlas, lang),
            "open_data",
            in_nav=True,
            description=strings["open_data_description"],
        )
    ]


def _files(atlas: Atlas, lang: str, example_slug: str | None) -> list[dict]:
    """The published files; one practice's answer only where the atlas has a practice to show."""
    strings = ui(atlas, lang)
    return [
        {"what": strings[what], "format": kind, "url": atlas.publication.absolute(url(atlas, lang, example_slug))}
        for what, kind, url in FILES
        if example_slug is not None or what != "data_practice_title"
    ]


def _abridged_answer(atlas: Atlas, lang: str, slug: str) -> str:
    """The envelope of one practice's answer with the first fields of its result."""
    document = practice_json(atlas, practice_record(atlas, atlas.practices[slug], lang))
    shown = {key: document[key] for key in ("slug", "url", "title", "city_role", "places")}
    return json.dumps(envelope(atlas, lang, "practice", {**shown, "…": "…"}), ensure_ascii=False, indent=2)


def dataset(atlas: Atlas, lang: str, files: list[dict]) -> dict:
    """schema.org Dataset: the atlas's data, its licence, publisher, dates and downloads."""
    site_name, description = atlas.publication.site_name(lang)
    strings = ui(atlas, lang)
    dates = [(p.data["published"], p.data["last_reviewed"]) for p in atlas.practices.values()]
    publisher = organization(atlas, lang)
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


def view(atlas: Atlas, lang: str) -> dict:
    strings = ui(atlas, lang)
    example = min(atlas.practices, default=None)  # a new atlas has none yet: no example then
    files = _files(atlas, lang, example)
    rows = csv_rows(atlas, lang)
    first_row = rows[1] if len(rows) > 1 else [None] * len(COLUMNS)
    return {
        "files": files,
        "schema_version": SCHEMA_VERSION,
        "envelope": ENVELOPE,
        "example_request": example and atlas.publication.absolute(atlas.routes.file_url(routes.api_practice(example), lang)),
        "example_answer": example and _abridged_answer(atlas, lang, example),
        "csv_text": strings["data_csv_text"].format(separator=LIST_SEPARATOR),
        "fields": [
            {"name": column.name, "description": strings["csv_fields"][column.name], "example": "" if value is None else value}
            for column, value in zip(COLUMNS, first_row, strict=True)
        ],
        "feed_text": strings["data_feed_text"].format(count=FEED_ENTRIES),
        "feed_url": atlas.publication.absolute(routes.feed(lang, atlas.languages.default)),
        "licence_url": strings["licence_url"],
        "jsonld": html_safe_json(dataset(atlas, lang, files)),
    }
