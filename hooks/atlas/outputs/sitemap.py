"""The sitemap: every page in every language, each with its hreflang alternates (and the default language's
page as x-default, for a reader whose language the atlas does not have), absolute (from
site_url). The default language's build writes it for every language, so that it is the same
whether the languages are built one after the other or in parallel (hooks/atlas_hooks.py).

A sitemap holds at most 50,000 addresses (the protocol's limit): beyond them, sitemap.xml is
an index of sitemaps of 50,000 addresses each, sitemap-1.xml, sitemap-2.xml… at the site's
root, where the search engines look (a sitemap may list only addresses under its own folder).
At ~600 bytes an address with its alternates in three languages, each stays far below the
protocol's other limit, 50 MB."""

from __future__ import annotations

from xml.etree import ElementTree

from ..base import routes
from ..model.model import Atlas

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000  # addresses in one sitemap (sitemaps.org protocol)


def sitemaps(atlas: Atlas, paths: list[str], limit: int | None = None) -> dict[str, str]:
    """{file: XML}: sitemap.xml alone when every address fits in one sitemap; else sitemap.xml,
    the index of the sitemaps of `limit` addresses each (MAX_URLS: a test passes fewer).
    `paths`: every page's language-neutral path (the routes of the site's pages)."""
    limit = limit or MAX_URLS
    entries = [(path, lang) for lang in atlas.languages.codes for path in sorted(set(paths))]
    if len(entries) <= limit:
        return {routes.SITEMAP: _urlset(atlas, entries)}
    parts = {
        routes.sitemap_part(number): _urlset(atlas, entries[start : start + limit])
        for number, start in enumerate(range(0, len(entries), limit), start=1)
    }
    return {routes.SITEMAP: _index(atlas, list(parts)), **parts}


def _urlset(atlas: Atlas, entries: list[tuple[str, str]]) -> str:
    """A sitemap of (path, language) pages."""
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    absolute, page_url = atlas.publication.absolute, atlas.routes.page_url
    for path, lang in entries:
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(page_url(path, lang))
        for code, hreflang in [(code, code) for code in atlas.languages.codes] + [(atlas.languages.default, "x-default")]:
            link = {"rel": "alternate", "hreflang": hreflang, "href": absolute(page_url(path, code))}
            ElementTree.SubElement(url, f"{{{XHTML}}}link", link)
    return _xml(urlset)


def _index(atlas: Atlas, files: list[str]) -> str:
    """A sitemap index: where each sitemap is."""
    index = ElementTree.Element(f"{{{SITEMAP}}}sitemapindex")
    for file in files:
        entry = ElementTree.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ElementTree.SubElement(entry, f"{{{SITEMAP}}}loc").text = atlas.publication.absolute(file)
    return _xml(index)


def _xml(root: ElementTree.Element) -> str:
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
