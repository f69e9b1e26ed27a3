"""Load practices/ and check it against the schemas and the content rules (hooks/atlas/rules.py).

Every problem is collected before anything fails, so an editor sees them all at once;
`load_atlas` then raises one AtlasDataError. No practice is ever skipped silently. Files are
read by hooks/atlas/files.py (regular files inside their folder only, never through a link).
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import crossrefs, guide, routes, rules
from .files import IMAGE_SUFFIXES, MAX_IMAGE_BYTES, folder_entries, image_problems, link_problem, read_bytes
from .memo import Memo
from .model import Actor, Atlas, Languages, Practice
from .narrative import RenderedNarrative, render_narrative
from .parallel import check_in_two_processes
from .problems import AtlasDataError, Problem, field_path, show
from .schema import field_schema, keys_schema, schema_problems
from .sections import sections_problem
from .yamlfile import YamlDocument, YamlError, parse_yaml, read_text

PRACTICES_DIR = "practices"
RESERVED = {"guide", "actors"}  # folders of practices/ that are not practices (practice slugs start with a city)


@dataclass(frozen=True)
class Settings:
    """What a load depends on besides the files (sent to the second process as it is)."""

    root: Path
    languages: Languages
    today: datetime.date
    narratives_of: frozenset[str] | None = None  # the preview of one practice checks only its narratives


def load_atlas(
    root: Path, languages: Languages, today: datetime.date | None = None, narratives_of: set[str] | None = None
) -> Atlas:
    """Read `root`/practices; raise AtlasDataError listing every problem found.

    `narratives_of` limits the Markdown checks of the narratives to those practices (the
    preview of one practice); by default every narrative is checked.
    """
    reader = Reader(
        Settings(
            Path(root), languages, today or datetime.date.today(), frozenset(narratives_of) if narratives_of is not None else None
        )
    )
    vocabulary = load_vocabulary(reader)
    cities = load_cities(reader, vocabulary)
    actors = load_actors(reader, vocabulary, cities)
    folders = practice_folders(reader)
    check_in_two_processes(reader, folders, vocabulary, cities, actors)
    practices = {}
    for folder in folders:
        practice = load_practice(reader, folder, vocabulary, cities, actors)
        if practice is not None:
            practices[practice.slug] = practice
    the_guide = load_guide(reader, vocabulary, cities)
    for slug, practice in practices.items():
        reader.report_pairs(
            practice.display, practice.doc, rules.related_problems(slug, practice.data.get("related", []), practices)
        )
    check_references(reader, practices, vocabulary, cities, the_guide)
    if reader.problems:
        raise AtlasDataError(reader.problems)
    return Atlas(languages, cities, vocabulary, dict(sorted(practices.items())), the_guide, actors)


@dataclass
class Reader:
    """Reads the editors' files and collects every problem and every link between texts."""

    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    references: list[tuple] = field(default_factory=list)  # (file, field, line, scheme, key, as written)
    _keys: dict = field(default_factory=dict)

    @property
    def languages(self) -> Languages:
        return self.settings.languages

    def display(self, path: Path) -> str:
        return path.relative_to(self.settings.root).as_posix()

    def report_pairs(self, display: str, doc, pairs) -> None:
        self.problems += rules.problems_at(display, doc, pairs)

    def keys(self, vocabulary: dict | None, cities: dict | None, actors: dict | None = None) -> str:
        """The keys schema files are checked against, as JSON (made once per load)."""
        key = (id(vocabulary), id(cities), id(actors))
        if key not in self._keys:
            self._keys[key] = json.dumps(keys_schema(vocabulary, cities, actors))
        return self._keys[key]

    def read_yaml(self, path: Path, kind: str, keys: str = "") -> YamlDocument | None:
        """A checked YAML file: a document with schema or rule problems is returned as a Partial
        (still read for references, never published)."""
        display = self.display(path)
        if not os.path.lexists(path):
            self.problems.append(Problem(display, "", f"is missing; create it (see schemas/{kind}.schema.json)"))
            return None
        text, problems = read_text(path, display)
        self.problems += problems
        if text is None:
            return None
        doc, problems = checked_document(display, text, kind, keys, self.languages.codes)
        self.problems += problems
        return doc

    def read_markdown(
        self, path: Path, display: str, page: str, images: frozenset[str] = frozenset(), check: bool = True
    ) -> tuple[str | None, RenderedNarrative | None]:
        """A Markdown text and, when checked, its rendering for `page`, whose problems and links are collected."""
        text, problems = read_text(path, display)
        self.problems += problems
        if text is None or not check:
            return text, None
        rendered = render_narrative(text, display, images, page)
        self.problems += [Problem(display, name, message) for name, message in rendered.problems]
        self.references += [(display, "link", None, *reference) for reference in rendered.references]
        return text, rendered

    def read_snippets(self, display: str, doc: YamlDocument, node, path: tuple, page_of) -> None:
        """Check the Markdown texts ({language: text}) inside a YAML file, each for the page that shows it."""
        if isinstance(node, dict) and node and all(isinstance(value, str) for value in node.values()) and "fr" in node:
            for lang, text in node.items():
                rendered = render_narrative(text, display, frozenset(), page_of(path))
                where = field_path(path + (lang,))
                self.problems += [
                    Problem(display, where, message, doc.line_of(path + (lang,))) for _, message in rendered.problems
                ]
                self.references += [
                    (display, where, doc.line_of(path + (lang,)), *reference) for reference in rendered.references
                ]
        elif isinstance(node, dict):
            for key, value in node.items():
                self.read_snippets(display, doc, value, path + (key,), page_of)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.read_snippets(display, doc, value, path + (index,), page_of)


