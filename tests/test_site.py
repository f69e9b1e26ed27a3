"""The built site, as readers and search engines see it: both languages, switcher, sitemap, home figures."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from babel import Locale
from bs4 import BeautifulSoup

from atlas.base import catalog, routes
from atlas.outputs import sitemap
from atlas.records.facets import sort_key
from atlas.site import site_pages
from conftest import EDITIONS, PUBLISHED_AT, REPO, parsed
from support.filter_data import filter_data

SITE_PATH = urlsplit(PUBLISHED_AT).path  # /atlas/


def page(site, path: str) -> BeautifulSoup:
    return parsed(site / path)


def resolve(path: str, href: str) -> str:
    """The site path a link of page `path` leads to (relative, or absolute under the site's path)."""
    if href.startswith(SITE_PATH):
        path, href = "index.html", href.removeprefix(SITE_PATH) or "./"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
    if target == ".":
        return "index.html"
    return target + "/index.html" if not target.endswith(".html") else target


def switcher_target(site, path: str, lang: str) -> str:
    """Where the language switcher of page `path` leads for `lang`, as a path in the site."""
    return resolve(path, page(site, path).select_one(f'.md-select__link[hreflang="{lang}"]')["href"])


def text_of(element) -> str:
    return " ".join(element.get_text().split())


def test_every_practice_has_a_page_in_every_language(real_site, real_atlas):
    for slug, practice in real_atlas.practices.items():
        for lang, prefix in EDITIONS:
            html = page(real_site, f"{prefix}practices/{slug}/index.html")
            title = real_atlas.languages.pick(practice.data["title"], lang)
            assert html.html["lang"] == lang
            assert (text_of(html.h1), html.h1.get("lang", lang)) == (" ".join(title.text.split()), title.lang)
            assert text_of(html.title).startswith(" ".join(title.text.split()) + " - ")


def test_the_language_switcher_offers_every_language_on_every_page_both_ways(real_site):
    """From every page of every edition, the switcher leads to the same page in each language (the
    page's own included): no page falls back to a home page, whatever the way."""
    others = tuple(prefix for _, prefix in EDITIONS if prefix)
    paths = [p.relative_to(real_site).as_posix() for p in real_site.rglob("index.html") if "pagefind" not in p.as_posix()]
    neutral = sorted({path for path in paths if not path.startswith(others)})
    assert len(neutral) > 100
    wrong = [
        (prefix + path, lang)
        for path in neutral
        for _, prefix in EDITIONS
        for lang, target in EDITIONS
        if switcher_target(real_site, prefix + path, lang) != target + path
    ]
    assert wrong == []


def test_sitemap_lists_every_page_in_every_language_with_its_hreflang_alternates(real_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(real_site / "sitemap.xml")
    alternates = {
        url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in sitemap.findall("s:url", ns)
    }
    pages = {path.relative_to(real_site).parent.as_posix() for path in real_site.rglob("index.html")}
    pages = {"" if page == "." else page + "/" for page in pages if "pagefind" not in page}
    others = [prefix for _, prefix in EDITIONS if prefix]
    default_pages = {page for page in pages if not page.startswith(tuple(others))}
    assert set(alternates) == {PUBLISHED_AT + page for page in pages}
    assert pages == {prefix + page for _, prefix in EDITIONS for page in default_pages}  # every page in every language
    for page in default_pages:
        expected = {lang: PUBLISHED_AT + prefix + page for lang, prefix in EDITIONS} | {"x-default": PUBLISHED_AT + page}
        assert all(alternates[PUBLISHED_AT + prefix + page] == expected for _, prefix in EDITIONS)


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_sitemaps_of_a_given_size_hold_every_page_once_in_the_whole_sitemaps_order(real_atlas, parts):
    """A limit of 1/`parts` of the atlas's addresses: `parts` sitemaps (one alone: no index),
    together the whole sitemap's entries, in its order."""

    def entries(xml: str) -> list[bytes]:
        return [ElementTree.tostring(url).strip() for url in ElementTree.fromstring(xml)]

    paths = [page.path for page in site_pages(real_atlas, real_atlas.languages.default)]
    (whole,) = sitemap.sitemaps(real_atlas, paths).values()
    limit = -(-len(entries(whole)) // parts)
    files = sitemap.sitemaps(real_atlas, paths, limit)
    assert list(files) == ["sitemap.xml"] + [f"sitemap-{n}.xml" for n in range(1, parts + 1)] * (parts > 1)
    if parts == 1:
        assert files["sitemap.xml"] == whole
        return
    index = ElementTree.fromstring(files["sitemap.xml"])
    assert [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")] == [
        PUBLISHED_AT + f"sitemap-{n}.xml" for n in range(1, parts + 1)
    ]
    split = [entries(files[f"sitemap-{n}.xml"]) for n in range(1, parts + 1)]
    assert all(len(part) <= limit for part in split) and sum(split, []) == entries(whole)


def test_the_404_page_speaks_every_language_and_leads_home_under_the_sites_path(real_site, real_atlas):
    """GitHub Pages serves one 404.html for the whole site (mkdocs-static-i18n writes one per
    language, the last built winning: #284): the atlas's says it in every language, each leading
    to that language's home and search, and a script shows the reader's own first."""
    html = page(real_site, "404.html")
    sections = html.select("article section[lang]")
    assert [section["lang"] for section in sections] == [lang for lang, _ in EDITIONS]
    for section, (lang, prefix) in zip(sections, EDITIONS, strict=True):
        assert text_of(section.select_one("h1, h2")) == catalog.ui(real_atlas.languages, lang)["not_found_title"]
        assert [a["href"] for a in section.select("a")] == [f"{SITE_PATH}{prefix}", f"{SITE_PATH}{prefix}search/"]
    assert sections[0].h1 is not None and all(section.h1 is None for section in sections[1:])  # one h1


GENERATED_PAGE = re.compile(r"(practices|cities|countries|regions|themes|levers|actor-types|statuses|sdgs)/[^/#]+/")


def test_practice_and_facet_pages_are_kept_out_of_the_navigation(real_site, real_atlas):
    """Only the index and the overview pages are in the navigation, whatever the number of practices."""
    slug, theme = next(iter(real_atlas.practices)), next(iter(real_atlas.vocabulary["themes"]))
    for prefix, path in [
        (prefix, path)
        for _, prefix in EDITIONS
        for path in ("index.html", f"practices/{slug}/index.html", f"themes/{theme}/index.html")
    ]:
        nav = page(real_site, prefix + path).select_one("nav.md-nav--primary")
        links = [resolve(prefix + path, a["href"]) for a in nav.find_all("a", href=True)]
        assert prefix + "practices/index.html" in links
        assert [link for link in links if GENERATED_PAGE.search(link)] == []


def test_home_pages_show_the_figures_of_the_data(real_site, real_atlas):
    used = {city for practice in real_atlas.practices.values() for city in practice.cities}
    countries = {real_atlas.cities[city]["country"] for city in used}
    words = {
        "fr": ("pratiques", "villes", "pays"),
        "en": ("practices", "cities", "countries"),
        "es": ("prácticas", "ciudades", "países"),
    }
    for lang, prefix in EDITIONS:
        figures = [li.get_text(" ", strip=True) for li in page(real_site, f"{prefix}index.html").select(".atlas-figures li")]
        counts = (len(real_atlas.practices), len(used), len(countries))
        assert figures == [f"{count} {word}" for count, word in zip(counts, words[lang], strict=True)]


def test_index_lists_every_practice_in_order_without_javascript(real_site, real_atlas):
    """50 a page: the index, then practices/page/2/… (the real atlas has more than 50 practices)."""
    for lang, prefix in EDITIONS:
        title = {
            slug: real_atlas.languages.pick(practice.data["title"], lang).text for slug, practice in real_atlas.practices.items()
        }
        listed, path = [], f"{prefix}practices/index.html"
        while path:
            html = page(real_site, path)
            listed += [resolve(path, a["href"]) for a in html.select(".atlas-cards .atlas-card__title a")]
            following = html.select_one(".atlas-pages a[rel=next]")
            path = resolve(path, following["href"]) if following else None
        assert listed == [
            f"{prefix}practices/{slug}/index.html" for slug in sorted(title, key=lambda slug: sort_key(title[slug]))
        ]


def test_every_practice_is_reachable_from_its_cities_themes_and_levers(real_site, real_atlas):
    for slug, practice in real_atlas.practices.items():
        for _, prefix in EDITIONS:
            for folder, keys in (
                ("cities", practice.cities),
                ("themes", practice.data["themes"]),
                ("levers", practice.data["levers"]),
            ):
                for key in keys:
                    path = f"{prefix}{folder}/{key}/index.html"
                    targets = [resolve(path, a["href"]) for a in page(real_site, path).select(".atlas-card__title a")]
                    assert f"{prefix}practices/{slug}/index.html" in targets, (prefix, folder, key, slug)


def text_of_name(atlas, name: str | dict, lang: str) -> str:
    """An actor's name as a page shows it: a proper name as it is, a description in the page's language."""
    return name if isinstance(name, str) else " ".join(atlas.languages.pick(name, lang).text.split())


def facts_of(html: BeautifulSoup) -> dict[str, BeautifulSoup]:
    return {dt.get_text(): dt.find_next_sibling("dd") for dt in html.select(".atlas-facts dt")}


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_a_practice_page_shows_its_case_file_the_city_role_first(real_site, real_atlas, lang, prefix):
    """What the case file says is on the page, in the page's language: the city government's role
    first, then the facts linking to their pages, the narrative, the actors, the sources, the review."""
    role_title = catalog.ui(real_atlas.languages, lang)["facet_role"]
    for slug, practice in real_atlas.practices.items():
        data, path = practice.data, f"{prefix}practices/{slug}/index.html"
        html = page(real_site, path)
        facts = facts_of(html)
        assert list(facts)[0] == role_title
        assert text_of(facts[role_title]).startswith(real_atlas.vocabulary["city_roles"][data["city_role"]]["label"][lang])
        linked = {
            resolve(path, a["href"]).removeprefix(prefix).removesuffix("/index.html") for a in html.select(".atlas-facts a")
        }
        expected = {f"themes/{key}" for key in data["themes"]} | {f"levers/{key}" for key in data["levers"]}
        expected |= {f"cities/{key}" for key in practice.cities} | {
            f"statuses/{data['status']}",
            f"city-roles/{data['city_role']}",
        }
        assert expected <= linked, slug
        actors = [text_of(td) for td in html.select(".atlas-actors tbody tr td:first-child")]
        assert len(actors) == len(data["actors"])
        assert [text_of_name(real_atlas, entry["name"], lang) for entry in data["actors"] if "name" in entry] == [
            name for name, entry in zip(actors, data["actors"], strict=True) if "name" in entry
        ]
        assert [text_of(li.cite) for li in html.select(".atlas-sources li")] == [source["title"] for source in data["sources"]]
        assert html.select_one(".atlas-reviewed time")["datetime"] == data["last_reviewed"]
        assert html.select(".atlas-narrative h2"), slug


def test_country_names_are_in_the_readers_language(real_site, real_atlas):
    """A country whose name differs from one language to the other (Suisse, Switzerland) is named in each page's."""
    from babel import Locale

    names = {lang: Locale.parse(lang).territories for lang in real_atlas.languages.codes}
    slug, practice = next(
        (slug, p)
        for slug, p in real_atlas.practices.items()
        if p.cities and len({names[code][real_atlas.cities[p.cities[0]]["country"]] for code in names}) > 1
    )
    code = real_atlas.cities[practice.cities[0]]["country"]
    for lang, prefix in EDITIONS:
        html = page(real_site, f"{prefix}practices/{slug}/index.html")
        where = text_of(html.select_one(".atlas-facts dd:has(> a[href*='/cities/'])"))
        assert f"({names[lang][code]})" in where


def test_no_page_requests_a_third_party(real_site):
    """Published pages load nothing from another host (no CDN, no Google Fonts)."""
    offenders = []
    for path in real_site.rglob("*.html"):
        html = parsed(path)
        for tag in html.find_all(["script", "img", "iframe", "source", "video", "audio", "embed"], src=True):
            if re.match(r"^(https?:)?//", tag["src"]):
                offenders.append(f"{path.relative_to(real_site)}: {tag.name} {tag['src']}")
        for tag in html.find_all("link", href=True):
            rel = set(tag.get("rel", []))
            if rel & {"stylesheet", "preload", "prefetch", "icon", "modulepreload", "preconnect", "dns-prefetch"} and re.match(
                r"^(https?:)?//", tag["href"]
            ):
                offenders.append(f"{path.relative_to(real_site)}: link {tag['href']}")
        for style in html.find_all("style"):
            offenders += [
                f"{path.relative_to(real_site)}: style {url}"
                for url in re.findall(r"url\((['\"]?)(https?:)?//[^)]*\)|@import", style.get_text())
            ]
    for path in real_site.rglob("*.css"):
        for match in re.finditer(
            r"url\(\s*['\"]?((https?:)?//[^)'\"]+)|@import\s+(url\()?['\"]?(https?:)?//", path.read_text(encoding="utf-8")
        ):
            offenders.append(f"{path.relative_to(real_site)}: {match.group(0)}")
    assert offenders == []


def test_the_index_filters_by_what_each_practice_page_shows(real_site, real_atlas):
    """The data behind the index's filter (data/practices.json and its chunks) puts each practice under the very
    values its page links to: its city role, cities, countries, themes, levers, actor types,
    status and goals (regions: those of its cities, which the page does not link); and it shows
    the page's title and summary."""
    folders = {"role": "city-roles", "city": "cities", "country": "countries", "theme": "themes"}
    folders |= {"lever": "levers", "actor": "actor-types", "status": "statuses", "sdg": "sdgs"}
    for _, prefix in EDITIONS:
        data = filter_data(real_site, prefix)
        assert {item["slug"] for item in data["practices"]} == set(real_atlas.practices)
        for item in data["practices"]:
            path = f"{prefix}practices/{item['slug']}/index.html"
            html = page(real_site, path)
            assert (item["title"], item["summary"]) == (text_of(html.h1), text_of(html.select_one(".atlas-summary")))
            linked = {
                resolve(path, a["href"]).removeprefix(prefix).removesuffix("/index.html") for a in html.select(".atlas-facts a")
            }
            from_data = {f"{folders[facet]}/{key}" for facet, keys in item["keys"].items() if facet in folders for key in keys}
            assert from_data == {link for link in linked if link.split("/")[0] in folders.values()}, item["slug"]
            for facet, keys in item["keys"].items():
                assert all(key in data["labels"][facet] for key in keys)


def test_every_link_between_pages_resolves(real_site):
    """Every relative link of every page leads to a file of the site, and to an element of the page
    where it names one (a glossary term, a section): the navigation and tabs that pages of one
    folder share (site.SharedFragments) included. The practices' map frame is told a practice
    after '#': the page that shows it must be that practice's."""
    broken = []
    for path in real_site.rglob("*.html"):
        page_path = path.relative_to(real_site).as_posix()
        html = parsed(path)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("iframe", "src"), ("img", "src")):
            for element in html.find_all(tag, attrs={attribute: True}):
                target, _, fragment = element[attribute].split("?")[0].partition("#")
                if not target or re.match(r"^[a-z]+:|^//", target):
                    continue
                relative = page_path
                if target.startswith("/"):  # the 404 page's links: from the host's root, under the site's path
                    if not target.startswith(SITE_PATH):
                        broken.append(f"{page_path}: {tag} {element[attribute]} (outside {SITE_PATH})")
                        continue
                    relative, target = "index.html", "./" + target[len(SITE_PATH) :]
                resolved = real_site / posixpath.normpath(posixpath.join(posixpath.dirname(relative), target))
                file = resolved / "index.html" if resolved.is_dir() else resolved
                if not file.is_file():
                    broken.append(f"{page_path}: {tag} {element[attribute]}")
                elif file.name == posixpath.basename(routes.PRACTICE_MAP):
                    if not page_path.endswith(f"{routes.PRACTICES}/{fragment}/index.html"):
                        broken.append(f"{page_path}: {tag} {element[attribute]} (not this page's practice)")
                elif fragment and file.suffix == ".html" and parsed(file).find(id=fragment) is None:
                    broken.append(f"{page_path}: {tag} {element[attribute]} (no element #{fragment} there)")
    assert broken == []


def test_tabs_and_navigation_lead_to_the_same_pages_from_every_page(real_site):
    """Pages of one folder share their tabs and navigation (site.SharedFragments): from each
    page they must still lead where the home page's do."""

    def targets(path: str) -> list[str]:
        links = page(real_site, path).select(".md-tabs a[href], .md-nav--primary a[href]")
        return sorted({resolve(path, a["href"].split("#")[0] or "./") for a in links})

    for _, prefix in EDITIONS:
        expected = targets(f"{prefix}index.html")
        pages = [path.relative_to(real_site).as_posix() for path in (real_site / prefix).rglob("index.html")]
        pages = [path for path in pages if prefix or not path.startswith(tuple(other for _, other in EDITIONS if other))]
        assert len(expected) > 10 and len(pages) > 100
        assert [path for path in pages if targets(path) != expected] == []


# Templates copied from Material with a change of the atlas's: (ours, Material's, the part compared,
# what the atlas leaves out of Material's on purpose).
COPIED_TEMPLATES = [
    ("atlas-outside-nav.html", "base.html", r"\{% block site_nav %\}(.*?)\{% endblock %\}", None),
    # The entries' language, on a page shown along a fallback chain.
    (
        "partials/toc.html",
        "partials/toc.html",
        r"\A(.*)\Z",
        r'<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>',
    ),
    ("partials/alternate.html", "partials/alternate.html", r"\A(.*)\Z", None),
    # The page-level hreflang alternates: Material's script fetches a sitemap.xml beside each (404s).
    (
        "main.html",
        "base.html",
        r"\{% block site_meta %\}(.*?)\{% endblock %\}",
        r"\{% if config\.extra\.alternate is iterable %\}.*?\{% endif %\}",
    ),
]


@pytest.mark.parametrize("ours, materials, part, left_out", COPIED_TEMPLATES)
def test_copied_material_templates_stay_materials(ours, materials, part, left_out):
    """A template the atlas copies from Material (to share a block, to add its search field) must
    follow Material's: the same lines but for the atlas's own (comments and atlas lines aside)."""
    import material

    def lines(template: str, left_out=None) -> list[str]:
        body = re.sub(r"\{#.*?#\}", "", re.search(part, template, re.S).group(1), flags=re.S)
        if left_out:
            body, removed = re.subn(left_out, "", body, flags=re.S)
            assert removed == 1, f"Material's {materials} no longer has what the atlas leaves out of it"
        return [line.strip() for line in body.splitlines() if line.strip() and "atlas" not in line and "endcall" not in line]

    material_file = Path(material.__file__).parent / "templates" / materials
    ours_file = Path(__file__).parent.parent / "overrides" / ours
    assert lines(ours_file.read_text(encoding="utf-8")) == lines(material_file.read_text(encoding="utf-8"), left_out)


def meta(html: BeautifulSoup, key: str) -> list[str]:
    return [tag["content"] for tag in html.select(f'meta[property="{key}"], meta[name="{key}"]')]


# OpenGraph's locale of each language: its likeliest territory.
OG_LOCALES = {"fr": "fr_FR", "en": "en_US", "es": "es_ES"}


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_a_shared_link_shows_the_page_in_its_language(real_site, real_atlas, lang, prefix):
    """OpenGraph and Twitter cards on every page; a practice shows its title and summary."""
    from atlas.model.settings import read_mkdocs_config

    config = read_mkdocs_config(REPO)
    entry = next(entry for entry in config["plugins"][0]["i18n"]["languages"] if entry["locale"] == lang)
    site_name = entry.get("site_name", config["site_name"])
    locale, others = OG_LOCALES[lang], [OG_LOCALES[code] for code, _ in EDITIONS if code != lang]
    image = PUBLISHED_AT + "assets/atlas-share.png"
    assert (real_site / "assets/atlas-share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    other_prefixes = tuple(other for _, other in EDITIONS if other and other != prefix)
    pages = [
        p for p in real_site.glob(f"{prefix}**/index.html") if not p.relative_to(real_site).as_posix().startswith(other_prefixes)
    ]
    assert len(pages) > 100
    for path in pages:
        html = page(real_site, path.relative_to(real_site).as_posix())
        assert meta(html, "og:site_name") == [site_name], path
        assert meta(html, "og:locale") == [locale] and meta(html, "og:locale:alternate") == others, path
        assert meta(html, "og:image") == [image] and meta(html, "twitter:image") == [image], path
        assert meta(html, "og:title")[0].strip() and meta(html, "og:description")[0].strip(), path
        assert meta(html, "og:url") == [html.select_one('link[rel="canonical"]')["href"]], path
        assert meta(html, "twitter:card") == ["summary_large_image"], path
        assert html.select('head link[rel="alternate"][hreflang]') == [], "no page-level alternates (see main.html)"
    for slug, practice in real_atlas.practices.items():
        html = page(real_site, f"{prefix}practices/{slug}/index.html")
        assert (
            meta(html, "og:title")
            == meta(html, "twitter:title")
            == [real_atlas.languages.pick(practice.data["title"], lang).text]
        )
        assert meta(html, "og:description") == [real_atlas.languages.pick(practice.data["summary"], lang).text]
        assert meta(html, "og:type") == ["article"]
        assert meta(html, "og:url") == [f"{PUBLISHED_AT}{prefix}practices/{slug}/"]


def json_ld(html: BeautifulSoup) -> dict:
    (script,) = html.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_search_engines_read_the_case_its_places_themes_and_sources(real_site, real_atlas, lang, prefix):
    themes_title = catalog.ui(real_atlas.languages, lang)["themes"]
    for slug, practice in real_atlas.practices.items():
        html = page(real_site, f"{prefix}practices/{slug}/index.html")
        data = json_ld(html)
        title = real_atlas.languages.pick(practice.data["title"], lang)
        assert data["@type"] == "Article" and data["inLanguage"] == real_atlas.languages.pick(practice.narratives, lang).lang
        assert data["headline"] == title.text
        assert data["url"] == f"{PUBLISHED_AT}{prefix}practices/{slug}/"
        assert data["dateModified"] == practice.data["last_reviewed"]
        located = {
            (place["name"], place["geo"]["latitude"], place["geo"]["longitude"])
            for place in data["spatialCoverage"]
            if "geo" in place
        }
        names = {place["name"] for place in data["spatialCoverage"]}
        for city in practice.cities:
            entry = real_atlas.cities[city]
            assert entry["name"][lang] in names, (slug, city)
            if not practice.data.get("location"):  # else the place is the practice's own point
                assert (entry["name"][lang], entry["lat"], entry["lon"]) in located, (slug, city)
        themes = facts_of(html)[themes_title]
        assert [thing["name"] for thing in data["about"]] == [text_of(a) for a in themes.select("a")]  # as the page names them
        assert [work["name"] for work in data["citation"]] == [source["title"] for source in practice.data["sources"]]
    home = json_ld(page(real_site, f"{prefix}index.html"))
    assert home["@type"] == "WebSite" and home["url"] == PUBLISHED_AT + prefix
    from atlas.model.settings import read_mkdocs_config

    assert home["publisher"]["name"] == read_mkdocs_config(REPO)["extra"]["atlas"]["publisher"]["name"][lang]


@pytest.mark.parametrize(
    "prefix, words",
    [("", ("Éditeur", "Creative Commons")), ("en/", ("Publisher", "Creative Commons")), ("es/", ("Editor", "Creative Commons"))],
)
def test_the_footer_says_who_publishes_under_which_licence_and_where_data_and_guide_are(real_site, real_atlas, prefix, words):
    slug, theme = next(iter(real_atlas.practices)), next(iter(real_atlas.vocabulary["themes"]))
    for path in (f"{prefix}index.html", f"{prefix}practices/{slug}/index.html", f"{prefix}themes/{theme}/index.html"):
        html = page(real_site, path)
        footer = html.select_one("footer.md-footer .atlas-footer")
        assert all(word in footer.get_text() for word in words), path
        assert footer.select_one('a[rel~="license"]')["href"].startswith("https://creativecommons.org/licenses/by/4.0/")
        targets = [a["href"] for a in footer.select("a")[1:]]
        href, anchor = targets[0].split("#") if "#" in targets[0] else (targets[0], None)
        about = resolve(path, href)
        assert about == f"{prefix}about/index.html" and page(real_site, about).find(id=anchor) is not None, targets[0]
        for href in targets[1:]:
            target = real_site / posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            assert target.is_file() or (target / "index.html").is_file(), href
        assert "Material for MkDocs" not in footer.get_text()


def test_a_hand_written_page_follows_its_languages_fallback_chain(real_site, real_atlas):
    """mkdocs-static-i18n falls back to the default language only; a page of docs/ not written in
    a language is shown in the first language of that language's chain that has it, under the
    notice and marked with its language (a third language's, in test_fixture_sites). A page
    written in the language, as the contributor guide is in each, has no notice."""
    for lang, prefix in EDITIONS:
        written = {
            code for code, _ in EDITIONS if (REPO / "docs" / real_atlas.routes.page_source("", code, "contribuer.md")).is_file()
        }
        shown = next(code for code in real_atlas.languages.chain(lang) if code in written)
        html = page(real_site, f"{prefix}contribuer/index.html")
        notice = html.select_one(".atlas-untranslated")
        if shown == lang:
            assert notice is None and html.select_one("article div[lang]") is None
        else:
            assert Locale.parse(lang).languages[shown] in text_of(notice)
            assert html.select_one("article div[lang]")["lang"] == shown
            assert text_of(html.select_one("article div[lang] h1")) == text_of(
                page(real_site, f"{real_atlas.routes.prefix(shown)}contribuer/index.html").h1
            )


def test_instant_navigation_is_off_so_the_language_switcher_keeps_the_page(real_site):
    """Material's navigation.instant swaps pages without reloading them, and the switcher then
    leads every language to its home page: it stays off."""
    from atlas.model.settings import read_mkdocs_config

    assert "navigation.instant" not in read_mkdocs_config(REPO)["theme"].get("features", [])
