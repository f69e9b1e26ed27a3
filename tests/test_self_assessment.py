"""The self-assessment: its file checked like the guide (every reference, with a suggestion), and,
on a small atlas with the tests' own questionnaire (conftest.SELF_ASSESSMENT), the plan a set of
answers gives, the answers kept in the address, print, paper, privacy, keyboard and axe."""

from __future__ import annotations

import copy
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from atlas.base.languages import Languages
from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from conftest import EDITIONS, SELF_ASSESSMENT, TODAY, FixtureAtlas, parsed
from support.browser import offline_page, serious_violations
from support.pages_server import PagesServer

FILE = "practices/guide/self-assessment.yml"
SITE_PATH = "/atlas/"
FR_EN = Languages(("fr", "en"))


def problems_with(fixture_atlas, change) -> list[str]:
    data = copy.deepcopy(SELF_ASSESSMENT)
    change(data)
    fixture_atlas.write_yaml(FILE, data)
    fixture_atlas.add_practice("lyon-centsept")
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_a_misspelt_lever_is_named_with_a_suggestion(fixture_atlas):
    def change(data):
        data["levers"]["actor-maping"] = data["levers"].pop("actor-mapping")

    assert problems_with(fixture_atlas, change) == [
        f"{FILE}: levers: has no question for the lever 'actor-mapping'; the self-assessment asks about every lever of "
        "practices/vocabulary.yml. Add levers › actor-mapping › established (what a city hall that does it does, in one "
        "sentence per language)",
        f"{FILE}: levers.actor-maping: 'actor-maping' is not a lever; did you mean 'actor-mapping'? known levers: "
        "actor-mapping, open-data, public-incubator, strategy-missions (see practices/vocabulary.yml)",
    ]


@pytest.mark.parametrize(
    "where, value, expected",
    [
        (
            ("rules", 1, "steps"),
            ["diagnostic"],
            "rules[1].steps[0]: 'diagnostic' is not a step of the method (practices/guide/guide.yml, method › steps); "
            "did you mean 'diagnosis'? fix the link or remove it",
        ),
        (
            ("rules", 0, "why", "en"),
            "See [a term](term:co-creaton).",
            "rules[0].why.en: 'term:co-creaton' is not a term of the glossary (practices/guide/guide.yml, glossary); "
            "did you mean 'co-creation'? fix the link or remove it",
        ),
        (
            ("rules", 2, "group"),
            "internals",
            "rules[2].group: 'internals' is not a group of levers; did you mean 'internal'? known groups of levers: "
            "external, internal, strategy (see practices/vocabulary.yml)",
        ),
        (
            ("rules", 2, "kind"),
            "magic",
            "rules[2].kind: 'magic' is not allowed; expected one of: prerequisite, follow-up, project-step, first-group, "
            "themes, guide-order",
        ),
        (
            ("plan", "min_levers"),
            4,
            "plan.min_levers: 4 is more than max_levers (3); expected at most 3. Lower it or raise max_levers",
        ),
    ],
)
def test_every_reference_and_rule_is_checked_with_a_fix(fixture_atlas, where, value, expected):
    def change(data):
        node = data
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value

    assert problems_with(fixture_atlas, change) == [f"{FILE}: {expected}"]


