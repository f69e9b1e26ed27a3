"""The page of one practice: everything its case file says, in one language."""

from __future__ import annotations

import datetime

from babel.dates import format_date
from markupsafe import escape

from . import routes
from .actors import entries
from .cards import city_view, facet_url, scope_view
from .facets import FACETS_BY_ID
from .model import Atlas, Practice
from .narrative import practice_narrative
from .records import points
from .sections import missing_optional
from .structured_data import practice_article
from .views import html_safe_json, link, text, ui, vocabulary_text


def practice_view(atlas: Atlas, practice: Practice, lang: str) -> dict:
    default = atlas.languages.default
    data = practice.data
    strings = ui(lang, default)

    def chips(facet_id: str) -> list[dict]:
        facet = FACETS_BY_ID[facet_id]
        return [
            link(facet.label(atlas, key, lang), atlas.routes.page_url(facet.url_path(key), lang))
            for key in facet.practice_keys(atlas, practice)
        ]

    reviewed = datetime.date.fromisoformat(data["last_reviewed"])
    narrative_lang = lang if lang in practice.narratives else default
    missing = missing_optional("practices", narrative_lang, practice_narrative(practice, narrative_lang).toc)
    return {
        "slug": practice.slug,
        "lang": lang,
        "jsonld": html_safe_json(practice_article(atlas, practice, lang)),  # in the page's head
        "title": text(data["title"], lang, default),
        "summary": text(data.get("summary"), lang, default),
        "translated": lang in practice.narratives,
        "narrative_lang": narrative_lang,
        "role": chips("role")[0] if data.get("city_role") else None,
        "role_note": text(data.get("city_role_note"), lang, default),
        # One line where the sources report no results or challenges (those sections are then left out).
        "missing": strings["missing_sections"].format(
            what=strings["missing_both" if len(missing) == 2 else f"missing_{missing[0]}"]
        )
        if missing
        else None,
        "cities": [city_view(atlas, key, lang) for key in practice.cities],
        "scope": scope_view(atlas, practice, lang),
        "status": link(
            vocabulary_text(atlas, "statuses", data["status"], lang), facet_url(atlas, "status", data["status"], lang)
        ),
        "years": _years(data.get("start_year"), data.get("end_year"), strings),
        "themes": chips("theme"),
        "levers": chips("lever"),
        "actor_types": chips("actor"),
        "sdgs": [
            link(
                f"{strings['sdg'].format(number=n)} · {vocabulary_text(atlas, 'sdgs', n, lang)}",
                facet_url(atlas, "sdg", str(n), lang),
            )
            for n in data.get("sdgs", [])
        ],
        "actors": [
            {
                "name": text(actor["name"], lang, default) if isinstance(actor["name"], dict) else escape(actor["name"]),
                "type": vocabulary_text(atlas, "actor_types", actor["type"], lang),
                "role": text(actor.get("role"), lang, default),
                "url": escape(actor["url"]) if actor.get("url") else None,
                # a profiled actor links its profile in the atlas
                "profile": atlas.routes.page_url(routes.actor(actor["actor"]), lang) if actor["actor"] else None,
            }
            for actor in entries(atlas, practice)
        ],
        "links": [link(text(item["label"], lang, default), escape(item["url"])) for item in data.get("links", [])],
        "sources": [
            {
                "title": escape(source["title"]),
                "publisher": escape(source["publisher"]),
                "year": source.get("year"),
                "url": escape(source["url"]) if source.get("url") else None,
                "pages": escape(strings["pages"].format(pages=source["pages"])) if source.get("pages") else None,
            }
            for source in data["sources"]
        ],
        "last_reviewed": escape(strings["last_reviewed"].format(date=format_date(reviewed, "long", locale=lang))),
        "last_reviewed_iso": reviewed.isoformat(),
        "map_url": atlas.routes.file_url(routes.map_frame("practices", practice.slug), lang) if points(atlas, practice) else None,
        "related": [
            link(text(atlas.practices[slug].data["title"], lang, default), atlas.routes.page_url(routes.practice(slug), lang))
            for slug in data.get("related", [])
        ],
    }


def _years(start, end, strings) -> str | None:
    if start and end:
        return f"{start}–{end}" if end != start else str(start)
    if start:
        return strings["since"].format(start=start)
    return str(end) if end else None
