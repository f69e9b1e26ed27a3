"""The search index: Pagefind, run on the built site.

Pagefind indexes each page under its <html lang>, so a French reader searches French pages
and an English reader English pages, and a reader downloads only the chunks of the index
that the words typed need (Material's lunr search loads one file of every page in every
language). Only practice pages carry `data-pagefind-body`, so results are practices.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Only practice pages are searched (they carry data-pagefind-body); reading the other pages
# (facets, maps…) would only cost time.
PAGES = "**/practices/*/index.html"


class SearchIndexError(Exception):
    pass


def build_search_index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--glob", PAGES, "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {(result.stderr or result.stdout).strip()}")
