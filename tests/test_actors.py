"""Innovation actors' profiles (practices/actors/): their format's problems, the scaffold, and
the links both ways (an actor's practices, a practice's profiled actors, a city's ecosystem)."""

from __future__ import annotations

import json
import posixpath
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from atlas.base.languages import Languages
from atlas.model.load import load_atlas
from conftest import REPO, TODAY

FR_EN = Languages(("fr", "en"))
A = "practices/actors/tuba.yml"
P = "practices/lyon-centsept/practice.yml"
TUBA = {
    "name": {"fr": "Tubà", "en": "Tubà"},
    "type": "private",
    "cities": ["lyon"],
    "profile": {
        "description": {"fr": "Un lieu d'expérimentation [du CentSept](practice:lyon-centsept).", "en": "A test-bed."},
        "needs": {"fr": "Des données ouvertes.", "en": "Open data."},
    },
    "sources": [{"title": "Guide pratique", "publisher": "Sciences Po, AIMF", "year": 2022}],
    "last_reviewed": "2026-11-21",
}
LINKED = {
    "actors": [
        {"actor": "tuba", "role": {"fr": "partenaire", "en": "partner"}},
        {"name": "Métropole de Lyon", "type": "public", "role": {"fr": "cofondatrice", "en": "co-founder"}},
    ]
}


def problems_of(atlas) -> list[str]:
    from atlas.base.problems import AtlasDataError

    with pytest.raises(AtlasDataError) as caught:
        load_atlas(atlas.root, FR_EN, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def with_actor(fixture_atlas, **changes):
    fixture_atlas.write_yaml(A, {**TUBA, **changes})


CASES = {
    "unknown actor key": (
        {},
        {"actors": [{"actor": "tubaa", "role": {"fr": "partenaire"}}]},
        [
            f"{P}: actors[0].actor: 'tubaa' is not an actor with a profile; did you mean 'tuba'? give the key of a file of "
            "practices/actors/, or name the actor with name and type instead"
        ],
    ),
    "name and type beside a key": (
        {},
        {"actors": [{"actor": "tuba", "name": "Tuba", "type": "private"}]},
        [
            f"{P}: actors[0].name: is given by the actor's profile (practices/actors/tuba.yml); remove name here",
            f"{P}: actors[0].type: is given by the actor's profile (practices/actors/tuba.yml); remove type here",
        ],
    ),
    "neither a key nor a name": (
        {},
        {"actors": [{"role": {"fr": "partenaire"}}]},
        [
            f"{P}: actors[0].name: is missing; expected the actor's name, as the source gives it (an actor without a profile): "
            "one text, or a text in each language for a description. Add it"
        ],
    ),
    "profile without description": (
        {"profile": {"needs": {"fr": "Des locaux."}}},
        {},
        [
            f"{A}: profile.description: is missing; expected its mission, since when it exists, the issues it works on, where, "
            "whom it serves and who leads it. Add it"
        ],
    ),
    "unknown section": (
        {"profile": {"description": {"fr": "Un lieu."}, "besoins": {"fr": "x"}}},
        {},
        [
            f"{A}: profile.besoins: 'besoins' is not a known field; allowed here: description, interests, responsibilities, "
            "ecosystem_role, competences, network, resources, needs, priorities, difficulties, collaboration, benefits. "
            "Fix its name or remove it"
        ],
    ),
    "founded in the future": (
        {"since": 2031},
        {},
        [f"{A}: since: 2031 is in the future; expected the year it was founded, 2026 at the latest"],
    ),
    "a link to a practice that does not exist": (
        {"profile": {"description": {"fr": "Voir [ceci](practice:lyon-centsep)."}}},
        {},
        [
            f"{A}: profile.description.fr: 'practice:lyon-centsep' is not a practice of the atlas; did you mean 'lyon-centsept'? "
            "link another practice as practice:<its folder name>"
        ],
    ),
}


@pytest.mark.parametrize("actor, practice, expected", CASES.values(), ids=CASES.keys())
def test_problem_messages(fixture_atlas, actor, practice, expected):
    with_actor(fixture_atlas, **actor)
    fixture_atlas.add_practice("lyon-centsept", practice)
    assert problems_of(fixture_atlas) == expected


def test_a_file_that_is_not_a_profile(fixture_atlas):
    with_actor(fixture_atlas)
    fixture_atlas.write("practices/actors/Tuba Lab.yml", "x: 1\n")
    fixture_atlas.add_practice("lyon-centsept")
    assert problems_of(fixture_atlas) == [
        "practices/actors/Tuba Lab.yml: 'Tuba Lab.yml' is not an actor's profile; expected <key>.yml, the key in lowercase "
        "ASCII letters, digits and hyphens, e.g. 'tuba.yml'. Rename or remove it"
    ]


def run_tool(script: str, *args, root) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / script), *args, "--root", str(root)], capture_output=True, text=True, timeout=60
    )


