"""No input makes the loader fail with a traceback: generated documents (random YAML shapes,
types, Unicode, sizes; random narratives and folder names) always end in a list of one-line
problems or a valid atlas, within a time bound per document (Hypothesis's deadline).

`make test` runs a bounded number of examples; for an occasional deep run:

    .venv/bin/python -m pytest tests/test_no_traceback.py --hypothesis-profile=deep
"""

from __future__ import annotations

import copy
import shutil

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from atlas.base.languages import Languages
from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from atlas.model.model import Atlas
from conftest import CITIES, GUIDE, PRACTICE, TODAY, VOCABULARY, FixtureAtlas

FR_EN = Languages(("fr", "en"))
FIELDS = list(PRACTICE) + [
    "related",
    "location",
    "links",
    "sdgs",
    "end_year",
    "fr",
    "en",
    "lat",
    "lon",
    "name",
    "type",
    "role",
    "url",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["", " ", "lyon", "health", "ongoing", "public", "fr", "2026-11-21", "https://example.org", "TODO-x"])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)

# Pieces of YAML and Markdown syntax, so that random text often parses and reaches the checks.
YAML_TOKENS = [
    "\n",
    "  ",
    "- ",
    ": ",
    "? ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    '"',
    "'",
    "|",
    ">-",
    "#",
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "!!float ",
    "!!binary ",
    "!!python/object:os.system ",
    "!!set ",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    ".nan",
    ".inf",
    "0x1F",
    "1e999",
    "~",
    "yes",
    "NO",
    "\\e",
    "\\0",
    "\\u202e",
    "é",
    "🏙",
    "\t",
] + FIELDS
MARKDOWN_TOKENS = [
    "\n",
    "\n\n",
    "## ",
    "# ",
    "- ",
    "1. ",
    "> ",
    "```",
    "    ",
    "|",
    "---",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "&",
    "&amp;",
    "<script>",
    "javascript:",
    "http://",
    "https://x.org",
    "../",
    "lyon-centsept/",
    "#contexte",
    "photo.png",
    "*",
    "_",
    "`",
    "\\",
    "{#id}",
    "\r\n",
    "\x00",
    "\x1b",
    "\u2028",
    "é",
    "🏙",
    "Contexte",
]


def assembled(tokens):
    return st.lists(st.sampled_from(tokens) | st.text(max_size=5), max_size=40).map("".join)


def mutated(base: dict):
    """`base` with one field replaced, removed or added, at the top or one level down."""

    def change(data, key, value, action):
        data = copy.deepcopy(data)
        target = data
        if action == "nested" and isinstance(data.get(key), (dict, list)) and data[key]:
            target = data[key] if isinstance(data[key], dict) else data[key][0]
            if not isinstance(target, dict):
                return data
            key = next(iter(target))
        if action == "remove":
            target.pop(key, None)
        else:
            target[key] = value
        return data

    return st.builds(
        change, st.just(base), st.sampled_from(FIELDS + list(base)), values, st.sampled_from(["replace", "remove", "nested"])
    )


def dumped(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


guide_documents = st.one_of(mutated(GUIDE).map(dumped), values.map(dumped), assembled(YAML_TOKENS))
yaml_documents = st.one_of(mutated(PRACTICE).map(dumped), values.map(dumped), assembled(YAML_TOKENS), st.text(max_size=300))
city_documents = st.one_of(
    mutated(CITIES["lyon"]).map(lambda city: dumped({**CITIES, "lyon": city})), values.map(dumped), assembled(YAML_TOKENS)
)
narratives = st.one_of(assembled(MARKDOWN_TOKENS), st.text(max_size=300))
folder_names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda name: name not in (".", "..")
)


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return FixtureAtlas(tmp_path_factory.mktemp("generated") / "atlas")


def reset(atlas: FixtureAtlas):
    """A valid one-practice atlas, as the examples below break it."""
    shutil.rmtree(atlas.practices)
    atlas.practices.mkdir()
    atlas.write_yaml("practices/vocabulary.yml", VOCABULARY)
    atlas.write_yaml("practices/cities.yml", CITIES)
    atlas.write_guide()
    atlas.add_practice("lyon-centsept")
    return atlas.practices


def assert_loads_or_explains(root):
    try:
        atlas = load_atlas(root, FR_EN, today=TODAY)
    except AtlasDataError as error:
        assert error.problems, "an error lists its problems"
        for problem in error.problems:
            line = str(problem)
            assert line.startswith("practices/") and "\n" not in line and "Traceback" not in line, line
    else:
        assert isinstance(atlas, Atlas)


@given(text=yaml_documents)
def test_any_practice_file(atlas, text):
    (reset(atlas) / "lyon-centsept" / "practice.yml").write_text(text, encoding="utf-8")
    assert_loads_or_explains(atlas.root)


@given(text=guide_documents, narrative=narratives)
def test_any_guide(atlas, text, narrative):
    practices = reset(atlas)
    (practices / "guide" / "guide.yml").write_text(text, encoding="utf-8")
    (practices / "guide" / "levers" / "open-data.fr.md").write_text(narrative, encoding="utf-8")
    assert_loads_or_explains(atlas.root)


@given(text=city_documents)
def test_any_cities_file(atlas, text):
    (reset(atlas) / "cities.yml").write_text(text, encoding="utf-8")
    assert_loads_or_explains(atlas.root)


@given(section=st.sampled_from(["themes", "levers", "regions", "statuses", "actor_types", "sdgs", "extra"]), value=values)
def test_any_vocabulary(atlas, section, value):
    practices = reset(atlas)
    vocabulary = yaml.safe_load((practices / "vocabulary.yml").read_text(encoding="utf-8"))
    vocabulary[section] = value
    (practices / "vocabulary.yml").write_text(dumped(vocabulary), encoding="utf-8")
    assert_loads_or_explains(atlas.root)


@given(fr=narratives, en=narratives)
def test_any_narrative(atlas, fr, en):
    folder = reset(atlas) / "lyon-centsept"
    (folder / "fr.md").write_text(fr, encoding="utf-8")
    (folder / "en.md").write_bytes(en.encode("utf-8", "surrogatepass"))
    assert_loads_or_explains(atlas.root)


@given(name=folder_names, content=st.binary(max_size=200))
def test_any_folder_name_and_file(atlas, name, content):
    practices = reset(atlas)
    try:
        (practices / name).mkdir()
    except FileExistsError:
        pass
    except OSError:  # a name this file system refuses cannot come from a pull request either
        return
    if (practices / name).is_dir():
        shutil.copy(practices / "lyon-centsept" / "practice.yml", practices / name / "practice.yml")
        (practices / name / "fr.md").write_bytes(content)
    assert_loads_or_explains(atlas.root)
