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

from atlas.load import load_atlas
from atlas.model import Atlas, Languages
from atlas.problems import AtlasDataError
from conftest import CITIES, EN_MD, FR_MD, PRACTICE, REPO, TODAY, FixtureAtlas

FR_EN = Languages(("fr", "en"))
FIELDS = list(PRACTICE) + ["related", "location", "links", "sdgs", "end_year", "fr", "en", "lat", "lon", "name", "type", "role", "url"]

scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
           | st.sampled_from(["", " ", "lyon", "health", "ongoing", "public", "fr", "2026-11-21", "https://example.org", "TODO-x"]))
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=5),
    max_leaves=25,
)

# Pieces of YAML and Markdown syntax, so that random text often parses and reaches the checks.
YAML_TOKENS = ["\n", "  ", "- ", ": ", "? ", "{", "}", "[", "]", ", ", '"', "'", "|", ">-", "#", "&a ", "*a", "<<: ",
               "!!str ", "!!float ", "!!binary ", "!!python/object:os.system ", "!!set ", "%YAML 1.1\n", "---\n", "...\n",
               ".nan", ".inf", "0x1F", "1e999", "~", "yes", "NO", "\\e", "\\0", "\\u202e", "é", "🏙", "\t"] + FIELDS
MARKDOWN_TOKENS = ["\n", "\n\n", "## ", "# ", "- ", "1. ", "> ", "```", "    ", "|", "---", "[", "](", ")", "![", "<", ">",
                   "&", "&amp;", "<script>", "javascript:", "http://", "https://x.org", "../", "lyon-centsept/", "#contexte",
                   "photo.png", "*", "_", "`", "\\", "{#id}", "\r\n", "\x00", "\x1b", "\u2028", "é", "🏙", "Contexte"]


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

    return st.builds(change, st.just(base), st.sampled_from(FIELDS + list(base)), values,
                     st.sampled_from(["replace", "remove", "nested"]))


def dumped(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


yaml_documents = st.one_of(mutated(PRACTICE).map(dumped), values.map(dumped), assembled(YAML_TOKENS), st.text(max_size=300))
city_documents = st.one_of(mutated(CITIES["lyon"]).map(lambda city: dumped({**CITIES, "lyon": city})), values.map(dumped),
                           assembled(YAML_TOKENS))
narratives = st.one_of(assembled(MARKDOWN_TOKENS), st.text(max_size=300))
folder_names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda name: name not in (".", ".."))


@pytest.fixture(scope="module")
def atlas_root(tmp_path_factory):
    return FixtureAtlas(tmp_path_factory.mktemp("generated") / "atlas").root


def reset(root):
    """A valid one-practice atlas, as the examples below break it."""
    practices = root / "practices"
    shutil.rmtree(practices)
    practices.mkdir()
    shutil.copy(REPO / "practices" / "vocabulary.yml", practices / "vocabulary.yml")
    (practices / "cities.yml").write_text(dumped(CITIES), encoding="utf-8")
    folder = practices / "lyon-centsept"
    folder.mkdir()
    (folder / "practice.yml").write_text(dumped(PRACTICE), encoding="utf-8")
    (folder / "fr.md").write_text(FR_MD, encoding="utf-8")
    (folder / "en.md").write_text(EN_MD, encoding="utf-8")
    return practices


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
def test_any_practice_file(atlas_root, text):
    (reset(atlas_root) / "lyon-centsept" / "practice.yml").write_text(text, encoding="utf-8")
    assert_loads_or_explains(atlas_root)


@given(text=city_documents)
def test_any_cities_file(atlas_root, text):
    (reset(atlas_root) / "cities.yml").write_text(text, encoding="utf-8")
    assert_loads_or_explains(atlas_root)


@given(section=st.sampled_from(["themes", "levers", "regions", "statuses", "actor_types", "sdgs", "extra"]), value=values)
def test_any_vocabulary(atlas_root, section, value):
    practices = reset(atlas_root)
    vocabulary = yaml.safe_load((practices / "vocabulary.yml").read_text(encoding="utf-8"))
    vocabulary[section] = value
    (practices / "vocabulary.yml").write_text(dumped(vocabulary), encoding="utf-8")
    assert_loads_or_explains(atlas_root)


@given(fr=narratives, en=narratives)
def test_any_narrative(atlas_root, fr, en):
    folder = reset(atlas_root) / "lyon-centsept"
    (folder / "fr.md").write_text(fr, encoding="utf-8")
    (folder / "en.md").write_bytes(en.encode("utf-8", "surrogatepass"))
    assert_loads_or_explains(atlas_root)


@given(name=folder_names, content=st.binary(max_size=200))
def test_any_folder_name_and_file(atlas_root, name, content):
    practices = reset(atlas_root)
    try:
        (practices / name).mkdir()
    except FileExistsError:
        pass
    except OSError:  # a name this file system refuses cannot come from a pull request either
        return
    if (practices / name).is_dir():
        shutil.copy(practices / "lyon-centsept" / "practice.yml", practices / name / "practice.yml")
        (practices / name / "fr.md").write_bytes(content)
    assert_loads_or_explains(atlas_root)
