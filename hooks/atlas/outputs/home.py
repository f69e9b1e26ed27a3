"""The home page (docs/index*.md, template home.html): a mayor's questions and where the atlas
answers them, with figures from the data, and the site's structured data."""

from __future__ import annotations

from ..base import routes
from ..model.model import Atlas
from ..records import facets
from ..records.guide import steps
from ..records.practice import records
from ..records.published import newest
from ..records.self_assessment import questionnaire
from ..records.values import localized
from ..views import html_safe_json, long_date, organization, propose_url

RECENT = 5  # practices under "recently checked"


def view(atlas: Atlas, lang: str) -> dict:
    page_url = atlas.routes.page_url
    counts = facets.counts(atlas, "lever")
    levers = facets.options(atlas, "lever", lang)
    return {
        "jsonld": html_safe_json(website(atlas, lang)),  # in the page's head
        "groups": [
            {
                "key": key,
                "label": localized(atlas.languages, group["label"], lang),
                "url": page_url(routes.facet("lever"), lang) + f"#{key}",
                "levers": [(term, counts.get(term.key, 0)) for term in levers if term.group == key],
            }
            for key, group in atlas.vocabulary["lever_groups"].items()
        ],
        "steps": steps(atlas, lang),
        "start_url": steps(atlas, lang)[0].url,  # where a city hall starts: the method's first step
        "method_url": page_url(routes.METHOD, lang),
        "self_assessment_url": page_url(routes.SELF_ASSESSMENT, lang),
        "self_assessment_questions": questionnaire(atlas, lang).count,
        "glossary_url": page_url(routes.GLOSSARY, lang),
        "recommendations_url": page_url(routes.RECOMMENDATIONS, lang),
        "index_url": page_url(routes.PRACTICES, lang),
        "map_url": page_url(routes.MAP, lang),
        "actors_url": page_url(routes.ACTORS, lang),
        "explore": [{"facet": facet, "url": page_url(routes.facet(facet), lang)} for facet in ("city", "theme", "region")],
        "practices": len(atlas.practices),
        "cities": len({place.city.key for record in records(atlas, lang) for place in record.places}),
        "countries": len({key for record in records(atlas, lang) for key in record.keys["country"]}),
        "recent": [(record, long_date(record.last_reviewed, lang)) for record in newest(atlas, lang)[:RECENT]],
        "open_data_url": page_url(routes.OPEN_DATA, lang),
        "propose_url": propose_url(atlas),
    }


def website(atlas: Atlas, lang: str) -> dict:
    site_name, description = atlas.publication.site_name(lang)
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name,
        "description": description,
        "url": atlas.publication.absolute(atlas.routes.page_url(routes.HOME, lang)),
        "inLanguage": lang,
        "publisher": organization(atlas, lang),
    }


HAND_WRITTEN = {"home.html": ("atlas_home", view)}  # the hand-written pages whose template shows this output's data
