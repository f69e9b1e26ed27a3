"""What the generated pages show: pure data for the Jinja templates in overrides/.

Every string that comes from a practice file is escaped here, once, with markupsafe
(MkDocs renders themes without autoescaping), so a template cannot forget to.
Localized texts that fall back to the default language carry that language, so the
page can mark them with ``lang`` for readers, screen readers and search engines.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from .model import Atlas, Practice, localized


@dataclass(frozen=True)
class Text:
    """A localized text, escaped; prints as HTML, wrapped with its language when it differs from the page's."""

    text: Markup
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return Markup('<span lang="{}">{}</span>').format(self.lang, self.text) if self.fallback else self.text

    __html__ = __str__


@dataclass(frozen=True)
class GeneratedDocument:
    """A page to add to the site: its source path in the docs tree and its Markdown."""

    src_uri: str
    markdown: str
    slug: str
    lang: str


@cache
def ui_strings() -> dict:
    return yaml.safe_load((Path(__file__).with_name("strings.yml")).read_text(encoding="utf-8"))


def ui(lang: str, default: str) -> dict:
    strings = ui_strings()
    return {**strings[default], **strings.get(lang, {})}


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case (Ouagadougou before Île-de-France would be wrong)."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


def lang_prefix(atlas: Atlas, lang: str) -> str:
    return "" if lang == atlas.languages.default else f"{lang}/"


def practice_url(atlas: Atlas, slug: str, lang: str) -> str:
    """The page's URL from the site root, e.g. 'practices/lyon-centsept/' or 'en/practices/lyon-centsept/'."""
    return f"{lang_prefix(atlas, lang)}practices/{slug}/"


def practice_src_uri(atlas: Atlas, slug: str, lang: str) -> str:
    return practice_url(atlas, slug, lang) + "index.md"


def practice_documents(atlas: Atlas, lang: str) -> list[GeneratedDocument]:
    """One page per practice in `lang`; the narrative falls back to the default language."""
    default = atlas.languages.default
    return [
        GeneratedDocument(practice_src_uri(atlas, slug, lang), practice.narratives.get(lang) or practice.narratives[default], slug, lang)
        for slug, practice in atlas.practices.items()
    ]


def practice_images(atlas: Atlas, practices_dir: Path, lang: str) -> list[tuple[str, Path]]:
    """(src_uri, file) of each image, beside its practice's page in `lang`."""
    return [
        (practice_url(atlas, slug, lang) + name, practices_dir / slug / name)
        for slug, practice in atlas.practices.items()
        for name in practice.images
    ]


def text(texts: dict | None, lang: str, default: str) -> Text | None:
    value, value_lang = localized(texts, lang, default)
    return None if value is None else Text(escape(value), value_lang, value_lang != lang)


def vocabulary_text(atlas: Atlas, list_name: str, key, lang: str) -> Text:
    return text(atlas.vocabulary[list_name][str(key)]["label"], lang, atlas.languages.default)


def city_view(atlas: Atlas, key: str, lang: str) -> dict:
    city = atlas.cities[key]
    return {
        "key": key,
        "name": text(city["name"], lang, atlas.languages.default),
        "country": escape(country_name(city["country"], lang)),
        "region": vocabulary_text(atlas, "regions", city["region"], lang),
    }


@cache
def _territories(lang: str) -> dict:
    return Locale.parse(lang).territories


def country_name(code: str, lang: str) -> str:
    return _territories(lang).get(code, code)


def practice_page(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """Everything a practice page shows, in `lang`."""
    default = atlas.languages.default
    data = practice.data
    strings = ui(lang, default)
    title = text(data["title"], lang, default)
    summary = text(data.get("summary"), lang, default)
    actors = data["actors"]
    actor_types = list(dict.fromkeys(actor["type"] for actor in actors))
    reviewed = datetime.date.fromisoformat(data["last_reviewed"])
    return {
        "slug": practice.slug,
        "lang": lang,
        "title": title,
        "summary": summary,
        "translated": lang in practice.narratives,
        "narrative_lang": lang if lang in practice.narratives else default,
        "cities": [city_view(atlas, key, lang) for key in data["cities"]],
        "status": vocabulary_text(atlas, "statuses", data["status"], lang),
        "years": _years(data.get("start_year"), data.get("end_year"), strings),
        "themes": [vocabulary_text(atlas, "themes", key, lang) for key in data["themes"]],
        "levers": [vocabulary_text(atlas, "levers", key, lang) for key in data["levers"]],
        "actor_types": [vocabulary_text(atlas, "actor_types", key, lang) for key in actor_types],
        "actors": [
            {
                "name": escape(actor["name"]),
                "type": vocabulary_text(atlas, "actor_types", actor["type"], lang),
                "role": text(actor.get("role"), lang, default),
                "url": escape(actor["url"]) if actor.get("url") else None,
            }
            for actor in actors
        ],
        "sdgs": [{"number": number, "label": vocabulary_text(atlas, "sdgs", number, lang)} for number in data.get("sdgs", [])],
        "links": [{"url": escape(link["url"]), "label": text(link["label"], lang, default)} for link in data.get("links", [])],
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
        "related": [
            {"title": text(atlas.practices[slug].data["title"], lang, default), "url": practice_url(atlas, slug, lang)}
            for slug in data.get("related", [])
        ],
    }


def _years(start, end, strings) -> str | None:
    if start and end:
        return f"{start}–{end}" if end != start else str(start)
    if start:
        return strings["since"].format(start=start)
    return str(end) if end else None


def page_meta(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """Page metadata MkDocs and Material copy into <title>, the header and <meta name=description>, escaped."""
    default = atlas.languages.default
    title, _ = localized(practice.data["title"], lang, default)
    summary, _ = localized(practice.data.get("summary"), lang, default)
    meta = {"title": escape(title)}
    if summary:
        meta["description"] = escape(summary)
    return meta


def home_page(atlas: Atlas, lang: str) -> dict:
    """Figures and the practices grouped by country then city, for the home page."""
    default = atlas.languages.default
    used_cities = {key for practice in atlas.practices.values() for key in practice.cities}
    by_city: dict[str, list] = {}
    for slug, practice in atlas.practices.items():
        by_city.setdefault(practice.cities[0], []).append(
            {"title": text(practice.data["title"], lang, default), "url": practice_url(atlas, slug, lang)}
        )
    countries: dict[str, dict] = {}
    for key in sorted(by_city, key=lambda k: sort_key(localized(atlas.cities[k]["name"], lang, default)[0])):
        city = city_view(atlas, key, lang)
        code = atlas.cities[key]["country"]
        countries.setdefault(code, {"name": city["country"], "cities": []})["cities"].append(
            {"name": city["name"], "practices": sorted(by_city[key], key=lambda p: sort_key(p["title"].text))}
        )
    return {
        "practices": len(atlas.practices),
        "cities": len(used_cities),
        "countries": len({atlas.cities[key]["country"] for key in used_cities}),
        "by_country": sorted(countries.values(), key=lambda c: sort_key(c["name"])),
    }