def test_following_the_contributor_guide_an_editor_adds_an_actor(fixture_atlas):
    """new_actor.py, then what validation asks, then the link from a practice."""
    fixture_atlas.add_practice("lyon-centsept")
    created = run_tool("new_actor.py", "tuba", "--name", "Tubà", "--type", "private", "--city", "lyon", root=fixture_atlas.root)
    assert created.returncode == 0, created.stderr
    lines = run_tool("validate.py", root=fixture_atlas.root).stdout.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "profile.description.fr",
        "sources[0].publisher",
        "sources[0].title",
    ]
    profile = yaml.safe_load((fixture_atlas.root / A).read_text(encoding="utf-8"))
    profile["profile"]["description"] = {"fr": "Un lieu d'expérimentation.", "en": "A test-bed."}
    profile["sources"] = TUBA["sources"]
    fixture_atlas.write_yaml(A, profile)
    fixture_atlas.add_practice("lyon-centsept", LINKED)
    assert run_tool("validate.py", root=fixture_atlas.root).returncode == 0
    refused = run_tool("new_actor.py", "tuba", "--name", "x", root=fixture_atlas.root)
    assert (refused.returncode, refused.stderr) == (
        2,
        "new_actor: practices/actors/tuba.yml already exists; choose another key or edit that profile\n",
    )


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def hrefs(page, selector, at):
    return [posixpath.normpath(posixpath.join(posixpath.dirname(at), a["href"])) for a in page.select(selector)]


def test_actor_pages_and_the_links_both_ways(fixture_atlas):
    with_actor(fixture_atlas)
    fixture_atlas.add_practice("lyon-centsept", LINKED)
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    site = fixture_atlas.site
    for prefix, role, needs in (("", "partenaire", "Besoins"), ("en/", "partner", "Needs")):
        actor = soup(site, f"{prefix}actors/tuba/index.html")
        assert actor.h1.get_text() == "Tubà"
        assert [h2.get_text() for h2 in actor.select(".atlas-profile-section h2")] == ["Description", needs]
        assert hrefs(actor, ".atlas-card__title a", f"{prefix}actors/tuba/index.html") == [f"{prefix}practices/lyon-centsept"]
        assert role in actor.select_one(".atlas-card__summary").get_text()
        practice = soup(site, f"{prefix}practices/lyon-centsept/index.html")
        names = {td.get_text(strip=True): td for td in practice.select(".atlas-actors td:first-child")}
        assert hrefs(names["Tubà"], "a", f"{prefix}practices/lyon-centsept/index.html") == [f"{prefix}actors/tuba"]
        assert names["Métropole de Lyon"].a is None
        city = soup(site, f"{prefix}cities/lyon/index.html")
        groups = {
            section.h3.get_text(): [li.get_text(strip=True) for li in section.select("li")]
            for section in city.select(".atlas-ecosystem__groups > section")
        }
        assert groups == (
            {"Privé": ["Tubà"], "Public": ["Métropole de Lyon"]}
            if not prefix
            else {"Private": ["Tubà"], "Public": ["Métropole de Lyon"]}
        )
        index = soup(site, f"{prefix}actors/index.html")
        assert index.select_one("li[data-slug=tuba] .atlas-card__place").get_text() == ("Lyon (France)")
        data = json.loads((site / f"{prefix}data/actors.json").read_text(encoding="utf-8"))  # what the index's filter reads
        assert [a for a in data["actors"] if a[0] == "tuba"] == [["tuba", "Tubà", "private", ["lyon"], ["social-innovation"], 1]]
        assert data["cities"]["lyon"] == ["Lyon", "fr"] and data["countries"]["fr"] == "France"
        template = soup(site, f"{prefix}actor-profile/index.html")
        assert len(template.select(".atlas-template-section")) == 12
        assert template.select(".atlas-template-example")  # the guide's fictional example, where it fills a section


