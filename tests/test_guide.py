"""The guide's playbook (practices/guide/): its format's problems, its pages in both languages,
and a reader's way from the home page to each of them."""

from __future__ import annotations

import copy
import posixpath
import re
from collections import deque

import pytest
from bs4 import BeautifulSoup

from atlas.base.languages import Languages
from atlas.base.problems import AtlasDataError
from atlas.check import sections as guide_sections
from atlas.model.load import load_atlas
from atlas.records.facets import sort_key
from conftest import EDITIONS, EN_MD, FR_MD, GUIDE, TODAY, guide_text

FR_EN = Languages(("fr", "en"))
G = "practices/guide"


def problems_of(atlas) -> list[str]:
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(atlas.root, FR_EN, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def with_guide(**changes) -> dict:
    guide = copy.deepcopy(GUIDE)
    guide.update(changes)
    return guide


# -- The format's problems: one exact line each --


def test_a_link_to_a_missing_practice_is_one_clear_line(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write(f"{G}/levers/open-data.fr.md", guide_text("levers", "fr", "Voir [le CentSept](practice:lyon-centsep)."))
    assert problems_of(fixture_atlas) == [
        f"{G}/levers/open-data.fr.md: link: 'practice:lyon-centsep' is not a practice of the atlas; did you mean "
        "'lyon-centsept'? link another practice as practice:<its folder name>"
    ]


@pytest.mark.parametrize(
    "link, expected",
    [
        (
            "step:diagnostic",
            "'step:diagnostic' is not a step of the method (practices/guide/guide.yml, method › steps); "
            "did you mean 'diagnosis'? fix the link or remove it",
        ),
        (
            "lever:open-datas",
            "'lever:open-datas' is not a lever of practices/vocabulary.yml; did you mean 'open-data'? fix the link or remove it",
        ),
        ("city:lyonn", "'city:lyonn' is not a city of practices/cities.yml; did you mean 'lyon'? fix the link or remove it"),
        ("theme:sante", "'theme:sante' is not a theme of practices/vocabulary.yml; fix the link or remove it"),
    ],
)
def test_links_to_pages_that_do_not_exist(fixture_atlas, link, expected):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write(f"{G}/steps/diagnosis.en.md", guide_text("steps", "en", f"See [this]({link})."))
    assert problems_of(fixture_atlas) == [f"{G}/steps/diagnosis.en.md: link: {expected}"]


def test_a_step_illustrated_by_a_missing_practice(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    steps = [{**GUIDE["method"]["steps"][0], "practices": [{"practice": "lyon-cent-sept", "why": {"fr": "Parce que."}}]}]
    fixture_atlas.write_guide(with_guide(method={"section": "Méthode", "steps": steps}))
    assert problems_of(fixture_atlas) == [
        f"{G}/guide.yml: method.steps[0].practices[0].practice: 'lyon-cent-sept' is not a practice of the atlas; did you mean "
        "'lyon-centsept'? link another practice as practice:<its folder name>"
    ]


def test_every_lever_is_explained(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    levers = {key: value for key, value in GUIDE["levers"].items() if key != "open-data"}
    fixture_atlas.write_guide(with_guide(levers=levers))
    (fixture_atlas.root / f"{G}/levers/open-data.fr.md").unlink()
    (fixture_atlas.root / f"{G}/levers/open-data.en.md").unlink()
    assert problems_of(fixture_atlas) == [
        f"{G}/guide.yml: levers: has no entry for the lever 'open-data'; every lever of practices/vocabulary.yml is explained. "
        "Add levers › open-data › section and the files levers/open-data.fr.md (and .en.md)"
    ]


def test_french_text_is_required_and_english_is_not(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    (fixture_atlas.root / f"{G}/levers/open-data.fr.md").unlink()
    (fixture_atlas.root / f"{G}/steps/diagnosis.en.md").unlink()
    assert problems_of(fixture_atlas) == [
        f"{G}/levers/open-data.fr.md: is missing; the French text is required. Create it with its sections (see the "
        "contributor guide), or remove levers › open-data from guide.yml"
    ]


def test_sections_of_a_lever(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write(f"{G}/levers/open-data.en.md", "## What it is\n\nText.\n\n## How\n\nText.\n")
    assert problems_of(fixture_atlas) == [
        f"{G}/levers/open-data.en.md: sections: has the sections '## What it is', '## How'; expected '## What it is', "
        "'## Why a city hall uses it', '## How to go about it', '## What to watch for', in this order. Fix the headings"
    ]


def test_a_file_the_guide_does_not_call_for(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write(f"{G}/levers/open_data.fr.md", guide_text("levers", "fr"))
    fixture_atlas.write(f"{G}/notes/draft.md", "x")
    assert problems_of(fixture_atlas) == [
        f"{G}/levers/open_data.fr.md: is not a file the guide calls for; expected <a lever of guide.yml>.<language>.md "
        "(see the contributor guide). Rename it, add its entry to guide.yml, or remove it",
        f"{G}/notes/: is not a folder of the guide; expected levers/, groups/, steps/ or cities/. Move its files or remove it",
    ]


def test_guide_schema_problem(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write_guide(
        with_guide(
            recommendations=[
                {"key": "slow", "kind": "risk", "title": {"fr": "Lenteur"}, "text": {"fr": "Texte."}, "section": "Obstacles"}
            ]
        )
    )
    assert problems_of(fixture_atlas) == [
        f"{G}/guide.yml: recommendations[0].kind: 'risk' is not allowed; expected one of: obstacle, opportunity"
    ]


# -- Pages, built for real --


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_lever_page_opens_with_its_explanation_in_each_language(fixture_atlas):
    """Following the contributor guide: edit a lever's explanation and a step in both languages; the pages follow."""
    fixture_atlas.add_practice(
        "lyon-centsept",
        {"levers": ["open-data"]},
        fr=FR_MD + "\nVoir [le diagnostic](step:diagnosis).\n",
        en=EN_MD + "\nSee [the diagnosis](step:diagnosis).\n",
    )
    for lang, word in (("fr", "Ouvrir les données de la mairie"), ("en", "Open the city hall's data")):
        fixture_atlas.write(
            f"{G}/levers/open-data.{lang}.md", guide_text("levers", lang, f"{word}, avec [la co-création](term:co-creation).")
        )
        fixture_atlas.write(f"{G}/steps/diagnosis.{lang}.md", guide_text("steps", lang, f"{word} : étape."))
    assert fixture_atlas.build().returncode == 0
    for prefix, word, headings, section in (
        ("", "Ouvrir les données de la mairie", "Ce que c'est", "partie « Partie sur open-data »"),
        ("en/", "Open the city hall's data", "What it is", "section “Partie sur open-data”"),
    ):
        page = soup(fixture_atlas.site, f"{prefix}levers/open-data/index.html")
        text = page.select_one(".atlas-guide-text")
        assert text.h2.get_text() == headings and word in text.get_text()
        assert text.select_one("a")["href"] == "../../glossary/#co-creation"
        assert " ".join(page.select_one(".atlas-source").get_text().split()).endswith(f"{section}.")
        cards = [
            posixpath.normpath(posixpath.join(f"{prefix}levers/open-data", a["href"]))
            for a in page.select(".atlas-card__title a")
        ]
        assert cards == [f"{prefix}practices/lyon-centsept"]
        assert word in soup(fixture_atlas.site, f"{prefix}method/diagnosis/index.html").select_one(".atlas-guide-text").get_text()
        narrative = soup(fixture_atlas.site, f"{prefix}practices/lyon-centsept/index.html").select_one(".atlas-narrative a")
        assert narrative["href"] == "../../method/diagnosis/"


def test_an_untranslated_guide_text_shows_french_under_the_notice(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    (fixture_atlas.root / f"{G}/steps/diagnosis.en.md").unlink()
    assert fixture_atlas.build().returncode == 0
    page = soup(fixture_atlas.site, "en/method/diagnosis/index.html")
    assert page.select_one(".atlas-untranslated").get_text(" ", strip=True) == (
        "Not translated yet This part of the guide has not been translated yet; the text below is in French."
    )
    text = page.select_one(".atlas-guide-text")
    assert text["lang"] == "fr" and text.h2.get_text() == "Ce qu'il faut faire"
    assert soup(fixture_atlas.site, "method/diagnosis/index.html").select_one(".atlas-untranslated") is None


# -- The real atlas --


def headings(kind: str, lang: str) -> list[str]:
    """The section headings a kind of guide text has in `lang`, in order (the loader's contract)."""
    return [heading for _, heading, _ in guide_sections.expected(kind, lang)]


PREFIXES = EDITIONS


def sections(page) -> list[str]:
    return [h2.get_text() for h2 in page.select(".atlas-guide-text > h2")]


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_every_lever_page_explains_then_lists_its_practices(real_site, real_atlas, lang, prefix):
    for key in real_atlas.vocabulary["levers"]:
        page = soup(real_site, f"{prefix}levers/{key}/index.html")
        assert sections(page) == headings("levers", lang), key
        assert "AIMF" in page.select_one(".atlas-source").get_text()
        listed = {a["href"].split("/")[-2] for a in page.select(".atlas-card__title a")}
        assert listed == {slug for slug, p in real_atlas.practices.items() if key in p.data["levers"]}, key


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_the_levers_overview_explains_the_three_groups(real_site, lang, prefix):
    page = soup(real_site, f"{prefix}levers/index.html")
    assert [h2["id"] for h2 in page.select("h2")] == ["internal", "external", "strategy"]
    assert all(text.get_text(strip=True) for text in page.select(".atlas-guide-text"))


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_the_method_and_its_seven_steps(real_site, real_atlas, lang, prefix):
    method = soup(real_site, f"{prefix}method/index.html")
    steps = real_atlas.guide.steps
    assert len(steps) == 7
    assert [a["href"] for a in method.select("ol.atlas-steps a")] == [f"{step.key}/" for step in steps]
    for step in steps:
        page = soup(real_site, f"{prefix}method/{step.key}/index.html")
        assert page.h1.get_text() == step.title[lang]
        assert sections(page) == headings("steps", lang), step.key
        illustrated = [a["href"].split("/")[-2] for a in page.select(".atlas-illustrations .atlas-card__title a")]
        assert illustrated == [item["practice"] for item in step.practices] and illustrated, step.key
        assert all(why.get_text(strip=True) for why in page.select(".atlas-card__why")), step.key


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_the_glossary_and_the_recommendations(real_site, real_atlas, lang, prefix):
    """The glossary in the reader's alphabetical order, a letter index leading to each letter, and
    the guide's order kept at the end; the recommendations, long, open with a summary of every point."""
    glossary = soup(real_site, f"{prefix}glossary/index.html")
    terms = [dt.get_text() for dt in glossary.select("dl.atlas-glossary dt")]
    assert terms == sorted(terms, key=sort_key) and len(terms) == len(real_atlas.guide.glossary)
    letters = [a["href"] for a in glossary.select(".atlas-letters li a")]
    assert letters and all(glossary.select_one(href) is not None for href in letters)
    assert {sort_key(term)[0].upper() for term in terms} == {href.removeprefix("#letter-") for href in letters}
    in_guide_order = [a["href"].removeprefix("#") for a in glossary.select("#guide-order + ol a")]
    assert in_guide_order == [term["key"] for term in real_atlas.guide.glossary]
    recommendations = soup(real_site, f"{prefix}recommendations/index.html")
    kinds = [section["class"][1] for section in recommendations.select("section.atlas-recommendation")]
    assert {"atlas-recommendation--obstacle", "atlas-recommendation--opportunity"} <= set(kinds)
    assert len(kinds) == len(real_atlas.guide.recommendations)
    summary = [a["href"] for a in recommendations.select(".atlas-in-brief a")]
    assert sorted(summary) == sorted(f"#{item['key']}" for item in real_atlas.guide.recommendations)
    toc = [a["href"].split("#")[1] for a in recommendations.select(".md-sidebar--secondary a[href*='#']")]
    assert toc == [item["key"] for item in real_atlas.guide.recommendations]  # the page's table of contents


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_case_study_cities_have_their_profile_above_their_practices(real_site, lang, prefix):
    for city in ("abidjan", "lyon", "lausanne", "phnom-penh"):
        page = soup(real_site, f"{prefix}cities/{city}/index.html")
        assert sections(page) == headings("cities", lang), city
        profile, practices = page.select_one(".atlas-guide-text"), page.select_one("ul.atlas-cards")
        assert profile.find_all_next("ul", class_="atlas-cards")[0] is practices  # the profile comes first


def reachable(site, start: str, clicks: int) -> set[str]:
    """The pages a reader reaches from `start` in at most `clicks` clicks on links of the page's content."""
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        path, depth = queue.popleft()
        if depth == clicks:
            continue
        for a in soup(site, path).select("article a[href], .md-content a[href]"):
            href = a["href"].split("#")[0]
            if not href or re.match(r"^[a-z]+:|^//", href):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            target = target + "/index.html" if not target.endswith(".html") else target
            if target not in seen and (site / target).is_file():
                seen.add(target)
                queue.append((target, depth + 1))
    return seen


@pytest.mark.parametrize("lang, prefix", PREFIXES)
def test_from_the_home_page_in_at_most_two_clicks(real_site, real_atlas, lang, prefix):
    """A lever's explanation, each step of the method, the glossary and a case-study city's profile."""
    within_two = reachable(real_site, f"{prefix}index.html", 2)
    expected = {f"{prefix}levers/{key}/index.html" for key in real_atlas.vocabulary["levers"]}
    expected |= {f"{prefix}method/{step.key}/index.html" for step in real_atlas.guide.steps}
    expected |= {f"{prefix}glossary/index.html", f"{prefix}recommendations/index.html", f"{prefix}method/index.html"}
    expected |= {f"{prefix}cities/{city}/index.html" for city in ("abidjan", "lyon", "lausanne", "phnom-penh")}
    assert expected - within_two == set()