@Memo
def checked_document(
    display: str, text: str, kind: str, keys: str, languages: tuple[str, ...]
) -> tuple[YamlDocument | None, tuple[Problem, ...]]:
    """Parse one YAML file and check it against its schema and the document rules. The same text
    against the same vocabulary gives the same answer, so `mkdocs serve` and the preview
    re-check only the files that changed (the documents are shared read-only)."""
    try:
        doc = parse_yaml(text)
    except YamlError as error:
        return None, (Problem(display, "", error.message, error.line),)
    if not isinstance(doc.data, dict):
        return None, (
            Problem(
                display,
                "",
                f"{show(doc.data)} is not a block of fields; expected 'key: value' lines (see schemas/{kind}.schema.json)",
            ),
        )
    problems = schema_problems(kind, doc.data, display, doc.line_of, keys)
    reported = {problem.field for problem in problems}

    def markdown(path: tuple) -> bool:  # a text in one language of a Markdown field may hold line breaks
        return bool(field_schema(kind, path[:-1]).get("x-markdown"))

    pairs = list(rules.value_problems(doc.data, markdown=markdown)) + list(rules.language_problems(doc.data, languages))
    pairs += [pair for rule in rules.DOCUMENT_RULES for pair in rule(doc.data)]
    problems += [problem for problem in rules.problems_at(display, doc, pairs) if problem.field not in reported]
    return (Partial(doc) if problems else doc), tuple(problems)


MEMOS = (checked_document, render_narrative)


class Partial(YamlDocument):
    """A document with problems: still read for references, never published."""

    def __init__(self, doc: YamlDocument):
        super().__init__(doc.data, doc.lines)


# -- The lists -------------------------------------------------------------------------------


def load_vocabulary(reader: Reader) -> dict:
    """The controlled lists; of a file with problems, only the lists that are blocks of entries
    (the others are reported, and the files that use them are still checked against what is left)."""
    doc = reader.read_yaml(reader.settings.root / PRACTICES_DIR / "vocabulary.yml", "vocabulary")
    if doc is None:
        return {}
    return {
        name: {key: entry for key, entry in entries.items() if isinstance(entry, dict)}
        for name, entries in doc.data.items()
        if isinstance(entries, dict)
    }


def load_cities(reader: Reader, vocabulary: dict) -> dict:
    path = reader.settings.root / PRACTICES_DIR / "cities.yml"
    doc = reader.read_yaml(path, "cities", reader.keys(vocabulary, None))
    if doc is None:
        return {}
    reader.report_pairs(reader.display(path), doc, rules.city_problems(doc.data, reader.languages.default, reader.settings.today))
    return {key: city for key, city in doc.data.items() if isinstance(city, dict)}


