"""The actors' pages: each actor's profile with its practices, the index of actors, a city's
ecosystem by helix, and the guide's blank actor profile (to print)."""

from __future__ import annotations

import datetime

from babel.dates import format_date
from markupsafe import Markup, escape

from . import actors, routes
from .cards import city_view, facet_url, practice_card
from .model import Atlas
from .narrative import render_narrative
from .schema import load_schema
from .views import Text, link, sort_key, text, ui, vocabulary_text

HELIX = ("public", "private", "academic", "civil-society", "international")  # the order a city's ecosystem is read in


def profile_sections(lang: str) -> list[tuple[str, str, str]]:
    """(key, title, what it holds) of each section of a profile, in `lang`, from the schema (one definition)."""
    sections = load_schema("actor")["$defs"]["profile"]["properties"]
    french = lang == "fr"
    return [
        (key, node["x-title-fr"] if french else node["title"], node["x-description-fr"] if french else node["description"])
        for key, node in sections.items()
    ]


def _sections(atlas: Atlas, profile: dict, lang: str, display: str, page: str) -> list[dict]:
    default = atlas.languages.default
    shown = []
    for key, title, _ in profile_sections(lang):
        texts = profile.get(key)
        if not texts:
            continue
        text_lang = lang if lang in texts else default
        rendered = render_narrative(texts[text_lang], display, frozenset(), page)
        shown.append(
            {"key": key, "title": title, "html": Markup(rendered.html), "lang": text_lang, "fallback": text_lang != lang}
        )
    return shown


def profile_summary(atlas: Atlas, slug: str, lang: str, limit: int = 300) -> str:
    """An actor's description as plain text, at most `limit` characters (link previews, meta)."""
    sections = _sections(
        atlas,
        {"description": atlas.actors[slug].data["profile"]["description"]},
        lang,
        atlas.actors[slug].display,
        routes.actor(slug),
    )
    plain = " ".join(Markup(sections[0]["html"]).striptags().split())
    return plain if len(plain) <= limit else plain[: limit - 1].rsplit(" ", 1)[0] + "…"


def _type_order(type_key: str) -> int:
    return HELIX.index(type_key) if type_key in HELIX else len(HELIX)


def actor_summary(atlas: Atlas, slug: str, lang: str) -> dict:
    """What lists show of an actor: its name, type, cities and themes, its number of practices."""
    data, default = atlas.actors[slug].data, atlas.languages.default
    return {
        "slug": slug,
        "name": text(data["name"], lang, default),
        "url": atlas.routes.page_url(routes.actor(slug), lang),
        "type": data["type"],
        "type_label": vocabulary_text(atlas, "actor_types", data["type"], lang),
        "cities": [city_view(atlas, key, lang) for key in actors.cities_of(atlas, slug)],
        "themes": actors.themes_of(atlas, slug),
        "count": len(actors.practices_of(atlas)[slug]),
        "sort_key": sort_key(text(data["name"], lang, default).text.unescape()),
    }


def actors_index_view(atlas: Atlas, lang: str) -> dict:
    """Every profiled actor, by helix; the options of the filter (type, city, theme), with counts."""
    summaries = sorted(
        (actor_summary(atlas, slug, lang) for slug in atlas.actors), key=lambda s: (_type_order(s["type"]), s["sort_key"])
    )
    counts = {"type": {}, "city": {}, "theme": {}}
    for summary in summaries:
        for facet, keys in (
            ("type", [summary["type"]]),
            ("city", [c["key"] for c in summary["cities"]]),
            ("theme", summary["themes"]),
        ):
            for key in keys:
                counts[facet][key] = counts[facet].get(key, 0) + 1
    labels = {
        "type": lambda key: vocabulary_text(atlas, "actor_types", key, lang),
        "city": lambda key: text(atlas.cities[key]["name"], lang, atlas.languages.default),
        "theme": lambda key: vocabulary_text(atlas, "themes", key, lang),
    }
    options = {
        facet: sorted(
            ({"key": key, "label": labels[facet](key), "count": count} for key, count in found.items()),
            key=lambda o: (_type_order(o["key"]) if facet == "type" else 0, sort_key(o["label"].text.unescape())),
        )
        for facet, found in counts.items()
    }
    groups = [
        {
            "type": type_key,
            "label": vocabulary_text(atlas, "actor_types", type_key, lang),
            "actors": [s for s in summaries if s["type"] == type_key],
        }
        for type_key in dict.fromkeys(s["type"] for s in summaries)
    ]
    return {
        "groups": groups,
        "count": len(summaries),
        "options": options,
        "template_url": atlas.routes.page_url(routes.ACTOR_TEMPLATE, lang),
    }


