"""The world map's markers put back together from its chunks as the map script reads them
(data/map.json, then data/map/<region>.json): what the tests compare with the practices' pages
and exports."""

from __future__ import annotations

import json
from pathlib import Path


def merged(chunks: list[list[dict]]) -> dict[str, dict]:
    """{slug: {rank, slug, title, places, points}} of the practices with a point, their points
    from every region's chunk, in their order."""
    markers: dict[str, dict] = {}
    for chunk in chunks:
        for marker in chunk:
            markers.setdefault(marker["slug"], {**marker, "points": []})["points"] += marker["points"]
    for marker in markers.values():
        marker["points"].sort(key=lambda point: point[2])
    return markers


def map_markers(site: Path, prefix: str = "") -> dict[str, dict]:
    """The markers of one edition of a built site (`prefix`: '', 'en/'); each region's count is its chunk's."""
    first = json.loads((site / f"{prefix}data/map.json").read_text(encoding="utf-8"))
    chunks = []
    for region in first["regions"]:
        chunk = json.loads((site / first["chunks"]["markers"].replace("{region}", region["key"])).read_text(encoding="utf-8"))
        assert sum(len(marker["points"]) for marker in chunk) == region["count"], region["key"]
        chunks.append(chunk)
    return merged(chunks)


def map_chunk_files(first: dict) -> set[str]:
    """Every chunk of markers that data/map.json (`first`) names: one a region with a point."""
    return {first["chunks"]["markers"].replace("{region}", region["key"]) for region in first["regions"]}
