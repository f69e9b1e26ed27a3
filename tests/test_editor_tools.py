"""The editors' tools: scaffold, validation for CI, translation report, link check, workflows."""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from atlas.base import catalog
from atlas.base.languages import Languages
from atlas.check.contract import example, practice_fields, practice_template
from atlas.check.schema import load_schema
from atlas.tools.links import check_url
from conftest import BUILD_ENV, EN_MD, FR_MD, REPO
from support.serve import mkdocs_serve

FR_EN = Languages(("fr", "en"))
EXAMPLES = {name: example(name) for name in load_schema("practice")["properties"]}

SCRIPTS = REPO / "scripts"


def run(script: str, *args, root=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCRIPTS / script), *args] + (["--root", str(root)] if root else [])
    return subprocess.run(command, capture_output=True, text=True, input=stdin or "", timeout=60)


@pytest.mark.parametrize(
    "script",
    [
        "new_practice.py",
        "new_actor.py",
        "validate.py",
        "translation_report.py",
        "check_links.py",
        "update_schemas.py",
        "update_forms.py",
        "proposal.py",
        "assemble.py",
    ],
)
def test_every_tool_explains_itself(script):
    result = run(script, "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage:")


COMPLETE = [
    "dakar-budget",
    "--city",
    "dakar",
    "--title",
    "Un budget participatif",
    "--theme",
    "education",
    "--lever",
    "open-data",
    "--status",
    "planned",
    "--city-role",
    "initiator",
    "--actor",
    "Ville de Dakar=public",
    "--source",
    "Guide pratique=AIMF",
    "--new-city",
    "Dakar,SN,west-africa,14.69,-17.44",
]


def test_scaffold_then_validate_passes(fixture_atlas):
    created = run("new_practice.py", *COMPLETE, "--translation", "en", root=fixture_atlas.root)
    assert created.returncode == 0, created.stderr
    assert sorted(path.name for path in (fixture_atlas.practices / "dakar-budget").iterdir()) == [
        "en.md",
        "fr.md",
        "practice.yml",
    ]
    for name, text in (("fr.md", FR_MD), ("en.md", EN_MD)):  # an editor writes the narratives
        (fixture_atlas.practices / "dakar-budget" / name).write_text(text, encoding="utf-8")
    validated = run("validate.py", root=fixture_atlas.root)
    assert validated.returncode == 0, validated.stdout
    assert validated.stdout == (  # the new city's name and the title are in French only
        "ok: 1 practices, 3 cities\nen: not translated yet: 1/1 practices, 1 other text(s); shown in fr "
        "(make translation-report lists them)\n"
    )
    data = yaml.safe_load((fixture_atlas.practices / "dakar-budget" / "practice.yml").read_text(encoding="utf-8"))
    assert data["cities"] == ["dakar"] and data["actors"] == [{"name": "Ville de Dakar", "type": "public"}]


def test_scaffold_leaves_todos_that_validation_points_at(fixture_atlas):
    assert run("new_practice.py", "lyon-test", "--city", "lyon", "--title", "Un test", root=fixture_atlas.root).returncode == 0
    lines = run("validate.py", root=fixture_atlas.root).stdout.splitlines()
    practice, fr = "practices/lyon-test/practice.yml", "practices/lyon-test/fr.md"
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines] == [
        f"{fr}: placeholder",  # the translations' narratives are written only when asked (--translation)
        f"{practice}: city_role",
        f"{practice}: themes[0]",
        f"{practice}: levers[0]",
        f"{practice}: actors[0].name",
        f"{practice}: actors[0].type",
        f"{practice}: actors[0].role.fr",
        f"{practice}: status",
        f"{practice}: sources[0].publisher",
        f"{practice}: sources[0].title",
    ]
    assert (
        f"{practice}: actors[0].name: \"TODO: actor's name\" is the scaffold's placeholder; replace it with the fact from the source"
        in lines
    )