# -- Practices -------------------------------------------------------------------------------


def practice_folders(reader: Reader) -> list[Path]:
    """The practices' folders; a link in practices/ (to a folder or a file) is refused, never followed."""
    practices_dir = reader.settings.root / PRACTICES_DIR
    if (problem := link_problem(practices_dir, f"{PRACTICES_DIR}/")) is not None:
        reader.problems.append(problem)
        return []
    if not practices_dir.is_dir():
        return []
    folders = []
    for path in sorted(practices_dir.iterdir()):
        if (problem := link_problem(path, reader.display(path) + ("/" if path.is_dir() else ""))) is not None:
            reader.problems.append(problem)
        elif path.is_dir() and path.name not in RESERVED and not path.name.startswith("."):  # hidden: editors' tools
            folders.append(path)
    return folders


def load_practice(reader: Reader, folder: Path, vocabulary: dict, cities: dict, actors: dict) -> Practice | None:
    slug = folder.name
    folder_display = reader.display(folder) + "/"
    files, problems = folder_entries(folder, folder_display)
    reader.problems += problems
    if "practice.yml" not in files and not os.path.lexists(folder / "practice.yml"):
        reader.problems.append(
            Problem(
                folder_display,
                "",
                "has no practice.yml; every folder of practices/ is a practice. "
                "Add practice.yml (scripts/new_practice.py creates one) or remove the folder",
            )
        )
        return None
    display = reader.display(folder / "practice.yml")
    doc = reader.read_yaml(folder / "practice.yml", "practice", reader.keys(vocabulary, cities, actors))
    data = doc.data if doc is not None else {}
    named = data.get("cities") if isinstance(data.get("cities"), list) else []
    known = [city for city in named if isinstance(city, str) and city in cities]
    problem = rules.slug_problem(slug, known if len(known) == len(named) else [])
    if problem is not None:
        reader.problems.append(Problem(folder_display, "", f"{problem}. Rename the folder"))
    narratives, images = load_folder_files(reader, folder, files)
    if doc is None:
        return None
    reader.report_pairs(display, doc, rules.date_problems(data, reader.settings.today))
    reader.report_pairs(display, doc, rules.scope_problems(data, reader.languages.default))
    reader.report_pairs(display, doc, rules.actor_entry_problems(data))
    if isinstance(doc, Partial) or problem is not None:
        return None
    return Practice(slug, data, narratives, images, doc)


def load_folder_files(reader: Reader, folder: Path, files: dict[str, Path]) -> tuple[dict[str, str], dict[str, bytes]]:
    """The narratives, and the images as the bytes checked here: the site publishes those."""
    languages = reader.languages
    image_names = sorted(name for name in files if name.lower().endswith(IMAGE_SUFFIXES))
    images: dict[str, bytes] = {}
    for name in image_names:
        display = reader.display(files[name])
        content, problems = read_bytes(files[name], display, MAX_IMAGE_BYTES)
        problems = problems or image_problems(name, content, display)
        reader.problems += problems
        if not problems:
            images[name] = content
    expected = {"practice.yml", *(f"{code}.md" for code in languages.codes), *image_names}
    for name in sorted(files):
        if name not in expected:
            reader.problems.append(
                Problem(
                    reader.display(files[name]),
                    "",
                    "is not a file a practice can have; expected "
                    f"practice.yml, {', '.join(f'{c}.md' for c in languages.codes)} or "
                    ".png/.jpg/.webp images. Rename or remove it",
                )
            )
    default_md = f"{languages.default}.md"
    if not os.path.lexists(folder / default_md):
        reader.problems.append(
            Problem(
                reader.display(folder / default_md),
                "",
                "is missing; the French narrative is required. "
                "Create it with the recommended sections (see the contributor guide)",
            )
        )
    # What the narratives may show: a refused file (a link) is reported once, not also as missing.
    present = frozenset(name for name in os.listdir(folder) if name.lower().endswith(IMAGE_SUFFIXES))
    narratives_of = reader.settings.narratives_of
    narratives: dict[str, str] = {}
    for code in languages.codes:
        if f"{code}.md" in files:
            display = routes.narrative_file(folder.name, code)
            text, rendered = reader.read_markdown(
                files[f"{code}.md"],
                display,
                routes.practice(folder.name),
                present,
                check=narratives_of is None or folder.name in narratives_of,
            )
            if rendered is not None and (message := sections_problem("practices", code, rendered.toc)):
                reader.problems.append(Problem(display, "sections", message))
            if text is not None:
                narratives[code] = text
    return narratives, images


