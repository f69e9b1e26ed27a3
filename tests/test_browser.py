"""A reader in a real browser (Debian's Chromium driven by Playwright), with the network cut and
the atlas served as GitHub Pages serves it (under a sub-path, gzipped, its 404 page): every page
type on a slow phone, the filter, shareable filter links, the language switch, search, print and
accessibility."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from atlas import routes
from atlas.cli import find_chromium
from atlas.page_types import NOT_FOUND, PAGE_TYPES
from atlas.pages_server import PagesServer
from conftest import PUBLISHED_AT

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SITE_PATH = urlsplit(PUBLISHED_AT).path  # /atlas/, as on GitHub Pages


@pytest.fixture(scope="session")
def base_url(real_site):
    with PagesServer(real_site, SITE_PATH) as base:
        yield base


def site_path(url: str) -> str:
    """A page's path within the site: /en/practices/ for http://127.0.0.1:<port>/atlas/en/practices/."""
    path = urlsplit(url).path
    assert path.startswith(SITE_PATH), f"{url} is outside the site ({SITE_PATH})"
    return "/" + path[len(SITE_PATH) :]


def open_facet(page, facet: str) -> None:
    """Open the filter's group of one facet (closed until the reader opens it)."""
    page.locator(f"details:has(input[name={facet}]) > summary").click()


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail("the browser tests need Chromium: apt-get install chromium (see .ci/run), or set ATLAS_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def tile_host() -> str:
    from atlas.settings import read_mkdocs_config
    from conftest import REPO

    return urlsplit(read_mkdocs_config(REPO)["extra"]["atlas"]["map_tiles"]["url"]).hostname


@pytest.fixture
def page(browser, base_url):
    """A fresh page whose requests to any other host are refused and recorded: the network is cut.
    Only the map tiles' host may be asked for (and it does not answer here)."""
    context = browser.new_context(base_url=base_url)
    outside: list[str] = []

    def route(request_route):
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert {urlsplit(url).hostname for url in outside} <= {tile_host()}, "pages asked for other hosts"


def shown_slugs(page) -> list[str]:
    page.wait_for_selector(".atlas-index--ready")
    return page.eval_on_selector_all(".atlas-results .atlas-card", "cards => cards.map(c => c.dataset.slug)")


def expected_slugs(atlas, lang="fr", **wanted) -> list[str]:
    """The practices the filter must show: OR within a facet, AND across facets, sorted by title."""
    from atlas.facets import FACETS_BY_ID
    from atlas.views import sort_key

    chosen = [
        slug
        for slug, practice in atlas.practices.items()
        if all(set(keys) & set(FACETS_BY_ID[facet].practice_keys(atlas, practice)) for facet, keys in wanted.items())
    ]
    return sorted(chosen, key=lambda slug: sort_key(atlas.practices[slug].data["title"][lang]))


def test_combined_filters_show_exactly_the_matching_practices(page, real_atlas):
    page.goto("practices/")
    page.wait_for_selector(".atlas-index--ready")
    for facet in ("theme", "lever", "city"):
        open_facet(page, facet)
    page.get_by_role("checkbox", name="Emploi et insertion des jeunes").check()
    page.get_by_role("checkbox", name="Inclusion et égalité femmes-hommes").check()
    expected = expected_slugs(real_atlas, theme=["youth-employment"], lever=["inclusion-gender"])
    assert expected and shown_slugs(page) == expected
    page.locator("input[name=city][value=abidjan]").check()
    narrower = expected_slugs(real_atlas, theme=["youth-employment"], lever=["inclusion-gender"], city=["abidjan"])
    assert shown_slugs(page) == narrower
    expect(page.locator("#atlas-results-count")).to_have_text(f"{len(narrower)} pratique(s)")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filtered_cards_link_to_their_practice_and_levers(page, real_atlas, prefix):
    page.goto(f"{prefix}practices/?city=lyon")
    slug = shown_slugs(page)[0]
    card = page.locator(f".atlas-results .atlas-card[data-slug='{slug}']")
    links = [site_path(url) for url in card.locator("a").evaluate_all("links => links.map(a => a.href)")]
    levers = real_atlas.practices[slug].data["levers"]
    assert links == [f"/{prefix}practices/{slug}/"] + [f"/{prefix}levers/{key}/" for key in levers]


def test_option_counts_follow_the_other_filters(page, real_atlas):
    page.goto("practices/?city=lausanne")
    page.wait_for_selector(".atlas-index--ready")
    count = page.locator("label.atlas-option", has=page.locator("input[name=theme][value=health]")).locator("[data-count]")
    expect(count).to_have_text(str(len(expected_slugs(real_atlas, city=["lausanne"], theme=["health"]))))


def test_the_address_reproduces_a_filter_state_and_back_works(page, real_atlas):
    page.goto("practices/?theme=circular-economy&theme=health&region=west-africa")
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=["circular-economy", "health"], region=["west-africa"])
    assert page.get_by_role("checkbox", name="Santé").is_checked()
    page.get_by_role("checkbox", name="Afrique de l'Ouest").uncheck()
    assert "region=" not in page.url
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=["circular-economy", "health"])
    page.go_back()
    expect(page.get_by_role("checkbox", name="Afrique de l'Ouest")).to_be_checked()
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=["circular-economy", "health"], region=["west-africa"])


