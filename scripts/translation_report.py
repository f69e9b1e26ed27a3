#!/usr/bin/env python3
"""List the practices and fields that lack a translation, as a Markdown table.

Missing translations never fail anything: the English pages show the French text under a
notice. In CI the table goes to the job summary: python scripts/translation_report.py >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.editing import translation_report
from atlas.load import load_atlas
from atlas.problems import AtlasDataError
from atlas.settings import configured_languages

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        atlas = load_atlas(args.root, configured_languages(args.root))
    except AtlasDataError as error:
        print(f"{error}; run scripts/validate.py first", file=sys.stderr)
        return 1
    sys.stdout.write(translation_report(atlas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
