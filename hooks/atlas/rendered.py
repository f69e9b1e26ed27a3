"""Pages as the theme rendered them, kept between builds, so that a build after one edit renders
again only the pages that the edit changed.

A page is filed under the digest of everything it is rendered from: the code version (the
atlas's code and adapter, the schemas, every installed package's version, the theme's
included: base/cache.py), its surroundings in this build (its language, mkdocs.yml, the
values mkdocs.yml takes from the environment, the templates of overrides/, the pages of docs/
and the navigation, the publication's settings but the time of the build, which no page shows:
the adapter hands them over as plain data) and the page itself (its address in every language, its
title, description, table of contents, its own HTML and every value its template reads,
`view()`). Any change is another address: a stale page can never be found, only missed. A page
whose data holds something that cannot be filed (a function) is rendered every time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markupsafe import Markup

from .base.cache import MISSING, Store, digest
from .views import Page

PAGES = "pages"  # of the cache's folder (base/paths.CACHE): the checks' results are beside them
TEMPLATES = "templates"  # beside them: the templates compiled by Jinja, filed by their source's checksum
CACHED_TEMPLATE = "atlas-cached.html"  # overrides/: writes a page found rendered as it is


class RenderedPages:
    """The rendered pages of earlier builds, and where this build's are kept."""

    def __init__(self, cache: Path):
        self.store = Store(Path(cache) / PAGES)
        self.templates = Path(cache) / TEMPLATES
        self.seen: dict = {}  # the records' digests: a record shown on many pages is read once

    def address(self, surroundings: str, page: Page, view: dict) -> str | None:
        """Where `page` (in the language of `surroundings`, a digest) is filed; None if it cannot be."""
        fields = tuple(getattr(page, f.name) for f in dataclasses.fields(page) if f.name != "view")
        try:
            return self.store.address("page", (surroundings, fields, view), self.seen)
        except TypeError:
            return None

    def get(self, address: str) -> Markup | None:
        html = self.store.get(address)
        return None if html is MISSING else Markup(html)

    def put(self, address: str, html: str) -> None:
        self.store.put(address, str(html))


def surroundings(*values) -> str | None:
    """The digest of a page's surroundings (plain data); None if they cannot be filed: nothing is kept."""
    try:
        return digest(values)
    except TypeError:
        return None
