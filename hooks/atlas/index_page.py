"""The practices index: every practice as a sorted list (complete without JavaScript), a
filter form, and the compact per-language data the filter script works from."""

from __future__ import annotations

from .facets import FACETS, options, practices_by_key
from .model import Atlas
from .views import country_name, lang_prefix, plain, sort_key, sorted_cards, ui, url

DATA_FILE = "data/practices.json"


def index_view(atlas: Atlas, lang: str) -> dict:
    strings = ui(lang, atlas.languages.default)
    years = [p.data["start_year"] for p in atlas.practices.values() if p.data.get("start_year")]
    facets = []
    for facet in FACETS:
        counts = {key: len(practices) for key, practices in practices_by_key(atlas, facet).items()}
        facets.append({
            "id": facet.id,
            "title": strings[f"facet_{facet.id}_plural"],
            "options": [{"key": key, "label": label, "count": counts.get(key, 0)}
                        for key, label in options(atlas, facet, lang) if counts.get(key)],
        })
    return {
        "cards": sorted_cards(atlas, atlas.practices.values(), lang),
        "count": len(atlas.practices),
        "facets": facets,
        "year_min": min(years, default=None),
        "year_max": max(years, default=None),
        "data_url": lang_prefix(atlas, lang) + DATA_FILE,
    }


def practice_record(atlas: Atlas, practice, lang: str) -> dict:
    """One practice as plain data (the scripts write it with textContent): the index's filter
    and the maps read the same records."""
    default = atlas.languages.default
    data = practice.data
    title, summary = plain(data["title"], lang, default), plain(data.get("summary"), lang, default)
    places = [(plain(atlas.cities[c]["name"], lang, default), country_name(atlas.cities[c]["country"], lang)) for c in practice.cities]
    return {
        "slug": practice.slug,
        "title": title,
        "summary": summary or "",
        "places": [f"{city} ({country})" for city, country in places],
        "points": map_points(atlas, practice),
        "keys": {facet.id: facet.practice_keys(atlas, practice) for facet in FACETS},
        "year": data.get("start_year"),
    }


def map_points(atlas: Atlas, practice) -> list[list]:
    """[lat, lon, index of the place in `places`]: the practice's own location, else each of its cities."""
    location = practice.data.get("location")
    if location:
        return [[location["lat"], location["lon"], 0]]
    return [[atlas.cities[c]["lat"], atlas.cities[c]["lon"], index] for index, c in enumerate(practice.cities)]


def filter_data(atlas: Atlas, lang: str) -> dict:
    """The per-language data file of the index's filter (the world map's data is drawn from it)."""
    return atlas.derived(("filter_data", lang), lambda: _filter_data(atlas, lang))


def _filter_data(atlas: Atlas, lang: str) -> dict:
    labels = {facet.id: {key: str(label.text.unescape()) for key, label in options(atlas, facet, lang)} for facet in FACETS}
    practices = sorted(atlas.practices.values(), key=lambda p: sort_key(plain(p.data["title"], lang, atlas.languages.default)))
    strings = ui(lang, atlas.languages.default)
    return {
        "base": url(atlas, "practices", lang),  # a practice's page is base + slug + "/", from the site root
        "labels": labels,
        "ui": {"all": strings["all"], "titles": {facet.id: strings[f"facet_{facet.id}_plural"] for facet in FACETS}},
        "practices": [practice_record(atlas, practice, lang) for practice in practices],
    }