# -- Actors --------------------------------------------------------------------------------


def load_actors(reader: Reader, vocabulary: dict, cities: dict) -> dict[str, Actor]:
    """The actors' profiles, one <key>.yml each in practices/actors/ (none yet is fine)."""
    folder = reader.settings.root / routes.ACTORS_DIR
    if (problem := link_problem(folder, f"{routes.ACTORS_DIR}/")) is not None:
        reader.problems.append(problem)
        return {}
    if not folder.is_dir():
        return {}
    files, problems = folder_entries(folder, f"{routes.ACTORS_DIR}/")
    reader.problems += problems
    actors = {}
    for name, path in files.items():
        display, slug = reader.display(path), name.removesuffix(".yml")
        if not name.endswith(".yml") or not rules.KEY.match(slug):
            reader.problems.append(
                Problem(
                    display,
                    "",
                    f"{show(name)} is not an actor's profile; expected <key>.yml, the key in "
                    "lowercase ASCII letters, digits and hyphens, e.g. 'tuba.yml'. Rename or remove it",
                )
            )
            continue
        doc = reader.read_yaml(path, "actor", reader.keys(vocabulary, cities))
        if doc is None:
            continue
        reader.report_pairs(display, doc, rules.date_problems(doc.data, reader.settings.today))
        reader.read_snippets(display, doc, doc.data.get("profile"), ("profile",), lambda _, slug=slug: routes.actor(slug))
        if not isinstance(doc, Partial):
            actors[slug] = Actor(slug, doc.data, doc)
    return dict(sorted(actors.items()))


# -- The guide -------------------------------------------------------------------------------


def load_guide(reader: Reader, vocabulary: dict, cities: dict) -> guide.Guide | None:
    folder = reader.settings.root / routes.GUIDE_DIR
    if (problem := link_problem(folder, f"{routes.GUIDE_DIR}/")) is not None:
        reader.problems.append(problem)
        return None
    if not folder.is_dir():
        reader.problems.append(
            Problem(f"{routes.GUIDE_DIR}/", "", "is missing; the guide's playbook lives there (see the contributor guide)")
        )
        return None
    present, problems = _guide_files(reader, folder)
    reader.problems += problems
    display = reader.display(folder / "guide.yml")
    doc = reader.read_yaml(folder / "guide.yml", "guide", reader.keys(vocabulary, cities))
    if doc is None:
        return None
    data = doc.data
    reader.report_pairs(display, doc, guide.missing_explanations(data, vocabulary))
    reader.read_snippets(display, doc, data, (), guide.snippet_page)
    for path, key in _practice_mentions(data):
        reader.references.append((display, field_path(path), doc.line_of(path), "practice", key, key))
    texts: dict[tuple[str, str], guide.GuideText] = {}
    for (kind, key), section in guide.expected_texts(data).items():
        page = guide.text_page(kind, key)
        by_lang, files = {}, {}
        for lang in reader.languages.codes:
            relative = guide.file_of(kind, key, lang)
            files[lang] = f"{routes.GUIDE_DIR}/{relative}"
            if relative not in present:
                if lang == reader.languages.default:
                    reader.problems.append(
                        Problem(
                            files[lang],
                            "",
                            "is missing; the French text is required. Create it "
                            f"with its sections (see the contributor guide), or remove {kind} › {key or 'section'} "
                            "from guide.yml",
                        )
                    )
                continue
            text, rendered = reader.read_markdown(present.pop(relative), files[lang], page)
            if rendered is not None and (message := sections_problem(kind, lang, rendered.toc)):
                reader.problems.append(Problem(files[lang], "sections", message))
            if text is not None:
                by_lang[lang] = text
        texts[kind, key] = guide.GuideText(page, section, by_lang, files)
    for relative in sorted(present):
        reader.problems.append(guide.unknown_file_problem(f"{routes.GUIDE_DIR}/{relative}", relative.rpartition("/")[0]))
    if isinstance(doc, Partial) or any(problem.file.startswith(routes.GUIDE_DIR) for problem in reader.problems):
        return None
    method = data["method"]
    steps = [
        guide.Step(step["key"], step["title"], step["section"], step.get("practices", []), texts["steps", step["key"]])
        for step in method["steps"]
    ]
    return guide.Guide(
        data["source"],
        {key: texts["levers", key] for key in data["levers"]},
        {key: texts["groups", key] for key in data["groups"]},
        texts["method", ""],
        steps,
        data.get("recommendations", []),
        data.get("glossary", []),
        {key: texts["cities", key] for key in data.get("cities", {})},
        actor_profile=data.get("actor_profile"),
        data=data,
    )


