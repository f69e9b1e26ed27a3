"""What readers browse and filter by (base/facets.py): a practice's keys in each facet, a value's
label in an edition, every value in reading order, and the practices of each value."""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

from ..base import routes
from ..base.facets import FACETS, FACETS_BY_ID
from ..model.model import Atlas, Practice
from .values import Localized, Term, localized, same


def sort_key(value) -> str:
    """Alphabetical order that ignores accents and case (Île-de-France among the I's)."""
    return unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().casefold()


@cache
def _territories(lang: str) -> dict:
    return Locale.parse(lang).territories


def country_names(lang: str) -> dict[str, str]:
    """Every country's name in `lang` by its ISO 3166-1 code (Babel; not the UN's numeric regions)."""
    return {code: name for code, name in _territories(lang).items() if len(code) == 2 and code.isalpha()}


def country_name(code: str, lang: str) -> str:
    """A country's name in `lang`, from Babel (CLDR)."""
    return _territories(lang).get(code.upper(), code.upper())


def _unique(items) -> list[str]:
    return list(dict.fromkeys(str(item) for item in items))


def actor_types(atlas: Atlas, practice: Practice) -> list[str]:
    """The types of a practice's actors; a profiled actor's is its profile's."""
    return _unique(atlas.actors[e["actor"]].data["type"] if "actor" in e else e["type"] for e in practice.data["actors"])


PRACTICE_KEYS = {
    "role": lambda atlas, p: [p.data["city_role"]],
    "city": lambda atlas, p: list(p.cities),
    "country": lambda atlas, p: _unique(
        [atlas.cities[city]["country"].lower() for city in p.cities] + [c.lower() for c in (p.scope or {}).get("countries", [])]
    ),
    "region": lambda atlas, p: _unique([atlas.cities[city]["region"] for city in p.cities] + (p.scope or {}).get("regions", [])),
    "theme": lambda atlas, p: _unique(p.data["themes"]),
    "lever": lambda atlas, p: _unique(p.data["levers"]),
    "actor": actor_types,
    "status": lambda atlas, p: [p.data["status"]],
    "sdg": lambda atlas, p: _unique(p.data.get("sdgs", [])),
}


def practice_keys(atlas: Atlas, facet_id: str, practice: Practice) -> list[str]:
    return PRACTICE_KEYS[facet_id](atlas, practice)


def all_keys(atlas: Atlas, facet_id: str) -> list[str]:
    """Every value of a facet: its list's keys, every city, every country of a city or a scope."""
    facet = FACETS_BY_ID[facet_id]
    if facet.list_name:
        return list(atlas.vocabulary[facet.list_name])
    if facet_id == "city":
        return list(atlas.cities)
    return _unique(
        [city["country"].lower() for city in atlas.cities.values()]
        + [code.lower() for practice in atlas.practices.values() for code in (practice.scope or {}).get("countries", [])]
    )


def label(atlas: Atlas, facet_id: str, key, lang: str) -> Localized:
    """A value's label in the `lang` edition."""
    facet = FACETS_BY_ID[facet_id]
    if facet.list_name:
        return localized(atlas.languages, atlas.vocabulary[facet.list_name][str(key)]["label"], lang)
    if facet_id == "city":
        return localized(atlas.languages, atlas.cities[key]["name"], lang)
    return same(country_name(key, lang), lang)


def term(atlas: Atlas, facet_id: str, key, lang: str) -> Term:
    """A value of a facet with its label and its page in the `lang` edition (made once per load)."""
    key = str(key)

    def compute() -> Term:
        entry = atlas.vocabulary[FACETS_BY_ID[facet_id].list_name][key] if FACETS_BY_ID[facet_id].list_name else {}
        return Term(
            facet_id,
            key,
            label(atlas, facet_id, key, lang),
            atlas.routes.page_url(routes.facet_value(facet_id, key), lang),
            entry.get("group"),
            entry.get("acted"),
        )

    return atlas.derived(("term", facet_id, key, lang), compute)


def options(atlas: Atlas, facet_id: str, lang: str) -> list[Term]:
    """Every value of a facet in reading order: by label, or in the vocabulary's order."""
    terms = [term(atlas, facet_id, key, lang) for key in all_keys(atlas, facet_id)]
    if FACETS_BY_ID[facet_id].ordered_by_label:
        terms.sort(key=lambda item: sort_key(item.label.text))
    return terms


def practices_by_key(atlas: Atlas, facet_id: str) -> dict[str, list[Practice]]:
    """The practices of each value of a facet (every facet page asks; computed once per load)."""

    def compute():
        index: dict[str, list[Practice]] = {key: [] for key in all_keys(atlas, facet_id)}
        for practice in atlas.practices.values():
            for key in practice_keys(atlas, facet_id, practice):
                index.setdefault(key, []).append(practice)
        return index

    return atlas.derived(("practices_by_key", facet_id), compute)


def counts(atlas: Atlas, facet_id: str) -> dict[str, int]:
    return {key: len(practices) for key, practices in practices_by_key(atlas, facet_id).items()}


FACET_IDS = tuple(facet.id for facet in FACETS)