def test_a_missing_file_is_one_line(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    (fixture_atlas.root / FILE).unlink()
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    assert [str(p) for p in caught.value.problems] == [f"{FILE}: is missing; create it (see schemas/self-assessment.schema.json)"]


# -- The page, on a small atlas ------------------------------------------------------------------

PRACTICES = {
    # slug: (levers, themes, city role, actor types)
    "lyon-a": (["strategy-missions"], ["health"], "initiator", ["public"]),
    "lyon-b": (["strategy-missions"], ["education"], "partner", ["private"]),
    "lyon-c": (["strategy-missions"], ["education"], "initiator", ["academic"]),
    "lyon-d": (["strategy-missions", "open-data"], ["education"], "none", ["civil-society"]),  # no city role: never shown
    "lyon-e": (["actor-mapping"], ["social-innovation"], "initiator", ["public", "civil-society"]),
}


@pytest.fixture(scope="module")
def assessment_site(tmp_path_factory):
    atlas = FixtureAtlas(tmp_path_factory.mktemp("assessment") / "atlas")
    for slug, (levers, themes, role, types) in PRACTICES.items():
        actors = [{"name": f"{kind} actor", "type": kind, "role": {"fr": "Un rôle.", "en": "A role."}} for kind in types]
        atlas.add_practice(
            slug,
            {"title": {"fr": slug, "en": slug}, "levers": levers, "themes": themes, "city_role": role, "actors": actors},
        )
    result = atlas.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with PagesServer(atlas.site, SITE_PATH) as url:
        yield url


@pytest.fixture
def page(browser, assessment_site):
    """The English page, its requests to any other host refused and recorded."""
    with offline_page(browser, assessment_site) as (page, outside):
        yield page
    assert outside == [], "the self-assessment asked another host"


def answer(page, answers: dict, themes=(), project=None, actors=()) -> None:
    for lever, value in answers.items():
        page.check(f"input[name='{lever}'][value='{value}']")
    for theme in themes:
        page.check(f"input[name='themes'][value='{theme}']")
    if project:
        page.check(f"input[name='project'][value='{project}']")
    for kind in actors:
        page.check(f"input[name='actors'][value='{kind}']")


def plan_of(page) -> list[tuple[str, str, list[str]]]:
    """(lever, the rule's number, the practices' slugs) of each suggested lever, in order."""
    result = []
    for item in page.locator("[data-sa-suggested] > li").all():
        rule = re.search(r"\d+", item.locator(".atlas-sa-why a").first.inner_text()).group()
        slugs = [href.rstrip("/").rpartition("/")[2] for href in item.locator("ul a").evaluate_all("as => as.map(a => a.href)")]
        result.append((item.get_attribute("data-lever"), rule, slugs))
    return result


ALL = ("actor-mapping", "public-incubator", "open-data", "strategy-missions")  # the tests' levers, in the guide's order


@pytest.mark.parametrize(
    "answers, context, expected",
    [
        # Nothing done yet: mapping before incubating (rule 1), then the guide's order up to the minimum (rule 6).
        (
            dict.fromkeys(ALL, "not-yet"),
            {},
            [("actor-mapping", "1", ["lyon-e"]), ("public-incubator", "6", [])],
        ),
        # A project at the diagnosis, open data started: rules 1, 2, 4 in their order, three at most.
        (
            {"actor-mapping": "not-yet", "public-incubator": "not-yet", "open-data": "started", "strategy-missions": "started"},
            {"themes": ["education"], "project": "diagnosis"},
            [("actor-mapping", "1", ["lyon-e"]), ("open-data", "2", []), ("public-incubator", "4", [])],
        ),
        # Only the strategy is left: picked for the reader's theme, its education practices first, the
        # city government's most active role first; the minimum cannot be reached.
        (
            {**dict.fromkeys(ALL, "established"), "strategy-missions": "not-yet"},
            {"themes": ["education"]},
            [("strategy-missions", "5", ["lyon-c", "lyon-b"])],
        ),
        # The same without themes: the guide's order alone, its practices by the city's role, then title.
        (
            {**dict.fromkeys(ALL, "established"), "strategy-missions": "not-yet"},
            {},
            [("strategy-missions", "6", ["lyon-a", "lyon-c"])],
        ),
    ],
)
def test_a_set_of_answers_gives_the_plan_its_rules_say(page, answers, context, expected):
    page.goto("en/self-assessment/")
    expect(page.locator("[data-sa-result]")).to_be_hidden()
    answer(page, answers, **context)
    expect(page.locator("[data-sa-result]")).to_be_visible()
    assert plan_of(page) == expected


def test_the_plan_shows_strengths_where_the_city_stands_the_next_steps_and_actors_to_involve(page):
    page.goto("en/self-assessment/")
    answer(
        page,
        {"actor-mapping": "not-yet", "public-incubator": "established", "open-data": "started", "strategy-missions": "not-yet"},
        project="diagnosis",
        actors=["public"],
    )
    plan = page.locator("#atlas-plan")
    assert plan.locator("[data-sa-strengths] li").all_inner_texts() == ["Public incubators"]
    assert "Under way: Open data" in plan.locator("[data-sa-strengths]").inner_text()
    rows = plan.locator("[data-sa-table] tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert rows == [
        ["Internal actions", "1", "0", "0"],
        ["External actions", "0", "1", "1"],
        ["Defining a strategy", "1", "0", "0"],
    ]
    assert plan.locator("[data-sa-picture] rect").count() == 3 + 4  # the legend's three, a segment per answer given
    mapping = plan.locator("[data-lever='actor-mapping']")
    actors = mapping.locator("p", has_text="Actors to involve").inner_text()
    assert actors == "Actors to involve: Public, Civil society (not yet among your partners)"
    assert plan.locator("[data-sa-steps] li").all_inner_texts() == ["Make a diagnosis"]
    assert plan.locator("[data-sa-steps] li[aria-current=step]").count() == 1
    link = mapping.locator("h4 a")
    link.click()
    assert page.url.endswith("/atlas/en/levers/actor-mapping/")


def test_the_address_keeps_the_answers_and_a_link_reopens_the_same_plan(page, browser, assessment_site):
    page.goto("en/self-assessment/")
    answer(page, dict.fromkeys(ALL, "started"), themes=["health", "education"], project="none", actors=["academic"])
    address = page.url
    assert urlsplit(address).fragment == (
        "actor-mapping=started&public-incubator=started&open-data=started&strategy-missions=started"
        "&themes=education%2Chealth&project=none&actors=academic"  # in the page's order
    )
    assert page.locator("input[name='themes'][value='social-innovation']").is_disabled()  # two themes at most
    plan = page.locator("#atlas-plan [data-sa-result]").inner_text()
    page.locator("a[href='#atlas-plan']").click()  # a link within the page keeps the answers in the address
    expect(page).to_have_url(address)  # once the page has seen the hash change
    other = browser.new_context().new_page()
    other.goto(address)
    expect(other.locator("[data-sa-result]")).to_be_visible()
    assert other.locator("#atlas-plan [data-sa-result]").inner_text() == plan
    assert other.locator("input[value='started']:checked").count() == len(ALL)
    other.locator("button[type=reset]").click()
    expect(other.locator("[data-sa-result]")).to_be_hidden()
    assert urlsplit(other.url).fragment == ""
    other.context.close()


def test_nothing_is_stored_and_nothing_but_the_site_is_asked(page):
    page.goto("en/self-assessment/")
    answer(page, dict.fromkeys(ALL, "not-yet"), themes=["health"])
    stored = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]
    assert page.context.cookies() == []


