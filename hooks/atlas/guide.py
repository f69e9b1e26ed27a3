"""The guide's playbook (practices/guide/): what a city hall can do and how, from the AIMF guide.

Editors keep it like the practices. `guide.yml` holds its structure: the seven steps of the
method (with the practices that illustrate each), the recommendations to mayors, the
glossary, and where in the guide each text comes from. Markdown files hold the explanations,
one per lever, group of levers, step and city profile, in each language (French required):

    practices/guide/guide.yml
    practices/guide/method.<lang>.md           the method's introduction
    practices/guide/levers/<lever>.<lang>.md   every lever of practices/vocabulary.yml
    practices/guide/groups/<group>.<lang>.md   internal, external, strategy
    practices/guide/steps/<step>.<lang>.md     every step of guide.yml's method
    practices/guide/cities/<city>.<lang>.md    the cities guide.yml profiles

Texts link pages as `practice:<slug>`, `lever:<key>`, `step:<key>`, `term:<key>`,
`city:<key>`, `theme:<key>` (hooks/atlas/crossrefs.py); every link is checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import routes
from .facets import FACETS_BY_ID
from .narrative import RenderedNarrative, render_narrative
from .problems import Problem, show

GROUPS = ("internal", "external", "strategy")


@dataclass(frozen=True)
class GuideText:
    """One explanation of the guide, in each language it is written in."""

    page: str  # the page that shows it (language-neutral): its links are written relative to it
    section: str  # where in the AIMF guide it comes from, as the guide prints its headings
    texts: dict[str, str]  # language -> Markdown
    files: dict[str, str]  # language -> its file, as problems name it

    def rendered(self, lang: str, default: str) -> tuple[RenderedNarrative, str]:
        """The text in `lang`, else in the default language; and the language it is in."""
        shown = lang if lang in self.texts else default
        return render_narrative(self.texts[shown], self.files[shown], frozenset(), self.page), shown


@dataclass
class Step:
    key: str
    title: dict[str, str]
    section: str
    practices: list[dict]  # {practice: slug, why: {lang: Markdown}}
    text: GuideText


@dataclass
class Guide:
    source: dict  # the document every section cites
    levers: dict[str, GuideText]
    groups: dict[str, GuideText]
    method: GuideText
    steps: list[Step]
    recommendations: list[dict]
    glossary: list[dict]
    cities: dict[str, GuideText]
    actor_profile: dict | None = None  # the actor profile template's section and fictional example
    data: dict = field(repr=False, default_factory=dict)  # guide.yml, for its Markdown snippets (definitions, reasons)

    def step(self, key: str) -> Step:
        return next(step for step in self.steps if step.key == key)


def text_page(kind: str, key: str) -> str:
    """The page that shows a text of the guide."""
    return {
        "levers": FACETS_BY_ID["lever"].url_path(key),
        "groups": FACETS_BY_ID["lever"].path,
        "steps": routes.step(key),
        "cities": FACETS_BY_ID["city"].url_path(key),
        "method": routes.METHOD,
    }[kind]


KINDS = ("levers", "groups", "steps", "cities")  # the folders of practices/guide/


def snippet_page(path: tuple) -> str:
    """The page that shows a Markdown snippet of guide.yml (a definition, a reason, a recommendation)."""
    if path[0] == "glossary":
        return routes.GLOSSARY
    if path[0] == "recommendations":
        return routes.RECOMMENDATIONS
    if path[0] == "actor_profile":
        return routes.ACTOR_TEMPLATE
    return routes.step(path[2]) if path[:2] == ("method", "steps") else routes.METHOD


def block(data, name: str, kind=dict):
    """A block of guide.yml, or an empty one when it is not what the schema says (already reported)."""
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, kind) else kind()


def expected_texts(data: dict) -> dict[tuple[str, str], str]:
    """(kind, key) -> section, for every Markdown text guide.yml calls for."""
    method = block(data, "method")
    texts = {("method", ""): method.get("section", "")}
    for kind in ("levers", "groups", "cities"):
        for key, entry in block(data, kind).items():
            if isinstance(key, str):
                texts[kind, key] = entry.get("section", "") if isinstance(entry, dict) else ""
    for step in block(method, "steps", list):
        if isinstance(step, dict) and isinstance(step.get("key"), str):
            texts["steps", step["key"]] = step.get("section", "")
    return texts


def file_of(kind: str, key: str, lang: str) -> str:
    """A text's file, from practices/guide/."""
    return f"method.{lang}.md" if kind == "method" else f"{kind}/{key}.{lang}.md"


def missing_explanations(data: dict, vocabulary: dict) -> list[tuple[tuple, str]]:
    """Every lever of the vocabulary is explained (its page opens with the explanation)."""
    explained = block(data, "levers")
    return [
        (
            ("levers",),
            f"has no entry for the lever {show(key)}; every lever of practices/vocabulary.yml is explained. "
            f"Add levers › {key} › section and the files levers/{key}.fr.md (and .en.md)",
        )
        for key in block(vocabulary, "levers")
        if key not in explained
    ]


def unknown_file_problem(display: str, folder: str) -> Problem:
    what = {
        "": "guide.yml or method.<language>.md",
        "levers": "<a lever of guide.yml>.<language>.md",
        "groups": "internal, external or strategy.<language>.md",
        "steps": "<a step of guide.yml>.<language>.md",
        "cities": "<a city of guide.yml>.<language>.md",
    }.get(folder)
    if what is None:
        return Problem(
            display, "", "is not a folder of the guide; expected levers/, groups/, steps/ or cities/. Move its files or remove it"
        )
    return Problem(
        display,
        "",
        f"is not a file the guide calls for; expected {what} (see the contributor guide). "
        "Rename it, add its entry to guide.yml, or remove it",
    )
