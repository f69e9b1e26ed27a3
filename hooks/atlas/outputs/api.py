"""The static JSON API: per language under api/v1/, one small file per practice, per value of
each facet (a city, a theme, a lever…) and per actor, a list of each, the vocabularies and an
index of it all. Every answer has the same envelope (records/published.py); one JSON Schema
(schemas/api.schema.json, published as api/v1/schema.json) describes every kind."""

from __future__ import annotations

from ..base import paths, routes
from ..base.facets import FACETS
from ..model.model import Atlas
from ..records import facets
from ..records.actors import actor_record
from ..records.facets import country_name, sort_key
from ..records.practice import PracticeRecord, practice_record, records
from ..records.published import envelope, keyed, practice_json
from ..views import File, html_safe_json

SCHEMA_FILE = paths.SCHEMA_DIR / "api.schema.json"  # every kind of answer; published as routes.API_SCHEMA


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    """Every answer of the API in `lang` (with `only`, a preview: that practice's own); the schema, once."""
    result = [
        File(path, html_safe_json(envelope(atlas, lang, kind, answer))) for path, kind, answer in answers(atlas, lang, only)
    ]
    if lang == atlas.languages.default:
        result.append(File(routes.API_SCHEMA, package_file=SCHEMA_FILE, shared=True))
    return result


def _api_url(atlas: Atlas, path: str, lang: str) -> str:
    return atlas.publication.absolute(atlas.routes.file_url(path, lang))


def summary(atlas: Atlas, record: PracticeRecord) -> dict:
    """What a list says of a practice: enough to choose it and find its own file."""
    return {
        "slug": record.slug,
        "title": record.title.text,
        "url": atlas.publication.absolute(record.url),
        "api_url": _api_url(atlas, routes.api_practice(record.slug), record.lang),
        "city_role": record.role.key,
        "cities": [place.city.key for place in record.places],
        "countries": list(dict.fromkeys(place.country_code for place in record.places)),
        "points": [{"latitude": point.lat, "longitude": point.lon} for point in record.points],
        "published": record.published,
        "last_reviewed": record.last_reviewed,
    }


def _value_details(atlas: Atlas, facet_id: str, key: str, lang: str) -> dict:
    """What the vocabulary or cities.yml says of a value besides its label."""
    if facet_id == "city":
        city = atlas.cities[key]
        return {
            "country_code": city["country"],
            "country": country_name(city["country"], lang),
            "region_key": city["region"],
            "region": facets.label(atlas, "region", city["region"], lang).text,
            "latitude": city["lat"],
            "longitude": city["lon"],
            "population": city.get("population"),
            "population_year": city.get("population_year"),
        }
    term = facets.term(atlas, facet_id, key, lang)
    return {"group": term.group} if facet_id == "lever" else {"acted": term.acted} if facet_id == "role" else {}


def _actor(atlas: Atlas, slug: str, lang: str, summaries: dict[str, dict]) -> dict:
    record, data = actor_record(atlas, slug, lang), atlas.actors[slug].data
    return {
        "key": slug,
        "name": record.name.text,
        "url": atlas.publication.absolute(record.url),
        "type": keyed(record.type),
        "cities": list(record.cities),
        "themes": list(record.themes),
        "since": record.since,
        "links": [{"url": link.url, "label": link.label.text} for link in record.links],
        "profile": {section: atlas.languages.pick(value, lang).text for section, value in data["profile"].items()},
        "sources": [
            {"title": s.title, "publisher": s.publisher.text, "year": s.year, "url": s.url, "pages": s.pages}
            for s in record.sources
        ],
        "practices": [{**summaries[practice.slug], "role": role.text if role else None} for practice, role in record.practices],
        "last_reviewed": record.last_reviewed,
    }


def answers(atlas: Atlas, lang: str, only: str | None = None) -> list[tuple[str, str, dict | list]]:
    """(path, kind, result) of every answer: kinds are the $defs of schemas/api.schema.json."""
    if only:
        return [
            (routes.api_practice(only), "practice", practice_json(atlas, practice_record(atlas, atlas.practices[only], lang)))
        ]
    summaries = {r.slug: summary(atlas, r) for r in records(atlas, lang)}  # in the index's order; lists repeat them
    result = [(routes.API_PRACTICES, "practices", list(summaries.values()))]
    result += [
        (routes.api_practice(slug), "practice", practice_json(atlas, practice_record(atlas, p, lang)))
        for slug, p in atlas.practices.items()
    ]
    vocabularies = {}
    for facet in FACETS:
        by_key = facets.practices_by_key(atlas, facet.id)
        vocabularies[facet.id] = []
        for key in facets.all_keys(atlas, facet.id):
            value = {
                "key": key,
                "label": facets.label(atlas, facet.id, key, lang).text,
                "url": atlas.publication.absolute(atlas.routes.page_url(facet.path(key), lang)),
                "api_url": _api_url(atlas, routes.api_facet_value(facet.folder, key), lang),
                **_value_details(atlas, facet.id, key, lang),
            }
            vocabularies[facet.id].append({**value, "count": len(by_key.get(key, []))})
            practices = [
                {name: answer[name] for name in ("slug", "title", "url", "api_url")}  # a list: each leads to its file
                for answer in (summaries[r.slug] for r in records(atlas, lang, by_key.get(key, [])))
            ]
            result.append(
                (routes.api_facet_value(facet.folder, key), "facet_value", {"facet": facet.id, **value, "practices": practices})
            )
    result.append((routes.API_VOCABULARIES, "vocabularies", vocabularies))
    actors = [_actor(atlas, slug, lang, summaries) for slug in atlas.actors]
    listed = [
        {
            "key": actor["key"],
            "name": actor["name"],
            "type": actor["type"]["key"],
            "cities": actor["cities"],
            "url": actor["url"],
            "api_url": _api_url(atlas, routes.api_actor(actor["key"]), lang),
        }
        for actor in sorted(actors, key=lambda actor: sort_key(actor["name"]))
    ]
    result.append((routes.API_ACTORS, "actors", listed))
    result += [(routes.api_actor(actor["key"]), "actor", actor) for actor in actors]
    result.append((routes.API_INDEX, "index", index(atlas, lang)))
    return result


def index(atlas: Atlas, lang: str) -> dict:
    absolute = atlas.publication.absolute
    return {
        "practices": _api_url(atlas, routes.API_PRACTICES, lang),
        "practice": _api_url(atlas, routes.api_practice("{slug}"), lang),
        "vocabularies": _api_url(atlas, routes.API_VOCABULARIES, lang),
        "facet_values": {facet.id: _api_url(atlas, routes.api_facet_value(facet.folder, "{key}"), lang) for facet in FACETS},
        "actors": _api_url(atlas, routes.API_ACTORS, lang),
        "actor": _api_url(atlas, routes.api_actor("{key}"), lang),
        "schema": absolute(routes.API_SCHEMA),
        "csv": _api_url(atlas, routes.CSV, lang),
        "geojson": _api_url(atlas, routes.GEOJSON, lang),
        "datapackage": _api_url(atlas, routes.DATAPACKAGE, lang),
        "feed": absolute(routes.feed(lang, atlas.languages.default)),
        "documentation": absolute(atlas.routes.page_url(routes.OPEN_DATA, lang)),
    }
