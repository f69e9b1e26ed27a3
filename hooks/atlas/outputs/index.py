"""The practices' index: every practice as a sorted list (complete without JavaScript), a
filter form, and the compact data the filter script works from (data/practices.json)."""

from __future__ import annotations

from ..base import routes
from ..base.facets import FACETS
from ..model.model import Atlas
from ..records import facets
from ..records.practice import records
from ..views import File, Page, html_safe_json, ui


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    return [
        Page(
            routes.PRACTICES,
            "practices-index.html",
            strings["index_title"],
            lambda: view(atlas, lang),
            "index",
            in_nav=True,
            hide=("toc", "navigation"),  # no headings to list, the tabs lead elsewhere: the results take the room
            description=strings["index_description"],
        )
    ]


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    return [File(routes.FILTER_DATA, html_safe_json(filter_data(atlas, lang)))]


def view(atlas: Atlas, lang: str) -> dict:
    strings = ui(atlas, lang)
    years = [p.data["start_year"] for p in atlas.practices.values() if p.data.get("start_year")]
    options = []
    for facet in FACETS:
        counts = facets.counts(atlas, facet.id)
        options.append(
            {
                "id": facet.id,
                "title": strings[f"facet_{facet.id}_plural"],
                "options": [(term, counts[term.key]) for term in facets.options(atlas, facet.id, lang) if counts.get(term.key)],
            }
        )
    return {
        "records": records(atlas, lang),
        "facets": options,
        "year_min": min(years, default=None),
        "year_max": max(years, default=None),
        "data_url": atlas.routes.file_url(routes.FILTER_DATA, lang),
        "script_url": routes.FILTER_SCRIPT,
    }


def filter_data(atlas: Atlas, lang: str) -> dict:
    """The index's filter's data in `lang`: what each practice's card and the filters need."""
    strings = ui(atlas, lang)
    return {
        # From the site root: a practice's page is base + slug + "/", a facet value's folders[facet] + key + "/".
        "base": atlas.routes.page_url(routes.PRACTICES, lang),
        "folders": {facet.id: atlas.routes.page_url(facet.folder, lang) for facet in FACETS},
        "labels": {facet.id: {term.key: term.label.text for term in facets.options(atlas, facet.id, lang)} for facet in FACETS},
        "ui": {
            "all": strings["all"],
            "titles": {facet.id: strings[f"facet_{facet.id}_plural"] for facet in FACETS},
            **{key: strings[key] for key in ("suggest_country", "suggest_region", "suggest_remove", "suggest_words")},
        },
        # A reader's words that name a country without practices lead to its region (vocabulary.yml › regions › countries).
        "countries": {code.lower(): name for code, name in facets.country_names(lang).items()},
        "region_of": {
            code.lower(): key for key, region in atlas.vocabulary["regions"].items() for code in region.get("countries", [])
        },
        "practices": [
            {
                "slug": r.slug,
                "title": r.title.text,
                "summary": r.summary.text if r.summary else "",
                "places": r.place_names,
                "keys": r.keys,
                "year": r.start_year,
            }
            for r in records(atlas, lang)
        ],
    }
