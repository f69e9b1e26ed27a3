#!/usr/bin/env python3
"""Regenerate the issue forms (.github/ISSUE_TEMPLATE/propose-practice.yml, report-error.yml)
from schemas/practice.schema.json, practices/vocabulary.yml, cities.yml and the interface's texts.

Run it (or `make schemas`) after changing the schema, the vocabulary, a city or a form's text;
`--check` says whether the committed forms are those the data gives (make schemas-check, make test).
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas.base import paths
from atlas.model.settings import configured_languages
from atlas.read.yamlfile import load_yaml_file
from atlas.tools.cli import tool_parser
from atlas.tools.forms import FORMS_DIR, form_yaml, forms


def generated_forms(root: Path) -> dict[str, str]:
    """Each form's file name and text."""

    def data(path):
        doc, problems = load_yaml_file(root / path, path)
        if doc is None or not isinstance(doc.data, dict):
            raise SystemExit(f"update_forms: {path} cannot be read ({'; '.join(map(str, problems))}); run make validate")
        return doc.data

    languages = configured_languages(root)
    return {form.file: form_yaml(form) for form in forms(languages, data(paths.VOCABULARY_FILE), data(paths.CITIES_FILE))}


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="only check that the forms are up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    stale = []
    for name, text in generated_forms(args.root).items():
        target = args.root / FORMS_DIR / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(f"{FORMS_DIR}/{name}")
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {FORMS_DIR}/{name}")
    if stale:
        print(f"{', '.join(stale)} out of date; run: python scripts/update_forms.py (or make schemas)", file=sys.stderr)
        return 1
    if args.check:
        print("the issue forms are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
