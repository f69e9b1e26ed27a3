"""Load practices/, check it against the schemas and the rules a schema cannot express.

Every problem is collected before anything fails, so an editor sees them all at once;
`load_atlas` then raises one AtlasDataError. No practice is ever skipped silently.
"""

from __future__ import annotations

import datetime
import json
import os
import pickle
import re
import subprocess
import sys
import threading
from pathlib import Path

from babel import Locale

from .memo import Memo
from .model import Atlas, Languages, Practice
from . import routes
from .files import IMAGE_SUFFIXES, MAX_IMAGE_BYTES, folder_entries, image_problems, link_problem, read_bytes
from .narrative import render_narrative
from .problems import AtlasDataError, Problem, field_path, show
from .rules import value_problems
from .schema import did_you_mean, keys_schema, load_schema, schema_problems
from .yamlfile import YamlDocument, YamlError, parse_yaml, read_text

PLACEHOLDER_KEY = re.compile(r"^TODO-[a-z-]+$")
KEY = re.compile(load_schema("practice")["$defs"]["key"]["pattern"])


def load_atlas(root: Path, languages: Languages, today: datetime.date | None = None, narratives_of: set[str] | None = None) -> Atlas:
    """Read `root`/practices; raise AtlasDataError listing every problem found.

    `narratives_of` limits the Markdown checks of the narratives to those practices (the
    preview of one practice); by default every narrative is checked.
    """
    loader = _Loader(Path(root), languages, today or datetime.date.today(), narratives_of)
    atlas = loader.load()
    if loader.problems:
        raise AtlasDataError(loader.problems)
    return atlas


