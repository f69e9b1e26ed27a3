"""Every page and data file the atlas generates, per language: one list the hooks add to the site.

Generated pages follow mkdocs-static-i18n's suffix layout, so the navigation and links
resolve them like hand-written pages: the French page of `themes/health` comes from
`themes/health/index.md` and is written to `themes/health/index.html`; the English one comes
from `themes/health/index.en.md` and is written to `en/themes/health/index.html`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markupsafe import escape

from .facet_pages import facet_page_view, overview_view
from .facets import FACETS
from .index_page import DATA_FILE, filter_data, index_view
from .maps import MAP_DATA_FILE, geojson, map_data, map_dest, map_files, vendor_files, world_map_view
from .model import Atlas, localized
from .narrative import RenderedNarrative, practice_narrative
from .practice_page import practice_view
from .views import html_safe_json, lang_prefix, ui


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
    images: dict[str, bytes] = field(default_factory=dict)  # name -> the bytes the core checked

    @property
    def meta(self) -> dict:
        """What MkDocs and Material copy into <title>, the header and <meta name=description>: escaped."""
        meta = {"title": escape(self.title), "template": self.template}
        if self.description:
            meta["description"] = escape(self.description)
        return meta


def src_uri(atlas: Atlas, path: str, lang: str, name: str = "index.md") -> str:
    stem, dot, suffix = name.rpartition(".")
    localized_name = name if lang == atlas.languages.default else f"{stem}.{lang}{dot}{suffix}"
    return f"{path}/{localized_name}" if path else localized_name


def dest_uri(atlas: Atlas, path: str, lang: str, name: str = "index.html") -> str:
    return f"{lang_prefix(atlas, lang)}{path}/{name}" if path else f"{lang_prefix(atlas, lang)}{name}"


def site_pages(atlas: Atlas, lang: str, only: str | None = None) -> list[GeneratedPage]:
    """Every generated page in `lang`; with `only` (a preview), the pages that practice touches:
    its own, its facet pages, and the pages of the navigation."""
    default = atlas.languages.default
    strings = ui(lang, default)
    pages = [
        GeneratedPage("practices", lang, "practices-index.html", strings["index_title"],
                      lambda: index_view(atlas, lang), "index", in_nav=True, description=strings["index_description"]),
    ]
    for slug, practice in atlas.practices.items():
        if only and slug != only:
            continue
        pages.append(GeneratedPage(
            f"practices/{slug}", lang, "practice.html", localized(practice.data["title"], lang, default)[0],
            lambda practice=practice: practice_view(atlas, practice, lang), "practice",
            content=practice_narrative(practice, lang if lang in practice.narratives else default),
            description=localized(practice.data.get("summary"), lang, default)[0],
            images=practice.images,
        ))
    pages.append(GeneratedPage("map", lang, "map.html", strings["map_title"], lambda: world_map_view(atlas, lang), "world_map",
                               in_nav=True, description=strings["map_intro"]))
    for facet in FACETS:
        pages.append(GeneratedPage(facet.path, lang, "facet-overview.html", strings[f"facet_{facet.id}_plural"],
                                   lambda facet=facet: overview_view(atlas, facet, lang), "overview", in_nav=True))
        keys = facet.practice_keys(atlas, atlas.practices[only]) if only else facet.all_keys(atlas)
        for key in keys:
            label = facet.label(atlas, key, lang)
            pages.append(GeneratedPage(
                facet.url_path(key), lang, "facet.html",
                strings["facet_page_title"].format(kind=strings[f"facet_{facet.id}"], label=label.text.unescape()),
                lambda facet=facet, key=key: facet_page_view(atlas, facet, key, lang), "facet_page",
            ))
    return pages


def data_file(atlas: Atlas, lang: str, path: str, data) -> "StaticFile":
    folder, name = path.rsplit("/", 1)
    return StaticFile(src_uri(atlas, folder, lang, name), dest_uri(atlas, folder, lang, name), html_safe_json(data))


@dataclass(frozen=True)
class StaticFile:
    """A file the site serves as it is: data exports, map frames, Leaflet."""

    src_uri: str
    dest_uri: str
    content: str | None = None
    path: Path | None = None


def static_files(atlas: Atlas, lang: str, map_tiles: dict | None = None, site_url: str = "", only: str | None = None) -> list[StaticFile]:
    geo_file = DATA_FILE.replace(".json", ".geojson")
    files = [data_file(atlas, lang, path, content) for path, content in (
        (DATA_FILE, filter_data(atlas, lang)), (MAP_DATA_FILE, map_data(atlas, lang)), (geo_file, geojson(atlas, lang, site_url)))]
    for map_file in map_files(atlas, lang, map_tiles, only):
        folder, name = map_file.path.rsplit("/", 1)
        files.append(StaticFile(src_uri(atlas, folder, lang, name), map_dest(atlas, map_file.path, lang), map_file.html))
    if lang == atlas.languages.default:
        files += [StaticFile(path, path, path=file) for path, file in vendor_files()]
    return files
