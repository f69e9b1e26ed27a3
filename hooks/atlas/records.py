"""One record per practice and language: plain data (unescaped; the formats that carry it do
the escaping) that the index's filter data, the world map's data and the open-data exports
are views of, so they cannot disagree."""

from __future__ import annotations

from . import routes
from .facets import FACETS
from .model import Atlas, Practice
from .views import country_name, plain, sort_key


def practice_record(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """Everything the data files say of a practice in `lang`; made once per load."""
    return atlas.derived(("record", lang, practice.slug), lambda: _practice_record(atlas, practice, lang))


def _practice_record(atlas: Atlas, practice: Practice, lang: str) -> dict:
    default = atlas.languages.default
    data = practice.data
    places = [
        {
            "city_key": key,
            "city": plain(atlas.cities[key]["name"], lang, default),
            "country_code": atlas.cities[key]["country"],
            "country": country_name(atlas.cities[key]["country"], lang),
        }
        for key in practice.cities
    ]
    return {
        "slug": practice.slug,
        "title": plain(data["title"], lang, default),
        "summary": plain(data.get("summary"), lang, default) or "",
        "language": lang if lang in practice.narratives else default,  # of the narrative on its page
        "url": atlas.routes.page_url(routes.practice(practice.slug), lang),
        "places": places,  # its cities
        "scope": {
            "name": plain(practice.scope["name"], lang, default),
            "countries": practice.scope.get("countries", []),
            "regions": practice.scope.get("regions", []),
        }
        if practice.scope
        else None,
        "points": points(atlas, practice),
        "keys": {facet.id: facet.practice_keys(atlas, practice) for facet in FACETS},
        "year": data.get("start_year"),
    }


def points(atlas: Atlas, practice: Practice) -> list[list]:
    """[lat, lon, index of the place]: the practice's own location (at its first city), else each of its cities;
    none for a practice of a network or region without a location."""
    location = practice.data.get("location")
    if location:
        return [[location["lat"], location["lon"], 0]]
    return [[atlas.cities[c]["lat"], atlas.cities[c]["lon"], index] for index, c in enumerate(practice.cities)]


def records(atlas: Atlas, lang: str) -> list[dict]:
    """Every practice's record, in the order of their titles in `lang`."""
    return atlas.derived(
        ("records", lang),
        lambda: sorted(
            (practice_record(atlas, practice, lang) for practice in atlas.practices.values()), key=lambda r: sort_key(r["title"])
        ),
    )