def test_scaffold_questions_in_a_terminal(fixture_atlas):
    answers = "lyon-labo\n\nLe labo\npartner\nhealth\nactor-mapping\n\n"
    result = run("new_practice.py", "--ask", root=fixture_atlas.root, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "themes — Policy domains: keys of 'themes' in practices/vocabulary.yml (comma-separated): " in result.stdout
    data = yaml.safe_load((fixture_atlas.practices / "lyon-labo" / "practice.yml").read_text(encoding="utf-8"))
    assert (data["cities"], data["title"], data["themes"], data["levers"], data["status"]) == (
        ["lyon"],
        {"fr": "Le labo"},
        ["health"],
        ["actor-mapping"],
        "ongoing",
    )
    assert data["city_role"] == "partner"


def test_scaffold_offers_to_add_an_unknown_city(fixture_atlas):
    answers = "y\nDakar\nSN\nwest-africa\n14.69\n-17.44\nLe budget\ninitiator\nhealth\nopen-data\nplanned\n"
    result = run("new_practice.py", "dakar-budget", "--city", "dakar", "--ask", root=fixture_atlas.root, stdin=answers)
    assert result.returncode == 0, result.stderr
    cities = yaml.safe_load((fixture_atlas.practices / "cities.yml").read_text(encoding="utf-8"))
    assert cities["dakar"] == {
        "name": {"fr": "Dakar"},
        "country": "SN",
        "region": "west-africa",
        "lat": 14.69,
        "lon": -17.44,
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["Lyon_Test", "--city", "lyon", "--title", "x"],
            "new_practice: 'Lyon_Test' is not a valid practice slug; expected lowercase ASCII letters, digits and hyphens starting "
            "with the city, e.g. 'lyon-centsept'; choose another slug\n",
        ),
        (
            ["test-lyon", "--city", "lyon", "--title", "x"],
            "new_practice: 'test-lyon' does not start with one of its cities (lyon); use e.g. 'lyon-test-lyon'; choose another slug\n",
        ),
        (
            ["lyon-centsept", "--city", "lyon", "--title", "x"],
            "new_practice: practices/lyon-centsept already exists; choose another slug or edit that practice\n",
        ),
        (
            ["dakar-x", "--city", "dakar", "--title", "x"],
            "new_practice: 'dakar' is not a city of practices/cities.yml; add it with --new-city 'Name,COUNTRY,region,lat,lon' "
            "or edit practices/cities.yml\n",
        ),
        (
            ["lyon-x", "--city", "lyon", "--ask"],
            "new_practice: no more answers (end of input); answer every question, or give the values as options (see --help)\n",
        ),
    ],
)
def test_scaffold_refuses(fixture_atlas, args, message):
    fixture_atlas.add_practice("lyon-centsept")
    result = run("new_practice.py", *args, root=fixture_atlas.root)
    assert (result.returncode, result.stderr) == (2, message)


@pytest.mark.parametrize("lang", FR_EN.codes)
def test_template_annotates_exactly_the_schema_fields(lang):
    schema = load_schema("practice")
    template = practice_template(FR_EN, lang=lang)
    words = catalog.scaffold(FR_EN, lang)
    annotated = re.findall(rf"^# ({re.escape(words['required'])}|{re.escape(words['optional'])}) — ", template, re.M)
    top_level = re.findall(r"^(?:# )?([a-z_]+):", template, re.M)
    assert top_level == list(schema["properties"]) == list(EXAMPLES)
    assert annotated == [words["required"] if name in schema["required"] else words["optional"] for name in schema["properties"]]
    nested = {f.path for f in practice_fields() if "." in f.path}
    assert nested == {
        f"{name}[].{sub}" for name in ("actors", "links", "sources") for sub in schema["properties"][name]["items"]["properties"]
    } | {f"{name}.{sub}" for name in ("location", "scope") for sub in schema["properties"][name]["properties"]}
    descriptions = [(field.description("fr", FR_EN), field.description("en", FR_EN)) for field in practice_fields()]
    assert all(fr and en and fr != en for fr, en in descriptions)  # in each language, from the schema


