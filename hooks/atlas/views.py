"""Building blocks of what pages show: escaped localized texts, interface strings, names and JSON.

Every string that comes from a data file is escaped here, once, with markupsafe (MkDocs
renders themes without autoescaping), so a template cannot forget to. A localized text
that falls back to the default language carries that language, so the page can mark it
with ``lang`` for readers, screen readers and search engines.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

import yaml
from babel import Locale
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from .model import Atlas, localized


@dataclass(frozen=True)
class Text:
    """A localized text, escaped; prints as HTML, wrapped with its language when it differs from the page's."""

    text: Markup
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return Markup('<span lang="{}">{}</span>').format(self.lang, self.text) if self.fallback else self.text

    __html__ = __str__


def text(texts: dict | None, lang: str, default: str) -> Text | None:
    value, value_lang = localized(texts, lang, default)
    return None if value is None else Text(escape(value), value_lang, value_lang != lang)


def plain(texts: dict | None, lang: str, default: str) -> str | None:
    """The raw (unescaped) text, for data files whose own format does the escaping (JSON)."""
    return localized(texts, lang, default)[0]


@cache
def ui_strings() -> dict:
    return yaml.safe_load(Path(__file__).with_name("strings.yml").read_text(encoding="utf-8"))


def ui(lang: str, default: str) -> dict:
    strings = ui_strings()
    return {**strings[default], **strings.get(lang, {})}


def sort_key(value) -> str:
    """Alphabetical order that ignores accents and case (Île-de-France among the I's)."""
    return unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().casefold()


@cache
def _territories(lang: str) -> dict:
    return Locale.parse(lang).territories


def country_name(code: str, lang: str) -> str:
    return _territories(lang).get(code, code)


def vocabulary_text(atlas: Atlas, list_name: str, key, lang: str) -> Text:
    return text(atlas.vocabulary[list_name][str(key)]["label"], lang, atlas.languages.default)


def link(label, href: str) -> dict:
    return {"label": label, "url": href}


def html_safe_json(data) -> str:
    """Compact JSON with <, >, & and ' escaped, so it stays inert even inside a <script> (the map frames);
    valid JSON only (the loader refuses NaN and infinities: one reaching here is a bug)."""
    return str(htmlsafe_json_dumps(data, dumps=partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)))
