"""The home page: a mayor's questions and where the atlas answers them, with figures from the data."""

from __future__ import annotations

import datetime

from babel.dates import format_date

from . import routes
from .facets import FACETS_BY_ID, practices_by_key
from .feeds import newest
from .guide import GROUPS
from .guide_pages import step_link
from .model import Atlas
from .structured_data import website
from .views import html_safe_json, text, vocabulary_text

RECENT = 5  # practices under "what is new"


def home_view(atlas: Atlas, lang: str) -> dict:
    page_url = atlas.routes.page_url
    levers = FACETS_BY_ID["lever"]
    counts = {key: len(practices) for key, practices in practices_by_key(atlas, levers).items()}
    used_cities = {key for practice in atlas.practices.values() for key in practice.cities}
    return {
        "jsonld": html_safe_json(website(atlas, lang)),  # in the page's head
        "groups": [
            {
                "key": group,
                "url": page_url(levers.path, lang) + f"#{group}",
                "levers": [
                    {
                        "label": vocabulary_text(atlas, "levers", key, lang),
                        "url": page_url(levers.url_path(key), lang),
                        "count": counts.get(key, 0),
                    }
                    for key, entry in atlas.vocabulary["levers"].items()
                    if entry["group"] == group
                ],
            }
            for group in GROUPS
        ],
        "steps": [step_link(atlas, index, lang) for index in range(len(atlas.guide.steps))],
        "method_url": page_url(routes.METHOD, lang),
        "glossary_url": page_url(routes.GLOSSARY, lang),
        "recommendations_url": page_url(routes.RECOMMENDATIONS, lang),
        "index_url": page_url(routes.PRACTICES, lang),
        "map_url": page_url(routes.MAP, lang),
        "actors_url": page_url(routes.ACTORS, lang),
        "explore": [{"facet": facet, "url": page_url(FACETS_BY_ID[facet].path, lang)} for facet in ("city", "theme", "region")],
        "practices": len(atlas.practices),
        "cities": len(used_cities),
        "countries": len(
            {key for practice in atlas.practices.values() for key in FACETS_BY_ID["country"].practice_keys(atlas, practice)}
        ),
        "recent": [  # the feed's newest
            {
                "title": text(atlas.practices[d["slug"]].data["title"], lang, atlas.languages.default),
                "url": page_url(routes.practice(d["slug"]), lang),
                "date": format_date(datetime.date.fromisoformat(d["last_reviewed"]), "long", locale=lang),
                "iso": d["last_reviewed"],
            }
            for d in newest(atlas, lang)[:RECENT]
        ],
        "open_data_url": page_url(routes.OPEN_DATA, lang),
    }