def test_template_with_every_field_filled_is_valid(fixture_atlas):
    text = practice_template(FR_EN, values=EXAMPLES)
    assert "\n# summary:" not in text and "\nsummary:" in text
    fixture_atlas.add_practice("lyon-tuba-open-data")
    fixture_atlas.write("practices/lyon-centsept/practice.yml", text)
    fixture_atlas.write("practices/lyon-centsept/fr.md", FR_MD)
    assert run("validate.py", root=fixture_atlas.root).returncode == 0


def test_validate_writes_github_annotations(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept", {"themes": ["nope"]})
    result = run("validate.py", "--format", "github", root=fixture_atlas.root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=practices/lyon-centsept/practice.yml,line=11,title=Atlas data::themes[0]: 'nope' is not a theme; "
        "known themes: education, health, social-innovation (see practices/vocabulary.yml)"
    ]


def test_translation_report_lists_missing_english(fixture_atlas):
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice(
        "lyon-tuba",
        {
            "title": {"fr": "Tuba"},
            "summary": {"fr": "Un lieu."},
            "actors": [{"name": "Tuba", "type": "private", "role": {"fr": "porteur"}}],
        },
        en=None,
    )
    validated = run("validate.py", root=fixture_atlas.root)
    assert validated.returncode == 0  # a text not translated yet is never an error; validation says so
    assert validated.stdout.splitlines()[1:] == [
        "en: not translated yet: 1/2 practices, 0 other text(s); shown in fr (make translation-report lists them)"
    ]
    result = run("translation_report.py", root=fixture_atlas.root)
    assert result.returncode == 0
    assert result.stdout == (
        "## Translation report\n\n- `en`: 1 of 2 practices complete (missing texts are shown in: fr)\n\n### `en`\n\n"
        "| practice | language | missing |\n|---|---|---|\n"
        "| `lyon-tuba` | en | `en.md`, `title.en`, `summary.en`, `actors[0].role.en` |\n"
    )


def test_link_check_reports_what_does_not_answer():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        assert check_url(f"{base}/ok", timeout=5) == "200"
        assert check_url(f"{base}/gone", timeout=5) == "404"
        assert check_url("http://127.0.0.1:9/", timeout=5).startswith("unreachable")
    finally:
        server.shutdown()


def test_keys_schema_for_editors_is_up_to_date():
    assert run("update_schemas.py", "--check").returncode == 0


def test_data_files_declare_their_schema():
    assert (
        (REPO / "practices/cities.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/cities.schema.json")
    )
    assert (
        (REPO / "practices/vocabulary.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/vocabulary.schema.json")
    )
    for path in (REPO / "practices").glob("*/practice.yml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../schemas/practice.schema.json"
        ), path


def workflow_commands(name: str) -> list[str]:
    workflow = yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_workflows_are_valid_and_run_the_readme_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("pull-request.yml", "publish.yml", "links.yml", "proposal.yml"):
        workflow = yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))
        assert workflow["jobs"] and (True in workflow or "on" in workflow)
    assert "make test" in readme and "make test" in workflow_commands("pull-request.yml")
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")
    assert any(cmd.startswith("make validate") for cmd in workflow_commands("pull-request.yml"))
    assert any(cmd.endswith("make build") for cmd in workflow_commands("publish.yml"))
    publish = (REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "actions/upload-pages-artifact" in publish and "actions/deploy-pages" in publish
    assert "gh-deploy" not in publish and "ghp-import" not in publish  # no gh-pages branch
    assert not any("links" in cmd for cmd in workflow_commands("pull-request.yml"))
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "build", "validate", "translation-report", "schemas-check", "links"):
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), target


