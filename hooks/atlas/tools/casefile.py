"""Writing a new practice's folder: the one writer that the scaffold (scripts/new_practice.py)
and the proposals' converter (tools/proposal.py) share, so that a case file made from a form
reads exactly like one made in a terminal, and both refuse the same slugs and cities."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import yaml

from ..base import paths
from ..base.languages import Languages
from ..check.contract import practice_template
from ..check.rules import country_problem, slug_problem
from ..check.schema import keys_schema, schema_problems

TOP_LEVEL_KEY = re.compile(r"^([a-z0-9][a-z0-9-]*):", re.M)


class Refused(Exception):
    """What cannot be written, said in one line an editor can act on."""


def check_slug(root: Path, slug: str, cities: list[str]) -> None:
    """The loader's slug rule (atlas.check.rules.slug_problem), then a folder that does not exist yet."""
    problem = slug_problem(slug, cities)
    if problem is not None:
        raise Refused(f"{problem}; choose another slug")
    if os.path.lexists(root / paths.practice_folder(slug)):
        raise Refused(f"{paths.practice_folder(slug)} already exists; choose another slug or edit that practice")


def new_city(languages: Languages, vocabulary: dict, key: str, spec: str) -> dict:
    """A city given as 'Name,COUNTRY,region,lat,lon', checked as the validator checks cities.yml."""
    try:
        name, country, region, lat, lon = [part.strip() for part in spec.split(",")]
        city = {"name": {languages.default: name}, "country": country, "region": region, "lat": float(lat), "lon": float(lon)}
    except ValueError:
        raise Refused(
            f"--new-city expects 'Name,COUNTRY,region,lat,lon', e.g. 'Dakar,SN,west-africa,14.69,-17.44'; got '{spec}'"
        ) from None
    problems = [
        str(p)
        for p in schema_problems(
            "cities", {key: city}, paths.CITIES_FILE, lambda path: None, json.dumps(keys_schema(vocabulary, None))
        )
    ]
    if (message := country_problem(country, languages)) is not None:
        problems.append(f"{paths.CITIES_FILE}: {key}.country: {message}")
    if problems:
        raise Refused("the new city is not valid: " + "; ".join(problems))
    return city


def add_city(root: Path, key: str, city: dict) -> None:
    """Insert the city into cities.yml in the order of the keys, the file's comments kept."""
    path = root / paths.CITIES_FILE
    text = path.read_text(encoding="utf-8")
    entry = yaml.safe_dump({key: city}, allow_unicode=True, sort_keys=False, default_flow_style=None)
    after = next((found for found in TOP_LEVEL_KEY.finditer(text) if found.group(1) > key), None)
    text = text.rstrip("\n") + "\n" + entry if after is None else text[: after.start()] + entry + text[after.start() :]
    path.write_text(text, encoding="utf-8")


def write_practice(
    root: Path,
    slug: str,
    languages: Languages,
    values: dict,
    narratives: dict[str, str],
    vocabulary: dict,
    lang: str | None = None,
) -> Path:
    """practices/<slug>/: practice.yml annotated in `lang` (check.contract.practice_template) and
    one narrative per language given. The slug must already be checked (check_slug); the folder
    is made here, never followed, and nothing is written outside it."""
    practices = (root / paths.PRACTICES).resolve()
    folder = root / paths.practice_folder(slug)
    if slug_problem(slug, []) is not None or folder.resolve().parent != practices:
        raise Refused(f"{slug!r} is not a folder of {paths.PRACTICES}/; choose another slug")
    folder.mkdir()  # refuses an existing folder or link: nothing is written through one
    (folder / paths.PRACTICE_FILE_NAME).write_text(
        practice_template(languages, values, vocabulary, lang), encoding="utf-8", newline="\n"
    )
    for code, text in narratives.items():
        if code not in languages.codes:
            raise Refused(f"{code!r} is not a language of the atlas; expected one of: {', '.join(languages.codes)}")
        (folder / paths.narrative_name(code)).write_text(text, encoding="utf-8", newline="\n")
    return folder
