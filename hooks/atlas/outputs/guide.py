"""The guide's pages: the method and its steps, the glossary, the recommendations to mayors.
Explanations are written by editors (practices/guide/); the practices that illustrate a step
or a recommendation are named in guide.yml."""

from __future__ import annotations

from ..base import routes
from ..model.model import Atlas
from ..records import guide
from ..records.facets import sort_key
from ..views import Page, ui


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    result = [
        Page(
            routes.METHOD,
            "method.html",
            strings["method_title"],
            lambda: {
                "steps": guide.steps(atlas, lang),
                "explanation": guide.explanation(atlas, atlas.guide.method, lang),
                "self_assessment_url": atlas.routes.page_url(routes.SELF_ASSESSMENT, lang),
            },
            "method",
            content=guide.explanation(atlas, atlas.guide.method, lang).rendered,
            in_nav=True,
            description=strings["method_description"],
        ),
        Page(
            routes.GLOSSARY,
            "glossary.html",
            strings["glossary_title"],
            lambda: glossary_view(atlas, lang),
            "glossary",
            in_nav=True,
            description=strings["glossary_description"],
        ),
        Page(
            routes.RECOMMENDATIONS,
            "recommendations.html",
            strings["recommendations_title"],
            lambda: {"recommendations": guide.recommendations(atlas, lang), "source": guide.citation(atlas, None, lang)},
            "recommendations",
            in_nav=True,
            toc=tuple((item["key"], localized_title(atlas, item["title"], lang)) for item in atlas.guide.recommendations),
            description=strings["recommendations_description"],
        ),
    ]
    for index, step in enumerate(atlas.guide.steps):
        link = guide.step_link(atlas, index, lang)
        result.append(
            Page(
                routes.step(step.key),
                "step.html",
                strings["step_page_title"].format(number=link.number, title=link.title.text),
                lambda index=index: step_view(atlas, index, lang),
                "step",
                content=guide.explanation(atlas, step.text, lang).rendered,
            )
        )
    return result


def step_view(atlas: Atlas, index: int, lang: str) -> dict:
    steps = guide.steps(atlas, lang)
    return {
        "step": steps[index],
        "of": ui(atlas, lang)["step_of"].format(number=index + 1, count=len(steps)),
        "explanation": guide.explanation(atlas, atlas.guide.steps[index].text, lang),
        "practices": guide.step_illustrations(atlas, index, lang),
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
        "method_url": atlas.routes.page_url(routes.METHOD, lang),
    }


def localized_title(atlas: Atlas, texts: dict, lang: str) -> str:
    return atlas.languages.pick(texts, lang).text


def glossary_view(atlas: Atlas, lang: str) -> dict:
    """The glossary in the reader's alphabetical order, with a letter index, and in the guide's order."""
    terms = guide.glossary(atlas, lang)
    alphabetical = sorted(terms, key=lambda entry: sort_key(entry.term.text))
    letters: dict[str, list] = {}
    for entry in alphabetical:
        letters.setdefault(sort_key(entry.term.text)[:1].upper(), []).append(entry)
    return {"letters": letters, "guide_order": terms, "source": guide.citation(atlas, None, lang)}
