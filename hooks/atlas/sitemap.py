"""The sitemap: every page in every language, each with its hreflang alternates, absolute (from
site_url). The default language's build writes it for every language, so that it is the same
whether the languages are built one after the other or in parallel (hooks/atlas_hooks.py)."""

from __future__ import annotations

from xml.etree import ElementTree

from .model import Atlas
from .site import site_pages

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def page_path(src_uri: str) -> str:
    """A hand-written page's path from its source in docs/ ('about.md' -> 'about', 'index.md' -> '')."""
    path = src_uri.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("/index")


def sitemap_xml(atlas: Atlas, hand_written: list[str]) -> str:
    """`hand_written`: the sources of docs/'s pages in the default language (index.md, about.md…)."""
    paths = sorted({page_path(src) for src in hand_written} | {page.path for page in site_pages(atlas, atlas.languages.default)})
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    absolute, page_url = atlas.publication.absolute, atlas.routes.page_url
    for lang in atlas.languages.codes:
        for path in paths:
            url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(page_url(path, lang))
            for code in atlas.languages.codes:
                link = {"rel": "alternate", "hreflang": code, "href": absolute(page_url(path, code))}
                ElementTree.SubElement(url, f"{{{XHTML}}}link", link)
    ElementTree.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(urlset, encoding="unicode") + "\n"
