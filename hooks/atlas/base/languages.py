"""The language service: the atlas's languages in order, each with its fallback chain, and the
one way of picking a text for a language.

The first language is the default, always complete (the editors' texts must have it). Another
language shows a text that is not translated yet in the first language of its chain that has
it: `extra › atlas › fallback` in mkdocs.yml (e.g. `es: [en, fr]`); every chain ends with the
default language. Texts are {language: text} blocks, as editors write them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from babel import Locale

WORKING_LANGUAGE = "en"  # the language of the build's messages and of the JSON Schemas' own titles and descriptions


@dataclass(frozen=True)
class Picked:
    """A text and the language it is written in."""

    text: str
    lang: str


@dataclass(frozen=True)
class Languages:
    """The configured languages, the default first; `fallbacks`: each language's chain (hashable)."""

    codes: tuple[str, ...]
    fallbacks: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def configured(cls, codes: Sequence[str], fallbacks: Mapping[str, Sequence[str]] | None = None) -> Languages:
        return cls(tuple(codes), tuple((lang, tuple(chain)) for lang, chain in (fallbacks or {}).items()))

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def chain(self, lang: str) -> tuple[str, ...]:
        """`lang`, then the languages it falls back to, in order, ending with the default."""
        return _chain(self.fallbacks, self.default, lang)

    def pick(self, texts: Mapping[str, str] | None, lang: str) -> Picked | None:
        """The text for a reader of `lang`: in `lang`, else in the first language of its chain that has it."""
        if not texts:
            return None
        for code in self.chain(lang):
            if isinstance(texts.get(code), str) and texts[code]:
                return Picked(texts[code], code)
        return None

    def is_texts(self, value) -> bool:
        """Whether a value of a YAML file is a text in several languages ({language: text}, the default's required)."""
        return isinstance(value, dict) and self.default in value and all(isinstance(text, str) for text in value.values())


@cache  # asked for every text of every page
def _chain(fallbacks: tuple[tuple[str, tuple[str, ...]], ...], default: str, lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((lang, *dict(fallbacks).get(lang, ()), default)))


@cache
def language_name(code: str, in_lang: str) -> str:
    """A language's name in another (Babel): language_name('fr', 'en') is 'French'."""
    return Locale.parse(code).get_display_name(in_lang) or code
