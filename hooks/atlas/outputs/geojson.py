"""Open data: the practices as GeoJSON, one Point feature per practice and place (its location,
or each of its cities), WGS84 [longitude, latitude]; a practice of a network or region with no
point is one feature without geometry (`"geometry": null`). Documented in the README."""

from __future__ import annotations

from ..base import routes
from ..model.model import Atlas
from ..records.practice import PracticeRecord, practice_record
from ..views import File, html_safe_json


def files(atlas: Atlas, lang: str, only: str | None = None) -> list[File]:
    return [File(routes.GEOJSON, html_safe_json(geojson(atlas, lang)))]


def geojson(atlas: Atlas, lang: str) -> dict:
    records = (practice_record(atlas, practice, lang) for practice in atlas.practices.values())
    return {"type": "FeatureCollection", "features": [feature for record in records for feature in features(atlas, record)]}


def features(atlas: Atlas, record: PracticeRecord) -> list[dict]:
    located = [
        ({"type": "Point", "coordinates": [point.lon, point.lat]}, record.places[point.place] if record.places else None)
        for point in record.points
    ]
    return [
        {
            "type": "Feature",
            "geometry": geometry,
            "properties": {
                "slug": record.slug,
                "title": record.title.text,
                "summary": record.summary.text if record.summary else "",
                "city": place.city.label.text if place else None,
                "city_key": place.city.key if place else None,
                "country": place.country.label.text if place else None,
                "country_code": place.country_code if place else None,
                "scope": record.scope.name.text if record.scope else None,
                "scope_country_codes": [term.key.upper() for term in record.scope.countries] if record.scope else [],
                "themes": [term.label.text for term in record.themes],
                "theme_keys": [term.key for term in record.themes],
                "levers": [term.label.text for term in record.levers],
                "lever_keys": [term.key for term in record.levers],
                "city_role": record.role.label.text,
                "city_role_key": record.role.key,
                "url": atlas.publication.site_url + record.url,
                "language": record.narrative.lang,
            },
        }
        for geometry, place in located or [(None, None)]
    ]