def _guide_files(reader: Reader, folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The guide's Markdown files by their path from its folder (guide.yml aside); links and strays refused."""
    files, problems = {}, []
    top = f"{reader.display(folder)}/"
    for path in sorted(folder.iterdir()):
        display = reader.display(path)
        if (problem := link_problem(path, display + ("/" if path.is_dir() else ""))) is not None:
            problems.append(problem)
        elif path.name.startswith("."):
            continue
        elif path.is_dir():
            if path.name not in guide.KINDS:
                problems.append(guide.unknown_file_problem(display + "/", path.name + "/"))
                continue
            entries, found = folder_entries(path, f"{display}/")
            problems += found
            files.update({f"{path.name}/{name}": entry for name, entry in entries.items()})
        elif path.name != "guide.yml":
            files[path.name] = path
    del top
    return files, problems


def _practice_mentions(data: dict):
    """(path, slug) of every practice guide.yml names (steps' and recommendations' illustrations)."""
    method = guide.block(data, "method")
    for block, items in (
        (("method", "steps"), guide.block(method, "steps", list)),
        (("recommendations",), guide.block(data, "recommendations", list)),
    ):
        for index, item in enumerate(items):
            for number, illustration in enumerate(guide.block(item, "practices", list)):
                if isinstance(illustration, dict) and isinstance(illustration.get("practice"), str):
                    yield block + (index, "practices", number, "practice"), illustration["practice"]


# -- Links between texts ---------------------------------------------------------------------


def check_references(reader: Reader, practices: dict, vocabulary: dict, cities: dict, the_guide_or_none) -> None:
    """Every link between texts leads to something that exists (the guide's steps and terms
    are read from guide.yml even when the guide has problems of its own)."""
    guide_file = reader.settings.root / routes.GUIDE_DIR / "guide.yml"
    data = the_guide_or_none.data if the_guide_or_none is not None else _guide_data(reader, guide_file)
    method = guide.block(data, "method")
    known = {
        "practice": set(practices) | _practice_folder_names(reader),
        "lever": set(vocabulary.get("levers") or {}),
        "theme": set(vocabulary.get("themes") or {}),
        "city": set(cities),
        "step": {
            step.get("key")
            for step in guide.block(method, "steps", list)
            if isinstance(step, dict) and isinstance(step.get("key"), str)
        },
        "term": {
            term.get("key")
            for term in guide.block(data, "glossary", list)
            if isinstance(term, dict) and isinstance(term.get("key"), str)
        },
    }
    for display, where, line, scheme, key, written in reader.references:
        message = rules.reference_problem(scheme, key, written, known, crossrefs.describe)
        if message is not None:
            reader.problems.append(Problem(display, where, message, line))


def _practice_folder_names(reader: Reader) -> set[str]:
    """Practices that exist but have problems of their own: a link to one is not a second problem."""
    practices_dir = reader.settings.root / PRACTICES_DIR
    return (
        {path.name for path in practices_dir.iterdir() if (path / "practice.yml").is_file()} if practices_dir.is_dir() else set()
    )


def _guide_data(reader: Reader, path: Path) -> dict:
    text = read_text(path, "")[0] if path.is_file() and not path.is_symlink() else None
    if text is None:
        return {}
    doc = checked_document(reader.display(path), text, "guide", "", reader.languages.codes)[0]
    return doc.data if doc is not None else {}
