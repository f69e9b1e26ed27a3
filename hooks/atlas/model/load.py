"""Load practices/ and check it against the schemas and the registry's content rules.

Every problem is collected before anything fails, so an editor sees them all at once;
`load_atlas` then raises one AtlasDataError. No practice is ever skipped silently. Files are
read by read/files.py (regular files inside their folder only, never through a link); the
actors' profiles and the guide have their own modules.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from ..base import paths, routes
from ..base.cache import Store
from ..base.languages import WORKING_LANGUAGE, Languages, language_name
from ..base.problems import AtlasDataError, Problem
from ..check import registry
from ..read.files import IMAGE_SUFFIXES, MAX_IMAGE_BYTES, folder_entries, image_problems, link_problem, read_bytes
from . import parallel
from .load_actors import load_actors
from .load_guide import guide_lists, load_guide
from .model import Atlas, Practice
from .reader import CHECKS, MEMOS, Partial, Reader, Settings


def load_atlas(
    root: Path,
    languages: Languages,
    today: datetime.date | None = None,
    narratives_of: set[str] | None = None,
    cache: Path | None = None,
) -> Atlas:
    """Read `root`/practices; raise AtlasDataError listing every problem found.

    `narratives_of` limits the Markdown checks of the narratives to those practices (the
    preview of one practice); by default every narrative is checked. With `cache`, the checks'
    results are kept there between builds (base/cache.py).
    """
    reader = Reader(
        Settings(
            Path(root),
            languages,
            today or datetime.date.today(),
            frozenset(narratives_of) if narratives_of is not None else None,
            cache,
        )
    )
    if cache is not None:
        Store(cache / CHECKS).remove_other_versions()
    vocabulary = load_vocabulary(reader)
    cities = load_cities(reader, vocabulary)
    actors, profiles = load_actors(reader, vocabulary, cities)
    folders = practice_folders(reader)
    practices, computed_before, read_second_half = {}, sum(memo.computed for memo in MEMOS), None
    for index, folder in enumerate(folders):
        if index == min(parallel.PROBE, len(folders) // 2):
            computed = sum(memo.computed for memo in MEMOS) - computed_before
            lists = (vocabulary, cities, actors, profiles)
            read_second_half = parallel.check_second_half(reader.settings, folders, lists, MEMOS, computed)
        if index == len(folders) // 2:
            read_second_half()
        practice = load_practice(reader, folder, vocabulary, cities, actors, profiles)
        if practice is not None:
            practices[practice.slug] = practice
    guide, guide_data = load_guide(reader, vocabulary, cities)
    check_links(reader, practices, vocabulary, cities, guide_lists(guide_data))
    reader.keep_results()
    if reader.problems:
        raise AtlasDataError(reader.problems)
    return Atlas(languages, cities, vocabulary, dict(sorted(practices.items())), guide, actors)


# -- The lists -------------------------------------------------------------------------------


def load_vocabulary(reader: Reader) -> dict:
    """The controlled lists; of a file with problems, only the lists that are blocks of entries
    (the others are reported, and the files that use them are still checked against what is left)."""
    doc = reader.read_yaml(reader.settings.root / paths.VOCABULARY_FILE, "vocabulary")
    if doc is None:
        return {}
    reader.run_rules("file", "vocabulary", paths.VOCABULARY_FILE, doc, doc.data, reader.context())
    return {
        name: {key: entry for key, entry in entries.items() if isinstance(entry, dict)}
        for name, entries in doc.data.items()
        if isinstance(entries, dict)
    }


def load_cities(reader: Reader, vocabulary: dict) -> dict:
    doc = reader.read_yaml(reader.settings.root / paths.CITIES_FILE, "cities", reader.keys(vocabulary, None))
    if doc is None:
        return {}
    reader.run_rules("file", "cities", paths.CITIES_FILE, doc, doc.data, reader.context(vocabulary=vocabulary))
    return {key: city for key, city in doc.data.items() if isinstance(city, dict)}


# -- Practices -------------------------------------------------------------------------------


def practice_folders(reader: Reader) -> list[Path]:
    """The practices' folders; a link in practices/ (to a folder or a file) is refused, never followed."""
    practices_dir = reader.settings.root / paths.PRACTICES
    if (problem := link_problem(practices_dir, f"{paths.PRACTICES}/")) is not None:
        reader.problems.append(problem)
        return []
    if not practices_dir.is_dir():
        return []
    folders = []
    for path in sorted(practices_dir.iterdir()):
        if (problem := link_problem(path, reader.display(path) + ("/" if path.is_dir() else ""))) is not None:
            reader.problems.append(problem)
        elif path.is_dir() and path.name not in paths.NOT_PRACTICES and not path.name.startswith("."):  # hidden: editors' tools
            folders.append(path)
    return folders


