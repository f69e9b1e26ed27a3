"""Maps, built with Folium: the world map of every practice (its data in chunks: data/map.json
first, each region's count, then data/map/<region>.json, a region's markers, when the view needs
them; its filter uses the index's chunks), one map per city (a busy city's markers in their own
chunk, data/map/cities/<city>.json, fetched as a region's are), and one frame for every practice
page (maps/practice.html#<slug>, which reads its practice's markers from that page), each its own
HTML file shown in an <iframe> (Folium's global CSS must not touch the site's).

Folium's default CDN scripts and styles (jQuery, Bootstrap, Font Awesome…) are replaced by
Leaflet and Leaflet.markercluster served from the site (from the PyPI packages xstatic-leaflet
and xstatic-leaflet-markercluster) and by assets/atlas-map.js, which draws the markers from
the records: inline for small maps, from the data file for the world map. Only the tiles come
from outside; their provider and attribution are settings (mkdocs.yml, extra › atlas ›
map_tiles)."""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache
from pathlib import Path

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from branca.element import MacroElement, Template
from markupsafe import escape

from ..base import routes
from ..base.facets import MAP_FILTERS
from ..model.model import Atlas
from ..records import facets
from ..records.practice import practice_record, records
from ..views import File, html_safe_json, map_marker, ui

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
TITLE_SLOT, OPTIONS_SLOT = "atlas-title-slot", "atlas-options-slot"
CITY_ZOOM = 11  # a city's map, at first
CITY_MAP_INLINE = 50  # markers a city's map holds itself; beyond, their count first (city_map)


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    """The world map and its data, one map per city with practices and the practices' frame, in
    `lang` (with `only`, a preview: the world map, the practices' frame and that practice's
    cities'); with the default language, Leaflet."""
    result = [File(routes.MAP_DATA, html_safe_json(map_data(atlas, lang))), world_map(atlas, lang), practice_frame(atlas, lang)]
    result += [
        File(routes.map_markers(region), html_safe_json(markers)) for region, markers in region_markers(atlas, lang).items()
    ]
    by_city: dict[str, list] = {}
    for record in (practice_record(atlas, practice, lang) for practice in atlas.practices.values()):  # by slug
        for place in record.places:
            by_city.setdefault(place.city.key, []).append(map_marker(record, keys={"city": record.keys["city"]}))
    for city, markers in by_city.items():
        if not only or city in atlas.practices[only].cities:
            result += city_map(atlas, city, markers, lang)
    if lang == atlas.languages.default:
        result += [File(path, package_file=file, shared=True) for path, file in vendor_files()]
    return result


def vendor_files() -> list[tuple[str, Path]]:
    """(site path, file) of Leaflet and its cluster plugin, served by the site itself."""
    return [(f"{routes.VENDOR}/{name}/{file}", base / file) for name, (base, names) in VENDOR_FILES.items() for file in names]


def map_data(atlas: Atlas, lang: str) -> dict:
    """What the world map needs first, whatever the number of practices: each region's count of
    markers and where they are, the filters' values that have practices, and where the rest is.
    A region's markers come when the view needs them (region_markers); a filter's practices from
    the index's facet chunks (outputs/index.py), as ranks in the index's order."""
    strings = ui(atlas, lang)
    file_url = atlas.routes.file_url
    regions = []
    for key, markers in region_markers(atlas, lang).items():
        points = [point for marker in markers for point in marker["points"]]
        south, north = min(p[0] for p in points), max(p[0] for p in points)
        west, east = min(p[1] for p in points), max(p[1] for p in points)
        regions.append(
            {
                "key": key,
                "label": facets.label(atlas, "region", key, lang).text,
                "count": len(points),
                "bounds": [[south, west], [north, east]],
            }
        )
    return {
        "base": atlas.routes.page_url(routes.PRACTICES, lang),
        "total": len(atlas.practices),  # the index's ranks: 0 to total - 1
        "labels": {facet: used_labels(atlas, facet, lang) for facet in MAP_FILTERS},
        "ui": {
            "all": strings["all"],
            "filters": strings["filters"],
            "titles": {facet: strings[f"facet_{facet}_plural"] for facet in MAP_FILTERS},
        },
        "chunks": {
            "facets": {
                facet: file_url(routes.filter_facet(facet), lang) for facet in MAP_FILTERS
            },  # "region" among them: which regions hold a filter's practices
            "markers": file_url(routes.map_markers("{region}"), lang),
        },
        "regions": regions,
    }


def used_labels(atlas: Atlas, facet: str, lang: str) -> dict[str, str]:
    """A facet's values that have practices (the filter's options), and their labels."""
    by_key = facets.practices_by_key(atlas, facet)
    return {term.key: term.label.text for term in facets.options(atlas, facet, lang) if by_key.get(term.key)}


