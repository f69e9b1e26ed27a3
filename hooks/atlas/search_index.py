"""The search index: Pagefind, one bundle per language, run in the background of the build.

Pagefind indexes pages by their <html lang> and a reader downloads only the chunks of the
index that the words typed need (Material's lunr search loads one file of every page in
every language). Each language has its own bundle beside its pages (`pagefind/`,
`en/pagefind/`), with result URLs from that language's root, so a language's bundle can be
written as soon as its pages are: mkdocs-static-i18n builds the languages one after the
other, and the French pages are indexed on the second core while the English ones are
rendered. Only practice pages are read, so results are practices.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from . import routes

# From a language's root: its practice pages (facet pages, maps… would only cost time).
PAGES = "practices/*/index.html"


class SearchIndexError(Exception):
    pass


class Indexing:
    """Pagefind indexing one language's pages, in its own process."""

    def __init__(self, language_root: Path):
        self.language_root = language_root
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 -- Pagefind writes to it until wait() or stop() closes it
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(language_root),
                "--output-subdir",
                routes.SEARCH_BUNDLE,
                "--glob",
                PAGES,
                "--silent",
            ],
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def wait(self) -> None:
        """Wait for the bundle; raise SearchIndexError if Pagefind failed."""
        status = self._process.wait()
        self._output.seek(0)
        output = self._output.read().decode("utf-8", "replace").strip()
        self._output.close()
        if status != 0:
            raise SearchIndexError(f"Pagefind could not index {self.language_root}: {output or f'exit status {status}'}")

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()
        self._output.close()


def build_search_index(language_root: Path) -> None:
    Indexing(language_root).wait()
