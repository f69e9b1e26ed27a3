"""A reader in a real browser (Debian's Chromium driven by Playwright), with the network cut and
the atlas served as GitHub Pages serves it (under a sub-path, gzipped, its 404 page): every page
type on a slow phone, the filter, shareable filter links, the language switch, search, print and
accessibility."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import pytest
import xstatic.pkg.leaflet
from babel import Locale
from playwright.sync_api import expect

from atlas.base import catalog, routes
from atlas.outputs import actors, maps, search
from atlas.records import facets
from atlas.records.actors import cities_of, themes_of
from atlas.records.facets import FACET_IDS
from atlas.records.practice import records
from conftest import EDITIONS, PUBLISHED_AT, REPO, FixtureAtlas, build_site, built_once, published_atlas
from support.browser import offline_page, serious_violations
from support.interface_words import foreign_phrases, found_in
from support.page_types import NOT_FOUND, PAGE_TYPES, page_types
from support.pages_server import PagesServer
from support.synthetic import copy_atlas, grow

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
    """Open the filter's group of one facet (closed until the reader opens it; its options arrive then)."""
    page.locator(f"details[data-facet={facet}] > summary").click()
    page.locator(f"input[name={facet}]").first.wait_for(state="attached")


def tile_host() -> str:
    from atlas.model.settings import read_mkdocs_config

    return urlsplit(read_mkdocs_config(REPO)["extra"]["atlas"]["map_tiles"]["url"]).hostname


@pytest.fixture
def page(browser, base_url):
    """A fresh page whose requests to any other host are refused and recorded: the network is cut.
    Only the map tiles' host may be asked for (and it does not answer here)."""
    with offline_page(browser, base_url) as (page, outside):
        yield page
    assert {urlsplit(url).hostname for url in outside} <= {tile_host()}, "pages asked for other hosts"


def shown_slugs(page) -> list[str]:
    """The practices the index shows: the filter's results, or the page's own list when nothing is
    filtered (once the filter's chunks have arrived: the results are no longer busy)."""
    page.wait_for_selector(".atlas-index--ready .atlas-results:not([aria-busy])")
    return page.eval_on_selector_all(
        ".atlas-results .atlas-card", "cards => cards.filter(c => !c.closest('[hidden]')).map(c => c.dataset.slug)"
    )


def expected_slugs(atlas, lang="fr", **wanted) -> list[str]:
    """The practices the filter must show: OR within a facet, AND across facets, sorted by title."""
    chosen = [
        slug
        for slug, practice in atlas.practices.items()
        if all(set(keys) & set(facets.practice_keys(atlas, facet, practice)) for facet, keys in wanted.items())
    ]
    return sorted(chosen, key=lambda slug: facets.sort_key(atlas.languages.pick(atlas.practices[slug].data["title"], lang).text))


def a_practice(atlas, condition=lambda practice: True):
    """The first practice (by slug) that meets `condition`: the tests name no practice of the atlas."""
    return next(practice for practice in atlas.practices.values() if condition(practice))


def ui(lang: str) -> dict:
    return catalog.language_file(lang)["ui"]


def test_combined_filters_show_exactly_the_matching_practices(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: p.cities)
    theme, lever, city = practice.data["themes"][0], practice.data["levers"][0], practice.cities[0]
    page.goto("practices/")
    page.wait_for_selector(".atlas-index--ready")
    for facet in ("theme", "lever", "city"):
        open_facet(page, facet)
    page.get_by_role("checkbox", name=real_atlas.vocabulary["themes"][theme]["label"]["fr"]).check()
    page.get_by_role("checkbox", name=real_atlas.vocabulary["levers"][lever]["label"]["fr"]).check()
    expected = expected_slugs(real_atlas, theme=[theme], lever=[lever])
    assert practice.slug in expected and shown_slugs(page) == expected
    page.locator(f"input[name=city][value={city}]").check()
    narrower = expected_slugs(real_atlas, theme=[theme], lever=[lever], city=[city])
    assert shown_slugs(page) == narrower
    forms = ui("fr")["results_count"]
    expect(page.locator("#atlas-results-count")).to_have_text(
        forms["one" if len(narrower) < 2 else "other"].format(count=len(narrower))
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filtered_cards_link_to_their_practice_and_levers(page, real_atlas, prefix):
    city = a_practice(real_atlas, lambda p: p.cities).cities[0]
    page.goto(f"{prefix}practices/?city={city}")
    slug = shown_slugs(page)[0]
    card = page.locator(f".atlas-results .atlas-card[data-slug='{slug}']:visible")  # the filter's, not the page's own list
    links = [site_path(url) for url in card.locator("a").evaluate_all("links => links.map(a => a.href)")]
    levers = real_atlas.practices[slug].data["levers"]
    assert links == [f"/{prefix}practices/{slug}/"] + [f"/{prefix}levers/{key}/" for key in levers]


def test_option_counts_follow_the_other_filters(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: p.cities)
    city, theme = practice.cities[0], practice.data["themes"][0]
    page.goto(f"practices/?city={city}")
    page.wait_for_selector(".atlas-index--ready")
    open_facet(page, "theme")
    count = page.locator("label.atlas-option", has=page.locator(f"input[name=theme][value={theme}]")).locator("[data-count]")
    expect(count).to_have_text(str(len(expected_slugs(real_atlas, city=[city], theme=[theme]))))


def test_the_address_reproduces_a_filter_state_and_back_works(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: p.cities and len(p.data["themes"]) > 1)
    (first, second), region = practice.data["themes"][:2], real_atlas.cities[practice.cities[0]]["region"]
    page.goto(f"practices/?theme={first}&theme={second}&region={region}")
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=[first, second], region=[region])
    assert page.locator(f"input[name=theme][value={second}]").is_checked()
    page.locator(f"input[name=region][value={region}]").uncheck()
    assert "region=" not in page.url
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=[first, second])
    page.go_back()
    expect(page.locator(f"input[name=region][value={region}]")).to_be_checked()
    assert shown_slugs(page) == expected_slugs(real_atlas, theme=[first, second], region=[region])


def title_word(atlas, lang: str) -> tuple[str, object]:
    """A word of one practice's title that is in no other title (for the free-text filter), and that practice."""
    words = {
        slug: set(re.findall(r"\w{5,}", atlas.languages.pick(p.data["title"], lang).text.lower()))
        for slug, p in atlas.practices.items()
    }
    for slug, own in words.items():
        others = set().union(*(w for other, w in words.items() if other != slug))
        if own - others:
            return sorted(own - others)[0], atlas.practices[slug]
    raise LookupError("no title has a word of its own")


def test_free_text_and_years_filter(page, real_atlas):
    word, practice = title_word(real_atlas, "fr")
    year = practice.data.get("start_year")
    page.goto(f"practices/?q={word}" + (f"&from={year}&to={year}" if year else ""))
    slugs = shown_slugs(page)
    assert practice.slug in slugs and all(real_atlas.practices[s].data.get("start_year") == year for s in slugs if year)


