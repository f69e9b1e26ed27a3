"""The atlas's content meets the editorial bar: enough practices and cities, bilingual, sourced, with lessons."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
import yaml

from atlas.check import sections
from atlas.records.translation import changed_figures, practice_gaps, texts_gaps
from conftest import REPO

REQUIRED_CITIES = {"lyon", "abidjan", "lausanne", "phnom-penh", "medellin"}
# What readers found 92 times: sections that only say the source reports nothing. Such a section is left out.
EMPTY_TALK = re.compile(
    r"ne (précise|rapporte|dit|détaille|mentionne|donne|chiffre) pas|n'indique pas|does not (say|report|specify|detail|give)"
    r"|gives no|reports? no|not stated"
    r"|\bno (precisa|indica|dice|detalla|menciona|da|cifra)n?\b|la fuente no",
    re.I,
)


def test_at_least_thirty_practices_across_twelve_cities(real_atlas):
    cities = Counter(city for practice in real_atlas.practices.values() for city in practice.cities)
    assert len(real_atlas.practices) >= 30
    assert len(cities) >= 12
    assert set(cities) >= REQUIRED_CITIES


def test_every_text_is_in_every_language(real_atlas):
    """Each edition is a full edition: nothing a reader meets falls back to another language."""
    for lang in real_atlas.languages.others:
        assert (practice_gaps(real_atlas, lang), texts_gaps(real_atlas, lang)) == ([], []), lang


def test_every_figure_of_the_french_text_is_in_every_translation(real_atlas):
    """A dropped or changed number or year in any language: the French text is the one faithful to the sources."""
    assert changed_figures(real_atlas) == []


def test_every_narrative_has_its_languages_sections_and_says_something(real_atlas):
    """The loader holds every narrative to its language's sections; each language has them, and no
    section only says that the source reports nothing (such a section is left out)."""
    assert all(sections.expected("practices", lang) for lang in real_atlas.languages.codes)
    for slug, practice in real_atlas.practices.items():
        for lang, text in practice.narratives.items():
            assert not EMPTY_TALK.search(text), f"{slug}/{lang}.md: {EMPTY_TALK.search(text)[0]}"


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


def test_vocabularies_have_labels_and_descriptions_in_every_language(real_atlas):
    languages = set(real_atlas.languages.codes)
    for list_name in ("themes", "levers", "actor_types", "statuses", "regions"):
        for key, entry in real_atlas.vocabulary[list_name].items():
            assert set(entry["label"]) == languages and set(entry.get("description", {})) == languages, (list_name, key)
    assert {entry["group"] for entry in real_atlas.vocabulary["levers"].values()} == {"internal", "external", "strategy"}


# -- Copy detection ----------------------------------------------------------------------------
# Facts carry over, sentences do not. A run of RUN words in a row shared with a source is a copied
# passage. Proper names and quoted titles may be repeated: they are left out of the count. Left out,
# in the atlas's texts and in the sources alike (so that a run goes on across them):
# - what stands between « », “ ” or " " on one line (at most QUOTED_LENGTH characters): titles;
# - the proper names of the atlas: words written with a capital inside a sentence somewhere in its
#   texts and never in lower case (a word at the start of a sentence, a line or a list item is no
#   evidence). "Manizales" or "ONUDI" is one; "Ville" is not, since "ville" is written too.
RUN = 12
QUOTED_LENGTH = 200
QUOTED = re.compile(rf'«[^«»\n]{{1,{QUOTED_LENGTH}}}»|“[^“”\n]{{1,{QUOTED_LENGTH}}}”|"[^"\n]{{1,{QUOTED_LENGTH}}}"')
WORD = re.compile(r"[\w']+")
# Markdown and punctuation that may stand between a sentence's start and its first word.
OPENING = ' \t*_[(#>-«"“'


# Addresses are not words of the text: a link's target ("practice:lyon-centsept"), a bare URL.
ADDRESS = re.compile(r"\]\([^()\s]*\)|https?://\S+")


def _normal(text: str) -> str:
    return ADDRESS.sub("]", unicodedata.normalize("NFKC", text).replace("’", "'"))


def _words(text: str) -> list[str]:
    """The words of a text, in lower case, without what stands between quotes."""
    return WORD.findall(QUOTED.sub(" ", _normal(text)).lower())


def _capitalised(word: str) -> bool:
    """'Manizales', 'ONUDI', "l'Unicef", "Bilbao's"; not "aujourd'hui"."""
    return any(part[:1].isupper() for part in word.split("'") if len(part) > 1)


def proper_names(texts) -> set[str]:
    """The words that the texts write with a capital inside a sentence and never in lower case."""
    inside, lower = set(), set()
    for text in texts:
        text = QUOTED.sub(" ", _normal(text))
        for match in WORD.finditer(text):
            word = match.group()
            if not _capitalised(word):
                lower.add(word.lower())
                continue
            before = text[max(0, match.start() - 40) : match.start()].rstrip(OPENING)
            if before and before[-1] not in ".!?:;\n" and not before[-1].isdigit():
                inside.add(word.lower())
    return inside - lower


def copied_runs(texts: dict[str, str], sources, run: int = RUN) -> dict[str, str]:
    """For each text that shares `run` words in a row with a source (proper names and quoted titles
    left out of the count), the first such run."""
    names = proper_names(texts.values())

    def counted(text: str) -> list[str]:
        return [word for word in _words(text) if word not in names]

    shared = set()
    for source in sources:
        words = counted(source)
        shared |= {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
    copied = {}
    for name, text in texts.items():
        words = counted(text)
        for i in range(len(words) - run + 1):
            if tuple(words[i : i + run]) in shared:
                copied[name] = " ".join(words[i : i + run])
                break
    return copied


def test_copied_runs_counts_ordinary_words_and_leaves_out_names_and_titles():
    source = (
        "Le club Kinshasa Ville Propre a été créé afin de trouver des solutions innovantes aux enjeux de "
        "développement durable de la ville. En 2019, Jean Dupont, maire de Kinshasa, et Marie Lenoir, de la "
        "Banque Mondiale, ont présenté le rapport « Villes viables et durables : défis en commun et solutions "
        "partagées » devant la commission."
    )
    copied = "Ce club a été créé afin de trouver des solutions innovantes aux enjeux de développement durable."
    reworded = "Ce club cherche des réponses nouvelles aux questions de développement durable que pose la ville."
    # Shares 28 words in a row with the source, but 19 of them are proper names or the quoted title: 9 ordinary words.
    names_and_title = (
        "Selon le guide, Jean Dupont, maire de Kinshasa, et Marie Lenoir, de la Banque Mondiale, ont présenté le "
        "rapport « Villes viables et durables : défis en commun et solutions partagées » en plénière."
    )
    texts = {"copied": copied, "reworded": reworded, "names": names_and_title}
    assert copied_runs(texts, [source]) == {"copied": "a été créé afin de trouver des solutions innovantes aux enjeux de"}
    # Written in lower case, the names are ordinary words: the same sentence is then a copy.
    assert "names" in copied_runs({"names": names_and_title.lower()}, [source])
    assert {"kinshasa", "dupont", "lenoir", "banque", "mondiale"} <= proper_names(texts.values())
    # The threshold: 12 ordinary words in a row are a copy, 11 are not.
    source = "Les habitants du quartier ont choisi ensemble les projets que la mairie financera cette année."
    twelve = "Ici, les habitants du quartier ont choisi ensemble les projets que la mairie paiera."
    eleven = "Ici, les habitants du quartier ont choisi ensemble les projets que la ville financera."
    assert copied_runs({"twelve": twelve, "eleven": eleven}, [source]) == {
        "twelve": "les habitants du quartier ont choisi ensemble les projets que la mairie"
    }


def _yaml_texts(value, skip=("sources", "source", "section", "links", "url")):
    """The texts of a YAML file: every string but the sources' references, sections and addresses."""
    if isinstance(value, str):
        if " " in value.strip():  # a text, not a key (a city, a lever, a practice's folder)
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _yaml_texts(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _yaml_texts(item, skip)


def test_no_passage_is_copied_from_the_sources(real_atlas):
    """Facts carry over, sentences do not: no text of the atlas — narratives, case files, actor
    profiles, the guide's texts and playbook — repeats 12 ordinary words in a row of a source (proper
    names and quoted titles left out of the count). A guard against copying; a close reading remains
    the editors' work."""
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the sources are not beside this checkout")
    sources = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    texts = {f"{slug}/{lang}.md": text for slug, p in real_atlas.practices.items() for lang, text in p.narratives.items()}
    texts |= {
        path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in (REPO / "practices/guide").rglob("*.md")
    }
    for path in [
        *sorted((REPO / "practices").glob("*/practice.yml")),
        *sorted((REPO / "practices/actors").glob("*.yml")),
        REPO / "practices/guide/guide.yml",
    ]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, text in enumerate(_yaml_texts(data)):  # each text on its own: a run does not span two fields
            texts[f"{path.relative_to(REPO).as_posix()} (text {index + 1})"] = text
    assert copied_runs(texts, sources) == {}
