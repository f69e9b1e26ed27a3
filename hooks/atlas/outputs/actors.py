"""The actors' pages: each actor's profile with its practices, the index of actors (filtered by
type, city and theme), and the guide's blank actor profile, to print."""

from __future__ import annotations

from markupsafe import Markup

from ..base import paths, routes
from ..model.model import Atlas
from ..records import facets
from ..records.actors import ActorRecord, actor_record, helix_order, profile_sections, sections
from ..records.facets import sort_key
from ..records.guide import citation
from ..records.practice import place, practice_record
from ..records.values import localized
from ..views import Page, contact_url, long_date, ui


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    """The index of actors, the guide's blank actor profile, and each actor's page (with `only`,
    a preview: that practice's actors)."""
    strings = ui(atlas, lang)
    shown = {entry["actor"] for entry in atlas.practices[only].data["actors"] if "actor" in entry} if only else set(atlas.actors)
    result = [
        Page(
            routes.ACTORS,
            "actors-index.html",
            strings["actors_title"],
            lambda: index_view(atlas, lang),
            "actors_index",
            in_nav=True,
            description=strings["actors_description"],
        ),
        Page(
            routes.ACTOR_TEMPLATE,
            "actor-template.html",
            strings["actor_template_title"],
            lambda: template_view(atlas, lang),
            "actor_template",
            in_nav=True,
            description=strings["actor_template_description"],
        ),
    ]
    for slug in (slug for slug in atlas.actors if slug in shown):
        record = actor_record(atlas, slug, lang)
        result.append(
            Page(
                routes.actor(slug),
                "actor.html",
                record.name.text,
                lambda record=record: actor_view(atlas, record),
                "actor",
                description=summary(record),
            )
        )
    return result


def summary(record: ActorRecord, limit: int = 300) -> str:
    """An actor's description as plain text, at most `limit` characters (link previews, meta)."""
    description = next(section for section in record.sections if section.key == "description")
    plain = " ".join(Markup(description.html).striptags().split())
    return plain if len(plain) <= limit else plain[: limit - 1].rsplit(" ", 1)[0] + "…"


def listed(atlas: Atlas, record: ActorRecord) -> dict:
    """What lists show of an actor: its record, and its cities as places."""
    return {"record": record, "places": [place(atlas, key, record.lang) for key in record.cities]}


def index_view(atlas: Atlas, lang: str) -> dict:
    """Every profiled actor, by helix; the options of the filter (type, city, theme), with counts."""
    actors = sorted(
        (actor_record(atlas, slug, lang) for slug in atlas.actors), key=lambda r: (helix_order(r.type.key), sort_key(r.name.text))
    )
    counted: dict[str, dict[str, int]] = {"type": {}, "city": {}, "theme": {}}
    for record in actors:
        for facet, keys in (("type", [record.type.key]), ("city", record.cities), ("theme", record.themes)):
            for key in keys:
                counted[facet][key] = counted[facet].get(key, 0) + 1
    facet_of = {"type": "actor", "city": "city", "theme": "theme"}
    options = {
        facet: sorted(
            ((facets.term(atlas, facet_of[facet], key, lang), count) for key, count in found.items()),
            key=lambda option: (helix_order(option[0].key) if option[0].facet == "actor" else 0, sort_key(option[0].label.text)),
        )
        for facet, found in counted.items()
    }
    types = {record.type.key: record.type for record in actors}  # in the helix's order: the actors are sorted so
    groups = [{"type": term, "actors": [listed(atlas, r) for r in actors if r.type.key == key]} for key, term in types.items()]
    return {
        "groups": groups,
        "count": len(actors),
        "options": options,
        "template_url": atlas.routes.page_url(routes.ACTOR_TEMPLATE, lang),
    }


def actor_view(atlas: Atlas, record: ActorRecord) -> dict:
    lang = record.lang
    practices = sorted(
        ((practice_record(atlas, practice, lang), role) for practice, role in record.practices),
        key=lambda item: sort_key(item[0].title.text),
    )
    return {
        **listed(atlas, record),
        "practices": practices,
        "last_reviewed": ui(atlas, lang)["last_reviewed"].format(date=long_date(record.last_reviewed, lang)),
        "index_url": atlas.routes.page_url(routes.ACTORS, lang),
        "contact_url": contact_url(atlas, lang, record.name.text, record.url),
    }


def template_view(atlas: Atlas, lang: str) -> dict:
    """The guide's actor profile template, section by section, with its fictional example."""
    template = atlas.guide.actor_profile
    example = template["example"]
    shown = {s.key: s for s in sections(atlas, example["profile"], lang, paths.GUIDE_FILE, routes.ACTOR_TEMPLATE)}
    return {
        "sections": [
            {"key": key, "title": title, "what": what, "example": shown.get(key)}
            for key, title, what in profile_sections(atlas, lang)
        ],
        "example_name": localized(atlas.languages, example["name"], lang),
        "example_type": facets.label(atlas, "actor", example["type"], lang),
        "source": citation(atlas, template["section"], lang),
        "actors_url": atlas.routes.page_url(routes.ACTORS, lang),
    }
