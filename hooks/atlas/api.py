"""The static JSON API: per language under api/v1/, one small file per practice, per value of
each facet (a city, a theme, a lever…) and per actor, a list of each, the vocabularies and an
index of it all. Every answer has the same envelope (schema version, kind, language,
generation time, total, result); one JSON Schema (schemas/api.schema.json, published as
api/v1/schema.json) describes every kind. Views of the same records as the pages
(hooks/atlas/records.py); documented on the open-data page and in the README."""

from __future__ import annotations

from dataclasses import dataclass

from . import actors, routes
from .facets import FACETS, practices_by_key
from .model import Atlas
from .records import facet_label, keyed, practice_document
from .schema import SCHEMA_DIR
from .views import country_name, plain, sort_key

SCHEMA_VERSION = "1.0.0"  # of the envelope and the answers (semantic versioning: see the README)
SCHEMA_FILE = SCHEMA_DIR / "api.schema.json"  # every kind of answer; published as routes.API_SCHEMA


@dataclass(frozen=True)
class Answer:
    path: str  # language-neutral, from routes: 'api/v1/practices/lyon-centsept.json'
    kind: str  # one of the $defs of schemas/api.schema.json
    result: dict | list


def envelope(atlas: Atlas, lang: str, answer: Answer) -> dict:
    result = answer.result
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": answer.kind,
        "language": lang,
        "generated_at": atlas.publication.generated_at,
        "total": len(result) if isinstance(result, list) else 1,
        "result": result,
    }


def _api_url(atlas: Atlas, path: str, lang: str) -> str:
    return atlas.publication.absolute(atlas.routes.file_url(path, lang))


def practice_summary(atlas: Atlas, document: dict, lang: str) -> dict:
    """What a list says of a practice: enough to choose it and find its own file."""
    return {
        "slug": document["slug"],
        "title": document["title"],
        "url": document["url"],
        "api_url": _api_url(atlas, routes.api_practice(document["slug"]), lang),
        "city_role": document["city_role"]["key"],
        "cities": [place["city_key"] for place in document["places"]],
        "countries": list(dict.fromkeys(place["country_code"] for place in document["places"])),
        "points": document["points"],
        "published": document["published"],
        "last_reviewed": document["last_reviewed"],
    }


def _practice_summaries(atlas: Atlas, practices, lang: str) -> list[dict]:
    documents = [practice_document(atlas, practice, lang) for practice in practices]
    return [practice_summary(atlas, document, lang) for document in sorted(documents, key=lambda d: sort_key(d["title"]))]


def _facet_value_details(atlas: Atlas, facet_id: str, key: str, lang: str) -> dict:
    """What the vocabulary or cities.yml says of a value besides its label."""
    if facet_id == "city":
        city = atlas.cities[key]
        return {
            "country_code": city["country"],
            "country": country_name(city["country"], lang),
            "region_key": city["region"],
            "region": facet_label(atlas, "region", city["region"], lang),
            "latitude": city["lat"],
            "longitude": city["lon"],
            "population": city.get("population"),
            "population_year": city.get("population_year"),
        }
    if facet_id == "lever":
        return {"group": atlas.vocabulary["levers"][key]["group"]}
    if facet_id == "role":
        return {"acted": atlas.vocabulary["city_roles"][key]["acted"]}
    return {}


def _actor_document(atlas: Atlas, slug: str, lang: str) -> dict:
    default, data = atlas.languages.default, atlas.actors[slug].data
    return {
        "key": slug,
        "name": plain(data["name"], lang, default),
        "url": atlas.publication.absolute(atlas.routes.page_url(routes.actor(slug), lang)),
        "type": keyed(atlas, "actor", [data["type"]], lang)[0],
        "cities": actors.cities_of(atlas, slug),
        "themes": actors.themes_of(atlas, slug),
        "since": data.get("since"),
        "links": [{"url": link["url"], "label": plain(link["label"], lang, default)} for link in data.get("links", [])],
        "profile": {section: plain(value, lang, default) for section, value in data["profile"].items()},
        "sources": [
            {name: source.get(name) for name in ("title", "publisher", "year", "url", "pages")} for source in data["sources"]
        ],
        "practices": [
            {**practice_summary(atlas, practice_document(atlas, practice, lang), lang), "role": plain(role, lang, default)}
            for practice, role in actors.practices_of(atlas)[slug]
        ],
        "last_reviewed": data["last_reviewed"],
    }


