"""The index filter's data of a built site, put back together from its chunks as the filter
script reads them (data/practices.json, then data/practices/…): what the tests compare with the
practices' pages and exports."""

from __future__ import annotations

import json
from itertools import accumulate
from pathlib import Path


def _read(site: Path, url: str):
    return json.loads((site / url).read_text(encoding="utf-8"))


def filter_data(site: Path, prefix: str = "") -> dict:
    """{"practices": [{slug, title, places, summary, levers, keys, year}, …] in the index's order,
    "labels": {facet: {key: label}}} of one edition (`prefix`: '', 'en/')."""
    first = _read(site, f"{prefix}data/practices.json")
    chunks, total = first["chunks"], first["total"]
    practices = []
    for number in range(-(-total // first["cards_per_chunk"])):
        for slug, title, places, summary, levers in _read(site, chunks["cards"].replace("{number}", str(number))):
            practices.append({"slug": slug, "title": title, "places": places, "summary": summary, "levers": levers, "keys": {}})
    assert len(practices) == total
    labels = {}
    for facet, url in chunks["facets"].items():
        labels[facet] = {}
        for key, label, gaps, *_ in _read(site, url):
            labels[facet][key] = label
            for rank in accumulate(gaps):
                practices[rank]["keys"].setdefault(facet, []).append(key)
    for practice, year in zip(practices, _read(site, chunks["years"]), strict=True):
        practice["year"] = year or None
    return {"practices": practices, "labels": labels, "first": first}


def chunk_files(first: dict) -> set[str]:
    """Every chunk that data/practices.json (`first`) names: each facet's, the years, the words of each initial, the cards."""
    chunks = first["chunks"]
    return (
        set(chunks["facets"].values())
        | {chunks["years"]}
        | {chunks["words"].replace("{initial}", initial) for initial in chunks["initials"]}
        | {chunks["cards"].replace("{number}", str(n)) for n in range(-(-first["total"] // first["cards_per_chunk"]))}
    )
