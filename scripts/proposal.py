#!/usr/bin/env python3
"""Turn a "Propose a practice" issue into a case file, and say what to fix, field by field.

  python scripts/proposal.py convert --event "$GITHUB_EVENT_PATH" --out DIR
      reads the issue from the event's payload file (never from the command line), writes
      practices/<slug>/ when the form's answers can make a case file, and DIR/proposal.json
  python scripts/validate.py --format json > DIR/problems.json
  python scripts/proposal.py report --out DIR
      writes DIR/comment.md (every problem next to its form field, in the proposer's language),
      DIR/pull-request.md, and prints valid=true|false and slug=… for $GITHUB_OUTPUT

The issue's text is never run nor followed as a path: see atlas/tools/proposal.py.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from atlas.base import paths
from atlas.base.problems import AtlasDataError
from atlas.model.settings import configured_languages
from atlas.read.yamlfile import load_yaml_file
from atlas.tools.casefile import Refused
from atlas.tools.cli import tool_parser
from atlas.tools.forms import proposal_form
from atlas.tools.proposal import BODY_LIMIT, FormProblem, Proposal, comment, convert, validator_problems, write

EVENT_LIMIT = 4 * BODY_LIMIT  # the payload holds the body and the issue's metadata


def _lists(root: Path) -> tuple[dict, dict]:
    found = []
    for path in (paths.VOCABULARY_FILE, paths.CITIES_FILE):
        doc, problems = load_yaml_file(root / path, path)
        if doc is None or not isinstance(doc.data, dict):
            raise Refused(f"{path} cannot be read ({'; '.join(map(str, problems))}); run make validate")
        found.append(doc.data)
    return found[0], found[1]


def read_event(path: Path) -> dict:
    """The issue of an `issues` event: its body, number and author (credited in the pull request), from the payload file."""
    if path.stat().st_size > EVENT_LIMIT:
        raise Refused(f"{path} is {path.stat().st_size:,} bytes; expected at most {EVENT_LIMIT:,}")
    issue = json.loads(path.read_text(encoding="utf-8")).get("issue") or {}
    return {
        "body": issue.get("body") or "",
        "number": int(issue.get("number") or 0),
        "author": str((issue.get("user") or {}).get("login") or ""),
    }


def run_convert(root: Path, event: Path, out: Path, today: datetime.date) -> int:
    languages = configured_languages(root)
    vocabulary, cities = _lists(root)
    issue = read_event(event)
    form = proposal_form(languages, vocabulary, cities)
    proposal = convert(issue["body"], form, languages, vocabulary, cities, root, today)
    if proposal.slug:
        write(proposal, root, languages, vocabulary)
    out.mkdir(parents=True, exist_ok=True)
    record = {
        "issue": issue["number"],
        "author": issue["author"],
        "language": proposal.language,
        "slug": proposal.slug,
        "problems": [problem.__dict__ for problem in proposal.problems],
    }
    (out / "proposal.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"{'wrote ' + paths.practice_folder(proposal.slug) if record['slug'] else 'nothing written'}; {len(proposal.problems)} problem(s) in the form"
    )
    return 0


def run_report(root: Path, out: Path) -> int:
    languages = configured_languages(root)
    vocabulary, cities = _lists(root)
    record = json.loads((out / "proposal.json").read_text(encoding="utf-8"))
    problems = [FormProblem(**problem) for problem in record["problems"]]
    report = out / "problems.json"
    if record["slug"] and report.exists():
        found = json.loads(report.read_text(encoding="utf-8")).get("problems", [])
        problems += validator_problems(found, Proposal(record["language"], record["slug"], problems=problems), languages)
    form = proposal_form(languages, vocabulary, cities)
    (out / "comment.md").write_text(comment(problems, form, languages, record["language"], record["slug"]), encoding="utf-8")
    credit = f"@{record['author']}" if record["author"] else "an anonymous proposer"
    body = (
        f"Closes #{record['issue']}.\n\n"
        f"`{paths.practice_folder(record['slug'])}/`, proposed by {credit} in #{record['issue']} with the issue form, "
        "converted by scripts/proposal.py; `make validate` passes. Review it as any other pull request.\n"
    )
    (out / "pull-request.md").write_text(body, encoding="utf-8")
    valid = bool(record["slug"]) and not problems
    print(f"valid={'true' if valid else 'false'}")
    print(f"slug={record['slug']}")
    return 0


def main(argv=None) -> int:
    parser = tool_parser(__doc__)
    parser.add_argument("step", choices=["convert", "report"])
    parser.add_argument("--event", type=Path, help="the event's payload file ($GITHUB_EVENT_PATH)")
    parser.add_argument("--out", type=Path, required=True, help="a folder for proposal.json, comment.md, pull-request.md")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.step == "convert":
            if args.event is None:
                raise Refused("convert needs --event (the event's payload file)")
            return run_convert(args.root, args.event, args.out, args.today)
        return run_report(args.root, args.out)
    except (Refused, AtlasDataError, OSError, ValueError) as refusal:
        print(f"proposal: {refusal}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