def answers(atlas: Atlas, lang: str, only: str | None = None) -> list[Answer]:
    """Every answer of the API in `lang`; with `only` (a preview), that practice's own."""
    if only:
        return [Answer(routes.api_practice(only), "practice", practice_document(atlas, atlas.practices[only], lang))]
    absolute = atlas.publication.absolute
    practices = list(atlas.practices.values())
    result = [
        Answer(routes.API_PRACTICES, "practices", _practice_summaries(atlas, practices, lang)),
        *(Answer(routes.api_practice(p.slug), "practice", practice_document(atlas, p, lang)) for p in practices),
    ]
    vocabularies = {}
    for facet in FACETS:
        by_key = practices_by_key(atlas, facet)
        vocabularies[facet.id] = []
        for key in facet.all_keys(atlas):
            value = {
                "key": key,
                "label": facet_label(atlas, facet.id, key, lang),
                "url": absolute(atlas.routes.page_url(facet.url_path(key), lang)),
                "api_url": _api_url(atlas, routes.api_facet_value(facet.path, key), lang),
                **_facet_value_details(atlas, facet.id, key, lang),
            }
            vocabularies[facet.id].append({**value, "count": len(by_key.get(key, []))})
            practices_of_value = [
                {name: summary[name] for name in ("slug", "title", "url", "api_url")}  # a list: each leads to its file
                for summary in _practice_summaries(atlas, by_key.get(key, []), lang)
            ]
            result.append(
                Answer(
                    routes.api_facet_value(facet.path, key),
                    "facet_value",
                    {"facet": facet.id, **value, "practices": practices_of_value},
                )
            )
    result.append(Answer(routes.API_VOCABULARIES, "vocabularies", vocabularies))
    actor_documents = [_actor_document(atlas, slug, lang) for slug in atlas.actors]
    result.append(
        Answer(
            routes.API_ACTORS,
            "actors",
            [
                {
                    "key": document["key"],
                    "name": document["name"],
                    "type": document["type"]["key"],
                    "cities": document["cities"],
                    "url": document["url"],
                    "api_url": _api_url(atlas, routes.api_actor(document["key"]), lang),
                }
                for document in sorted(actor_documents, key=lambda d: sort_key(d["name"]))
            ],
        )
    )
    result += [Answer(routes.api_actor(document["key"]), "actor", document) for document in actor_documents]
    result.append(
        Answer(
            routes.API_INDEX,
            "index",
            {
                "practices": _api_url(atlas, routes.API_PRACTICES, lang),
                "practice": _api_url(atlas, routes.api_practice("{slug}"), lang),
                "vocabularies": _api_url(atlas, routes.API_VOCABULARIES, lang),
                "facet_values": {
                    facet.id: _api_url(atlas, routes.api_facet_value(facet.path, "{key}"), lang) for facet in FACETS
                },
                "actors": _api_url(atlas, routes.API_ACTORS, lang),
                "actor": _api_url(atlas, routes.api_actor("{key}"), lang),
                "schema": absolute(routes.API_SCHEMA),
                "csv": _api_url(atlas, routes.CSV, lang),
                "geojson": _api_url(atlas, routes.GEOJSON, lang),
                "datapackage": _api_url(atlas, routes.DATAPACKAGE, lang),
                "feed": absolute(routes.feed(lang, atlas.languages.default)),
                "documentation": absolute(atlas.routes.page_url(routes.OPEN_DATA, lang)),
            },
        )
    )
    return result
