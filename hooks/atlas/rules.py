"""The content rules a JSON Schema cannot express: one function each, returning problems.

Document rules read one parsed YAML file and yield (path, message) pairs, which the loader
turns into problems with the file's name and the field's line. The other rules take what
they need (a folder's name, a practice's facts, the whole atlas's keys) and yield messages
or problems. Everything in practices/ is untrusted: YAML reads `.nan` and `.inf` as
numbers, `"\\e[31m"` as text and `"   "` as a title, and a schema accepts them all.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from functools import cache

from babel import Locale

from .problems import Problem, show
from .schema import did_you_mean, load_schema

# Line breaks and tabs are the only control characters a narrative may hold (CR only before LF).
TEXT_FILE_CONTROLS_ALLOWED = {"\n", "\t"}
PLACEHOLDER_KEY = re.compile(r"^TODO-[a-z-]+$")
KEY = re.compile(load_schema("practice")["$defs"]["key"]["pattern"])  # slugs and keys: one definition, the schema's
DATE = re.compile(load_schema("practice")["$defs"]["date"]["pattern"])


# -- Text and numbers, anywhere --------------------------------------------------------------


CONTROL_CHARACTERS = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))]  # Unicode's category Cc


@cache
def _controls(allowed: frozenset) -> re.Pattern:
    """The control characters not in `allowed`; with line breaks allowed, CR only before LF."""
    refused = "".join(char for char in CONTROL_CHARACTERS if char not in allowed and not (char == "\r" and "\n" in allowed))
    return re.compile(f"[{re.escape(refused)}]" + ("|\r(?!\n)" if "\n" in allowed else ""))


def control_character(text: str, allowed=frozenset()) -> tuple[int, str] | None:
    """(index, character) of the first control character of `text` not in `allowed`."""
    found = _controls(frozenset(allowed)).search(text)
    return (found.start(), found.group()) if found else None


def describe_character(char: str) -> str:
    name = {"\n": "line break", "\r": "carriage return", "\t": "tab", "\x00": "NUL", "\x1b": "escape"}.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def value_problems(data, path: tuple = (), markdown=lambda path: False):
    """Every blank or control-character text and every number that is not finite, anywhere in a
    parsed YAML document (keys included). A Markdown text (`markdown(path)`, from the schema's
    x-markdown) may hold line breaks and tabs, as a narrative does."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield from _text_problems(key, path + (key,), "key")
            yield from value_problems(value, path + (key,), markdown)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from value_problems(value, path + (index,), markdown)
    elif isinstance(data, float) and not math.isfinite(data):
        yield (
            path,
            (
                f"{_yaml_number(data)} is not a finite number; expected a number written out, e.g. 45.764 "
                "(a coordinate) or 2014 (a year)"
            ),
        )
    elif isinstance(data, str):
        yield from _text_problems(data, path, "text", markdown)


def _text_problems(text: str, path: tuple, what: str, markdown=lambda path: False):
    found = control_character(text)
    if found is not None and markdown(path):
        found = control_character(text, TEXT_FILE_CONTROLS_ALLOWED)
    if found is not None:
        index, char = found
        fix = "write it on one line (a long text can use '>-' and continue on indented lines)" if char in "\r\n" else "remove it"
        yield path, f"{show(text)} contains a control character, {describe_character(char)}, at character {index + 1}; {fix}"
    elif text and not text.strip():
        yield path, f"{show(text)} is blank; expected some {what}. Write it or remove the field"


def _yaml_number(value: float) -> str:
    return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")


