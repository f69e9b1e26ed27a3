"""schema.org structured data (JSON-LD) for search engines: a practice as an Article with its
places, themes, sources and last review, and the site with its publisher. Plain data, written
into pages as JSON escaped for HTML (views.html_safe_json): text from a practice file stays inert."""

from __future__ import annotations

from . import routes
from .facets import FACETS_BY_ID
from .model import Atlas, Practice
from .records import practice_record


def _publisher(atlas: Atlas, lang: str) -> dict:
    url = (atlas.publication.publisher or {}).get("url")
    name = atlas.publication.publisher_name(lang, atlas.languages.default)
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def website(atlas: Atlas, lang: str) -> dict:
    site_name, description = atlas.publication.site_name(lang)
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name,
        "description": description,
        "url": atlas.publication.absolute(atlas.routes.page_url(routes.HOME, lang)),
        "inLanguage": lang,
        "publisher": _publisher(atlas, lang),
    }


def practice_article(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """The case: its title and summary in the page's language (or French), where it happens, its themes."""
    record = practice_record(atlas, practice, lang)
    places = []
    for lat, lon, index in record["points"]:
        name = record["places"][index]["city"] if record["places"] else record["scope"]["name"]
        places.append({"@type": "Place", "name": name, "geo": {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}})
    located = {place["name"] for place in places}
    places += [{"@type": "Place", "name": place["city"]} for place in record["places"] if place["city"] not in located]
    if record["scope"] and not places:
        places.append({"@type": "Place", "name": record["scope"]["name"]})
    themes = FACETS_BY_ID["theme"]
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": record["title"],
        "description": record["summary"],
        "inLanguage": record["language"],
        "url": atlas.publication.absolute(record["url"]),
        "dateModified": practice.data["last_reviewed"],
        "spatialCoverage": places,
        "about": [
            {"@type": "Thing", "name": str(themes.label(atlas, key, lang).text.unescape())} for key in record["keys"]["theme"]
        ],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": source["title"],
                "publisher": {"@type": "Organization", "name": source["publisher"]},
                **({"datePublished": str(source["year"])} if source.get("year") else {}),
                **({"url": source["url"]} if source.get("url") else {}),
            }
            for source in practice.data["sources"]
        ],
        "isPartOf": {
            "@type": "WebSite",
            "name": atlas.publication.site_name(lang)[0],
            "url": atlas.publication.absolute(atlas.routes.page_url(routes.HOME, lang)),
        },
        "publisher": _publisher(atlas, lang),
    }
