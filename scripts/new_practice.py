#!/usr/bin/env python3
"""Create a practice folder: practice.yml (every field annotated), fr.md and en.md.

Examples:
  python scripts/new_practice.py lyon-centsept --city lyon --title "Le CentSept"
  python scripts/new_practice.py            (in a terminal: asks the questions)

Fields you do not give are written as TODO values, which `scripts/validate.py` points at
until you replace them. The questions and the annotations come from schemas/practice.schema.json.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import yaml

from atlas.cli import tool_parser
from atlas.editing import narrative_template, practice_fields, practice_template
from atlas.rules import slug_problem
from atlas.settings import configured_languages
from atlas.yamlfile import load_yaml_file

# The required fields an editor answers in a word; their questions come from the schema.
QUESTIONS = {"title": "title", "city_role": "city_role", "themes": "theme", "levers": "lever", "status": "status"}
DEFAULTS = {"status": "ongoing"}


class Refused(Exception):
    pass


def read_list(root: Path, name: str) -> dict:
    doc, problems = load_yaml_file(root / "practices" / name, f"practices/{name}")
    if doc is None or not isinstance(doc.data, dict):
        raise Refused(f"practices/{name} cannot be read ({'; '.join(map(str, problems))}); fix it first (scripts/validate.py)")
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


def check_slug(root: Path, slug: str, city: str) -> None:
    """The loader's slug rule (atlas.rules.slug_problem), then a folder that does not exist yet."""
    problem = slug_problem(slug, [city])
    if problem is not None:
        raise Refused(f"{problem}; choose another slug")
    if os.path.lexists(root / "practices" / slug):
        raise Refused(f"practices/{slug} already exists; choose another slug or edit that practice")


def add_city(root: Path, key: str, spec: str) -> None:
    """Append a city given as 'Name,COUNTRY,region,lat,lon' to cities.yml."""
    try:
        name, country, region, lat, lon = [part.strip() for part in spec.split(",")]
        entry = {
            key: {"name": {"fr": name, "en": name}, "country": country, "region": region, "lat": float(lat), "lon": float(lon)}
        }
    except ValueError:
        raise Refused(
            f"--new-city expects 'Name,COUNTRY,region,lat,lon', e.g. 'Dakar,SN,west-africa,14.69,-17.44'; got '{spec}'"
        ) from None
    with (root / "practices" / "cities.yml").open("a", encoding="utf-8") as cities:
        cities.write("\n" + yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, default_flow_style=None))


def create(root: Path, args, interactive: bool) -> Path:
    vocabulary, cities = read_list(root, "vocabulary.yml"), read_list(root, "cities.yml")
    if interactive:
        args.slug = args.slug or ask("Slug (the city's key, then a short name, e.g. lyon-centsept)")
        args.city = args.city or ask("City key (practices/cities.yml)", args.slug.split("-")[0])
    if not args.slug or not args.city or (not args.title and not interactive):
        raise Refused("give a slug, --city and --title (or run it in a terminal to be asked)")
    check_slug(root, args.slug, args.city)
    if args.city not in cities:
        if (
            interactive
            and not args.new_city
            and ask(f"'{args.city}' is not in practices/cities.yml. Add it? (y/n)", "y").lower().startswith("y")
        ):
            args.new_city = ",".join(
                [
                    ask("City name"),
                    ask("Country (ISO code, e.g. SN)"),
                    ask("Region", allowed=vocabulary["regions"]),
                    ask("Latitude"),
                    ask("Longitude"),
                ]
            )
        if not args.new_city:
            raise Refused(
                f"'{args.city}' is not a city of practices/cities.yml; add it with "
                "--new-city 'Name,COUNTRY,region,lat,lon' or edit practices/cities.yml"
            )
        add_city(root, args.city, args.new_city)
    if interactive:
        for field in (f for f in practice_fields() if f.path in QUESTIONS):
            attribute = QUESTIONS[field.path]
            if getattr(args, attribute):
                continue
            prompt = f"{field.path} — {field.description['en'].rstrip('.')}" + (" (comma-separated)" if field.is_list else "")
            answer = ask(prompt, DEFAULTS.get(field.path), allowed=vocabulary.get(field.list_name) if field.list_name else None)
            setattr(args, attribute, answer.split(",") if field.is_list else answer)
    values = {
        "cities": [args.city],
        "title": {"fr": args.title, **({"en": args.title_en} if args.title_en else {})},
        "city_role": args.city_role or "TODO-city-role",
        "themes": [t.strip() for t in args.theme] if args.theme else ["TODO-theme"],
        "levers": [lever.strip() for lever in args.lever] if args.lever else ["TODO-lever"],
        "actors": [{"name": "TODO: actor's name", "type": "TODO-actor-type", "role": {"fr": "TODO", "en": "TODO"}}],
        "status": args.status or "TODO-status",
        "sources": [{"title": "TODO: the document's title", "publisher": "TODO: its publisher"}],
        "published": datetime.date.today().isoformat(),
        "last_reviewed": datetime.date.today().isoformat(),
    }
    if args.actor:
        values["actors"] = [{"name": name, "type": kind} for name, kind in (a.rsplit("=", 1) for a in args.actor)]
    if args.source:
        values["sources"] = [
            {"title": title, "publisher": publisher} for title, publisher in (s.rsplit("=", 1) for s in args.source)
        ]
    folder = root / "practices" / args.slug
    folder.mkdir(parents=True)
    (folder / "practice.yml").write_text(practice_template(values, vocabulary), encoding="utf-8")
    for lang in configured_languages(root).codes:
        (folder / f"{lang}.md").write_text(narrative_template(lang), encoding="utf-8")
    return folder


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("slug", nargs="?", help="the practice's folder name: its city's key, then a short name")
    parser.add_argument("--city", help="the main city's key in practices/cities.yml")
    parser.add_argument("--title", help="the title in French")
    parser.add_argument("--title-en", help="the title in English (optional)")
    parser.add_argument("--city-role", help="what the city government did: a key of city_roles (initiator, partner, none…)")
    parser.add_argument("--theme", action="append", help="a theme key (repeat for several)")
    parser.add_argument("--lever", action="append", help="a lever key (repeat for several)")
    parser.add_argument("--status", help="a status key")
    parser.add_argument("--actor", action="append", help="an actor as 'Name=type' (repeat for several)")
    parser.add_argument("--source", action="append", help="a source as 'Title=Publisher' (repeat for several)")
    parser.add_argument("--new-city", help="add the city to cities.yml: 'Name,COUNTRY,region,lat,lon'")
    parser.add_argument("--ask", action="store_true", help="ask for what is missing even when not in a terminal")
    args = parser.parse_args(argv)
    try:
        folder = create(args.root, args, interactive=args.ask or sys.stdin.isatty())
    except Refused as refusal:
        print(f"new_practice: {refusal}", file=sys.stderr)
        return 2
    print(
        f"created {folder.relative_to(args.root)}/ (practice.yml, narratives); "
        "fill in the TODOs, then run: python scripts/validate.py"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
