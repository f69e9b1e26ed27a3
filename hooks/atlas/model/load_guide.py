"""Load the guide's playbook (practices/guide/): what a city hall can do and how, from the AIMF guide.

Editors keep it like the practices. `guide.yml` holds its structure: the steps of the method
(with the practices that illustrate each), the recommendations to mayors, the glossary, and
where in the guide each text comes from. Markdown files hold the explanations, one per lever,
group of levers, step and city profile, in each language (the default language required):

    practices/guide/guide.yml
    practices/guide/method.<lang>.md           the method's introduction
    practices/guide/levers/<lever>.<lang>.md   every lever of practices/vocabulary.yml
    practices/guide/groups/<group>.<lang>.md   every group of levers (vocabulary.yml › lever_groups)
    practices/guide/steps/<step>.<lang>.md     every step of guide.yml's method
    practices/guide/cities/<city>.<lang>.md    the cities guide.yml profiles
    practices/guide/self-assessment.yml        the self-assessment's questions, answers and rules

Texts link pages as `practice:<slug>`, `lever:<key>`, `step:<key>`, `term:<key>`,
`city:<key>`, `theme:<key>` (check/crossrefs.py); every link is checked.
"""

from __future__ import annotations

from pathlib import Path

from ..base import paths, routes
from ..base.languages import WORKING_LANGUAGE, language_name
from ..base.problems import Problem, field_path
from ..read.files import folder_entries, link_problem
from .model import Guide, GuideText, Step
from .reader import Partial, Reader

KINDS = ("levers", "groups", "steps", "cities")  # the folders of practices/guide/
EXPECTED_FILES = {
    "": "guide.yml or method.<language>.md",
    "levers": "<a lever of guide.yml>.<language>.md",
    "groups": "<a group of levers of guide.yml>.<language>.md",
    "steps": "<a step of guide.yml>.<language>.md",
    "cities": "<a city of guide.yml>.<language>.md",
}


def block(data, name: str, kind=dict):
    """A block of guide.yml, or an empty one when it is not what the schema says (already reported)."""
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, kind) else kind()


def guide_lists(data: dict) -> tuple[set[str], set[str]]:
    """The keys of the method's steps and of the glossary's terms (what step: and term: links may name)."""

    def keys(items):
        return {item.get("key") for item in items if isinstance(item, dict) and isinstance(item.get("key"), str)}

    return keys(block(block(data, "method"), "steps", list)), keys(block(data, "glossary", list))


def snippet_page(data: dict):
    """The page that shows a Markdown text of guide.yml at a path (routes.guide_snippet)."""
    steps = block(block(data, "method"), "steps", list)

    def page_of(path: tuple) -> str:
        step = steps[path[2]] if path[:2] == ("method", "steps") and len(path) > 2 and path[2] < len(steps) else None
        return routes.guide_snippet(path[0], step.get("key") if isinstance(step, dict) else None)

    return page_of


def load_guide(reader: Reader, vocabulary: dict, cities: dict) -> tuple[Guide | None, dict]:
    """The guide (None when it has problems) and guide.yml's data as read (for the links' check)."""
    folder = reader.settings.root / paths.GUIDE
    if (problem := link_problem(folder, f"{paths.GUIDE}/")) is not None:
        reader.problems.append(problem)
        return None, {}
    if not folder.is_dir():
        reader.problems.append(
            Problem(
                f"{paths.GUIDE}/",
                "",
                "is missing; the guide's playbook lives there (see the contributor guide)",
                code="guide-missing",
            )
        )
        return None, {}
    present, problems = _guide_files(reader, folder)
    reader.problems += problems
    doc = reader.read_yaml(folder / "guide.yml", "guide", reader.keys(vocabulary, cities))
    if doc is None:
        return None, {}
    data = doc.data
    reader.run_rules("file", "guide", paths.GUIDE_FILE, doc, data, reader.context(vocabulary=vocabulary, cities=cities))
    reader.read_snippets(paths.GUIDE_FILE, doc, data, (), snippet_page(data))
    for path, key in _practice_mentions(data):
        reader.references.append((paths.GUIDE_FILE, field_path(path), doc.line_of(path), "practice", key, key))
    texts = {kind_key: _read_text(reader, present, *kind_key, section) for kind_key, section in expected_texts(data).items()}
    self_assessment = _read_self_assessment(reader, folder, vocabulary, cities)
    for relative in sorted(present):
        reader.problems.append(_unknown_file(f"{paths.GUIDE}/{relative}", relative.rpartition("/")[0]))
    if isinstance(doc, Partial) or any(problem.file.startswith(paths.GUIDE) for problem in reader.problems):
        return None, data
    steps = [
        Step(step["key"], step["title"], step["section"], step.get("practices", []), texts["steps", step["key"]])
        for step in data["method"]["steps"]
    ]
    guide = Guide(
        data["source"],
        {key: texts["levers", key] for key in data["levers"]},
        {key: texts["groups", key] for key in vocabulary.get("lever_groups", {})},
        texts["method", ""],
        steps,
        data.get("recommendations", []),
        data.get("glossary", []),
        {key: texts["cities", key] for key in data.get("cities", {})},
        actor_profile=data.get("actor_profile"),
        self_assessment=self_assessment,
    )
    return guide, data


