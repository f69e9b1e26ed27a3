"""The core alone (no MkDocs): the exact pages and files it generates for a small atlas, per
language, where they come from and where they go."""

from __future__ import annotations

from atlas.load import load_atlas
from atlas.model import Languages
from atlas.site import site_pages, static_files
from conftest import FR_MD, TODAY, VOCABULARY, image_bytes

FR_EN = Languages(("fr", "en"))


def facet_pages(atlas) -> set[str]:
    keys = {
        "city-roles": VOCABULARY["city_roles"],
        "cities": ["lyon", "abidjan"],
        "countries": ["fr", "ci"],
        "regions": VOCABULARY["regions"],
        "themes": VOCABULARY["themes"],
        "levers": VOCABULARY["levers"],
        "actor-types": VOCABULARY["actor_types"],
        "statuses": VOCABULARY["statuses"],
        "sdgs": [str(n) for n in range(1, 18)],
    }
    return set(keys) | {f"{folder}/{key}" for folder, values in keys.items() for key in values}


def test_exact_pages_and_files_of_a_one_practice_atlas(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + "\n![Le bâtiment](batiment.png)\n")
    fixture_atlas.write("practices/lyon-centsept/batiment.png", image_bytes("PNG"))
    atlas = load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    expected_pages = {
        "practices",
        "practices/lyon-centsept",
        "map",
        "method",
        "method/diagnosis",
        "glossary",
        "recommendations",
        "actors",
        "actor-profile",
        "data",
    }
    expected_pages |= facet_pages(atlas)
    for lang, prefix in (("fr", ""), ("en", "en/")):
        pages = site_pages(atlas, lang)
        assert {page.path for page in pages} == expected_pages
        practice = next(page for page in pages if page.path == "practices/lyon-centsept")
        assert practice.sources == {"fr": "practices/lyon-centsept/index.md", "en": "practices/lyon-centsept/index.en.md"}
        assert practice.files == {"fr": "practices/lyon-centsept/index.html", "en": "en/practices/lyon-centsept/index.html"}
        files = {file.dest_uri: file for file in static_files(atlas, lang)}
        api = ["index", "practices", "vocabularies", "actors", "practices/lyon-centsept"]
        api += [f"{value}" for value in facet_pages(atlas) if "/" in value]
        generated = {
            f"{prefix}{path}"
            for path in (
                "data/practices.json",
                "data/map.json",
                "data/practices.geojson",
                "data/practices.csv",
                "datapackage.json",
                "maps/world.html",
                "maps/cities/lyon.html",
                "maps/practices/lyon-centsept.html",
                "practices/lyon-centsept/batiment.png",
                *(f"api/v1/{answer}.json" for answer in api),
            )
        }
        generated.add("feed.xml" if lang == "fr" else "feed-en.xml")  # at the root, whatever the language
        once = {path for path in files if path.startswith("assets/vendor/")} | ({"api/v1/schema.json"} if lang == "fr" else set())
        assert set(files) == generated | once
        assert bool(once) == (lang == "fr")  # Leaflet and the API's schema once, with the default language
        assert files[f"{prefix}practices/lyon-centsept/batiment.png"].content == image_bytes("PNG")  # the checked bytes
        assert files[f"{prefix}practices/lyon-centsept/batiment.png"].path is None
        assert all(file.path is None for path, file in files.items() if path not in once)  # nothing copied from practices/


def test_a_preview_generates_what_one_practice_touches(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice("abidjan-babylab", {"cities": ["abidjan"], "themes": ["education"]})
    atlas = load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    paths = {page.path for page in site_pages(atlas, "en", only="lyon-centsept")}
    assert "practices/lyon-centsept" in paths and "practices/abidjan-babylab" not in paths
    assert "themes/social-innovation" in paths and "themes/education" not in paths
    files = {file.dest_uri for file in static_files(atlas, "en", only="lyon-centsept")}
    assert "en/maps/practices/lyon-centsept.html" in files and "en/maps/practices/abidjan-babylab.html" not in files
