#!/usr/bin/env python3
"""Regenerate schemas/vocabulary-keys.schema.json from practices/vocabulary.yml, cities.yml and
the actors' profiles (practices/actors/).

Run it after adding a theme, lever, actor type, status, region, city or actor, so that
editors' autocompletion offers the new key (the build and `validate` always use the current data).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from atlas.base import paths
from atlas.check.schema import KEYS_SCHEMA_FILE, keys_schema
from atlas.read.yamlfile import load_yaml_file
from atlas.tools.cli import tool_parser


def generated_keys_schema(root: Path) -> str:
    def data(path):
        doc, _ = load_yaml_file(root / path, path)
        return doc.data if doc and isinstance(doc.data, dict) else None

    actors = sorted(path.stem for path in (root / paths.ACTORS).glob("*.yml"))
    return (
        json.dumps(keys_schema(data(paths.VOCABULARY_FILE), data(paths.CITIES_FILE), actors), indent=2, ensure_ascii=False) + "\n"
    )


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    target = paths.SCHEMA_DIR / KEYS_SCHEMA_FILE
    text = generated_keys_schema(args.root)
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target.relative_to(args.root)} is out of date; run: python scripts/update_schemas.py", file=sys.stderr)
            return 1
        print(f"{target.relative_to(args.root)} is up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(args.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
