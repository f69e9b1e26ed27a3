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


@dataclass(frozen=True)
class Publication:
    """How the atlas is published (mkdocs.yml: site_url, and extra › atlas): its address (absolute
    links in the sitemap, shared links, structured data and open data), its map tiles, its publisher."""

    site_url: str = ""
    map_tiles: dict | None = None
    publisher: dict | None = None  # {name: {language: text}, url}
    site_names: dict = field(default_factory=dict)  # language -> (the site's name, its description)
    generated_at: str = ""  # when the build ran, UTC (settings.generation_time): the open data's envelope

    @classmethod
    def from_config(
        cls, site_url: str | None, extra_atlas: dict | None, site_names: dict | None = None, generated_at: str = ""
    ) -> Publication:
        extra_atlas = extra_atlas or {}
        site_url = site_url or ""
        return cls(
            site_url if not site_url or site_url.endswith("/") else site_url + "/",
            extra_atlas.get("map_tiles"),
            extra_atlas.get("publisher"),
            site_names or {},
            generated_at,
        )

    def site_name(self, lang: str) -> tuple[str, str]:
        """The site's name and description in `lang` (mkdocs.yml, or the i18n plugin's for that language)."""
        return self.site_names.get(lang) or next(iter(self.site_names.values()), ("", ""))

    def publisher_name(self, lang: str, default: str) -> str:
        """Who publishes the atlas (extra › atlas › publisher), else the site itself."""
        name = (self.publisher or {}).get("name")
        return localized(name, lang, default)[0] if name else self.site_name(lang)[0]

    def absolute(self, url: str) -> str:
        """A URL from the site's root, made absolute (as is, without a site_url)."""
        return self.site_url + url


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
    publication: Publication = field(default_factory=lambda: Publication())  # address, map tiles, publisher: set per build
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
