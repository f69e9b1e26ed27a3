"""One page of each type the atlas publishes, and what it shows once its scripts have run: the
browser tests visit each in every language on a slow phone, the benchmark weighs each and asks
Lighthouse about it. Paths are from a language's root; the pages are the real atlas's."""

from __future__ import annotations

NOT_FOUND = "not found"  # the one page served with status 404 (Lighthouse audits only pages that load)

# type -> (path, a selector present once the page's scripts are done, or None)
PAGE_TYPES = {
    "home": ("", None),
    "practices' index": ("practices/", ".atlas-index--ready"),
    "practice": ("practices/lyon-centsept/", None),
    "world map": ("map/", None),
    "overview": ("themes/", None),
    "theme": ("themes/social-innovation/", None),
    "city": ("cities/lyon/", None),
    "country": ("countries/ci/", None),
    "lever": ("levers/public-incubator/", None),
    "city's roles": ("city-roles/", None),
    "actors' index": ("actors/", ".atlas-list--ready"),
    "actor": ("actors/tuba/", None),
    "blank actor profile": ("actor-profile/", None),
    "method": ("method/", None),
    "step": ("method/diagnosis/", None),
    "glossary": ("glossary/", None),
    "recommendations": ("recommendations/", None),
    "search": ("search/?q=innovation", ".pagefind-ui__result-link"),
    "about": ("about/", None),
    "open data": ("data/", None),
    "contributor guide": ("contribuer/", None),
    NOT_FOUND: ("no-such-page/", None),
}
