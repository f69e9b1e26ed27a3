"""Every kind of data problem gets one exact, actionable line; all problems are reported at once."""

from __future__ import annotations

import os
import time

import pytest

from atlas.base.languages import Languages
from atlas.base.problems import AtlasDataError
from atlas.model.load import load_atlas
from conftest import FR_MD, TODAY, image_bytes

FR_EN = Languages(("fr", "en"))
P = "practices/lyon-centsept/practice.yml"


def problems_of(atlas) -> list[str]:
    with pytest.raises(AtlasDataError) as caught:
        load_atlas(atlas.root, FR_EN, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_valid_fixture_loads(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    atlas = load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    assert list(atlas.practices) == ["lyon-centsept"]


CASES = {
    "unknown theme": (
        {"themes": ["social-innovation", "innovaton-sociale"]},
        [
            f"{P}: themes[1]: 'innovaton-sociale' is not a theme; known themes: education, health, social-innovation "
            "(see practices/vocabulary.yml)"
        ],
    ),
    "unknown lever with suggestion": (
        {"levers": ["public-incubators"]},
        [
            f"{P}: levers[0]: 'public-incubators' is not a lever; did you mean 'public-incubator'? known levers: actor-mapping, "
            "open-data, public-incubator, strategy-missions (see practices/vocabulary.yml)"
        ],
    ),
    "unknown actor type": (
        {"actors": [{"name": "X", "type": "ngo"}]},
        [
            f"{P}: actors[0].type: 'ngo' is not an actor type; known actor types: academic, civil-society, private, public "
            "(see practices/vocabulary.yml)"
        ],
    ),
    "unknown status": (
        {"status": "active"},
        [f"{P}: status: 'active' is not a status; known statuses: completed, ongoing, planned (see practices/vocabulary.yml)"],
    ),
    "unknown city": (
        {"cities": ["lyonn"]},
        [
            f"{P}: cities[0]: 'lyonn' is not a city of practices/cities.yml; did you mean 'lyon'? add the city to practices/cities.yml or fix the key"
        ],
    ),
    "unknown related practice": (
        {"related": ["lyon-tuba"]},
        [
            f"{P}: related[0]: 'lyon-tuba' is not a practice of the atlas; expected the folder name of another practice. Fix it or remove it"
        ],
    ),
    "unknown field": (
        {"tittle": {"fr": "x"}},
        [
            f"{P}: tittle: 'tittle' is not a known field; did you mean 'title'? allowed here: cities, scope, title, summary, "
            "city_role, city_role_note, themes, levers, actors, status, start_year, end_year, sdgs, location, links, sources, related, published, last_reviewed. Fix its name or remove it"
        ],
    ),
    "missing required field": (
        {"levers": None},
        [f"{P}: levers: null (empty) is null (empty); expected a list"],
    ),
    "http link": (
        {"links": [{"url": "http://example.org", "label": {"fr": "Site"}}]},
        [
            f"{P}: links[0].url: 'http://example.org' is not an https link; expected an address starting with https://. "
            "Use the https address or remove it"
        ],
    ),
    "end before start": (
        {"start_year": 2016, "end_year": 2014},
        [f"{P}: end_year: 2014 is before start_year 2016; expected a year from 2016 on. Fix one of the two years"],
    ),
    "review date in the future": (
        {"last_reviewed": "2026-12-01"},
        [
            f"{P}: last_reviewed: '2026-12-01' is in the future; expected the date the facts were last checked, today (2026-11-21) at the latest"
        ],
    ),
    "publication date in the future": (
        {"published": "2026-12-01", "last_reviewed": "2026-11-20"},
        [
            f"{P}: published: '2026-12-01' is after last_reviewed '2026-11-20'; expected the date the practice first appeared "
            "in the atlas, on or before its last review. Fix one of the two dates",
            f"{P}: published: '2026-12-01' is in the future; expected the date the practice first appeared in the atlas, "
            "today (2026-11-21) at the latest",
        ],
    ),
    "published after the review": (
        {"published": "2026-11-20", "last_reviewed": "2026-11-19"},
        [
            f"{P}: published: '2026-11-20' is after last_reviewed '2026-11-19'; expected the date the practice first appeared "
            "in the atlas, on or before its last review. Fix one of the two dates"
        ],
    ),
    "review date not a date": (
        {"last_reviewed": "21/11/2026"},
        [f"{P}: last_reviewed: '21/11/2026' is not a date; expected YYYY-MM-DD, e.g. 2026-11-21"],
    ),
    "summary too long": (
        {"summary": {"fr": "x" * 301}},
        [f"{P}: summary.fr: is 301 characters long; expected at most 300. Shorten it"],
    ),
    "unknown language": (
        {"title": {"fr": "Le CentSept", "em": "CentSept"}},
        [
            f"{P}: title.em: 'em' is not a language of the atlas; did you mean 'en'? configured: fr, en "
            "(mkdocs.yml, plugins › i18n › languages). Fix the code or remove the text"
        ],
    ),
    "missing French title": (
        {"title": {"en": "CentSept"}},
        [f"{P}: title.fr: is missing; expected the French text (French is always required). Add it"],
    ),
    "sdg out of range": (
        {"sdgs": [8, 18]},
        [f"{P}: sdgs[1]: 18 is out of range; expected at most 17"],
    ),
    "latitude out of range": (
        {"location": {"lat": 95, "lon": 4.8}},
        [f"{P}: location.lat: 95 is out of range; expected at most 90"],
    ),
    "no actors": (
        {"actors": []},
        [
            f"{P}: actors: has 0 item(s); expected at least 1: who took part, with their role: a profiled actor by its key, another by its name and type. Add one"
        ],
    ),
    "repeated theme": (
        {"themes": ["health", "health"]},
        [f"{P}: themes: lists 'health' more than once; remove the repeated item"],
    ),
    "year as text": (
        {"start_year": "2014"},
        [f"{P}: start_year: '2014' is text; expected a whole number"],
    ),
}


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_practice_problem_messages(fixture_atlas, changes, expected):
    fixture_atlas.add_practice("lyon-centsept", changes)
    assert problems_of(fixture_atlas) == expected


def test_missing_required_field(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", remove=("sources",))
    assert problems_of(fixture_atlas) == [
        f"{P}: sources: is missing; expected where the facts come from: at least one public document. Add it"
    ]


def test_missing_publication_date(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", remove=("published",))
    assert problems_of(fixture_atlas) == [
        f"{P}: published: is missing; expected date the practice first appeared in the atlas (YYYY-MM-DD): it stays when "
        "the practice is revised, and feeds and open data list new practices by it. Not in the future, not after "
        "last_reviewed. Add it"
    ]


def test_every_problem_of_every_file_at_once(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"themes": ["nope"], "status": "nope"})
    fixture_atlas.add_practice("abidjan-babylab", {"cities": ["abidjan"], "levers": ["nope"]})
    problems = problems_of(fixture_atlas)
    assert [line.split(":")[0:2] for line in problems] == [
        ["practices/abidjan-babylab/practice.yml", " levers[0]"],
        [P, " themes[0]"],
        [P, " status"],
    ]


def test_missing_french_narrative(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", fr=None)
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/fr.md: is missing; the French narrative is required. "
        "Create it with the recommended sections (see the contributor guide)"
    ]


def test_missing_english_is_not_an_error(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"title": {"fr": "Le CentSept"}, "summary": {"fr": "Résumé."}}, en=None)
    assert load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices["lyon-centsept"].narratives.keys() == {"fr"}


def test_folder_without_practice_file(fixture_atlas):
    fixture_atlas.write("practices/lyon-tuba/fr.md", "## Contexte\n")
    assert problems_of(fixture_atlas) == [
        "practices/lyon-tuba/: has no practice.yml; every folder of practices/ is a practice. "
        "Add practice.yml (scripts/new_practice.py creates one) or remove the folder"
    ]


def test_bad_slug(fixture_atlas):
    fixture_atlas.add_practice("Lyon_CentSept")
    assert problems_of(fixture_atlas) == [
        "practices/Lyon_CentSept/: 'Lyon_CentSept' is not a valid practice slug; expected lowercase ASCII letters, digits and "
        "hyphens starting with the city, e.g. 'lyon-centsept'. Rename the folder",
    ]


def test_slug_must_start_with_a_city(fixture_atlas):
    fixture_atlas.add_practice("centsept")
    assert problems_of(fixture_atlas) == [
        "practices/centsept/: 'centsept' does not start with one of its cities (lyon); use e.g. 'lyon-centsept'. Rename the folder"
    ]


def test_unexpected_file(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write("practices/lyon-centsept/EN.md", "x")
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/EN.md: is not a file a practice can have; expected practice.yml, fr.md, en.md or "
        ".png/.jpg/.webp images. Rename or remove it"
    ]


def test_not_utf8(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write("practices/lyon-centsept/fr.md", "## Contexte\n\nCréé en 2014.\n".encode("latin-1"))
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/fr.md: is not UTF-8 (byte 0xe9 at line 3); save the file with UTF-8 encoding"
    ]


GLUED = FR_MD.count("\n") + 3  # the list's line once the case follows the narrative's sections
NARRATIVE_CASES = {
    "raw html block": (
        '<div onclick="x()">Bonjour</div>\n',
        [
            'fr.md: raw HTML: <div onclick="x()">Bonjour</div> is raw HTML; write Markdown instead (HTML is not allowed in narratives)'
        ],
    ),
    "inline html": (
        "Texte <script>alert(1)</script>.\n",
        ["fr.md: raw HTML: <script> is raw HTML; write Markdown instead (HTML is not allowed in narratives)"],
    ),
    "level-1 heading": (
        "# Le CentSept\n\nTexte.\n",
        ["fr.md: heading: has a level-1 heading ('# …'); the title comes from practice.yml. Start sections with '## '"],
    ),
    "http link": (
        "Voir [le site](http://example.org).\n",
        ["fr.md: link: 'http://example.org' is not an https link; use the https address or remove the link"],
    ),
    "javascript link": (
        "Voir [le site](javascript:alert(1)).\n",
        ["fr.md: link: 'javascript:alert(1)' is not an allowed link; expected an https:// address or a relative link"],
    ),
    "relative link to no file": (
        "Voir [le bilan](bilan.pdf).\n",
        [
            "fr.md: link: 'bilan.pdf' is not a page of the atlas nor a file of this folder; link a page as "
            "practice:<folder name>, lever:<key>, city:<key>, theme:<key>, step:<key> or term:<key>, or use "
            "an https:// address"
        ],
    ),
    "link to a practice that does not exist": (
        "Voir [le Lab](../paris-lab/).\n",
        ["fr.md: link: '../paris-lab/' is not a practice of the atlas; link another practice as practice:<its folder name>"],
    ),
    "link to a glossary term that does not exist": (
        "Voir la [co-création](term:cocreation).\n",
        [
            "fr.md: link: 'term:cocreation' is not a term of the glossary (practices/guide/"
            "guide.yml, glossary); did you mean 'co-creation'? fix the link or remove it"
        ],
    ),
    "anchor to no heading": (
        "Voir [les résultats](#resultats).\n",
        [
            "fr.md: link: '#resultats' is not a heading of this narrative; link one of its sections "
            "(#contexte, #la-pratique, #acteurs-et-roles, #a-retenir-pour-dautres-villes) or remove the link"
        ],
    ),
    "image without alt": (
        "![](photo.jpg)\n",
        [
            "fr.md: image: 'photo.jpg' does not exist; add the file to the practice's folder or fix the name",
            "fr.md: image: 'photo.jpg' has no alt text; describe the image: ![what it shows](photo.jpg)",
        ],
    ),
    "remote image": (
        "![Une photo](https://example.org/a.jpg)\n",
        [
            "fr.md: image: 'https://example.org/a.jpg' is not an image of this folder; put a .png, .jpg or .webp file "
            "beside fr.md and link it by its name"
        ],
    ),
    "list glued to a paragraph": (
        "Trois problèmes :\n- le premier ;\n- le second.\n",
        [
            f"fr.md: list: line {GLUED} starts a list right after a line of text, so it would show as plain "
            f"text; add an empty line before line {GLUED}"
        ],
    ),
    "front matter": (
        "---\ntemplate: main.html\n---\n\nTexte.\n",
        ["fr.md: front matter: the file starts with a '---' block; facts belong in practice.yml. Remove the block"],
    ),
}


@pytest.mark.parametrize("text, expected", NARRATIVE_CASES.values(), ids=NARRATIVE_CASES.keys())
def test_narrative_problem_messages(fixture_atlas, text, expected):
    fixture_atlas.add_practice("lyon-centsept", fr=text + FR_MD if text.startswith("---") else FR_MD + "\n" + text)
    assert problems_of(fixture_atlas) == [f"practices/lyon-centsept/{line}" for line in expected]


def test_code_entities_and_well_formed_lists_are_accepted(fixture_atlas):
    fixture_atlas.add_practice(
        "lyon-centsept",
        fr=FR_MD + "Le `<div>` et &amp; ne sont pas du HTML.\n\n```\n<b>code</b>\nligne\n- pas une liste\n```\n\n"
        "Une liste :\n\n- un\n- deux\n  suite\n- trois\n\n### Titre\n- après un titre\n",
    )
    load_atlas(fixture_atlas.root, FR_EN, today=TODAY)


def test_link_to_another_practice_is_accepted(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice(
        "lyon-tiers-lieu", fr=FR_MD + "Né du [CentSept](../lyon-centsept/#contexte) et du [même](practice:lyon-centsept).\n"
    )
    assert set(load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices) == {"lyon-centsept", "lyon-tiers-lieu"}


def test_image_beside_the_narrative_is_accepted(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + "![Le bâtiment du CentSept](batiment.jpg)\n")
    fixture_atlas.write("practices/lyon-centsept/batiment.jpg", image_bytes("JPEG"))
    assert list(load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices["lyon-centsept"].images) == ["batiment.jpg"]


CITY_CASES = {
    "unknown region": (
        {"region": "europe"},
        [
            "practices/cities.yml: lyon.region: 'europe' is not a region; did you mean 'western-europe'? known regions: "
            "northern-europe, west-africa, western-europe (see practices/vocabulary.yml)"
        ],
    ),
    "lowercase country": (
        {"country": "fr"},
        [
            "practices/cities.yml: lyon.country: 'fr' is not a country code; expected an ISO 3166-1 alpha-2 code in capitals, e.g. FR, CI, KH"
        ],
    ),
    "unknown country": (
        {"country": "XX"},
        ["practices/cities.yml: lyon.country: 'XX' is not an ISO 3166-1 country code; expected a code such as FR, CI or KH"],
    ),
    "population without year": (
        {"population": 522250},
        [
            "practices/cities.yml: lyon.population_year: is missing; it is required when population is given. Add it or remove population"
        ],
    ),
    "longitude out of range": ({"lon": 200}, ["practices/cities.yml: lyon.lon: 200 is out of range; expected at most 180"]),
}


@pytest.mark.parametrize("changes, expected", CITY_CASES.values(), ids=CITY_CASES.keys())
def test_city_problem_messages(fixture_atlas, changes, expected):
    import yaml

    path = fixture_atlas.practices / "cities.yml"
    cities = yaml.safe_load(path.read_text())
    cities["lyon"].update(changes)
    fixture_atlas.write_yaml("practices/cities.yml", cities)
    fixture_atlas.add_practice("lyon-centsept")
    assert problems_of(fixture_atlas) == expected


def test_bad_city_key(fixture_atlas):
    fixture_atlas.write(
        "practices/cities.yml",
        (fixture_atlas.practices / "cities.yml").read_text()
        + "Saint Étienne:\n  name: {fr: x}\n  country: FR\n  region: western-europe\n  lat: 45\n  lon: 4\n",
    )
    fixture_atlas.add_practice("lyon-centsept")
    assert problems_of(fixture_atlas) == [
        "practices/cities.yml: Saint Étienne: 'Saint Étienne' is not a valid key; expected lowercase ASCII letters, digits and hyphens, e.g. 'lyon-centsept'"
    ]


def test_vocabulary_problem(fixture_atlas):
    path = fixture_atlas.practices / "vocabulary.yml"
    path.write_text(path.read_text().replace("actor-mapping:\n    group: internal\n", "actor-mapping:\n    group: interne\n"))
    fixture_atlas.add_practice("lyon-centsept")
    assert problems_of(fixture_atlas) == [
        "practices/vocabulary.yml: levers.actor-mapping.group: 'interne' is not a group of levers; did you mean 'internal'? "
        "known groups: internal, external, strategy (lever_groups, above)"
    ]


YAML_CASES = {
    "unparsable": (
        "cities: [lyon\ntitle: x\n",
        "is not valid YAML: did not find expected ',' or ']' at line 2, column 6; check the indentation and quoting there",
    ),
    "duplicate key": (
        "cities: [lyon]\ncities: [abidjan]\n",
        "key 'cities' appears twice (lines 1 and 2) in the same block; keep one of them",
    ),
    "not a mapping": (
        "- lyon\n",
        "['lyon'] is not a block of fields; expected 'key: value' lines (see schemas/practice.schema.json)",
    ),
    "explicit tag": (
        "cities: [lyon]\nstart_year: !!float ''\n",
        "has the tag '!!float' at line 2; write the value without a tag (the atlas reads text, numbers, lists and blocks of fields)",
    ),
    "python tag": (
        "cities: !!python/object/apply:os.system ['id']\n",
        "has the tag '!!python/object/apply:os.system' at line 1; write the value without a tag (the atlas reads text, "
        "numbers, lists and blocks of fields)",
    ),
    "key that is a list": ("? [a, b]\n: c\n", "has a key at line 1 that is a list or a block; a key is a word such as 'title'"),
    "number too long": (
        "start_year: " + "9" * 5000 + "\n",
        "has a number too long to be read; write a usual number, or quote the value to make it text",
    ),
}


@pytest.mark.parametrize("text, expected", YAML_CASES.values(), ids=YAML_CASES.keys())
def test_yaml_problem_messages(fixture_atlas, text, expected):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write(P, text)
    assert problems_of(fixture_atlas) == [f"{P}: {expected}"]


def test_alias_bomb_is_refused_quickly(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    fixture_atlas.write(P, "\n".join(bomb) + "\n")
    started = time.perf_counter()
    assert problems_of(fixture_atlas) == [
        f"{P}: the file expands to more than 100,000 values through anchors and aliases (& and *); write the values out instead"
    ]
    assert time.perf_counter() - started < 5


def test_yaml_12_booleans_and_dates_stay_text(fixture_atlas):
    """`NO` (Norway) stays a country code and dates stay text: PyYAML 1.1 would turn them into False and date objects."""
    fixture_atlas.write(
        "practices/cities.yml", "oslo:\n  name: {fr: Oslo}\n  country: NO\n  region: northern-europe\n  lat: 59.9\n  lon: 10.7\n"
    )
    fixture_atlas.add_practice("oslo-test", {"cities": ["oslo"]})
    atlas = load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    assert atlas.cities["oslo"]["country"] == "NO"
    assert atlas.practices["oslo-test"].data["last_reviewed"] == "2026-11-21"


def test_no_folder_is_skipped_silently(fixture_atlas):
    fixture_atlas.add_practice("_brouillon")
    assert problems_of(fixture_atlas) == [
        "practices/_brouillon/: '_brouillon' is not a valid practice slug; expected lowercase ASCII letters, digits and "
        "hyphens starting with the city, e.g. 'lyon-centsept'. Rename the folder",
    ]


def test_a_large_atlas_checked_in_two_processes_reports_the_same_problems(fixture_atlas, monkeypatch):
    """A cold load of a large atlas checks half of the folders in a second process
    (atlas.model.parallel): every problem must still be reported, once."""
    import atlas.model.parallel
    import atlas.model.reader

    for letter in "abcdef":
        fixture_atlas.add_practice(f"lyon-{letter}")
    fixture_atlas.add_practice("lyon-e", {"status": "bogus"})
    fixture_atlas.add_practice("lyon-f", fr=FR_MD + "<div>x</div>\n")
    checked_here = set()

    def cold_problems() -> list[str]:
        checked_here.clear()
        for memo in atlas.model.reader.MEMOS:
            monkeypatch.setattr(memo, "results", {})
        return problems_of(fixture_atlas)

    for memo, display_at in zip(atlas.model.reader.MEMOS, (0, 1), strict=True):
        monkeypatch.setattr(
            memo, "function", lambda *args, f=memo.function, i=display_at: checked_here.add(args[i].split("/")[1]) or f(*args)
        )
    one_process = cold_problems()
    assert {"lyon-a", "lyon-f"} <= checked_here
    monkeypatch.setattr(atlas.model.parallel, "PARALLEL_FROM", 4)
    started = []
    popen = atlas.model.parallel.subprocess.Popen
    monkeypatch.setattr(atlas.model.parallel.subprocess, "Popen", lambda *args, **kw: started.append(args) or popen(*args, **kw))
    assert cold_problems() == one_process
    assert {"lyon-d", "lyon-e", "lyon-f"} & checked_here == set()  # checked by the second process
    assert len(started) == 1

    # A build after an edit finds the checks in the cache: its first folders show it, and no
    # second process is started for the others.
    def problems_with_cache() -> list[str]:
        checked_here.clear()
        for memo in atlas.model.reader.MEMOS:
            monkeypatch.setattr(memo, "results", {})  # a new process: nothing in memory
        with pytest.raises(AtlasDataError) as caught:
            load_atlas(fixture_atlas.root, FR_EN, today=TODAY, cache=fixture_atlas.root / ".cache")
        return [str(problem) for problem in caught.value.problems]

    assert problems_with_cache() == one_process and len(started) == 2  # cold: both processes filled the cache
    assert problems_with_cache() == one_process
    assert checked_here == set() and len(started) == 2
    assert one_process == [
        "practices/lyon-e/practice.yml: status: 'bogus' is not a status; known statuses: completed, ongoing, planned "
        "(see practices/vocabulary.yml)",
        "practices/lyon-f/fr.md: raw HTML: <div>x</div> is raw HTML; write Markdown instead (HTML is not allowed in narratives)",
    ]


# -- Only regular files inside the practice's own folder are read (a pull request can add links) --

LINK_FIX = "the atlas reads only regular files inside a practice's folder. Replace the link with the file itself"


def test_a_linked_image_is_refused(fixture_atlas, tmp_path):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + "![Le capteur](photo.png)\n")
    (tmp_path / "elsewhere.png").write_bytes(image_bytes("PNG"))
    (fixture_atlas.practices / "lyon-centsept/photo.png").symlink_to(tmp_path / "elsewhere.png")
    assert problems_of(fixture_atlas) == [
        f"practices/lyon-centsept/photo.png: is a symbolic link (to '{tmp_path}/elsewhere.png'); {LINK_FIX}"
    ]


def test_a_linked_narrative_is_refused(fixture_atlas, tmp_path):
    fixture_atlas.add_practice("lyon-centsept", fr=None)
    (tmp_path / "secret.md").write_text("## Contexte\n\nSecret.\n", encoding="utf-8")
    (fixture_atlas.practices / "lyon-centsept/fr.md").symlink_to(tmp_path / "secret.md")
    assert problems_of(fixture_atlas) == [
        f"practices/lyon-centsept/fr.md: is a symbolic link (to '{tmp_path}/secret.md'); {LINK_FIX}"
    ]


def test_a_linked_practice_file_is_refused(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice("lyon-autre")
    path = fixture_atlas.practices / "lyon-autre/practice.yml"
    path.unlink()
    path.symlink_to("../lyon-centsept/practice.yml")
    assert problems_of(fixture_atlas) == [
        f"practices/lyon-autre/practice.yml: is a symbolic link (to '../lyon-centsept/practice.yml'); {LINK_FIX}"
    ]


def test_a_linked_practice_folder_is_refused(fixture_atlas, tmp_path):
    fixture_atlas.add_practice("lyon-centsept")
    (fixture_atlas.practices / "lyon-copie").symlink_to("lyon-centsept")
    assert problems_of(fixture_atlas) == [
        "practices/lyon-copie/: is a symbolic link (to 'lyon-centsept'); the atlas reads only "
        "regular files inside a practice's folder. Replace the link with the folder itself"
    ]


@pytest.mark.parametrize("name", ["cities.yml", "vocabulary.yml"])
def test_linked_lists_are_refused(fixture_atlas, tmp_path, name):
    fixture_atlas.add_practice("lyon-centsept")
    moved = tmp_path / name
    (fixture_atlas.practices / name).rename(moved)
    (fixture_atlas.practices / name).symlink_to(moved)
    assert f"practices/{name}: is a symbolic link (to '{moved}'); {LINK_FIX}" in problems_of(fixture_atlas)


def test_a_folder_inside_a_practice_is_refused(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write("practices/lyon-centsept/photo.png/inside.png", image_bytes("PNG"))
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/photo.png/: is a folder; a practice's folder holds only files (practice.yml, the narratives "
        "and images). Move its files up or remove it"
    ]


def test_a_special_file_is_refused_without_blocking(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", en=None)
    os.mkfifo(fixture_atlas.practices / "lyon-centsept/en.md")  # reading a FIFO would wait for ever
    assert problems_of(fixture_atlas) == ["practices/lyon-centsept/en.md: is not a regular file; replace it with the file itself"]


# -- Images are images --

IMAGE_CASES = {
    "text named .png": (
        b"#!/bin/sh\necho hello\n",
        "photo.png",
        "is not a PNG image (its content is not a picture that can be read, or it is damaged); "
        "export it again as .png, .jpg or .webp",
    ),
    "JPEG named .png": (
        image_bytes("JPEG"),
        "photo.png",
        "is a JPEG image named .png; rename it photo.jpg and show it by that name",
    ),
    "GIF named .webp": (
        image_bytes("GIF"),
        "photo.webp",
        "is a GIF image; expected PNG, JPEG or WebP. Export it again as .png, .jpg or .webp",
    ),
    "truncated JPEG": (
        image_bytes("JPEG", (64, 64))[:200],
        "photo.jpg",
        "is not a JPEG image (its content is not a picture that can be read, or it is damaged); "
        "export it again as .png, .jpg or .webp",
    ),
    "too many pixels": (
        image_bytes("PNG", (6001, 2)),
        "photo.png",
        "is 6,001 × 2 pixels; expected at most 6,000 on each side. Make it smaller (1,600 pixels wide is plenty)",
    ),
    "too many bytes": (
        image_bytes("PNG") + b"\0" * 2_000_000,
        "photo.png",
        f"is {len(image_bytes('PNG')) + 2_000_000:,} bytes; expected at most 2,000,000. Make it smaller "
        "(1,600 pixels wide is plenty)",
    ),
}


@pytest.mark.parametrize("content, name, expected", IMAGE_CASES.values(), ids=IMAGE_CASES.keys())
def test_image_problem_messages(fixture_atlas, content, name, expected):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + f"![Le capteur]({name})\n")
    fixture_atlas.write(f"practices/lyon-centsept/{name}", content)
    assert problems_of(fixture_atlas) == [f"practices/lyon-centsept/{name}: {expected}"]


@pytest.mark.parametrize("format, name", [("PNG", "a.png"), ("JPEG", "a.jpeg"), ("WEBP", "a.webp")])
def test_every_allowed_image_format_is_accepted(fixture_atlas, format, name):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD + f"![Une image]({name})\n")
    fixture_atlas.write(f"practices/lyon-centsept/{name}", image_bytes(format))
    assert load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices["lyon-centsept"].images == {name: image_bytes(format)}


# -- Values are what they claim --

VALUE_CASES = {
    "NaN latitude": (
        {"location": {"lat": float("nan"), "lon": 4.8}},
        [
            f"{P}: location.lat: .nan is not a finite number; expected a number written out, e.g. 45.764 "
            "(a coordinate) or 2014 (a year)"
        ],
    ),
    "infinite longitude": (
        {"location": {"lat": 45.7, "lon": float("-inf")}},
        [f"{P}: location.lon: -inf is out of range; expected at least -180"],
    ),
    "infinite year": ({"start_year": float("inf")}, [f"{P}: start_year: inf is a number; expected a whole number"]),
    "blank title": (
        {"title": {"fr": "   ", "en": "CentSept"}},
        [f"{P}: title.fr: '   ' is blank; expected some text. Write it or remove the field"],
    ),
    "blank English summary": (
        {"summary": {"fr": "Un accélérateur.", "en": " \u00a0 "}},
        [f"{P}: summary.en: ' \\xa0 ' is blank; expected some text. Write it or remove the field"],
    ),
    "terminal escape": (
        {"title": {"fr": "Le \x1b[31mCentSept"}},
        [f"{P}: title.fr: 'Le \\x1b[31mCentSept' contains a control character, U+001B (escape), at character 4; remove it"],
    ),
    "NUL in an actor's name": (
        {"actors": [{"name": "Métropole\x00", "type": "public"}]},
        [f"{P}: actors[0].name: 'Métropole\\x00' contains a control character, U+0000 (NUL), at character 10; remove it"],
    ),
    "line break in a title": (
        {"title": {"fr": "Le CentSept\n"}},
        [
            f"{P}: title.fr: 'Le CentSept\\n' contains a control character, U+000A (line break), at "
            "character 12; write it on one line (a long text can use '>-' and continue on indented lines)"
        ],
    ),
    "source from the future": (
        {"sources": [{"title": "Guide", "publisher": "AIMF", "year": 2031}]},
        [f"{P}: sources[0].year: 2031 is in the future; expected the year the document was published, 2026 at the latest"],
    ),
}


@pytest.mark.parametrize("changes, expected", VALUE_CASES.values(), ids=VALUE_CASES.keys())
def test_value_problem_messages(fixture_atlas, changes, expected):
    fixture_atlas.add_practice("lyon-centsept", changes)
    assert problems_of(fixture_atlas) == expected


def test_city_coordinates_must_be_finite(fixture_atlas):
    path = fixture_atlas.practices / "cities.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("lat: 45.764", "lat: .nan"), encoding="utf-8")
    fixture_atlas.add_practice("lyon-centsept")
    assert problems_of(fixture_atlas) == [
        "practices/cities.yml: lyon.lat: .nan is not a finite number; expected a number written out, e.g. 45.764 "
        "(a coordinate) or 2014 (a year)"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("## Contexte\n\nUn texte \x1b[2J effacé.\n", "has a control character, U+001B (escape), at line 3, column 10"),
        ("## Contexte\n\nNul\x00.\n", "has a control character, U+0000 (NUL), at line 3, column 4"),
        ("## Contexte\r\rTexte.\n", "has a control character, U+000D (carriage return), at line 1, column 12"),
    ],
)
def test_control_characters_in_a_narrative(fixture_atlas, text, expected):
    fixture_atlas.add_practice("lyon-centsept", fr=text)
    assert problems_of(fixture_atlas) == [
        f"practices/lyon-centsept/fr.md: {expected}; remove it (line breaks and tabs are the only ones allowed)"
    ]


def test_windows_line_endings_and_tabs_are_accepted(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", fr=FR_MD.replace("\n", "\r\n") + "Un texte\tavec une tabulation.\r\n")
    assert "Un texte" in load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices["lyon-centsept"].narratives["fr"]


def test_a_file_name_with_control_characters_is_reported_escaped(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.write("practices/lyon-centsept/notes\x1b[31m.txt", "x")
    assert problems_of(fixture_atlas) == [
        "practices/lyon-centsept/notes\\x1b[31m.txt: is not a file a practice can have; expected practice.yml, fr.md, en.md "
        "or .png/.jpg/.webp images. Rename or remove it"
    ]


@pytest.mark.parametrize(
    "edit",
    [
        ("fr.md", "Ce que la mairie a fait.", "Ce que la mairie a fait, et refait."),
        ("practice.yml", "start_year: 2014", "start_year: 2016"),
        ("fr.md", "Une leçon.", "Une leçon, [voir](practice:nulle-part)."),
        ("en.md", "## ", "## [A step](step:nowhere)\n\n## "),
        ("practice.yml", "related:\n- lyon-tuba", "related:\n- lyon-tub"),
        ("fr.md", "## Contexte", "## Contexte <b>gras</b>"),
    ],
    ids=["narrative", "practice.yml", "a link to no practice", "a link to no step", "no such related practice", "HTML"],
)
def test_one_practice_reloaded_is_what_a_whole_load_gives(fixture_atlas, edit):
    """What `mkdocs serve` shows first after an edit of one folder (reload_practice) is checked as
    a whole load checks it: the same practices, or the same problems."""
    from atlas.model.load import reload_practice

    fixture_atlas.add_practice("lyon-centsept", {"related": ["lyon-tuba"], "start_year": 2014})
    fixture_atlas.add_practice("lyon-tuba", {"title": {"fr": "Le Tuba"}})
    atlas = load_atlas(fixture_atlas.root, FR_EN, today=TODAY)
    name, old, new = edit
    path = fixture_atlas.practices / "lyon-centsept" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        whole = load_atlas(fixture_atlas.root, FR_EN, today=TODAY).practices
    except AtlasDataError as error:
        with pytest.raises(AtlasDataError) as reloaded:
            reload_practice(atlas, fixture_atlas.root, "lyon-centsept")
        assert [str(p) for p in reloaded.value.problems] == [str(p) for p in error.problems] != []
    else:
        reloaded = reload_practice(atlas, fixture_atlas.root, "lyon-centsept")
        assert reloaded.practices == whole != atlas.practices
