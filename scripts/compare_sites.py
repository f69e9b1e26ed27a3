#!/usr/bin/env python3
"""Compare two built sites file by file: what a refactoring changed for readers.

Example:
  python scripts/compare_sites.py /tmp/site-before site/

Lists the files only one site has, then each file that differs. HTML is compared as readers
and browsers read it (parsed, attributes in order, entities decoded: `&#39;` and `'` are the
same text), JSON as data, other files byte for byte; for each difference it prints the first
lines that differ. Exit status 0 when the sites are the same.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def normalized(path: Path) -> str | bytes:
    raw = path.read_bytes()
    if path.suffix == ".html":
        soup = BeautifulSoup(raw, "html.parser")
        for tag in soup.find_all(True):
            tag.attrs = dict(sorted(tag.attrs.items()))
        return soup.prettify()
    if path.suffix in (".json", ".geojson"):
        try:
            return json.dumps(json.loads(raw), indent=1, ensure_ascii=False, sort_keys=True)
        except ValueError:
            return raw
    return raw


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--lines", type=int, default=8, help="lines of difference to print per file (default 8)")
    args = parser.parse_args(argv)
    files = {
        side: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        for side, root in (("before", args.before), ("after", args.after))
    }
    only_before, only_after = sorted(files["before"] - files["after"]), sorted(files["after"] - files["before"])
    for name in only_before:
        print(f"only before: {name}")
    for name in only_after:
        print(f"only after: {name}")
    differing = 0
    for name in sorted(files["before"] & files["after"]):
        a, b = normalized(args.before / name), normalized(args.after / name)
        if a == b:
            continue
        differing += 1
        print(f"differs: {name}")
        if isinstance(a, str) and isinstance(b, str):
            diff = [
                line
                for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
                if not line.startswith(("---", "+++", "@@"))
            ]
            for line in diff[: args.lines]:
                print(f"    {line.strip()[:160]}")
    print(
        f"{len(files['before'])} files before, {len(files['after'])} after: {len(only_before)} only before, {len(only_after)} only after, {differing} differ"
    )
    return 0 if not (only_before or only_after or differing) else 1


if __name__ == "__main__":
    sys.exit(main())
