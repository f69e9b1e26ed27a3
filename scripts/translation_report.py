#!/usr/bin/env python3
"""List the practices and fields that lack a translation, as a Markdown table.

Missing translations never fail anything: the English pages show the French text under a
notice. In CI the table goes to the job summary: python scripts/translation_report.py >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import sys

from atlas.cli import load_or_explain, tool_parser
from atlas.editing import translation_report


def main(argv=None) -> int:
    args = tool_parser(__doc__).parse_args(argv)
    atlas = load_or_explain(args.root)
    if atlas is None:
        return 1
    sys.stdout.write(translation_report(atlas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
