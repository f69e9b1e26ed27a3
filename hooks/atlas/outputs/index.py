"""The practices' index: every practice as a list of cards, 50 a page with page links (complete
without JavaScript), a filter form, and the data the filter script works from.

The filter's data is in chunks, so that what a reader downloads does not grow with the atlas:
`data/practices.json` holds only what the filter needs first (the addresses, the interface's
words, the countries' names); each facet's values, labels and practices, the start years, the
words of the titles, summaries and places (by their first letter) and the cards (25 a slice) are
files of `data/practices/`, fetched when a filter asks for them. A practice is a number there:
its rank in the index's order; a list of practices is written as the differences between
consecutive ranks (small numbers, which gzip packs well)."""

from __future__ import annotations

import re
import unicodedata

from ..base import routes
from ..base.facets import FACETS
from ..model.model import Atlas
from ..records import facets
from ..records.practice import PracticeRecord, records
from ..views import PAGE_SIZE, File, Page, html_safe_json, list_page_title, page_count, page_links, page_of, ui

CARDS_PER_CHUNK = 25  # a filter's first results are spread over the atlas: small slices load little for each


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    return [
        Page(
            routes.list_page(routes.PRACTICES, number),
            "practices-index.html",
            list_page_title(atlas, lang, strings["index_title"], number),
            lambda number=number: view(atlas, lang, number),
            "index",
            in_nav=number == 1,
            hide=("toc", "navigation"),  # no headings to list, the tabs lead elsewhere: the results take the room
            description=strings["index_description"],
        )
        for number in range(1, page_count(len(atlas.practices)) + 1)
    ]


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    ordered = records(atlas, lang)
    chunks = [File(routes.FILTER_DATA, html_safe_json(filter_data(atlas, lang)))]
    chunks += [File(routes.filter_facet(facet.id), html_safe_json(facet_chunk(atlas, facet.id, lang))) for facet in FACETS]
    chunks.append(File(routes.FILTER_YEARS, html_safe_json([r.start_year or 0 for r in ordered])))
    chunks += [
        File(routes.filter_words(initial), html_safe_json(postings)) for initial, postings in word_chunks(atlas, lang).items()
    ]
    chunks += [
        File(routes.filter_cards(number), html_safe_json([card(r) for r in ordered[start : start + CARDS_PER_CHUNK]]))
        for number, start in enumerate(range(0, len(ordered), CARDS_PER_CHUNK))
    ]
    return chunks


def view(atlas: Atlas, lang: str, number: int = 1) -> dict:
    strings = ui(atlas, lang)
    years = [p.data["start_year"] for p in atlas.practices.values() if p.data.get("start_year")]
    ordered = records(atlas, lang)
    return {
        "title": list_page_title(atlas, lang, strings["index_title"], number),
        "records": page_of(ordered, number),
        "total": len(ordered),
        # Each facet's values are written by the filter script when its group is opened (a city's
        # checkbox for each of thousands of cities would weigh on every reader's first paint).
        "facets": [{"id": facet.id, "title": strings[f"facet_{facet.id}_plural"]} for facet in FACETS],
        "year_min": min(years, default=None),
        "year_max": max(years, default=None),
        "data_url": atlas.routes.file_url(routes.FILTER_DATA, lang),
        "script_url": routes.FILTER_SCRIPT,
        "page_links": page_links(atlas, lang, routes.PRACTICES, number, len(ordered)),
    }


