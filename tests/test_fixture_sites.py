"""Small atlases built for real: exact output files, missing translations, images, hostile text, bad data."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from xml.etree import ElementTree

import yaml
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, EN_MD, FR_MD, PUBLISHED_AT, REPO, build_site, built_files, image_bytes
from support.filter_data import chunk_files, filter_data
from support.map_data import map_chunk_files
from support.small_sitemaps import SMALL


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def soup(site, path):
    return BeautifulSoup(read(site, path), "html.parser")


def test_exact_pages_of_a_one_practice_atlas(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    vocabulary = yaml.safe_load((fixture_atlas.practices / "vocabulary.yml").read_text(encoding="utf-8"))
    facet_keys = {
        "cities": ["lyon", "abidjan"],
        "countries": ["fr", "ci"],
        "regions": vocabulary["regions"],
        "themes": vocabulary["themes"],
        "levers": vocabulary["levers"],
        "actor-types": vocabulary["actor_types"],
        "statuses": vocabulary["statuses"],
        "sdgs": [str(n) for n in range(1, 18)],
        "city-roles": vocabulary["city_roles"],
    }
    pages = [
        "",
        "about",
        "contribuer",
        "search",
        "map",
        "practices",
        "practices/lyon-centsept",
        "method",
        "method/diagnosis",
        "glossary",
        "recommendations",
        "actors",
        "actor-profile",
        "data",
        "self-assessment",
    ]
    pages += [folder for folder in facet_keys] + [f"{folder}/{key}" for folder, keys in facet_keys.items() for key in keys]
    api = ["index", "practices", "vocabularies", "actors", "practices/lyon-centsept"]
    api += [f"{folder}/{key}" for folder, keys in facet_keys.items() for key in keys]
    expected = {"404.html", "sitemap.xml", "feed.xml", "feed-en.xml", "api/v1/schema.json"} | {
        f"{prefix}{path}"
        for prefix in ("", "en/")
        for path in (
            "data/practices.json",
            "data/actors.json",
            "data/map.json",
            "data/practices.geojson",
            "data/practices.csv",
            "datapackage.json",
            "maps/world.html",
            "maps/cities/lyon.html",
            "maps/practice.html",
            *(f"api/v1/{answer}.json" for answer in api),
        )
    }
    expected |= {
        f"{prefix}{page}/index.html".replace("/index.html", "index.html", 1) if not page else f"{prefix}{page}/index.html"
        for page in pages
        for prefix in ("", "en/")
    }
    built = {
        p.relative_to(fixture_atlas.site).as_posix()
        for p in fixture_atlas.site.rglob("*")
        if p.suffix in (".html", ".json", ".geojson", ".csv", ".xml")
    }
    built = {path for path in built if not path.startswith(("pagefind/", "en/pagefind/"))}
    expected |= {path for prefix in ("", "en/") for path in chunk_files(filter_data(fixture_atlas.site, prefix)["first"])}
    expected |= {
        path
        for prefix in ("", "en/")
        for path in map_chunk_files(json.loads((fixture_atlas.site / prefix / "data/map.json").read_text(encoding="utf-8")))
    }
    assert built == expected  # a value of a few practices lists them on its own page: no page/2/ (issue 27)
    for page in ("cities/lyon", "themes/social-innovation", "levers/public-incubator"):
        shown = soup(fixture_atlas.site, f"{page}/index.html")
        assert [card["data-slug"] for card in shown.select(".atlas-card")] == ["lyon-centsept"]
        assert not shown.select(".atlas-pages") and not shown.select("a[rel=next], a[rel=prev]")


def test_missing_english_shows_french_under_a_notice(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"title": {"fr": "Le CentSept"}, "summary": {"fr": "Un accélérateur."}}, en=None)
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    html = soup(fixture_atlas.site, "en/practices/lyon-centsept/index.html")
    assert html.html["lang"] == "en"
    assert html.select_one(".atlas-untranslated").get_text(" ", strip=True) == (
        "Not translated yet This practice has not been translated yet; the text below is in French."
    )
    assert html.h1["lang"] == "fr" and html.h1.get_text() == "Le CentSept"
    assert html.select_one(".atlas-summary")["lang"] == "fr"
    narrative = html.select_one(".atlas-narrative")
    assert narrative["lang"] == "fr" and narrative.h2.get_text() == "Contexte"
    french = soup(fixture_atlas.site, "practices/lyon-centsept/index.html")
    assert french.select_one(".atlas-untranslated") is None and not french.select_one(".atlas-narrative").has_attr("lang")
    assert "not been translated" not in result.stderr  # a missing translation never fails the strict build


def test_translated_page_has_no_notice(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    assert fixture_atlas.build().returncode == 0
    html = soup(fixture_atlas.site, "en/practices/lyon-centsept/index.html")
    assert html.select_one(".atlas-untranslated") is None
    assert html.h1.get_text() == "CentSept" and not html.h1.has_attr("lang")


def test_practice_page_shows_its_narrative_and_its_table_of_contents(fixture_atlas):
    """The narrative is rendered once, by the core (hooks/atlas/narrative.py); the page shows
    that HTML and a table of contents of its sections, with working anchors."""
    fixture_atlas.add_practice("lyon-centsept", en=EN_MD + "\nSee [the other one](../lyon-tiers-lieu/).\n")
    fixture_atlas.add_practice("lyon-tiers-lieu")
    assert fixture_atlas.build().returncode == 0
    html = soup(fixture_atlas.site, "en/practices/lyon-centsept/index.html")
    narrative = html.select_one(".atlas-narrative")
    assert [h2.get_text() for h2 in narrative.select("h2")] == [
        "Context",
        "What was done",
        "Who is involved",
        "Lessons for other cities",
    ]
    assert narrative.select_one("a[href='../lyon-tiers-lieu/']").get_text() == "the other one"
    toc = html.select(".md-sidebar--secondary .md-nav__link")
    assert [(a.get_text(strip=True), a["href"]) for a in toc] == [
        ("Context", "#context"),
        ("What was done", "#what-was-done"),
        ("Who is involved", "#who-is-involved"),
        ("Lessons for other cities", "#lessons-for-other-cities"),
    ]
    assert all(html.select_one(a["href"]) is not None for a in toc)


def test_images_are_published_beside_each_language_page(fixture_atlas):
    fixture_atlas.add_practice(
        "lyon-centsept", fr=FR_MD + "\n![Le bâtiment](batiment.jpg)\n", en=EN_MD + "\n![The building](batiment.jpg)\n"
    )
    fixture_atlas.write("practices/lyon-centsept/batiment.jpg", image_bytes("JPEG"))
    assert fixture_atlas.build().returncode == 0
    for prefix in ("", "en/"):
        assert (fixture_atlas.site / f"{prefix}practices/lyon-centsept/batiment.jpg").read_bytes() == image_bytes("JPEG")
        img = soup(fixture_atlas.site, f"{prefix}practices/lyon-centsept/index.html").select_one(".atlas-narrative img")
        assert img["src"] == "batiment.jpg"


def test_bad_data_stops_the_build_with_one_line_per_problem(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"themes": ["nope"], "status": "nope"})
    result = fixture_atlas.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert [re.sub(r"^ERROR\s+-\s+", "", line) for line in errors] == [
        "practices/lyon-centsept/practice.yml: themes[0]: 'nope' is not a theme; known themes: education, health, "
        "social-innovation (see practices/vocabulary.yml)",
        "practices/lyon-centsept/practice.yml: status: 'nope' is not a status; known statuses: completed, ongoing, planned "
        "(see practices/vocabulary.yml)",
    ]
    assert "2 problems in the atlas data: fix the lines above and build again." in result.stdout + result.stderr
    assert not (fixture_atlas.site / "practices").exists()


HOSTILE = '</title><script>alert("x")</script><img src=x onerror=alert(1)>"\'&'
FORMULA = '=HYPERLINK("https://example.org/","click")'  # a spreadsheet would run it
OG_TEXT = ("og:title", "og:description", "twitter:title", "twitter:description")


def test_hostile_text_is_escaped_everywhere(fixture_atlas):
    """Text from a practice file never becomes markup: not in the body, <title>, meta tags, nav or search data."""
    hostile = {"fr": HOSTILE, "en": HOSTILE}
    cities = fixture_atlas.practices / "cities.yml"
    text = cities.read_text(encoding="utf-8")
    for lang in ("fr", "en"):
        text = text.replace(f"{lang}: Lyon", f"{lang}: {json.dumps(HOSTILE)}")
    cities.write_text(text, encoding="utf-8")
    fixture_atlas.add_practice(
        "lyon-centsept",
        {
            "title": hostile,
            "summary": hostile,
            "actors": [
                {"name": HOSTILE, "type": "public", "role": hostile, "url": 'https://example.org/"><script>alert(2)</script>'}
            ],
            "links": [{"url": 'https://example.org/?a="><script>alert(3)</script>', "label": hostile}],
            "sources": [
                {"title": HOSTILE, "publisher": HOSTILE, "pages": HOSTILE, "url": "https://example.org/'onmouseover='alert(4)"}
            ],
            "related": ["lyon-autre"],
        },
    )
    fixture_atlas.add_practice("lyon-autre", {"title": hostile, "summary": {"fr": FORMULA, "en": FORMULA}})
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    for path in fixture_atlas.site.rglob("*"):
        if path.suffix not in (".html", ".json", ".xml", ".geojson"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert not re.search(r"<img[^>]*onerror", text), path
        assert not re.search(r"""['"]\s*onmouseover=""", text), path
    for prefix in ("", "en/"):
        html = soup(fixture_atlas.site, f"{prefix}practices/lyon-centsept/index.html")
        assert html.title.get_text().startswith(HOSTILE + " - ")
        assert html.select_one('meta[name="description"]')["content"] == HOSTILE
        assert html.h1.get_text() == HOSTILE
        assert html.select_one(".atlas-actors td").get_text(strip=True) == HOSTILE.strip()
        assert html.select_one(".atlas-sources a")["href"] == "https://example.org/'onmouseover='alert(4)"
        assert html.select_one(".atlas-related a").get_text() == HOSTILE
        # Shared links and structured data: the text as it is, inert (JSON in HTML escapes <, > and &).
        shared = {key: [tag["content"] for tag in html.select(f'meta[property="{key}"], meta[name="{key}"]')] for key in OG_TEXT}
        assert shared == {key: [HOSTILE] for key in OG_TEXT}
        (structured,) = html.select('script[type="application/ld+json"]')
        data = json.loads(structured.string)
        assert data["headline"] == data["description"] == HOSTILE
        assert {place["name"] for place in data["spatialCoverage"]} == {HOSTILE}
        assert data["citation"][0]["name"] == data["citation"][0]["publisher"]["name"] == HOSTILE
        (markers,) = html.select("script[data-atlas-map]")  # what the practices' map frame draws
        assert json.loads(markers.string)["title"] == HOSTILE
        assert [script for script in html.find_all("script") if "alert" in script.get_text()] == [structured, markers]
        index = soup(fixture_atlas.site, f"{prefix}practices/index.html")
        assert HOSTILE in [a.get_text() for a in index.select(".atlas-card__title a")]
        assert HOSTILE in [a.get_text() for a in index.select(".atlas-card__place a")]
        assert not index.select(".atlas-option")  # the filter's options come from its data (below), written as text
        city = soup(fixture_atlas.site, f"{prefix}cities/lyon/index.html")
        assert city.h1.get_text() == HOSTILE and HOSTILE in city.title.get_text()
        assert HOSTILE in [
            a.get_text() for a in soup(fixture_atlas.site, f"{prefix}cities/index.html").select(".atlas-overview a")
        ]
    for prefix in ("", "en/"):
        data = filter_data(fixture_atlas.site, prefix)
        assert HOSTILE in [practice["title"] for practice in data["practices"]]  # intact as data, inert as text
        assert HOSTILE in data["labels"]["city"].values()
        geo = json.loads(read(fixture_atlas.site, f"{prefix}data/practices.geojson"))
        assert HOSTILE in [feature["properties"]["title"] for feature in geo["features"]]
        api = json.loads(read(fixture_atlas.site, f"{prefix}api/v1/practices/lyon-centsept.json"))["result"]
        assert api["title"] == api["actors"][0]["name"] == api["sources"][0]["title"] == HOSTILE
        table = csv.DictReader(io.StringIO(read(fixture_atlas.site, f"{prefix}data/practices.csv").removeprefix("\ufeff")))
        rows = {row["slug"]: row for row in table}
        assert rows["lyon-centsept"]["title"] == HOSTILE
        assert rows["lyon-autre"]["summary"] == "'" + FORMULA  # shown as text by a spreadsheet, not run
        other = json.loads(read(fixture_atlas.site, f"{prefix}api/v1/practices/lyon-autre.json"))["result"]
        assert other["summary"] == FORMULA  # the JSON keeps the text as written
    for feed in ("feed.xml", "feed-en.xml"):  # XML escapes it; a reader gets the text back
        titles = (
            ElementTree.parse(fixture_atlas.site / feed)
            .getroot()
            .findall(".//{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
        )
        assert HOSTILE in [title.text for title in titles]


def test_preview_builds_the_same_practice_page_as_a_full_build(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"related": ["abidjan-babylab"]})
    fixture_atlas.add_practice("abidjan-babylab", {"cities": ["abidjan"], "themes": ["education"]})
    assert fixture_atlas.build().returncode == 0
    preview_site = fixture_atlas.root / "preview"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(fixture_atlas.root / "mkdocs.yml"), "-d", str(preview_site)],
        capture_output=True,
        text=True,
        cwd=fixture_atlas.root,
        env={**BUILD_ENV, "ATLAS_PREVIEW": "lyon-centsept"},
    )
    assert result.returncode == 0, result.stderr
    for path in (
        "practices/lyon-centsept/index.html",
        "en/practices/lyon-centsept/index.html",
        "maps/practice.html",
        "themes/social-innovation/index.html",
    ):
        assert read(preview_site, path) == read(fixture_atlas.site, path), path
    assert not (preview_site / "practices/abidjan-babylab").exists()  # only what the previewed practice touches
    assert not (preview_site / "themes/education").exists()


