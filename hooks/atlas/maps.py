"""Maps, built with Folium: a world map of every practice, one per city and one per practice.

Each map is its own HTML file, shown in an <iframe> (Folium's global CSS must not touch the
site's). Folium's default CDN scripts and styles (jQuery, Bootstrap, Font Awesome…) are
replaced by Leaflet and Leaflet.markercluster served from the site (copied from the PyPI
packages xstatic-leaflet and xstatic-leaflet-markercluster) and by assets/atlas-map.js,
which draws the markers from data: the practices' records (hooks/atlas/records.py), inline
for small maps, from the world map's data file (hooks/atlas/map_page.py) for the world map.
Only the tiles come from outside; their provider and attribution are settings (mkdocs.yml,
extra › atlas › map_tiles). Page views never import this module (nor Folium).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from branca.element import MacroElement, Template
from markupsafe import escape

from . import routes
from .index_page import places
from .map_page import MAP_FILTERS
from .model import Atlas, localized
from .records import practice_record
from .views import html_safe_json, ui

VENDOR_FILES = {
    "leaflet": (
        Path(xstatic.pkg.leaflet.BASE_DIR),
        [
            "leaflet.js",
            "leaflet.css",
            "images/layers.png",
            "images/layers-2x.png",
            "images/marker-icon.png",
            "images/marker-icon-2x.png",
            "images/marker-shadow.png",
        ],
    ),
    "leaflet.markercluster": (
        Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
        ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"],
    ),
}
ZOOM_LOCK = re.compile(r"initial-scale=1\.0,\s*maximum-scale=1\.0,\s*user-scalable=no")
SCRIPT_AFTER_BODY = re.compile(r"</body>\s*(<script>.*</script>)\s*</html>\s*$", re.S)
DEFAULT_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>',
    "max_zoom": 19,
}


@dataclass(frozen=True)
class MapFile:
    path: str  # language-neutral, e.g. "maps/cities/lyon.html" (hooks/atlas/routes.py)
    html: str


def vendor_files() -> list[tuple[str, Path]]:
    """(site path, file) of Leaflet and its cluster plugin, served by the site itself."""
    return [(f"{routes.VENDOR}/{name}/{file}", base / file) for name, (base, files) in VENDOR_FILES.items() for file in files]


class _PracticeLayer(MacroElement):
    """Hands the map and its options to assets/atlas-map.js; `tojson` escapes <, > and & for the script."""

    _template = Template("""
{% macro script(this, kwargs) %}
atlasMap.show({{ this._parent.get_name() }}, {{ this.options|tojson }});
{% endmacro %}
""")

    def __init__(self, options: dict):
        super().__init__()
        self._name, self._id = "atlas_layer", "0"
        self.options = options


TITLE_SLOT, OPTIONS_SLOT = "atlas-title-slot", "atlas-options-slot"


@cache
def _skeleton(folder: str, tiles_json: str, lang: str) -> str:
    """Folium renders one map document per folder and language (rendering one per map cost
    ~9 ms each: 18 s at 1,000 practices); each map then fills in its title and options."""
    tiles = json.loads(tiles_json)

    def rel(target: str) -> str:
        return posixpath.relpath(target, folder)

    fmap = folium.Map(location=[0, 0], zoom_start=2, tiles=None, scrollWheelZoom=False, control_scale=False)
    fmap._id = "0"
    layer = folium.TileLayer(tiles=tiles["url"], attr=tiles["attribution"], max_zoom=tiles.get("max_zoom", 19))
    layer._id = "0"
    layer.add_to(fmap)
    fmap.default_js = [
        ("leaflet", rel(f"{routes.VENDOR}/leaflet/leaflet.js")),
        ("markercluster", rel(f"{routes.VENDOR}/leaflet.markercluster/leaflet.markercluster.js")),
        ("atlas_map", rel("assets/atlas-map.js")),
    ]
    fmap.default_css = [
        ("leaflet_css", rel(f"{routes.VENDOR}/leaflet/leaflet.css")),
        ("markercluster_css", rel(f"{routes.VENDOR}/leaflet.markercluster/MarkerCluster.css")),
        ("markercluster_default_css", rel(f"{routes.VENDOR}/leaflet.markercluster/MarkerCluster.Default.css")),
        ("atlas_map_css", rel("assets/atlas-map.css")),
    ]
    _PracticeLayer(OPTIONS_SLOT).add_to(fmap)
    figure = fmap.get_root()
    figure.title = TITLE_SLOT
    html = figure.render()
    # The frame's own language, and page zoom: Folium forbids it (user-scalable=no), readers with low vision need it.
    html = html.replace("<html>", f'<html lang="{lang}">', 1)
    # Folium writes its script after </body>, which HTML does not allow: move it inside.
    html = SCRIPT_AFTER_BODY.sub(lambda match: f"{match.group(1)}\n</body>\n</html>\n", html, count=1)
    return ZOOM_LOCK.sub("initial-scale=1.0", html, count=1)


def _folium_map(dest: str, tiles: dict, center, zoom: int, options: dict, lang: str, title: str) -> str:
    """The HTML of one map, written to `dest` (a path from the site root)."""
    folder = posixpath.dirname(dest)
    skeleton = _skeleton(folder, json.dumps(tiles, sort_keys=True), lang)
    options = {**options, "center": center, "zoom": zoom, "root": posixpath.relpath(".", folder) + "/"}
    return skeleton.replace(TITLE_SLOT, str(escape(title)), 1).replace(json.dumps(OPTIONS_SLOT), html_safe_json(options), 1)


def map_files(atlas: Atlas, lang: str, tiles: dict | None = None, only: str | None = None) -> list[MapFile]:
    """The world map, one map per city with practices and one per practice, in `lang`
    (with `only`, a preview: the world map, that practice's map and its cities')."""
    tiles = {**DEFAULT_TILES, **(tiles or {})}
    default = atlas.languages.default
    base = atlas.routes.page_url(routes.PRACTICES, lang)
    frame_title = ui(lang, default)["map_frame"]
    world_file = atlas.routes.file_url(routes.WORLD_MAP, lang)
    files = [
        MapFile(
            routes.WORLD_MAP,
            _folium_map(
                world_file,
                tiles,
                [15, 10],
                2,
                {
                    "dataUrl": routes.relative(atlas.routes.file_url(routes.MAP_DATA, lang), world_file),
                    "cluster": True,
                    "filters": list(MAP_FILTERS),
                    "fit": True,
                },
                lang,
                ui(lang, default)["map_title"],
            ),
        )
    ]
    by_city: dict[str, list] = {}
    for practice in atlas.practices.values():
        record = practice_record(atlas, practice, lang)
        marker = {
            "slug": record["slug"],
            "title": record["title"],
            "summary": record["summary"],
            "places": places(record),
            "points": record["points"],
            "keys": {"city": record["keys"]["city"]},
        }  # a city's map shows a practice at that city only
        for city in practice.cities:
            by_city.setdefault(city, []).append(marker)
        if (only and practice.slug != only) or not record["points"]:  # a practice of a network or region may have no point
            continue
        path = routes.map_frame("practices", practice.slug)
        points = record["points"]
        files.append(
            MapFile(
                path,
                _folium_map(
                    atlas.routes.file_url(path, lang),
                    tiles,
                    points[0][:2],
                    11,
                    {"practices": [marker], "base": base, "fit": len(points) > 1, "maxZoom": 11},
                    lang,
                    frame_title.format(label=record["title"]),
                ),
            )
        )
    for city, markers in by_city.items():
        if only and city not in atlas.practices[only].cities:
            continue
        path = routes.map_frame("cities", city)
        center = [atlas.cities[city]["lat"], atlas.cities[city]["lon"]]
        name = localized(atlas.cities[city]["name"], lang, default)[0]
        files.append(
            MapFile(
                path,
                _folium_map(
                    atlas.routes.file_url(path, lang),
                    tiles,
                    center,
                    11,
                    {"practices": markers, "base": base, "cluster": True, "only": city},
                    lang,
                    frame_title.format(label=name),
                ),
            )
        )
    return files