def load_practice(
    reader: Reader, folder: Path, vocabulary: dict, cities: dict, actors: dict, profiles: frozenset[str] = frozenset()
) -> Practice | None:
    slug = folder.name
    folder_display = reader.display(folder) + "/"
    files, problems = folder_entries(folder, folder_display)
    reader.problems += problems
    if paths.PRACTICE_FILE_NAME not in files and not os.path.lexists(folder / paths.PRACTICE_FILE_NAME):
        reader.problems.append(
            Problem(
                folder_display,
                "",
                "has no practice.yml; every folder of practices/ is a practice. "
                "Add practice.yml (scripts/new_practice.py creates one) or remove the folder",
                code="practice-file-missing",
            )
        )
        return None
    display = reader.display(folder / paths.PRACTICE_FILE_NAME)
    doc = reader.read_yaml(folder / paths.PRACTICE_FILE_NAME, "practice", reader.keys(vocabulary, cities, profiles or actors))
    data = doc.data if doc is not None else {}
    named = data.get("cities") if isinstance(data.get("cities"), list) else []
    known = [city for city in named if isinstance(city, str) and city in cities]
    context = reader.context(vocabulary=vocabulary, cities=cities, actors=actors, profiles=profiles, slug=slug)
    folder_problems = list(registry.run("folder", "practice", (slug, known if len(known) == len(named) else []), context))
    reader.problems += [
        Problem(folder_display, "", message, code=registry.code_of(pair)) for pair in folder_problems for _, message in (pair,)
    ]
    narratives, images = load_folder_files(reader, folder, files)
    if doc is None:
        return None
    reader.run_rules("file", "practice", display, doc, data, context)
    if isinstance(doc, Partial) or folder_problems:
        return None
    return Practice(slug, data, narratives, images, doc)


def reload_practice(atlas: Atlas, root: Path, slug: str, cache: Path | None = None) -> Atlas:
    """`atlas` with one practice's folder read and checked again against what the atlas holds
    (its lists, guide, actors and other practices): what `mkdocs serve` shows first after an edit
    of that folder alone, in about 20 ms at N = 1,000. AtlasDataError lists its problems."""
    reader = Reader(Settings(Path(root), atlas.languages, datetime.date.today(), None, cache))
    actors = atlas.actors
    practice = load_practice(
        reader, Path(root) / paths.PRACTICES / slug, atlas.vocabulary, atlas.cities, actors, frozenset(actors)
    )
    practices = {other: p for other, p in atlas.practices.items() if other != slug} | ({slug: practice} if practice else {})
    guide, guide_data = load_guide(reader, atlas.vocabulary, atlas.cities)  # its checks found in memory: its links' keys
    check_links(reader, practices, atlas.vocabulary, atlas.cities, guide_lists(guide_data))
    reader.keep_results()
    if reader.problems:
        raise AtlasDataError(reader.problems)
    return Atlas(
        atlas.languages, atlas.cities, atlas.vocabulary, dict(sorted(practices.items())), guide, actors, atlas.publication
    )


