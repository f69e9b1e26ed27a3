#!/usr/bin/env python3
"""Check every file of practices/ as the build does, in seconds, without building the site.

Exit status 0 when the data is valid, 1 otherwise. With --format github, each problem is a
GitHub Actions annotation, shown on the pull request's file and line; with --format json, one JSON
document: {"valid": …, "problems": [{"code", "file", "field", "line", "message"}, …]}, each
problem's `code` stable (the proposals' workflow puts each next to its form field). Once the data is valid, a
line per language says what is not translated yet (shown along its fallback chain; never an error).
"""

from __future__ import annotations

import sys

from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from atlas.model.settings import configured_languages
from atlas.tools.cli import tool_parser
from atlas.tools.reports import github_annotation, problems_json, translation_summary


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="one line per problem (text), GitHub annotations, or one JSON document (json)",
    )
    args = parser.parse_args(argv)
    try:
        atlas = load_atlas(args.root, configured_languages(args.root))
    except AtlasDataError as error:
        if args.format == "json":
            print(problems_json(error.problems))
        else:
            for problem in error.problems:
                print(github_annotation(problem) if args.format == "github" else problem)
        print(f"{error}; fix them and run again.", file=sys.stderr)
        return 1
    if args.format == "json":
        print(problems_json([]))
        return 0
    print(f"ok: {len(atlas.practices)} practices, {len(atlas.cities)} cities")
    for line in translation_summary(atlas):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
