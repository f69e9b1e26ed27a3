"""Where everything is: the one table of the site's pages, folders and files, per language.

A path is language-neutral, without slashes at its ends: 'themes/health' for a page, ''
for the home page, 'data/map.json' for a file. A language adds its prefix ('en/'); the
default language has none. A page's source follows mkdocs-static-i18n's suffix layout
(`themes/health/index.md`, `themes/health/index.en.md`) and it is written to
`<prefix><path>/index.html`; a file is written to `<prefix><path>`. Pages, templates, map
frames, data files and scripts take every address from here; a facet's folder is in
facets.py. The repository's own files are in paths.py.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .facets import FACETS_BY_ID
from .languages import Languages

# Pages
HOME = ""
PRACTICES = "practices"  # the index of every practice; a practice's page is practices/<slug>
MAP = "map"
SEARCH = "search"
ABOUT = "about"  # hand-written (docs/about.md): who publishes, the sources, the licence
CONTRIBUTING = "contribuer"  # hand-written: the contributor guide
METHOD = "method"  # the guide's method; a step's page is method/<key>
GLOSSARY = "glossary"
RECOMMENDATIONS = "recommendations"
ACTORS = "actors"  # the index of actors; an actor's page is actors/<key>
ACTOR_TEMPLATE = "actor-profile"  # the guide's blank actor profile, to print

OPEN_DATA = "data"  # the open-data page, beside the data files

# Files
FILTER_DATA = "data/practices.json"  # the index's filter: what it needs first; internal, may change with the site
FILTER_CHUNKS = "data/practices"  # the rest of the filter's data, in chunks fetched as a filter needs them; internal
FILTER_YEARS = f"{FILTER_CHUNKS}/years.json"
MAP_DATA = "data/map.json"  # the world map's markers; internal
SITEMAP = "sitemap.xml"  # at the site's root: every page of every language, or the index of the sitemaps (sitemap_part)
# Open data (hooks/atlas/api.py, tables.py, feeds.py), documented on the open-data page and in the README
GEOJSON = "data/practices.geojson"
CSV = "data/practices.csv"
DATAPACKAGE = "datapackage.json"  # at the language's root: a data package's paths stay inside its folder
API = "api/v1"
API_INDEX = f"{API}/index.json"
API_PRACTICES = f"{API}/practices.json"
API_VOCABULARIES = f"{API}/vocabularies.json"
API_ACTORS = f"{API}/actors.json"
API_SCHEMA = f"{API}/schema.json"  # one for every language: published once, at the site's root
MAPS = "maps"  # map frames: maps/world.html, maps/<folder>/<key>.html
PRACTICE_MAP = f"{MAPS}/practice.html"  # the map frame of every practice page: maps/practice.html#<slug>
WORLD_MAP = f"{MAPS}/world.html"
VENDOR = "assets/vendor"  # Leaflet and its cluster plugin, from their PyPI packages
SEARCH_BUNDLE = "pagefind"  # one Pagefind bundle per language, beside its pages
FILTER_SCRIPT = "assets/atlas-filter.js"  # the index's filter (docs/assets/)
SHARE_IMAGE = "assets/atlas-share.png"  # what a shared link shows (docs/assets/)


def practice(slug: str) -> str:
    return f"{PRACTICES}/{slug}"


def practices_page(number: int) -> str:
    """A page of the list of practices (50 a page, without JavaScript): the first is the index itself."""
    return PRACTICES if number == 1 else f"{PRACTICES}/page/{number}"


def filter_facet(facet_id: str) -> str:
    """One facet's values, labels and practices, for the index's filter."""
    return f"{FILTER_CHUNKS}/{facet_id}.json"


def filter_words(initial: str) -> str:
    """The words of the practices' titles, summaries and places that begin with `initial`, and their practices."""
    return f"{FILTER_CHUNKS}/words/{initial}.json"


def filter_cards(number: int | str) -> str:
    """The cards of one slice of the practices, in the index's order."""
    return f"{FILTER_CHUNKS}/cards/{number}.json"


