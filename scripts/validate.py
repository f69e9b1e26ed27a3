#!/usr/bin/env python3
"""Check every file of practices/ as the build does, in seconds, without building the site.

Exit status 0 when the data is valid, 1 otherwise. With --format github, each problem is a
GitHub Actions annotation, shown on the pull request's file and line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.editing import github_annotation
from atlas.load import load_atlas
from atlas.problems import AtlasDataError
from atlas.settings import configured_languages

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--format", choices=["text", "github"], default="text", help="one line per problem (text) or GitHub annotations")
    parser.add_argument("--root", type=Path, default=ROOT, help="the atlas repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        atlas = load_atlas(args.root, configured_languages(args.root))
    except AtlasDataError as error:
        for problem in error.problems:
            print(github_annotation(problem) if args.format == "github" else problem)
        print(f"{error}; fix them and run again.", file=sys.stderr)
        return 1
    print(f"ok: {len(atlas.practices)} practices, {len(atlas.cities)} cities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
