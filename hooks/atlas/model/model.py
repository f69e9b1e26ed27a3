"""The atlas once loaded and checked: plain data, as the editors wrote it. What readers see of it
(labels, fallbacks, addresses) is in the records (hooks/atlas/records/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from ..base import paths
from ..base.languages import Languages
from ..base.routes import Routes
from .settings import Publication

T = TypeVar("T")


@dataclass
class Practice:
    slug: str
    data: dict
    narratives: dict[str, str]  # language -> Markdown, for the languages that have a file
    images: dict[str, bytes] = field(default_factory=dict)  # name -> content, checked (read/files.py)
    doc: object = field(default=None, repr=False, compare=False)  # the parsed YAML, for line numbers

    @property
    def display(self) -> str:
        """Its case file, as problems name it."""
        return paths.practice_file(self.slug)

    @property
    def cities(self) -> list[str]:
        """Its cities, the main one first; none for a practice of a network or region (its `scope`)."""
        return self.data.get("cities", [])

    @property
    def scope(self) -> dict | None:
        return self.data.get("scope")


@dataclass
class Actor:
    """An innovation actor's profile (practices/actors/<key>.yml)."""

    slug: str
    data: dict
    doc: object = field(default=None, repr=False, compare=False)  # the parsed YAML, for line numbers

    @property
    def display(self) -> str:
        return paths.actor_file(self.slug)


@dataclass(frozen=True)
class GuideText:
    """One explanation of the guide (practices/guide/<kind>/<key>.<lang>.md), in each language it is written in."""

    kind: str  # levers, groups, steps, cities, method
    key: str
    page: str  # the page that shows it (language-neutral): its links are written relative to it
    section: str  # where in the AIMF guide it comes from, as the guide prints its headings
    texts: dict[str, str]  # language -> Markdown
    files: dict[str, str]  # language -> its file, as problems name it


@dataclass
class Step:
    key: str
    title: dict[str, str]
    section: str
    practices: list[dict]  # {practice: slug, why: {lang: Markdown}}
    text: GuideText


@dataclass
class Guide:
    """The guide's playbook (practices/guide/): what a city hall can do and how."""

    source: dict  # the document every section cites
    levers: dict[str, GuideText]
    groups: dict[str, GuideText]
    method: GuideText
    steps: list[Step]
    recommendations: list[dict]
    glossary: list[dict]
    cities: dict[str, GuideText]
    actor_profile: dict | None = None  # the actor profile template's section and fictional example
    self_assessment: dict | None = None  # self-assessment.yml: the questions, answers and rules of the self-assessment


@dataclass
class Atlas:
    languages: Languages
    cities: dict[str, dict]
    vocabulary: dict[str, dict]
    practices: dict[str, Practice]  # sorted by slug
    guide: Guide | None = None
    actors: dict[str, Actor] = field(default_factory=dict)  # the actors' profiles, sorted by slug
    publication: Publication = field(default_factory=Publication)  # address, map tiles, publisher: set per build
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def routes(self) -> Routes:
        return _routes(self.languages)

    def derived(self, key: tuple, compute: Callable[[], T]) -> T:
        """Data derived from the atlas, computed once per load however many pages ask for it."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


@cache  # asked for by every address of every page
def _routes(languages: Languages) -> Routes:
    return Routes(languages)
