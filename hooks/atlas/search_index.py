"""The search index: Pagefind, one bundle per language, written in the background of the build.

Pagefind indexes pages by their <html lang> and a reader downloads only the chunks of the
index that the words typed need (Material's lunr search loads one file of every page in
every language). Results are practices. Pagefind does not read the built pages: it reads a
small document per practice that the core composes from the same record and narrative as
the page (its title, summary, facts, narrative with the page's heading ids, actors, sources),
so that every language's index is written from the start of the build, beside the page
rendering, with a quarter of the HTML to parse. Each bundle sits at its language's root
(`pagefind/`, `en/pagefind/`), its result URLs from that root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markupsafe import escape

from . import routes
from .model import Atlas
from .narrative import practice_narrative
from .records import practice_document


class SearchIndexError(Exception):
    pass


def search_document(atlas: Atlas, slug: str, lang: str) -> str:
    """What Pagefind reads of a practice in `lang`: what its page says, without the site around it."""
    document = practice_document(atlas, atlas.practices[slug], lang)
    practice = atlas.practices[slug]
    narrative = practice_narrative(practice, document["language"]).html
    facts = [
        document["city_role"]["label"],
        document["city_role_note"] or "",
        ", ".join(f"{place['city']} ({place['country']})" for place in document["places"]),
        document["scope"]["name"] if document["scope"] else "",
        document["status"]["label"],
        ", ".join(item["label"] for item in document["themes"] + document["levers"] + document["actor_types"]),
    ]
    people = [f"{actor['name']} — {actor['role'] or ''}" for actor in document["actors"]]
    sources = [f"{source['title']}, {source['publisher']}" for source in document["sources"]]
    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in facts + people + sources if text)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(document["title"])}</title></head>'
        f"<body><h1>{escape(document['title'])}</h1><p>{escape(document['summary'])}</p>{paragraphs}"
        f'<div lang="{document["language"]}">{narrative}</div></body></html>'
    )


class Indexing:
    """Pagefind writing one language's bundle, in its own process, from the core's documents."""

    def __init__(self, atlas: Atlas, lang: str, site_dir: Path):
        self.bundle = Path(site_dir) / atlas.routes.file_url(routes.SEARCH_BUNDLE, lang)
        self._documents = Path(tempfile.mkdtemp(prefix="atlas-search-"))
        for slug in atlas.practices:
            path = self._documents / routes.practice(slug) / "index.html"
            path.parent.mkdir(parents=True)
            path.write_text(search_document(atlas, slug, lang), encoding="utf-8")
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


def build_search_index(atlas: Atlas, lang: str, site_dir: Path) -> None:
    Indexing(atlas, lang, site_dir).wait()
