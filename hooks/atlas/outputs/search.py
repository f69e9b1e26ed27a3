"""The search index: Pagefind, one bundle per language, written in the background of the build.

Pagefind indexes pages by their <html lang> and a reader downloads only the chunks of the
index that the words typed need. Pagefind does not read the built pages: it reads a small
document per thing a reader may look for — a practice, a lever (and the groups of levers), a
step of the method, a term of the glossary, a recommendation, a city, an actor — composed from
the records, so that every language's index is written from the start of the build, beside
the page rendering. Each document says its kind (`data-pagefind-filter="kind:…"`), which the
search page shows and filters by; a text shown in another language than the document's
(a fallback) is kept out of that language's index (`data-pagefind-ignore`). Each bundle sits at
its language's root (`pagefind/`, `en/pagefind/`), its result URLs from that root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from markupsafe import Markup, escape

from ..base import routes
from ..model.model import Atlas
from ..records import facets, guide
from ..records.actors import actor_record
from ..records.practice import PracticeRecord, practice_record
from ..records.values import Localized, Source, localized
from ..views import ui

KINDS = ("practice", "lever", "step", "term", "recommendation", "city", "actor")  # their labels: the interface's kind_<kind>


class SearchIndexError(Exception):
    pass


def _text(value: Localized | str | None, tag: str = "p", **attributes) -> Markup:
    """A text as an element of a document, kept out of the index when it is a fallback."""
    if value is None or not str(value):
        return Markup("")
    fallback = isinstance(value, Localized) and value.fallback
    extra = "".join(f' {name.replace("_", "-")}="{escape(text)}"' for name, text in attributes.items())
    ignore = " data-pagefind-ignore" if fallback else ""
    return Markup(f"<{tag}{extra}{ignore}>{escape(str(value))}</{tag}>")


def _html(html: str, fallback: bool) -> Markup:
    """A rendered Markdown text (checked by the core) as part of a document."""
    return Markup(f"<div{' data-pagefind-ignore' if fallback else ''}>{html}</div>")


def _cited(source: Source, lang: str) -> Markup:
    """A cited document: its title only in the index of its own language (a French title is no
    Spanish word), its publisher in the reader's."""
    ignore = " data-pagefind-ignore" if source.language and source.language != lang else ""
    return Markup(f"<p><cite{ignore}>{escape(source.title)}</cite></p>") + _text(source.publisher)


def document(lang: str, kind: str, title: Localized | str, body: Markup, sections: bool = False) -> str:
    """What Pagefind reads of one thing, in one language: its title, its kind, its text. A page of
    `sections` (the glossary's terms, the recommendations, the groups of levers) is one result per
    section (an <h2 id>) for the search page."""
    meta = ' data-pagefind-meta="sections:yes"' if sections else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(str(title))}</title></head>'
        f'<body data-pagefind-filter="kind:{kind}"{meta}>{_text(title, "h1")}{body}</body></html>'
    )


def practice_document(record: PracticeRecord) -> str:
    facts = [
        record.role.label,
        record.role_note,
        ", ".join(place.name for place in record.places),
        record.scope.name if record.scope else None,
        record.status.label,
        ", ".join(term.label.text for term in record.themes + record.levers + record.actor_types),
    ]
    people = [actor.name for actor in record.actors] + [actor.role for actor in record.actors]
    body = _text(record.summary) + Markup("").join(_text(text) for text in facts + people)
    body += Markup("").join(_cited(source, record.lang) for source in record.sources)
    return document(
        record.lang, "practice", record.title, body + _html(record.narrative.rendered.html, record.narrative.fallback)
    )


def documents(atlas: Atlas, lang: str) -> Iterator[tuple[str, str]]:
    """(page path, document) of everything a reader of `lang` may look for."""
    for practice in atlas.practices.values():
        record = practice_record(atlas, practice, lang)
        yield routes.practice(practice.slug), practice_document(record)
    yield from _guide_documents(atlas, lang)
    for key in atlas.cities:
        yield routes.facet_value("city", key), _city_document(atlas, key, lang)
    for slug in atlas.actors:
        record = actor_record(atlas, slug, lang)
        body = _text(record.type.label) + Markup("").join(
            _text(s.title, "h2") + _html(s.html, s.fallback) for s in record.sections
        )
        yield routes.actor(slug), document(lang, "actor", record.name, body)


