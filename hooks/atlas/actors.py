"""Innovation actors: a practice's actor entries resolved against the actors' profiles, and
what links them both ways (an actor's practices, a city's ecosystem)."""

from __future__ import annotations

from .model import Atlas, Practice


def entries(atlas: Atlas, practice: Practice) -> list[dict]:
    """A practice's actors, each with its name ({language: text} or text), type, role, official
    address and, when it has one, its profile's key: a profiled actor takes its name and type
    from its profile (practices/actors/<key>.yml)."""
    resolved = []
    for entry in practice.data["actors"]:
        profile = atlas.actors[entry["actor"]].data if "actor" in entry else None
        resolved.append(
            {
                "actor": entry.get("actor"),
                "name": profile["name"] if profile else entry["name"],
                "type": profile["type"] if profile else entry["type"],
                "role": entry.get("role"),
                "url": entry.get("url"),
            }
        )
    return resolved


def practices_of(atlas: Atlas) -> dict[str, list[tuple[Practice, dict | None]]]:
    """Each profiled actor's practices, with its role in each (computed once per load)."""

    def compute():
        index: dict[str, list] = {slug: [] for slug in atlas.actors}
        for practice in atlas.practices.values():
            for entry in practice.data["actors"]:
                if "actor" in entry:
                    index[entry["actor"]].append((practice, entry.get("role")))
        return index

    return atlas.derived(("actor_practices",), compute)


def cities_of(atlas: Atlas, slug: str) -> list[str]:
    """Where an actor works: the cities of its profile, then those of its practices."""
    cities = list(atlas.actors[slug].data.get("cities", []))
    cities += [city for practice, _ in practices_of(atlas)[slug] for city in practice.cities]
    return list(dict.fromkeys(cities))


def themes_of(atlas: Atlas, slug: str) -> list[str]:
    """What an actor works on, from its practices' themes."""
    return list(dict.fromkeys(theme for practice, _ in practices_of(atlas)[slug] for theme in practice.data["themes"]))


def ecosystem(atlas: Atlas, city: str) -> dict[str, dict]:
    """A city's innovation actors by type: the profiled ones (their keys), and the others its
    practices name (their names), each once."""

    def compute():
        by_city: dict[str, dict[str, dict]] = {}
        for slug in atlas.actors:
            for key in cities_of(atlas, slug):
                group = by_city.setdefault(key, {}).setdefault(atlas.actors[slug].data["type"], {"profiled": [], "named": []})
                if slug not in group["profiled"]:
                    group["profiled"].append(slug)
        for practice in atlas.practices.values():
            for entry in practice.data["actors"]:
                if "actor" in entry:
                    continue
                for key in practice.cities:
                    group = by_city.setdefault(key, {}).setdefault(entry["type"], {"profiled": [], "named": []})
                    if entry["name"] not in group["named"]:
                        group["named"].append(entry["name"])
        return by_city

    return atlas.derived(("ecosystems",), compute).get(city, {})
