"""The world map page (its frame and its text alternative) and the world map's data file."""

from __future__ import annotations

from markupsafe import escape

from . import routes
from .cards import city_view, scope_view
from .index_page import filter_data
from .model import Atlas
from .views import country_name, link, sort_key, text

MAP_FILTERS = ("role", "region", "theme", "lever")


def map_data(atlas: Atlas, lang: str) -> dict:
    """The world map's data: the index's records, less what a marker does not need. Summaries
    stay on the practice pages, where a popup reads them when it opens (they were 60 % of the
    gzipped data)."""
    data = filter_data(atlas, lang)
    return {
        "base": data["base"],
        "labels": {facet: data["labels"][facet] for facet in MAP_FILTERS},
        "ui": {"all": data["ui"]["all"], "titles": {facet: data["ui"]["titles"][facet] for facet in MAP_FILTERS}},
        "practices": [
            {
                "slug": r["slug"],
                "title": r["title"],
                "places": r["places"],
                "points": r["points"],
                "keys": {facet: r["keys"][facet] for facet in MAP_FILTERS},
            }
            for r in data["practices"]
        ],
    }


def world_map_view(atlas: Atlas, lang: str) -> dict:
    """The map page: the map's frame and its text alternative, every practice by country and city, then
    the practices of networks and regions."""
    default = atlas.languages.default
    by_country: dict[str, dict] = {}
    for practice in atlas.practices.values():
        for city in practice.cities:
            code = atlas.cities[city]["country"]
            country = by_country.setdefault(code, {"name": escape(country_name(code, lang)), "cities": {}})
            entry = country["cities"].setdefault(city, {"city": city_view(atlas, city, lang), "practices": []})
            entry["practices"].append(
                link(text(practice.data["title"], lang, default), atlas.routes.page_url(routes.practice(practice.slug), lang))
            )
    countries = sorted(by_country.values(), key=lambda c: sort_key(c["name"]))
    for country in countries:
        country["cities"] = sorted(country["cities"].values(), key=lambda c: sort_key(c["city"]["name"].text.unescape()))
        for city in country["cities"]:
            city["practices"].sort(key=lambda p: sort_key(p["label"].text.unescape()))
    # Practices of a network or region: some have no point on the map; all are listed here with what they cover.
    networks = sorted(
        (
            {
                "practice": link(text(p.data["title"], lang, default), atlas.routes.page_url(routes.practice(p.slug), lang)),
                "scope": scope_view(atlas, p, lang),
            }
            for p in atlas.practices.values()
            if p.scope
        ),
        key=lambda item: sort_key(item["practice"]["label"].text.unescape()),
    )
    return {"map_url": atlas.routes.file_url(routes.WORLD_MAP, lang), "countries": countries, "networks": networks}
