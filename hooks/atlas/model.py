"""The atlas once loaded and validated: plain data, no MkDocs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from .routes import Routes

if TYPE_CHECKING:
    from .guide import Guide

T = TypeVar("T")


@dataclass(frozen=True)
class Languages:
    """The configured languages; the first is the default, always complete (French)."""

    codes: tuple[str, ...]

    @property
    def default(self) -> str:
        return self.codes[0]


@dataclass
class Practice:
    slug: str
    data: dict
    narratives: dict[str, str]  # language -> Markdown, for the languages that have a file
    images: dict[str, bytes] = field(default_factory=dict)  # name -> content, checked (hooks/atlas/files.py)
    doc: object = field(default=None, repr=False, compare=False)  # the parsed YAML, for line numbers

    @property
    def display(self) -> str:
        """Its case file, as problems name it."""
        return f"practices/{self.slug}/practice.yml"

    @property
    def cities(self) -> list[str]:
        """Its cities, the main one first; none for a practice of a network or region (its `scope`)."""
        return self.data.get("cities", [])

    @property
    def scope(self) -> dict | None:
        return self.data.get("scope")


@dataclass
class Actor:
    """An innovation actor's profile (practices/actors/<slug>.yml)."""

    slug: str
    data: dict
    doc: object = field(default=None, repr=False, compare=False)  # the parsed YAML, for line numbers

    @property
    def display(self) -> str:
        return f"practices/actors/{self.slug}.yml"


@dataclass
class Atlas:
    languages: Languages
    cities: dict[str, dict]
    vocabulary: dict[str, dict]
    practices: dict[str, Practice]  # sorted by slug
    guide: Guide | None = None  # the guide's playbook (hooks/atlas/guide.py)
    actors: dict[str, Actor] = field(default_factory=dict)  # the actors' profiles, sorted by slug
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def routes(self) -> Routes:
        return Routes(self.languages)

    def derived(self, key: tuple, compute: Callable[[], T]) -> T:
        """Data derived from the atlas, computed once per load however many pages ask for it."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


def localized(texts: dict | None, lang: str, default: str) -> tuple[str, str] | tuple[None, None]:
    """(text, language it is in): the text in `lang`, else in the default language."""
    if not texts:
        return None, None
    if texts.get(lang):
        return texts[lang], lang
    return texts[default], default
