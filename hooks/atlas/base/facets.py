"""The controlled lists of practices/vocabulary.yml and the facets readers browse and filter by:
one table of their names, their pages' folders and how messages call their values. How a
practice's keys and a value's label are found is in records/facets.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ControlledList:
    name: str  # its name in practices/vocabulary.yml
    key_def: str | None  # its keys' definition in schemas/vocabulary-keys.schema.json, where editors write them
    one: str  # what messages call one of its values
    several: str


LISTS = {
    entry.name: entry
    for entry in (
        ControlledList("themes", "theme", "theme", "themes"),
        ControlledList("levers", "lever", "lever", "levers"),
        ControlledList("lever_groups", "lever_group", "group of levers", "groups of levers"),
        ControlledList("city_roles", "city_role", "city role", "city roles"),
        ControlledList("actor_types", "actor_type", "actor type", "actor types"),
        ControlledList("statuses", "status", "status", "statuses"),
        ControlledList("regions", "region", "region", "regions"),
        ControlledList("sdgs", None, "goal", "goals"),
    )
}


@dataclass(frozen=True)
class Facet:
    id: str  # the filter's name in addresses (?theme=health) and data files
    folder: str  # the folder of its pages (themes/health/) and of its API answers
    list_name: str | None = None  # its list in practices/vocabulary.yml, if it has one
    ordered_by_label: bool = True  # listed by label; otherwise in the vocabulary's order

    def path(self, key: str) -> str:
        """The page of one value: 'themes/health'."""
        return f"{self.folder}/{key}"


FACETS: tuple[Facet, ...] = (
    Facet("role", "city-roles", "city_roles", ordered_by_label=False),
    Facet("city", "cities"),
    Facet("country", "countries"),
    Facet("region", "regions", "regions"),
    Facet("theme", "themes", "themes"),
    Facet("lever", "levers", "levers", ordered_by_label=False),
    Facet("actor", "actor-types", "actor_types", ordered_by_label=False),
    Facet("status", "statuses", "statuses", ordered_by_label=False),
    Facet("sdg", "sdgs", "sdgs", ordered_by_label=False),
)
FACETS_BY_ID = {facet.id: facet for facet in FACETS}

MAP_FILTERS = ("role", "region", "theme", "lever")  # the facets the world map filters by
