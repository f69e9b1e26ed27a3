"""From a "Propose a practice" issue to a case file: the issue's body read back with the form's
own definition (tools/forms.py), its answers turned into practice.yml's values and the
narratives, written by the scaffold's writer (tools/casefile.py), and every problem — the
form's and the validator's — put next to the form field it belongs to, in the proposer's language.

An issue is untrusted text from anyone: its size is capped, no path in it is followed (the slug
is derived from the city and the title, and checked against the schema's pattern), HTML is
refused, and nothing is written outside practices/<slug>/ (and, for a new city, cities.yml).

GitHub writes a form's answers as Markdown: `### <label>`, a blank line, the answer;
`_No response_` for an empty one; checkboxes as `- [X] option`; a multiple dropdown's choices
joined by ', '. We read it here rather than with a JavaScript action (issue-ops/parser,
stefanbuck/github-issue-parser): the labels come from the same definition as the form, a
multiple dropdown whose options hold commas is split on the options themselves, and the
converter's tests run offline in `make test`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..base import catalog, paths
from ..base.languages import Languages
from ..check.sections import SECTIONS
from .casefile import Refused, add_city, check_slug, new_city, write_practice
from .forms import LINE_SEPARATOR, TEXT_LIMIT, Field, Form

BODY_LIMIT = 65_536  # GitHub's own limit on an issue's body
NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^### (.+?)\s*$", re.M)
CHECKBOX = re.compile(r"^- \[([ xX]?)\] (.+)$")
HTML = re.compile(r"</?[a-zA-Z][^>\n]*>|<!--")  # links are the validator's (https only)
SLUG_WORDS = 6  # of the title, after the city's key
MARKER = "<!-- atlas-proposal -->"  # the workflow finds and updates its own comment by it
GENERAL = ""  # problems that belong to no field of the form


@dataclass(frozen=True)
class FormProblem:
    """One problem, next to the form field it belongs to (GENERAL for none)."""

    field: str  # the form field's id
    code: str  # stable: 'proposal-missing', 'schema-enum'…
    message: str


@dataclass
class Proposal:
    language: str
    slug: str = ""
    values: dict = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)
    new_city: tuple[str, dict] | None = None
    problems: list[FormProblem] = field(default_factory=list)


def _say(languages: Languages, lang: str, name: str, **values) -> str:
    return catalog.forms(languages, lang)["problem"][name].format(**values)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def parse_body(body: str, form: Form) -> tuple[dict[str, str], list[tuple[str, str, dict]]]:
    """The raw answer of each field, by id, and problems as (field, name, values) to word later."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > BODY_LIMIT:
        return {}, [(GENERAL, "body_too_long", {"size": f"{len(text):,}", "limit": f"{BODY_LIMIT:,}"})]
    by_label, answers, problems = form.by_label(), {}, []
    found = list(HEADING.finditer(text))
    for index, heading in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        item = by_label.get(heading.group(1))
        if item is None:
            problems.append((GENERAL, "unknown_heading", {"heading": _short(heading.group(1))}))
            continue
        value = text[heading.end() : end].strip("\n").strip()
        answers[item.id] = "" if value == NO_RESPONSE else value
    for item in form.fields:
        if item.id not in answers:
            problems.append((item.id, "missing_heading", {"heading": _short(item.label)}))
    return answers, problems


def _checked(value: str) -> list[str]:
    return [
        match.group(2).strip()
        for line in value.splitlines()
        if (match := CHECKBOX.match(line.strip())) and match.group(1).strip()
    ]


def _chosen(value: str, item: Field) -> list[str]:
    """A multiple dropdown's choices, split on the options (an option may hold ', ')."""
    chosen, rest = [], value.strip()
    while rest:
        option = next((o for o in sorted(item.options, key=len, reverse=True) if rest == o or rest.startswith(o + ", ")), None)
        if option is None:
            chosen.append(rest.split(", ", 1)[0])
            rest = rest.split(", ", 1)[1] if ", " in rest else ""
            continue
        chosen.append(option)
        rest = rest[len(option) + 2 :]
    return chosen


def _meaning(item: Field, choice: str):
    """What an option means in the case file; a bare key is accepted too (a form filled by hand)."""
    if choice in item.options:
        return item.values[item.options.index(choice)]
    if choice in item.values:
        return choice
    raise KeyError(choice)


