#!/usr/bin/env python3
"""Create a practice folder: practice.yml (every field annotated) and the narratives to write.

Examples:
  python scripts/new_practice.py lyon-centsept --city lyon --title "Le CentSept"
  python scripts/new_practice.py lyon-centsept --city lyon --title "Le CentSept" --translation en --translation es
  python scripts/new_practice.py            (in a terminal: asks the questions)

The narrative of the atlas's default language is written, and that of the editor's language
(--lang); a translation's narrative only when asked (--translation): a practice without one is
published in every language all the same, shown along the language's fallback chain.

Fields you do not give are written as TODO values, which `make validate` points at until you
replace them. The questions and the annotations come from schemas/practice.schema.json.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from atlas.base import paths
from atlas.base.languages import WORKING_LANGUAGE
from atlas.base.problems import AtlasDataError
from atlas.check.contract import narrative_template, practice_fields
from atlas.model.settings import configured_languages
from atlas.read.yamlfile import load_yaml_file
from atlas.tools.casefile import Refused, add_city, check_slug, new_city, write_practice
from atlas.tools.cli import tool_parser

# The required fields an editor answers in a word; their questions come from the schema.
QUESTIONS = {"title": "title", "city_role": "city_role", "themes": "theme", "levers": "lever", "status": "status"}
DEFAULTS = {"status": "ongoing"}


def read_list(root: Path, path: str) -> dict:
    doc, problems = load_yaml_file(root / path, path)
    if doc is None or not isinstance(doc.data, dict):
        raise Refused(f"{path} cannot be read ({'; '.join(map(str, problems))}); fix it first (make validate)")
    return doc.data


def ask(prompt: str, default: str | None = None, allowed=None) -> str:
    hint = f" [{default}]" if default else ""
    while True:
        try:
            answer = input(f"{prompt}{hint}: ").strip() or (default or "")
        except EOFError:
            raise Refused(
                "no more answers (end of input); answer every question, or give the values as options (see --help)"
            ) from None
        if answer and (allowed is None or all(part.strip() in allowed for part in answer.split(","))):
            return answer
        if allowed is not None:
            print(f"  expected one or more of: {', '.join(sorted(allowed))}")


def _ask_missing(args, vocabulary: dict) -> None:
    for field in (f for f in practice_fields() if f.path in QUESTIONS):
        attribute = QUESTIONS[field.path]
        if getattr(args, attribute):
            continue
        described = field.description(WORKING_LANGUAGE, args.languages).rstrip(".")
        prompt = f"{field.path} — {described}" + (" (comma-separated)" if field.is_list else "")
        answer = ask(prompt, DEFAULTS.get(field.path), allowed=vocabulary.get(field.list_name) if field.list_name else None)
        setattr(args, attribute, answer.split(",") if field.is_list else answer)


def _city(root: Path, args, vocabulary: dict, cities: dict, interactive: bool) -> None:
    if args.city in cities:
        return
    if (
        interactive
        and not args.new_city
        and ask(f"'{args.city}' is not in {paths.CITIES_FILE}. Add it? (y/n)", "y").lower().startswith("y")
    ):
        questions = ("City name", "Country (ISO code, e.g. SN)")
        args.new_city = ",".join(
            [*(ask(q) for q in questions), ask("Region", allowed=vocabulary["regions"]), ask("Latitude"), ask("Longitude")]
        )
    if not args.new_city:
        raise Refused(
            f"'{args.city}' is not a city of {paths.CITIES_FILE}; add it with "
            f"--new-city 'Name,COUNTRY,region,lat,lon' or edit {paths.CITIES_FILE}"
        )
    add_city(root, args.city, new_city(args.languages, vocabulary, args.city, args.new_city))


def create(root: Path, args, interactive: bool) -> Path:
    vocabulary, cities = read_list(root, paths.VOCABULARY_FILE), read_list(root, paths.CITIES_FILE)
    languages = args.languages
    if interactive:
        args.slug = args.slug or ask("Slug (the city's key, then a short name, e.g. lyon-centsept)")
        args.city = args.city or ask(f"City key ({paths.CITIES_FILE})", args.slug.split("-")[0])
    if not args.slug or not args.city or (not args.title and not interactive):
        raise Refused("give a slug, --city and --title (or run it in a terminal to be asked)")
    check_slug(root, args.slug, [args.city])
    _city(root, args, vocabulary, cities, interactive)
    if interactive:
        _ask_missing(args, vocabulary)
    today = datetime.date.today().isoformat()
    translated = dict(item.split("=", 1) for item in args.title_in or [])
    values = {
        "cities": [args.city],
        "title": {languages.default: args.title, **translated},
        "city_role": args.city_role or "TODO-city-role",
        "themes": [t.strip() for t in args.theme] if args.theme else ["TODO-theme"],
        "levers": [lever.strip() for lever in args.lever] if args.lever else ["TODO-lever"],
        "actors": [{"name": "TODO: actor's name", "type": "TODO-actor-type", "role": {languages.default: "TODO"}}],
        "status": args.status or "TODO-status",
        "sources": [{"title": "TODO: the document's title", "publisher": "TODO: its publisher"}],
        "published": today,
        "last_reviewed": today,
    }
    if args.actor:
        values["actors"] = [{"name": name, "type": kind} for name, kind in (a.rsplit("=", 1) for a in args.actor)]
    if args.source:
        values["sources"] = [
            {"title": title, "publisher": publisher} for title, publisher in (s.rsplit("=", 1) for s in args.source)
        ]
    narratives = {
        lang: narrative_template(languages, lang)
        for lang in dict.fromkeys((languages.default, args.lang or languages.default, *(args.translation or ())))
    }
    folder = write_practice(root, args.slug, languages, values, narratives, vocabulary, args.lang)
    return folder


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("slug", nargs="?", help="the practice's folder name: its city's key, then a short name")
    parser.add_argument("--city", help="the main city's key in practices/cities.yml")
    parser.add_argument("--title", help="the title in the atlas's default language")
    parser.add_argument(
        "--title-in", action="append", metavar="LANG=TITLE", help="the title in another language (repeat for several)"
    )
    parser.add_argument("--city-role", help="what the city government did: a key of city_roles (initiator, partner, none…)")
    parser.add_argument("--theme", action="append", help="a theme key (repeat for several)")
    parser.add_argument("--lever", action="append", help="a lever key (repeat for several)")
    parser.add_argument("--status", help="a status key")
    parser.add_argument("--actor", action="append", help="an actor as 'Name=type' (repeat for several)")
    parser.add_argument("--source", action="append", help="a source as 'Title=Publisher' (repeat for several)")
    parser.add_argument("--new-city", help="add the city to practices/cities.yml: 'Name,COUNTRY,region,lat,lon'")
    parser.add_argument("--ask", action="store_true", help="ask for what is missing even when not in a terminal")
    parser.add_argument(
        "--lang", help="the language of the file's comments: a language of the atlas (its default language by default)"
    )
    parser.add_argument(
        "--translation",
        action="append",
        metavar="LANG",
        help="also write the narrative to translate into LANG (repeat for several)",
    )
    args = parser.parse_args(argv)
    try:
        args.languages = configured_languages(args.root)
        for option, lang in [("--lang", args.lang)] + [("--translation", lang) for lang in args.translation or ()]:
            if lang is not None and lang not in args.languages.codes:
                raise Refused(
                    f"{option} {lang!r} is not a language of the atlas; expected one of: {', '.join(args.languages.codes)}"
                )
        folder = create(args.root, args, interactive=args.ask or sys.stdin.isatty())
    except (Refused, AtlasDataError) as refusal:
        print(f"new_practice: {refusal}", file=sys.stderr)
        return 2
    print(f"created {folder.relative_to(args.root)}/ (practice.yml, narratives); fill in the TODOs, then run: make validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
