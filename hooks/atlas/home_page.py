"""The home page's figures, from the data."""

from __future__ import annotations

from .model import Atlas
from .views import url


def home_view(atlas: Atlas, lang: str) -> dict:
    used_cities = {key for practice in atlas.practices.values() for key in practice.cities}
    return {
        "practices": len(atlas.practices),
        "cities": len(used_cities),
        "countries": len({atlas.cities[key]["country"] for key in used_cities}),
        "index_url": url(atlas, "practices", lang),
        "explore": [{"facet": facet, "url": url(atlas, path, lang)}
                    for facet, path in (("theme", "themes"), ("lever", "levers"), ("city", "cities"), ("region", "regions"))],
    }
