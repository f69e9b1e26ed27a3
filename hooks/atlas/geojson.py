"""Open data: the practices as GeoJSON, one Point feature per practice and place (its location,
or each of its cities), WGS84 [longitude, latitude]; documented in the README."""

from __future__ import annotations

from .facets import FACETS_BY_ID
from .model import Atlas
from .records import practice_record


def geojson(atlas: Atlas, lang: str, site_url: str = "") -> dict:
    features = []
    for slug, practice in atlas.practices.items():
        record = practice_record(atlas, practice, lang)
        labels = {facet_id: [str(FACETS_BY_ID[facet_id].label(atlas, key, lang).text.unescape()) for key in record["keys"][facet_id]]
                  for facet_id in ("theme", "lever")}
        for lat, lon, index in record["points"]:
            place = record["places"][index]
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "slug": slug,
                    "title": record["title"],
                    "summary": record["summary"],
                    "city": place["city"],
                    "city_key": place["city_key"],
                    "country": place["country"],
                    "country_code": place["country_code"],
                    "themes": labels["theme"],
                    "theme_keys": record["keys"]["theme"],
                    "levers": labels["lever"],
                    "lever_keys": record["keys"]["lever"],
                    "url": site_url + record["url"],
                    "language": record["language"],
                },
            })
    return {"type": "FeatureCollection", "features": features}