def test_free_text_and_years_filter(page, real_atlas):
    page.goto("practices/?q=fablab&from=2014&to=2014")
    slugs = shown_slugs(page)
    assert slugs and all(real_atlas.practices[s].data.get("start_year") == 2014 for s in slugs)
    assert "abidjan-babylab" in slugs


def test_keyboard_alone_operates_the_filters(page, real_atlas):
    page.goto("en/practices/")
    page.wait_for_selector(".atlas-index--ready")
    page.focus("#atlas-q")
    page.keyboard.type("waste")
    page.wait_for_function(f"document.querySelectorAll('.atlas-results .atlas-card').length < {len(real_atlas.practices)}")
    cities = page.locator("details:has(input[name=city]) > summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if cities.evaluate("el => el === document.activeElement"):
            break
    assert cities.evaluate("el => el === document.activeElement"), "the cities' group is reachable with Tab"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    box = page.locator("input[name=city]").first
    assert box.evaluate("el => el === document.activeElement"), "the first city follows its group"
    page.keyboard.press("Space")
    assert box.is_checked() and "city=" in page.url and "q=waste" in page.url


def test_language_switch_from_an_index_page(page):
    page.goto("practices/")
    href = page.locator('.md-select__link[hreflang="en"]').get_attribute("href")
    page.goto(page.url + href)
    assert site_path(page.url) == "/en/practices/"
    expect(page.locator("h1")).to_have_text("All practices")
    href = page.locator('.md-select__link[hreflang="fr"]').get_attribute("href")
    page.goto(page.url + href)
    assert site_path(page.url) == "/practices/"


@pytest.mark.parametrize(
    "path, word, slug",
    [
        ("search/", "Abobo", "abidjan-babylab"),
        ("en/search/", "Abobo", "abidjan-babylab"),
    ],
)
def test_search_finds_a_practice_by_a_word_of_its_narrative_in_each_language(page, path, word, slug):
    page.goto(f"{path}?q={word}")
    page.wait_for_selector(".pagefind-ui__result-link")
    links = [site_path(url) for url in page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")]
    prefix = "/en" if path.startswith("en/") else ""
    assert f"{prefix}/practices/{slug}/" in links
    assert all(link.startswith("/en/") == bool(prefix) for link in links), "results are in the reader's language"


def test_french_search_handles_apostrophes_and_accents(page):
    for query in ("d'innovation", "economie"):
        page.goto(f"search/?q={query}")
        page.wait_for_selector(".pagefind-ui__result-link")
        assert page.locator(".pagefind-ui__result-link").count() > 0, query


def test_header_search_field_leads_to_results(page):
    page.goto("en/")
    page.fill("#atlas-header-q", "waste")
    page.press("#atlas-header-q", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link")
    assert site_path(page.url) == "/en/search/"


@pytest.mark.parametrize(
    "path",
    [
        "",
        "en/",
        "practices/",
        "en/practices/",
        "themes/health/",
        "en/levers/",
        "map/",
        "cities/abidjan/",
        "practices/lyon-centsept/",
        "maps/world.html",
        "en/maps/practices/lyon-centsept.html",
        "en/practices/abidjan-babylab/",
        "search/?q=innovation",
        "method/",
        "en/method/diagnosis/",
        "glossary/",
        "en/recommendations/",
        "levers/public-incubator/",
        "en/cities/lyon/",
        "actors/",
        "en/actors/tuba/",
        "actor-profile/",
        "en/data/",
    ],
)
def test_no_serious_accessibility_violation(page, path):
    page.goto(path)
    if path[-10:] == "practices/":
        page.wait_for_selector(".atlas-index--ready")
    if "search/" in path:
        page.wait_for_selector(".pagefind-ui__result-link")
    violations = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def world_map(page, path):
    page.goto(path)
    frame = page.frame_locator("iframe")
    frame.locator("html.atlas-map-ready").wait_for(state="attached")
    return page.frames[1]


def marker_slugs(frame) -> list[str]:
    return frame.evaluate("window.atlasLayer.getLayers().map(m => m.atlasSlug)")


def test_world_map_shows_every_practice_offline(page, real_atlas):
    frame = world_map(page, "map/")
    expected = sorted(s for s, p in real_atlas.practices.items() for _ in (p.cities if not p.data.get("location") else [0]))
    assert sorted(marker_slugs(frame)) == expected
    assert frame.locator(".marker-cluster").count() > 0, "markers are clustered"


def test_world_map_popup_links_to_the_practice_in_the_top_window(page, real_atlas):
    frame = world_map(page, "en/map/")
    frame.evaluate("""new Promise(done => {
        const marker = window.atlasLayer.getLayers().find(m => m.atlasSlug === 'lausanne-la-serre');
        window.atlasLayer.zoomToShowLayer(marker, () => { marker.openPopup(); done(); });
    })""")
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator(".atlas-popup__title")).to_have_text(real_atlas.practices["lausanne-la-serre"].data["title"]["en"])
    expect(popup.locator(".atlas-popup__place")).to_have_text("Lausanne (Switzerland)")
    expect(popup.locator(".atlas-popup__summary")).to_have_text(real_atlas.practices["lausanne-la-serre"].data["summary"]["en"])
    link = popup.locator("a")
    assert link.get_attribute("target") == "_top"
    link.click()
    page.wait_for_url("**/en/practices/lausanne-la-serre/")
    expect(page.locator("h1")).to_have_text(real_atlas.practices["lausanne-la-serre"].data["title"]["en"])


def test_world_map_filters_by_region_theme_and_lever(page, real_atlas):
    frame = world_map(page, "en/map/")
    frame.locator("select[name=region]").select_option("west-africa")
    west_africa = sorted(
        s for s, p in real_atlas.practices.items() for c in p.cities if real_atlas.cities[c]["region"] == "west-africa"
    )
    assert sorted(set(marker_slugs(frame))) == sorted(set(west_africa))
    frame.locator("select[name=theme]").select_option("circular-economy")
    assert set(marker_slugs(frame)) == {s for s in west_africa if "circular-economy" in real_atlas.practices[s].data["themes"]}


def test_practice_and_city_pages_have_their_map_and_a_way_past_it(page, real_atlas):
    page.goto("practices/bilbao-bordeaux-mentoring/")
    frame = page.frame_locator("iframe")
    frame.locator("html.atlas-map-ready").wait_for(state="attached")
    markers = page.frames[1].evaluate("window.atlasLayer.getLayers().length")
    assert markers == len(real_atlas.practices["bilbao-bordeaux-mentoring"].cities)
    skip = page.locator(".atlas-map .atlas-skip")
    assert skip.get_attribute("href") == "#atlas-practice-map-after"
    page.goto("cities/lyon/")
    page.frame_locator("iframe").locator("html.atlas-map-ready").wait_for(state="attached")
    lyon = {s for s, p in real_atlas.practices.items() if "lyon" in p.cities}
    assert set(page.frames[1].evaluate("window.atlasLayer.getLayers().map(m => m.atlasSlug)")) == lyon


def shown_actors(page) -> list[str]:
    page.wait_for_selector(".atlas-list--ready")
    return page.eval_on_selector_all("li[data-slug]:not([hidden])", "items => items.map(i => i.dataset.slug).sort()")


def test_actors_index_filters_by_type_city_and_theme(page, real_atlas):
    from atlas.actors import cities_of, themes_of

    page.goto("en/actors/")
    assert shown_actors(page) == sorted(real_atlas.actors)  # the whole list, as without JavaScript
    page.select_option("#atlas-actors-type", "public")
    page.select_option("#atlas-actors-city", "lyon")
    expected = sorted(
        s for s, a in real_atlas.actors.items() if a.data["type"] == "public" and "lyon" in cities_of(real_atlas, s)
    )
    assert expected and shown_actors(page) == expected
    assert "type=public" in page.url and "city=lyon" in page.url
    page.select_option("#atlas-actors-type", "")
    page.select_option("#atlas-actors-city", "")
    page.select_option("#atlas-actors-theme", "youth-employment")
    assert shown_actors(page) == sorted(s for s in real_atlas.actors if "youth-employment" in themes_of(real_atlas, s))
    page.go_back()  # the filters as they were before the theme: none
    assert shown_actors(page) == sorted(real_atlas.actors)
    page.go_back()  # before the type was cleared: the city alone
    assert shown_actors(page) == sorted(s for s in real_atlas.actors if "lyon" in cities_of(real_atlas, s))


def test_the_blank_actor_profile_prints_on_a4_without_navigation(page):
    page.goto("actor-profile/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer-meta', '.atlas-template-example']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    spaces = page.eval_on_selector_all(".atlas-writing-space", "els => els.map(e => e.getBoundingClientRect().height)")
    assert len(spaces) == 12 and min(spaces) > 100  # room to write in each of the twelve sections
    assert 2 <= pdf_pages(page.pdf(format="A4")) <= 6


def test_without_javascript_the_list_is_whole_and_search_offers_lists_to_browse(browser, base_url, real_atlas):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("en/practices/")
    expect(page.locator("form.atlas-filters")).to_be_hidden()  # it filters only with scripts
    expect(page.locator(".atlas-results li.atlas-card")).to_have_count(len(real_atlas.practices))
    page.fill("#atlas-header-q", "waste")
    page.get_by_role("button", name="Search").click()
    assert site_path(page.url) == "/en/search/" and urlsplit(page.url).query == "q=waste"
    links = page.locator("noscript a")
    assert links.count() >= 4
    for href in links.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    context.close()


def test_the_filter_form_has_a_button_that_takes_the_reader_to_the_results(page, real_atlas):
    page.goto("en/practices/")
    page.wait_for_selector(".atlas-index--ready")
    page.fill("#atlas-q", "waste")
    page.get_by_role("button", name="Show the results").click()
    assert "q=waste" in page.url
    expect(page.locator("#atlas-results")).to_be_focused()
    assert 0 < len(shown_slugs(page)) < len(real_atlas.practices)


SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => { for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value; })
        .observe({type: "layout-shift", buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_on_a_slow_phone_has_no_failed_request_no_error_and_no_jump(browser, base_url, kind, prefix):
    """On a phone and a slow line (Lighthouse's "slow 4G"), served as GitHub Pages serves the atlas:
    no request fails (map tiles aside: the network is cut), no console error, nothing is fetched
    that the reader does not need (the sitemap is for search engines), and nothing moves once
    shown (cumulative layout shift under 0.05, measured in the page)."""
    path, ready = PAGE_TYPES[kind]
    tiles = tile_host()
    context = browser.new_context(
        base_url=base_url, viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True
    )
    context.route(
        "**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort()
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_4G)
    failed, errors, requested = [], [], []
    document = base_url + prefix + path
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != document else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if urlsplit(r.url).hostname != tiles else None)
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and urlsplit(m.location.get("url", "")).hostname != tiles and m.location.get("url") != document
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(prefix + path, wait_until="networkidle")
    assert response.status == (404 if kind == NOT_FOUND else 200)
    if ready:
        page.wait_for_selector(ready)
    shift = page.evaluate(LAYOUT_SHIFT)
    feeds = page.eval_on_selector_all('head link[rel="alternate"][type="application/atom+xml"]', "ls => ls.map(l => l.href)")
    context.close()
    assert failed == [] and errors == []
    assert [url for url in requested if url.endswith("/sitemap.xml")] == []
    feed_lang = "en" if prefix and kind != NOT_FOUND else "fr"  # the 404 page is one page for every language
    assert feeds == [base_url + routes.feed(feed_lang, "fr")]  # back in the head once loaded, for feed readers
    assert shift < 0.05


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def computed(page, selector: str, prop: str = "display", pseudo: str | None = None) -> list[str]:
    return page.eval_on_selector_all(
        selector, f"els => els.map(e => getComputedStyle(e, {pseudo and repr(pseudo) or 'null'}).{prop})"
    )


@pytest.mark.parametrize(
    "path, place",
    [("practices/lyon-centsept/", "Lyon (France)"), ("en/cities/lyon/", "Lyon (France)"), ("en/actors/tuba/", None)],
)
def test_a_page_prints_as_a_fiche_with_its_links_addresses_and_its_own(page, path, place):
    """On paper: no navigation or search, the map as its place in words, each link followed by its
    address (the site's own navigation, such as chips, aside), the footer with the atlas's name
    and the page's address."""
    page.goto(path)
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")  # what printing does
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".atlas-header-search", ".md-footer-meta", "iframe"):
        assert page.locator(selector).evaluate_all("els => els.every(e => !e.checkVisibility())"), selector
    if place:
        expect(page.locator(".atlas-map .atlas-print-only")).to_be_visible()
        assert place in page.locator(".atlas-map .atlas-print-only").inner_text()
    links = page.locator(".md-content a[href]:not([href^='#'])")
    for index in range(links.count()):
        link = links.nth(index)
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        if link.evaluate("a => !!a.closest('.atlas-chips, .atlas-facts, .atlas-card__place, .atlas-city')"):
            assert after == "none"
        else:
            address = link.evaluate("a => /^https?:/.test(a.getAttribute('href')) ? a.getAttribute('href') : a.href")
            assert address in after, link.inner_html()
    footer = page.locator(".atlas-print-footer")
    expect(footer).to_be_visible()
    name = "Atlas of municipal innovation practices" if path.startswith("en/") else "Atlas des pratiques municipales d'innovation"
    assert footer.inner_text() == f"{name} — {PUBLISHED_AT}{path}"


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_the_longest_practices_print_on_one_or_two_a4_pages_with_their_sources(page, real_atlas, real_site, lang, prefix):
    lengths = {
        slug: len((real_site / f"{prefix}practices/{slug}/index.html").read_text(encoding="utf-8"))
        for slug in real_atlas.practices
    }
    for slug in sorted(lengths, key=lengths.get)[-3:]:
        page.goto(f"{prefix}practices/{slug}/")
        page.emulate_media(media="print")
        expect(page.locator(".atlas-sources")).to_be_visible()
        expect(page.locator(".atlas-reviewed")).to_be_visible()
        assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2, slug
