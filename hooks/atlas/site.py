"""Every page and file the atlas generates, per language: the outputs' registry, and what the
adapter (hooks/atlas_hooks.py) hands to the site generator.

An output is one module of outputs/ with `pages(atlas, lang, only)` and/or `files(atlas, lang,
only)` (`only`: the one practice a preview builds), and the templates it names; a hand-written
page of docs/ whose template shows data names its view in the module's HAND_WRITTEN. A new
output is one module, one line below, and its template. A generated page knows where it comes
from and where it goes in every language (base/routes.py), so that the adapter only hands it
over; mkdocs-static-i18n's language switcher then knows its alternates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.core import get_global
from jinja2 import pass_context
from markupsafe import escape

from .base import catalog, paths, routes
from .base.languages import language_name
from .base.problems import AtlasDataError
from .base.site_folder import SiteFolder
from .model.load import load_atlas
from .model.model import Atlas
from .model.settings import Publication
from .outputs import (
    actors,
    api,
    contributing,
    facets,
    feeds,
    geojson,
    guide,
    home,
    index,
    maps,
    open_data,
    practice,
    search,
    self_assessment,
    sitemap,
    tables,
    world_map,
)
from .read.files import links_leaving
from .views import File, Page, publisher_name, ui

# In the order their pages are listed; file outputs after.
OUTPUTS = (
    index,
    practice,
    world_map,
    facets,
    open_data,
    guide,
    self_assessment,
    actors,
    maps,
    api,
    tables,
    geojson,
    feeds,
    home,
    contributing,
)
HAND_WRITTEN = {template: view for output in OUTPUTS for template, view in getattr(output, "HAND_WRITTEN", {}).items()}
# The templates that are the atlas's own: they escape what they write (the theme's copied blocks do not).
ESCAPING_TEMPLATES = frozenset(
    {
        "practice.html",
        "practices-index.html",
        "map.html",
        "facet.html",
        "facet-overview.html",
        "open-data.html",
        "method.html",
        "step.html",
        "glossary.html",
        "recommendations.html",
        "self-assessment.html",
        "actors-index.html",
        "actor.html",
        "actor-template.html",
        "home.html",
        "contributing.html",
        "search.html",
        "404.html",
    }
)


def autoescaped(template: str | None) -> bool:
    """Whether a template is the atlas's own (it escapes what it writes): its pages' and its partials."""
    return template is not None and (template in ESCAPING_TEMPLATES or template.startswith("partials/atlas-"))


@dataclass(frozen=True)
class StaticFile:
    """A file as the generator takes it: where it pretends to come from, where it goes, and its content or package file."""

    src_uri: str
    dest_uri: str
    content: str | bytes | None = None
    path: Path | None = None


def load_site(
    root: Path, languages, published_folders, preview: str | None = None, publication: Publication | None = None
) -> Atlas:
    """The atlas checked, and the folders published as they are (docs/, the theme's overrides)
    free of links out of the repository; AtlasDataError lists every problem of both. The atlas
    carries how it is published (its address, map tiles, publisher)."""
    problems = [problem for folder in published_folders if folder for problem in links_leaving(Path(folder), root)]
    try:
        atlas = load_atlas(root, languages, narratives_of={preview} if preview else None, cache=root / paths.CACHE)
    except AtlasDataError as error:
        problems += error.problems
    if problems:
        raise AtlasDataError(problems)
    atlas.publication = publication or Publication()
    return atlas


def site_pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    """Every generated page in `lang`; with `only` (a preview), the pages that practice touches:
    its own, its facet pages, and the pages of the navigation."""
    pages = [page for output in OUTPUTS if hasattr(output, "pages") for page in output.pages(atlas, lang, only)]
    for page in pages:
        page.sources = {code: atlas.routes.page_source(page.path, code) for code in atlas.languages.codes}
        page.files = {code: atlas.routes.page_file(page.path, code) for code in atlas.languages.codes}
    return pages


def page_meta(page: Page) -> dict:
    """What the theme copies into <title>, the header and <meta name=description>: its templates do
    not escape, so the text is escaped here, where it is handed over."""
    meta = {"title": escape(page.title), "template": page.template}
    if page.hide:
        meta["hide"] = list(page.hide)
    if page.description:
        meta["description"] = escape(page.description)
    return meta


def page_toc(page: Page) -> list[dict] | None:
    """The table of contents of a page whose sections its template writes, as Python-Markdown's
    tokens (the theme writes their names as they are: escaped here)."""
    if not page.toc:
        return None
    return [{"level": 2, "id": anchor, "name": str(escape(title)), "children": []} for anchor, title in page.toc]


def static_files(atlas: Atlas, lang: str, only: str | None = None) -> list[StaticFile]:
    """The data files, map frames and images of `lang`, and (once, with the default language) what every language shares."""
    return [
        _static(atlas, file, lang) for output in OUTPUTS if hasattr(output, "files") for file in output.files(atlas, lang, only)
    ]


def _static(atlas: Atlas, file: File, lang: str) -> StaticFile:
    if file.beside_page is not None:  # beside a page in every language, from the default language's source
        return StaticFile(
            atlas.routes.page_source(file.beside_page, atlas.languages.default, file.path),
            atlas.routes.page_file(file.beside_page, lang, file.path),
            file.content,
        )
    if file.shared:
        return StaticFile(file.path, file.path, file.content, file.package_file)
    folder, _, name = file.path.rpartition("/")
    return StaticFile(
        atlas.routes.page_source(folder, lang, name), atlas.routes.file_url(file.path, lang), file.content, file.package_file
    )


def hand_written_view(atlas: Atlas, template: str | None, lang: str) -> tuple[str, dict] | None:
    """(name, data) for a hand-written page whose template shows data from the atlas."""
    if template not in HAND_WRITTEN:
        return None
    name, view = HAND_WRITTEN[template]
    return name, view(atlas, lang)


def hand_written_source(atlas: Atlas, lang: str, src_uri: str, exists: Callable[[str], bool]) -> tuple[str, str]:
    """(language, source in docs/) a page of docs/ is shown from for `lang`: the first language of
    `lang`'s chain it is written in (`exists` says whether a source of docs/ is there).
    mkdocs-static-i18n falls back to the default language only; the atlas's chains (es: [en, fr])
    hold for these pages too."""
    folder, _, name = src_uri.rpartition("/")
    sources = {code: atlas.routes.page_source(folder, code, name) for code in atlas.languages.codes}
    picked = atlas.languages.pick({code: source for code, source in sources.items() if exists(source)}, lang)
    return (picked.lang, picked.text) if picked else (atlas.languages.default, sources[atlas.languages.default])


def sitemap_files(atlas: Atlas, hand_written: list[str]) -> dict[str, str]:
    """The sitemaps of every page of every language ({file: XML}, sitemap.xml first):
    `hand_written`, the sources of docs/'s pages in the default language."""
    paths = [_page_path(src) for src in hand_written] + [page.path for page in site_pages(atlas, atlas.languages.default)]
    return sitemap.sitemaps(atlas, paths)


def _page_path(src_uri: str) -> str:
    """A hand-written page's path from its source in docs/ ('about.md' -> 'about', 'index.md' -> '')."""
    path = src_uri.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("/index")


def search_indexing(atlas: Atlas, lang: str, site_folder: SiteFolder) -> search.Indexing:
    """Pagefind writing `lang`'s search bundles that changed, in the background."""
    return search.Indexing(atlas, lang, site_folder)


SearchIndexError = search.SearchIndexError


def og_locale(lang: str) -> str:
    """OpenGraph's form of a language: its likeliest territory (fr_FR, en_US)."""
    locale = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def template_globals(atlas: Atlas, lang: str) -> dict:
    """What every template of one language's build can use (the 404 page too)."""
    strings, publication, page_url = ui(atlas, lang), atlas.publication, atlas.routes.page_url
    return {
        "atlas_share": {
            "locale": og_locale(lang),
            "alternate_locales": [og_locale(code) for code in atlas.languages.codes if code != lang],
            "image": publication.absolute(routes.SHARE_IMAGE),
            "image_alt": strings["share_image_alt"],
            "footer": {
                "publisher": publisher_name(atlas, lang),
                "licence_url": strings["licence_url"],
                "about_url": page_url(routes.ABOUT, lang),
                "data_url": page_url(routes.OPEN_DATA, lang),
                "contributing_url": page_url(routes.CONTRIBUTING, lang),
            },
        },
        "atlas_ui": strings,
        # A text with a number in the page's plural form: atlas_count(atlas_ui.results_count, 3)
        "atlas_count": lambda forms, count: catalog.plural(forms, count, lang),
        "atlas_language_names": {code: language_name(code, lang) for code in atlas.languages.codes},
        # The language's Atom feed, for every page's head (feed readers find it there).
        "atlas_feed": {
            "url": routes.feed(lang, atlas.languages.default),
            "title": strings["feed_title"].format(site=publication.site_name(lang)[0]),
        },
        # Without JavaScript, the search page offers these lists instead.
        "atlas_browse": [{"label": strings["index_title"], "url": page_url(routes.PRACTICES, lang)}]
        + [
            {"label": strings[f"facet_{facet}_plural"], "url": page_url(routes.facet(facet), lang)}
            for facet in ("lever", "theme", "city", "country")
        ],
        "atlas_search_url": page_url(routes.SEARCH, lang),
        "atlas_search_kinds": {kind: strings[f"kind_{kind}"] for kind in search.KINDS},
        "atlas_search_bundles": [path + "/" for path in search.bundles(atlas, lang)],
        "atlas_shared": SharedFragments(),  # fragments rendered once per build
        # The 404 page, in every language, the default first (templates/404.html)
        "atlas_not_found": [
            {
                "lang": code,
                "ui": ui(atlas, code),
                "site_name": publication.site_name(code)[0],
                "publisher": publisher_name(atlas, code),
                "home": page_url(routes.HOME, code),
                "search": page_url(routes.SEARCH, code),
            }
            for code in atlas.languages.codes
        ],
        # For the 404 page's script: each language's prefix in addresses, the page's title and its header's label in it.
        "atlas_not_found_languages": [
            {
                "code": code,
                "title": f"{ui(atlas, code)['not_found_title']} - {publication.site_name(code)[0]}",
                "label": ui(atlas, code)["not_found_title"],
            }
            for code in atlas.languages.codes
        ],
    }


class SharedFragments:
    """Template fragments that many pages of one build share, rendered once.

    Material renders its tabs, navigation sidebar and settings on every page. On a page that is
    not in the navigation (a practice, a city…) they do not depend on the page itself, only on
    where it is: their links are relative, and from `practices/a/` or `practices/b/` a link to
    any page outside those two folders reads the same. At 1,000 practices they were a fifth of
    the templates' time.

    `{% call atlas_shared(name) %}…{% endcall %}` renders its body once per folder of pages,
    for fragments whose links never lead into a page's own folder (they would differ from a
    page to its sibling); `{% call atlas_shared(name, key) %}` once per `key`, which must hold
    everything the body depends on. A new SharedFragments is made for each build (one build
    is one language).
    """

    def __init__(self):
        self._fragments: dict[tuple, str] = {}

    @pass_context
    def __call__(self, context, name: str, key=None, *, caller) -> str:
        if key is None:
            key = context["page"].url.rstrip("/").rpartition("/")[0]
        if (name, key) not in self._fragments:
            self._fragments[name, key] = caller()
        return self._fragments[name, key]
