"""The `## ` sections each kind of Markdown text has, in each language: the contract that the
loader checks, the scaffold writes and the contributor guide shows. A practice's Results and
Challenges are optional (left out when the sources say nothing); in a language not listed
here, any sections will do."""

from __future__ import annotations

from html import unescape

from .problems import show

REQUIRED, OPTIONAL = True, False

SECTIONS: dict[str, dict[str, list[tuple[str, bool]]]] = {
    "practices": {
        "fr": [
            ("Contexte", REQUIRED),
            ("La pratique", REQUIRED),
            ("Acteurs et rôles", REQUIRED),
            ("Résultats", OPTIONAL),
            ("Difficultés", OPTIONAL),
            ("À retenir pour d'autres villes", REQUIRED),
        ],
        "en": [
            ("Context", REQUIRED),
            ("What was done", REQUIRED),
            ("Who is involved", REQUIRED),
            ("Results", OPTIONAL),
            ("Challenges", OPTIONAL),
            ("Lessons for other cities", REQUIRED),
        ],
    },
    "levers": {
        "fr": [
            (name, REQUIRED)
            for name in ("Ce que c'est", "Pourquoi une mairie s'en sert", "Comment s'y prendre", "Points d'attention")
        ],
        "en": [(name, REQUIRED) for name in ("What it is", "Why a city hall uses it", "How to go about it", "What to watch for")],
    },
    "steps": {
        "fr": [(name, REQUIRED) for name in ("Ce qu'il faut faire", "Les questions à se poser", "Les outils")],
        "en": [(name, REQUIRED) for name in ("What to do", "Questions to answer", "Tools")],
    },
    "cities": {
        "fr": [
            (name, REQUIRED)
            for name in ("Le contexte de l'innovation", "Les atouts", "Les défis", "Ce que les acteurs attendent de la mairie")
        ],
        "en": [
            (name, REQUIRED)
            for name in ("The innovation context", "Opportunities", "Challenges", "What local actors expect from the city hall")
        ],
    },
    "groups": {},
    "method": {},
}


def headings(toc) -> list[str]:
    """The `## ` headings of a rendered text, from its table of contents."""
    return [unescape(token["name"]) for token in toc if token["level"] == 2]


def sections_problem(kind: str, lang: str, toc) -> str | None:
    """The text has its kind's sections, in order; optional ones may be left out."""
    expected = SECTIONS[kind].get(lang)
    if not expected:
        return None
    found = headings(toc)
    if found in _acceptable(expected):
        return None
    listed = ", ".join(show("## " + name) + ("" if required else " (optional)") for name, required in expected)
    return (
        f"has the sections {', '.join(show('## ' + name) for name in found) or 'none'}; expected {listed}, in this "
        "order. Fix the headings"
    )


OPTIONAL_NAMES = ("results", "challenges")  # a practice's optional sections, in order, in any language


def missing_optional(kind: str, lang: str, toc) -> list[str]:
    """Which optional sections a text leaves out ('results', 'challenges'): a practice whose sources
    report none. In a language without a contract, none is missing."""
    found = set(headings(toc))
    optional = [name for name, required in SECTIONS[kind].get(lang, []) if not required]
    return [OPTIONAL_NAMES[index] for index, name in enumerate(optional) if name not in found]


def _acceptable(expected: list[tuple[str, bool]]) -> list[list[str]]:
    """Every sequence of headings the contract accepts: the required ones, with or without each optional one."""
    sequences = [[]]
    for name, required in expected:
        sequences = [sequence + [name] for sequence in sequences] + ([] if required else sequences)
    return sequences
