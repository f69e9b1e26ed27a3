"""The one registry of content rules: every check a JSON Schema cannot express is a function
listed here, and the loader and the Markdown renderer run them by stage.

Stages, and what a rule of each receives (its subject) besides the context:
- "document": one parsed YAML file of any kind, alone (run with its schema check, memoised);
- "file": one parsed file with what it refers to (the lists, today);
- "folder": a practice's folder name, with the cities its case file names;
- "markdown": one rendered Markdown text (narratives/markdown_rules.py);
- "sections": the `## ` headings of a narrative or a guide text, with its kind and language;
- "atlas": what every file links to, once all are read.
A rule yields (path, message) pairs — (field, message) for Markdown — or, at the atlas stage,
problems; the caller adds the file's name and the field's line. Each pair comes out as a
Finding, which also carries the rule's code (its name: `placeholder_problems` -> 'placeholder').
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..base.languages import Languages
from ..base.problems import Problem
from . import markdown_rules, rules, sections

STAGES = ("document", "file", "folder", "markdown", "sections", "atlas")


@dataclass(frozen=True)
class Rule:
    check: Callable  # (subject, context) -> pairs
    stage: str
    kinds: frozenset[str] = frozenset()  # the kinds of file it applies to; empty: every kind

    @property
    def code(self) -> str:
        return self.check.__name__.removesuffix("_problems").strip("_").replace("_", "-")


class Finding(tuple):
    """A rule's (path, message) pair, with the rule's code (a tuple still: callers unpack it)."""

    code: str = ""

    def __new__(cls, pair, code: str = ""):  # unpickled with its pair alone, then its code (parallel.py)
        finding = super().__new__(cls, pair)
        finding.code = code
        return finding


@dataclass(frozen=True)
class Context:
    """What rules may need besides their subject."""

    languages: Languages
    today: datetime.date | None = None
    vocabulary: dict = field(default_factory=dict)
    cities: dict = field(default_factory=dict)
    actors: dict = field(default_factory=dict)  # the actors' profiles without problems, by key
    profiles: frozenset[str] = frozenset()  # every profile's key, those with problems included
    slug: str = ""  # a practice's folder name
    markdown: Callable[[tuple], bool] = lambda path: False  # whether a field holds Markdown (schema's x-markdown)


REGISTRY: tuple[Rule, ...] = tuple(
    Rule(check, stage, frozenset(kinds)) for module in (rules, markdown_rules, sections) for check, stage, kinds in module.RULES
)
assert all(rule.stage in STAGES for rule in REGISTRY)


def run(stage: str, kind: str, subject, context: Context | None) -> Iterable:
    """Every pair the rules of `stage` find in `subject` (a file of `kind`)."""
    for rule in REGISTRY:
        if rule.stage == stage and (not rule.kinds or kind in rule.kinds):
            for found in rule.check(subject, context):
                yield replace(found, code=found.code or rule.code) if isinstance(found, Problem) else Finding(found, rule.code)


def code_of(pair) -> str:
    """The code of a rule's pair (a Finding), '' for a pair made elsewhere."""
    return getattr(pair, "code", "")
