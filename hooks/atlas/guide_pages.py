"""The guide's pages: a lever's explanation, the levers' groups, the method and its steps, the
glossary, the recommendations to mayors and the city profiles. Explanations are written by
editors (practices/guide/); the lists of practices are generated from the data."""

from __future__ import annotations

from markupsafe import Markup, escape

from . import routes
from .cards import practice_card
from .guide import GROUPS, GuideText, snippet_page
from .model import Atlas
from .narrative import render_narrative
from .views import text, ui


def citation(atlas: Atlas, section: str) -> dict:
    """Where a text of the guide comes from: the document and its section, as the guide prints it."""
    source = atlas.guide.source
    return {
        "title": escape(source["title"]),
        "publisher": escape(source["publisher"]),
        "year": source.get("year"),
        "section": escape(section),
    }


def explanation(atlas: Atlas, guide_text: GuideText | None, lang: str) -> dict | None:
    """A text of the guide as a page shows it: its language (French until translated) and its source.
    Its HTML is the page's content (GeneratedPage.content), so its sections feed the table of contents."""
    if guide_text is None:
        return None
    _, shown = guide_text.rendered(lang, atlas.languages.default)
    return {"lang": shown, "translated": shown == lang, "source": citation(atlas, guide_text.section)}


def snippet(atlas: Atlas, texts: dict | None, lang: str, path: tuple) -> dict | None:
    """A Markdown text of guide.yml (a definition, a reason, a recommendation) in `lang` or French."""
    if not texts:
        return None
    shown = lang if lang in texts else atlas.languages.default
    rendered = render_narrative(texts[shown], f"{routes.GUIDE_DIR}/guide.yml", frozenset(), snippet_page(path))
    return {"html": Markup(rendered.html), "lang": shown, "fallback": shown != lang}


def _illustrations(atlas: Atlas, items: list[dict], lang: str, path: tuple) -> list[dict]:
    return [
        {
            "card": practice_card(atlas, atlas.practices[item["practice"]], lang),
            "why": snippet(atlas, item.get("why"), lang, path + (index, "why")),
        }
        for index, item in enumerate(items)
    ]


def groups_view(atlas: Atlas, lang: str) -> dict:
    """The levers' overview: each group's explanation (its levers are listed by the overview)."""
    return {
        group: {
            "html": Markup(atlas.guide.groups[group].rendered(lang, atlas.languages.default)[0].html),
            **explanation(atlas, atlas.guide.groups[group], lang),
        }
        for group in GROUPS
    }


def step_link(atlas: Atlas, index: int, lang: str) -> dict:
    step = atlas.guide.steps[index]
    return {
        "key": step.key,
        "number": index + 1,
        "title": text(step.title, lang, atlas.languages.default),
        "url": atlas.routes.page_url(routes.step(step.key), lang),
        "count": len(step.practices),
    }


def method_view(atlas: Atlas, lang: str) -> dict:
    return {
        "steps": [step_link(atlas, index, lang) for index in range(len(atlas.guide.steps))],
        "explanation": explanation(atlas, atlas.guide.method, lang),
    }


def step_view(atlas: Atlas, key: str, lang: str) -> dict:
    steps = atlas.guide.steps
    index = next(index for index, step in enumerate(steps) if step.key == key)
    step = steps[index]
    strings = ui(lang, atlas.languages.default)
    return {
        **step_link(atlas, index, lang),
        "of": strings["step_of"].format(number=index + 1, count=len(steps)),
        "explanation": explanation(atlas, step.text, lang),
        "practices": _illustrations(atlas, step.practices, lang, ("method", "steps", index, "practices")),
        "previous": step_link(atlas, index - 1, lang) if index > 0 else None,
        "next": step_link(atlas, index + 1, lang) if index + 1 < len(steps) else None,
        "method_url": atlas.routes.page_url(routes.METHOD, lang),
    }


def glossary_view(atlas: Atlas, lang: str) -> dict:
    default = atlas.languages.default
    return {
        "terms": [
            {
                "key": term["key"],
                "term": text(term["term"], lang, default),
                "definition": snippet(atlas, term["definition"], lang, ("glossary", index, "definition")),
                "source": citation(atlas, term["section"]),
            }
            for index, term in enumerate(atlas.guide.glossary)
        ],
        "source": citation(atlas, ""),
    }


def recommendations_view(atlas: Atlas, lang: str) -> dict:
    default = atlas.languages.default
    return {
        "recommendations": [
            {
                "key": item["key"],
                "kind": item["kind"],
                "title": text(item["title"], lang, default),
                "text": snippet(atlas, item["text"], lang, ("recommendations", index, "text")),
                "source": citation(atlas, item["section"]),
                "practices": _illustrations(atlas, item.get("practices", []), lang, ("recommendations", index, "practices")),
            }
            for index, item in enumerate(atlas.guide.recommendations)
        ],
        "source": citation(atlas, ""),
    }
