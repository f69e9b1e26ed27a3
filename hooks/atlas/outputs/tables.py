"""Open data as tables: a CSV of the practices per language (one row per practice; lists joined,
keys beside labels: records/published.py's columns) and a Frictionless data package
(datapackage.json, at each language's root) that describes it, the GeoJSON and the API's list."""

from __future__ import annotations

import csv
import io

from ..base import routes
from ..model.model import Atlas
from ..records.facets import sort_key
from ..records.practice import records
from ..records.published import COLUMNS, LICENCE, csv_rows
from ..views import File, html_safe_json, publisher_name, ui

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    if only:
        return []
    return [File(routes.CSV, csv_text(atlas, lang)), File(routes.DATAPACKAGE, html_safe_json(datapackage(atlas, lang)))]


def spreadsheet_safe(value: object) -> object:
    """A text a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
    return: OWASP's CSV injection) is written after an apostrophe, which spreadsheets show as
    text; numbers are left as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(atlas: Atlas, lang: str) -> str:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8 with a byte-order mark so that
    spreadsheets open it with its accents."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [[spreadsheet_safe(value) for value in row] for row in csv_rows(atlas, lang)]
    )
    return "\ufeff" + buffer.getvalue()


def datapackage(atlas: Atlas, lang: str) -> dict:
    """The Frictionless data package of one language: its paths are from the language's root."""
    strings = ui(atlas, lang)
    site_name, description = atlas.publication.site_name(lang)
    sources = {(s.title, s.publisher.text): s.url for record in records(atlas, lang) for s in record.sources}
    resource = {"format": "json", "mediatype": "application/json", "encoding": "utf-8"}
    return {
        "name": f"atlas-municipal-innovation-practices-{lang}",
        "title": site_name,
        "description": description,
        "homepage": atlas.publication.absolute(atlas.routes.page_url(routes.OPEN_DATA, lang)),
        "version": atlas.publication.generated_at[:10],
        "created": atlas.publication.generated_at,
        "licenses": [LICENCE],
        "contributors": [{"title": publisher_name(atlas, lang), "role": "publisher"}],
        "sources": [
            {"title": f"{title} ({publisher})", **({"path": url} if url else {})}
            for (title, publisher), url in sorted(sources.items(), key=lambda item: sort_key(item[0][0]))
        ],
        "resources": [
            {
                "name": "practices",
                "title": strings["data_csv_title"],
                "path": routes.CSV,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {
                    "fields": [{"name": c.name, "type": c.type, "description": strings["csv_fields"][c.name]} for c in COLUMNS],
                    "primaryKey": ["slug"],
                },
            },
            {
                "name": "practices-geojson",
                "title": strings["data_geojson_title"],
                "path": routes.GEOJSON,
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
            },
            {"name": "api-practices", "title": strings["data_api_title"], "path": routes.API_PRACTICES, **resource},
        ],
    }