def test_print_gives_the_dated_plan_and_the_answers_without_the_form_or_navigation(page):
    page.goto("en/self-assessment/")
    answer(page, dict.fromkeys(ALL, "not-yet"))
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '#atlas-sa-form', '.atlas-sa-rules',
        '[data-sa-date]', '[data-sa-answers]', '[data-sa-suggested]'].map(s => [s, getComputedStyle(document.querySelector(s)).display]))""")
    assert shown == {
        ".md-header": "none",
        ".md-sidebar--primary": "none",
        "#atlas-sa-form": "none",
        ".atlas-sa-rules": "none",
        "[data-sa-date]": "block",
        "[data-sa-answers]": "block",
        "[data-sa-suggested]": "flow-root",  # Material's lists
    }
    assert re.fullmatch(r"Self-assessment of \w+ \d{1,2}, 20\d\d", page.locator("[data-sa-date]").inner_text())
    answers = page.locator("[data-sa-answers]").inner_text()
    assert "Map the actors\nNot yet" in answers and "Which themes?\n—" in answers
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4"))) <= 2


def test_without_javascript_it_is_a_paper_questionnaire_with_its_rules(browser, assessment_site):
    context = browser.new_context(base_url=assessment_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("self-assessment/")
    expect(page.locator(".atlas-sa-paper")).to_be_visible()
    expect(page.locator("#atlas-plan")).to_be_hidden()
    assert page.locator("#atlas-rules li").all_inner_texts()[0].startswith("Map before incubating (fr).")
    assert page.locator("fieldset").count() == len(ALL) + 3
    page.emulate_media(media="print")
    expect(page.locator("#atlas-sa-form")).to_be_visible()
    context.close()


def test_answered_by_keyboard_alone_accessible_and_no_layout_shift(page):
    page.goto("en/self-assessment/")
    page.evaluate("""() => { window.shifts = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.shifts += e.value; }).observe({type: 'layout-shift', buffered: true}); }""")
    page.locator("input[name='actor-mapping']").first.focus()
    for _ in ALL:
        page.keyboard.press("ArrowRight")  # within a question: the next answer
        page.keyboard.press("Tab")  # the next question (its source's link, then its answers)
        page.keyboard.press("Tab")
    assert page.locator("input[value='started']:checked").count() == len(ALL)
    expect(page.locator("[data-sa-result]")).to_be_visible()
    sizes = page.eval_on_selector_all(".atlas-sa-options label", "ls => ls.map(l => l.getBoundingClientRect().height)")
    assert min(sizes) >= 24
    assert serious_violations(page) == []
    assert page.evaluate("window.shifts") <= 0.05


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_the_real_questionnaire_is_published_in_every_language_and_linked(real_site, real_atlas, lang, prefix):
    soup = parsed(real_site / prefix / "self-assessment" / "index.html")
    levers = real_atlas.vocabulary["levers"]
    questions = soup.select("fieldset.atlas-sa-question")
    assert 15 <= len(questions) <= 35 and len(questions) == len(levers) + 3
    assert soup.html["lang"] == lang
    for name in ("", "method/"):
        links = [a["href"] for a in parsed(real_site / prefix / name / "index.html").select("a[href]")]
        assert any(href.rstrip("/").endswith("self-assessment") for href in links), f"{prefix}{name} has no link to it"