def test_scaffold_questions_come_from_the_schema():
    """Each question is a required field of the schema, asked with the schema's description."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("new_practice", SCRIPTS / "new_practice.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    schema = load_schema("practice")
    assert set(module.QUESTIONS) <= set(schema["required"])
    asked_or_set = set(module.QUESTIONS) | {"actors", "sources", "published", "last_reviewed"}  # from arguments or TODO
    assert asked_or_set == set(schema["required"]) and schema["then"]["required"] == ["cities"]  # cities: from --city


def check_jsonschema(schema: str, *files, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", schema, *map(str, files)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_standard_tools_read_the_schemas_from_the_repository_root(tmp_path):
    """check-jsonschema (PyPI) validates every data file from the root: the schemas' references
    resolve beside the schema files, whatever the working directory."""
    practices = sorted((REPO / "practices").glob("*/practice.yml"))
    for schema, files in (
        ("schemas/practice.schema.json", practices),
        ("schemas/cities.schema.json", ["practices/cities.yml"]),
        ("schemas/vocabulary.schema.json", ["practices/vocabulary.yml"]),
        ("schemas/guide.schema.json", ["practices/guide/guide.yml"]),
    ):
        result = check_jsonschema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr
    wrong = tmp_path / "practice.yml"
    wrong.write_text(practices[0].read_text(encoding="utf-8").replace("status: ", "status: nope-", 1), encoding="utf-8")
    result = check_jsonschema("schemas/practice.schema.json", wrong)
    assert result.returncode == 1 and "status" in result.stdout


def test_workflows_have_no_finding_of_zizmor():
    """Actions pinned by commit, least privilege per job, no persisted credentials, one
    publication at a time: zizmor (PyPI) finds nothing at its default persona."""
    zizmor = Path(sys.executable).parent / "zizmor"  # a binary, installed by its PyPI wheel
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", ".github/"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("pull-request.yml", "publish.yml", "links.yml", "proposal.yml"):
        text = (REPO / ".github/workflows" / name).read_text(encoding="utf-8")
        assert re.findall(r"uses: [\w/-]+@(\S+)", text) and all(
            re.fullmatch(r"[0-9a-f]{40}", ref) for ref in re.findall(r"uses: [\w/-]+@(\S+)", text)
        ), name


LIVERELOAD = re.compile(rb"livereload\(\d+, \d+\);")  # the server's script in each page: its numbers change at every reload


def _served(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as answer:
        return LIVERELOAD.sub(b"", answer.read())


def _wait(condition, timeout: float = 60.0, what: str = ""):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.05)
    raise AssertionError(f"not after {timeout} s: {what}")


def test_make_serve_shows_an_edit_of_a_french_narrative_first_then_the_whole_site_and_never_an_unchecked_one(
    fixture_atlas, tmp_path
):
    """`make serve`: the edited practice's page is written at once, as the whole rebuild that
    follows writes it; an edit with a problem is never shown, and the problem is told."""
    fixture_atlas.add_practice("lyon-centsept")
    fixture_atlas.add_practice("lyon-tuba", {"title": {"fr": "Le Tuba"}})
    log = tmp_path / "serve.log"
    narrative = fixture_atlas.practices / "lyon-centsept" / "fr.md"
    with mkdocs_serve(fixture_atlas.root, BUILD_ENV, log, first_build=120) as address:
        url = f"{address}practices/lyon-centsept/"
        before = _served(url)
        narrative.write_text(
            narrative.read_text(encoding="utf-8") + "\nUne phrase ajoutée pendant la relecture.\n", encoding="utf-8"
        )

        def edited():
            page = _served(url)
            return page if "ajoutée pendant la relecture".encode() in page else None

        first = _wait(edited, 30, "the edit")
        assert log.read_text(encoding="utf-8").count("practices/lyon-centsept/ shown first; the whole site follows") == 1
        _wait(lambda: log.read_text(encoding="utf-8").count("Reloading browsers") == 2, 60, "the whole rebuild")
        assert _served(url) == first != before  # the page shown first is the whole build's, byte for byte
        assert "ajoutée pendant la relecture".encode() not in _served(f"{address}en/practices/lyon-centsept/")

        narrative.write_text(narrative.read_text(encoding="utf-8") + "\n[Un lien](practice:nulle-part).\n", encoding="utf-8")
        _wait(lambda: "An error happened during the rebuild" in log.read_text(encoding="utf-8"), 60, "the problem told")
        text = log.read_text(encoding="utf-8")
        assert "practices/lyon-centsept/fr.md: link: 'practice:nulle-part' is not a practice of the atlas" in text
        site = Path(next(line.split("directory: ")[1] for line in text.splitlines() if "Building documentation to" in line))
        assert text.count("shown first") == 1 and b"nulle-part" not in (site / "practices/lyon-centsept/index.html").read_bytes()
