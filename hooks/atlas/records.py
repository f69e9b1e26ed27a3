"""One record per practice and language: plain data (unescaped; the formats that carry it do
the escaping) that the index's filter data, the world map's data and the open-data exports
are views of, so they cannot disagree. `practice_record` is what every data file needs;
`practice_document` adds the rest of the case file, labels resolved, for the open data."""

from __future__ import annotations

from . import actors, routes
from .facets import FACETS, FACETS_BY_ID
from .model import Atlas, Practice
from .views import country_name, plain, sort_key, vocabulary_text


def facet_label(atlas: Atlas, facet_id: str, key, lang: str) -> str:
    """A facet value's label in `lang` (or French), as plain text."""
    return str(FACETS_BY_ID[facet_id].label(atlas, str(key), lang).text.unescape())


def keyed(atlas: Atlas, facet_id: str, keys, lang: str) -> list[dict]:
    return [{"key": str(key), "label": facet_label(atlas, facet_id, key, lang)} for key in keys]


def practice_record(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """Everything the data files say of a practice in `lang`; made once per load."""
    return atlas.derived(("record", lang, practice.slug), lambda: _practice_record(atlas, practice, lang))


def _practice_record(atlas: Atlas, practice: Practice, lang: str) -> dict:
    default = atlas.languages.default
    data = practice.data
    places = [
        {
            "city_key": key,
            "city": plain(atlas.cities[key]["name"], lang, default),
            "country_code": atlas.cities[key]["country"],
            "country": country_name(atlas.cities[key]["country"], lang),
        }
        for key in practice.cities
    ]
    return {
        "slug": practice.slug,
        "title": plain(data["title"], lang, default),
        "summary": plain(data.get("summary"), lang, default) or "",
        "language": lang if lang in practice.narratives else default,  # of the narrative on its page
        "url": atlas.routes.page_url(routes.practice(practice.slug), lang),
        "places": places,  # its cities
        "scope": {
            "name": plain(practice.scope["name"], lang, default),
            "countries": practice.scope.get("countries", []),
            "regions": practice.scope.get("regions", []),
        }
        if practice.scope
        else None,
        "points": points(atlas, practice),
        "keys": {facet.id: facet.practice_keys(atlas, practice) for facet in FACETS},
        "year": data.get("start_year"),
    }


def points(atlas: Atlas, practice: Practice) -> list[list]:
    """[lat, lon, index of the place]: the practice's own location (at its first city), else each of its cities;
    none for a practice of a network or region without a location."""
    location = practice.data.get("location")
    if location:
        return [[location["lat"], location["lon"], 0]]
    return [[atlas.cities[c]["lat"], atlas.cities[c]["lon"], index] for index, c in enumerate(practice.cities)]


def records(atlas: Atlas, lang: str) -> list[dict]:
    """Every practice's record, in the order of their titles in `lang`."""
    return atlas.derived(
        ("records", lang),
        lambda: sorted(
            (practice_record(atlas, practice, lang) for practice in atlas.practices.values()), key=lambda r: sort_key(r["title"])
        ),
    )


def practice_document(atlas: Atlas, practice: Practice, lang: str) -> dict:
    """Every field of a practice's case file in `lang` (texts in French where not translated),
    labels resolved, addresses absolute: the open data's view of the record."""
    return atlas.derived(("document", lang, practice.slug), lambda: _practice_document(atlas, practice, lang))


def _practice_document(atlas: Atlas, practice: Practice, lang: str) -> dict:
    default, data, absolute = atlas.languages.default, practice.data, atlas.publication.absolute
    record = practice_record(atlas, practice, lang)
    narrative_lang = record["language"]
    return {
        "slug": practice.slug,
        "url": absolute(record["url"]),
        "title": record["title"],
        "summary": record["summary"],
        "language": narrative_lang,
        "translated": lang in practice.narratives
        and all(lang in (data.get(name) or {lang: ""}) for name in ("title", "summary", "city_role_note")),
        "city_role": keyed(atlas, "role", [data["city_role"]], lang)[0],
        "city_role_note": plain(data.get("city_role_note"), lang, default),
        "places": [  # its cities, with their coordinates in practices/cities.yml
            {
                **place,
                "region_key": (city := atlas.cities[place["city_key"]])["region"],
                "region": facet_label(atlas, "region", city["region"], lang),
                "latitude": city["lat"],
                "longitude": city["lon"],
            }
            for place in record["places"]
        ],
        # where maps and the GeoJSON draw it: its own `location`, else each of its cities
        "points": [{"latitude": lat, "longitude": lon} for lat, lon, _ in record["points"]],
        "scope": {
            "name": record["scope"]["name"],
            "countries": [{"code": code, "name": country_name(code, lang)} for code in record["scope"]["countries"]],
            "regions": keyed(atlas, "region", record["scope"]["regions"], lang),
        }
        if record["scope"]
        else None,
        "themes": keyed(atlas, "theme", record["keys"]["theme"], lang),
        "levers": [
            {**lever, "group": atlas.vocabulary["levers"][lever["key"]]["group"]}
            for lever in keyed(atlas, "lever", record["keys"]["lever"], lang)
        ],
        "actor_types": keyed(atlas, "actor", record["keys"]["actor"], lang),
        "actors": [
            {
                "name": plain(entry["name"], lang, default) if isinstance(entry["name"], dict) else entry["name"],
                "type": keyed(atlas, "actor", [entry["type"]], lang)[0],
                "role": plain(entry["role"], lang, default),
                "url": entry["url"],
                "profile": entry["actor"],
                "profile_url": absolute(atlas.routes.page_url(routes.actor(entry["actor"]), lang)) if entry["actor"] else None,
            }
            for entry in actors.entries(atlas, practice)
        ],
        "status": keyed(atlas, "status", [data["status"]], lang)[0],
        "start_year": data.get("start_year"),
        "end_year": data.get("end_year"),
        "sdgs": [
            {"number": int(key), "label": str(vocabulary_text(atlas, "sdgs", key, lang).text.unescape())}
            for key in data.get("sdgs", [])
        ],
        "links": [{"url": link["url"], "label": plain(link["label"], lang, default)} for link in data.get("links", [])],
        "sources": [
            {name: source.get(name) for name in ("title", "publisher", "year", "url", "pages")} for source in data["sources"]
        ],
        "related": [
            {
                "slug": slug,
                "title": plain(atlas.practices[slug].data["title"], lang, default),
                "url": absolute(atlas.routes.page_url(routes.practice(slug), lang)),
            }
            for slug in data.get("related", [])
        ],
        "images": [
            absolute(atlas.routes.page_file(routes.practice(practice.slug), lang, name)) for name in sorted(practice.images)
        ],
        "narrative": {"language": narrative_lang, "markdown": practice.narratives[narrative_lang]},
        "published": data["published"],
        "last_reviewed": data["last_reviewed"],
    }
