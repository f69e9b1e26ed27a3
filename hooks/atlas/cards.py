"""What lists show of cities and practices, escaped: a city with its country and region, a
practice's card (title, places, summary, levers)."""

from __future__ import annotations

from markupsafe import escape

from . import routes
from .facets import FACETS_BY_ID
from .model import Atlas, Practice, localized
from .views import country_name, link, sort_key, text, vocabulary_text


def facet_url(atlas: Atlas, facet_id: str, key: str, lang: str) -> str:
    """The page of one value of a facet (a city, a lever…), from the site root."""
    return atlas.routes.page_url(FACETS_BY_ID[facet_id].url_path(key), lang)


def city_view(atlas: Atlas, key: str, lang: str) -> dict:
    city = atlas.cities[key]
    code = city["country"]
    return {
        "key": key,
        "name": text(city["name"], lang, atlas.languages.default),
        "url": facet_url(atlas, "city", key, lang),
        "country": escape(country_name(code, lang)),
        "country_url": facet_url(atlas, "country", code.lower(), lang),
        "region": vocabulary_text(atlas, "regions", city["region"], lang),
        "region_url": facet_url(atlas, "region", city["region"], lang),
    }


def scope_view(atlas: Atlas, practice: Practice, lang: str) -> dict | None:
    """A practice of a network or region: its name, and the countries and regions it covers."""
    scope = practice.scope
    if not scope:
        return None
    return {
        "name": text(scope["name"], lang, atlas.languages.default),
        "countries": [
            link(escape(country_name(code, lang)), facet_url(atlas, "country", code.lower(), lang))
            for code in scope.get("countries", [])
        ],
        "regions": [
            link(vocabulary_text(atlas, "regions", key, lang), facet_url(atlas, "region", key, lang))
            for key in scope.get("regions", [])
        ],
    }


def practice_card(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """What a list shows of a practice: title, cities and countries, summary, levers.
    Computed once per practice and language: a practice is on a dozen lists."""
    return atlas.derived(("card", lang, practice.slug), lambda: _practice_card(atlas, practice, lang))


def _practice_card(atlas: Atlas, practice: Practice, lang: str) -> dict:
    default = atlas.languages.default
    return {
        "slug": practice.slug,
        "title": text(practice.data["title"], lang, default),
        "url": atlas.routes.page_url(routes.practice(practice.slug), lang),
        "cities": [city_view(atlas, key, lang) for key in practice.cities],
        "scope": scope_view(atlas, practice, lang),
        "summary": text(practice.data.get("summary"), lang, default),
        "levers": [
            link(vocabulary_text(atlas, "levers", key, lang), facet_url(atlas, "lever", key, lang))
            for key in practice.data["levers"]
        ],
        "translated": lang in practice.narratives,
        "sort_key": sort_key(localized(practice.data["title"], lang, default)[0]),
    }


def sorted_cards(atlas: Atlas, practices, lang: str) -> list[dict]:
    cards = [practice_card(atlas, practice, lang) for practice in practices]
    return sorted(cards, key=lambda card: card["sort_key"])
