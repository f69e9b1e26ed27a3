"""The actors' pages: each actor's profile with its practices, the index of actors, and the
guide's blank actor profile, to print.

The index lists the actors by helix, 50 a page with page links (complete without JavaScript);
its filter (type, city, theme) fetches `data/actors.json` once a reader chooses a value, so
that the first download stays one page of cards however many actors the atlas profiles."""

from __future__ import annotations

from markupsafe import Markup

from ..base import paths, routes
from ..model.model import Atlas
from ..records import facets
from ..records.actors import ActorRecord, actor_record, helix_order, profile_sections, sections
from ..records.facets import sort_key
from ..records.guide import citation
from ..records.practice import place, practice_record
from ..records.values import Localized, localized
from ..views import (
    PAGE_SIZE,
    File,
    Page,
    contact_url,
    html_safe_json,
    list_page_title,
    long_date,
    page_count,
    page_links,
    page_of,
    ui,
)


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    """The index of actors, the guide's blank actor profile, and each actor's page (with `only`,
    a preview: that practice's actors)."""
    strings = ui(atlas, lang)
    shown = {entry["actor"] for entry in atlas.practices[only].data["actors"] if "actor" in entry} if only else set(atlas.actors)
    result = [
        Page(
            routes.list_page(routes.ACTORS, number),
            "actors-index.html",
            list_page_title(atlas, lang, strings["actors_title"], number),
            lambda number=number: index_view(atlas, lang, number),
            "actors_index",
            in_nav=number == 1,
            description=strings["actors_description"],
        )
        for number in range(1, page_count(len(atlas.actors)) + 1)
    ]
    result += [
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


FILTERS = {"type": "actor", "city": "city", "theme": "theme"}  # the index's filters, and the facet of each one's values


def ordered(atlas: Atlas, lang: str) -> list[ActorRecord]:
    """Every profiled actor in the index's order: by helix, then by name."""
    return atlas.derived(
        ("actors_index", lang),
        lambda: sorted(
            (actor_record(atlas, slug, lang) for slug in atlas.actors),
            key=lambda r: (helix_order(r.type.key), sort_key(r.name.text)),
        ),
    )


def filter_options(atlas: Atlas, lang: str) -> dict[str, list]:
    """The options of the index's filters (type, city, theme): each value with its number of
    actors, types in the helix's order, the others by label; counted once per language (every
    page of the index shows them)."""

    def compute():
        counted: dict[str, dict[str, int]] = {name: {} for name in FILTERS}
        for record in ordered(atlas, lang):
            for name, keys in (("type", (record.type.key,)), ("city", record.cities), ("theme", record.themes)):
                for key in keys:
                    counted[name][key] = counted[name].get(key, 0) + 1
        return {
            name: sorted(
                ((facets.term(atlas, FILTERS[name], key, lang), count) for key, count in found.items()),
                key=lambda o: (helix_order(o[0].key) if o[0].facet == "actor" else 0, sort_key(o[0].label.text)),
            )
            for name, found in counted.items()
        }

    return atlas.derived(("actors_filter_options", lang), compute)


def index_view(atlas: Atlas, lang: str, number: int = 1) -> dict:
    """One page of the actors, by helix; the options of the filter (type, city, theme), with counts."""
    strings = ui(atlas, lang)
    actors = ordered(atlas, lang)
    shown = page_of(actors, number)
    types = {record.type.key: record.type for record in shown}  # in the helix's order: the actors are sorted so
    groups = [{"type": term, "actors": [listed(atlas, r) for r in shown if r.type.key == key]} for key, term in types.items()]
    return {
        "title": list_page_title(atlas, lang, strings["actors_title"], number),
        "groups": groups,
        "count": len(actors),
        "options": filter_options(atlas, lang),
        "page_links": page_links(atlas, lang, routes.ACTORS, number, len(actors)),
        "data_url": atlas.routes.file_url(routes.ACTORS_DATA, lang),
        "script_url": routes.ACTORS_SCRIPT,
        "template_url": atlas.routes.page_url(routes.ACTOR_TEMPLATE, lang),
    }


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    return [File(routes.ACTORS_DATA, html_safe_json(filter_data(atlas, lang)))]


def filter_data(atlas: Atlas, lang: str) -> dict:
    """What the index's filter shows of every actor, in the index's order, PAGE_SIZE at a time:
    [key, name, type, cities, themes, count of practices]; the labels of the types, cities (and
    each city's country) and countries; from the site root, where an actor's, a city's and a
    country's pages are (their folder, then the key and "/"). A label shown in another language
    than `lang` is [label, its language]."""

    def shown(text: Localized) -> str | list[str]:
        return [text.text, text.lang] if text.fallback else text.text

    actors = ordered(atlas, lang)
    places = {key: place(atlas, key, lang) for key in dict.fromkeys(city for r in actors for city in r.cities)}
    folder = atlas.routes.page_url
    return {
        "page_size": PAGE_SIZE,
        "actors": [[r.slug, shown(r.name), r.type.key, list(r.cities), list(r.themes), r.count] for r in actors],
        "types": {r.type.key: shown(r.type.label) for r in actors},
        "cities": {key: [shown(p.city.label), p.country.key] for key, p in places.items()},
        "countries": {p.country.key: shown(p.country.label) for p in places.values()},
        "folders": {
            "actor": folder(routes.ACTORS, lang),
            "city": folder(routes.facet("city"), lang),
            "country": folder(routes.facet("country"), lang),
        },
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
