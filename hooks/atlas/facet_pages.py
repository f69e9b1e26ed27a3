"""Facet pages: one page per city, country, region, theme, lever, actor type, status and SDG,
listing its practices, and one overview page per facet with counts."""

from __future__ import annotations

from babel.numbers import format_decimal

from . import routes
from .actor_pages import ecosystem_view
from .cards import city_view, sorted_cards
from .facets import Facet, city_acted, options, practices_by_key
from .guide_pages import explanation, groups_view
from .model import Atlas
from .views import text, ui


def overview_view(atlas: Atlas, facet: Facet, lang: str) -> dict:
    counts = {key: len(practices) for key, practices in practices_by_key(atlas, facet).items()}
    entries = [
        {
            "key": key,
            "label": label,
            "url": atlas.routes.page_url(facet.url_path(key), lang),
            "count": counts.get(key, 0),
            "group": atlas.vocabulary["levers"][key].get("group") if facet.id == "lever" else None,
        }
        for key, label in options(atlas, facet, lang)
    ]
    return {
        "facet": facet.id,
        "title": ui(lang, atlas.languages.default)[f"facet_{facet.id}_plural"],
        "entries": entries,
        "groups": groups_view(atlas, lang) if facet.id == "lever" else None,
    }


def facet_page_view(atlas: Atlas, facet: Facet, key: str, lang: str) -> dict:
    default = atlas.languages.default
    practices = practices_by_key(atlas, facet).get(key, [])
    view = {
        "facet": facet.id,
        "kind": ui(lang, default)[f"facet_{facet.id}"],
        "label": facet.label(atlas, key, lang),
        "overview_url": atlas.routes.page_url(facet.path, lang),
        "cards": sorted_cards(atlas, practices, lang),
        "description": None,
        "city": None,
        "by_role": None,
        "ecosystem": None,
        # The guide's explanation of a lever, or a city's innovation profile: the page's content (hooks/atlas/site.py).
        "explanation": explanation(atlas, guide_text(atlas, facet, key), lang),
        "map_url": atlas.routes.file_url(routes.map_frame("cities", key), lang) if facet.id == "city" and practices else None,
    }
    if facet.list_name and facet.list_name != "sdgs":
        view["description"] = text(atlas.vocabulary[facet.list_name][key].get("description"), lang, default)
    if facet.id == "lever":  # where a city government acted, apart from the ecosystem's initiatives
        view["by_role"] = [
            {"acted": acted, "cards": sorted_cards(atlas, [p for p in practices if city_acted(atlas, p) == acted], lang)}
            for acted in (True, False)
        ]
    if facet.id == "city":
        view["ecosystem"] = ecosystem_view(atlas, key, lang)
        city = atlas.cities[key]
        population = city.get("population")
        view["city"] = {
            **city_view(atlas, key, lang),
            "population_year": city.get("population_year"),
            "population": format_decimal(population, locale=lang) if population else None,
        }
    return view


def guide_text(atlas: Atlas, facet: Facet, key: str):
    """What the guide says of a lever or a city, if anything."""
    return {"lever": atlas.guide.levers, "city": atlas.guide.cities}.get(facet.id, {}).get(key)
