#!/usr/bin/env python3
"""Check that the addresses the practices cite (links, sources, actors) still answer.

Prints a Markdown report and always exits 0: a dead link is a task for an editor, not a
reason to stop publishing. It needs the internet: the weekly workflow runs it, pull
requests do not.
"""

from __future__ import annotations

import sys

from atlas.tools.cli import load_or_explain, tool_parser
from atlas.tools.links import check_links, cited_urls, links_report


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("--timeout", type=float, default=15, help="seconds to wait for each address (default 15)")
    args = parser.parse_args(argv)
    atlas = load_or_explain(args.root)
    if atlas is None:
        return 0
    sys.stdout.write(links_report(check_links(cited_urls(atlas), args.timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
