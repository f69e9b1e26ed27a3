"""One record per practice and edition: every value its page, its card, the index's and the
map's data, the open data, the feed, the search document and its structured data show, built
once, labels resolved, each text with the language it is in. Outputs read it and nothing else
of the case file."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import paths, routes
from ..base.facets import FACETS
from ..check.narrative import RenderedNarrative, render_narrative
from ..check.sections import missing_optional
from ..model.model import Atlas, Practice
from . import facets
from .actors import ActorEntry, entries
from .translation import Translation, practice_translation
from .values import Link, Localized, Place, Point, Ref, Scope, Source, Term, localized, source


@dataclass(frozen=True)
class Narrative:
    """A practice's narrative as an edition shows it: in its language, else along the chain."""

    lang: str
    fallback: bool
    markdown: str
    rendered: RenderedNarrative  # the checked conversion: HTML, table of contents, headings
    missing_sections: tuple[str, ...]  # the optional sections its sources give nothing for ('results', 'challenges')


@dataclass(frozen=True)
class PracticeRecord:
    slug: str
    lang: str  # the edition
    url: str  # its page, from the site's root
    title: Localized
    summary: Localized | None
    narrative: Narrative
    translation: Translation
    role: Term  # what the city government did (acted: whether it did)
    role_note: Localized | None
    places: tuple[Place, ...]  # its cities, the main one first
    scope: Scope | None  # a practice of a network or region
    points: tuple[Point, ...]  # where maps draw it
    themes: tuple[Term, ...]
    levers: tuple[Term, ...]
    actor_types: tuple[Term, ...]
    status: Term
    start_year: int | None
    end_year: int | None
    sdgs: tuple[Term, ...]
    actors: tuple[ActorEntry, ...]
    links: tuple[Link, ...]
    sources: tuple[Source, ...]
    related: tuple[Ref, ...]
    images: tuple[str, ...]  # names of its images, beside its page
    published: str
    last_reviewed: str
    keys: dict[str, list[str]]  # its keys in every facet (filters, maps)

    @property
    def fallback_language(self) -> str | None:
        """The language of the first text its page shows in another language than the edition's (the narrative first)."""
        texts = [self.title, self.summary, self.role_note, self.scope.name if self.scope else None]
        texts += [text for actor in self.actors for text in (actor.name, actor.role)] + [link.label for link in self.links]
        texts += [cited.publisher for cited in self.sources]
        if self.narrative.fallback:
            return self.narrative.lang
        return next((text.lang for text in texts if text is not None and text.fallback), None)

    @property
    def place_names(self) -> list[str]:
        """Where it is, as lists say it: 'Lyon (France)' for each city, then a network or region's name."""
        return [place.name for place in self.places] + ([self.scope.name.text] if self.scope else [])


def practice_record(atlas: Atlas, practice: Practice, lang: str) -> PracticeRecord:
    """A practice's record in the `lang` edition, built once per load."""
    return atlas.derived(("record", lang, practice.slug), lambda: _build(atlas, practice, lang))


def records(atlas: Atlas, lang: str, practices=None) -> list[PracticeRecord]:
    """The records of `practices` (every practice by default), in the order of their titles in `lang`."""
    if practices is None:
        return atlas.derived(("records", lang), lambda: records(atlas, lang, list(atlas.practices.values())))
    return sorted((practice_record(atlas, practice, lang) for practice in practices), key=lambda r: facets.sort_key(r.title.text))


def place(atlas: Atlas, city: str, lang: str) -> Place:
    data = atlas.cities[city]
    return Place(
        facets.term(atlas, "city", city, lang),
        facets.term(atlas, "country", data["country"].lower(), lang),
        facets.term(atlas, "region", data["region"], lang),
        data["lat"],
        data["lon"],
    )


def points(atlas: Atlas, practice: Practice) -> tuple[Point, ...]:
    """Its own location (at its first city), else each of its cities; none for a practice of a
    network or region without a location."""
    location = practice.data.get("location")
    if location:
        return (Point(location["lat"], location["lon"], 0),)
    return tuple(Point(atlas.cities[c]["lat"], atlas.cities[c]["lon"], index) for index, c in enumerate(practice.cities))


def narrative(atlas: Atlas, practice: Practice, lang: str) -> Narrative:
    picked = atlas.languages.pick(practice.narratives, lang)
    rendered = render_narrative(
        picked.text, paths.narrative_file(practice.slug, picked.lang), frozenset(practice.images), routes.practice(practice.slug)
    )
    missing = missing_optional("practices", picked.lang, rendered.headings)
    return Narrative(picked.lang, picked.lang != lang, picked.text, rendered, tuple(missing))


def _scope(atlas: Atlas, practice: Practice, lang: str) -> Scope | None:
    scope = practice.scope
    if not scope:
        return None
    return Scope(
        localized(atlas.languages, scope["name"], lang),
        tuple(facets.term(atlas, "country", code.lower(), lang) for code in scope.get("countries", [])),
        tuple(facets.term(atlas, "region", key, lang) for key in scope.get("regions", [])),
    )


def _terms(atlas: Atlas, facet_id: str, keys, lang: str) -> tuple[Term, ...]:
    return tuple(facets.term(atlas, facet_id, key, lang) for key in keys)


def _build(atlas: Atlas, practice: Practice, lang: str) -> PracticeRecord:
    data, languages = practice.data, atlas.languages
    keys = {facet.id: facets.practice_keys(atlas, facet.id, practice) for facet in FACETS}
    return PracticeRecord(
        slug=practice.slug,
        lang=lang,
        url=atlas.routes.page_url(routes.practice(practice.slug), lang),
        title=localized(languages, data["title"], lang),
        summary=localized(languages, data.get("summary"), lang),
        narrative=narrative(atlas, practice, lang),
        translation=practice_translation(practice, lang),
        role=facets.term(atlas, "role", data["city_role"], lang),
        role_note=localized(languages, data.get("city_role_note"), lang),
        places=tuple(place(atlas, city, lang) for city in practice.cities),
        scope=_scope(atlas, practice, lang),
        points=points(atlas, practice),
        themes=_terms(atlas, "theme", keys["theme"], lang),
        levers=_terms(atlas, "lever", keys["lever"], lang),
        actor_types=_terms(atlas, "actor", keys["actor"], lang),
        status=facets.term(atlas, "status", data["status"], lang),
        start_year=data.get("start_year"),
        end_year=data.get("end_year"),
        sdgs=_terms(atlas, "sdg", data.get("sdgs", []), lang),
        actors=tuple(entries(atlas, practice, lang)),
        links=tuple(Link(item["url"], localized(languages, item["label"], lang)) for item in data.get("links", [])),
        sources=tuple(source(languages, item, lang) for item in data["sources"]),
        related=tuple(
            Ref(
                slug,
                localized(languages, atlas.practices[slug].data["title"], lang),
                atlas.routes.page_url(routes.practice(slug), lang),
            )
            for slug in data.get("related", [])
        ),
        images=tuple(sorted(practice.images)),
        published=data["published"],
        last_reviewed=data["last_reviewed"],
        keys=keys,
    )
