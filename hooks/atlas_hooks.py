"""MkDocs hooks: the adapter between MkDocs + mkdocs-static-i18n and the atlas core (hooks/atlas).

Each hook translates one MkDocs event into a call to the core and hands the answer back:
pages, files, template data and problems all come from the core, which never imports MkDocs.

mkdocs-static-i18n builds the site once per language. In each build, after the plugin has
reorganised the files (its on_files runs at priority -100 and re-reads files from disk,
which generated files do not survive), we add that language's generated pages and files and
register them with the plugin, so that the language switcher knows them.

The plugin builds the other languages one after the other, inside the default language's
build. On Linux the atlas builds them in parallel instead: once the default language's build
has cleaned the site folder, it forks one process per other language, which inherits the
checked atlas and builds that language's pages and files into the same folder while the
default language is built (ATLAS_PARALLEL=0 keeps the plugin's order: tests/test_site.py
compares both). Either way, what every language shares is written once, by the default
language's build: the theme's files, the 404 page (in every language) and the sitemap (every
page of every language, hooks/atlas/outputs/sitemap.py).

ATLAS_BUILD_LANGUAGE=<code> builds one language's part of the site alone, as one job of the
publishing workflow does: the default language's part holds what every language shares, the
others only their own files; scripts/assemble.py puts the parts together into the same site.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs import utils
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from atlas.base import paths, routes
from atlas.base.cache import folder_digest
from atlas.base.problems import AtlasDataError
from atlas.base.site_folder import SiteFolder, content_id
from atlas.model.load import reload_practice
from atlas.model.model import Atlas
from atlas.model.settings import (
    BUILD_LANGUAGE,
    build_language,
    generation_time,
    languages_from_i18n,
    publication,
    site_names,
)
from atlas.rendered import CACHED_TEMPLATE, RenderedPages, surroundings
from atlas.site import (
    SearchIndexError,
    autoescaped,
    hand_written_source,
    hand_written_view,
    load_site,
    page_meta,
    page_toc,
    search_indexing,
    site_pages,
    sitemap_files,
    static_files,
    template_globals,
)
from atlas.views import Page, typeset

log = logging.getLogger("mkdocs.hooks.atlas")


@dataclass
class BuildState:
    """What the hooks keep between events: the checked atlas (once per build of every language),
    the generated pages of the language being built, and the search indexing under way."""

    atlas: Atlas | None = None
    preview: str | None = None  # ATLAS_PREVIEW: the one practice `make preview` builds
    only: str | None = None  # ATLAS_BUILD_LANGUAGE: the one language whose part of the site this build writes
    site_names: dict = field(default_factory=dict)  # each language's site name, as mkdocs.yml gives them
    pages: dict[str, Page] = field(default_factory=dict)  # by source URI
    shown_in: dict[str, str] = field(default_factory=dict)  # a page of docs/ shown in another language: by source URI
    indexing: list = field(default_factory=list)  # the search bundles being written (site.search_indexing)
    workers: dict[str, int] = field(default_factory=dict)  # language -> the process building it (parallel builds)
    rendered: RenderedPages | None = None  # the pages rendered by earlier builds (hooks/atlas/rendered.py)
    nav: object = None  # the navigation of the language being built
    views: dict[str, dict] = field(default_factory=dict)  # a generated page's template data, by source URI
    cached: dict[str, str] = field(default_factory=dict)  # a page of the navigation found rendered already, by source URI
    # any other page found rendered: (its HTML, its address), by its file's path
    published: dict[str, tuple[str, str]] = field(default_factory=dict)
    keep: dict[str, str] = field(default_factory=dict)  # the address a page rendered now is kept at, by source URI
    site_folder: SiteFolder | None = None  # the site folder the last build wrote (base/site_folder.py)
    set_aside: tuple[Path, Path] | None = None  # (where the site folder is, its place) while MkDocs cleans the place
    to_note: dict[str, str] = field(default_factory=dict)  # a file MkDocs writes now: its content's name, by its path
    # The default language's build as it ended (config, files, navigation, templates): what
    # `mkdocs serve` shows an edit of a practice with first (_show_first).
    shown: tuple | None = None


state = BuildState()


def _language(config) -> tuple[object, str]:
    plugin = config.plugins["i18n"]
    return plugin, plugin.current_language


SHARED_TEMPLATES = ("404.html", "sitemap.xml")  # the same for every language: written by the default one


@event_priority(0)  # before mkdocs-static-i18n (-100), which sets the build up for its current language
def _choose_language(config):
    """At the build's first event: the language(s) to build, and the site's names before the
    plugin replaces mkdocs.yml's with the current language's own.

    With ATLAS_BUILD_LANGUAGE, the plugin starts with that language and builds no other. Its own
    `build_only_locale` is not used: it makes the language the default one, built at the site's
    root, with no other language to switch to — another site, not a part of this one."""
    plugin = config.plugins["i18n"]
    if plugin.current_language is not None:  # the plugin's, or a forked process's, build of another language
        return config
    state.site_names = site_names(plugin.config.languages, config.site_name, config.site_description)
    try:
        state.only = build_language(os.environ.get(BUILD_LANGUAGE), plugin.build_languages)
    except ValueError as error:
        raise Abort(str(error)) from None
    if state.only:
        plugin.current_language = state.only
    return config


@event_priority(-200)
def _load(config):
    """Load and check the data once per build: at the default language's build."""
    plugin, lang = _language(config)
    for template in SHARED_TEMPLATES:  # the theme is shared by every language's build
        (config.theme.static_templates.add if lang == plugin.default_language else config.theme.static_templates.discard)(
            template
        )
    if state.atlas is None or lang == plugin.default_language:
        preview = os.environ.get("ATLAS_PREVIEW") or None
        extra = config.extra.get("atlas")
        try:
            state.atlas = load_site(
                Path(config.config_file_path).resolve().parent,
                languages_from_i18n(plugin.config.languages, extra),
                (config.docs_dir, config.theme.custom_dir),
                preview,
                publication(
                    config.site_url,
                    extra,
                    state.site_names,
                    generation_time(os.environ.get("SOURCE_DATE_EPOCH")),
                    config.repo_url,
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
        state.rendered = RenderedPages(_cache_folder(config))
        state.rendered.store.remove_other_versions()
    return config


on_config = CombinedEvent(_choose_language, _load)


KEPT_SUFFIX = ".atlas-kept"  # the site folder's name while MkDocs cleans its (then absent) place


def on_pre_build(config):
    """At a build's start (not at a language's build inside it): the site folder the last build
    wrote is set aside while MkDocs cleans the (then absent) folder, and put back before anything
    is written, so that only the files that changed are written again (base/site_folder.py)."""
    if _language(config)[0].building:
        return
    site = Path(config.site_dir)
    state.site_folder = SiteFolder(_cache_folder(config), site)
    state.site_folder.start()
    aside = site.with_name(site.name + KEPT_SUFFIX)
    shutil.rmtree(aside, ignore_errors=True)  # a build stopped while the folder was aside: it is written again
    state.set_aside = None
    try:
        site.rename(aside)
        state.set_aside = (aside, site)
    except OSError:  # no site folder yet, or it cannot be moved: MkDocs cleans it and every file is written
        pass


def _put_back_site_folder() -> None:
    if state.set_aside is not None:
        aside, site = state.set_aside
        aside.rename(site)
        state.set_aside = None


def _cache_folder(config) -> Path:
    """What builds keep between them (base/paths.CACHE), beside mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / paths.CACHE


def _generated(config, src: str, dest: str, **content) -> File:
    file = File.generated(config, src, **content)
    file.dest_uri = dest
    return file


def _parallel() -> bool:
    """Whether the other languages are built by parallel processes: on Linux (fork), unless
    ATLAS_PARALLEL=0, and neither for a preview (a handful of pages) nor for one language's part."""
    return sys.platform == "linux" and os.environ.get("ATLAS_PARALLEL", "1") != "0" and not state.preview and not state.only


def _build_language(config, lang: str) -> int:
    """In a forked process: build `lang` into the site folder the parent cleaned; its exit status."""
    plugin = config.plugins["i18n"]
    plugin.current_language, plugin.building = lang, True  # this language only: the plugin builds no other
    utils.clean_directory = lambda path: None  # the parent cleaned the folder and writes into it too
    state.workers, state.indexing = {}, []  # the parent's
    try:
        build(config)
        _wait_for_search_index()
    except Exception as error:  # noqa: BLE001 -- whatever it is, the parent says the language failed
        log.error(f"the '{lang}' pages could not be built: {error}")
        return 1
    return 0


@event_priority(100)  # the first event after MkDocs has cleaned the site folder
def _start_other_languages(files, config):
    """At the default language's build: one process for each other language."""
    _put_back_site_folder()
    plugin, lang = _language(config)
    if lang != plugin.default_language or plugin.building:
        return files
    for other in plugin.build_languages if _parallel() else []:
        if other == lang:
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child builds `other`, and never returns into the parent's build
            os._exit(_build_language(config, other))
        state.workers[other] = pid
    return files


@event_priority(-200)
def _add_generated_files(files, config):
    plugin, lang = _language(config)
    atlas = state.atlas
    if not state.preview:  # this language's search index, written beside the rest of its build (first: the longest)
        state.indexing.append(search_indexing(atlas, lang, state.site_folder))
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
    state.to_note = {}
    for static in static_files(atlas, lang, state.preview):
        if static.path is not None:  # an image of a practice's folder: copied
            files.append(_generated(config, static.src_uri, static.dest_uri, abs_src_path=str(static.path)))
            continue
        file = _generated(config, static.src_uri, static.dest_uri, content=static.content)
        named = content_id(static.content)
        if state.site_folder.unchanged(file.abs_dest_path, named):
            file.inclusion = InclusionLevel.EXCLUDED  # in the site folder already, as the last build wrote it
        else:
            state.to_note[file.abs_dest_path] = named
        files.append(file)
    state.shown_in = {}
    docs = Path(config.docs_dir)
    for file in [f for f in files.documentation_pages() if f.generated_by is None and getattr(f, "locale", lang) != lang]:
        shown, source = hand_written_source(atlas, lang, file.src_uri, lambda source: (docs / source).is_file())
        file.abs_src_path, file.locale = str(docs / source), shown  # along the language's chain, not to the default
        state.shown_in[file.src_uri] = shown
    plugin.i18n_files_per_language[lang] = files.documentation_pages()
    if lang != plugin.default_language:
        # The theme's and docs/'s shared files are copied once, by the default language; excluded
        # here rather than removed, so that a page's link to one (an image of docs/assets/) still
        # resolves, to the default language's copy.
        for file in files:
            if not file.is_documentation_page() and file.generated_by is None and not file.dest_uri.startswith(f"{lang}/"):
                file.inclusion = InclusionLevel.EXCLUDED
    return files


on_files = CombinedEvent(_start_other_languages, _add_generated_files)


@event_priority(-200)  # the navigation as mkdocs-static-i18n left it for this language
def on_nav(nav, config, files):
    state.nav = nav
    _find_rendered(config, files)
    return nav


def _outline(items) -> list:
    """The navigation as plain data: every page's (title, address, children)."""
    return [(item.title, getattr(item, "url", None), _outline(item.children or [])) for item in items]


def _find_rendered(config, files) -> None:
    """Before MkDocs reads any page: the generated pages rendered by an earlier build from the same
    data in the same surroundings are published as they were; the others are rendered, then kept.
    A page outside the navigation is then left out of MkDocs's work altogether (neither read nor
    rendered: most of a build after one edit); one in it goes through the theme as it is, since
    its title is part of every page's navigation."""
    state.views, state.cached, state.published, state.keep = {}, {}, {}, {}
    around = surroundings(
        _language(config)[1],
        Path(config.config_file_path).read_bytes(),
        config.site_url or "",  # what mkdocs.yml takes from the environment
        config.repo_url or "",
        dict(config.extra),
        state.atlas.publication.of_pages(),
        state.preview or "",
        type(config).__module__,  # the generator: MkDocs or ProperDocs (each names itself in the page)
        _outline(state.nav.items),  # its titles from mkdocs.yml: the others come from docs/ and the generated pages
        folder_digest(Path(config.docs_dir)),
        [(page.path, page.title) for page in state.pages.values() if page.in_nav],
        folder_digest(Path(config.theme.custom_dir)),
    )
    for file in files.documentation_pages():
        generated = state.pages.get(file.src_uri)
        if generated is None:
            continue
        view = generated.view()
        address = state.rendered.address(around, generated, view) if around is not None else None
        outside_nav = not generated.in_nav
        if address is not None and outside_nav and state.site_folder.unchanged(file.abs_dest_path, address):
            file.inclusion = InclusionLevel.EXCLUDED  # in the site folder already, as the last build wrote it
            continue
        if address is not None and (html := state.rendered.get(address)) is not None:
            if outside_nav:
                state.published[file.abs_dest_path] = (html, address)
                file.inclusion = InclusionLevel.EXCLUDED
            else:
                state.cached[file.src_uri] = html
            continue
        state.views[file.src_uri] = view  # rendered now: its view is kept until then
        if address is not None:
            state.keep[file.src_uri] = address
            if outside_nav:
                state.to_note[file.abs_dest_path] = address


def on_page_markdown(markdown, page, config, files):
    generated = state.pages.get(page.file.src_uri)
    if generated is not None:
        page.meta.update(page_meta(generated))
    if page.file.src_uri in state.cached:
        page.meta["template"] = CACHED_TEMPLATE
    return markdown


def on_page_content(html, page, config, files):
    """A text the core rendered and checked (a narrative, an explanation of the guide) is
    published as it is, with its table of contents: nothing is converted twice."""
    generated = state.pages.get(page.file.src_uri)
    if generated is not None and generated.content is not None:
        page.toc = get_toc(list(generated.content.toc))
        return generated.content.html
    if generated is not None and (tokens := page_toc(generated)) is not None:
        page.toc = get_toc(tokens)
    return html


def on_env(env, config, files):
    """The atlas's own templates escape what they write; the theme's do not (MkDocs's default).
    Templates are compiled once, not once per language and build. The pages found rendered
    outside the navigation are written as they were."""
    plugin, lang = _language(config)
    try:  # each language's environment would compile them again
        state.rendered.templates.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(state.rendered.templates))
    except OSError:  # a read-only disk: compiled at every build, as MkDocs does
        pass
    published, state.published = state.published, {}
    for path, (html, address) in published.items():
        utils.write_file(html.encode("utf-8", errors="xmlcharrefreplace"), path)  # as MkDocs writes a page
        state.site_folder.wrote(path, address)
    env.autoescape = autoescaped
    env.globals.update(template_globals(state.atlas, lang))
    state.shown = (config, files, state.nav, env) if lang == plugin.default_language and not state.preview else None
    if lang == plugin.default_language:  # the theme's sitemap.xml template writes the first; the others are files
        hand_written = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
        sitemaps = sitemap_files(state.atlas, hand_written)
        env.globals["atlas_sitemap"] = sitemaps.pop(routes.SITEMAP)
        for path, xml in sitemaps.items():
            files.append(_generated(config, path, path, content=xml))
    return env


def on_page_context(context, page, config, nav):
    generated = state.pages.get(page.file.src_uri)
    if page.file.src_uri in state.cached:
        context["atlas_cached_page"] = state.cached[page.file.src_uri]
        return context
    view = (
        (generated.context_name, state.views[page.file.src_uri])
        if generated is not None
        else hand_written_view(state.atlas, page.meta.get("template"), _language(config)[1])
    )
    if view is not None:
        context[view[0]] = view[1]
    context["atlas_shown_in"] = state.shown_in.get(page.file.src_uri)
    return context


def on_post_page(output, page, config):
    """The page's text with its language's typography (French: no-break spaces before : ; ! ?),
    kept for the next build; a page found rendered is already."""
    if page.file.src_uri in state.cached:
        return output
    output = typeset(output, _language(config)[1])
    if (address := state.keep.get(page.file.src_uri)) is not None:
        state.rendered.put(address, output)
    return output


@event_priority(0)  # before mkdocs-static-i18n (-100) builds the next language
def _hold_the_plugin(config):
    """When other processes build the other languages, or only one language is built, the plugin builds none here."""
    if state.workers or state.only:
        _language(config)[0].building = True


@event_priority(0)  # in every language's build, before mkdocs-static-i18n (-100) builds the next one
def _note_written(config):
    """Once a language is built: its pages rendered now and the files it wrote whose content has a
    name, for the next build."""
    state.rendered.store.flush()
    noted, state.to_note = state.to_note, {}
    for path, named in noted.items():
        state.site_folder.wrote(path, named)
    state.site_folder.save(_language(config)[1])


@event_priority(-500)
def _finish(config):
    """Once every language is built (or the one language of ATLAS_BUILD_LANGUAGE): not inside the
    plugin's build of another language, nor in a forked process building one language (which
    waits for its own index)."""
    plugin = _language(config)[0]
    if state.workers:
        plugin.building = False
        failed = _wait_for_workers()
        _wait_for_search_index()
        if failed:
            raise Abort(f"the {', '.join(failed)} pages could not be built: see the messages above")
        state.site_folder.remove_stale()
    elif not plugin.building or state.only:
        _wait_for_search_index()
        state.site_folder.remove_stale()


on_post_build = CombinedEvent(_note_written, _hold_the_plugin, _finish)


def _wait_for_search_index() -> None:
    indexing, state.indexing = state.indexing, []
    errors = []
    for process in indexing:
        try:
            process.wait()
            state.site_folder.save(f"{process.lang}.search", process.notes)
        except SearchIndexError as error:
            errors.append(str(error))
    if errors:
        raise Abort("; ".join(errors))


def _wait_for_workers(stop: bool = False) -> list[str]:
    """Wait for (or stop) the processes building the other languages; the languages that failed."""
    workers, state.workers = state.workers, {}
    failed = []
    for lang, pid in workers.items():
        if stop:
            os.kill(pid, signal.SIGKILL)
        if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0 and not stop:
            failed.append(lang)
    return failed


def on_build_error(error):
    """Stop the indexing and the other languages' builds a failed build started (`mkdocs serve` goes on)."""
    for process in state.indexing:
        process.stop()
    state.indexing = []
    _wait_for_workers(stop=True)
    _put_back_site_folder()  # stopped before anything was written: the folder is as it was


SHOWN_ALONE = 2.0  # seconds: an edit's page is served alone (with its styles and scripts) before the whole site is rebuilt


def on_serve(server, config, builder):
    """`mkdocs serve` watches the atlas's data and code too. An edit of one practice's text in
    the default language is shown first, in a fraction of a second (_show_first), then the whole
    site is rebuilt as after any other change."""
    root = Path(config.config_file_path).resolve().parent
    for folder in ("schemas", "hooks"):
        server.watch(str(root / folder))  # MkDocs's watcher: it looks at the files every half second
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")):  # not MkDocs 1.6's server (nor ProperDocs')
        server.watch(str(root / paths.PRACTICES))
        return server
    edits = _Edits(server)
    try:  # practices/: the system's notices of changes (inotify on Linux), so that an edit is seen at once
        notices = Observer()
        notices.daemon = True
        notices.schedule(edits, str(root / paths.PRACTICES), recursive=True)
        notices.start()
    except OSError:  # none to be had (a limit of watches reached): MkDocs's watcher
        server.observer.schedule(edits, str(root / paths.PRACTICES), recursive=True)
    hook = __name__  # MkDocs loads the hooks again with each build's configuration: the last build's are asked

    def rebuild():
        try:
            shown = sys.modules[hook]._show_first(edits.take())
        except Exception as error:  # noqa: BLE001 -- whatever it is, the whole build follows now and tells it
            log.info(f"the edit is shown with the whole site: {error}")
            shown = False
        if shown:
            threading.Timer(SHOWN_ALONE, _wake, (server,)).start()
        else:
            builder()

    server.builder = rebuild
    return server


class _Edits(FileSystemEventHandler):
    """The files changed under practices/ since the last build; each change wakes the server."""

    CHANGES = frozenset({"created", "modified", "moved", "deleted"})  # not a file opened or read (by the build itself)

    def __init__(self, server):
        self.server = server
        self.lock = threading.Lock()
        self.paths: set[Path] = set()

    def on_any_event(self, event):
        if event.is_directory or event.event_type not in self.CHANGES:
            return
        with self.lock:
            self.paths.update(Path(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p)
        _wake(self.server)

    def take(self) -> set[Path]:
        with self.lock:
            taken, self.paths = self.paths, set()
        return taken


def _wake(server) -> None:
    """Ask the server for a rebuild, as its own watcher does."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def _show_first(edited: set[Path]) -> bool:
    """When the files edited since the last build are one practice's practice.yml or narrative in
    the default language: that practice's page in the default language written again, from the
    atlas loaded and checked again, with the last build's navigation and templates. False (the
    whole site is rebuilt now) for any other change, a problem in the data, or no such build."""
    if state.shown is None or state.atlas is None or not edited:
        return False
    config, files, nav, env = state.shown
    lang = state.atlas.languages.default
    if _language(config)[1] != lang:  # the plugin built other languages after it, here (ATLAS_PARALLEL=0): set up for another
        return False
    practices = Path(config.config_file_path).resolve().parent / paths.PRACTICES
    texts = {paths.PRACTICE_FILE_NAME, paths.narrative_name(lang)}
    try:
        places = {path.relative_to(practices).parts for path in edited}
    except ValueError:  # outside practices/
        return False
    if len({place[0] for place in places}) != 1 or any(len(place) != 2 or place[1] not in texts for place in places):
        return False
    slug = next(iter(places))[0]
    if slug not in state.atlas.practices:  # a new practice: it has no place in the last build's files
        return False
    try:
        atlas = reload_practice(state.atlas, practices.parent, slug, _cache_folder(config))
    except AtlasDataError:  # the whole build reports it
        return False
    page = next((p for p in site_pages(atlas, lang, slug) if p.path == routes.practice(slug)), None)
    file = files.get_file_from_path(page.sources[lang]) if page is not None else None
    if file is None:
        return False
    state.atlas = atlas
    state.pages[file.src_uri], state.views[file.src_uri] = page, page.view()
    state.cached.pop(file.src_uri, None)
    state.keep.pop(file.src_uri, None)
    file.inclusion = InclusionLevel.NOT_IN_NAV
    shown = MkDocsPage(None, file, config)
    _populate_page(shown, config, files)
    _build_page(shown, config, files.documentation_pages(), nav, env)
    log.info(f"{paths.PRACTICES}/{slug}/ shown first; the whole site follows")
    return True
