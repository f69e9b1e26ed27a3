"""The atlas's content meets the editorial bar: enough practices and cities, bilingual, sourced, with lessons."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from conftest import REPO

REQUIRED_CITIES = {"lyon", "abidjan", "lausanne", "phnom-penh", "medellin"}
REQUIRED = {
    "fr": ["## Contexte", "## La pratique", "## Acteurs et rôles", "## À retenir pour d'autres villes"],
    "en": ["## Context", "## What was done", "## Who is involved", "## Lessons for other cities"],
}
OPTIONAL = {"fr": ["## Résultats", "## Difficultés"], "en": ["## Results", "## Challenges"]}
# What readers found 92 times: sections that only say the source reports nothing. Such a section is left out.
EMPTY_TALK = re.compile(
    r"ne (précise|rapporte|dit|détaille|mentionne|donne|chiffre) pas|n'indique pas|does not (say|report|specify|detail|give)"
    r"|gives no|reports? no|not stated",
    re.I,
)


def test_at_least_thirty_practices_across_twelve_cities(real_atlas):
    cities = Counter(city for practice in real_atlas.practices.values() for city in practice.cities)
    assert len(real_atlas.practices) >= 30
    assert len(cities) >= 12
    assert set(cities) >= REQUIRED_CITIES


def test_every_practice_is_in_french_and_english(real_atlas):
    untranslated = [
        slug
        for slug, p in real_atlas.practices.items()
        if set(p.narratives) != {"fr", "en"} or "en" not in p.data["title"] or "en" not in p.data.get("summary", {})
    ]
    assert untranslated == []


def test_every_narrative_has_the_expected_sections_and_says_something(real_atlas):
    for slug, practice in real_atlas.practices.items():
        for lang in ("fr", "en"):
            headings = [line.strip() for line in practice.narratives[lang].splitlines() if line.startswith("## ")]
            assert [h for h in headings if h in REQUIRED[lang]] == REQUIRED[lang], f"{slug}/{lang}.md"
            assert set(headings) <= set(REQUIRED[lang] + OPTIONAL[lang]), f"{slug}/{lang}.md"
            assert not EMPTY_TALK.search(practice.narratives[lang]), (
                f"{slug}/{lang}.md: {EMPTY_TALK.search(practice.narratives[lang])[0]}"
            )


def test_every_practice_says_what_the_city_government_did(real_atlas):
    roles = real_atlas.vocabulary["city_roles"]
    assert all(practice.data["city_role"] in roles for practice in real_atlas.practices.values())
    initiators = [p for p in real_atlas.practices.values() if p.data["city_role"] == "initiator"]
    assert initiators and all(
        any(actor.get("type") == "public" or actor.get("actor") for actor in p.data["actors"]) for p in initiators
    )


def test_the_sources_practices_are_in_the_atlas(real_atlas):
    """The practices the sources document that a close reading found missing (issue 12)."""
    themes = Counter(theme for practice in real_atlas.practices.values() for theme in practice.data["themes"])
    assert themes["ageing"] and themes["sport"]
    networks = [p for p in real_atlas.practices.values() if p.scope and not p.cities]
    assert len(networks) >= 2  # the ScaleX Alliance and its Western Balkans corridor
    assert any(
        "bilbao" in p.cities and "2013" in p.narratives["en"] and "Mayors Forum" in p.data["title"]["en"]
        for p in real_atlas.practices.values()
    )


def test_every_practice_names_actors_with_roles_and_cites_a_source(real_atlas):
    for slug, practice in real_atlas.practices.items():
        assert practice.data["sources"], slug
        assert any(actor.get("role") for actor in practice.data["actors"]), slug


def test_vocabularies_have_labels_and_descriptions_in_both_languages(real_atlas):
    for list_name in ("themes", "levers", "actor_types", "statuses", "regions"):
        for key, entry in real_atlas.vocabulary[list_name].items():
            assert set(entry["label"]) == {"fr", "en"} and set(entry.get("description", {})) == {"fr", "en"}, (list_name, key)
    assert {entry["group"] for entry in real_atlas.vocabulary["levers"].values()} == {"internal", "external", "strategy"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", unicodedata.normalize("NFKC", text).lower().replace("’", "'"))


def test_no_passage_is_copied_from_the_sources(real_atlas):
    """Facts carry over, sentences do not: no text of the atlas repeats 20 words in a row of a
    source (names, titles and lists of sectors, shorter, do repeat). A guard against copying; a
    close reading remains the editors' work."""
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the sources are not beside this checkout")
    run = 20
    source = set()
    for path in seeds.glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        source |= {tuple(words[i : i + run]) for i in range(len(words) - run)}
    texts = {f"{slug}/{lang}.md": text for slug, p in real_atlas.practices.items() for lang, text in p.narratives.items()}
    texts |= {
        path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in (REPO / "practices/guide").rglob("*.md")
    }
    copied = {
        name: " ".join(words[i : i + run])
        for name, text in texts.items()
        for words in [_words(text)]
        for i in range(len(words) - run)
        if tuple(words[i : i + run]) in source
    }
    assert copied == {}
