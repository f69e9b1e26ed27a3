"""The facets a reader can browse and filter by: one definition serves the facet pages,
the index's filter data and the links on practice pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from . import actors
from .model import Atlas, Practice
from .views import Text, country_name, sort_key, text, vocabulary_text


@dataclass(frozen=True)
class Facet:
    id: str  # the filter's name in URLs (?theme=health) and data files
    path: str  # the folder of its pages (themes/health/)
    practice_keys: Callable[[Atlas, Practice], list[str]]
    all_keys: Callable[[Atlas], list[str]]
    label: Callable[[Atlas, str, str], Text]
    ordered_by_label: bool = True
    list_name: str | None = None  # its list in practices/vocabulary.yml, if it has one

    def url_path(self, key: str) -> str:
        return f"{self.path}/{key}"


def _unique(items) -> list[str]:
    return list(dict.fromkeys(str(item) for item in items))


def _vocabulary_facet(id: str, path: str, list_name: str, practice_keys, ordered_by_label=True) -> Facet:
    return Facet(
        id,
        path,
        practice_keys,
        lambda atlas: list(atlas.vocabulary[list_name]),
        lambda atlas, key, lang: vocabulary_text(atlas, list_name, key, lang),
        ordered_by_label,
        list_name,
    )


def _country_keys(atlas: Atlas, practice: Practice) -> list[str]:
    """Its cities' countries, then the countries of its scope (a practice of a network or region)."""
    return _unique(
        [atlas.cities[city]["country"].lower() for city in practice.cities]
        + [code.lower() for code in (practice.scope or {}).get("countries", [])]
    )


def _region_keys(atlas: Atlas, practice: Practice) -> list[str]:
    return _unique([atlas.cities[city]["region"] for city in practice.cities] + (practice.scope or {}).get("regions", []))


def _all_countries(atlas: Atlas) -> list[str]:
    return _unique(
        [city["country"].lower() for city in atlas.cities.values()]
        + [code.lower() for practice in atlas.practices.values() for code in (practice.scope or {}).get("countries", [])]
    )


FACETS: tuple[Facet, ...] = (
    _vocabulary_facet(
        "role",
        "city-roles",
        "city_roles",
        lambda atlas, p: [p.data["city_role"]] if p.data.get("city_role") else [],
        ordered_by_label=False,
    ),
    Facet(
        "city",
        "cities",
        lambda atlas, p: list(p.cities),
        lambda atlas: list(atlas.cities),
        lambda atlas, key, lang: text(atlas.cities[key]["name"], lang, atlas.languages.default),
    ),
    Facet(
        "country",
        "countries",
        _country_keys,
        _all_countries,
        lambda atlas, key, lang: Text(escape(country_name(key.upper(), lang)), lang, False),
    ),
    _vocabulary_facet("region", "regions", "regions", _region_keys),
    _vocabulary_facet("theme", "themes", "themes", lambda atlas, p: _unique(p.data["themes"])),
    _vocabulary_facet("lever", "levers", "levers", lambda atlas, p: _unique(p.data["levers"]), ordered_by_label=False),
    _vocabulary_facet(
        "actor",
        "actor-types",
        "actor_types",
        lambda atlas, p: _unique(actor["type"] for actor in actors.entries(atlas, p)),
        ordered_by_label=False,
    ),
    _vocabulary_facet("status", "statuses", "statuses", lambda atlas, p: [p.data["status"]], ordered_by_label=False),
    _vocabulary_facet("sdg", "sdgs", "sdgs", lambda atlas, p: _unique(p.data.get("sdgs", [])), ordered_by_label=False),
)
FACETS_BY_ID = {facet.id: facet for facet in FACETS}


def city_acted(atlas: Atlas, practice: Practice) -> bool:
    """Whether the city government did something in the practice (its city_role), or the practice
    is an example from the ecosystem (no role, or none stated)."""
    role = practice.data.get("city_role")
    return bool(role) and atlas.vocabulary["city_roles"][role]["acted"]


def options(atlas: Atlas, facet: Facet, lang: str) -> list[tuple[str, Text]]:
    """(key, label) of every value of `facet`, in reading order."""
    keys = facet.all_keys(atlas)
    labelled = [(key, facet.label(atlas, key, lang)) for key in keys]
    if facet.ordered_by_label:
        labelled.sort(key=lambda item: sort_key(item[1].text))
    return labelled


def practices_by_key(atlas: Atlas, facet: Facet) -> dict[str, list[Practice]]:
    """The practices of each value of `facet` (every facet page asks)."""
    return atlas.derived(("practices_by_key", facet.id), lambda: _practices_by_key(atlas, facet))


def _practices_by_key(atlas: Atlas, facet: Facet) -> dict[str, list[Practice]]:
    index: dict[str, list[Practice]] = {key: [] for key in facet.all_keys(atlas)}
    for practice in atlas.practices.values():
        for key in facet.practice_keys(atlas, practice):
            index.setdefault(key, []).append(practice)
    return index
