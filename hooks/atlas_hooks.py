"""MkDocs hooks: thin adapters between MkDocs + mkdocs-static-i18n and the atlas core (hooks/atlas).

mkdocs-static-i18n builds the site once per language. In each build, after the plugin has
reorganised the files (its on_files runs at priority -100 and re-reads files from disk,
which generated files do not survive), we add that language's generated pages and data
files and register them with the plugin, so that the language switcher and the sitemap's
hreflang alternates know them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from atlas.editing import contributing_view
from atlas.files import links_leaving
from atlas.fragments import SharedFragments
from atlas.home_page import home_view
from atlas.load import load_atlas
from atlas.problems import AtlasDataError
from atlas import routes
from atlas.search_index import Indexing, SearchIndexError
from atlas.settings import languages_from_i18n
from atlas.site import site_pages, static_files
from atlas.views import ui

log = logging.getLogger("mkdocs.hooks.atlas")
ROOT = Path(__file__).resolve().parent.parent

_state: dict = {"atlas": None, "pages": {}, "indexing": []}


def _i18n(config):
    return config.plugins["i18n"]


@event_priority(-200)
def on_config(config):
    """Load and check the data once per build: at the default language's build.

    ATLAS_PREVIEW=<slug> builds only what that practice touches (`make preview`), for editors.
    """
    plugin = _i18n(config)
    if _state["atlas"] is None or plugin.current_language == plugin.default_language:
        root = Path(config.config_file_path).resolve().parent
        preview = os.environ.get("ATLAS_PREVIEW") or None
        # The hand-written pages and the theme's files are published as they are: no link may lead out of the repository.
        problems = [problem for folder in (config.docs_dir, config.theme.custom_dir) if folder
                    for problem in links_leaving(Path(folder), root)]
        try:
            _state["atlas"] = load_atlas(root, languages_from_i18n(plugin.config.languages),
                                         narratives_of={preview} if preview else None)
        except AtlasDataError as error:
            problems += error.problems
        if problems:
            error = AtlasDataError(problems)
            for problem in error.problems:
                log.error(str(problem))
            raise Abort(f"{error}: fix the lines above and build again.")
        if preview and preview not in _state["atlas"].practices:
            raise Abort(f"ATLAS_PREVIEW={preview!r} is not a practice; expected a folder name of practices/, e.g. lyon-centsept")
        _state["preview"] = preview
    return config


def _generated(config, src: str, dest: str, **content) -> File:
    file = File.generated(config, src, **content)
    file.dest_uri = dest
    return file


@event_priority(-200)
def on_files(files, config):
    atlas, plugin = _state["atlas"], _i18n(config)
    lang = plugin.current_language
    pages = {}
    for page in site_pages(atlas, lang, _state["preview"]):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = _generated(config, page.sources[lang], page.files[lang], content="", inclusion=inclusion)
        file.locale = file.locale_alternate_of = lang
        file.alternates = {other: file if other == lang else _generated(config, page.sources[other], page.files[other], content="")
                           for other in atlas.languages.codes}
        files.append(file)
        pages[file.src_uri] = page
    settings = config.extra.get("atlas", {})
    for static in static_files(atlas, lang, settings.get("map_tiles"), config.site_url or "", _state["preview"]):
        content = {"content": static.content} if static.path is None else {"abs_src_path": str(static.path)}
        files.append(_generated(config, static.src_uri, static.dest_uri, **content))
    _state["pages"] = pages
    plugin.i18n_files_per_language[lang] = files.documentation_pages()
    return files


def on_page_markdown(markdown, page, config, files):
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        page.meta.update(generated.meta)
    return markdown


def on_page_content(html, page, config, files):
    """A practice's narrative was rendered (and checked) by the core: publish that HTML rather
    than convert the Markdown a second time."""
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None and generated.content is not None:
        page.toc = get_toc(list(generated.content.toc))
        return generated.content.html
    return html


def on_env(env, config, files):
    """The interface text of the language being built, for every template (the 404 page too),
    and the fragments its pages share."""
    atlas, lang = _state["atlas"], _i18n(config).current_language
    env.globals["atlas_ui"] = ui(lang, atlas.languages.default)
    env.globals["atlas_search_url"] = atlas.routes.page_url(routes.SEARCH, lang)
    env.globals["atlas_search_bundle"] = atlas.routes.file_url(routes.SEARCH_BUNDLE, lang) + "/"
    env.globals["atlas_shared"] = SharedFragments()
    return env


def on_page_context(context, page, config, nav):
    atlas = _state["atlas"]
    lang = _i18n(config).current_language
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        context[generated.context_name] = generated.view()
    elif page.meta.get("template") == "home.html":
        context["atlas_home"] = home_view(atlas, lang)
    elif page.meta.get("template") == "contributing.html":
        context["contributing"] = contributing_view(atlas, lang)
    return context


@event_priority(0)  # before mkdocs-static-i18n (-100) builds the next language
def _start_search_index(config):
    """Index this language's practice pages in the background while the next language builds."""
    if not _state["preview"]:
        lang = _i18n(config).current_language
        _state["indexing"].append(Indexing(Path(config.site_dir) / _state["atlas"].routes.prefix(lang)))


@event_priority(-500)
def _finish_search_index(config):
    """Once every language is built (not inside mkdocs-static-i18n's build of another one)."""
    if _i18n(config).building:
        return
    indexing, _state["indexing"] = _state["indexing"], []
    errors = []
    for process in indexing:
        try:
            process.wait()
        except SearchIndexError as error:
            errors.append(str(error))
    if errors:
        raise Abort("; ".join(errors))


on_post_build = CombinedEvent(_start_search_index, _finish_search_index)


def on_build_error(error):
    """Stop the indexing a failed build started (`mkdocs serve` goes on)."""
    for process in _state["indexing"]:
        process.stop()
    _state["indexing"] = []


def on_serve(server, config, builder):
    for folder in ("practices", "schemas", "hooks"):
        server.watch(str(ROOT / folder))
    return server
