"""The values records are made of: plain data (text as the editors wrote it: each output's format escapes it
once, where it writes it), with a text's language so that a page can mark a fallback."""

from __future__ import annotations

from dataclasses import dataclass

from ..base.languages import Languages


@dataclass(frozen=True)
class Localized:
    """A text as one edition shows it: `lang` is the language it is written in, `fallback` that it
    is not the edition's (a page marks it with its `lang`: overrides/partials/atlas-macros.html)."""

    text: str
    lang: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text


def localized(languages: Languages, texts: dict | None, lang: str) -> Localized | None:
    """A {language: text} block as the `lang` edition shows it: along the language's chain."""
    picked = languages.pick(texts, lang)
    return None if picked is None else Localized(picked.text, picked.lang, picked.lang != lang)


def same(text: str, lang: str) -> Localized:
    """A text that is the same in every language (a name, a number) or made for this edition."""
    return Localized(text, lang)


def named(languages: Languages, name: str | dict, lang: str) -> Localized:
    """A name written once for every language, or translated ({language: text}: one that describes)."""
    return localized(languages, name, lang) if isinstance(name, dict) else same(name, lang)


@dataclass(frozen=True)
class Term:
    """A value of a facet (a theme, a city, a country…) in one edition: its key, its label, its page."""

    facet: str
    key: str
    label: Localized
    url: str  # its page, from the site's root
    group: str | None = None  # a lever's group of levers
    acted: bool | None = None  # a city role: whether the city government acted


@dataclass(frozen=True)
class Place:
    """A city where a practice happens or an actor works, with its country and region."""

    city: Term
    country: Term  # its key is the lower-case ISO code
    region: Term
    lat: float
    lon: float

    @property
    def country_code(self) -> str:
        return self.country.key.upper()

    @property
    def name(self) -> str:
        """'Lyon (France)', as lists, popups and feeds say where."""
        return f"{self.city.label.text} ({self.country.label.text})"


@dataclass(frozen=True)
class Point:
    """Where a map draws a practice (WGS84): its own location, or one of its cities (`place`, the index in its places)."""

    lat: float
    lon: float
    place: int


@dataclass(frozen=True)
class Scope:
    """What a practice of a network or region covers."""

    name: Localized
    countries: tuple[Term, ...]
    regions: tuple[Term, ...]


@dataclass(frozen=True)
class Link:
    url: str
    label: Localized


@dataclass(frozen=True)
class Source:
    title: str  # the document's title, in its own language
    publisher: Localized
    year: int | None = None
    url: str | None = None
    pages: str | None = None
    section: str | None = None  # a part of the guide, as it prints its headings
    language: str | None = None  # the document's language: its title and sections are written in it


def source(languages: Languages, data: dict, lang: str, section: str | None = None) -> Source:
    """A cited document as the `lang` edition shows it (its publisher's name may be translated)."""
    publisher = data["publisher"]
    return Source(
        data["title"],
        named(languages, publisher, lang),
        data.get("year"),
        data.get("url"),
        data.get("pages"),
        section,
        data.get("language"),
    )


@dataclass(frozen=True)
class Ref:
    """Another page of the atlas a record links to (a related practice)."""

    slug: str
    title: Localized
    url: str
