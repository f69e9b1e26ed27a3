"""The content rules a JSON Schema cannot express, on the editors' YAML files: one function each,
listed in RULES (the registry, registry.py, runs them by stage).

Everything in practices/ is untrusted: YAML reads `.nan` and `.inf` as numbers, `"\\e[31m"` as
text and `"   "` as a title, and a schema accepts them all.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from functools import cache

from babel import Locale

from ..base.problems import Problem, did_you_mean, field_path, show
from ..read.characters import TEXT_FILE_CONTROLS_ALLOWED, control_character, describe_character
from . import crossrefs
from .schema import load_schema

PLACEHOLDER_KEY = re.compile(r"^TODO-[a-z-]+$")
KEY = re.compile(load_schema("practice")["$defs"]["key"]["pattern"])  # slugs and keys: one definition, the schema's
DATE = re.compile(load_schema("practice")["$defs"]["date"]["pattern"])


# -- Any file, alone ("document") ---------------------------------------------------------------


def value_problems(data, context, path: tuple = ()):
    """Every blank or control-character text and every number that is not finite, anywhere in a
    parsed YAML document (keys included). A Markdown text (the schema's x-markdown) may hold line
    breaks and tabs, as a narrative does."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield from _text_problems(key, path + (key,), "key", context)
            yield from value_problems(value, context, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from value_problems(value, context, path + (index,))
    elif isinstance(data, float) and not math.isfinite(data):
        number = ".nan" if math.isnan(data) else (".inf" if data > 0 else "-.inf")
        yield path, f"{number} is not a finite number; expected a number written out, e.g. 45.764 (a coordinate) or 2014 (a year)"
    elif isinstance(data, str):
        yield from _text_problems(data, path, "text", context)


def _text_problems(text: str, path: tuple, what: str, context):
    found = control_character(text)
    if found is not None and what == "text" and context.markdown(path):
        found = control_character(text, TEXT_FILE_CONTROLS_ALLOWED)
    if found is not None:
        index, char = found
        fix = "write it on one line (a long text can use '>-' and continue on indented lines)" if char in "\r\n" else "remove it"
        yield path, f"{show(text)} contains a control character, {describe_character(char)}, at character {index + 1}; {fix}"
    elif text and not text.strip():
        yield path, f"{show(text)} is blank; expected some {what}. Write it or remove the field"


def language_problems(data, context, path: tuple = ()):
    """Texts may only be in configured languages (a typo such as 'em' would be lost)."""
    languages = context.languages
    if languages.is_texts(data):
        for code in data:
            if code not in languages.codes:
                yield (
                    path + (code,),
                    f"{show(code)} is not a language of the atlas; {did_you_mean(code, languages.codes)}"
                    f"configured: {', '.join(languages.codes)} (mkdocs.yml, plugins › i18n › languages). "
                    "Fix the code or remove the text",
                )
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from language_problems(value, context, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from language_problems(value, context, path + (index,))


def placeholder_problems(data, context, path: tuple = ()):
    """The scaffold's TODO texts must not be published (its TODO keys already fail the schema)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_problems(value, context, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_problems(value, context, path + (index,))
    elif isinstance(data, str) and data.startswith("TODO") and not PLACEHOLDER_KEY.match(data):
        yield path, f"{show(data)} is the scaffold's placeholder; replace it with the fact from the source"


# -- A file with what it refers to ("file") ------------------------------------------------------


@cache
def _territories(lang: str) -> frozenset:
    return frozenset(Locale.parse(lang).territories)


def country_problem(code, languages) -> str | None:
    """A country code that ISO 3166-1 does not have (Babel names every country)."""
    if isinstance(code, str) and re.fullmatch("[A-Z]{2}", code) and code not in _territories(languages.default):
        return f"{show(code)} is not an ISO 3166-1 country code; expected a code such as FR, CI or KH"
    return None


def city_problems(cities: dict, context):
    """A country code that ISO 3166-1 does not have; a region that does not have the city's country; a population figure from the future."""
    for key, city in cities.items():
        if not isinstance(city, dict):
            continue
        if (message := country_problem(city.get("country"), context.languages)) is not None:
            yield (key, "country"), message
        year = city.get("population_year")
        if isinstance(year, int) and year > context.today.year:
            yield (key, "population_year"), f"{year} is in the future; expected the year of the figure"
        region = context.vocabulary.get("regions", {}).get(city["region"]) if isinstance(city.get("region"), str) else None
        countries = region.get("countries") if isinstance(region, dict) else None
        if (
            isinstance(city.get("country"), str)
            and isinstance(countries, list)
            and countries
            and city["country"] not in countries
        ):
            yield (
                (key, "region"),
                f"{show(city['region'])} does not have the country {city['country']} (practices/vocabulary.yml › regions › "
                f"{city['region']} › countries); fix the region, or add the country to that region's list",
            )


def scope_problems(data: dict, context):
    """A practice of a network or region names the countries or the regions it covers."""
    scope = data.get("scope")
    if not isinstance(scope, dict):
        return
    if "countries" not in scope and "regions" not in scope:
        yield (
            ("scope",),
            "names no country and no region; add countries (ISO 3166-1 codes such as AL, RS) or regions "
            "(keys of practices/vocabulary.yml), or both",
        )
    for index, code in enumerate(scope.get("countries") if isinstance(scope.get("countries"), list) else []):
        if (message := country_problem(code, context.languages)) is not None:
            yield ("scope", "countries", index), message


def year_problems(data: dict, context):
    """Years not too far ahead and in order; sources already published."""
    today = context.today
    if isinstance(data.get("since"), int) and data["since"] > today.year:
        yield ("since",), f"{data['since']} is in the future; expected the year it was founded, {today.year} at the latest"
    start, end = data.get("start_year"), data.get("end_year")
    for name, year in (("start_year", start), ("end_year", end)):
        if isinstance(year, int) and year > today.year + 1:
            yield (name,), f"{year} is too far in the future; expected at most {today.year + 1}"
    if isinstance(start, int) and isinstance(end, int) and end < start:
        yield ("end_year",), f"{end} is before start_year {start}; expected a year from {start} on. Fix one of the two years"
    for index, source in enumerate(data.get("sources") if isinstance(data.get("sources"), list) else []):
        year = source.get("year") if isinstance(source, dict) else None
        if isinstance(year, int) and year > today.year:
            yield (
                ("sources", index, "year"),
                f"{year} is in the future; expected the year the document was published, {today.year} at the latest",
            )


DATE_MEANINGS = (("published", "the practice first appeared in the atlas"), ("last_reviewed", "the facts were last checked"))


def date_problems(data: dict, context):
    """A review date that is real and past, a publication no later than the last review."""
    dates = {}
    for name, meaning in DATE_MEANINGS:
        value = data.get(name)
        if not (isinstance(value, str) and DATE.fullmatch(value)):
            continue
        try:
            dates[name] = datetime.date.fromisoformat(value)
        except ValueError:
            yield (name,), f"{show(value)} is not a real date; expected YYYY-MM-DD"
            continue
        if dates[name] > context.today:
            yield (
                (name,),
                f"{show(value)} is in the future; expected the date {meaning}, today ({context.today.isoformat()}) at the latest",
            )
    if len(dates) == 2 and dates["published"] > dates["last_reviewed"]:
        yield (
            ("published",),
            f"{show(data['published'])} is after last_reviewed {show(data['last_reviewed'])}; expected the date the "
            "practice first appeared in the atlas, on or before its last review. Fix one of the two dates",
        )


def actor_entry_problems(data: dict, context):
    """A practice's actor named by its profile (actor: <key>) takes its name and type from there."""
    for index, entry in enumerate(data.get("actors") if isinstance(data.get("actors"), list) else []):
        if isinstance(entry, dict) and "actor" in entry:
            for name in ("name", "type"):
                if name in entry:
                    yield (
                        ("actors", index, name),
                        f"is given by the actor's profile (practices/actors/{entry['actor']}.yml); remove {name} here",
                    )


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold().strip()


_PROFILE_NAMES: list = [None, {}]  # (the profiles, their folded names): one load's profiles, folded once, not per practice


def _profile_names(actors: dict) -> dict:
    """Every profile's names, folded: key."""
    if _PROFILE_NAMES[0] is not actors:
        _PROFILE_NAMES[:] = [
            actors,
            {_folded(name): key for key, actor in actors.items() for name in actor.data["name"].values()},
        ]
    return _PROFILE_NAMES[1]


def actor_reference_problems(data: dict, context):
    """A practice's actors: one that has a profile is named by it (`actor: <key>`), so that its
    page lists the practice; a profile named that has problems of its own is said to have them."""
    profiles = None  # made only for a practice that names an actor by name
    for index, entry in enumerate(data.get("actors") if isinstance(data.get("actors"), list) else []):
        if not isinstance(entry, dict):
            continue
        key = entry.get("actor")
        if isinstance(key, str) and key in context.profiles and key not in context.actors:
            yield (
                ("actors", index, "actor"),
                f"{show(key)} names the profile practices/actors/{key}.yml, which has problems of its own (listed above "
                "with that file); fix the profile",
            )
        if isinstance(key, str):
            continue  # named by its profile already (a name beside it is reported by actor_entry_problems)
        names = entry.get("name") if isinstance(entry.get("name"), dict) else {"": entry.get("name")}
        if profiles is None:
            profiles = _profile_names(context.actors)
        for name in (name for name in names.values() if isinstance(name, str)):
            if (found := profiles.get(_folded(name))) is not None:
                yield (
                    ("actors", index, "name"),
                    f"{show(name)} is the name of an actor with a profile (practices/actors/{found}.yml); name it "
                    f"as 'actor: {found}' instead of name and type, so that its profile lists this practice",
                )
                break


def missing_explanations(data: dict, context):
    """Every lever and every group of levers of the vocabulary is explained in the guide (its page opens with it)."""
    for block, list_name, folder, what in (
        ("levers", "levers", "levers", "lever"),
        ("groups", "lever_groups", "groups", "group of levers"),
    ):
        explained = data.get(block) if isinstance(data.get(block), dict) else {}
        for key in context.vocabulary.get(list_name, {}):
            if key not in explained:
                yield (
                    (block,),
                    f"has no entry for the {what} {show(key)}; every {what} of practices/vocabulary.yml is explained. "
                    f"Add {block} › {key} › section and the files "
                    f"{folder}/{key}.{context.languages.default}.md"
                    + (
                        f" (and {', '.join(f'.{code}.md' for code in context.languages.others)})"
                        if context.languages.others
                        else ""
                    ),
                )


def self_assessment_problems(data: dict, context):
    """The self-assessment asks about every lever of the vocabulary, and its plan's bounds hold together."""
    asked = data.get("levers") if isinstance(data.get("levers"), dict) else {}
    for key in context.vocabulary.get("levers", {}):
        if key not in asked:
            yield (
                ("levers",),
                f"has no question for the lever {show(key)}; the self-assessment asks about every lever of "
                f"practices/vocabulary.yml. Add levers › {key} › established (what a city hall that does it does, "
                "in one sentence per language)",
            )
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    low, high = plan.get("min_levers"), plan.get("max_levers")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        yield (
            ("plan", "min_levers"),
            f"{low} is more than max_levers ({high}); expected at most {high}. Lower it or raise max_levers",
        )


def lever_group_problems(vocabulary: dict, context):
    """Each lever belongs to a group of lever_groups."""
    groups = vocabulary.get("lever_groups") if isinstance(vocabulary.get("lever_groups"), dict) else {}
    levers = vocabulary.get("levers") if isinstance(vocabulary.get("levers"), dict) else {}
    for key, lever in levers.items():
        group = lever.get("group") if isinstance(lever, dict) else None
        if isinstance(group, str) and groups and group not in groups:
            yield (
                ("levers", key, "group"),
                f"{show(group)} is not a group of levers; {did_you_mean(group, groups)}known groups: {', '.join(groups)} "
                "(lever_groups, above)",
            )


# -- A practice's folder ("folder") ---------------------------------------------------------------


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


def folder_name_problems(folder, context):
    """`folder`: (its name, the keys of its known cities, or [] when one is unknown)."""
    slug, cities = folder
    if (problem := slug_problem(slug, cities)) is not None:
        yield (), f"{problem}. Rename the folder"


# -- Across files ("atlas") ------------------------------------------------------------------------


def related_problems(links, context):
    """A practice's related practices exist, and are other practices."""
    for slug, (display, doc, related) in links.practices.items():
        for index, other in enumerate(related):
            path = ("related", index)
            if other == slug:
                message = f"{show(other)} is this practice itself; remove it"
            elif other not in links.practices:
                message = (
                    f"{show(other)} is not a practice of the atlas; {did_you_mean(other, links.practices)}"
                    "expected the folder name of another practice. Fix it or remove it"
                )
            else:
                continue
            yield Problem(display, field_path(path), message, doc.line_of(path) if doc is not None else None)


def reference_problems(links, context):
    """A link to one of the atlas's pages (practice:<slug>, term:<key>…) leads somewhere."""
    for display, where, line, scheme, key, written in links.references:
        known = links.known[scheme]
        if key in known:
            continue
        hint = "link another practice as practice:<its folder name>" if scheme == "practice" else "fix the link or remove it"
        yield Problem(
            display, where, f"{show(written)} is not {crossrefs.describe(scheme)}; {did_you_mean(key, known)}{hint}", line
        )


RULES = (
    (value_problems, "document", ()),
    (language_problems, "document", ()),
    (placeholder_problems, "document", ()),
    (city_problems, "file", ("cities",)),
    (year_problems, "file", ("practice", "actor")),
    (date_problems, "file", ("practice", "actor")),
    (scope_problems, "file", ("practice",)),
    (actor_entry_problems, "file", ("practice",)),
    (actor_reference_problems, "file", ("practice",)),
    (missing_explanations, "file", ("guide",)),
    (self_assessment_problems, "file", ("self-assessment",)),
    (lever_group_problems, "file", ("vocabulary",)),
    (folder_name_problems, "folder", ("practice",)),
    (related_problems, "atlas", ()),
    (reference_problems, "atlas", ()),
)