def slug_for(city: str, title: str) -> str:
    """The practice's folder name: the city's key, then the title's first words (the city's name
    and little words left out), ASCII only: nothing the proposer typed becomes a path as typed."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    skipped = {"le", "la", "les", "l", "de", "des", "du", "d", "the", "a", "of", "el", *city.split("-")}
    words = [word for word in re.findall(r"[a-z0-9]+", ascii_title) if word not in skipped]
    return "-".join([city, *words[:SLUG_WORDS]]) if words else ""


def _year(value: str):
    return int(value) if re.fullmatch(r"\d{4}", value) else value


class _Converter:
    """The answers of one proposal, turned into a case file's values; problems collected, never raised."""

    def __init__(self, form: Form, languages: Languages, answers: dict[str, str], problems: list, lang: str):
        self.form, self.languages, self.answers, self.problems, self.lang = form, languages, answers, problems, lang
        self.fields = form.by_id()

    def problem(self, field_id: str, name: str, **values) -> None:
        self.problems.append((field_id, name, values))

    def text(self, field_id: str) -> str:
        value = self.answers.get(field_id, "")
        item = self.fields[field_id]
        if len(value) > item.limit:
            self.problem(field_id, "too_long", size=f"{len(value):,}", limit=f"{item.limit:,}")
            return ""
        if match := HTML.search(value):
            self.problem(field_id, "html", value=_short(match.group(0)))
            return ""
        if not value and item.required:
            self.problem(field_id, "missing")
        return value

    def choices(self, field_id: str) -> list:
        item, value = self.fields[field_id], self.text(field_id)
        picked = _checked(value) if item.kind == "checkboxes" else _chosen(value, item) if value else []
        meanings = []
        for choice in picked:
            try:
                meanings.append(_meaning(item, choice))
            except KeyError:
                self.problem(field_id, "not_an_option", value=_short(choice))
        return meanings

    def one(self, field_id: str):
        meanings = self.choices(field_id)
        return meanings[0] if meanings else None

    def lines(self, field_id: str, names: tuple[str, ...], required: int) -> list[dict]:
        """A textarea of 'a | b | c' lines, one item each."""
        items = []
        for line in filter(None, (line.strip().lstrip("-*• ").strip() for line in self.text(field_id).splitlines())):
            parts = [part.strip() for part in line.split(LINE_SEPARATOR)]
            if len(parts) < required or len(parts) > len(names) or not all(parts[:required]):
                expected = f" {LINE_SEPARATOR} ".join(names)
                self.problem(field_id, "line_shape", value=_short(line), expected=expected)
                continue
            items.append({name: part for name, part in zip(names, parts, strict=False) if part})
        return items


def _texts(convert: _Converter, name: str) -> dict:
    return {lang: text for lang in convert.languages.codes if (text := convert.text(f"{name}_{lang}"))}


def _actors(convert: _Converter) -> list[dict]:
    """'Name | type | role' lines; a type that is not a key stays as written, for the validator to suggest one."""
    return [
        {"name": item["name"], "type": item["type"]}
        | ({"role": {convert.languages.default: item["role"]}} if "role" in item else {})
        for item in convert.lines("actors", ("name", "type", "role"), 2)
    ]


def _sources(convert: _Converter) -> list[dict]:
    sources = []
    for item in convert.lines("sources", ("title", "publisher", "year", "url"), 2):
        if "year" in item:
            item["year"] = _year(item["year"])
        sources.append(item)
    return sources


def _narratives(convert: _Converter) -> dict[str, str]:
    narratives = {}
    for lang in convert.languages.codes:
        headings = catalog.headings("practices", lang)
        parts = [
            f"## {headings[key]}\n\n{text.strip()}\n"
            for key, _ in SECTIONS["practices"]
            if (text := convert.text(f"narrative_{lang}_{key}"))
        ]
        if parts or lang == convert.languages.default:
            narratives[lang] = "\n".join(parts)
    return narratives


def _city(convert: _Converter, vocabulary: dict, cities: dict) -> tuple[list[str], tuple[str, dict] | None]:
    keys = [key for key in convert.choices("cities") if key is not None]
    spec, added = convert.text("new_city"), None
    if spec:
        name = spec.split(",", 1)[0].strip()
        key = slug_for("", name).strip("-")
        if key in cities:
            convert.problem("new_city", "city_exists", value=_short(name))
        else:
            try:
                added = (key, new_city(convert.languages, vocabulary, key, spec))
                keys.append(key)
            except Refused as refusal:
                convert.problem("new_city", "new_city", detail=str(refusal))
    if not keys and not any(field_id == "cities" for field_id, *_ in convert.problems):
        convert.problem("cities", "no_city")
    return keys, added


def convert(
    body: str, form: Form, languages: Languages, vocabulary: dict, cities: dict, root: Path, today: datetime.date
) -> Proposal:
    """A proposal's case file, in values (nothing written yet), with the form's problems."""
    answers, raw = parse_body(body, form)
    language_item = form.by_id()["language"]
    lang = next(
        (
            code
            for code, option in zip(language_item.values, language_item.options, strict=True)
            if answers.get("language") == option
        ),
        languages.default,
    )
    proposal = Proposal(lang)
    if not answers and raw:
        proposal.problems = _worded(raw, languages, lang)
        return proposal
    work = _Converter(form, languages, answers, raw, lang)
    city_keys, proposal.new_city = _city(work, vocabulary, cities)
    values = {
        "cities": city_keys,
        "title": _texts(work, "title"),
        "summary": _texts(work, "summary"),
        "city_role": work.one("city_role"),
        "city_role_note": {languages.default: note} if (note := work.text("city_role_note")) else {},
        "themes": work.choices("themes"),
        "levers": work.choices("levers"),
        "actors": _actors(work),
        "status": work.one("status"),
        "start_year": _year(work.text("start_year")) if work.text("start_year") else None,
        "end_year": _year(work.text("end_year")) if work.text("end_year") else None,
        "sdgs": work.choices("sdgs"),
        "sources": _sources(work),
        "published": today.isoformat(),
        "last_reviewed": today.isoformat(),
    }
    work.choices("consent")
    for year in ("start_year", "end_year"):
        if isinstance(values[year], str):
            work.problem(year, "year", value=_short(values[year]))
    proposal.values = {key: value for key, value in values.items() if value not in (None, {}, [], "")}
    proposal.narratives = _narratives(work)
    title = proposal.values.get("title", {}).get(languages.default, "")
    if city_keys and title:
        proposal.slug = slug_for(city_keys[0], title)
        if proposal.slug == city_keys[0]:
            work.problem(f"title_{languages.default}", "no_slug")
            proposal.slug = ""
        else:
            try:
                check_slug(root, proposal.slug, city_keys)
            except Refused:
                work.problem(f"title_{languages.default}", "slug", slug=proposal.slug)
                proposal.slug = ""
    proposal.problems = _worded(raw, languages, lang)
    return proposal


