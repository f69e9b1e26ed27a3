#!/usr/bin/env python3
"""Put the site together from its parts, one per language, each built alone (the publishing workflow's jobs).

Examples:
  python scripts/assemble.py --languages        # the languages to build, as JSON: ["fr", "en", "es"]
  ATLAS_BUILD_LANGUAGE=en make build && mkdir -p parts && mv site parts/site-en   # a part; so for each language
  python scripts/assemble.py parts/ site/       # parts/site-fr, parts/site-en… -> site/

PARTS holds one folder per language of mkdocs.yml, named site-<code> (the workflow's artifacts,
downloaded). The default language's part holds what every language shares (the theme's files,
the 404 page, the sitemaps), each other part its own pages, data, feed and search bundle: the
site is every file of every part. A missing part, a part that is not its language's build, a
file two parts write with different bytes or a SITE folder that is not empty is an error, one
line each; then nothing is written and the exit status is 1.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from atlas.base import routes
from atlas.base.problems import AtlasDataError
from atlas.model.settings import BUILD_LANGUAGE, configured_languages
from atlas.tools.cli import tool_parser

PART = "site-{lang}"  # a part's folder: the publishing workflow names its artifacts so


def part_problems(parts: Path, languages) -> list[str]:
    """What stops the parts in `parts` from making the site: missing, unknown or not their language's build."""
    expected = {PART.format(lang=code): code for code in languages.codes}
    site_routes = routes.Routes(languages)
    problems = [
        f"{parts / name}: not a part of this atlas; expected one folder per language, named "
        f"{', '.join(expected)} (mkdocs.yml's languages): remove it"
        for name in sorted(path.name for path in parts.glob(PART.format(lang="*")))
        if name not in expected
    ]
    for name, code in expected.items():
        home = site_routes.page_file(routes.HOME, code)
        if not (parts / name).is_dir():
            problems.append(
                f"{parts / name}: missing; expected the '{code}' part of the site: build it with {BUILD_LANGUAGE}={code}"
            )
        elif not (parts / name / home).is_file():
            problems.append(
                f"{parts / name}: has no {home}; expected the '{code}' part of the site: build it with {BUILD_LANGUAGE}={code}"
            )
    return problems


def assemble(parts: Path, site: Path, languages) -> list[str]:
    """Copy every file of every part into `site`, the default language's part first; the problems
    instead, when there are any (nothing is written then)."""
    problems = part_problems(parts, languages)
    if site.exists() and any(site.iterdir()):
        problems.append(f"{site}: not empty; expected a new folder for the assembled site: remove it or name another")
    if problems:
        return problems
    folders = [parts / PART.format(lang=code) for code in languages.codes]
    written: dict[str, Path] = {}  # a file of the site -> the part that writes it first
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            name = path.relative_to(folder).as_posix()
            first = written.setdefault(name, folder)
            if first != folder and first.joinpath(name).read_bytes() != path.read_bytes():
                problems.append(
                    f"{name}: written by {first.name} and {folder.name} with different bytes; expected one file: "
                    "build every part from the same commit with the same settings"
                )
    if problems:
        return problems
    for folder in folders:
        shutil.copytree(folder, site, dirs_exist_ok=True)
    return []


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("--languages", action="store_true", help="print the languages to build, as JSON, and stop")
    parser.add_argument("parts", type=Path, nargs="?", help="the folder of the parts (site-fr, site-en…)")
    parser.add_argument("site", type=Path, nargs="?", help="where to write the site (a new or empty folder)")
    args = parser.parse_args(argv)
    try:
        languages = configured_languages(args.root)
    except AtlasDataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{error}; fix them and run again.", file=sys.stderr)
        return 1
    if args.languages:
        print(json.dumps(list(languages.codes)))
        return 0
    if args.site is None:
        parser.error("expected PARTS and SITE, or --languages")
    problems = assemble(args.parts, args.site, languages)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