def region_markers(atlas: Atlas, lang: str) -> dict[str, list[dict]]:
    """Each region's markers: the practices with a point there, in the index's order, each with its
    rank there and its points in the region only. Summaries stay on the practice pages, where a
    popup reads them when it opens (they were 60 % of the gzipped data)."""

    def compute():
        found: dict[str, list[dict]] = {}
        for rank, record in enumerate(records(atlas, lang)):
            by_region: dict[str, list] = {}
            for point in record.points:
                by_region.setdefault(record.places[point.place].region.key, []).append(point)
            for region, points in by_region.items():
                found.setdefault(region, []).append({"rank": rank, **map_marker(record, None, summary=False, points=points)})
        return {region: found[region] for region in sorted(found)}

    return atlas.derived(("map_markers", lang), compute)


def world_map(atlas: Atlas, lang: str) -> File:
    world_file = atlas.routes.file_url(routes.WORLD_MAP, lang)
    options = {
        "dataUrl": routes.relative(atlas.routes.file_url(routes.MAP_DATA, lang), world_file),
        "cluster": True,
        "filters": list(MAP_FILTERS),
        "fit": True,
    }
    return File(routes.WORLD_MAP, _folium_map(atlas, world_file, [15, 10], 2, options, lang, ui(atlas, lang)["map_title"]))


def practice_frame(atlas: Atlas, lang: str) -> File:
    """One frame for every practice page, rather than a file per practice: the practice is in its
    address (maps/practice.html#<slug>), its markers in that practice's page (views.map_marker,
    written by outputs/practice.py), which the browser has just loaded; the frame's title
    becomes the practice's."""
    strings = ui(atlas, lang)
    options = {"fromAddress": True, "base": atlas.routes.page_url(routes.PRACTICES, lang), "maxZoom": 11}
    options["title"] = strings["map_frame"]  # "Map: {label}", the label the practice's title
    title = strings["map_frame"].format(label=strings["kind_practice"])
    dest = atlas.routes.file_url(routes.PRACTICE_MAP, lang)
    return File(routes.PRACTICE_MAP, _folium_map(atlas, dest, [0, 0], 11, options, lang, title))


def city_map(atlas: Atlas, city: str, markers: list[dict], lang: str) -> list[File]:
    """A city's map shows its practices at that city only. Up to CITY_MAP_INLINE, they are written
    into it; a busier city's map first shows their count, as the world map shows a region's, and
    fetches them (routes.city_markers) when the reader clicks the count or zooms in, so that its
    page stays light on a phone whatever the number of practices."""
    path = routes.map_frame("cities", city)
    dest = atlas.routes.file_url(path, lang)
    label = facets.label(atlas, "city", city, lang).text
    title = ui(atlas, lang)["map_frame"].format(label=label)
    center = [atlas.cities[city]["lat"], atlas.cities[city]["lon"]]
    options = {"base": atlas.routes.page_url(routes.PRACTICES, lang), "cluster": True, "only": city}
    if len(markers) <= CITY_MAP_INLINE:
        return [File(path, _folium_map(atlas, dest, center, CITY_ZOOM, {**options, "practices": markers}, lang, title))]
    points = [point for marker in markers for point in marker["points"] if marker["keys"]["city"][point[2]] == city]
    south, north = min(p[0] for p in points), max(p[0] for p in points)
    west, east = min(p[1] for p in points), max(p[1] for p in points)
    options |= {
        "regions": [{"key": city, "label": label, "count": len(points), "bounds": [[south, west], [north, east]]}],
        "markers": atlas.routes.file_url(routes.city_markers("{region}"), lang),
        "loadZoom": CITY_ZOOM + 1,
        "maxZoom": CITY_ZOOM,
    }
    return [
        File(path, _folium_map(atlas, dest, center, CITY_ZOOM, options, lang, title)),
        File(routes.city_markers(city), html_safe_json(markers)),
    ]


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


# Fetched by assets/atlas-map.js when a map first has markers to draw, not with the frame: a world
# map shows its regions' counts first, and the script's start-up is a long task on a phone.
CLUSTER_SCRIPT = f"{routes.VENDOR}/leaflet.markercluster/leaflet.markercluster.js"


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
    fmap.default_js = [  # not Leaflet.markercluster: fetched once there are markers to draw (CLUSTER_SCRIPT)
        ("leaflet", rel(f"{routes.VENDOR}/leaflet/leaflet.js")),
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


def _folium_map(atlas: Atlas, dest: str, center, zoom: int, options: dict, lang: str, title: str) -> str:
    """The HTML of one map, written to `dest` (a path from the site root)."""
    folder = posixpath.dirname(dest)
    skeleton = _skeleton(folder, json.dumps(atlas.publication.map_tiles, sort_keys=True), lang)
    options = {**options, "center": center, "zoom": zoom, "root": posixpath.relpath(".", folder) + "/"}
    if options.get("cluster"):
        options["clusterScript"] = posixpath.relpath(CLUSTER_SCRIPT, folder)
    return skeleton.replace(TITLE_SLOT, str(escape(title)), 1).replace(json.dumps(OPTIONS_SLOT), html_safe_json(options), 1)
