"""A reader in a real browser (Debian's Chromium driven by Playwright), with the network cut:
the filter, shareable filter links, the language switch, search and accessibility."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from atlas.cli import find_chromium

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(real_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(real_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


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
    links = card.locator("a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
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
    box = page.locator("input[name=city]").first
    for _ in range(40):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    assert box.evaluate("el => el === document.activeElement"), "the first city checkbox is reachable with Tab"
    page.keyboard.press("Space")
    assert box.is_checked() and "city=" in page.url and "q=waste" in page.url


def test_language_switch_from_an_index_page(page):
    page.goto("practices/")
    href = page.locator('.md-select__link[hreflang="en"]').get_attribute("href")
    page.goto(page.url + href if not href.startswith("/") else href)
    assert urlsplit(page.url).path == "/en/practices/"
    expect(page.locator("h1")).to_have_text("All practices")
    href = page.locator('.md-select__link[hreflang="fr"]').get_attribute("href")
    page.goto(page.url + href)
    assert urlsplit(page.url).path == "/practices/"


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
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => new URL(e.href).pathname)")
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
    assert urlsplit(page.url).path == "/en/search/"


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
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.atlas-template-example']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    spaces = page.eval_on_selector_all(".atlas-writing-space", "els => els.map(e => e.getBoundingClientRect().height)")
    assert len(spaces) == 12 and min(spaces) > 100  # room to write in each of the twelve sections
    pdf = page.pdf(format="A4")
    assert (
        pdf.startswith(b"%PDF")
        and 2 <= pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/") <= 6
    )
