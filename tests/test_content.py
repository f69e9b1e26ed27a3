"""The atlas's content meets the editorial bar: enough practices and cities, bilingual, sourced, with lessons."""

from __future__ import annotations

from collections import Counter

REQUIRED_CITIES = {"lyon", "abidjan", "lausanne", "phnom-penh", "medellin"}
FR_SECTIONS = [
    "## Contexte",
    "## La pratique",
    "## Acteurs et rôles",
    "## Résultats",
    "## Difficultés",
    "## À retenir pour d'autres villes",
]
EN_SECTIONS = [
    "## Context",
    "## What was done",
    "## Who is involved",
    "## Results",
    "## Challenges",
    "## Lessons for other cities",
]


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


def test_every_narrative_has_the_recommended_sections_in_order(real_atlas):
    for slug, practice in real_atlas.practices.items():
        for lang, sections in (("fr", FR_SECTIONS), ("en", EN_SECTIONS)):
            headings = [line.strip() for line in practice.narratives[lang].splitlines() if line.startswith("## ")]
            assert headings == sections, f"{slug}/{lang}.md"


def test_every_practice_names_actors_with_roles_and_cites_a_source(real_atlas):
    for slug, practice in real_atlas.practices.items():
        assert practice.data["sources"], slug
        assert any(actor.get("role") for actor in practice.data["actors"]), slug


def test_vocabularies_have_labels_and_descriptions_in_both_languages(real_atlas):
    for list_name in ("themes", "levers", "actor_types", "statuses", "regions"):
        for key, entry in real_atlas.vocabulary[list_name].items():
            assert set(entry["label"]) == {"fr", "en"} and set(entry.get("description", {})) == {"fr", "en"}, (list_name, key)
    assert {entry["group"] for entry in real_atlas.vocabulary["levers"].values()} == {"internal", "external", "strategy"}
