#!/usr/bin/env python3
"""Check that the addresses the practices cite (links, sources, actors) still answer.

Prints a Markdown report and always exits 0: a dead link is a task for an editor, not a
reason to stop publishing. It needs the internet: the weekly workflow runs it, pull
requests do not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.links import check_links, cited_urls, links_report
from atlas.load import load_atlas
from atlas.problems import AtlasDataError
from atlas.settings import configured_languages

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=15, help="seconds to wait for each address (default 15)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        atlas = load_atlas(args.root, configured_languages(args.root))
    except AtlasDataError as error:
        print(f"{error}; run scripts/validate.py first", file=sys.stderr)
        return 0
    sys.stdout.write(links_report(check_links(cited_urls(atlas), args.timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