def test_keyboard_alone_operates_the_filters(page, real_atlas):
    word, _ = title_word(real_atlas, "en")
    page.goto("en/practices/")
    page.wait_for_selector(".atlas-index--ready")
    page.focus("#atlas-q")
    page.keyboard.type(word)
    page.wait_for_function("document.querySelector('.atlas-results > ul.atlas-cards:not([hidden]) > .atlas-card')")
    cities = page.locator("details[data-facet=city] > summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if cities.evaluate("el => el === document.activeElement"):
            break
    assert cities.evaluate("el => el === document.activeElement"), "the cities' group is reachable with Tab"
    page.keyboard.press("Enter")
    box = page.locator("input[name=city]").first
    box.wait_for(state="attached")  # the group's options arrive with its data
    page.keyboard.press("Tab")
    assert box.evaluate("el => el === document.activeElement"), "the first city follows its group"
    page.keyboard.press("Space")
    assert box.is_checked() and "city=" in page.url and f"q={word}" in page.url


def test_language_switch_from_an_index_page(page):
    page.goto("practices/")
    href = page.locator('.md-select__link[hreflang="en"]').get_attribute("href")
    page.goto(page.url + href)
    assert site_path(page.url) == "/en/practices/"
    expect(page.locator("h1")).to_have_text(ui("en")["index_title"])
    href = page.locator('.md-select__link[hreflang="fr"]').get_attribute("href")
    page.goto(page.url + href)
    assert site_path(page.url) == "/practices/"


def narrative_word(atlas) -> tuple[str, str]:
    """A word found in one practice's narrative only, in every language (a place name), and that practice."""
    texts = {slug: {lang: text.lower() for lang, text in p.narratives.items()} for slug, p in atlas.practices.items()}
    for slug, practice in atlas.practices.items():
        for word in sorted(set(re.findall(r"\b[A-Z][a-z]{5,}\b", practice.narratives[atlas.languages.default]))):
            found = {
                other for other, by_lang in texts.items() for text in by_lang.values() if re.search(rf"\b{word.lower()}\b", text)
            }
            if found == {slug} and all(re.search(rf"\b{word.lower()}\b", text) for text in texts[slug].values()):
                return word, slug
    raise LookupError("no narrative has a word of its own")


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_search_finds_a_practice_by_a_word_of_its_narrative_in_each_language(page, real_atlas, lang, prefix):
    word, slug = narrative_word(real_atlas)
    page.goto(f"{prefix}search/?q={word}")
    page.wait_for_selector(".atlas-search--ready")
    links = [site_path(url) for url in page.eval_on_selector_all(".atlas-search__result a", "els => els.map(e => e.href)")]
    assert f"/{prefix}practices/{slug}/" in links
    assert all(edition(link) == lang for link in links), "results are in the reader's language"


def edition(site_address: str) -> str:
    """The language of a page of the site, from its address within the site (/es/practices/…)."""
    first = site_address.lstrip("/").split("/")[0]
    return next((lang for lang, prefix in EDITIONS if prefix == f"{first}/"), EDITIONS[0][0])


def test_a_spanish_search_finds_the_incubators_by_their_spanish_word(page, real_atlas):
    """Pagefind stems Spanish: «incubadora» finds the practices whose Spanish text says it (or
    «incubadoras»), and not a French or English page."""
    spanish = next(prefix for lang, prefix in EDITIONS if lang == "es")
    said = {
        slug
        for slug, practice in real_atlas.practices.items()
        if re.search(r"\bincubadoras?\b", " ".join([practice.data["title"]["es"], practice.data["summary"]["es"]]), re.I)
    }
    assert said, "some practices are about incubators"
    found = {url for kind, url in search_results(page, f"{spanish}search/?q=incubadora&kind=practice")}
    for _ in range(len(real_atlas.practices)):  # "More results" until every result is shown, and then it is gone
        if not page.locator(".atlas-search__more").is_visible():
            break
        shown = page.locator(".atlas-search__result").count()
        page.locator(".atlas-search__more").click()
        expect(page.locator(".atlas-search__result")).not_to_have_count(shown)
        found = {site_path(a) for a in page.eval_on_selector_all(".atlas-search__result a", "els => els.map(e => e.href)")}
    expect(page.locator(".atlas-search__more")).to_be_hidden()
    assert {f"/{spanish}practices/{slug}/" for slug in said} <= found
    assert {edition(url) for url in found} == {"es"}


def test_french_search_handles_apostrophes_and_accents(page):
    for query in ("d'innovation", "economie"):
        page.goto(f"search/?q={query}")
        page.wait_for_selector(".atlas-search--ready")
        assert page.locator(".atlas-search__result").count() > 0, query


def test_header_search_field_leads_to_results(page, real_atlas):
    page.goto("en/")
    page.fill("#atlas-header-q", narrative_word(real_atlas)[0])
    page.press("#atlas-header-q", "Enter")
    page.wait_for_selector(".atlas-search__result")
    assert site_path(page.url) == "/en/search/"


@pytest.fixture(scope="session")
def site_pages(real_site) -> dict[str, tuple[str, str | None]]:
    return page_types(real_site)


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_no_serious_accessibility_violation_in_the_map_frames(page, site_pages, lang, prefix):
    """The pages themselves are checked by the phone test below (one visit each); the map frames here."""
    for path in (routes.WORLD_MAP, f"{routes.PRACTICE_MAP}#{site_pages['practice'][0].rstrip('/').rsplit('/', 1)[1]}"):
        page.goto(prefix + path)
        page.locator("html.atlas-map-ready").wait_for(state="attached")
        page.wait_for_function("document.getAnimations().length === 0")  # markers fade in: judged once shown
        assert serious_violations(page) == [], path


def world_map(page, path):
    page.goto(path)
    frame = page.frame_locator("iframe")
    frame.locator("html.atlas-map-ready").wait_for(state="attached")
    return page.frames[1]


def marker_slugs(frame) -> list[str]:
    return frame.evaluate("window.atlasLayer ? window.atlasLayer.getLayers().map(m => m.atlasSlug) : []")  # none drawn yet


def choose(frame, facet: str, value: str) -> None:
    """Choose a value in the world map's filter, and wait for its markers (the map is busy until they are drawn)."""
    frame.locator(f"select[name={facet}]").select_option(value)
    frame.locator(".folium-map:not([aria-busy])").wait_for(state="attached")


def region_of_points(atlas, lang: str) -> dict[str, list[str]]:
    """Each region's markers (the slug of each point there), computed from the records."""
    found: dict[str, list[str]] = {}
    for record in records(atlas, lang):
        for point in record.points:
            found.setdefault(record.places[point.place].region.key, []).append(record.slug)
    return found


def every_marker(frame) -> list[str]:
    """The slugs of every marker, once every region's are drawn (each region chosen, then every region)."""
    for region in frame.eval_on_selector_all("select[name=region] option", "options => options.map(o => o.value)")[1:]:
        choose(frame, "region", region)
    choose(frame, "region", "")
    return sorted(marker_slugs(frame))


def test_world_map_first_shows_each_regions_count_then_every_practice_offline(page, real_atlas):
    frame = world_map(page, "map/")
    by_region = region_of_points(real_atlas, "fr")
    counts = frame.evaluate("window.atlasCounts.getLayers().map(m => [m.atlasRegion, m.atlasCount])")
    assert dict(counts) == {region: len(slugs) for region, slugs in by_region.items()} and marker_slugs(frame) == []
    assert frame.evaluate("typeof L.markerClusterGroup") == "undefined", "the cluster script waits for markers to draw"
    assert sorted(int(n) for n in frame.locator(".marker-cluster span").all_inner_texts()) == sorted(dict(counts).values())
    zoom = "window.atlasCounts._map.getZoom()"
    for _ in range(3):  # zoomed in: the regions in view fetch their markers and lose their count
        before = frame.evaluate(zoom)
        frame.locator(".leaflet-control-zoom-in").click()  # Leaflet ignores a click while it zooms: one at a time
        frame.wait_for_function(f"{zoom} > {before} && !document.querySelector('.leaflet-zoom-anim')")
    frame.wait_for_function(f"window.atlasCounts.getLayers().length < {len(counts)}")
    frame.locator(".folium-map:not([aria-busy])").wait_for(state="attached")
    counted = {region for region, _ in frame.evaluate("window.atlasCounts.getLayers().map(m => [m.atlasRegion, m.atlasCount])")}
    drawn = Counter(marker_slugs(frame))
    assert drawn and drawn == Counter(slug for region in set(by_region) - counted for slug in by_region[region])
    assert frame.evaluate("typeof L.markerClusterGroup") == "function"
    frame = world_map(page, "map/")  # afresh
    region = max(by_region, key=lambda key: len(by_region[key]))
    label = facets.label(real_atlas, "region", region, "fr").text
    count = frame.get_by_role("button", name=f"{label} ({len(by_region[region])})")
    count.focus()  # the keyboard's way (neighbouring regions' counts may overlap at the world's zoom)
    count.press("Enter")  # a region's count, clicked: its markers
    frame.locator(".folium-map:not([aria-busy])").wait_for(state="attached")
    assert not Counter(by_region[region]) - Counter(marker_slugs(frame))  # and the neighbours' the zoomed view holds
    assert every_marker(frame) == sorted(slug for slugs in by_region.values() for slug in slugs)
    assert frame.locator(".marker-cluster").count() > 0, "markers are clustered"


def test_world_map_popup_links_to_the_practice_in_the_top_window(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: len(p.cities) == 1 and not p.data.get("location"))
    title, summary = practice.data["title"]["en"], practice.data["summary"]["en"]
    city = real_atlas.cities[practice.cities[0]]
    frame = world_map(page, "en/map/")
    choose(frame, "region", city["region"])
    frame.evaluate(f"""new Promise(done => {{
        const marker = window.atlasLayer.getLayers().find(m => m.atlasSlug === '{practice.slug}');
        window.atlasLayer.zoomToShowLayer(marker, () => {{ marker.openPopup(); done(); }});
    }})""")
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator(".atlas-popup__title")).to_have_text(title)
    expect(popup.locator(".atlas-popup__place")).to_have_text(
        f"{city['name']['en']} ({facets.country_name(city['country'], 'en')})"
    )
    expect(popup.locator(".atlas-popup__summary")).to_have_text(summary)
    link = popup.locator("a")
    assert link.get_attribute("target") == "_top"
    link.evaluate("a => a.click()")  # wherever the popup is (the page's header may cover a part of the frame)
    page.wait_for_url(f"**/en/practices/{practice.slug}/")
    expect(page.locator("h1")).to_have_text(title)


