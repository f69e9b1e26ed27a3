"""Links between the atlas's own pages, as editors write them in any text: `practice:<slug>`,
`lever:<key>`, `theme:<key>`, `city:<key>`, `step:<key>` (a step of the method), `term:<key>`
(a glossary entry).

The loader checks that each leads to something that exists; the renderer writes it as an
address relative to the page that shows the text. A page and its target share their
language's prefix, so that address is the same in every language.
"""

from __future__ import annotations

import posixpath

from ..base import routes

# scheme -> (what it names, for messages; its page path from a key)
SCHEMES = {
    "practice": ("a practice of the atlas", routes.practice),
    "lever": ("a lever of practices/vocabulary.yml", lambda key: routes.facet_value("lever", key)),
    "theme": ("a theme of practices/vocabulary.yml", lambda key: routes.facet_value("theme", key)),
    "city": ("a city of practices/cities.yml", lambda key: routes.facet_value("city", key)),
    "step": ("a step of the method (practices/guide/guide.yml, method › steps)", routes.step),
    "term": ("a term of the glossary (practices/guide/guide.yml, glossary)", routes.term),
}


def parse(href: str) -> tuple[str, str] | None:
    """('practice', 'lyon-centsept') for 'practice:lyon-centsept'; None for any other address."""
    scheme, colon, key = href.partition(":")
    return (scheme, key) if colon and scheme in SCHEMES else None


def relative_href(scheme: str, key: str, page: str) -> str:
    """The address of the target from `page` (a language-neutral page path, '' for the home page)."""
    target, _, anchor = SCHEMES[scheme][1](key).partition("#")
    href = posixpath.relpath(target or ".", page or ".") + "/"
    href = "./" if href == "./" else href.removeprefix("./")
    return href + (f"#{anchor}" if anchor else "")


def describe(scheme: str) -> str:
    return SCHEMES[scheme][0]


def written(scheme: str, key: str) -> str:
    """The link as an editor writes it."""
    return f"{scheme}:{key}"
