"""Innovation actors: a practice's actors resolved against the profiles, what links actors and
practices both ways (an actor's practices, a city's ecosystem), and one record per profile
and edition."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..base import paths, routes
from ..check.narrative import render_narrative
from ..check.schema import load_schema, schema_text
from ..model.model import Atlas, Practice
from . import facets
from .values import Link, Localized, Source, Term, localized, named, source

HELIX = ("public", "private", "academic", "civil-society", "international")  # the order a city's ecosystem is read in


@dataclass(frozen=True)
class ActorEntry:
    """One actor of a practice: a profiled actor takes its name and type from its profile."""

    name: Localized
    type: Term
    role: Localized | None
    url: str | None
    profile: str | None  # its profile's key
    profile_url: str | None


def entries(atlas: Atlas, practice: Practice, lang: str) -> list[ActorEntry]:
    result = []
    for entry in practice.data["actors"]:
        profile = atlas.actors[entry["actor"]].data if "actor" in entry else None
        name = profile["name"] if profile else entry["name"]
        result.append(
            ActorEntry(
                named(atlas.languages, name, lang),
                facets.term(atlas, "actor", profile["type"] if profile else entry["type"], lang),
                localized(atlas.languages, entry.get("role"), lang),
                entry.get("url"),
                entry.get("actor"),
                atlas.routes.page_url(routes.actor(entry["actor"]), lang) if profile else None,
            )
        )
    return result


def practices_of(atlas: Atlas) -> dict[str, list[tuple[Practice, dict | None]]]:
    """Each profiled actor's practices, with its role in each (computed once per load)."""

    def compute():
        index: dict[str, list] = {slug: [] for slug in atlas.actors}
        for practice in atlas.practices.values():
            for entry in practice.data["actors"]:
                if "actor" in entry:
                    index[entry["actor"]].append((practice, entry.get("role")))
        return index

    return atlas.derived(("actor_practices",), compute)


def cities_of(atlas: Atlas, slug: str) -> list[str]:
    """Where an actor works: the cities of its profile, then those of its practices."""
    cities = list(atlas.actors[slug].data.get("cities", []))
    cities += [city for practice, _ in practices_of(atlas)[slug] for city in practice.cities]
    return list(dict.fromkeys(cities))


def themes_of(atlas: Atlas, slug: str) -> list[str]:
    """What an actor works on, from its practices' themes."""
    return list(dict.fromkeys(theme for practice, _ in practices_of(atlas)[slug] for theme in practice.data["themes"]))


def helix_order(type_key: str) -> int:
    return HELIX.index(type_key) if type_key in HELIX else len(HELIX)


def ecosystem(atlas: Atlas, city: str) -> dict[str, list[dict]]:
    """A city's innovation actors by type, each once: the profiled ones (`profile`: its key; those of
    its profile's cities and of its practices') and the organisations its practices name (`name`:
    one text, or a text in each language), each with how many of the city's practices name it
    (`count`); groups and unnamed bodies (`collective`) stay on their practices' pages."""

    def compute():
        by_city: dict[str, dict[str, dict]] = {}  # city, type, the actor's identity: the actor

        def add(key: str, type_key: str, identity: tuple, actor: dict, counted: int) -> None:
            found = by_city.setdefault(key, {}).setdefault(type_key, {}).setdefault(identity, {**actor, "count": 0})
            found["count"] += counted

        for slug, profile in atlas.actors.items():
            for key in profile.data.get("cities", []):
                add(key, profile.data["type"], ("profile", slug), {"profile": slug, "name": None}, 0)
        for practice in atlas.practices.values():
            of_practice = {}
            for entry in practice.data["actors"]:
                if "actor" in entry:
                    of_practice[("profile", entry["actor"])] = (
                        atlas.actors[entry["actor"]].data["type"],
                        {"profile": entry["actor"]},
                    )
                elif not entry.get("collective"):
                    identity = ("name", json.dumps(entry["name"], sort_keys=True, ensure_ascii=False))
                    of_practice[identity] = (entry["type"], {"profile": None, "name": entry["name"]})
            for key in practice.cities:
                for identity, (type_key, actor) in of_practice.items():
                    add(key, type_key, identity, {"name": None, **actor}, 1)
        return {key: {type_key: list(found.values()) for type_key, found in types.items()} for key, types in by_city.items()}

    return atlas.derived(("ecosystems",), compute).get(city, {})


@dataclass(frozen=True)
class Section:
    """A section of a profile (after the guide's template) as an edition shows it."""

    key: str
    title: str
    html: str  # the checked conversion of its Markdown
    lang: str
    fallback: bool


def profile_sections(atlas: Atlas, lang: str) -> list[tuple[str, str, str]]:
    """(key, title, what it holds) of each section of a profile, in `lang`, from the schema (one definition)."""
    sections = load_schema("actor")["$defs"]["profile"]["properties"]
    return [
        (key, schema_text(node, "title", lang, atlas.languages), schema_text(node, "description", lang, atlas.languages))
        for key, node in sections.items()
    ]


def sections(atlas: Atlas, profile: dict, lang: str, display: str, page: str) -> list[Section]:
    """The sections a profile fills, in the template's order, each rendered for `page`."""
    shown = []
    for key, title, _ in profile_sections(atlas, lang):
        picked = atlas.languages.pick(profile.get(key), lang)
        if picked is not None:
            rendered = render_narrative(picked.text, display, frozenset(), page)
            shown.append(Section(key, title, rendered.html, picked.lang, picked.lang != lang))
    return shown


@dataclass(frozen=True)
class ActorRecord:
    slug: str
    lang: str
    url: str
    name: Localized
    type: Term
    cities: tuple[str, ...]  # keys: its profile's cities, then its practices'
    themes: tuple[str, ...]  # keys, from its practices
    practices: tuple[tuple[Practice, Localized | None], ...]  # with its role in each
    since: int | None
    links: tuple[Link, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    last_reviewed: str

    @property
    def count(self) -> int:
        return len(self.practices)


def actor_record(atlas: Atlas, slug: str, lang: str) -> ActorRecord:
    """An actor's record in the `lang` edition, built once per load."""
    return atlas.derived(("actor", lang, slug), lambda: _build(atlas, slug, lang))


def _build(atlas: Atlas, slug: str, lang: str) -> ActorRecord:
    data, languages = atlas.actors[slug].data, atlas.languages
    return ActorRecord(
        slug=slug,
        lang=lang,
        url=atlas.routes.page_url(routes.actor(slug), lang),
        name=localized(languages, data["name"], lang),
        type=facets.term(atlas, "actor", data["type"], lang),
        cities=tuple(cities_of(atlas, slug)),
        themes=tuple(themes_of(atlas, slug)),
        practices=tuple((practice, localized(languages, role, lang)) for practice, role in practices_of(atlas)[slug]),
        since=data.get("since"),
        links=tuple(Link(item["url"], localized(languages, item["label"], lang)) for item in data.get("links", [])),
        sections=tuple(sections(atlas, data["profile"], lang, paths.actor_file(slug), routes.actor(slug))),
        sources=tuple(source(languages, item, lang) for item in data["sources"]),
        last_reviewed=data["last_reviewed"],
    )