def test_world_map_filters_by_region_theme_and_lever(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: p.cities)
    region, theme = real_atlas.cities[practice.cities[0]]["region"], practice.data["themes"][0]
    frame = world_map(page, "en/map/")
    choose(frame, "region", region)
    in_region = {s for s, p in real_atlas.practices.items() for c in p.cities if real_atlas.cities[c]["region"] == region}
    assert set(marker_slugs(frame)) == in_region
    choose(frame, "theme", theme)
    assert set(marker_slugs(frame)) == {s for s in in_region if theme in real_atlas.practices[s].data["themes"]}


def test_practice_and_city_pages_have_their_map_and_a_way_past_it(page, real_atlas):
    practice = a_practice(real_atlas, lambda p: len(p.cities) > 1 and not p.data.get("location"))
    page.goto(f"practices/{practice.slug}/")
    frame = page.frame_locator("iframe")
    frame.locator("html.atlas-map-ready").wait_for(state="attached")
    assert page.frames[1].evaluate("window.atlasLayer.getLayers().length") == len(practice.cities)
    skip = page.locator(".atlas-map .atlas-skip")
    assert skip.get_attribute("href") == "#atlas-practice-map-after"
    city = practice.cities[0]
    page.goto(f"cities/{city}/")
    page.frame_locator("iframe").locator("html.atlas-map-ready").wait_for(state="attached")
    expected = {s for s, p in real_atlas.practices.items() if city in p.cities}
    assert set(page.frames[1].evaluate("window.atlasLayer.getLayers().map(m => m.atlasSlug)")) == expected


def test_one_map_frame_serves_every_practice_page_and_reads_its_practice_from_the_address(page, real_atlas):
    """Each practice page shows the same frame, told its slug after '#': it draws that practice
    at each of its cities, takes its title, and its popup leads to the practice in the top
    window; opened on its own, the frame draws the practice of its address."""
    several = a_practice(real_atlas, lambda p: len(p.cities) > 1 and not p.data.get("location"))
    one = a_practice(real_atlas, lambda p: len(p.cities) == 1 and not p.data.get("location"))
    frames = set()
    for practice in (several, one):
        page.goto(f"en/practices/{practice.slug}/")
        page.frame_locator("iframe").locator("html.atlas-map-ready").wait_for(state="attached")
        frame = page.frames[1]
        frames.add(site_path(frame.url))
        assert urlsplit(frame.url).fragment == practice.slug
        drawn = frame.evaluate("window.atlasLayer.getLayers().map(m => [m.atlasSlug, m.getLatLng().lat, m.getLatLng().lng])")
        cities = [real_atlas.cities[city] for city in practice.cities]
        assert sorted(drawn) == sorted([practice.slug, city["lat"], city["lon"]] for city in cities)
        title = practice.data["title"]["en"]
        assert frame.title() == ui("en")["map_frame"].format(label=title)
    assert frames == {f"/en/{routes.PRACTICE_MAP}"}  # one file for every practice
    frame.evaluate("window.atlasLayer.getLayers()[0].openPopup()")
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator(".atlas-popup__summary")).to_have_text(one.data["summary"]["en"])
    link = popup.locator("a")
    assert link.get_attribute("target") == "_top"
    with page.expect_navigation(
        url=f"**/en/practices/{one.slug}/"
    ):  # the top window is on that page already: wait for the click's load
        link.evaluate("a => a.click()")
    page.goto(f"{routes.PRACTICE_MAP}#{several.slug}")  # on its own, in French
    page.locator("html.atlas-map-ready").wait_for(state="attached")
    assert page.evaluate("window.atlasLayer.getLayers().map(m => m.atlasSlug)") == [several.slug] * len(several.cities)
    assert page.title() == ui("fr")["map_frame"].format(label=several.data["title"]["fr"])


def shown_actors(page) -> list[str]:
    """The actors the actors' index shows, in its order: the filter's results, or the page's own list."""
    page.wait_for_selector(".atlas-list--ready:not([aria-busy])")
    return page.eval_on_selector_all(
        "[data-atlas-list] .atlas-card", "cards => cards.filter(c => !c.closest('[hidden]')).map(c => c.dataset.slug)"
    )


def test_actors_index_filters_by_type_city_and_theme(page, real_atlas):
    kind, city = next((a.data["type"], c) for slug, a in real_atlas.actors.items() for c in cities_of(real_atlas, slug))
    theme = next(theme for slug in real_atlas.actors for theme in themes_of(real_atlas, slug))
    page.goto("en/actors/")
    assert sorted(shown_actors(page)) == sorted(real_atlas.actors)  # the whole list, as without JavaScript
    page.select_option("#atlas-actors-type", kind)
    page.select_option("#atlas-actors-city", city)
    expected = sorted(s for s, a in real_atlas.actors.items() if a.data["type"] == kind and city in cities_of(real_atlas, s))
    assert expected and sorted(shown_actors(page)) == expected
    assert f"type={kind}" in page.url and f"city={city}" in page.url
    page.select_option("#atlas-actors-type", "")
    page.select_option("#atlas-actors-city", "")
    page.select_option("#atlas-actors-theme", theme)
    assert sorted(shown_actors(page)) == sorted(s for s in real_atlas.actors if theme in themes_of(real_atlas, s))
    page.go_back()  # the filters as they were before the theme: none
    assert sorted(shown_actors(page)) == sorted(real_atlas.actors)
    page.go_back()  # before the type was cleared: the city alone
    assert sorted(shown_actors(page)) == sorted(s for s in real_atlas.actors if city in cities_of(real_atlas, s))


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
    listed = page.locator(".atlas-results li.atlas-card").count()
    if len(real_atlas.practices) > 50:  # the rest on the next pages
        page.locator(".atlas-pages a[rel=next]").click()
        listed += page.locator(".atlas-results li.atlas-card").count()
        page.go_back()
    assert listed == len(real_atlas.practices)
    page.fill("#atlas-header-q", "innovation")
    page.get_by_role("button", name=ui("en")["search_submit"]).click()
    assert site_path(page.url) == "/en/search/" and urlsplit(page.url).query == "q=innovation"
    links = page.locator("noscript a")
    assert links.count() >= 4
    for href in links.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    context.close()


