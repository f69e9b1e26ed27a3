"""The sitemap: every page in every language, each with its hreflang alternates (and the default language's
page as x-default, for a reader whose language the atlas does not have), absolute (from
site_url). The default language's build writes it for every language, so that it is the same
whether the languages are built one after the other or in parallel (hooks/atlas_hooks.py)."""

from __future__ import annotations

from xml.etree import ElementTree

from ..model.model import Atlas

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_xml(atlas: Atlas, paths: list[str]) -> str:
    """`paths`: every page's language-neutral path (the routes of the site's pages)."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    absolute, page_url = atlas.publication.absolute, atlas.routes.page_url
    for lang in atlas.languages.codes:
        for path in sorted(set(paths)):
            url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(page_url(path, lang))
            for code, hreflang in [(code, code) for code in atlas.languages.codes] + [(atlas.languages.default, "x-default")]:
                link = {"rel": "alternate", "hreflang": hreflang, "href": absolute(page_url(path, code))}
                ElementTree.SubElement(url, f"{{{XHTML}}}link", link)
    ElementTree.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(urlset, encoding="unicode") + "\n"
