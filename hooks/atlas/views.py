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


PAGE_SIZE = 50  # cards a page of a long list (the index, a city, a theme…): complete without JavaScript, light to load


def page_count(total: int) -> int:
    """How many pages a list of `total` cards takes (one, even empty)."""
    return max(1, -(-total // PAGE_SIZE))


def page_of(items: list, number: int) -> list:
    """The cards of page `number` (from 1)."""
    return items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


def list_page_title(atlas: Atlas, lang: str, title: str, number: int) -> str:
    """A list's title, then 'All practices, page 2'."""
    return title if number == 1 else ui(atlas, lang)["list_page_title"].format(title=title, number=number)


def page_links(atlas: Atlas, lang: str, path: str, number: int, total: int) -> dict | None:
    """The links to a list's other pages (routes.list_page(path, n)): previous, next, the first,
    the last and the two on each side of this one (partials/atlas-macros.html, page_links); None
    when the whole list is on one page."""
    last = page_count(total)
    if last == 1:
        return None

    def link(n: int) -> str:
        return atlas.routes.page_url(routes.list_page(path, n), lang)

    shown = sorted({1, last} | {n for n in range(number - 2, number + 3) if 1 <= n <= last})
    numbers = []
    for n in shown:
        if numbers and n - numbers[-1]["number"] > 1:
            numbers.append({"number": None})  # a gap: …
        numbers.append({"number": n, "url": link(n), "current": n == number})
    return {
        "previous": link(number - 1) if number > 1 else None,
        "next": link(number + 1) if number < last else None,
        "numbers": numbers,
    }


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


UNTOUCHED = re.compile(r"<(script|style|pre|code|textarea)\b.*?</\1>", re.S | re.I)  # blocks typography leaves alone
SPACES = " \u00a0\u202f"


def typeset(html: str, lang: str) -> str:
    """A page's text with its language's typography (i18n/<lang>.yml › typography): in French, a
    no-break space before : » ; ! ? and after «, so that « Smart City » never wraps before its ».
    Only text is touched: not tags, attributes, scripts, styles, code."""
    rules = catalog.language_file(lang).get("typography")
    if not rules:
        return html
    out, position = [], 0
    for block in UNTOUCHED.finditer(html):
        out += [_typeset_text(html[position : block.start()], lang, rules), block.group()]
        position = block.end()
    out.append(_typeset_text(html[position:], lang, rules))
    return "".join(out)


def _typeset_text(html: str, lang: str, rules: dict) -> str:
    """The spaces around each mark that has a space beside it, outside tags, set to the rule's.
    The pattern looks for the marks, which are rare, rather than for spaces, which an HTML page
    is full of: a page of the French edition takes well under a millisecond."""
    before, after = rules.get("before", {}), rules.get("after", {})
    out, position = [], 0
    for found in _marks(lang).finditer(html):
        mark = found.group()
        if mark in before:
            start = found.start()
            while start > position and html[start - 1] in SPACES:
                start -= 1
            out += [html[position:start], before[mark]]
            position = found.start()
        else:
            end = found.end()
            while end < len(html) and html[end] in SPACES:
                end += 1
            out += [html[position : found.end()], after[mark]]
            position = end
    out.append(html[position:])
    return "".join(out)


@cache
def _marks(lang: str) -> re.Pattern:
    """A mark with a space on the side its rule governs, outside a tag (the next angle bracket
    is not a tag's end)."""
    rules = catalog.language_file(lang)["typography"]
    before, after = (f"[{''.join(re.escape(m) for m in rules.get(side, {}))}]" for side in ("before", "after"))
    in_text = "(?![^<>]*>)"
    branches = [f"{before}(?<=[{SPACES}].){in_text}" if rules.get("before") else None]
    branches += [f"{after}(?=[{SPACES}]){in_text}" if rules.get("after") else None]
    return re.compile("|".join(branch for branch in branches if branch))
