"""Reading one file at a time and collecting every problem: YAML files checked against their
schema and the registry's rules, Markdown texts rendered and checked, links between texts kept
to be checked once everything is read."""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..base.cache import Store
from ..base.languages import Languages
from ..base.memo import Memo
from ..base.problems import Problem, field_path, show
from ..check import registry
from ..check.narrative import RenderedNarrative, render_narrative
from ..check.schema import field_schema, keys_schema, schema_problems
from ..read.yamlfile import YamlDocument, YamlError, parse_yaml, read_text


@dataclass(frozen=True)
class Settings:
    """What a load depends on besides the files (sent to the second process as it is)."""

    root: Path
    languages: Languages
    today: datetime.date
    narratives_of: frozenset[str] | None = None  # the preview of one practice checks only its narratives
    cache: Path | None = None  # where results are kept between builds (base/cache.py); None: in memory only


class Partial(YamlDocument):
    """A document with problems: still read for references, never published."""

    def __init__(self, doc: YamlDocument):
        super().__init__(doc.data, doc.lines)


@Memo
def checked_document(
    display: str, text: str, kind: str, keys: str, languages: Languages
) -> tuple[YamlDocument | None, tuple[Problem, ...]]:
    """Parse one YAML file and check it against its schema and the document rules. The same text
    against the same lists gives the same answer, so `mkdocs serve` and the preview re-check
    only the files that changed (the documents are shared read-only)."""
    try:
        doc = parse_yaml(text)
    except YamlError as error:
        return None, (Problem(display, "", error.message, error.line, code="yaml-syntax"),)
    if not isinstance(doc.data, dict):
        return None, (
            Problem(
                display,
                "",
                f"{show(doc.data)} is not a block of fields; expected 'key: value' lines (see schemas/{kind}.schema.json)",
                code="yaml-not-fields",
            ),
        )
    problems = schema_problems(kind, doc.data, display, doc.line_of, keys)
    reported = {problem.field for problem in problems}
    context = registry.Context(languages, markdown=lambda path: bool(field_schema(kind, path[:-1]).get("x-markdown")))
    pairs = registry.run("document", kind, doc.data, context)
    problems += [problem for problem in problems_at(display, doc, pairs) if problem.field not in reported]
    return (Partial(doc) if problems else doc), tuple(problems)


MEMOS = (checked_document, render_narrative)  # what a second process fills for this one (parallel.py)
CHECKS = "checks"  # their results' folder in the cache's (base/paths.CACHE); the rendered pages are beside it


def problems_at(display: str, doc, pairs) -> list[Problem]:
    """(path, message) pairs of one YAML file as problems, with their lines."""
    return [
        Problem(display, field_path(path), message, doc.line_of(path) if doc is not None else None, code=registry.code_of(pair))
        for pair in pairs
        for path, message in (pair,)
    ]


@dataclass
class Reader:
    """Reads the editors' files and collects every problem and every link between texts."""

    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    references: list[tuple] = field(default_factory=list)  # (file, field, line, scheme, key, as written)
    _keys: dict = field(default_factory=dict)
    _store: Store | None = field(default=None, init=False, repr=False)  # the checks' results between builds

    def __post_init__(self):
        self._store = Store(self.settings.cache / CHECKS) if self.settings.cache is not None else None
        for memo in MEMOS:
            memo.store = self._store

    def keep_results(self) -> None:
        """Write the checks' new results to the cache, for the next build (base/cache.py)."""
        if self._store is not None:
            self._store.flush()

    @property
    def languages(self) -> Languages:
        return self.settings.languages

    def display(self, path: Path) -> str:
        return path.relative_to(self.settings.root).as_posix()

    def context(self, **lists) -> registry.Context:
        return registry.Context(self.languages, self.settings.today, **lists)

    def run_rules(self, stage: str, kind: str, display: str, doc, subject, context: registry.Context) -> None:
        """The registry's rules of `stage` for a file of `kind`, their problems at the file's lines."""
        self.problems += problems_at(display, doc, registry.run(stage, kind, subject, context))

    def keys(self, vocabulary: dict | None, cities: dict | None, actors: dict | None = None) -> str:
        """The keys schema files are checked against, as JSON (made once per load)."""
        key = (id(vocabulary), id(cities), id(actors))
        if key not in self._keys:
            self._keys[key] = json.dumps(keys_schema(vocabulary, cities, actors))
        return self._keys[key]

    def read_yaml(self, path: Path, kind: str, keys: str = "") -> YamlDocument | None:
        """A checked YAML file: a document with schema or rule problems is returned as a Partial
        (still read for references, never published)."""
        display = self.display(path)
        if not os.path.lexists(path):
            self.problems.append(
                Problem(display, "", f"is missing; create it (see schemas/{kind}.schema.json)", code="file-missing")
            )
            return None
        text, problems = read_text(path, display)
        self.problems += problems
        if text is None:
            return None
        doc, problems = checked_document(display, text, kind, keys, self.languages)
        self.problems += problems
        return doc

    def read_markdown(
        self, path: Path, display: str, page: str, images: frozenset[str] = frozenset(), check: bool = True
    ) -> tuple[str | None, RenderedNarrative | None]:
        """A Markdown text and, when checked, its rendering for `page`, whose problems and links are collected."""
        text, problems = read_text(path, display)
        self.problems += problems
        if text is None or not check:
            return text, None
        rendered = render_narrative(text, display, images, page)
        self.problems += [
            Problem(display, name, message, code=registry.code_of(pair))
            for pair in rendered.problems
            for name, message in (pair,)
        ]
        self.references += [(display, "link", None, *reference) for reference in rendered.references]
        return text, rendered

    def check_sections(self, display: str, kind: str, lang: str, rendered: RenderedNarrative | None) -> None:
        if rendered is not None:
            self.problems += [
                Problem(display, name, message, code=registry.code_of(pair))
                for pair in registry.run("sections", kind, (kind, lang, rendered.headings), None)
                for name, message in (pair,)
            ]

    def read_snippets(self, display: str, doc: YamlDocument, node, path: tuple, page_of) -> None:
        """Check the Markdown texts ({language: text}) inside a YAML file, each for the page that shows it."""
        if self.languages.is_texts(node):
            for lang, text in node.items():
                rendered = render_narrative(text, display, frozenset(), page_of(path))
                where, line = field_path(path + (lang,)), doc.line_of(path + (lang,))
                self.problems += [
                    Problem(display, where, message, line, code=registry.code_of(pair))
                    for pair in rendered.problems
                    for _, message in (pair,)
                ]
                self.references += [(display, where, line, *reference) for reference in rendered.references]
        elif isinstance(node, dict):
            for key, value in node.items():
                self.read_snippets(display, doc, value, path + (key,), page_of)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.read_snippets(display, doc, value, path + (index,), page_of)