def test_languages_built_one_after_the_other_give_the_same_site(fixture_atlas):
    """On Linux the other languages are built by forked processes (hooks/atlas_hooks.py), while
    ATLAS_PARALLEL=0 keeps mkdocs-static-i18n's order, one language after the other: the same
    files, byte for byte (the real site, built in parts: tests/test_assembly.py)."""
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice("abidjan-babylab", {"cities": ["abidjan"], "themes": ["education"]}, en=None)
    assert fixture_atlas.build().returncode == 0
    serial = fixture_atlas.root / "serial"
    result = build_site(fixture_atlas.root, serial, env={"ATLAS_PARALLEL": "0"})
    assert result.returncode == 0, result.stderr
    built, expected = built_files(serial), built_files(fixture_atlas.site)
    assert set(built) == set(expected)
    assert [path for path in sorted(built) if built[path] != expected[path]] == []


def test_a_third_language_with_a_fallback_chain_needs_only_configuration(fixture_atlas):
    """A language added in mkdocs.yml alone, its chain `pt: [en, fr]`: every page has its version in
    it; a text not translated yet shows in the first language of the chain that has it, marked
    with its language and under a notice that says which; the interface falls back the same way."""
    fixture_atlas.add_language("pt", "Português", ["en", "fr"])
    fixture_atlas.add_practice("lyon-centsept")  # French and English
    fixture_atlas.add_practice("lyon-tuba", {"title": {"fr": "Tuba"}, "summary": {"fr": "Un lieu."}}, en=None)  # French only
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    html = soup(fixture_atlas.site, "pt/practices/lyon-centsept/index.html")
    assert html.html["lang"] == "pt"
    assert html.select_one(".atlas-narrative")["lang"] == "en" and html.h1["lang"] == "en"  # the chain's first: English
    assert html.h1.get_text() == "CentSept"
    assert "inglês" in html.select_one(".atlas-untranslated").get_text()  # which language, in the page's (Babel)
    french_only = soup(fixture_atlas.site, "pt/practices/lyon-tuba/index.html")
    assert french_only.select_one(".atlas-narrative")["lang"] == "fr" and french_only.h1["lang"] == "fr"
    assert "francês" in french_only.select_one(".atlas-untranslated").get_text()
    guide = soup(fixture_atlas.site, "pt/contribuer/index.html")  # a page of docs/, not written in Portuguese
    assert (
        guide.select_one("article div[lang]")["lang"] == "en" and "inglês" in guide.select_one(".atlas-untranslated").get_text()
    )
    assert html.select_one('.md-select__link[hreflang="pt"]') is not None
    assert (fixture_atlas.site / "pt/practices/index.html").exists() and (
        fixture_atlas.site / "pt/data/practices.geojson"
    ).exists()
    answer = json.loads(read(fixture_atlas.site, "pt/api/v1/practices/lyon-centsept.json"))["result"]
    assert (answer["title"], answer["language"], answer["translated"]) == ("CentSept", "en", False)
    report = subprocess.run(
        [sys.executable, "scripts/translation_report.py", "--root", str(fixture_atlas.root)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert "- `pt`: 0 of 2 practices complete (missing texts are shown in: en → fr)" in report.stdout
    assert "| `lyon-centsept` | pt | `pt.md`, `title.pt`, `summary.pt`, `actors[0].role.pt` |" in report.stdout
    assert "| `hooks/atlas/i18n/pt.yml` |" in report.stdout  # the interface's texts too


def test_a_fallback_chain_names_configured_languages_only(fixture_atlas):
    config = fixture_atlas.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    fallback: {}\n", "    fallback:\n      en: [pt, fr]\n", 1))
    result = fixture_atlas.build()
    assert result.returncode == 1
    assert (
        "mkdocs.yml: extra.atlas.fallback.en[0]: 'pt' is not a language of the atlas; configured: fr, en "
        "(plugins › i18n › languages). Fix the code or remove it"
    ) in result.stderr


SECRET = "SECRET-OF-THE-BUILD-MACHINE-7f3a"


def site_holds(site, needle: bytes) -> list[str]:
    return [str(path) for path in site.rglob("*") if path.is_file() and needle in path.read_bytes()] if site.exists() else []


def test_a_linked_image_or_narrative_never_reaches_the_site(fixture_atlas, tmp_path):
    """A pull request adds links to files of the build machine: the build stops, one line per link,
    and nothing of what they point at is published."""
    secret_image = tmp_path / "secret.png"
    secret_image.write_bytes(image_bytes("PNG") + SECRET.encode())
    secret_text = tmp_path / "secret.md"
    secret_text.write_text(f"## Context\n\n{SECRET}\n", encoding="utf-8")
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + "\n![Le capteur](photo.png)\n", en=None)
    (fixture_atlas.practices / "lyon-centsept/photo.png").symlink_to(secret_image)
    (fixture_atlas.practices / "lyon-centsept/en.md").symlink_to(secret_text)
    result = fixture_atlas.build()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [re.sub(r"^ERROR\s+-\s+", "", line) for line in result.stderr.splitlines() if line.startswith("ERROR")]
    fix = "the atlas reads only regular files inside a practice's folder. Replace the link with the file itself"
    assert errors == [
        f"practices/lyon-centsept/en.md: is a symbolic link (to '{secret_text}'); {fix}",
        f"practices/lyon-centsept/photo.png: is a symbolic link (to '{secret_image}'); {fix}",
    ]
    assert site_holds(fixture_atlas.site, SECRET.encode()) == []


def test_a_link_out_of_the_repository_in_the_hand_written_pages_stops_the_build(fixture_atlas, tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (fixture_atlas.root / "docs/assets/notes.txt").symlink_to(tmp_path / "secret.txt")
    (fixture_atlas.root / "docs/assets/inside.css").symlink_to(fixture_atlas.root / "docs/assets/atlas.css")  # inside: allowed
    fixture_atlas.add_practice("lyon-centsept")
    result = fixture_atlas.build()
    assert result.returncode != 0
    errors = [re.sub(r"^ERROR\s+-\s+", "", line) for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        f"docs/assets/notes.txt: is a symbolic link to '{tmp_path}/secret.txt', outside the repository; the site "
        "publishes only the repository's own files. Replace the link with the file itself"
    ]
    assert site_holds(fixture_atlas.site, SECRET.encode()) == []


def test_a_language_that_cannot_be_built_stops_the_build_and_says_why(fixture_atlas):
    """Languages are built in parallel processes (on Linux): a strict warning in the English
    pages alone still fails the build, with the warning and the language named."""
    fixture_atlas.add_practice("lyon-centsept")
    about = fixture_atlas.root / "docs/about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[A lost page](nope.md)\n", encoding="utf-8")
    result = fixture_atlas.build()
    assert result.returncode != 0
    assert "WARNING -  Doc file 'about.en.md' contains a link 'nope.md', but the target is not found" in result.stderr
    assert "ERROR   -  the 'en' pages could not be built: Aborted with 1 warnings in strict mode!" in result.stderr
    assert "the en pages could not be built: see the messages above" in result.stdout + result.stderr


def test_a_new_atlas_without_practices_builds(fixture_atlas):
    """A network starting its own atlas: the pages are there, the data files hold only their headers."""
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    assert read(fixture_atlas.site, "data/practices.csv").splitlines()[1:] == []
    assert soup(fixture_atlas.site, "practices/index.html").select(".atlas-card") == []
    assert "practices/" not in " ".join(a["href"] for a in soup(fixture_atlas.site, "data/index.html").select("table a"))


def test_beyond_a_sitemaps_limit_the_sitemap_is_an_index_of_sitemaps_at_the_root(fixture_atlas):
    """Built with sitemaps of SMALL addresses (the protocol's 50,000 in a published atlas): the
    index lists every sitemap, absolute, each within the limit, and together they hold every
    page of every language once, with its alternates."""
    fixture_atlas.add_practice("lyon-centsept")
    result = build_site(
        fixture_atlas.root, fixture_atlas.site, PUBLISHED_AT, "support.small_sitemaps", {"PYTHONPATH": str(REPO / "tests")}
    )
    assert result.returncode == 0, result.stderr
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ElementTree.parse(fixture_atlas.site / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    parts = sorted(p.name for p in fixture_atlas.site.glob("sitemap-*.xml"))
    assert len(parts) > 1 and listed == [PUBLISHED_AT + f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    urls = []
    for name in parts:
        found = ElementTree.parse(fixture_atlas.site / name).findall("s:url", ns)
        assert 0 < len(found) <= SMALL
        urls += [(url.findtext("s:loc", namespaces=ns), len(url.findall("x:link", ns))) for url in found]
    pages = {p.relative_to(fixture_atlas.site).parent.as_posix() for p in fixture_atlas.site.rglob("index.html")}
    pages = {"" if page == "." else page + "/" for page in pages if "pagefind" not in page}
    assert sorted(loc for loc, _ in urls) == sorted(PUBLISHED_AT + page for page in pages)  # each once
    assert {links for _, links in urls} == {3}  # fr, en and x-default
