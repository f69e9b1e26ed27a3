"""What every output shares: the shape of a generated page and of a generated file (what the
site hands to the generator), the interface's texts of an edition, dates as readers read them,
and JSON that stays inert inside HTML. Outputs (hooks/atlas/outputs/) import this, the records
and the routes, and never each other."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from babel.dates import format_date
from jinja2.utils import htmlsafe_json_dumps

from .base import catalog
from .check.narrative import RenderedNarrative
from .model.model import Atlas


@dataclass
class Page:
    """A page an output generates in one language: its template shows `view()`."""

    path: str  # language-neutral, e.g. "practices/lyon-centsept" (base/routes.py)
    template: str
    title: str  # plain text: the site escapes it where it hands it to the theme
    view: Callable[[], dict]  # the template's data, built when the page is rendered
    context_name: str
    content: RenderedNarrative | None = None  # the page's own HTML, rendered by the core (a narrative)
    description: str | None = None
    in_nav: bool = False
    sources: dict[str, str] = field(default_factory=dict)  # language -> the source it pretends to come from (suffix layout)
    files: dict[str, str] = field(default_factory=dict)  # language -> where it is written


@dataclass(frozen=True)
class File:
    """A file an output generates in one language (`path`, language-neutral), or shares with every language."""

    path: str
    content: str | bytes | None = None  # what the core made or checked…
    package_file: Path | None = None  # …or a file of an installed package (Leaflet), never of practices/
    shared: bool = False  # one file for every language, at the site's root
    beside_page: str | None = None  # a file beside a page (an image): that page's language-neutral path


def ui(atlas: Atlas, lang: str) -> dict:
    """The interface's texts of the `lang` edition (base/catalog.py)."""
    return catalog.ui(atlas.languages, lang)


def long_date(iso: str, lang: str) -> str:
    """'21 novembre 2026', 'November 21, 2026': a date as readers of `lang` write it (Babel)."""
    return format_date(datetime.date.fromisoformat(iso), "long", locale=lang)


def html_safe_json(data) -> str:
    """Compact JSON with <, >, & and ' escaped, so it stays inert even inside a <script> (map
    frames, JSON-LD); valid JSON only (the loader refuses NaN and infinities)."""
    return str(htmlsafe_json_dumps(data, dumps=partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)))


def publisher_name(atlas: Atlas, lang: str) -> str:
    """Who publishes the atlas (mkdocs.yml, extra › atlas › publisher), in `lang`."""
    picked = atlas.languages.pick(atlas.publication.publisher.get("name"), lang)
    return picked.text if picked else atlas.publication.site_name(lang)[0]


def organization(atlas: Atlas, lang: str) -> dict:
    """The publisher as schema.org says it, for the pages' structured data."""
    url = atlas.publication.publisher.get("url")
    return {"@type": "Organization", "name": publisher_name(atlas, lang), **({"url": url} if url else {})}
