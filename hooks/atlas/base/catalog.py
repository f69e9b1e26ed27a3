"""The interface's texts, as data: one file per language, hooks/atlas/i18n/<lang>.yml, with what
pages say around the data (`ui`), the section headings of each kind of Markdown text
(`sections`) and the scaffolds' hints (`scaffold`).

A text a language's file lacks is taken along that language's chain (languages.py), so that a
page never shows a key; `make translation-report` lists what each language lacks, and a test
keeps every configured language complete.
"""

from __future__ import annotations

from functools import cache

import yaml
from babel import Locale
from babel.numbers import format_decimal

from .languages import Languages
from .paths import CATALOG_DIR

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def language_file(lang: str) -> dict:
    """A language's own texts ({} for a language without a file)."""
    path = CATALOG_DIR / f"{lang}.yml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) if path.is_file() else {}


def _merged(texts: list[dict]) -> dict:
    """Blocks of texts, the first winning; nested blocks (csv_fields) merged the same way."""
    merged: dict = {}
    for block in reversed(texts):
        for key, value in block.items():
            merged[key] = (
                _merged([value, merged[key]]) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
            )
    return merged


@cache
def ui(languages: Languages, lang: str) -> dict:
    """Every interface text for a page in `lang`, each in the first language of its chain that has it."""
    return _merged([language_file(code).get("ui", {}) for code in languages.chain(lang)])


def headings(kind: str, lang: str) -> dict[str, str]:
    """The section headings of a kind of text in `lang` ({} where the language sets none: any will do)."""
    return language_file(lang).get("sections", {}).get(kind, {})


def scaffold(languages: Languages, lang: str) -> dict:
    return _merged([language_file(code).get("scaffold", {}) for code in languages.chain(lang)])


def forms(languages: Languages, lang: str) -> dict:
    """The issue forms' labels and help, and the texts of the comments on a proposal, in `lang`."""
    return _merged([language_file(code).get("forms", {}) for code in languages.chain(lang)])


@cache
def all_scaffold_hints() -> tuple[str, ...]:
    """The hint of every language that has a file: a narrative still holding one is not finished."""
    hints = (language_file(path.stem).get("scaffold", {}).get("hint") for path in CATALOG_DIR.glob("*.yml"))
    return tuple(sorted(hint for hint in hints if hint))


def missing_texts(languages: Languages, lang: str) -> list[str]:
    """The interface texts and headings the default language has and `lang`'s own file lacks ('ui.map_title')."""

    def keys(block: dict, prefix: str) -> set[str]:
        return {
            name
            for key, value in block.items()
            for name in (keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"})
        }

    default, own = language_file(languages.default), language_file(lang)
    needed = {part: default.get(part, {}) for part in ("ui", "sections", "scaffold", "forms")}  # typography is a language's own
    return sorted(keys(needed, "") - keys(own, ""))


def plural(forms: dict | str, count: int, lang: str) -> str:
    """A text with a number, in the plural form `lang` uses for it (Babel's CLDR plural rules),
    the number written as `lang` writes it ("10 000", "10,000"; the scripts' `counted` writes it
    the same way): `forms` is {one: "{count} pratique", other: "{count} pratiques"} (or one text
    for every number)."""
    written = format_decimal(count, locale=lang)
    if isinstance(forms, str):
        return forms.format(count=written)
    form = Locale.parse(lang).plural_form(count)
    return forms.get(form, forms["other"]).format(count=written)
