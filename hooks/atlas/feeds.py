"""An Atom feed (RFC 4287) per language of new and revised practices, newest first: a practice
is new on its `published` date and revised on its `last_reviewed` date, both from its case
file (never the build's clock or git history). Entries are the practices' documents
(hooks/atlas/records.py); ElementTree does the escaping."""

from __future__ import annotations

from xml.etree import ElementTree

from . import routes
from .model import Atlas
from .records import practice_document
from .views import ui

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 100  # the newest; older practices stay in the open data


def _moment(date: str) -> str:
    return f"{date}T00:00:00Z"


def newest(atlas: Atlas, lang: str) -> list[dict]:
    """The documents of the practices last revised (then first published) most recently."""
    documents = [practice_document(atlas, practice, lang) for practice in atlas.practices.values()]
    documents.sort(key=lambda d: (d["last_reviewed"], d["published"], d["slug"]), reverse=True)
    return documents[:FEED_ENTRIES]


def feed_xml(atlas: Atlas, lang: str) -> str:
    default = atlas.languages.default
    strings, absolute = ui(lang, default), atlas.publication.absolute
    site_name, _ = atlas.publication.site_name(lang)
    entries = newest(atlas, lang)
    ElementTree.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
        element.text = text
        return element

    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    feed_url = absolute(routes.feed(lang, default))
    add(feed, "id", feed_url)
    add(feed, "title", strings["feed_title"].format(site=site_name))
    add(feed, "subtitle", strings["feed_subtitle"])
    add(feed, "updated", _moment(max((d["last_reviewed"] for d in entries), default=atlas.publication.generated_at[:10])))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=absolute(atlas.routes.page_url(routes.HOME, lang)))
    author = add(feed, "author")
    add(author, "name", atlas.publication.publisher_name(lang, default))
    add(feed, "rights", strings["feed_rights"])
    for document in entries:
        entry = add(feed, "entry")
        add(entry, "id", document["url"])
        add(entry, "title", document["title"])
        add(entry, "link", rel="alternate", type="text/html", hreflang=document["language"], href=document["url"])
        add(entry, "published", _moment(document["published"]))
        add(entry, "updated", _moment(document["last_reviewed"]))
        where = ", ".join(f"{place['city']} ({place['country']})" for place in document["places"]) or document["scope"]["name"]
        add(entry, "summary", f"{where}. {document['summary']}".strip(), type="text")
        for theme in document["themes"]:
            add(entry, "category", term=theme["key"], label=theme["label"])
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"
