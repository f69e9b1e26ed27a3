#!/usr/bin/env python3
"""List the practices and fields that lack a translation, as a Markdown table.

Missing translations never fail anything: a page shows a text not translated yet in the first
language of its language's fallback chain, under a notice. Besides the practices, it lists the
interface's texts, the vocabulary's labels, the cities' names, the guide's texts and the actors'
profiles that each language lacks. In CI the table goes to the job summary: python scripts/translation_report.py >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import sys

from atlas.tools.cli import load_or_explain, tool_parser
from atlas.tools.reports import translation_report


def main(argv=None) -> int:
    args = tool_parser(__doc__).parse_args(argv)
    atlas = load_or_explain(args.root)
    if atlas is None:
        return 1
    sys.stdout.write(translation_report(atlas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
