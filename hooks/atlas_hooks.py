"""MkDocs hooks: thin adapters between MkDocs + mkdocs-static-i18n and the atlas core (hooks/atlas).

mkdocs-static-i18n builds the site once per language. Each build, after the plugin has
reorganised the files (its on_files runs at priority -100 and re-reads files from disk),
we add that language's practice pages as generated files and register them with the
plugin, so that the language switcher and the sitemap's hreflang alternates know them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from atlas.load import load_atlas
from atlas.pages import (
    home_page, page_meta, practice_documents, practice_images, practice_page, practice_src_uri, ui,
)
from atlas.problems import AtlasDataError
from atlas.settings import languages_from_i18n

log = logging.getLogger("mkdocs.hooks.atlas")
ROOT = Path(__file__).resolve().parent.parent

_state: dict = {"atlas": None, "pages": {}}


def _i18n(config):
    return config.plugins["i18n"]


@event_priority(-200)
def on_config(config):
    """Load and check the data once per `mkdocs build`/reload: at the default language's build."""
    plugin = _i18n(config)
    if _state["atlas"] is None or plugin.current_language == plugin.default_language:
        root = Path(config.config_file_path).resolve().parent
        try:
            _state["atlas"] = load_atlas(root, languages_from_i18n(plugin.config.languages))
        except AtlasDataError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise Abort(f"{error}: fix the lines above and build again.") from None
        _state["root"] = root
    return config


@event_priority(-200)
def on_files(files, config):
    atlas = _state["atlas"]
    plugin = _i18n(config)
    lang = plugin.current_language
    pages = {}
    for document in practice_documents(atlas, lang):
        file = File.generated(config, document.src_uri, content=document.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.locale = lang
        file.locale_alternate_of = lang
        file.alternates = {
            other: file if other == lang else File.generated(config, practice_src_uri(atlas, document.slug, other), content="")
            for other in atlas.languages.codes
        }
        files.append(file)
        pages[file.src_uri] = atlas.practices[document.slug]
    for src_uri, path in practice_images(atlas, _state["root"] / "practices", lang):
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    _state["pages"] = pages
    plugin.i18n_files_per_language[lang] = files.documentation_pages()
    return files


def on_page_markdown(markdown, page, config, files):
    practice = _state["pages"].get(page.file.src_uri)
    if practice is not None:
        page.meta.update(page_meta(_state["atlas"], practice, _i18n(config).current_language), template="practice.html")
    return markdown


def on_page_context(context, page, config, nav):
    atlas = _state["atlas"]
    lang = _i18n(config).current_language
    context["atlas_ui"] = ui(lang, atlas.languages.default)
    practice = _state["pages"].get(page.file.src_uri)
    if practice is not None:
        context["practice"] = practice_page(atlas, practice, lang)
    elif page.meta.get("template") == "home.html":
        context["atlas_home"] = home_page(atlas, lang)
    return context


def on_serve(server, config, builder):
    for folder in ("practices", "schemas", "hooks"):
        server.watch(str(ROOT / folder))
    return server