def filter_data(atlas: Atlas, lang: str) -> dict:
    """What the index's filter needs first in `lang`: where the rest is, and the interface's words."""
    strings = ui(atlas, lang)
    file_url = atlas.routes.file_url
    return {
        "total": len(atlas.practices),
        "page_size": PAGE_SIZE,
        "cards_per_chunk": CARDS_PER_CHUNK,
        # From the site root: a practice's page is base + slug + "/", a facet value's folders[facet] + key + "/".
        "base": atlas.routes.page_url(routes.PRACTICES, lang),
        "folders": {facet.id: atlas.routes.page_url(facet.folder, lang) for facet in FACETS},
        "chunks": {
            "facets": {facet.id: file_url(routes.filter_facet(facet.id), lang) for facet in FACETS},
            "years": file_url(routes.FILTER_YEARS, lang),
            "words": file_url(routes.filter_words("{initial}"), lang),
            "initials": "".join(word_chunks(atlas, lang)),  # the first letters that begin a word
            "cards": file_url(routes.filter_cards("{number}"), lang),
        },
        "levers": {term.key: term.label.text for term in facets.options(atlas, "lever", lang)},  # the cards' chips
        "ui": {
            "all": strings["all"],
            "titles": {facet.id: strings[f"facet_{facet.id}_plural"] for facet in FACETS},
            **{key: strings[key] for key in ("suggest_country", "suggest_region", "suggest_remove", "suggest_words")},
        },
        # A reader's words that name a country without practices lead to its region (vocabulary.yml › regions › countries).
        "countries": {code.lower(): name for code, name in facets.country_names(lang).items()},
        "regions": {term.key: term.label.text for term in facets.options(atlas, "region", lang)},
        "region_of": {
            code.lower(): key for key, region in atlas.vocabulary["regions"].items() for code in region.get("countries", [])
        },
    }


def gaps(ranks: list[int]) -> list[int]:
    """Sorted ranks as the differences between consecutive ones: [3, 4, 9] -> [3, 1, 5]."""
    return [rank - previous for previous, rank in zip([0] + ranks, ranks, strict=False)]


def facet_chunk(atlas: Atlas, facet_id: str, lang: str) -> list[list]:
    """A facet's values that have practices, in the filter's order: [key, label, gaps of the
    ranks of its practices] and, for a label shown in another language, that language."""
    rank = {r.slug: index for index, r in enumerate(records(atlas, lang))}
    by_key = facets.practices_by_key(atlas, facet_id)
    values = []
    for term in facets.options(atlas, facet_id, lang):
        ranks = sorted(rank[practice.slug] for practice in by_key.get(term.key, []))
        if ranks:
            values.append([term.key, term.label.text, gaps(ranks)] + ([term.label.lang] if term.label.fallback else []))
    return values


NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def words(text: str) -> list[str]:
    """A text's words as the filter script compares them (its `normalize`): without accents,
    lower-case, letters and digits of ASCII only ("L’Eau" -> "l", "eau")."""
    folded = unicodedata.normalize("NFKD", text).lower().encode("ascii", "ignore").decode()
    return NOT_LETTERS.sub(" ", folded).split()


def word_chunks(atlas: Atlas, lang: str) -> dict[str, dict[str, list[int]]]:
    """Every word of the practices' titles, summaries and places, grouped by its first letter: the
    gaps of the ranks of the practices that have it (a typed word matches the words it begins)."""
    return atlas.derived(("filter_words", lang), lambda: _word_chunks(records(atlas, lang)))


def _word_chunks(ordered: list[PracticeRecord]) -> dict[str, dict[str, list[int]]]:
    found: dict[str, dict[str, list[int]]] = {}
    for rank, record in enumerate(ordered):
        text = " ".join([record.title.text, record.summary.text if record.summary else "", *record.place_names])
        for word in set(words(text)):
            found.setdefault(word[0], {}).setdefault(word, []).append(rank)
    return {initial: {word: gaps(ranks) for word, ranks in sorted(chunk.items())} for initial, chunk in sorted(found.items())}


def card(record: PracticeRecord) -> list:
    """What a card of the filter's results shows: slug, title, places, summary, levers' keys."""
    return [
        record.slug,
        record.title.text,
        ", ".join(record.place_names),
        record.summary.text if record.summary else "",
        [term.key for term in record.levers],
    ]
