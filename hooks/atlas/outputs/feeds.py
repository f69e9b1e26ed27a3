"""An Atom feed (RFC 4287) per language of new and revised practices, newest first: a practice
is new on its `published` date and revised on its `last_reviewed` date, both from its case
file (never the build's clock or git history). Entries are the practices' records;
ElementTree does the escaping."""

from __future__ import annotations

from xml.etree import ElementTree

from ..base import routes
from ..model.model import Atlas
from ..records.published import newest
from ..views import File, publisher_name, ui

ATOM = "http://www.w3.org/2005/Atom"


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    """The language's feed, at the site's root whatever the language (routes.feed)."""
    return [] if only else [File(routes.feed(lang, atlas.languages.default), feed_xml(atlas, lang), shared=True)]


def _moment(date: str) -> str:
    return f"{date}T00:00:00Z"


def feed_xml(atlas: Atlas, lang: str) -> str:
    strings, absolute = ui(atlas, lang), atlas.publication.absolute
    site_name, _ = atlas.publication.site_name(lang)
    entries = newest(atlas, lang)
    ElementTree.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
        element.text = text
        return element

    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    feed_url = absolute(routes.feed(lang, atlas.languages.default))
    add(feed, "id", feed_url)
    add(feed, "title", strings["feed_title"].format(site=site_name))
    add(feed, "subtitle", strings["feed_subtitle"])
    add(feed, "updated", _moment(max((r.last_reviewed for r in entries), default=atlas.publication.generated_at[:10])))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=absolute(atlas.routes.page_url(routes.HOME, lang)))
    add(add(feed, "author"), "name", publisher_name(atlas, lang))
    add(feed, "rights", strings["feed_rights"])
    for record in entries:
        url = absolute(record.url)
        entry = add(feed, "entry")
        add(entry, "id", url)
        add(entry, "title", record.title.text)
        add(entry, "link", rel="alternate", type="text/html", hreflang=record.narrative.lang, href=url)
        add(entry, "published", _moment(record.published))
        add(entry, "updated", _moment(record.last_reviewed))
        where = ", ".join(place.name for place in record.places) or record.scope.name.text
        add(entry, "summary", f"{where}. {record.summary.text if record.summary else ''}".strip(), type="text")
        for theme in record.themes:
            add(entry, "category", term=theme.key, label=theme.label.text)
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"
