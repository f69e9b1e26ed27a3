"""Every page and file the atlas generates, per language: the lists the hooks add to the site.

A generated page knows where it comes from and where it goes in every language
(hooks/atlas/routes.py), so that the hooks only hand it to MkDocs and mkdocs-static-i18n,
whose language switcher and sitemap then know its alternates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.core import get_global
from markupsafe import escape

from . import routes
from .actor_pages import actor_template_view, actor_view, actors_index_view, profile_summary
from .api import SCHEMA_FILE as API_SCHEMA_FILE
from .api import answers, envelope
from .editing import contributing_view
from .facet_pages import facet_page_view, guide_text, overview_view
from .facets import FACETS, FACETS_BY_ID
from .feeds import feed_xml
from .files import links_leaving
from .fragments import SharedFragments
from .geojson import geojson
from .guide_pages import glossary_view, method_view, recommendations_view, step_view
from .home_page import home_view
from .index_page import filter_data, index_view
from .load import load_atlas
from .map_page import map_data, world_map_view
from .maps import map_files, vendor_files
from .model import Atlas, Languages, Publication, localized
from .narrative import RenderedNarrative, practice_narrative
from .open_data_page import open_data_view
from .practice_page import practice_view
from .problems import AtlasDataError
from .tables import csv_text, datapackage
from .views import html_safe_json, ui

# Hand-written pages of docs/ whose template shows data: template -> (its name in the context, its view).
HAND_WRITTEN_VIEWS = {"home.html": ("atlas_home", home_view), "contributing.html": ("contributing", contributing_view)}


@dataclass
class GeneratedPage:
    path: str  # language-neutral, e.g. "practices/lyon-centsept"
    lang: str
    template: str
    title: str  # raw text; escaped in `meta`
    view: Callable[[], dict]  # the template's data, built when the page is rendered
    context_name: str
    content: RenderedNarrative | None = None  # the page's own HTML, rendered by the core (a narrative)
    description: str | None = None
    in_nav: bool = False
    sources: dict[str, str] = field(default_factory=dict)  # language -> the source it pretends to come from (suffix layout)
    files: dict[str, str] = field(default_factory=dict)  # language -> where it is written

    @property
    def meta(self) -> dict:
        """What MkDocs and Material copy into <title>, the header and <meta name=description>: escaped."""
        meta = {"title": escape(self.title), "template": self.template}
        if self.description:
            meta["description"] = escape(self.description)
        return meta


@dataclass(frozen=True)
class StaticFile:
    """A file the site serves as it is: data files, map frames, images, Leaflet."""

    src_uri: str
    dest_uri: str
    content: str | bytes | None = None  # what the core made or checked…
    path: Path | None = None  # …or a file of an installed package (Leaflet), never of practices/


def load_site(
    root: Path, languages: Languages, published_folders, preview: str | None = None, publication: Publication | None = None
) -> Atlas:
    """The atlas checked, and the folders published as they are (docs/, the theme's overrides)
    free of links out of the repository; AtlasDataError lists every problem of both. The atlas
    carries how it is published (its address, map tiles, publisher)."""
    problems = [problem for folder in published_folders if folder for problem in links_leaving(Path(folder), root)]
    try:
        atlas = load_atlas(root, languages, narratives_of={preview} if preview else None)
    except AtlasDataError as error:
        problems += error.problems
    if problems:
        raise AtlasDataError(problems)
    atlas.publication = publication or Publication()
    return atlas


def og_locale(lang: str) -> str:
    """OpenGraph's form of a language: its likeliest territory (fr_FR, en_US)."""
    locale = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def template_globals(atlas: Atlas, lang: str) -> dict:
    """What every template of one language's build can use (the 404 page too)."""
    strings, publication = ui(lang, atlas.languages.default), atlas.publication
    return {
        "atlas_share": {
            "locale": og_locale(lang),
            "alternate_locales": [og_locale(code) for code in atlas.languages.codes if code != lang],
            "image": publication.absolute(routes.SHARE_IMAGE),
            "image_alt": strings["share_image_alt"],
            "footer": {
                "publisher": escape(publication.publisher_name(lang, atlas.languages.default)),
                "licence_url": strings["licence_url"],
                "about_url": atlas.routes.page_url(routes.ABOUT, lang),
                "data_url": atlas.routes.page_url(routes.OPEN_DATA, lang),
                "contributing_url": atlas.routes.page_url(routes.CONTRIBUTING, lang),
            },
        },
        "atlas_ui": strings,
        # The language's Atom feed, for every page's head (feed readers find it there).
        "atlas_feed": {
            "url": routes.feed(lang, atlas.languages.default),
            "title": strings["feed_title"].format(site=publication.site_name(lang)[0]),
        },
        # Without JavaScript, the search page offers these lists instead.
        "atlas_browse": [{"label": strings["index_title"], "url": atlas.routes.page_url(routes.PRACTICES, lang)}]
        + [
            {"label": strings[f"facet_{facet}_plural"], "url": atlas.routes.page_url(FACETS_BY_ID[facet].path, lang)}
            for facet in ("lever", "theme", "city", "country")
        ],
        "atlas_search_url": atlas.routes.page_url(routes.SEARCH, lang),
        "atlas_search_bundle": atlas.routes.file_url(routes.SEARCH_BUNDLE, lang) + "/",
        "atlas_shared": SharedFragments(),  # fragments rendered once per build (hooks/atlas/fragments.py)
        # The 404 page, in every language, the default first (templates/404.html)
        "atlas_not_found": [
            {
                "lang": code,
                "title": ui(code, atlas.languages.default)["not_found_title"],
                "text": ui(code, atlas.languages.default)["not_found_text"],
                "home": atlas.routes.page_url(routes.HOME, code),
                "home_label": ui(code, atlas.languages.default)["not_found_home"],
                "search": atlas.routes.page_url(routes.SEARCH, code),
                "search_label": ui(code, atlas.languages.default)["not_found_search"],
            }
            for code in atlas.languages.codes
        ],
    }


def hand_written_view(atlas: Atlas, template: str | None, lang: str) -> tuple[str, dict] | None:
    """(name, data) for a hand-written page whose template shows data from the atlas."""
    if template not in HAND_WRITTEN_VIEWS:
        return None
    name, view = HAND_WRITTEN_VIEWS[template]
    return name, view(atlas, lang)


def site_pages(atlas: Atlas, lang: str, only: str | None = None) -> list[GeneratedPage]:
    """Every generated page in `lang`; with `only` (a preview), the pages that practice touches:
    its own, its facet pages, and the pages of the navigation."""
    default = atlas.languages.default
    strings = ui(lang, default)
    pages = [
        GeneratedPage(
            routes.PRACTICES,
            lang,
            "practices-index.html",
            strings["index_title"],
            lambda: index_view(atlas, lang),
            "index",
            in_nav=True,
            description=strings["index_description"],
        ),
    ]
    for slug, practice in atlas.practices.items():
        if only and slug != only:
            continue
        pages.append(
            GeneratedPage(
                routes.practice(slug),
                lang,
                "practice.html",
                localized(practice.data["title"], lang, default)[0],
                lambda practice=practice: practice_view(atlas, practice, lang),
                "practice",
                content=practice_narrative(practice, lang if lang in practice.narratives else default),
                description=localized(practice.data.get("summary"), lang, default)[0],
            )
        )
    pages.append(
        GeneratedPage(
            routes.MAP,
            lang,
            "map.html",
            strings["map_title"],
            lambda: world_map_view(atlas, lang),
            "world_map",
            in_nav=True,
            description=strings["map_intro"],
        )
    )
    for facet in FACETS:
        pages.append(
            GeneratedPage(
                facet.path,
                lang,
                "facet-overview.html",
                strings[f"facet_{facet.id}_plural"],
                lambda facet=facet: overview_view(atlas, facet, lang),
                "overview",
                in_nav=True,
            )
        )
        keys = facet.practice_keys(atlas, atlas.practices[only]) if only else facet.all_keys(atlas)
        for key in keys:
            label = facet.label(atlas, key, lang)
            explained = guide_text(atlas, facet, key)
            pages.append(
                GeneratedPage(
                    facet.url_path(key),
                    lang,
                    "facet.html",
                    strings["facet_page_title"].format(kind=strings[f"facet_{facet.id}"], label=label.text.unescape()),
                    lambda facet=facet, key=key: facet_page_view(atlas, facet, key, lang),
                    "facet_page",
                    content=explained.rendered(lang, default)[0] if explained else None,
                )
            )
    pages.append(
        GeneratedPage(
            routes.OPEN_DATA,
            lang,
            "open-data.html",
            strings["open_data_title"],
            lambda: open_data_view(atlas, lang),
            "open_data",
            in_nav=True,
            description=strings["open_data_description"],
        )
    )
    pages += guide_pages(atlas, lang) + actor_pages(atlas, lang, only)
    for page in pages:
        page.sources = {code: atlas.routes.page_source(page.path, code) for code in atlas.languages.codes}
        page.files = {code: atlas.routes.page_file(page.path, code) for code in atlas.languages.codes}
    return pages


def actor_pages(atlas: Atlas, lang: str, only: str | None = None) -> list[GeneratedPage]:
    """The index of actors, each actor's page (with `only`, a preview: that practice's actors), and
    the guide's blank actor profile."""
    default = atlas.languages.default
    strings = ui(lang, default)
    shown = {entry["actor"] for entry in atlas.practices[only].data["actors"] if "actor" in entry} if only else set(atlas.actors)
    pages = [
        GeneratedPage(
            routes.ACTORS,
            lang,
            "actors-index.html",
            strings["actors_title"],
            lambda: actors_index_view(atlas, lang),
            "actors_index",
            in_nav=True,
            description=strings["actors_description"],
        ),
        GeneratedPage(
            routes.ACTOR_TEMPLATE,
            lang,
            "actor-template.html",
            strings["actor_template_title"],
            lambda: actor_template_view(atlas, lang),
            "actor_template",
            in_nav=True,
            description=strings["actor_template_description"],
        ),
    ]
    for slug, actor in atlas.actors.items():
        if slug not in shown:
            continue
        pages.append(
            GeneratedPage(
                routes.actor(slug),
                lang,
                "actor.html",
                localized(actor.data["name"], lang, default)[0],
                lambda slug=slug: actor_view(atlas, slug, lang),
                "actor",
                description=profile_summary(atlas, slug, lang),
            )
        )
    return pages


def guide_pages(atlas: Atlas, lang: str) -> list[GeneratedPage]:
    """The method, its steps, the glossary and the recommendations to mayors."""
    default = atlas.languages.default
    strings = ui(lang, default)
    pages = [
        GeneratedPage(
            routes.METHOD,
            lang,
            "method.html",
            strings["method_title"],
            lambda: method_view(atlas, lang),
            "method",
            content=atlas.guide.method.rendered(lang, default)[0],
            in_nav=True,
            description=strings["method_description"],
        ),
        GeneratedPage(
            routes.GLOSSARY,
            lang,
            "glossary.html",
            strings["glossary_title"],
            lambda: glossary_view(atlas, lang),
            "glossary",
            in_nav=True,
            description=strings["glossary_description"],
        ),
        GeneratedPage(
            routes.RECOMMENDATIONS,
            lang,
            "recommendations.html",
            strings["recommendations_title"],
            lambda: recommendations_view(atlas, lang),
            "recommendations",
            in_nav=True,
            description=strings["recommendations_description"],
        ),
    ]
    for index, step in enumerate(atlas.guide.steps):
        title = localized(step.title, lang, default)[0]
        pages.append(
            GeneratedPage(
                routes.step(step.key),
                lang,
                "step.html",
                strings["step_page_title"].format(number=index + 1, title=title),
                lambda key=step.key: step_view(atlas, key, lang),
                "step",
                content=step.text.rendered(lang, default)[0],
            )
        )
    return pages


def _file(atlas: Atlas, path: str, lang: str, content) -> StaticFile:
    folder, _, name = path.rpartition("/")
    return StaticFile(atlas.routes.page_source(folder, lang, name), atlas.routes.file_url(path, lang), content)


def static_files(atlas: Atlas, lang: str, only: str | None = None) -> list[StaticFile]:
    """The data files (the pages' and the open data), map frames and images of `lang`, and
    (once, with the default language) Leaflet and the API's schema."""
    files = [
        _file(atlas, path, lang, html_safe_json(data))
        for path, data in (
            (routes.FILTER_DATA, filter_data(atlas, lang)),
            (routes.MAP_DATA, map_data(atlas, lang)),
            (routes.GEOJSON, geojson(atlas, lang, atlas.publication.site_url)),
        )
    ]
    files += [
        _file(atlas, answer.path, lang, html_safe_json(envelope(atlas, lang, answer))) for answer in answers(atlas, lang, only)
    ]
    if not only:
        files += [
            _file(atlas, routes.CSV, lang, csv_text(atlas, lang)),
            _file(atlas, routes.DATAPACKAGE, lang, html_safe_json(datapackage(atlas, lang))),
        ]
        feed = routes.feed(lang, atlas.languages.default)  # at the root, whatever the language
        files.append(StaticFile(feed, feed, feed_xml(atlas, lang)))
    files += [
        _file(atlas, map_file.path, lang, map_file.html) for map_file in map_files(atlas, lang, atlas.publication.map_tiles, only)
    ]
    for slug, practice in atlas.practices.items():
        if only and slug != only:
            continue
        for name, content in practice.images.items():  # beside the practice's page, from the bytes the core checked
            path = routes.practice(slug)
            files.append(
                StaticFile(
                    atlas.routes.page_source(path, atlas.languages.default, name),
                    atlas.routes.page_file(path, lang, name),
                    content,
                )
            )
    if lang == atlas.languages.default:
        files += [StaticFile(path, path, path=file) for path, file in vendor_files()]
        files.append(StaticFile(routes.API_SCHEMA, routes.API_SCHEMA, path=API_SCHEMA_FILE))
    return files
