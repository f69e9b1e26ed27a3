"""Maps, built with Folium: a world map of every practice, one per city and one per practice.

Each map is its own HTML file, shown in an <iframe> (Folium's global CSS must not touch the
site's). Folium's default CDN scripts and styles (jQuery, Bootstrap, Font Awesome…) are
replaced by Leaflet and Leaflet.markercluster served from the site (copied from the PyPI
packages xstatic-leaflet and xstatic-leaflet-markercluster) and by assets/atlas-map.js,
which draws the markers from data: the records of index_page.practice_record, inline for
small maps and from the index's data file for the world map. Only the tiles come from
outside; their provider and attribution are settings (mkdocs.yml, extra › atlas › map).
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache
from dataclasses import dataclass
from pathlib import Path

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from branca.element import MacroElement, Template

from .facets import FACETS
from .index_page import filter_data, map_points, practice_record
from .model import Atlas, localized
from markupsafe import escape

from .views import city_view, country_name, html_safe_json, lang_prefix, link, plain, sort_key, text, ui, url

MAP_DATA_FILE = "data/map.json"
MAP_FILTERS = ("region", "theme", "lever")
VENDOR_DIR = "assets/vendor"
VENDOR_FILES = {
    "leaflet": (Path(xstatic.pkg.leaflet.BASE_DIR), ["leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                                                      "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"]),
    "leaflet.markercluster": (Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
                              ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"]),
}
ZOOM_LOCK = re.compile(r"initial-scale=1\.0,\s*maximum-scale=1\.0,\s*user-scalable=no")
DEFAULT_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>',
    "max_zoom": 19,
}


@dataclass(frozen=True)
class MapFile:
    path: str  # language-neutral, e.g. "maps/cities/lyon.html"
    html: str


def vendor_files() -> list[tuple[str, Path]]:
    """(site path, file) of Leaflet and its cluster plugin, served by the site itself."""
    return [(f"{VENDOR_DIR}/{name}/{file}", base / file) for name, (base, files) in VENDOR_FILES.items() for file in files]


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
    fmap.default_js = [("leaflet", rel(f"{VENDOR_DIR}/leaflet/leaflet.js")),
                       ("markercluster", rel(f"{VENDOR_DIR}/leaflet.markercluster/leaflet.markercluster.js")),
                       ("atlas_map", rel("assets/atlas-map.js"))]
    fmap.default_css = [("leaflet_css", rel(f"{VENDOR_DIR}/leaflet/leaflet.css")),
                        ("markercluster_css", rel(f"{VENDOR_DIR}/leaflet.markercluster/MarkerCluster.css")),
                        ("markercluster_default_css", rel(f"{VENDOR_DIR}/leaflet.markercluster/MarkerCluster.Default.css")),
                        ("atlas_map_css", rel("assets/atlas-map.css"))]
    _PracticeLayer(OPTIONS_SLOT).add_to(fmap)
    figure = fmap.get_root()
    figure.title = TITLE_SLOT
    html = figure.render()
    # The frame's own language, and page zoom: Folium forbids it (user-scalable=no), readers with low vision need it.
    html = html.replace("<html>", f'<html lang="{lang}">', 1)
    return ZOOM_LOCK.sub("initial-scale=1.0", html, count=1)


def _folium_map(dest: str, tiles: dict, center, zoom: int, options: dict, lang: str, title: str) -> str:
    """The HTML of one map, written to `dest` (a path from the site root)."""
    folder = posixpath.dirname(dest)
    skeleton = _skeleton(folder, json.dumps(tiles, sort_keys=True), lang)
    options = {**options, "center": center, "zoom": zoom, "root": posixpath.relpath(".", folder) + "/"}
    return (skeleton.replace(TITLE_SLOT, str(escape(title)), 1)
            .replace(json.dumps(OPTIONS_SLOT), html_safe_json(options), 1))


def map_path(kind: str, key: str | None = None) -> str:
    return f"maps/{kind}.html" if key is None else f"maps/{kind}/{key}.html"


def map_dest(atlas: Atlas, path: str, lang: str) -> str:
    return lang_prefix(atlas, lang) + path


def map_files(atlas: Atlas, lang: str, tiles: dict | None = None, only: str | None = None) -> list[MapFile]:
    """The world map, one map per city with practices and one per practice, in `lang`
    (with `only`, a preview: the world map, that practice's map and its cities')."""
    tiles = {**DEFAULT_TILES, **(tiles or {})}
    default = atlas.languages.default
    base = url(atlas, "practices", lang)
    frame_title = ui(lang, default)["map_frame"]
    files = []
    world = map_path("world")
    files.append(MapFile(world, _folium_map(map_dest(atlas, world, lang), tiles, [15, 10], 2, {
        "dataUrl": posixpath.relpath(lang_prefix(atlas, lang) + MAP_DATA_FILE, posixpath.dirname(map_dest(atlas, world, lang))),
        "cluster": True, "filters": list(MAP_FILTERS), "fit": True,
    }, lang, ui(lang, default)["map_title"])))
    by_city: dict[str, list] = {}
    for practice in atlas.practices.values():
        record = practice_record(atlas, practice, lang)
        for city in practice.cities:
            by_city.setdefault(city, []).append(record)
        if only and practice.slug != only:
            continue
        path = map_path("practices", practice.slug)
        points = map_points(atlas, practice)
        files.append(MapFile(path, _folium_map(map_dest(atlas, path, lang), tiles, points[0][:2], 11,
                                               {"practices": [record], "base": base, "fit": len(points) > 1, "maxZoom": 11},
                                               lang, frame_title.format(label=record["title"]))))
    for city, records in by_city.items():
        if only and city not in atlas.practices[only].cities:
            continue
        path = map_path("cities", city)
        center = [atlas.cities[city]["lat"], atlas.cities[city]["lon"]]
        name = localized(atlas.cities[city]["name"], lang, default)[0]
        files.append(MapFile(path, _folium_map(map_dest(atlas, path, lang), tiles, center, 11,
                                               {"practices": records, "base": base, "cluster": True, "only": city},
                                               lang, frame_title.format(label=name))))
    return files


def map_data(atlas: Atlas, lang: str) -> dict:
    """The world map's data: the index's records, less what a marker does not need. Summaries
    stay on the practice pages, where a popup reads them when it opens (they were 60 % of the
    gzipped data)."""
    data = filter_data(atlas, lang)
    return {
        "base": data["base"],
        "labels": {facet: data["labels"][facet] for facet in MAP_FILTERS},
        "ui": {"all": data["ui"]["all"], "titles": {facet: data["ui"]["titles"][facet] for facet in MAP_FILTERS}},
        "practices": [{"slug": r["slug"], "title": r["title"], "places": r["places"], "points": r["points"],
                       "keys": {facet: r["keys"][facet] for facet in MAP_FILTERS}} for r in data["practices"]],
    }


def geojson(atlas: Atlas, lang: str, site_url: str = "") -> dict:
    """Open data: one feature per practice and place (its location, or each of its cities)."""
    default = atlas.languages.default
    features = []
    for slug, practice in atlas.practices.items():
        data = practice.data
        labels = {facet.id: [str(facet.label(atlas, key, lang).text.unescape()) for key in facet.practice_keys(atlas, practice)]
                  for facet in FACETS if facet.id in ("theme", "lever")}
        for lat, lon, index in map_points(atlas, practice):
            city_key = practice.cities[index]
            city = atlas.cities[city_key]
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "slug": slug,
                    "title": plain(data["title"], lang, default),
                    "summary": plain(data.get("summary"), lang, default) or "",
                    "city": localized(city["name"], lang, default)[0],
                    "city_key": city_key,
                    "country": country_name(city["country"], lang),
                    "country_code": city["country"],
                    "themes": labels["theme"],
                    "theme_keys": data["themes"],
                    "levers": labels["lever"],
                    "lever_keys": data["levers"],
                    "url": site_url + lang_prefix(atlas, lang) + f"practices/{slug}/",
                    "language": lang if lang in practice.narratives else default,
                },
            })
    return {"type": "FeatureCollection", "features": features}


def world_map_view(atlas: Atlas, lang: str) -> dict:
    """The map page: the map's frame and its text alternative, every practice by country and city."""
    default = atlas.languages.default
    by_country: dict[str, dict] = {}
    for practice in atlas.practices.values():
        for city in practice.cities:
            code = atlas.cities[city]["country"]
            country = by_country.setdefault(code, {"name": escape(country_name(code, lang)), "cities": {}})
            entry = country["cities"].setdefault(city, {"city": city_view(atlas, city, lang), "practices": []})
            entry["practices"].append(link(text(practice.data["title"], lang, default), url(atlas, f"practices/{practice.slug}", lang)))
    countries = sorted(by_country.values(), key=lambda c: sort_key(c["name"]))
    for country in countries:
        country["cities"] = sorted(country["cities"].values(), key=lambda c: sort_key(c["city"]["name"].text.unescape()))
        for city in country["cities"]:
            city["practices"].sort(key=lambda p: sort_key(p["label"].text.unescape()))
    return {"map_url": map_dest(atlas, map_path("world"), lang), "countries": countries}
