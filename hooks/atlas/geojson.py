"""Open data: the practices as GeoJSON, one Point feature per practice and place (its location,
or each of its cities), WGS84 [longitude, latitude]; a practice of a network or region with no
point is one feature without geometry (`"geometry": null`). Documented in the README."""

from __future__ import annotations

from .facets import FACETS_BY_ID
from .model import Atlas
from .records import practice_record


def geojson(atlas: Atlas, lang: str, site_url: str = "") -> dict:
    features = []
    for slug, practice in atlas.practices.items():
        record = practice_record(atlas, practice, lang)
        labels = {
            facet_id: [str(FACETS_BY_ID[facet_id].label(atlas, key, lang).text.unescape()) for key in record["keys"][facet_id]]
            for facet_id in ("theme", "lever", "role")
        }
        located = [
            ({"type": "Point", "coordinates": [lon, lat]}, record["places"][index] if record["places"] else {})
            for lat, lon, index in record["points"]
        ]
        for geometry, place in located or [(None, {})]:
            features.append(
                {
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {
                        "slug": slug,
                        "title": record["title"],
                        "summary": record["summary"],
                        "city": place.get("city"),
                        "city_key": place.get("city_key"),
                        "country": place.get("country"),
                        "country_code": place.get("country_code"),
                        "scope": record["scope"]["name"] if record["scope"] else None,
                        "scope_country_codes": record["scope"]["countries"] if record["scope"] else [],
                        "themes": labels["theme"],
                        "theme_keys": record["keys"]["theme"],
                        "levers": labels["lever"],
                        "lever_keys": record["keys"]["lever"],
                        "city_role": labels["role"][0] if labels["role"] else None,
                        "city_role_key": record["keys"]["role"][0] if record["keys"]["role"] else None,
                        "url": site_url + record["url"],
                        "language": record["language"],
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