def test_the_filter_form_has_a_button_that_takes_the_reader_to_the_results(page, real_atlas):
    word, _ = title_word(real_atlas, "en")
    page.goto("en/practices/")
    page.wait_for_selector(".atlas-index--ready")
    page.fill("#atlas-q", word)
    page.get_by_role("button", name=ui("en")["filter_submit"]).click()
    assert f"q={word}" in page.url
    expect(page.locator("#atlas-results")).to_be_focused()
    assert 0 < len(shown_slugs(page)) < len(real_atlas.practices)


SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => { for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value; })
        .observe({type: "layout-shift", buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_on_a_slow_phone_has_no_failed_request_no_error_and_no_jump(browser, base_url, site_pages, kind):
    """On a phone and a slow line (Lighthouse's "slow 4G"), served as GitHub Pages serves the atlas:
    no request fails (map tiles aside: the network is cut), no console error, nothing is fetched
    that the reader does not need (the sitemap is for search engines), nothing moves once shown
    (cumulative layout shift under 0.05, measured in the page), and axe finds nothing serious. In
    the default language; the other editions are the same pages with other words (next test)."""
    path, ready = site_pages[kind]
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
    document = base_url + path
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != document else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if urlsplit(r.url).hostname != tiles else None)
    page.on("console", lambda m: errors.append(m.text) if console_error(m, tiles, document) else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(path, wait_until="networkidle")
    assert response.status == (404 if kind == NOT_FOUND else 200)
    if ready:
        page.wait_for_selector(ready)
    shift = page.evaluate(LAYOUT_SHIFT)
    feeds = page.eval_on_selector_all('head link[rel="alternate"][type="application/atom+xml"]', "ls => ls.map(l => l.href)")
    serious = serious_violations(page)
    context.close()
    assert serious == []
    assert failed == [] and errors == []
    assert [url for url in requested if url.endswith("/sitemap.xml")] == []
    default = EDITIONS[0][0]
    assert feeds == [base_url + routes.feed(default, default)]  # back in the head once loaded, for feed readers
    assert shift < 0.05


def console_error(message, tiles: str, document: str) -> bool:
    """A console error of the page's own (not the refused map tiles', not the 404's own status)."""
    url = message.location.get("url", "")
    return message.type == "error" and urlsplit(url).hostname != tiles and url != document


PAGE_TEXT = (Path(__file__).parent / "support/page_text.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_every_page_type_of_every_edition_speaks_its_language_alone(browser, base_url, site_pages, real_atlas, lang, prefix):
    """Each edition is a full edition: on every type of page, once its scripts have run, no phrase of
    another language's interface (the atlas's texts, the theme's, the navigation, the labels), no
    script error, its feed. A text shown along a fallback chain or a cited title is marked with its
    own language, and so is not the page's. Axe finds nothing serious on every type of page in the
    default edition (on the slow phone) and in another edition: the other editions take turns,
    page type by page type (the same templates, each edition's texts)."""
    foreign = foreign_phrases(REPO, lang, [code for code, _ in EDITIONS if code != lang])
    others = [code for code, prefix in EDITIONS if prefix]
    context = browser.new_context(base_url=base_url)
    context.route(
        "**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort()
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if console_error(m, tile_host(), page.url) else None)
    found = {}
    for number, (kind, (path, ready)) in enumerate(site_pages.items()):
        page.goto(prefix + path)
        if ready:
            page.wait_for_selector(ready)
        assert page.evaluate("document.documentElement.lang") == lang, kind
        if phrases := found_in(page.evaluate(PAGE_TEXT), foreign):
            found[kind] = phrases
        if prefix and others[number % len(others)] == lang:
            assert serious_violations(page) == [], kind
        feeds = page.eval_on_selector_all('head link[rel="alternate"][type="application/atom+xml"]', "ls => ls.map(l => l.href)")
        if kind != NOT_FOUND:  # one page for every language
            assert feeds == [base_url + routes.feed(lang, real_atlas.languages.default)], kind
    context.close()
    assert found == {} and errors == []


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def computed(page, selector: str, prop: str = "display", pseudo: str | None = None) -> list[str]:
    return page.eval_on_selector_all(
        selector, f"els => els.map(e => getComputedStyle(e, {pseudo and repr(pseudo) or 'null'}).{prop})"
    )


@pytest.mark.parametrize("kind, prefix", [("practice", ""), ("city", "en/"), ("actor", "en/")])
def test_a_page_prints_as_a_fiche_with_its_links_addresses_and_its_own(page, site_pages, kind, prefix):
    """On paper: no navigation or search, the map as its place in words, each link followed by its
    address (the site's own navigation, such as chips, aside), the footer with the atlas's name
    and the page's address."""
    path = prefix + site_pages[kind][0]
    page.goto(path)
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")  # what printing does
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".atlas-header-search", ".md-footer-meta", "iframe"):
        assert page.locator(selector).evaluate_all("els => els.every(e => !e.checkVisibility())"), selector
    if page.locator(".atlas-map").count():  # its place in words: what the facts or the title say
        expect(page.locator(".atlas-map .atlas-print-only")).to_be_visible()
        where = page.locator(".atlas-map .atlas-print-only").inner_text()
        assert page.locator("h1").inner_text() in where or any(
            text in where for text in page.locator(".atlas-facts dd").all_inner_texts()[:3]
        )
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


@pytest.mark.parametrize("lang, prefix", EDITIONS)
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


# -- What a new reader met (issue 23) ------------------------------------------------------------


def search_results(page, path: str) -> list[tuple[str, str]]:
    """(kind label, address) of the results the search page shows for `path` (search/?q=…)."""
    page.goto(path)
    page.wait_for_selector(".atlas-search--ready")
    return [
        (item.locator(".atlas-search__kind").inner_text(), site_path(item.locator("a").evaluate("a => a.href")))
        for item in page.locator(".atlas-search__result").all()
    ]


def folded(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def test_search_finds_the_playbook_and_actors_labels_each_kind_and_keeps_one(page, real_atlas):
    """Items 1 and 2: the guide's lever is found with the practices, each result says its kind, a
    kind can be kept (in the address too); the results are pages that have the word."""
    results = search_results(page, "search/?q=incubateur")
    lever = real_atlas.vocabulary["levers"]["public-incubator"]["label"]["fr"]  # the lever of incubators
    assert ("LEVIER", "/levers/public-incubator/") in [(kind.upper(), url) for kind, url in results[:3]], lever
    assert {kind.upper() for kind, _ in results} >= {"PRATIQUE", "LEVIER"}
    page.locator(".atlas-search__kinds input[value=lever]").check()
    assert "kind=lever" in page.url
    assert {kind.upper() for kind, _ in search_results(page, page.url.split("/atlas/", 1)[1])} == {"LEVIER"}
    for word in ("Sénégal", "Niger", "Mali", "Abidjan"):
        for _, url in search_results(page, f"search/?q={word}"):
            text = page.request.get(f"{urlsplit(page.url).scheme}://{urlsplit(page.url).netloc}/atlas{url.split('#')[0]}").text()
            assert re.search(rf"\b{folded(word)}", folded(text)), (word, url)


def test_the_index_offers_to_widen_a_search_that_finds_nothing(page, real_atlas):
    """Item 3: a country without practices leads to its region; other words can be cleared."""
    page.goto("practices/?q=Sénégal")
    page.wait_for_selector(".atlas-index--ready")
    suggestions = page.locator(".atlas-suggest li")
    assert suggestions.nth(0).inner_text() == "Sénégal : aucune pratique pour l'instant."
    region = real_atlas.vocabulary["regions"]["west-africa"]["label"]["fr"]
    suggestions.nth(1).locator("a").click()  # the region's values arrive, then the address changes
    expect(page).to_have_url(re.compile(r"\?region=west-africa$"))
    assert shown_slugs(page) == expected_slugs(real_atlas, region=["west-africa"]) and region
    page.goto("en/practices/?q=Bouak%C3%A9")
    page.wait_for_selector(".atlas-index--ready")
    expect(page.locator(".atlas-suggest li a")).to_have_text("Clear the words “Bouaké”")
    page.locator(".atlas-suggest li a").click()
    assert len(shown_slugs(page)) == min(50, len(real_atlas.practices))  # the index's first page again
    expect(page.locator("#atlas-results-count")).to_have_text(f"{len(real_atlas.practices)} practices")


def test_the_not_found_page_speaks_the_language_of_the_address(browser, base_url):
    """Item 8: one 404.html for every language: with scripts, the address's language alone, its
    `lang` set; without, every language."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("en/no-such-page/")
    assert page.evaluate("document.documentElement.lang") == "en"
    visible = [section.get_attribute("lang") for section in page.locator("article section[lang]").all() if section.is_visible()]
    assert visible == ["en"] and page.title().startswith("Page not found")
    expect(page.locator(".atlas-not-found__site:visible")).to_have_text("Atlas of municipal innovation practices")
    context.close()
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("en/no-such-page/")
    assert [s.get_attribute("lang") for s in page.locator("article section[lang]").all() if s.is_visible()] == [
        lang for lang, _ in EDITIONS
    ]
    context.close()


def test_the_home_page_names_the_site_once_and_shows_where_to_start(browser, base_url, real_atlas):
    """Item 9: the site's name in the header and the title only; the groups of levers without a
    gap; "Where to start?" leads to the method's first step."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("en/")
    name = "Atlas of municipal innovation practices"
    shown = page.evaluate(
        """name => Array.from(document.querySelectorAll('body *')).filter(e => e.children.length === 0 &&
           e.textContent.trim() === name && e.checkVisibility() && e.getBoundingClientRect().top < innerHeight).length""",
        name,
    )
    assert shown == 2
    widths = page.eval_on_selector_all(".atlas-group", "groups => groups.map(g => g.getBoundingClientRect().width)")
    container = page.eval_on_selector(".atlas-groups", "e => e.getBoundingClientRect().width")
    assert len(widths) == 3 and all(abs(width - container) < 1 for width in widths)  # one under the other: no empty block
    start = page.locator(".atlas-start a")
    expect(start).to_have_text("Where to start?")
    start.click()
    assert site_path(page.url) == f"/en/method/{real_atlas.guide.steps[0].key}/"
    context.close()


def test_the_index_uses_the_width_on_a_desktop_and_folds_its_filters_on_a_phone(browser, base_url, real_atlas):
    """Items 10 and 11: on a desktop, results side by side, titles above lighter summaries; on a
    phone, one control that says how many match, and the first result on the first screen; the
    world map's panel folded there."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto("practices/")
    page.wait_for_selector(".atlas-index--ready")
    content = page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width")
    results = page.eval_on_selector(".atlas-results", "e => e.getBoundingClientRect().width")
    assert results > 0.6 * content
    columns = page.eval_on_selector(
        ".atlas-results .atlas-cards", "e => getComputedStyle(e).gridTemplateColumns.split(' ').length"
    )
    assert columns >= 2
    sizes = page.eval_on_selector(
        ".atlas-results .atlas-card",
        "c => [c.querySelector('.atlas-card__title'), c.querySelector('.atlas-card__summary')].map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes[0] > sizes[1]
    context.close()
    context = browser.new_context(base_url=base_url, viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("en/practices/")
    page.wait_for_selector(".atlas-index--ready")
    toggle = page.locator(".atlas-filter-panel__toggle")
    expect(toggle).to_have_text(f"Filter ({len(real_atlas.practices)})")
    assert page.locator(".atlas-filter-panel").evaluate("d => !d.open")
    assert page.eval_on_selector(".atlas-results .atlas-card", "c => c.getBoundingClientRect().top") < 823
    toggle.click()
    open_facet(page, "city")
    page.locator("input[name=city]").first.check()
    city = page.locator("input[name=city]").first.get_attribute("value")
    expect(toggle).to_have_text(f"Filter ({len(expected_slugs(real_atlas, city=[city]))})")
    page.goto("en/map/")
    frame = page.frame_locator("iframe")
    frame.locator("html.atlas-map-ready").wait_for(state="attached")
    panel = frame.locator(".atlas-map-panel")
    assert panel.evaluate("d => !d.open") and page.frames[1].evaluate("innerWidth") < 600
    context.close()


# -- The Spanish edition (issue 24) ----------------------------------------------------------------


@pytest.fixture(scope="module")
def trilingual_site(tmp_path_factory):
    """A small atlas in the real atlas's three languages, one practice written in French only: what
    an editor's new practice looks like before anyone translates it."""
    atlas = FixtureAtlas(tmp_path_factory.mktemp("trilingual") / "atlas", languages=tuple(lang for lang, _ in EDITIONS))
    atlas.add_practice("lyon-centsept")
    atlas.add_practice("lyon-tuba", {"title": {"fr": "Tuba"}, "summary": {"fr": "Un lieu d'expérimentation."}}, en=None)
    result = atlas.build()
    assert result.returncode == 0, result.stderr
    with PagesServer(atlas.site, SITE_PATH) as url:
        yield url


def test_a_french_only_practice_is_in_every_edition_under_a_notice_in_its_language(browser, trilingual_site):
    context = browser.new_context(base_url=trilingual_site)
    page = context.new_page()
    for lang, prefix in EDITIONS[1:]:
        page.goto(f"{prefix}practices/lyon-tuba/")
        notice = page.locator(".atlas-untranslated")
        expect(notice).to_be_visible()
        french = Locale.parse(lang).languages["fr"]  # "francés", "French": the notice names it in the reader's language
        assert french in notice.inner_text() and notice.get_attribute("lang") is None
        assert page.locator(".atlas-narrative").get_attribute("lang") == "fr" and page.locator("h1").get_attribute("lang") == "fr"
        switcher = page.eval_on_selector_all(".md-select__link", "links => links.map(a => [a.hreflang, a.href])")
        assert [hreflang for hreflang, _ in switcher] == [code for code, _ in EDITIONS]
        assert all(
            site_path(href) == f"/{other}practices/lyon-tuba/" for (_, href), (_, other) in zip(switcher, EDITIONS, strict=True)
        )
        assert serious_violations(page) == []
    context.close()


# -- An atlas of a few hundred practices (issue 27) -------------------------------------------------

LARGE = 300  # practices: six pages of the index
PRACTICES_PER_ACTOR = 4  # a synthetic actor's profile for every 4 practices: with the real ones, three pages of actors
BUNDLE = 100  # documents a search bundle holds in the large atlas: four or five bundles a language
# Built once per run (built_once); its tests run on one worker (`make test`: --dist loadgroup), one after the other.
on_the_large_atlas = pytest.mark.xdist_group("large-atlas")


@pytest.fixture(scope="session")
def large_atlas(tmp_path_factory, worker_id):
    """The real atlas grown to LARGE practices by the benchmark's generator, built as it is published,
    once per run: (the atlas loaded, the address of its site served as GitHub Pages serves it)."""

    def build(folder: Path) -> None:
        copy_atlas(folder / "atlas")
        grow(folder / "atlas", LARGE, practices_per_actor=PRACTICES_PER_ACTOR)
        config = folder / "atlas/mkdocs.yml"  # several search bundles a language, as a far larger atlas has
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace("\n  atlas:\n", f"\n  atlas:\n    search_bundle_documents: {BUNDLE}\n", 1), encoding="utf-8"
        )
        result = build_site(folder / "atlas", folder / "atlas" / "site", PUBLISHED_AT)
        assert result.returncode == 0, result.stderr[-3000:]

    root = built_once(tmp_path_factory, worker_id, "large", build) / "atlas"
    with PagesServer(root / "site", SITE_PATH) as url:
        yield published_atlas(root, today=datetime.date.today()), url


@pytest.fixture
def large_page(browser, large_atlas):
    """A page of the large atlas, with every script error recorded: there must be none."""
    context = browser.new_context(base_url=large_atlas[1])
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def folded_words(text: str) -> list[str]:
    """A text's words as the index's filter compares them: no accents, lower case, ASCII letters and digits."""
    return re.sub(r"[^a-z0-9]+", " ", unicodedata.normalize("NFKD", text).lower().encode("ascii", "ignore").decode()).split()


def filtered(atlas, lang: str, case: dict) -> list[str]:
    """What the filter has always shown, computed from every record at once: the typed words each
    begin a word of the title, summary or places; the start year in range; OR within a facet, AND
    across facets; in the index's order."""
    typed = folded_words(case.get("q", ""))
    start, end = int(case.get("from", 0)), int(case.get("to", 9999))
    shown = []
    for record in records(atlas, lang):
        text = folded_words(" ".join([record.title.text, record.summary.text if record.summary else "", *record.place_names]))
        if not all(any(word.startswith(w) for word in text) for w in typed):
            continue
        if ("from" in case or "to" in case) and not (record.start_year and start <= record.start_year <= end):
            continue
        if all(set(case[facet]) & set(record.keys[facet]) for facet in FACET_IDS if facet in case):
            shown.append(record.slug)
    return shown


def filter_cases(atlas) -> list[dict]:
    """Filters of every kind, from the large atlas's own values (the tests name none in advance)."""
    practice = atlas.practices[sorted(slug for slug in atlas.practices if "-synthetic-" in slug)[7]]
    keys = {facet: facets.practice_keys(atlas, facet, practice) for facet in FACET_IDS}
    title = atlas.languages.pick(practice.data["title"], "fr").text
    other_theme = next(key for key in atlas.vocabulary["themes"] if key not in keys["theme"])
    return [
        {"theme": keys["theme"][:1]},
        {"theme": [keys["theme"][0], other_theme], "region": keys["region"]},
        {"lever": keys["lever"], "status": keys["status"], "role": keys["role"]},
        {"city": keys["city"][:1], "actor": keys["actor"][:1]},
        {"country": keys["country"], "sdg": keys["sdg"][:1]},
        {"q": folded_words(title)[-1][:3]},  # the beginning of a city's name
        {"q": " ".join(folded_words(practice.data["summary"]["fr"])[:2]), "theme": keys["theme"]},
        {"from": str(practice.data["start_year"] - 2), "to": str(practice.data["start_year"]), "lever": keys["lever"][:1]},
        {"q": "zzzqx"},
    ]


def every_result(page) -> list[str]:
    """The slugs of the filter's results, every batch of them ("More practices" until the last)."""
    shown_slugs(page)  # once the first batch is shown
    more = page.locator(".atlas-more")
    while more.count() and more.is_visible():
        shown = len(shown_slugs(page))
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('.atlas-results > ul.atlas-cards:not([hidden]) > .atlas-card').length > {shown}"
        )
    return shown_slugs(page)


def every_page(page, path: str, cards: str, title: str, words: dict) -> tuple[list[str], int]:
    """Without JavaScript, from the first page of a long list to its last by the "next" links:
    the slugs of `cards` on every page, and how many pages there are (each page says which it is,
    in its page links and in its title)."""
    listed, number = [], 1
    while True:
        expect(page.locator(".atlas-pages [aria-current=page]")).to_have_text(str(number))
        if number > 1:
            expect(page.locator("h1")).to_have_text(words["list_page_title"].format(title=title, number=number))
        listed += page.eval_on_selector_all(cards, "cards => cards.map(c => c.dataset.slug)")
        following = page.locator(".atlas-pages a[rel=next]")
        if not following.count():
            return listed, number
        following.click()
        number += 1
        assert site_path(page.url) == f"/{path}/page/{number}/"


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_without_javascript_the_large_index_lists_every_practice_50_a_page(browser, large_atlas, lang, prefix):
    atlas, url = large_atlas
    context = browser.new_context(base_url=url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{prefix}practices/")
    expect(page.locator("form.atlas-filters")).to_be_hidden()
    words = ui(lang)
    expect(page.locator("#atlas-results-count")).to_have_text(words["results_count"]["other"].format(count=LARGE))
    listed, number = every_page(page, f"{prefix}practices", ".atlas-results .atlas-card", words["index_title"], words)
    assert number == LARGE // 50 and listed == [record.slug for record in records(atlas, lang)]
    page.locator(".atlas-pages a[rel=prev]").click()  # and back, page by page
    assert site_path(page.url) == f"/{prefix}practices/page/{number - 1}/"
    context.close()


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_the_chunked_filter_shows_what_filtering_every_practice_at_once_shows(large_page, large_atlas, lang, prefix):
    """Each filter's results and each open group's counts (under the other filters), from the
    chunks the filter fetches, are those of the whole list filtered at once: every case in the
    default edition; in the others, what depends on the language (typed words, a facet's labels)."""
    atlas, _ = large_atlas
    words = ui(lang)["results_count"]
    cases = filter_cases(atlas)
    for case in cases if not prefix else [case for case in cases if "q" in case] + cases[:1]:
        large_page.goto(f"{prefix}practices/?{urlencode(case, doseq=True)}")
        expected = filtered(atlas, lang, case)
        assert every_result(large_page) == expected, case
        expect(large_page.locator("#atlas-results-count")).to_have_text(
            words["one" if len(expected) == 1 else "other"].format(count=len(expected)) if expected else ui(lang)["results_none"]
        )
        for facet in FACET_IDS:
            if facet not in case:
                continue
            counts = large_page.eval_on_selector_all(
                f"details[data-facet={facet}] label.atlas-option",
                "labels => labels.map(l => [l.querySelector('input').value, +l.querySelector('[data-count]').textContent])",
            )
            assert counts, facet
            others = {name: value for name, value in case.items() if name != facet}
            assert counts == [[key, len(filtered(atlas, lang, {**others, facet: [key]}))] for key, _ in counts], (case, facet)


@on_the_large_atlas
def test_filtering_from_another_page_of_the_index_keeps_its_address_and_back_works(large_page, large_atlas):
    atlas, _ = large_atlas
    large_page.goto("en/practices/page/3/")
    large_page.wait_for_selector(".atlas-index--ready")
    own = shown_slugs(large_page)
    assert own == [record.slug for record in records(atlas, "en")][100:150]
    large_page.locator("details[data-facet=status] > summary").click()
    large_page.locator("input[name=status]").first.wait_for(state="attached")
    counts = large_page.eval_on_selector_all(
        "input[name=status]", "boxes => boxes.map(b => +b.closest('label').textContent.match(/\\d+$/)[0])"
    )
    first = large_page.locator("input[name=status]").nth(counts.index(max(counts)))  # the status of the most practices
    status = first.get_attribute("value")
    first.check()
    expect(large_page).to_have_url(re.compile(re.escape(f"/atlas/en/practices/page/3/?status={status}") + "$"))
    expected = filtered(atlas, "en", {"status": [status]})
    assert len(expected) > 50 and every_result(large_page) == expected
    expect(large_page.locator(".atlas-pages")).to_be_hidden()  # the page links lead to the whole list's pages
    first.uncheck()
    assert shown_slugs(large_page) == own
    large_page.go_back()
    expect(large_page.locator(f"input[name=status][value={status}]")).to_be_checked()
    assert len(shown_slugs(large_page)) == 50 and shown_slugs(large_page) == expected[:50]


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_without_javascript_the_large_actors_index_lists_every_actor_50_a_page_by_helix(browser, large_atlas, lang, prefix):
    atlas, url = large_atlas
    context = browser.new_context(base_url=url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{prefix}actors/")
    expect(page.locator("form.atlas-filters")).to_be_hidden()
    words = ui(lang)
    expect(page.locator("#atlas-actors-count")).to_have_text(words["actors_count"]["other"].format(count=len(atlas.actors)))
    helix_of_cards = "cards => cards.map(c => c.closest('section').querySelector('h2').textContent)"
    groups = page.eval_on_selector_all(".atlas-card", helix_of_cards)  # the first page's cards, under their helix
    listed, number = every_page(page, f"{prefix}actors", ".atlas-card", words["actors_title"], words)
    assert number == math.ceil(len(atlas.actors) / 50) == 3
    assert listed == [record.slug for record in actors.ordered(atlas, lang)]
    assert groups == [facets.label(atlas, "actor", atlas.actors[slug].data["type"], lang).text for slug in listed[:50]]
    context.close()


def actors_matching(atlas, lang: str, case: dict) -> list[str]:
    """The actors a filter keeps, from every profile at once, in the index's order: its type, one
    of its cities (its profile's and its practices'), one of its practices' themes."""
    return [
        record.slug
        for record in actors.ordered(atlas, lang)
        if case.get("type", record.type.key) == atlas.actors[record.slug].data["type"]
        and ("city" not in case or case["city"] in cities_of(atlas, record.slug))
        and ("theme" not in case or case["theme"] in themes_of(atlas, record.slug))
    ]


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_the_actors_filter_fetches_its_data_once_chosen_and_shows_what_filtering_every_actor_shows(
    large_page, large_atlas, lang, prefix
):
    """The first page downloads no data of the actors; a filter chosen then fetches it and shows,
    under their helix, the actors that filtering every profile at once keeps, whose links lead
    to their pages; the address keeps the filter, on whichever page it was chosen, and Back works."""
    atlas, _ = large_atlas
    fetched = []
    large_page.on("request", lambda request: fetched.append(site_path(request.url)))
    large_page.goto(f"{prefix}actors/page/2/")
    own = shown_actors(large_page)
    assert own == [record.slug for record in actors.ordered(atlas, lang)][50:100]
    assert not [path for path in fetched if path.endswith(routes.ACTORS_DATA)]
    actor = next(slug for slug in atlas.actors if slug.startswith("synthetic-") and themes_of(atlas, slug))
    kind, city, theme = atlas.actors[actor].data["type"], cities_of(atlas, actor)[0], themes_of(atlas, actor)[0]
    large_page.select_option("#atlas-actors-theme", theme)
    expect(large_page).to_have_url(re.compile(re.escape(f"/{prefix}actors/page/2/?theme={theme}") + "$"))
    expected = actors_matching(atlas, lang, {"theme": theme})
    assert shown_actors(large_page) == expected and actor in expected
    assert [path for path in fetched if path.endswith(routes.ACTORS_DATA)] == [f"/{prefix}{routes.ACTORS_DATA}"]
    expect(large_page.locator("#atlas-actors-count")).to_have_text(
        ui(lang)["actors_count"]["one" if len(expected) == 1 else "other"].format(count=len(expected))
    )
    headings = large_page.eval_on_selector_all(
        ".atlas-list__results h2", "headings => headings.filter(h => !h.closest('[hidden]')).map(h => h.textContent)"
    )
    types = list(dict.fromkeys(atlas.actors[slug].data["type"] for slug in expected))
    assert headings == [facets.label(atlas, "actor", key, lang).text for key in types]
    card = large_page.locator(f".atlas-list__results .atlas-card[data-slug={actor}]")
    for href in card.locator("a").evaluate_all("links => links.map(a => a.href)"):  # its page, its cities' and countries'
        assert large_page.request.get(href).status == 200, href
    expect(card.locator("h3 a")).to_have_attribute("href", re.compile(re.escape(f"/{prefix}actors/{actor}/") + "$"))
    large_page.select_option("#atlas-actors-type", kind)
    large_page.select_option("#atlas-actors-city", city)
    expected = actors_matching(atlas, lang, {"type": kind, "city": city, "theme": theme})
    assert shown_actors(large_page) == expected and actor in expected
    expect(large_page.locator(".atlas-pages")).to_be_hidden()  # the page links lead to the whole list's pages
    large_page.go_back()  # before the city: the type and the theme
    assert shown_actors(large_page) == actors_matching(atlas, lang, {"type": kind, "theme": theme})
    large_page.locator("button[type=reset]").click()  # no filter: this page's own list again
    expect(large_page).to_have_url(re.compile(re.escape(f"/{prefix}actors/page/2/") + "$"))
    assert shown_actors(large_page) == own
    expect(large_page.locator("#atlas-actors-count")).to_have_text(
        ui(lang)["actors_count"]["other"].format(count=len(atlas.actors))
    )


@on_the_large_atlas
def test_the_index_first_downloads_one_page_and_then_only_the_chunks_a_filter_needs(browser, large_atlas):
    """What a reader downloads first does not grow with the atlas: the page (50 practices), the
    theme's files and a small data file, gzipped, and fewer than 1,400 elements; a typed word
    then fetches the words of its first letter and the cards it shows, not every practice."""
    atlas, url = large_atlas
    context = browser.new_context(base_url=url)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto("practices/", wait_until="networkidle")
    page.wait_for_selector(".atlas-index--ready")
    first = [site_path(request.url) for request in finished]
    downloaded = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] for request in finished)
    assert not [path for path in first if path.startswith("/data/") and path != "/data/practices.json"], first
    assert downloaded <= 150 * 1024
    assert page.evaluate("document.querySelectorAll('*').length") <= 1400
    finished.clear()
    cities = {folded_words(record.title.text)[-1] for record in records(atlas, "fr") if "-synthetic-" in record.slug}
    word = min(
        cities, key=lambda city: (len(filtered(atlas, "fr", {"q": city})), city)
    )  # the city's name in the fewest practices
    page.fill("#atlas-q", word)
    page.wait_for_function("document.querySelector('.atlas-results > ul.atlas-cards:not([hidden]) > .atlas-card')")
    page.wait_for_load_state("networkidle")
    fetched = sorted(path for path in (site_path(request.url) for request in finished) if path.startswith("/data/"))
    cards = [path for path in fetched if path.startswith("/data/practices/cards/")]
    assert [path for path in fetched if path not in cards] == [f"/data/practices/words/{word[0]}.json"]
    assert 0 < len(cards) < LARGE // 25
    context.close()


def busiest(atlas, facet: str, lang: str) -> tuple[str, list]:
    """The value of `facet` with the most practices in the large atlas, and its records (from every
    record's own values: the tests name none in advance)."""
    every = records(atlas, lang)
    key = max(
        sorted({key for record in every for key in record.keys[facet]}), key=lambda k: sum(k in r.keys[facet] for r in every)
    )
    return key, [record for record in every if key in record.keys[facet]]


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_without_javascript_a_busy_city_theme_and_lever_list_their_practices_50_a_page(browser, large_atlas, lang, prefix):
    """Each practice of the value once across its pages, linked as the index's are; a lever's
    pages list where a city government acted first, then the ecosystem's initiatives."""
    atlas, url = large_atlas
    context = browser.new_context(base_url=url, java_script_enabled=False)
    page = context.new_page()
    words = ui(lang)
    with urlopen(f"{url}sitemap.xml") as response:
        sitemap = response.read().decode()
    for facet in ("city", "theme", "lever"):
        key, expected = busiest(atlas, facet, lang)
        assert len(expected) > 50, (facet, key)
        path = routes.facet_value(facet, key)
        page.goto(f"{prefix}{path}/")
        label = page.locator("h1").inner_text()
        expect(page.locator(".atlas-count")).to_have_text(words["facet_count"]["other"].format(count=len(expected)))
        listed, headings, number = [], [], 1
        while True:
            expect(page.locator(".atlas-pages [aria-current=page]")).to_have_text(str(number))
            if number > 1:
                assert site_path(page.url) == f"/{prefix}{path}/page/{number}/"
                expect(page.locator("h1")).to_have_text(words["list_page_title"].format(title=label, number=number))
                assert f"{PUBLISHED_AT}{prefix}{path}/page/{number}/</loc>" in sitemap
            shown = page.eval_on_selector_all(".atlas-card", "cards => cards.map(c => c.dataset.slug)")
            assert 0 < len(shown) <= 50
            listed += shown
            groups = page.eval_on_selector_all(
                "h3#atlas-city-acted, h3#atlas-ecosystem", "hs => hs.map(h => [h.id, h.textContent])"
            )
            headings.append((shown, groups))
            following = page.locator(".atlas-pages a[rel=next]")
            if not following.count():
                break
            following.click()
            number += 1
        assert number == -(-len(expected) // 50) and sorted(listed) == sorted(r.slug for r in expected), facet
        if facet == "lever":
            acted, others = [r.slug for r in expected if r.role.acted], [r.slug for r in expected if not r.role.acted]
            assert listed == acted + others and acted and others
            titles = {
                "atlas-city-acted": f"{words['lever_city_acted']} ({len(acted)})",
                "atlas-ecosystem": f"{words['lever_ecosystem']} ({len(others)})",
            }
            for shown, groups in headings:  # each page: the heading of each group it lists, with the whole group's count
                present = [
                    group
                    for group, slugs in (("atlas-city-acted", acted), ("atlas-ecosystem", others))
                    if set(shown) & set(slugs)
                ]
                assert groups == [[group, titles[group]] for group in present]
    context.close()


def shown_count(frame) -> int:
    """What the map's clusters say: the number on each cluster (or region's count) plus each lone marker."""
    return frame.evaluate("""[...document.querySelectorAll('.marker-cluster span')].reduce((sum, n) => sum + +n.textContent, 0)
        + document.querySelectorAll('.leaflet-marker-icon:not(.marker-cluster)').length""")


@on_the_large_atlas
def test_the_large_world_maps_clusters_count_every_practice_and_its_filter_keeps_what_filtering_them_all_keeps(
    large_page, large_atlas
):
    """The map first downloads its small file only: the regions' counts, which add up to every
    marker; once every region is drawn, its clusters still do; each filter (the city's role
    among them) keeps the practices that filtering every record keeps, each at its points."""
    atlas, _ = large_atlas
    tile = (Path(xstatic.pkg.leaflet.BASE_DIR) / "images/marker-shadow.png").read_bytes()  # any image: tiles are not tested
    large_page.route(f"**://{tile_host()}/**", lambda route: route.fulfill(body=tile, content_type="image/png"))
    fetched = []
    large_page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    frame = world_map(large_page, "map/")
    large_page.wait_for_load_state("networkidle")
    assert [path for path in fetched if "/data/" in path] == [f"{SITE_PATH}data/map.json"]
    points = {record.slug: len(record.points) for record in records(atlas, "fr")}
    assert shown_count(frame) == sum(points.values()) and marker_slugs(frame) == []
    assert every_marker(frame) == sorted(slug for slug, count in points.items() for _ in range(count))
    assert shown_count(frame) == sum(points.values())
    practice = atlas.practices[sorted(slug for slug in atlas.practices if "-synthetic-" in slug)[7]]
    keys = {facet: facets.practice_keys(atlas, facet, practice) for facet in ("role", "region", "theme", "lever")}
    for case in (
        {"role": keys["role"][0]},
        {"region": keys["region"][0], "theme": keys["theme"][0]},
        {"lever": keys["lever"][0]},
    ):
        for facet in ("role", "region", "theme", "lever"):
            choose(frame, facet, case.get(facet, ""))
        expected = filtered(atlas, "fr", {facet: [value] for facet, value in case.items()})
        assert sorted(marker_slugs(frame)) == sorted(slug for slug in expected for _ in range(points[slug])), case
        assert frame.locator(".atlas-map-panel [data-count]").inner_text() == str(len(expected))
        assert shown_count(frame) == sum(points[slug] for slug in expected), case


@on_the_large_atlas
@pytest.mark.parametrize("lang, prefix", EDITIONS[:2])
def test_search_merges_the_bundles_of_a_large_atlas_and_finds_a_practice_in_each(large_page, large_atlas, lang, prefix):
    """Beyond `search_bundle_documents` documents, a language has several Pagefind bundles
    (written one after the other, so that Pagefind's memory stays flat); the search page merges
    them: a practice's number finds it, whichever bundle holds it."""
    atlas, _ = large_atlas
    paths = [path for path, _ in search.sources(atlas, lang)]
    assert len(search.bundles(atlas, lang)) == math.ceil(len(paths) / BUNDLE) > 2
    first_of_bundle: dict[int, str] = {}  # a synthetic practice of three digits in each bundle that holds some
    for position, path in enumerate(paths):
        slug = path.rsplit("/", 1)[-1]
        if "-synthetic-" in slug and int(slug.rsplit("-", 1)[1]) >= 100:
            first_of_bundle.setdefault(position // BUNDLE, slug)
    assert len(first_of_bundle) >= 3
    for slug in first_of_bundle.values():
        large_page.goto(f"{prefix}search/?q={int(slug.rsplit('-', 1)[1])}")
        large_page.wait_for_selector(".atlas-search--ready")
        links = large_page.eval_on_selector_all(".atlas-search__result a", "els => els.map(e => e.href)")
        assert f"/{prefix}practices/{slug}/" in [site_path(url) for url in links], slug


@on_the_large_atlas
def test_a_common_word_fetches_only_the_results_shown_and_says_its_count_is_pagefinds_estimate(large_page, large_atlas):
    """A word of hundreds of pages: the search page fetches the fragments of the 20 results it
    shows, not more; it says "About N results", N at least the practices that have the word in
    their title; "More results" fetches the next ones; a kind then is Pagefind's filter."""
    atlas, _ = large_atlas
    synthetic = Counter(slug.split("-synthetic-")[0] for slug in atlas.practices if "-synthetic-" in slug)
    city, titled = synthetic.most_common(1)[0]  # the city that a synthetic practice's title names most often
    fetched = []
    large_page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    about = re.escape(ui("en")["search_about"]["other"]).replace(re.escape("{count}"), r"([\d,]+)")

    def estimate() -> int:
        status = large_page.locator("[data-atlas-search] [role=status]").inner_text()
        said = re.fullmatch(about, status)
        assert said, status
        return int(said[1].replace(",", ""))  # "1,057": the number as English writes it

    results = search_results(large_page, f"en/search/?q={city}")
    every = estimate()
    assert every >= titled > 40
    assert len(results) == 20 and len([path for path in fetched if "/fragment/" in path]) == 20
    large_page.locator(".atlas-search__more").click()
    expect(large_page.locator(".atlas-search__result")).to_have_count(40)
    assert len([path for path in fetched if "/fragment/" in path]) == 40
    large_page.locator(".atlas-search__kinds input[value=practice]").check()
    expect(large_page).to_have_url(re.compile(re.escape(f"?q={city}&kind=practice") + "$"))
    expect(large_page.locator(".atlas-search__result")).to_have_count(20)
    kinds = large_page.eval_on_selector_all(".atlas-search__result", "items => items.map(i => i.dataset.kind)")
    assert set(kinds) == {"practice"}
    assert titled <= estimate() <= every


@on_the_large_atlas
def test_a_busy_citys_map_first_shows_its_count_then_every_practice_there_when_asked(large_page, large_atlas):
    """Beyond CITY_MAP_INLINE markers, a city's map downloads none at first: one count, that of its
    practices' points at the city; a click on it fetches them, clustered, each practice there."""
    atlas, _ = large_atlas
    at_city: dict[str, list[str]] = {}
    for record in records(atlas, "fr"):
        for point in record.points:
            at_city.setdefault(record.keys["city"][point.place], []).append(record.slug)
    city, expected = max(at_city.items(), key=lambda item: len(item[1]))
    assert len(expected) > maps.CITY_MAP_INLINE
    tile = (Path(xstatic.pkg.leaflet.BASE_DIR) / "images/marker-shadow.png").read_bytes()  # any image: tiles are not tested
    large_page.route(f"**://{tile_host()}/**", lambda route: route.fulfill(body=tile, content_type="image/png"))
    fetched = []
    large_page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    frame = world_map(large_page, f"cities/{city}/")
    large_page.wait_for_load_state("networkidle")
    assert [path for path in fetched if "/data/" in path] == [] and marker_slugs(frame) == []
    assert shown_count(frame) == len(expected)
    frame.locator(".marker-cluster").click()
    frame.locator(".folium-map:not([aria-busy])").wait_for(state="attached")
    assert sorted(marker_slugs(frame)) == sorted(expected) and shown_count(frame) == len(expected)
    assert [path for path in fetched if "/data/" in path] == [f"{SITE_PATH}{routes.city_markers(city)}"]
