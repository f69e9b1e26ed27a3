"""One page of each type a built site publishes, found in the site itself (not named in advance,
so that an editor's renaming breaks nothing), and what it shows once its scripts have run: the
browser tests visit each in every language, the benchmark weighs each and asks Lighthouse."""

from __future__ import annotations

from pathlib import Path

NOT_FOUND = "not found"  # the one page served with status 404 (Lighthouse audits only pages that load)

# type -> (path from a language's root, '*' standing for the first such page of the site; a
# selector present once the page's scripts are done, or None)
PAGE_TYPES = {
    "home": ("", None),
    "practices' index": ("practices/", ".atlas-index--ready"),
    "practice": ("practices/*/", None),
    "world map": ("map/", None),
    "overview": ("themes/", None),
    "theme": ("themes/*/", None),
    "city": ("cities/*/", None),
    "country": ("countries/*/", None),
    "lever": ("levers/*/", None),
    "city's roles": ("city-roles/", None),
    "actors' index": ("actors/", ".atlas-list--ready"),
    "actor": ("actors/*/", None),
    "blank actor profile": ("actor-profile/", None),
    "method": ("method/", None),
    "step": ("method/*/", None),
    "glossary": ("glossary/", None),
    "recommendations": ("recommendations/", None),
    "search": ("search/?q=innovation", ".atlas-search--ready"),
    "about": ("about/", None),
    "open data": ("data/", None),
    "contributor guide": ("contribuer/", None),
    NOT_FOUND: ("no-such-page/", None),
}


def _first(site: Path, folder: str) -> str:
    """The first page of a folder; a city with practices (it has a map) for cities."""
    if folder == "cities":
        keys = sorted(path.stem for path in (site / "maps" / "cities").glob("*.html"))
    else:
        keys = sorted(path.parent.name for path in (site / folder).glob("*/index.html"))
    if not keys:
        raise LookupError(f"the site has no page in {folder}/")
    return keys[0]


def page_types(site: Path) -> dict[str, tuple[str, str | None]]:
    """PAGE_TYPES with each '*' replaced by a page of the built site at `site` (its default language)."""
    found = {}
    for kind, (path, ready) in PAGE_TYPES.items():
        if "*" in path:
            folder = path.split("/*")[0]
            path = path.replace("*", _first(site, folder))
        found[kind] = (path, ready)
    return found
