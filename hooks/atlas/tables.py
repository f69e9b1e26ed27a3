"""Open data as tables: a CSV of the practices per language (one row per practice; lists joined
with LIST_SEPARATOR, keys beside labels) and a Frictionless data package (datapackage.json,
at each language's root) that describes it, the GeoJSON and the JSON API's lists: fields,
types, licence, sources. Views of the practices' documents (hooks/atlas/records.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from . import routes
from .model import Atlas
from .records import practice_document
from .views import sort_key, ui

LIST_SEPARATOR = "|"
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def _keys(name: str) -> Callable[[dict], str]:
    return lambda document: LIST_SEPARATOR.join(item["key"] for item in document[name])


def _labels(name: str) -> Callable[[dict], str]:
    return lambda document: LIST_SEPARATOR.join(item["label"] for item in document[name])


def _places(name: str) -> Callable[[dict], str]:
    return lambda document: LIST_SEPARATOR.join(dict.fromkeys(place[name] for place in document["places"]))


def _first_point(coordinate: str) -> Callable[[dict], float | None]:
    return lambda document: document["points"][0][coordinate] if document["points"] else None


@dataclass(frozen=True)
class Column:
    name: str  # its description: strings.yml, csv_fields
    type: str  # Frictionless Table Schema type
    value: Callable[[dict], object]  # from the practice's document


COLUMNS = (
    Column("slug", "string", lambda d: d["slug"]),
    Column("title", "string", lambda d: d["title"]),
    Column("summary", "string", lambda d: d["summary"]),
    Column("url", "string", lambda d: d["url"]),
    Column("language", "string", lambda d: d["language"]),
    Column("city_role", "string", lambda d: d["city_role"]["key"]),
    Column("city_role_label", "string", lambda d: d["city_role"]["label"]),
    Column("cities", "string", _places("city_key")),
    Column("city_names", "string", _places("city")),
    Column("country_codes", "string", _places("country_code")),
    Column("countries", "string", _places("country")),
    Column("scope", "string", lambda d: d["scope"]["name"] if d["scope"] else None),
    Column("latitude", "number", _first_point("latitude")),
    Column("longitude", "number", _first_point("longitude")),
    Column("themes", "string", _keys("themes")),
    Column("theme_labels", "string", _labels("themes")),
    Column("levers", "string", _keys("levers")),
    Column("lever_labels", "string", _labels("levers")),
    Column("actor_types", "string", _keys("actor_types")),
    Column("actor_type_labels", "string", _labels("actor_types")),
    Column("status", "string", lambda d: d["status"]["key"]),
    Column("status_label", "string", lambda d: d["status"]["label"]),
    Column("start_year", "integer", lambda d: d["start_year"]),
    Column("end_year", "integer", lambda d: d["end_year"]),
    Column("sdgs", "string", lambda d: LIST_SEPARATOR.join(str(sdg["number"]) for sdg in d["sdgs"])),
    Column("published", "date", lambda d: d["published"]),
    Column("last_reviewed", "date", lambda d: d["last_reviewed"]),
)


def csv_rows(atlas: Atlas, lang: str) -> list[list]:
    """The header, then one row per practice in the order of their slugs (stable between builds)."""
    documents = [practice_document(atlas, practice, lang) for practice in atlas.practices.values()]
    return [[column.name for column in COLUMNS]] + [[column.value(document) for column in COLUMNS] for document in documents]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    strings = ui(lang, atlas.languages.default)
    site_name, description = atlas.publication.site_name(lang)
    publisher = atlas.publication.publisher_name(lang, atlas.languages.default)
    sources = {
        (source["title"], source["publisher"]): source.get("url")
        for practice in atlas.practices.values()
        for source in practice.data["sources"]
    }
    return {
        "name": f"atlas-municipal-innovation-practices-{lang}",
        "title": site_name,
        "description": description,
        "homepage": atlas.publication.absolute(atlas.routes.page_url(routes.OPEN_DATA, lang)),
        "version": atlas.publication.generated_at[:10],
        "created": atlas.publication.generated_at,
        "licenses": [LICENCE],
        "contributors": [{"title": publisher, "role": "publisher"}],
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
                    "fields": [
                        {"name": column.name, "type": column.type, "description": strings["csv_fields"][column.name]}
                        for column in COLUMNS
                    ],
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
            {
                "name": "api-practices",
                "title": strings["data_api_title"],
                "path": routes.API_PRACTICES,
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
        ],
    }
