"""Reports for editors and CI: the translation report (what each language lacks, practices and
every other text readers meet), and problems as GitHub annotations on a pull request's lines."""

from __future__ import annotations

import json

from ..base.problems import Problem
from ..model.model import Atlas
from ..records.translation import changed_figures, practice_gaps, texts_gaps


def translation_summary(atlas: Atlas) -> list[str]:
    """One line per language for `make validate`: what is not translated yet (never an error)."""
    lines = []
    for lang in atlas.languages.others:
        practices, others = practice_gaps(atlas, lang), texts_gaps(atlas, lang)
        if not practices and not others:
            lines.append(f"{lang}: every text is translated")
            continue
        texts = sum(len(missing) for _, missing in others)
        chain = " → ".join(atlas.languages.chain(lang)[1:])
        lines.append(
            f"{lang}: not translated yet: {len(practices)}/{len(atlas.practices)} practices, {texts} other text(s); "
            f"shown in {chain} (make translation-report lists them)"
        )
    return lines


def translation_report(atlas: Atlas) -> str:
    """A Markdown report per language (GitHub shows it in the job summary); missing text is never an error."""
    lines = ["## Translation report", ""]
    for lang in atlas.languages.others:
        gaps = practice_gaps(atlas, lang)
        chain = " → ".join(atlas.languages.chain(lang)[1:])
        lines.append(
            f"- `{lang}`: {len(atlas.practices) - len(gaps)} of {len(atlas.practices)} practices complete (missing texts are shown in: {chain})"
        )
    lines.append("")
    for lang in atlas.languages.others:
        gaps, others = practice_gaps(atlas, lang), texts_gaps(atlas, lang)
        lines += [f"### `{lang}`", ""]
        if not gaps and not others:
            lines += ["Every text is translated.", ""]
            continue
        if gaps:
            lines += ["| practice | language | missing |", "|---|---|---|"]
            lines += [f"| `{slug}` | {lang} | {', '.join(f'`{m}`' for m in missing)} |" for slug, missing in gaps]
            lines.append("")
        if others:
            lines += ["| file | missing |", "|---|---|"]
            lines += [
                f"| `{where}` | {len(missing)}: {', '.join(f'`{m}`' for m in missing[:12])}{' …' if len(missing) > 12 else ''} |"
                for where, missing in others
            ]
            lines.append("")
    if changed := changed_figures(atlas):
        lines += [f"### Figures of the `{atlas.languages.default}` text missing from a translation", ""]
        lines += ["| file | text | figures |", "|---|---|---|"]
        lines += [f"| `{where}` | `{name}` | {', '.join(missing)} |" for where, name, _lang, missing in changed]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def github_annotation(problem: Problem) -> str:
    """A line GitHub Actions shows as an error on the pull request's file and line."""

    def escape_data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_property(text: str) -> str:
        return escape_data(text).replace(":", "%3A").replace(",", "%2C")

    where = f"file={escape_property(problem.file)}"
    if problem.line:
        where += f",line={problem.line}"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"::error {where},title=Atlas data::{escape_data(message)}"


def problems_json(problems: list[Problem]) -> str:
    """Every problem for machines (validate --format json): the text's message, with a stable code."""
    return json.dumps(
        {
            "valid": not problems,
            "problems": [
                {"code": p.code or "data", "file": p.file, "field": p.field, "line": p.line, "message": p.message}
                for p in problems
            ],
        },
        ensure_ascii=False,
        indent=1,
    )