def check_folders(settings: Settings, folders: list[Path], lists: tuple) -> list[dict]:
    """Check `folders` for the memos' sake; returns the memos' results (what the second process sends, parallel.py)."""
    reader = Reader(settings)
    for folder in folders:
        load_practice(reader, folder, *lists)
    reader.keep_results()
    return [memo.results for memo in MEMOS]


def load_folder_files(reader: Reader, folder: Path, files: dict[str, Path]) -> tuple[dict[str, str], dict[str, bytes]]:
    """The narratives, and the images as the bytes checked here: the site publishes those."""
    languages = reader.languages
    image_names = sorted(name for name in files if name.lower().endswith(IMAGE_SUFFIXES))
    images = _images(reader, files, image_names)
    expected = {paths.PRACTICE_FILE_NAME, *(paths.narrative_name(code) for code in languages.codes), *image_names}
    for name in sorted(set(files) - expected):
        reader.problems.append(
            Problem(
                reader.display(files[name]),
                "",
                "is not a file a practice can have; expected "
                f"practice.yml, {', '.join(paths.narrative_name(code) for code in languages.codes)} or "
                ".png/.jpg/.webp images. Rename or remove it",
                code="practice-unexpected-file",
            )
        )
    if not os.path.lexists(folder / paths.narrative_name(languages.default)):
        reader.problems.append(
            Problem(
                paths.narrative_file(folder.name, languages.default),
                "",
                f"is missing; the {language_name(languages.default, WORKING_LANGUAGE)} narrative is required. "
                "Create it with the recommended sections (see the contributor guide)",
                code="narrative-missing",
            )
        )
    # What the narratives may show: a refused file (a link) is reported once, not also as missing.
    present = frozenset(name for name in os.listdir(folder) if name.lower().endswith(IMAGE_SUFFIXES))
    narratives_of = reader.settings.narratives_of
    narratives: dict[str, str] = {}
    for code in (code for code in languages.codes if paths.narrative_name(code) in files):
        display = paths.narrative_file(folder.name, code)
        check = narratives_of is None or folder.name in narratives_of
        text, rendered = reader.read_markdown(
            files[paths.narrative_name(code)], display, routes.practice(folder.name), present, check
        )
        reader.check_sections(display, "practices", code, rendered)
        if text is not None:
            narratives[code] = text
    return narratives, images


def _images(reader: Reader, files: dict[str, Path], names: list[str]) -> dict[str, bytes]:
    images: dict[str, bytes] = {}
    for name in names:
        display = reader.display(files[name])
        content, problems = read_bytes(files[name], display, MAX_IMAGE_BYTES)
        problems = problems or image_problems(name, content, display)
        reader.problems += problems
        if not problems:
            images[name] = content
    return images


# -- Links between texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Links:
    """What the atlas-stage rules read: every practice's related practices, every link between texts, what exists."""

    practices: dict  # slug -> (its file, its document, its related practices), of the practices without problems
    references: list
    known: dict  # scheme -> keys that exist


def check_links(reader: Reader, practices: dict, vocabulary: dict, cities: dict, guide_keys: tuple[set, set]) -> None:
    """Every link between texts leads to something that exists (the guide's steps and terms,
    `guide_keys`, are read from guide.yml even when the guide has problems of its own)."""
    steps, terms = guide_keys
    known = {
        "practice": set(practices) | _practice_folder_names(reader),
        "lever": set(vocabulary.get("levers") or {}),
        "theme": set(vocabulary.get("themes") or {}),
        "city": set(cities),
        "step": steps,
        "term": terms,
    }
    related = {slug: (p.display, p.doc, p.data.get("related", [])) for slug, p in practices.items()}
    reader.problems += list(registry.run("atlas", "", Links(related, reader.references, known), reader.context()))


def _practice_folder_names(reader: Reader) -> set[str]:
    """Practices that exist but have problems of their own: a link to one is not a second problem."""
    practices_dir = reader.settings.root / paths.PRACTICES
    if not practices_dir.is_dir():
        return set()
    return {path.name for path in practices_dir.iterdir() if (path / paths.PRACTICE_FILE_NAME).is_file()}