def _read_self_assessment(reader: Reader, folder: Path, vocabulary: dict, cities: dict) -> dict | None:
    """self-assessment.yml checked: its schema and rules, its Markdown texts, the steps it names
    (with the other links, once everything is read)."""
    doc = reader.read_yaml(folder / "self-assessment.yml", "self-assessment", reader.keys(vocabulary, cities))
    if doc is None:
        return None
    data, display = doc.data, paths.SELF_ASSESSMENT_FILE
    reader.run_rules("file", "self-assessment", display, doc, data, reader.context(vocabulary=vocabulary, cities=cities))
    reader.read_snippets(display, doc, data, (), lambda path: routes.SELF_ASSESSMENT)
    for index, rule in enumerate(block(data, "rules", list)):
        for number, step in enumerate(block(rule, "steps", list)):
            if isinstance(step, str):
                path = ("rules", index, "steps", number)
                reader.references.append((display, field_path(path), doc.line_of(path), "step", step, step))
    return data


def _read_text(reader: Reader, present: dict[str, Path], kind: str, key: str, section: str) -> GuideText:
    """One text of the guide in every language it is written in; the default language's is required."""
    page = routes.guide_text(kind, key)
    by_lang, files = {}, {}
    for lang in reader.languages.codes:
        relative = paths.guide_text_file(kind, key, lang)
        files[lang] = f"{paths.GUIDE}/{relative}"
        if relative not in present:
            if lang == reader.languages.default:
                reader.problems.append(
                    Problem(
                        files[lang],
                        "",
                        f"is missing; the {language_name(lang, WORKING_LANGUAGE)} text is required. Create it "
                        f"with its sections (see the contributor guide), or remove {kind} › {key or 'section'} from guide.yml",
                        code="text-missing",
                    )
                )
            continue
        text, rendered = reader.read_markdown(present.pop(relative), files[lang], page)
        reader.check_sections(files[lang], kind, lang, rendered)
        if text is not None:
            by_lang[lang] = text
    return GuideText(kind, key, page, section, by_lang, files)


def expected_texts(data: dict) -> dict[tuple[str, str], str]:
    """(kind, key) -> section, for every Markdown text guide.yml calls for."""
    method = block(data, "method")
    texts = {("method", ""): method.get("section", "")}
    for kind in ("levers", "groups", "cities"):
        for key, entry in block(data, kind).items():
            if isinstance(key, str):
                texts[kind, key] = entry.get("section", "") if isinstance(entry, dict) else ""
    for step in block(method, "steps", list):
        if isinstance(step, dict) and isinstance(step.get("key"), str):
            texts["steps", step["key"]] = step.get("section", "")
    return texts


def _guide_files(reader: Reader, folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The guide's Markdown files by their path from its folder (its YAML files aside); links and strays refused."""
    files, problems = {}, []
    for path in sorted(folder.iterdir()):
        display = reader.display(path)
        if (problem := link_problem(path, display + ("/" if path.is_dir() else ""))) is not None:
            problems.append(problem)
        elif path.name.startswith("."):
            continue
        elif path.is_dir():
            if path.name not in KINDS:
                problems.append(_unknown_file(display + "/", path.name + "/"))
                continue
            entries, found = folder_entries(path, f"{display}/")
            problems += found
            files.update({f"{path.name}/{name}": entry for name, entry in entries.items()})
        elif path.name not in ("guide.yml", "self-assessment.yml"):
            files[path.name] = path
    return files, problems


def _unknown_file(display: str, folder: str) -> Problem:
    what = EXPECTED_FILES.get(folder)
    if what is None:
        return Problem(
            display,
            "",
            "is not a folder of the guide; expected levers/, groups/, steps/ or cities/. Move its files or remove it",
            code="guide-unknown-folder",
        )
    return Problem(
        display,
        "",
        f"is not a file the guide calls for; expected {what} (see the contributor guide). "
        "Rename it, add its entry to guide.yml, or remove it",
        code="guide-unknown-file",
    )


def _practice_mentions(data: dict):
    """(path, slug) of every practice guide.yml names (steps' and recommendations' illustrations)."""
    method = block(data, "method")
    for where, items in (
        (("method", "steps"), block(method, "steps", list)),
        (("recommendations",), block(data, "recommendations", list)),
    ):
        for index, item in enumerate(items):
            for number, illustration in enumerate(block(item, "practices", list)):
                if isinstance(illustration, dict) and isinstance(illustration.get("practice"), str):
                    yield where + (index, "practices", number, "practice"), illustration["practice"]
