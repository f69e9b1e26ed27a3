"""The open data's formats, shared by the outputs that write them and the page that documents
them: the API's envelope and a practice's answer, the CSV's columns, the licence, the feed's
length. Each is a view of the records (practice.py), in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..base import routes
from ..model.model import Atlas
from ..model.settings import Publication
from .practice import PracticeRecord, records
from .values import Term

SCHEMA_VERSION = "1.1.0"  # of the envelope and the answers (semantic versioning: see the README)
ENVELOPE = ("schema_version", "kind", "language", "generated_at", "total", "result")
LIST_SEPARATOR = "|"
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
FEED_ENTRIES = 100  # the newest; older practices stay in the open data


def envelope(atlas: Atlas, lang: str, kind: str, result) -> dict:
    """Every API answer's envelope (its fields: ENVELOPE)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "language": lang,
        "generated_at": atlas.publication.generated_at,
        "total": len(result) if isinstance(result, list) else 1,
        "result": result,
    }


def keyed(term: Term) -> dict:
    return {"key": term.key, "label": term.label.text}


def practice_json(atlas: Atlas, record: PracticeRecord) -> dict:
    """Every field of a practice's case file in the record's edition (texts along the language's
    chain where not translated), labels resolved, addresses absolute: the API's answer."""
    absolute, page_file = atlas.publication.absolute, atlas.routes.page_file
    return {
        "slug": record.slug,
        "url": absolute(record.url),
        "title": record.title.text,
        "summary": record.summary.text if record.summary else "",
        "language": record.narrative.lang,
        "translated": record.translation.complete,
        "city_role": keyed(record.role),
        "city_role_note": record.role_note.text if record.role_note else None,
        "places": [  # its cities, with their coordinates in practices/cities.yml
            {
                "city_key": place.city.key,
                "city": place.city.label.text,
                "country_code": place.country_code,
                "country": place.country.label.text,
                "region_key": place.region.key,
                "region": place.region.label.text,
                "latitude": place.lat,
                "longitude": place.lon,
            }
            for place in record.places
        ],
        # where maps and the GeoJSON draw it: its own `location`, else each of its cities
        "points": [{"latitude": point.lat, "longitude": point.lon} for point in record.points],
        "scope": {
            "name": record.scope.name.text,
            "countries": [{"code": term.key.upper(), "name": term.label.text} for term in record.scope.countries],
            "regions": [keyed(term) for term in record.scope.regions],
        }
        if record.scope
        else None,
        "themes": [keyed(term) for term in record.themes],
        "levers": [{**keyed(term), "group": term.group} for term in record.levers],
        "actor_types": [keyed(term) for term in record.actor_types],
        "actors": [
            {
                "name": actor.name.text,
                "type": keyed(actor.type),
                "role": actor.role.text if actor.role else None,
                "url": actor.url,
                "profile": actor.profile,
                "profile_url": absolute(actor.profile_url) if actor.profile_url else None,
            }
            for actor in record.actors
        ],
        "status": keyed(record.status),
        "start_year": record.start_year,
        "end_year": record.end_year,
        "sdgs": [{"number": int(term.key), "label": term.label.text} for term in record.sdgs],
        "links": [{"url": link.url, "label": link.label.text} for link in record.links],
        "sources": [
            {
                "title": s.title,
                "language": s.language,
                "publisher": s.publisher.text,
                "year": s.year,
                "url": s.url,
                "pages": s.pages,
            }
            for s in record.sources
        ],
        "related": [{"slug": ref.slug, "title": ref.title.text, "url": absolute(ref.url)} for ref in record.related],
        "images": [absolute(page_file(routes.practice(record.slug), record.lang, name)) for name in record.images],
        "narrative": {"language": record.narrative.lang, "markdown": record.narrative.markdown},
        "published": record.published,
        "last_reviewed": record.last_reviewed,
    }


def _joined(values) -> str:
    return LIST_SEPARATOR.join(dict.fromkeys(values))


@dataclass(frozen=True)
class Column:
    name: str  # its description: the interface's texts, csv_fields
    type: str  # Frictionless Table Schema type
    value: Callable[[PracticeRecord, Publication], object]


COLUMNS = (
    Column("slug", "string", lambda r, p: r.slug),
    Column("title", "string", lambda r, p: r.title.text),
    Column("summary", "string", lambda r, p: r.summary.text if r.summary else ""),
    Column("url", "string", lambda r, p: p.absolute(r.url)),
    Column("language", "string", lambda r, p: r.narrative.lang),
    Column("city_role", "string", lambda r, p: r.role.key),
    Column("city_role_label", "string", lambda r, p: r.role.label.text),
    Column("cities", "string", lambda r, p: _joined(place.city.key for place in r.places)),
    Column("city_names", "string", lambda r, p: _joined(place.city.label.text for place in r.places)),
    Column("country_codes", "string", lambda r, p: _joined(place.country_code for place in r.places)),
    Column("countries", "string", lambda r, p: _joined(place.country.label.text for place in r.places)),
    Column("scope", "string", lambda r, p: r.scope.name.text if r.scope else None),
    Column("latitude", "number", lambda r, p: r.points[0].lat if r.points else None),
    Column("longitude", "number", lambda r, p: r.points[0].lon if r.points else None),
    Column("themes", "string", lambda r, p: _joined(term.key for term in r.themes)),
    Column("theme_labels", "string", lambda r, p: _joined(term.label.text for term in r.themes)),
    Column("levers", "string", lambda r, p: _joined(term.key for term in r.levers)),
    Column("lever_labels", "string", lambda r, p: _joined(term.label.text for term in r.levers)),
    Column("actor_types", "string", lambda r, p: _joined(term.key for term in r.actor_types)),
    Column("actor_type_labels", "string", lambda r, p: _joined(term.label.text for term in r.actor_types)),
    Column("status", "string", lambda r, p: r.status.key),
    Column("status_label", "string", lambda r, p: r.status.label.text),
    Column("start_year", "integer", lambda r, p: r.start_year),
    Column("end_year", "integer", lambda r, p: r.end_year),
    Column("sdgs", "string", lambda r, p: _joined(term.key for term in r.sdgs)),
    Column("published", "date", lambda r, p: r.published),
    Column("last_reviewed", "date", lambda r, p: r.last_reviewed),
)


def csv_rows(atlas: Atlas, lang: str) -> list[list]:
    """The header, then one row per practice in the order of their slugs (stable between builds)."""
    by_slug = sorted(records(atlas, lang), key=lambda record: record.slug)
    return [[column.name for column in COLUMNS]] + [[column.value(r, atlas.publication) for column in COLUMNS] for r in by_slug]


def newest(atlas: Atlas, lang: str) -> list[PracticeRecord]:
    """The practices last revised (then first published) most recently: the feed's, and the home page's."""
    ordered = sorted(records(atlas, lang), key=lambda r: (r.last_reviewed, r.published, r.slug), reverse=True)
    return ordered[:FEED_ENTRIES]
