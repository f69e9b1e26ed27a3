"""The search index: Pagefind, one bundle per language, written in the background of the build.

Pagefind indexes pages by their <html lang> and a reader downloads only the chunks of the
index that the words typed need. Pagefind does not read the built pages: it reads a small
document per thing a reader may look for — a practice, a lever (and the groups of levers), a
step of the method, a term of the glossary, a recommendation, a city, an actor — composed from
the records, so that every language's index is written from the start of the build, beside
the page rendering. Each document says its kind (`data-pagefind-filter="kind:…"`), which the
search page shows and filters by; a text shown in another language than the document's
(a fallback) is kept out of that language's index (`data-pagefind-ignore`). Each bundle sits at
its language's root (`pagefind/`, `en/pagefind/`), its result URLs from that root. A language of
more documents than a bundle holds (mkdocs.yml, extra › atlas › search_bundle_documents) has
several (`pagefind/`, `pagefind-2/`…), written one after the other so that Pagefind's memory
does not grow with the atlas, and merged in the browser by the search page.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

from ..base import routes
from ..base.cache import code_version
from ..base.site_folder import SiteFolder
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


def sources(atlas: Atlas, lang: str) -> list[tuple[str, Callable[[], str]]]:
    """(page path, what composes its document) of everything a reader of `lang` may look for:
    counted (bundles) without composing a document."""
    found: list[tuple[str, Callable[[], str]]] = [
        (routes.practice(slug), partial(_practice_document, atlas, practice, lang)) for slug, practice in atlas.practices.items()
    ]
    found += _guide_sources(atlas, lang)
    found += [(routes.facet_value("city", key), partial(_city_document, atlas, key, lang)) for key in atlas.cities]
    found += [(routes.actor(slug), partial(_actor_document, atlas, slug, lang)) for slug in atlas.actors]
    return found


def bundles(atlas: Atlas, lang: str) -> list[str]:
    """Where `lang`'s search bundles are (site paths): one for each `search_bundle_documents`
    documents, so that Pagefind's memory stays the same whatever the number of practices; the
    search page merges them (assets/atlas-search.js)."""
    return _bundle_paths(atlas, lang, len(sources(atlas, lang)))


def _bundle_paths(atlas: Atlas, lang: str, documents: int) -> list[str]:
    count = max(1, math.ceil(documents / atlas.publication.search_bundle_documents))
    return [atlas.routes.file_url(routes.search_bundle(number), lang) for number in range(count)]


def _practice_document(atlas: Atlas, practice, lang: str) -> str:
    return practice_document(practice_record(atlas, practice, lang))


def _actor_document(atlas: Atlas, slug: str, lang: str) -> str:
    record = actor_record(atlas, slug, lang)
    body = _text(record.type.label) + Markup("").join(_text(s.title, "h2") + _html(s.html, s.fallback) for s in record.sections)
    return document(lang, "actor", record.name, body)


def _explained(explanation) -> Markup:
    return _html(explanation.rendered.html, explanation.fallback) if explanation else Markup("")


def _guide_sources(atlas: Atlas, lang: str) -> list[tuple[str, Callable[[], str]]]:
    strings = ui(atlas, lang)

    def lever(key: str) -> str:
        description = localized(atlas.languages, atlas.vocabulary["levers"][key].get("description"), lang)
        body = _text(description) + _explained(guide.explanation(atlas, atlas.guide.levers.get(key), lang))
        return document(lang, "lever", facets.label(atlas, "lever", key, lang), body)

    def groups() -> str:
        body = Markup("").join(
            _text(localized(atlas.languages, group["label"], lang), "h2", id=key)
            + _explained(guide.explanation(atlas, atlas.guide.groups[key], lang))
            for key, group in atlas.vocabulary["lever_groups"].items()
        )
        return document(lang, "lever", strings["facet_lever_plural"], body, sections=True)

    def method() -> str:
        return document(lang, "step", strings["method_title"], _explained(guide.explanation(atlas, atlas.guide.method, lang)))

    def step(index: int, step) -> str:
        title = strings["step_page_title"].format(number=step.number, title=step.title.text)
        return document(lang, "step", title, _explained(guide.explanation(atlas, atlas.guide.steps[index].text, lang)))

    def glossary() -> str:
        terms = Markup("").join(
            _text(entry.term, "h2", id=entry.key)
            + (_html(entry.definition.html, entry.definition.fallback) if entry.definition else "")
            for entry in guide.glossary(atlas, lang)
        )
        return document(lang, "term", strings["glossary_title"], terms, sections=True)

    def recommendations() -> str:
        items = Markup("").join(
            _text(item.title, "h2", id=item.key) + (_html(item.text.html, item.text.fallback) if item.text else "")
            for item in guide.recommendations(atlas, lang)
        )
        return document(lang, "recommendation", strings["recommendations_title"], items, sections=True)

    found = [(routes.facet_value("lever", key), partial(lever, key)) for key in atlas.vocabulary["levers"]]
    found += [(routes.facet("lever"), groups), (routes.METHOD, method)]
    found += [(routes.step(item.key), partial(step, index, item)) for index, item in enumerate(guide.steps(atlas, lang))]
    return found + [(routes.GLOSSARY, glossary), (routes.RECOMMENDATIONS, recommendations)]


def _city_document(atlas: Atlas, key: str, lang: str) -> str:
    city = atlas.cities[key]
    where = f"{facets.country_name(city['country'], lang)}, {facets.label(atlas, 'region', city['region'], lang).text}"
    body = _text(where) + _explained(guide.explanation(atlas, atlas.guide.cities.get(key), lang))
    return document(lang, "city", facets.label(atlas, "city", key, lang), body)


MEMORY = Path("/dev/shm")  # the system's folder in memory, where it has one (Linux)


def _written(documents: list[tuple[str, str]]) -> Path:
    """A temporary folder holding `documents` as pages for Pagefind to read: in memory if it can,
    since a new file on a disk costs about a quarter of a millisecond of the system's time (a
    thousand documents: a quarter of a second, while the build's other thread waits); else on
    the disk (no such folder, or it is full)."""
    if MEMORY.is_dir():
        try:
            return _write_documents(documents, MEMORY)
        except OSError:
            pass
    return _write_documents(documents, None)


def _write_documents(documents: list[tuple[str, str]], where: Path | None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="atlas-search-", dir=where))
    try:
        for path, html in documents:
            file = folder / path / "index.html"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(html, encoding="utf-8")
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


class Indexing:
    """Pagefind writing one language's bundles, one after the other, each in its own process,
    from the core's documents, while the build goes on. A bundle that the last build wrote into
    the same site folder from the same documents, with the same code, is left as it is."""

    def __init__(self, atlas: Atlas, lang: str, site_folder: SiteFolder):
        found = sources(atlas, lang)
        self.lang = lang
        self.notes: dict[str, list] = {}  # every bundle's files, for the next build (base/site_folder.py)
        self._to_write = []  # (bundle, content's name, documents): the bundles written now
        self._folders = []  # their documents, for Pagefind to read
        size = atlas.publication.search_bundle_documents
        for number, bundle_path in enumerate(_bundle_paths(atlas, lang, len(found))):
            documents = [(path, compose()) for path, compose in found[number * size : (number + 1) * size]]
            digest = hashlib.sha256(code_version().encode())
            for document in documents:
                digest.update(json.dumps(document).encode())
            content = digest.hexdigest()
            bundle = site_folder.site / bundle_path
            if (kept := site_folder.unchanged_folder(bundle, content)) is not None:
                self.notes.update(kept)
            else:
                self._to_write.append((bundle, content, documents))
        self._site_folder = site_folder
        self._process: subprocess.Popen | None = None
        self._stopped, self._failure, self._lock = False, None, threading.Lock()
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def _write(self) -> None:
        to_write, self._to_write = self._to_write, []
        try:
            for _, _, documents in to_write:  # every bundle's documents written first: their memory is freed
                self._folders.append(_written(documents))
                documents.clear()
        except OSError as error:  # a full disk: the build fails (wait), no bundle is left out silently
            self._failure = f"the search documents could not be written for Pagefind: {error}"
            return
        for folder, (bundle, content, _) in zip(self._folders, to_write, strict=True):
            command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(bundle), "--silent"]
            shutil.rmtree(bundle, ignore_errors=True)  # the last build's, in a kept site folder: written whole again
            with tempfile.TemporaryFile() as output:
                with self._lock:
                    if self._stopped:
                        return
                    self._process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
                status = self._process.wait()
                if status != 0 and not self._stopped:
                    output.seek(0)
                    said = output.read().decode("utf-8", "replace").strip()
                    self._failure = f"Pagefind could not write {bundle}: {said or f'exit status {status}'}"
                if status != 0:
                    return
            self.notes.update(self._site_folder.noted_folder(bundle, content))

    def wait(self) -> None:
        """Wait for the bundles; raise SearchIndexError if Pagefind failed."""
        self._thread.join()
        self._close()
        if self._failure:
            raise SearchIndexError(self._failure)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._process is not None:
                self._process.kill()
        self._thread.join()
        self._close()

    def _close(self) -> None:
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)