def actor_view(atlas: Atlas, slug: str, lang: str) -> dict:
    actor, default = atlas.actors[slug], atlas.languages.default
    data, strings = actor.data, ui(lang, default)
    practices = sorted(actors.practices_of(atlas)[slug], key=lambda item: practice_card(atlas, item[0], lang)["sort_key"])
    reviewed = datetime.date.fromisoformat(data["last_reviewed"])
    return {
        **actor_summary(atlas, slug, lang),
        "type_url": facet_url(atlas, "actor", data["type"], lang),
        "since": data.get("since"),
        "links": [link(text(item["label"], lang, default), escape(item["url"])) for item in data.get("links", [])],
        "sections": _sections(atlas, data["profile"], lang, actor.display, routes.actor(slug)),
        "practices": [
            {"card": practice_card(atlas, practice, lang), "role": text(role, lang, default)} for practice, role in practices
        ],
        "sources": [
            {
                "title": escape(s["title"]),
                "publisher": escape(s["publisher"]),
                "year": s.get("year"),
                "url": escape(s["url"]) if s.get("url") else None,
            }
            for s in data["sources"]
        ],
        "last_reviewed": escape(strings["last_reviewed"].format(date=format_date(reviewed, "long", locale=lang))),
        "last_reviewed_iso": reviewed.isoformat(),
        "index_url": atlas.routes.page_url(routes.ACTORS, lang),
    }


def ecosystem_view(atlas: Atlas, city: str, lang: str) -> list[dict]:
    """A city's innovation actors by helix: profiled ones link their profile, others are named."""
    found = actors.ecosystem(atlas, city)
    default = atlas.languages.default
    return [
        {
            "type": type_key,
            "label": vocabulary_text(atlas, "actor_types", type_key, lang),
            "actors": sorted(
                [
                    {
                        "name": text(atlas.actors[slug].data["name"], lang, default),
                        "url": atlas.routes.page_url(routes.actor(slug), lang),
                    }
                    for slug in found[type_key]["profiled"]
                ]
                + [{"name": Text(escape(name), lang, False), "url": None} for name in found[type_key]["named"]],
                key=lambda item: sort_key(item["name"].text.unescape()),
            ),
        }
        for type_key in sorted(found, key=_type_order)
    ]


def actor_template_view(atlas: Atlas, lang: str) -> dict:
    """The guide's actor profile template, section by section, with its fictional example."""
    template, default = atlas.guide.actor_profile, atlas.languages.default
    example = template["example"]
    shown = {
        section["key"]: section
        for section in _sections(atlas, example["profile"], lang, f"{routes.GUIDE_DIR}/guide.yml", routes.ACTOR_TEMPLATE)
    }
    source = atlas.guide.source
    return {
        "sections": [
            {"key": key, "title": title, "what": what, "example": shown.get(key)} for key, title, what in profile_sections(lang)
        ],
        "example_name": text(example["name"], lang, default),
        "example_type": vocabulary_text(atlas, "actor_types", example["type"], lang),
        "source": {
            "title": escape(source["title"]),
            "publisher": escape(source["publisher"]),
            "year": source.get("year"),
            "section": escape(template["section"]),
        },
        "actors_url": atlas.routes.page_url(routes.ACTORS, lang),
    }