def actor(key: str) -> str:
    return f"{ACTORS}/{key}"


def step(key: str) -> str:
    return f"{METHOD}/{key}"


def term(key: str) -> str:
    """A glossary entry: an anchor of the glossary page."""
    return f"{GLOSSARY}#{key}"


def api_practice(slug: str) -> str:
    return f"{API}/practices/{slug}.json"


def api_facet_value(folder: str, key: str) -> str:
    """A facet value's answer: api_facet_value('cities', 'lyon') is api/v1/cities/lyon.json."""
    return f"{API}/{folder}/{key}.json"


def api_actor(key: str) -> str:
    return f"{API}/actors/{key}.json"


def feed(lang: str, default: str) -> str:
    """A language's Atom feed, at the site's root for every language (feed.xml, feed-en.xml):
    Material's script fetches a sitemap.xml beside every `<link rel="alternate">` of a page,
    and only the site's root has one."""
    return "feed.xml" if lang == default else f"feed-{lang}.xml"


def sitemap_part(number: int) -> str:
    """One of the sitemaps sitemap.xml lists when the atlas has more pages than one may hold:
    at the root too (a sitemap lists only addresses under its own folder)."""
    return f"sitemap-{number}.xml"


def map_frame(folder: str, key: str) -> str:
    """The map frame of one page: map_frame('cities', 'lyon') is maps/cities/lyon.html (the
    practices' pages share one, PRACTICE_MAP)."""
    return f"{MAPS}/{folder}/{key}.html"


def facet(facet_id: str) -> str:
    """A facet's overview page: 'themes'."""
    return FACETS_BY_ID[facet_id].folder


def facet_value(facet_id: str, key: str) -> str:
    """The page of one value of a facet: facet_value('theme', 'health') is 'themes/health'."""
    return FACETS_BY_ID[facet_id].path(key)


def guide_text(kind: str, key: str) -> str:
    """The page that shows a text of the guide (practices/guide/<kind>/<key>.<lang>.md)."""
    if kind == "levers":
        return facet_value("lever", key)
    if kind == "groups":
        return facet("lever")
    if kind == "cities":
        return facet_value("city", key)
    return step(key) if kind == "steps" else METHOD


def guide_snippet(block: str, step_key: str | None = None) -> str:
    """The page that shows a Markdown text of guide.yml's `block` (a definition, a reason, a
    recommendation); a step's illustrations are on that step's page."""
    pages = {"glossary": GLOSSARY, "recommendations": RECOMMENDATIONS, "actor_profile": ACTOR_TEMPLATE}
    if block in pages:
        return pages[block]
    return step(step_key) if step_key else METHOD


@dataclass(frozen=True)
class Routes:
    """The addresses of one atlas's languages."""

    languages: Languages

    def prefix(self, lang: str) -> str:
        return "" if lang == self.languages.default else f"{lang}/"

    def page_url(self, path: str, lang: str) -> str:
        """A page's URL from the site root: 'themes/health/' in French, 'en/themes/health/' in English."""
        return f"{self.prefix(lang)}{path}/" if path else self.prefix(lang)

    def file_url(self, path: str, lang: str) -> str:
        """A file's URL from the site root: 'data/map.json', 'en/data/map.json'."""
        return self.prefix(lang) + path

    def page_source(self, path: str, lang: str, name: str = "index.md") -> str:
        """The source a page (or a file beside it) pretends to come from, in the i18n plugin's suffix layout."""
        stem, dot, suffix = name.rpartition(".")
        localized = name if lang == self.languages.default else f"{stem}.{lang}{dot}{suffix}"
        return f"{path}/{localized}" if path else localized

    def page_file(self, path: str, lang: str, name: str = "index.html") -> str:
        """Where a page (or a file beside it) is written in the site."""
        return f"{self.prefix(lang)}{path}/{name}" if path else f"{self.prefix(lang)}{name}"


def relative(target: str, from_file: str) -> str:
    """The relative URL of `target` from the file `from_file` (both from the site root)."""
    return posixpath.relpath(target, posixpath.dirname(from_file) or ".")
