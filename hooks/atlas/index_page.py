"""The practices index: every practice as a sorted list (complete without JavaScript), a
filter form, and the compact per-language data the filter script works from."""

from __future__ import annotations

from . import routes
from .cards import sorted_cards
from .facets import FACETS, options, practices_by_key
from .model import Atlas
from .records import records
from .views import ui


def index_view(atlas: Atlas, lang: str) -> dict:
    strings = ui(lang, atlas.languages.default)
    years = [p.data["start_year"] for p in atlas.practices.values() if p.data.get("start_year")]
    facets = []
    for facet in FACETS:
        counts = {key: len(practices) for key, practices in practices_by_key(atlas, facet).items()}
        facets.append(
            {
                "id": facet.id,
                "title": strings[f"facet_{facet.id}_plural"],
                "options": [
                    {"key": key, "label": label, "count": counts.get(key, 0)}
                    for key, label in options(atlas, facet, lang)
                    if counts.get(key)
                ],
            }
        )
    return {
        "cards": sorted_cards(atlas, atlas.practices.values(), lang),
        "count": len(atlas.practices),
        "facets": facets,
        "year_min": min(years, default=None),
        "year_max": max(years, default=None),
        "data_url": atlas.routes.file_url(routes.FILTER_DATA, lang),
        "script_url": routes.FILTER_SCRIPT,
    }


def places(record: dict) -> list[str]:
    """Where a practice is, as lists show it: 'Lyon (France)' for each city (a map point's place
    is its index here), then a network or region's name."""
    return [f"{place['city']} ({place['country']})" for place in record["places"]] + (
        [record["scope"]["name"]] if record["scope"] else []
    )


def filter_data(atlas: Atlas, lang: str) -> dict:
    """The per-language data file of the index's filter (the world map's data is drawn from it)."""
    return atlas.derived(("filter_data", lang), lambda: _filter_data(atlas, lang))


def _filter_data(atlas: Atlas, lang: str) -> dict:
    labels = {facet.id: {key: str(label.text.unescape()) for key, label in options(atlas, facet, lang)} for facet in FACETS}
    strings = ui(lang, atlas.languages.default)
    return {
        # From the site root: a practice's page is base + slug + "/", a facet value's folders[facet] + key + "/".
        "base": atlas.routes.page_url(routes.PRACTICES, lang),
        "folders": {facet.id: atlas.routes.page_url(facet.path, lang) for facet in FACETS},
        "labels": labels,
        "ui": {"all": strings["all"], "titles": {facet.id: strings[f"facet_{facet.id}_plural"] for facet in FACETS}},
        "practices": [
            {
                "slug": r["slug"],
                "title": r["title"],
                "summary": r["summary"],
                "places": places(r),
                "points": r["points"],
                "keys": r["keys"],
                "year": r["year"],
            }
            for r in records(atlas, lang)
        ],
    }
