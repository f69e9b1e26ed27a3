"""The home page's figures, from the data."""

from __future__ import annotations

from . import routes
from .facets import FACETS_BY_ID
from .model import Atlas


def home_view(atlas: Atlas, lang: str) -> dict:
    used_cities = {key for practice in atlas.practices.values() for key in practice.cities}
    return {
        "practices": len(atlas.practices),
        "cities": len(used_cities),
        "countries": len({atlas.cities[key]["country"] for key in used_cities}),
        "index_url": atlas.routes.page_url(routes.PRACTICES, lang),
        "explore": [{"facet": facet, "url": atlas.routes.page_url(FACETS_BY_ID[facet].path, lang)}
                    for facet in ("theme", "lever", "city", "region")],
    }