def _explained(explanation) -> Markup:
    return _html(explanation.rendered.html, explanation.fallback) if explanation else Markup("")


def _guide_documents(atlas: Atlas, lang: str) -> Iterator[tuple[str, str]]:
    strings = ui(atlas, lang)
    for key in atlas.vocabulary["levers"]:
        description = localized(atlas.languages, atlas.vocabulary["levers"][key].get("description"), lang)
        body = _text(description) + _explained(guide.explanation(atlas, atlas.guide.levers.get(key), lang))
        yield routes.facet_value("lever", key), document(lang, "lever", facets.label(atlas, "lever", key, lang), body)
    groups = Markup("").join(
        _text(localized(atlas.languages, group["label"], lang), "h2", id=key)
        + _explained(guide.explanation(atlas, atlas.guide.groups[key], lang))
        for key, group in atlas.vocabulary["lever_groups"].items()
    )
    yield routes.facet("lever"), document(lang, "lever", strings["facet_lever_plural"], groups, sections=True)
    yield (
        routes.METHOD,
        document(lang, "step", strings["method_title"], _explained(guide.explanation(atlas, atlas.guide.method, lang))),
    )
    for index, step in enumerate(guide.steps(atlas, lang)):
        title = strings["step_page_title"].format(number=step.number, title=step.title.text)
        body = _explained(guide.explanation(atlas, atlas.guide.steps[index].text, lang))
        yield routes.step(step.key), document(lang, "step", title, body)
    terms = Markup("").join(
        _text(entry.term, "h2", id=entry.key)
        + (_html(entry.definition.html, entry.definition.fallback) if entry.definition else "")
        for entry in guide.glossary(atlas, lang)
    )
    yield routes.GLOSSARY, document(lang, "term", strings["glossary_title"], terms, sections=True)
    recommendations = Markup("").join(
        _text(item.title, "h2", id=item.key) + (_html(item.text.html, item.text.fallback) if item.text else "")
        for item in guide.recommendations(atlas, lang)
    )
    yield (
        routes.RECOMMENDATIONS,
        document(lang, "recommendation", strings["recommendations_title"], recommendations, sections=True),
    )


def _city_document(atlas: Atlas, key: str, lang: str) -> str:
    city = atlas.cities[key]
    where = f"{facets.country_name(city['country'], lang)}, {facets.label(atlas, 'region', city['region'], lang).text}"
    body = _text(where) + _explained(guide.explanation(atlas, atlas.guide.cities.get(key), lang))
    return document(lang, "city", facets.label(atlas, "city", key, lang), body)


class Indexing:
    """Pagefind writing one language's bundle, in its own process, from the core's documents."""

    def __init__(self, atlas: Atlas, lang: str, site_dir: Path):
        self.bundle = Path(site_dir) / atlas.routes.file_url(routes.SEARCH_BUNDLE, lang)
        self._documents = Path(tempfile.mkdtemp(prefix="atlas-search-"))
        for path, text in documents(atlas, lang):
            file = self._documents / path / "index.html"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 -- Pagefind writes to it until wait() or stop() closes it
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(self._documents), "--output-path", str(self.bundle), "--silent"],
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def wait(self) -> None:
        """Wait for the bundle; raise SearchIndexError if Pagefind failed."""
        status = self._process.wait()
        self._output.seek(0)
        output = self._output.read().decode("utf-8", "replace").strip()
        self._close()
        if status != 0:
            raise SearchIndexError(f"Pagefind could not write {self.bundle}: {output or f'exit status {status}'}")

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()
        self._close()

    def _close(self) -> None:
        self._output.close()
        shutil.rmtree(self._documents, ignore_errors=True)
