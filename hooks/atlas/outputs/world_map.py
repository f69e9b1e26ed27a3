"""The world map's page: the map's frame (outputs/maps.py draws it) and its text alternative,
each city by country with its number of practices (its page lists them: the map's page stays
the same size however many practices there are), then the practices of networks and regions."""

from __future__ import annotations

from babel.lists import format_list

from ..base import routes
from ..base.facets import MAP_FILTERS
from ..model.model import Atlas
from ..records.facets import sort_key
from ..records.practice import records
from ..views import Page, ui


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    return [
        Page(
            routes.MAP,
            "map.html",
            strings["map_title"],
            lambda: view(atlas, lang),
            "world_map",
            in_nav=True,
            hide=("toc", "navigation"),
            description=intro(atlas, lang),
        )
    ]


def intro(atlas: Atlas, lang: str) -> str:
    """The map's introduction, naming the filters its panel has (outputs/maps.py's, in the reader's words)."""
    names = [ui(atlas, lang)[f"facet_{facet}"].lower() for facet in MAP_FILTERS]
    return ui(atlas, lang)["map_intro"].format(filters=format_list(names, style="or", locale=lang))


def view(atlas: Atlas, lang: str) -> dict:
    by_country: dict[str, dict] = {}
    for record in records(atlas, lang):
        for place in record.places:
            country = by_country.setdefault(place.country.key, {"name": place.country.label, "cities": {}})
            country["cities"].setdefault(place.city.key, {"place": place, "count": 0})["count"] += 1
    countries = sorted(by_country.values(), key=lambda country: sort_key(country["name"].text))
    for country in countries:
        country["cities"] = sorted(country["cities"].values(), key=lambda city: sort_key(city["place"].city.label.text))
    return {
        "intro": intro(atlas, lang),
        "map_url": atlas.routes.file_url(routes.WORLD_MAP, lang),
        "countries": countries,
        # Practices of a network or region: some have no point on the map; all are listed here with what they cover.
        "networks": [record for record in records(atlas, lang) if record.scope],
    }
