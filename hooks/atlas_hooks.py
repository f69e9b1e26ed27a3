"""MkDocs hooks: the adapter between MkDocs + mkdocs-static-i18n and the atlas core (hooks/atlas).

Each hook translates one MkDocs event into a call to the core and hands the answer back:
pages, files, template data and problems all come from the core, which never imports MkDocs.

mkdocs-static-i18n builds the site once per language. In each build, after the plugin has
reorganised the files (its on_files runs at priority -100 and re-reads files from disk,
which generated files do not survive), we add that language's generated pages and files and
register them with the plugin, so that the language switcher and the sitemap's hreflang
alternates know them.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from atlas.model import Atlas, Publication
from atlas.problems import AtlasDataError
from atlas.search_index import Indexing, SearchIndexError
from atlas.settings import generation_time, languages_from_i18n, site_names
from atlas.site import GeneratedPage, hand_written_view, load_site, site_pages, static_files, template_globals

log = logging.getLogger("mkdocs.hooks.atlas")
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildState:
    """What the hooks keep between events: the checked atlas (once per build of every language),
    the generated pages of the language being built, and the search indexing under way."""

    atlas: Atlas | None = None
    preview: str | None = None  # ATLAS_PREVIEW: the one practice `make preview` builds
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by source URI
    indexing: list[Indexing] = field(default_factory=list)


state = BuildState()


def _language(config) -> tuple[object, str]:
    plugin = config.plugins["i18n"]
    return plugin, plugin.current_language


@event_priority(-200)
def on_config(config):
    """Load and check the data once per build: at the default language's build."""
    plugin, lang = _language(config)
    if state.atlas is None or lang == plugin.default_language:
        preview = os.environ.get("ATLAS_PREVIEW") or None
        try:
            state.atlas = load_site(
                Path(config.config_file_path).resolve().parent,
                languages_from_i18n(plugin.config.languages),
                (config.docs_dir, config.theme.custom_dir),
                preview,
                Publication.from_config(
                    config.site_url,
                    config.extra.get("atlas"),
                    site_names(plugin.config.languages, config.site_name, config.site_description),
                    generation_time(os.environ.get("SOURCE_DATE_EPOCH")),
                ),
            )
        except ValueError as error:  # SOURCE_DATE_EPOCH
            raise Abort(str(error)) from None
        except AtlasDataError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise Abort(f"{error}: fix the lines above and build again.") from None
        if preview and preview not in state.atlas.practices:
            raise Abort(f"ATLAS_PREVIEW={preview!r} is not a practice; expected a folder name of practices/, e.g. lyon-centsept")
        state.preview = preview
    return config


def _generated(config, src: str, dest: str, **content) -> File:
    file = File.generated(config, src, **content)
    file.dest_uri = dest
    return file


@event_priority(-200)
def on_files(files, config):
    plugin, lang = _language(config)
    atlas = state.atlas
    state.pages = {}
    for page in site_pages(atlas, lang, state.preview):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = _generated(config, page.sources[lang], page.files[lang], content="", inclusion=inclusion)
        file.locale = file.locale_alternate_of = lang
        file.alternates = {
            other: file if other == lang else _generated(config, page.sources[other], page.files[other], content="")
            for other in atlas.languages.codes
        }
        files.append(file)
        state.pages[file.src_uri] = page
    for static in static_files(atlas, lang, state.preview):
        content = {"content": static.content} if static.path is None else {"abs_src_path": str(static.path)}
        files.append(_generated(config, static.src_uri, static.dest_uri, **content))
    plugin.i18n_files_per_language[lang] = files.documentation_pages()
    return files


def on_page_markdown(markdown, page, config, files):
    generated = state.pages.get(page.file.src_uri)
    if generated is not None:
        page.meta.update(generated.meta)
    return markdown


def on_page_content(html, page, config, files):
    """A text the core rendered and checked (a narrative, an explanation of the guide) is
    published as it is, with its table of contents: nothing is converted twice."""
    generated = state.pages.get(page.file.src_uri)
    if generated is not None and generated.content is not None:
        page.toc = get_toc(list(generated.content.toc))
        return generated.content.html
    return html


def on_env(env, config, files):
    env.globals.update(template_globals(state.atlas, _language(config)[1]))
    return env


def on_page_context(context, page, config, nav):
    generated = state.pages.get(page.file.src_uri)
    view = (
        (generated.context_name, generated.view())
        if generated is not None
        else hand_written_view(state.atlas, page.meta.get("template"), _language(config)[1])
    )
    if view is not None:
        context[view[0]] = view[1]
    return context


@event_priority(0)  # before mkdocs-static-i18n (-100) builds the next language
def _start_search_index(config):
    """Index this language's practice pages in the background while the next language builds."""
    if not state.preview:
        state.indexing.append(Indexing(Path(config.site_dir) / state.atlas.routes.prefix(_language(config)[1])))


@event_priority(-500)
def _finish_search_index(config):
    """Once every language is built (not inside mkdocs-static-i18n's build of another one)."""
    if _language(config)[0].building:
        return
    indexing, state.indexing = state.indexing, []
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
    for process in state.indexing:
        process.stop()
    state.indexing = []


def on_serve(server, config, builder):
    for folder in ("practices", "schemas", "hooks"):
        server.watch(str(ROOT / folder))
    return server