def language_problems(data, languages: tuple[str, ...], path: tuple = ()):
    """Texts may only be in configured languages (a typo such as 'em' would be lost)."""
    if isinstance(data, dict):
        if "fr" in data and all(isinstance(value, str) for value in data.values()):
            for code in data:
                if code not in languages:
                    yield (
                        path + (code,),
                        (
                            f"{show(code)} is not a language of the atlas; {did_you_mean(code, languages)}"
                            f"configured: {', '.join(languages)} (mkdocs.yml, plugins › i18n › languages). "
                            "Fix the code or remove the text"
                        ),
                    )
            return
        for key, value in data.items():
            yield from language_problems(value, languages, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from language_problems(value, languages, path + (index,))


def placeholder_problems(data, path: tuple = ()):
    """The scaffold's TODO texts must not be published (its TODO keys already fail the schema)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_problems(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_problems(value, path + (index,))
    elif isinstance(data, str) and data.startswith("TODO") and not PLACEHOLDER_KEY.match(data):
        yield path, f"{show(data)} is the scaffold's placeholder; replace it with the fact from the source"


DOCUMENT_RULES = (placeholder_problems,)  # besides value_problems, which needs to know the Markdown fields


# -- Cities -----------------------------------------------------------------------------------


def country_problem(code, default_language: str) -> str | None:
    """A country code that ISO 3166-1 does not have (Babel names every country)."""
    if isinstance(code, str) and re.fullmatch("[A-Z]{2}", code) and code not in Locale.parse(default_language).territories:
        return f"{show(code)} is not an ISO 3166-1 country code; expected a code such as FR, CI or KH"
    return None


def city_problems(cities: dict, default_language: str, today: datetime.date):
    """A country code that ISO 3166-1 does not have; a population figure from the future."""
    for key, city in cities.items():
        if not isinstance(city, dict):
            continue
        if (message := country_problem(city.get("country"), default_language)) is not None:
            yield (key, "country"), message
        year = city.get("population_year")
        if isinstance(year, int) and year > today.year:
            yield (key, "population_year"), f"{year} is in the future; expected the year of the figure"


# -- Practices --------------------------------------------------------------------------------


def slug_problem(slug: str, cities: list[str]) -> str | None:
    """A practice's folder name is a key that starts with one of its cities (the scaffold asks the same)."""
    if not KEY.match(slug):
        return (
            f"{show(slug)} is not a valid practice slug; expected lowercase ASCII letters, digits and hyphens starting "
            "with the city, e.g. 'lyon-centsept'"
        )
    if cities and not any(slug.startswith(f"{city}-") for city in cities):
        return f"{show(slug)} does not start with one of its cities ({', '.join(cities)}); use e.g. '{cities[0]}-{slug}'"
    return None


def scope_problems(data: dict, default_language: str):
    """A practice of a network or region names the countries or the regions it covers."""
    scope = data.get("scope")
    if not isinstance(scope, dict):
        return
    if "countries" not in scope and "regions" not in scope:
        yield (
            ("scope",),
            (
                "names no country and no region; add countries (ISO 3166-1 codes such as AL, RS) or regions "
                "(keys of practices/vocabulary.yml), or both"
            ),
        )
    for index, code in enumerate(scope.get("countries") if isinstance(scope.get("countries"), list) else []):
        if (message := country_problem(code, default_language)) is not None:
            yield ("scope", "countries", index), message


def date_problems(data: dict, today: datetime.date):
    """Years not too far ahead and in order, a review date that is real and past, sources already published."""
    if isinstance(data.get("since"), int) and data["since"] > today.year:
        yield ("since",), f"{data['since']} is in the future; expected the year it was founded, {today.year} at the latest"
    start, end = data.get("start_year"), data.get("end_year")
    for name, year in (("start_year", start), ("end_year", end)):
        if isinstance(year, int) and year > today.year + 1:
            yield (name,), f"{year} is too far in the future; expected at most {today.year + 1}"
    if isinstance(start, int) and isinstance(end, int) and end < start:
        yield ("end_year",), f"{end} is before start_year {start}; expected a year from {start} on. Fix one of the two years"
    dates = {}
    for name, meaning in (
        ("published", "the practice first appeared in the atlas"),
        ("last_reviewed", "the facts were last checked"),
    ):
        value = data.get(name)
        if not (isinstance(value, str) and DATE.fullmatch(value)):
            continue
        try:
            dates[name] = datetime.date.fromisoformat(value)
        except ValueError:
            yield (name,), f"{show(value)} is not a real date; expected YYYY-MM-DD"
            continue
        if dates[name] > today:
            yield (
                (name,),
                f"{show(value)} is in the future; expected the date {meaning}, today ({today.isoformat()}) at the latest",
            )
    if len(dates) == 2 and dates["published"] > dates["last_reviewed"]:
        yield (
            ("published",),
            (
                f"{show(data['published'])} is after last_reviewed {show(data['last_reviewed'])}; expected the date the "
                "practice first appeared in the atlas, on or before its last review. Fix one of the two dates"
            ),
        )
    for index, source in enumerate(data.get("sources") if isinstance(data.get("sources"), list) else []):
        year = source.get("year") if isinstance(source, dict) else None
        if isinstance(year, int) and year > today.year:
            yield (
                ("sources", index, "year"),
                (f"{year} is in the future; expected the year the document was published, {today.year} at the latest"),
            )


def actor_entry_problems(data: dict):
    """A practice's actor named by its profile (actor: <key>) takes its name and type from there."""
    for index, entry in enumerate(data.get("actors") if isinstance(data.get("actors"), list) else []):
        if isinstance(entry, dict) and "actor" in entry:
            for name in ("name", "type"):
                if name in entry:
                    yield (
                        ("actors", index, name),
                        (f"is given by the actor's profile (practices/actors/{entry['actor']}.yml); remove {name} here"),
                    )


def related_problems(slug: str, related: list, practices) -> Iterable[tuple[tuple, str]]:
    for index, other in enumerate(related):
        if other == slug:
            yield ("related", index), f"{show(other)} is this practice itself; remove it"
        elif other not in practices:
            yield (
                ("related", index),
                (
                    f"{show(other)} is not a practice of the atlas; {did_you_mean(other, practices)}"
                    "expected the folder name of another practice. Fix it or remove it"
                ),
            )


# -- Links between texts ----------------------------------------------------------------------


def reference_problem(scheme: str, key: str, written: str, known: dict[str, set], describe) -> str | None:
    """A link to one of the atlas's pages (practice:<slug>, term:<key>…) must lead somewhere."""
    if key in known[scheme]:
        return None
    hint = "link another practice as practice:<its folder name>" if scheme == "practice" else "fix the link or remove it"
    return f"{show(written)} is not {describe(scheme)}; {did_you_mean(key, known[scheme])}{hint}"


def problems_at(display: str, doc, pairs) -> list[Problem]:
    """(path, message) pairs of one YAML file as problems, with their lines."""
    from .problems import field_path

    return [
        Problem(display, field_path(path), message, doc.line_of(path) if doc is not None else None) for path, message in pairs
    ]
