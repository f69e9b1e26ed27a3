"""The search index: Pagefind, one bundle per language, written in the background of the build.

Pagefind indexes pages by their <html lang> and a reader downloads only the chunks of the
index that the words typed need. Results are practices. Pagefind does not read the built
pages: it reads a small document per practice composed from the practice's record (its title,
summary, facts, narrative with the page's heading ids, actors, sources), so that every
language's index is written from the start of the build, beside the page rendering, with a
quarter of the HTML to parse. Each bundle sits at its language's root (`pagefind/`,
`en/pagefind/`), its result URLs from that root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markupsafe import escape

from ..base import routes
from ..model.model import Atlas
from ..records.practice import PracticeRecord, practice_record


class SearchIndexError(Exception):
    pass


def search_document(record: PracticeRecord) -> str:
    """What Pagefind reads of a practice in one language: what its page says, without the site around it."""
    facts = [
        record.role.label.text,
        record.role_note.text if record.role_note else "",
        ", ".join(place.name for place in record.places),
        record.scope.name.text if record.scope else "",
        record.status.label.text,
        ", ".join(term.label.text for term in record.themes + record.levers + record.actor_types),
    ]
    people = [f"{actor.name.text} — {actor.role.text if actor.role else ''}" for actor in record.actors]
    sources = [f"{source.title}, {source.publisher}" for source in record.sources]
    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in facts + people + sources if text)
    return (
        f'<!DOCTYPE html><html lang="{record.lang}"><head><meta charset="utf-8"><title>{escape(record.title.text)}</title></head>'
        f"<body><h1>{escape(record.title.text)}</h1><p>{escape(record.summary.text if record.summary else '')}</p>{paragraphs}"
        f'<div lang="{record.narrative.lang}">{record.narrative.rendered.html}</div></body></html>'
    )


class Indexing:
    """Pagefind writing one language's bundle, in its own process, from the core's documents."""

    def __init__(self, atlas: Atlas, lang: str, site_dir: Path):
        self.bundle = Path(site_dir) / atlas.routes.file_url(routes.SEARCH_BUNDLE, lang)
        self._documents = Path(tempfile.mkdtemp(prefix="atlas-search-"))
        for slug, practice in atlas.practices.items():
            path = self._documents / routes.practice(slug) / "index.html"
            path.parent.mkdir(parents=True)
            path.write_text(search_document(practice_record(atlas, practice, lang)), encoding="utf-8")
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
