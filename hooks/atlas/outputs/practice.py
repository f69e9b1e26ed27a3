"""A practice's page in each language, its structured data (a schema.org Article for search
engines), and its images beside it."""

from __future__ import annotations

from ..base import routes
from ..model.model import Atlas
from ..records.practice import PracticeRecord, practice_record
from ..views import File, Page, contact_url, html_safe_json, long_date, map_marker, organization, report_url, ui


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    result = []
    for slug, practice in atlas.practices.items():
        if only and slug != only:
            continue
        record = practice_record(atlas, practice, lang)
        result.append(
            Page(
                routes.practice(slug),
                "practice.html",
                record.title.text,
                lambda record=record: view(atlas, record),
                "practice",
                content=record.narrative.rendered,
                description=record.summary.text if record.summary else None,
            )
        )
    return result


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    """Its images, beside its page in every language, from the bytes the core checked."""
    return [
        File(name, content, beside_page=routes.practice(slug))
        for slug, practice in atlas.practices.items()
        if not only or slug == only
        for name, content in practice.images.items()
    ]


def view(atlas: Atlas, record: PracticeRecord) -> dict:
    strings, lang = ui(atlas, record.lang), record.lang
    missing = record.narrative.missing_sections
    return {
        "record": record,
        "jsonld": html_safe_json(article(atlas, record)),  # in the page's head
        # One line where the sources report no results or challenges (those sections are then left out).
        "missing": strings["missing_sections"].format(
            what=strings["missing_both" if len(missing) == 2 else f"missing_{missing[0]}"]
        )
        if missing
        else None,
        "years": years(record.start_year, record.end_year, strings),
        "last_reviewed": strings["last_reviewed"].format(date=long_date(record.last_reviewed, lang)),
        # The practices' one frame, told which practice by its address; it reads the markers from this page.
        "map_url": f"{atlas.routes.file_url(routes.PRACTICE_MAP, lang)}#{record.slug}" if record.points else None,
        "map_marker": html_safe_json(map_marker(record, {})) if record.points else None,
        "contact_url": contact_url(atlas, lang, record.title.text, record.url),
        "report_url": report_url(atlas, record.slug),
    }


def years(start, end, strings) -> str | None:
    if start and end:
        return f"{start}–{end}" if end != start else str(start)
    if start:
        return strings["since"].format(start=start)
    return str(end) if end else None


def article(atlas: Atlas, record: PracticeRecord) -> dict:
    """The case for search engines: its title and summary in the page's language (or its
    fallback), where it happens, its themes, its sources."""
    places = []
    for point in record.points:
        name = record.places[point.place].city.label.text if record.places else record.scope.name.text
        places.append(
            {"@type": "Place", "name": name, "geo": {"@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lon}}
        )
    located = {place["name"] for place in places}
    places += [
        {"@type": "Place", "name": place.city.label.text} for place in record.places if place.city.label.text not in located
    ]
    if record.scope and not places:
        places.append({"@type": "Place", "name": record.scope.name.text})
    absolute, home = atlas.publication.absolute, atlas.routes.page_url(routes.HOME, record.lang)
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": record.title.text,
        "description": record.summary.text if record.summary else "",
        "inLanguage": record.narrative.lang,
        "url": absolute(record.url),
        "dateModified": record.last_reviewed,
        "spatialCoverage": places,
        "about": [{"@type": "Thing", "name": theme.label.text} for theme in record.themes],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": source.title,
                **({"inLanguage": source.language} if source.language else {}),
                "publisher": {"@type": "Organization", "name": source.publisher.text},
                **({"datePublished": str(source.year)} if source.year else {}),
                **({"url": source.url} if source.url else {}),
            }
            for source in record.sources
        ],
        "isPartOf": {"@type": "WebSite", "name": atlas.publication.site_name(record.lang)[0], "url": absolute(home)},
        "publisher": organization(atlas, record.lang),
    }