class _Loader:
    def __init__(self, root: Path, languages: Languages, today: datetime.date, narratives_of: set[str] | None = None):
        self.narratives_of = narratives_of
        self.root = root
        self.practices_dir = root / "practices"
        self.languages = languages
        self.today = today
        self.problems: list[Problem] = []
        self.practice_links: dict[str, tuple[str, ...]] = {}  # narrative -> slugs it links to
        self._practice_keys: str | None = None

    # -- helpers -------------------------------------------------------------------------
    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def report(self, display: str, path: tuple, message: str, doc: YamlDocument | None = None) -> None:
        self.problems.append(Problem(display, field_path(path), message, doc.line_of(path) if doc else None))

    def read_yaml(self, path: Path, kind: str, keys: str = "") -> tuple[YamlDocument | None, str]:
        """`keys`: the keys schema the file is checked against, as JSON."""
        display = self.display(path)
        if not os.path.lexists(path):
            self.problems.append(Problem(display, "", f"is missing; create it (see schemas/{kind}.schema.json)"))
            return None, display
        text, problems = read_text(path, display)
        self.problems += problems
        if text is None:
            return None, display
        doc, problems = _checked_document(display, text, kind, keys)
        self.problems += problems
        return doc, display

    def check_languages(self, doc: YamlDocument, display: str, node, path: tuple = ()) -> None:
        """Texts may only be in configured languages (a typo such as 'em' would be lost)."""
        if isinstance(node, dict):
            if "fr" in node and all(isinstance(v, str) for v in node.values()):
                for code in node:
                    if code not in self.languages.codes:
                        self.report(display, path + (code,), f"{show(code)} is not a language of the atlas; "
                                    f"{did_you_mean(code, self.languages.codes)}configured: {', '.join(self.languages.codes)} "
                                    "(mkdocs.yml, plugins › i18n › languages). Fix the code or remove the text", doc)
                return
            for key, value in node.items():
                self.check_languages(doc, display, value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.check_languages(doc, display, value, path + (index,))

    def check_placeholders(self, doc, display, node, path: tuple = ()) -> None:
        """The scaffold's TODO texts must not be published (its TODO keys already fail the schema)."""
        if isinstance(node, dict):
            for key, value in node.items():
                self.check_placeholders(doc, display, value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.check_placeholders(doc, display, value, path + (index,))
        elif isinstance(node, str) and node.startswith("TODO") and not PLACEHOLDER_KEY.match(node):
            self.report(display, path, f"{show(node)} is the scaffold's placeholder; replace it with the fact from the source", doc)

    def practice_keys(self, vocabulary: dict, cities: dict) -> str:
        """The keys schema every practice.yml of this load is checked against, as JSON (made once)."""
        if self._practice_keys is None:
            self._practice_keys = json.dumps(keys_schema(vocabulary, cities))
        return self._practice_keys

    # -- files ---------------------------------------------------------------------------
    def load(self) -> Atlas | None:
        vocabulary = self.load_vocabulary()
        cities = self.load_cities(vocabulary)
        practices = self.load_practices(vocabulary, cities)
        if self.problems:
            return None
        return Atlas(self.languages, cities, vocabulary, dict(sorted(practices.items())))

    def load_vocabulary(self) -> dict:
        doc, display = self.read_yaml(self.practices_dir / "vocabulary.yml", "vocabulary")
        if doc is None:
            return {}
        self.check_languages(doc, display, doc.data)
        return doc.data

    def load_cities(self, vocabulary: dict) -> dict:
        doc, display = self.read_yaml(self.practices_dir / "cities.yml", "cities", json.dumps(keys_schema(vocabulary, None)))
        if doc is None:
            return {}
        self.check_languages(doc, display, doc.data)
        countries = Locale.parse(self.languages.default).territories
        for key, city in doc.data.items():
            if not isinstance(city, dict):
                continue
            country = city.get("country")
            if isinstance(country, str) and re.fullmatch("[A-Z]{2}", country) and country not in countries:
                self.report(display, (key, "country"), f"{show(country)} is not an ISO 3166-1 country code; "
                            "expected a code such as FR, CI or KH", doc)
            if isinstance(city.get("population_year"), int) and city["population_year"] > self.today.year:
                self.report(display, (key, "population_year"), f"{city['population_year']} is in the future; "
                            "expected the year of the figure", doc)
        return doc.data

    def practice_folders(self) -> list[Path]:
        """The folders of practices/; a link there (to a folder or a file) is refused, never followed."""
        if (problem := link_problem(self.practices_dir, "practices/")) is not None:
            self.problems.append(problem)
            return []
        if not self.practices_dir.is_dir():
            return []
        folders = []
        for path in sorted(self.practices_dir.iterdir()):
            if (problem := link_problem(path, self.display(path) + ("/" if path.is_dir() else ""))) is not None:
                self.problems.append(problem)
            elif path.is_dir():
                folders.append(path)
        return folders

    def load_practices(self, vocabulary: dict, cities: dict) -> dict[str, Practice]:
        practices: dict[str, Practice] = {}
        folders = self.practice_folders()
        self.check_in_two_processes(folders, vocabulary, cities)
        for folder in folders:
            practice = self.load_practice(folder, vocabulary, cities)
            if practice:
                practices[practice.slug] = practice
        for slug, practice in practices.items():
            display = f"practices/{slug}/practice.yml"
            for index, other in enumerate(practice.data.get("related", [])):
                if other == slug:
                    self.report(display, ("related", index), f"{show(other)} is this practice itself; remove it", practice.doc)
                elif other not in practices and (self.practices_dir / other).is_dir() is False:
                    self.report(display, ("related", index), f"{show(other)} is not a practice of the atlas; "
                                f"{did_you_mean(other, practices)}expected the folder name of another practice. Fix it or remove it",
                                practice.doc)
        for display, slugs in self.practice_links.items():
            for slug in slugs:
                if slug not in practices and not (self.practices_dir / slug / "practice.yml").is_file():
                    self.problems.append(Problem(display, "link", f"'../{slug}/' is not a practice of the atlas; "
                                                 f"{did_you_mean(slug, practices)}link another practice as ../<its folder name>/"))
        return practices

    def check_in_two_processes(self, folders: list[Path], vocabulary: dict, cities: dict) -> None:
        """On a cold load of a large atlas, check half of the folders in a second process while
        this one checks the other half: the memos then answer the load below. A shortcut only:
        if the second process fails, this one checks everything."""
        checked_before = sum(1 for args in _checked_document.results if args[2] == "practice")
        if len(folders) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or checked_before > len(folders) // 2:
            return
        half = len(folders) // 2
        request = pickle.dumps((self.root, self.languages, self.today, self.narratives_of, folders[half:], vocabulary, cities))
        python_path = os.pathsep.join(filter(None, (PACKAGE_PARENT, os.environ.get("PYTHONPATH"))))
        worker = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": python_path})
        reply: list[bytes] = []
        exchange = threading.Thread(target=lambda: reply.append(worker.communicate(request)[0]))
        exchange.start()
        _check_folders(self.root, self.languages, self.today, self.narratives_of, folders[:half], vocabulary, cities)
        exchange.join()
        if worker.returncode == 0:
            for memo, results in zip(MEMOS, pickle.loads(reply[0]), strict=True):
                memo.results.update(results)

    def load_practice(self, folder: Path, vocabulary: dict, cities: dict) -> Practice | None:
        slug = folder.name
        folder_display = self.display(folder) + "/"
        if slug.startswith("."):  # hidden folders (editors’ tools), never a practice
            return None
        files, problems = folder_entries(folder, folder_display)
        self.problems += problems
        if "practice.yml" not in files and not os.path.lexists(folder / "practice.yml"):
            self.problems.append(Problem(folder_display, "", "has no practice.yml; every folder of practices/ is a practice. "
                                         "Add practice.yml (scripts/new_practice.py creates one) or remove the folder"))
            return None
        doc, display = self.read_yaml(folder / "practice.yml", "practice", self.practice_keys(vocabulary, cities))
        slug_is_valid = bool(KEY.match(slug))
        if not slug_is_valid:
            self.problems.append(Problem(folder_display, "", f"{show(slug)} is not a valid practice slug; expected lowercase ASCII letters, "
                                         "digits and hyphens starting with the city, e.g. 'lyon-centsept'. Rename the folder"))
        narratives, images = self.load_folder_files(folder, files)
        if doc is None:
            return None
        data = doc.data
        self.check_languages(doc, display, data)
        known_cities = [city for city in data.get("cities") or [] if isinstance(city, str)] if isinstance(data.get("cities"), list) else []
        if cities:
            unknown = [city for city in known_cities if city not in cities]
            if slug_is_valid and known_cities and not unknown and not any(slug.startswith(f"{city}-") for city in known_cities):
                self.problems.append(Problem(folder_display, "", f"{show(slug)} does not start with one of its cities "
                                             f"({', '.join(map(str, known_cities))}); rename the folder, e.g. '{known_cities[0]}-{slug}'"))
        self.check_placeholders(doc, display, data)
        start, end = data.get("start_year"), data.get("end_year")
        for name, year in (("start_year", start), ("end_year", end)):
            if isinstance(year, int) and year > self.today.year + 1:
                self.report(display, (name,), f"{year} is too far in the future; expected at most {self.today.year + 1}", doc)
        if isinstance(start, int) and isinstance(end, int) and end < start:
            self.report(display, ("end_year",), f"{end} is before start_year {start}; expected a year from {start} on. "
                        "Fix one of the two years", doc)
        reviewed = data.get("last_reviewed")
        if isinstance(reviewed, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed):
            try:
                date = datetime.date.fromisoformat(reviewed)
            except ValueError:
                self.report(display, ("last_reviewed",), f"{show(reviewed)} is not a real date; expected YYYY-MM-DD", doc)
            else:
                if date > self.today:
                    self.report(display, ("last_reviewed",), f"{show(reviewed)} is in the future; expected the date "
                                f"the facts were last checked, today ({self.today.isoformat()}) at the latest", doc)
        for index, source in enumerate(data.get("sources") if isinstance(data.get("sources"), list) else []):
            year = source.get("year") if isinstance(source, dict) else None
            if isinstance(year, int) and year > self.today.year:
                self.report(display, ("sources", index, "year"), f"{year} is in the future; expected the year the document "
                            f"was published, {self.today.year} at the latest", doc)
        if isinstance(doc, _Partial):
            return None
        return Practice(slug, data, narratives, images, doc)

    def load_folder_files(self, folder: Path, files: dict[str, Path]) -> tuple[dict[str, str], dict[str, bytes]]:
        """The narratives, and the images as the bytes checked here: the site publishes those."""
        narratives: dict[str, str] = {}
        image_names = sorted(name for name in files if name.lower().endswith(IMAGE_SUFFIXES))
        # What the narratives may show: a refused file (a link) is reported once, not also as missing.
        present = frozenset(name for name in os.listdir(folder) if name.lower().endswith(IMAGE_SUFFIXES))
        images: dict[str, bytes] = {}
        for name in image_names:
            display = self.display(files[name])
            content, problems = read_bytes(files[name], display, MAX_IMAGE_BYTES)
            problems = problems or image_problems(name, content, display)
            self.problems += problems
            if not problems:
                images[name] = content
        expected = {"practice.yml", *(f"{code}.md" for code in self.languages.codes), *image_names}
        for name in sorted(files):
            if name not in expected:
                self.problems.append(Problem(self.display(files[name]), "", "is not a file a practice can have; expected "
                                             f"practice.yml, {', '.join(f'{c}.md' for c in self.languages.codes)} or "
                                             ".png/.jpg/.webp images. Rename or remove it"))
        default_md = f"{self.languages.default}.md"
        if not os.path.lexists(folder / default_md):
            self.problems.append(Problem(self.display(folder / default_md), "", "is missing; the French narrative is required. "
                                         "Create it with the recommended sections (see the contributor guide)"))
        for code in self.languages.codes:
            path = files.get(f"{code}.md")
            if path is None:
                continue
            display = self.display(path)
            text, problems = read_text(path, display)
            self.problems += problems
            if text is None:
                continue
            if self.narratives_of is None or folder.name in self.narratives_of:
                rendered = render_narrative(text, routes.narrative_file(folder.name, code), present)
                self.problems += [Problem(display, field, message) for field, message in rendered.problems]
                self.practice_links[display] = rendered.practice_links
            narratives[code] = text
        return narratives, images


@Memo
def _checked_document(display: str, text: str, kind: str, keys: str) -> tuple[YamlDocument | None, tuple[Problem, ...]]:
    """Parse and check one YAML file against its schema. The same text against the same
    vocabulary gives the same answer, so `mkdocs serve` and the preview re-check only the
    files that changed (the documents are shared read-only)."""
    try:
        doc = parse_yaml(text)
    except YamlError as error:
        return None, (Problem(display, "", error.message, error.line),)
    if not isinstance(doc.data, dict):
        return None, (Problem(display, "", f"{show(doc.data)} is not a block of fields; expected 'key: value' lines "
                                           f"(see schemas/{kind}.schema.json)"),)
    problems = schema_problems(kind, doc.data, display, doc.line_of, keys)
    reported = {problem.field for problem in problems}
    problems += [Problem(display, field_path(path), message, doc.line_of(path)) for path, message in value_problems(doc.data)
                 if field_path(path) not in reported]
    return (_Partial(doc) if problems else doc), tuple(problems)


MEMOS = (_checked_document, render_narrative)
PARALLEL_FROM = 200  # folders; below, a second process costs more than it saves
PACKAGE_PARENT = str(Path(__file__).resolve().parents[1])


def _check_folders(root, languages, today, narratives_of, folders, vocabulary, cities) -> list[dict]:
    """Check `folders` for the memos' sake; returns the memos' results (in a second process)."""
    loader = _Loader(root, languages, today, narratives_of)
    for folder in folders:
        loader.load_practice(folder, vocabulary, cities)
    return [memo.results for memo in MEMOS]


class _Partial(YamlDocument):
    """A document with schema errors: still checked for references, never published."""

    def __init__(self, doc: YamlDocument):
        super().__init__(doc.data, doc.lines)


if __name__ == "__main__":  # the second process of _Loader.check_in_two_processes
    from atlas.load import _check_folders as check_folders  # so that its results pickle as atlas.load's, not __main__'s

    pickle.dump(check_folders(*pickle.load(sys.stdin.buffer)), sys.stdout.buffer)