def _worded(raw: list[tuple[str, str, dict]], languages: Languages, lang: str) -> list[FormProblem]:
    return [
        FormProblem(field_id, f"proposal-{name.replace('_', '-')}", _say(languages, lang, name, **values))
        for field_id, name, values in raw
    ]


def write(proposal: Proposal, root: Path, languages: Languages, vocabulary: dict) -> Path:
    """The case file, with the scaffold's writer, annotated in the proposer's language. It is
    written even when the form has problems (an answer refused is left out), so that the
    validator finds the others at once: the proposer fixes everything in one round."""
    if not proposal.slug:
        raise Refused("the proposal gives no slug (a city and a title); nothing to write")
    if proposal.new_city is not None:
        add_city(root, *proposal.new_city)
    return write_practice(root, proposal.slug, languages, proposal.values, proposal.narratives, vocabulary, proposal.language)


# -- The validator's problems, next to the form's fields ----------------------------------------


def field_of(problem: dict, slug: str, languages: Languages) -> str | None:
    """The form field a problem of `validate --format json` belongs to; None for a problem of
    another file than the proposal's (the rest of the atlas is not the proposer's to fix)."""
    file, where = problem.get("file", ""), problem.get("field", "")
    if file == paths.CITIES_FILE:
        return "new_city"
    if not file.startswith(paths.practice_folder(slug) + "/") or not slug:
        return None
    name = file.rsplit("/", 1)[1]
    for lang in languages.codes:
        if name == paths.narrative_name(lang):
            return f"narrative_{lang}_{SECTIONS['practices'][0][0]}"
    if name != paths.PRACTICE_FILE_NAME:
        return GENERAL
    top = re.split(r"[.\[]", where, maxsplit=1)[0]
    if top in ("title", "summary"):
        lang = where.split(".")[1] if "." in where else languages.default
        return f"{top}_{lang}" if lang in languages.codes else f"{top}_{languages.default}"
    if top == "city_role_note":
        return "city_role_note"
    return top if top in PRACTICE_FIELDS else GENERAL


PRACTICE_FIELDS = ("cities", "city_role", "themes", "levers", "actors", "status", "start_year", "end_year", "sdgs", "sources")


def validator_problems(report: list[dict], proposal: Proposal, languages: Languages) -> list[FormProblem]:
    """The validator's problems in the proposal's files, each next to its field; a field whose
    answer the form already refused is not reported twice."""
    found, refused = [], {problem.field for problem in proposal.problems}
    for problem in report:
        field_id = field_of(problem, proposal.slug, languages)
        if field_id is not None and field_id not in refused:
            where = f"{problem['field']}: " if problem.get("field") else ""
            found.append(FormProblem(field_id, problem.get("code", ""), where + problem.get("message", "")))
    return found


def comment(problems: list[FormProblem], form: Form, languages: Languages, lang: str, slug: str) -> str:
    """The comment on the issue: every problem under the label of its field, in the proposer's language."""
    words = catalog.forms(languages, lang)["comment"]
    lines = [MARKER, f"### {words['title']}", ""]
    if not problems:
        return "\n".join([*lines, words["valid"].format(slug=slug), ""])
    lines += [words["problems"].format(count=len(problems)), ""]
    labels = {item.id: item.label for item in form.fields}
    order = [item.id for item in form.fields] + [GENERAL]
    for field_id in sorted({p.field for p in problems}, key=lambda f: order.index(f) if f in order else len(order)):
        label = labels.get(field_id) or words["elsewhere"]
        lines.append(f"**{_markdown_safe(label)}**")
        lines += [f"- {_markdown_safe(p.message)} (`{p.code}`)" for p in problems if p.field == field_id]
        lines.append("")
    return "\n".join(lines)


def _markdown_safe(text: str) -> str:
    """A text shown in a comment, without markup that could ping, link or hide: an issue's words stay words."""
    text = text.replace("\n", " ")
    return re.sub(r"([\\`*_{}\[\]<>#|@~])", r"\\\1", text)[:TEXT_LIMIT]
