"""What "translated" means, once: a text of an edition is translated when it is written in the
edition's language. A practice's page, card, API answer and CSV row, the notice above a text
that falls back, the translation report and the numbers check all ask here.

A practice is complete in a language when every text its page shows is in that language: its
narrative, title, summary, the note on the city's role, its scope's name, its actors' names
(where they are descriptions) and roles, its links' labels and its sources' publishers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel import numbers

from ..base import catalog, paths
from ..base.facets import LISTS
from ..model.model import Atlas, Practice


@dataclass(frozen=True)
class Translation:
    """Which parts of a text are not yet in the edition's language (they are shown in another, along its chain)."""

    lang: str
    missing: tuple[str, ...] = ()  # 'narrative', 'title', 'actors[0].role'…

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Texts:
    """One text of the atlas in each language it is written in, and where an editor finds it."""

    where: str  # the file (or the practice's folder) an editor opens
    part: str  # the field in it: 'summary', 'actors[0].role'; 'narrative' for a practice's Markdown
    texts: Mapping[str, str]  # language -> text
    files: Mapping[str, str] | None = None  # a guide text is one file per language: language -> its file

    def name(self, lang: str) -> str:
        """The text in `lang` as an editor writes it: its file, else its field."""
        if self.files is not None:
            return self.files[lang].removeprefix(paths.GUIDE + "/")
        return paths.narrative_name(lang) if self.part == "narrative" else f"{self.part}.{lang}"


def practice_texts(practice: Practice) -> Iterator[Texts]:
    """Every text a practice's page shows, the narrative first."""
    data, slug = practice.data, practice.slug

    def texts(part: str, value: Mapping[str, str]) -> Texts:
        return Texts(slug, part, value)

    yield texts("narrative", practice.narratives)
    for name in ("title", "summary", "city_role_note"):
        if name in data:
            yield texts(name, data[name])
    if practice.scope:
        yield texts("scope.name", practice.scope["name"])
    for index, actor in enumerate(data["actors"]):
        if isinstance(actor.get("name"), dict):  # a description, not a proper name
            yield texts(f"actors[{index}].name", actor["name"])
        if "role" in actor:
            yield texts(f"actors[{index}].role", actor["role"])
    for index, link in enumerate(data.get("links", [])):
        yield texts(f"links[{index}].label", link["label"])
    for index, source in enumerate(data["sources"]):
        if isinstance(source["publisher"], dict):
            yield texts(f"sources[{index}].publisher", source["publisher"])


def other_texts(atlas: Atlas) -> Iterator[Texts]:
    """Every text readers meet beside the practices': the vocabulary, the cities' names, the
    guide's texts and the actors' profiles."""
    for name in LISTS:
        for key, entry in atlas.vocabulary.get(name, {}).items():
            for field in ("label", "description"):
                if field in entry:
                    yield Texts(paths.VOCABULARY_FILE, f"{name}.{key}.{field}", entry[field])
    for key, city in atlas.cities.items():
        yield Texts(paths.CITIES_FILE, f"{key}.name", city["name"])
    if atlas.guide is not None:
        guide = atlas.guide
        for text in [
            guide.method,
            *guide.levers.values(),
            *guide.groups.values(),
            *(step.text for step in guide.steps),
            *guide.cities.values(),
        ]:
            yield Texts(paths.GUIDE, f"{text.kind}/{text.key}", text.texts, text.files)
        guide_yml = {
            "method": {"steps": [{"title": step.title, "practices": step.practices} for step in guide.steps]},
            "recommendations": guide.recommendations,
            "glossary": guide.glossary,
            "actor_profile": guide.actor_profile,
        }
        yield from _text_blocks(atlas, guide_yml, paths.GUIDE_FILE)
    for actor in atlas.actors.values():
        yield Texts(actor.display, "name", actor.data["name"])
        for key, value in actor.data["profile"].items():
            yield Texts(actor.display, f"profile.{key}", value)


def practice_translation(practice: Practice, lang: str) -> Translation:
    return Translation(lang, tuple(texts.part for texts in practice_texts(practice) if not texts.texts.get(lang)))


def practice_gaps(atlas: Atlas, lang: str) -> list[tuple[str, list[str]]]:
    """(slug, missing texts) of every practice not complete in `lang`."""
    gaps = (
        (slug, [texts.name(lang) for texts in practice_texts(practice) if not texts.texts.get(lang)])
        for slug, practice in atlas.practices.items()
    )
    return [(slug, missing) for slug, missing in gaps if missing]


def texts_gaps(atlas: Atlas, lang: str) -> list[tuple[str, list[str]]]:
    """(file, missing texts) of the other texts readers meet, the interface's first."""
    gaps: dict[str, list[str]] = {f"hooks/atlas/i18n/{lang}.yml": catalog.missing_texts(atlas.languages, lang)}
    for texts in other_texts(atlas):
        if not texts.texts.get(lang):
            gaps.setdefault(texts.where, []).append(texts.name(lang))
    return [(where, missing) for where, missing in gaps.items() if missing]


def _text_blocks(atlas: Atlas, node, where: str, path: str = "") -> Iterator[Texts]:
    """The {language: text} blocks under `node`, with their field paths."""
    if atlas.languages.is_texts(node):
        yield Texts(where, path, node)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _text_blocks(atlas, value, where, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _text_blocks(atlas, value, where, f"{path}[{index}]")


_LINK_TARGETS = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|\{[^}]*\}")
_SPACES = "\u0020\u00a0\u202f"


@functools.cache
def _number_pattern(lang: str) -> re.Pattern:
    """A number as `lang` writes it: Babel's digit-group and decimal signs, or a space between groups."""
    group = re.escape(numbers.get_group_symbol(lang)) + _SPACES
    decimal = re.escape(numbers.get_decimal_symbol(lang))
    return re.compile(
        rf"(?<![\d{decimal}])\d{{1,3}}(?:[{group}]\d{{3}})+(?!\d)(?:{decimal}\d+)?|(?<![\d{decimal}])\d+(?:{decimal}\d+)?"
    )


def figures(text: str, lang: str) -> set[Decimal]:
    """The numbers and years a text states, whatever the language's way of writing them."""
    decimal = numbers.get_decimal_symbol(lang)
    found = set()
    for written in _number_pattern(lang).findall(_LINK_TARGETS.sub("]", text)):
        digits = "".join(char for char in written if char.isdigit() or char == decimal).replace(decimal, ".")
        found.add(Decimal(digits).normalize())
    return found


def changed_figures(atlas: Atlas) -> list[tuple[str, str, str, list[str]]]:
    """(file, text, language, figures) of every translation that drops or changes a figure the
    reference language's text states (the reference is the text faithful to the sources)."""
    reference = atlas.languages.default
    found = []
    every_text = [texts for practice in atlas.practices.values() for texts in practice_texts(practice)]
    for texts in every_text + list(other_texts(atlas)):
        if not texts.texts.get(reference):
            continue
        expected = figures(texts.texts[reference], reference)
        for lang, text in texts.texts.items():
            if lang != reference and text and (missing := expected - figures(text, lang)):
                found.append((texts.where, texts.name(lang), lang, sorted(f"{number:f}" for number in missing)))
    return found
