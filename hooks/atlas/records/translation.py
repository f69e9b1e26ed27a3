"""What "translated" means, once: a text of an edition is translated when it is written in the
edition's language. A practice's page, card, API answer and CSV row, the notice above a text
that falls back, and the translation report all ask here.

A practice is complete in a language when every text its page shows is in that language: its
narrative, title, summary, the note on the city's role, its scope's name, its actors' names
(where they are descriptions) and roles, its links' labels and its sources' publishers."""

from __future__ import annotations

from dataclasses import dataclass

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


def _texts(practice: Practice):
    """(part, {language: text}) of every text a practice's page shows, the narrative first."""
    data = practice.data
    yield "narrative", practice.narratives
    for name in ("title", "summary", "city_role_note"):
        if name in data:
            yield name, data[name]
    if practice.scope:
        yield "scope.name", practice.scope["name"]
    for index, actor in enumerate(data["actors"]):
        if isinstance(actor.get("name"), dict):  # a description, not a proper name
            yield f"actors[{index}].name", actor["name"]
        if "role" in actor:
            yield f"actors[{index}].role", actor["role"]
    for index, link in enumerate(data.get("links", [])):
        yield f"links[{index}].label", link["label"]
    for index, source in enumerate(data["sources"]):
        if isinstance(source["publisher"], dict):
            yield f"sources[{index}].publisher", source["publisher"]


def practice_translation(practice: Practice, lang: str) -> Translation:
    return Translation(lang, tuple(part for part, texts in _texts(practice) if not texts.get(lang)))


def file_part(slug: str, part: str, lang: str) -> str:
    """A missing part as an editor finds it: the narrative's file, else the field in practice.yml."""
    return paths.narrative_name(lang) if part == "narrative" else f"{part}.{lang}"


def practice_gaps(atlas: Atlas, lang: str) -> list[tuple[str, list[str]]]:
    """(slug, missing parts) of every practice not complete in `lang`."""
    return [
        (slug, [file_part(slug, part, lang) for part in translation.missing])
        for slug, practice in atlas.practices.items()
        if not (translation := practice_translation(practice, lang)).complete
    ]


def texts_gaps(atlas: Atlas, lang: str) -> list[tuple[str, list[str]]]:
    """(file, missing parts) of the other texts readers meet: the interface, the vocabulary, the
    cities' names, the guide's texts and the actors' profiles."""
    gaps = [(f"hooks/atlas/i18n/{lang}.yml", catalog.missing_texts(atlas.languages, lang))]
    gaps.append(
        (
            paths.VOCABULARY_FILE,
            [
                f"{name}.{key}.{field}.{lang}"
                for name in LISTS
                for key, entry in atlas.vocabulary.get(name, {}).items()
                for field in ("label", "description")
                if field in entry and not entry[field].get(lang)
            ],
        )
    )
    gaps.append((paths.CITIES_FILE, [f"{key}.name.{lang}" for key, city in atlas.cities.items() if not city["name"].get(lang)]))
    if atlas.guide is not None:
        texts = [atlas.guide.method, *atlas.guide.levers.values(), *atlas.guide.groups.values()]
        texts += [step.text for step in atlas.guide.steps] + list(atlas.guide.cities.values())
        gaps.append((paths.GUIDE, [text.files[lang].removeprefix(paths.GUIDE + "/") for text in texts if lang not in text.texts]))
        guide_yml = {
            "method": {"steps": [{"title": step.title, "practices": step.practices} for step in atlas.guide.steps]},
            "recommendations": atlas.guide.recommendations,
            "glossary": atlas.guide.glossary,
            "actor_profile": atlas.guide.actor_profile,
        }
        gaps.append((paths.GUIDE_FILE, list(_untranslated(atlas, guide_yml, lang))))
    for actor in atlas.actors.values():
        fields = [("name", actor.data["name"])] + [(f"profile.{key}", value) for key, value in actor.data["profile"].items()]
        gaps.append((actor.display, [f"{name}.{lang}" for name, value in fields if not value.get(lang)]))
    return [(where, missing) for where, missing in gaps if missing]


def _untranslated(atlas: Atlas, node, lang: str, path: str = ""):
    """The field paths of the {language: text} blocks under `node` that lack `lang`."""
    if atlas.languages.is_texts(node):
        if not node.get(lang):
            yield f"{path}.{lang}"
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _untranslated(atlas, value, lang, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _untranslated(atlas, value, lang, f"{path}[{index}]")