def test_a_busy_citys_ecosystem_names_the_most_named_actors_and_counts_the_others(fixture_atlas):
    """However many actors a city has, its page names at most ECOSYSTEM_SHOWN of a group: those its
    practices name most, profiled ones first, in alphabetical order; then how many others, with
    the actors' index showing the city's group when some of them have a profile."""
    from atlas.outputs.facets import ECOSYSTEM_SHOWN

    profiled = [f"public-{n:02d}" for n in range(1, ECOSYSTEM_SHOWN + 3)]  # 14: all in Lyon, by their profile
    for key in profiled:
        fixture_atlas.write_yaml(
            f"practices/actors/{key}.yml", {**TUBA, "name": {"fr": f"Acteur public {key[-2:]}"}, "type": "public"}
        )
    named = {"actors": [{"actor": profiled[-1], "role": {"fr": "pilote"}}, LINKED["actors"][1]]}  # the two named
    fixture_atlas.add_practice("lyon-centsept", named)
    result = fixture_atlas.build()
    assert result.returncode == 0, result.stderr
    city = soup(fixture_atlas.site, "cities/lyon/index.html")
    (group,) = city.select(".atlas-ecosystem__groups > section")
    shown = [f"Acteur public {n:02d}" for n in range(1, ECOSYSTEM_SHOWN - 1)] + ["Acteur public 14", "Métropole de Lyon"]
    assert [li.get_text(strip=True) for li in group.select("li")] == shown
    more = group.select_one(".atlas-ecosystem__more")
    assert " ".join(more.get_text(" ").split()) == "et 3 autres acteurs · ceux qui ont une fiche, dans l'index des acteurs"
    assert more.a["href"] == "../../actors/?type=public&city=lyon"


def test_profile_sections_are_markdown_and_may_hold_lists(fixture_atlas):
    """A section of a profile is Markdown: line breaks (a list) are allowed there, not in a name."""
    with_actor(
        fixture_atlas,
        profile={
            "description": {"fr": "Il offre :\n\n- des locaux ;\n- des données.\n", "en": "It offers:\n\n- premises;\n- data.\n"}
        },
    )
    fixture_atlas.add_practice("lyon-centsept", LINKED)
    assert (
        load_atlas(fixture_atlas.root, FR_EN, today=TODAY).actors["tuba"].data["profile"]["description"]["fr"].count("\n- ") == 2
    )
    with_actor(fixture_atlas, name={"fr": "Tubà\nLyon"})
    assert problems_of(fixture_atlas) == [
        f"{A}: name.fr: 'Tubà\\nLyon' contains a control character, U+000A (line break), at character 5; write it on one line "
        "(a long text can use '>-' and continue on indented lines)",
        # the practice that names the profile is told the profile has problems, not that it does not exist
        f"{P}: actors[0].actor: 'tuba' names the profile practices/actors/tuba.yml, which has problems of its own (listed above "
        "with that file); fix the profile",
    ]
