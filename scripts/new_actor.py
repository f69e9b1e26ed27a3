#!/usr/bin/env python3
"""Create an innovation actor's profile: practices/actors/<key>.yml, every field and section of
the AIMF guide's template annotated REQUIRED or optional.

Example:
  python scripts/new_actor.py tuba --name "Tubà" --type private --city lyon

Then write its description (and only the sections the sources fill), cite the sources, and
name it in a practice's actors as `- actor: tuba` (with its role there). Validation points at
the TODOs until they are replaced. The annotations come from schemas/actor.schema.json.
"""

from __future__ import annotations

import datetime
import os
import sys

from atlas.base.paths import actor_file
from atlas.check.contract import actor_template
from atlas.check.rules import KEY
from atlas.model.settings import configured_languages
from atlas.tools.cli import tool_parser


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("key", help="the actor's permanent key, e.g. tuba (lowercase letters, digits and hyphens)")
    parser.add_argument("--name", required=True, help="its name in the atlas's default language, as the sources give it")
    parser.add_argument("--type", help="public, private, academic, civil-society or international (actor_types)")
    parser.add_argument("--city", action="append", help="a city's key in practices/cities.yml (repeat for several)")
    parser.add_argument(
        "--lang", help="the language of the file's comments: a language of the atlas (its default language by default)"
    )
    args = parser.parse_args(argv)
    path = args.root / actor_file(args.key)
    if not KEY.match(args.key):
        print(
            f"new_actor: {args.key!r} is not a valid key; expected lowercase ASCII letters, digits and hyphens, e.g. 'tuba'",
            file=sys.stderr,
        )
        return 2
    if os.path.lexists(path):
        print(f"new_actor: {actor_file(args.key)} already exists; choose another key or edit that profile", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    languages = configured_languages(args.root)
    path.write_text(
        actor_template(languages, args.name, args.type, args.city, datetime.date.today().isoformat()), encoding="utf-8"
    )
    print(f"created {actor_file(args.key)}; write what the sources say, then run: make validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
