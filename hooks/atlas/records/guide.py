"""The guide's playbook as an edition shows it: each explanation in its language (else along the
chain) with its source, the groups of levers, the method's steps with the practices that
illustrate them, the glossary and the recommendations to mayors."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import paths, routes
from ..check.narrative import RenderedNarrative, render_narrative
from ..model.model import Atlas, GuideText
from .practice import PracticeRecord, practice_record
from .values import Localized, Source, localized, source


@dataclass(frozen=True)
class Explanation:
    """A text of the guide: the page's content (its sections feed the table of contents), its language, its source."""

    rendered: RenderedNarrative
    lang: str
    fallback: bool
    source: Source


@dataclass(frozen=True)
class Snippet:
    """A Markdown text of guide.yml (a definition, a reason, a recommendation), rendered for its page."""

    html: str
    lang: str
    fallback: bool


@dataclass(frozen=True)
class Illustration:
    """A practice that illustrates a step or a recommendation, and why."""

    practice: PracticeRecord
    why: Snippet | None


@dataclass(frozen=True)
class StepLink:
    key: str
    number: int
    title: Localized
    url: str
    count: int  # the practices that illustrate it


def citation(atlas: Atlas, section: str | None, lang: str) -> Source:
    """Where a text of the guide comes from: the document and its section, as the guide prints it."""
    return source(atlas.languages, atlas.guide.source, lang, section)


def explanation(atlas: Atlas, text: GuideText | None, lang: str) -> Explanation | None:
    if text is None:
        return None
    picked = atlas.languages.pick(text.texts, lang)
    rendered = render_narrative(picked.text, text.files[picked.lang], frozenset(), text.page)
    return Explanation(rendered, picked.lang, picked.lang != lang, citation(atlas, text.section, lang))


def snippet(atlas: Atlas, texts: dict | None, lang: str, page: str) -> Snippet | None:
    picked = atlas.languages.pick(texts, lang)
    if picked is None:
        return None
    rendered = render_narrative(picked.text, paths.GUIDE_FILE, frozenset(), page)
    return Snippet(rendered.html, picked.lang, picked.lang != lang)


def illustrations(atlas: Atlas, items: list[dict], lang: str, page: str) -> list[Illustration]:
    return [
        Illustration(practice_record(atlas, atlas.practices[item["practice"]], lang), snippet(atlas, item.get("why"), lang, page))
        for item in items
    ]


def step_link(atlas: Atlas, index: int, lang: str) -> StepLink:
    step = atlas.guide.steps[index]
    title = localized(atlas.languages, step.title, lang)
    return StepLink(step.key, index + 1, title, atlas.routes.page_url(routes.step(step.key), lang), len(step.practices))


def steps(atlas: Atlas, lang: str) -> list[StepLink]:
    return [step_link(atlas, index, lang) for index in range(len(atlas.guide.steps))]


def step_illustrations(atlas: Atlas, index: int, lang: str) -> list[Illustration]:
    step = atlas.guide.steps[index]
    return illustrations(atlas, step.practices, lang, routes.guide_snippet("method", step.key))


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    term: Localized
    definition: Snippet | None
    source: Source


def glossary(atlas: Atlas, lang: str) -> list[GlossaryEntry]:
    page = routes.guide_snippet("glossary")
    return [
        GlossaryEntry(
            term["key"],
            localized(atlas.languages, term["term"], lang),
            snippet(atlas, term["definition"], lang, page),
            citation(atlas, term["section"], lang),
        )
        for term in atlas.guide.glossary
    ]


@dataclass(frozen=True)
class Recommendation:
    key: str
    kind: str  # obstacle or opportunity
    title: Localized
    text: Snippet | None
    source: Source
    practices: tuple[Illustration, ...]


def recommendations(atlas: Atlas, lang: str) -> list[Recommendation]:
    page = routes.guide_snippet("recommendations")
    return [
        Recommendation(
            item["key"],
            item["kind"],
            localized(atlas.languages, item["title"], lang),
            snippet(atlas, item["text"], lang, page),
            citation(atlas, item["section"], lang),
            tuple(illustrations(atlas, item.get("practices", []), lang, page)),
        )
        for item in atlas.guide.recommendations
    ]
