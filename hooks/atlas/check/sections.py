"""The `## ` sections each kind of Markdown text has: the contract that the loader checks, the
scaffold writes and the contributor guide shows. Which sections, in which order, and which are
optional is here; their headings in each language are data (i18n/<lang>.yml › sections). A
practice's Results and Challenges are optional (left out when the sources say nothing); in a
language whose file sets no headings for a kind, any sections will do."""

from __future__ import annotations

from ..base import catalog
from ..base.problems import show

REQUIRED, OPTIONAL = True, False

SECTIONS: dict[str, list[tuple[str, bool]]] = {
    "practices": [
        ("context", REQUIRED),
        ("practice", REQUIRED),
        ("actors", REQUIRED),
        ("results", OPTIONAL),
        ("challenges", OPTIONAL),
        ("lessons", REQUIRED),
    ],
    "levers": [("what", REQUIRED), ("why", REQUIRED), ("how", REQUIRED), ("watch", REQUIRED)],
    "steps": [("what", REQUIRED), ("questions", REQUIRED), ("tools", REQUIRED)],
    "cities": [("context", REQUIRED), ("strengths", REQUIRED), ("challenges", REQUIRED), ("expectations", REQUIRED)],
    "groups": [],
    "method": [],
}


def expected(kind: str, lang: str) -> list[tuple[str, str, bool]]:
    """(key, heading, required) of each section of a kind of text in `lang`; [] when the language sets none."""
    names = catalog.headings(kind, lang)
    if not names:
        return []
    return [(key, names[key], required) for key, required in SECTIONS[kind]]


def sections_problems(subject, context):
    """The text has its kind's sections, in order; optional ones may be left out. `subject`: (kind, lang, its `## ` headings)."""
    kind, lang, found = subject
    sections = expected(kind, lang)
    if not sections or list(found) in _acceptable(sections):
        return
    listed = ", ".join(show("## " + heading) + ("" if required else " (optional)") for _, heading, required in sections)
    yield (
        "sections",
        f"has the sections {', '.join(show('## ' + heading) for heading in found) or 'none'}; expected {listed}, in this "
        "order. Fix the headings",
    )


def missing_optional(kind: str, lang: str, found) -> list[str]:
    """Which optional sections a text leaves out ('results', 'challenges'): a practice whose sources
    report none. In a language without a contract, none is missing."""
    return [key for key, heading, required in expected(kind, lang) if not required and heading not in found]


def _acceptable(sections: list[tuple[str, str, bool]]) -> list[list[str]]:
    """Every sequence of headings the contract accepts: the required ones, with or without each optional one."""
    sequences: list[list[str]] = [[]]
    for _, heading, required in sections:
        sequences = [sequence + [heading] for sequence in sequences] + ([] if required else sequences)
    return sequences


RULES = ((sections_problems, "sections", ()),)
