"""What every output shares: the shape of a generated page and of a generated file (what the
site hands to the generator), the interface's texts of an edition, dates as readers read them,
and JSON that stays inert inside HTML. Outputs (hooks/atlas/outputs/) import this, the records
and the routes, and never each other."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from urllib.parse import quote, urlencode

from babel.dates import format_date
from jinja2.utils import htmlsafe_json_dumps

from .base import catalog, routes
from .check.narrative import RenderedNarrative
from .model.model import Atlas
from .records.practice import PracticeRecord


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
    hide: tuple[str, ...] = ()  # parts of the theme's page it does without: "toc", "navigation"
    toc: tuple[tuple[str, str], ...] = ()  # (anchor, title) of the sections its template writes, for the table of contents
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


def map_marker(record: PracticeRecord, keys: dict | None, summary: bool = True, points=None) -> dict:
    """What a map shows of a practice (assets/atlas-map.js): a marker at each of its points
    ([lat, lon, place]; `points`: some of them), and a popup of its title, place and summary."""
    return {
        "slug": record.slug,
        "title": record.title.text,
        **({"summary": record.summary.text if record.summary else ""} if summary else {}),
        "places": record.place_names,
        "points": [[point.lat, point.lon, point.place] for point in (record.points if points is None else points)],
        **({"keys": keys} if keys is not None else {}),
    }


def publisher_name(atlas: Atlas, lang: str) -> str:
    """Who publishes the atlas (mkdocs.yml, extra › atlas › publisher), in `lang`."""
    picked = atlas.languages.pick(atlas.publication.publisher.get("name"), lang)
    return picked.text if picked else atlas.publication.site_name(lang)[0]


def organization(atlas: Atlas, lang: str) -> dict:
    """The publisher as schema.org says it, for the pages' structured data."""
    url = atlas.publication.publisher.get("url")
    return {"@type": "Organization", "name": publisher_name(atlas, lang), **({"url": url} if url else {})}


def contact_url(atlas: Atlas, lang: str, about: str, page_url: str) -> str | None:
    """A mailto: link asking the secretariat to put the reader in touch with the people of `about`
    (a practice, an actor), in the reader's language; none without a configured address."""
    if not atlas.publication.contact:
        return None
    strings = ui(atlas, lang)
    fields = {"subject": strings["contact_subject"].format(name=about)}
    if atlas.publication.site_url:
        fields["body"] = strings["contact_body"].format(name=about, url=atlas.publication.absolute(page_url))
    return f"mailto:{atlas.publication.contact}?{urlencode(fields, quote_via=quote)}"


def report_url(atlas: Atlas, slug: str) -> str | None:
    """ "Report an error or an update": the repository's form with the practice filled in; none without repo_url."""
    repository = atlas.publication.repository
    return routes.issue_form(repository, routes.REPORT_FORM, practice=slug) if repository else None


def propose_url(atlas: Atlas) -> str | None:
    """ "Propose a practice": the repository's form; none without repo_url."""
    repository = atlas.publication.repository
    return routes.issue_form(repository, routes.PROPOSE_FORM) if repository else None


MARKUP = re.compile(r"<(script|style|pre|code|textarea)\b.*?</\1>|<[^>]*>", re.S | re.I)  # what typography leaves alone


def typeset(html: str, lang: str) -> str:
    """A page's text with its language's typography (i18n/<lang>.yml › typography): in French, a
    no-break space before : » ; ! ? and after «, so that « Smart City » never wraps before its ».
    Only text is touched: not tags, attributes, scripts, styles, code."""
    if not catalog.language_file(lang).get("typography"):
        return html
    pattern, replace = _typography(lang)
    out, position = [], 0
    for markup in MARKUP.finditer(html):
        out += [pattern.sub(replace, html[position : markup.start()]), markup.group()]
        position = markup.end()
    out.append(pattern.sub(replace, html[position:]))
    return "".join(out)


@cache
def _typography(lang: str) -> tuple[re.Pattern, object]:
    rules = catalog.language_file(lang)["typography"]
    before, after = rules.get("before", {}), rules.get("after", {})
    marks = "|".join(
        [f"[ \u00a0\u202f]+(?={re.escape(m)})" for m in before] + [f"(?<={re.escape(m)})[ \u00a0\u202f]+" for m in after]
    )
    spaces = {**{m: space for m, space in before.items()}, **{m: space for m, space in after.items()}}

    def replace(found: re.Match) -> str:
        text, end = found.string, found.end()
        mark = text[end] if end < len(text) and text[end] in before else text[found.start() - 1]
        return spaces[mark]

    return re.compile(marks), replace
