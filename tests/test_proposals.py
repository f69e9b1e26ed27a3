"""Contributions without Git: the issue forms generated from the schema, a proposal issue turned
into a case file that passes validation, every problem next to its form field in the proposer's
language, and hostile proposals refused without writing anything outside the practice's folder.

The fixture tests/fixtures/proposals/abidjan-week.md is a proposal's body as GitHub renders a
submitted form (`### <label>`, `_No response_`, `- [X] option`), for the committed form."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from atlas.tools.forms import ACCEPTED_LABEL, FORMS_DIR, PROPOSAL_LABEL, PROPOSE, REPORT
from atlas.tools.proposal import MARKER

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / "scripts"
FIXTURE = REPO / "tests/fixtures/proposals/abidjan-week.md"
SLUG = "abidjan-innovation-week-une-semaine-pour-jeunes"
TODAY = "2026-12-01"


def run(script: str, *args, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / script), "--root", str(root), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def atlas_copy(tmp_path_factory) -> Path:
    """The real atlas's data, once per module; each test works on its own copy of it."""
    root = tmp_path_factory.mktemp("atlas")
    shutil.copytree(REPO / "practices", root / "practices")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def root(atlas_copy, tmp_path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(atlas_copy, copy)
    return copy


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "out" not in path.relative_to(root).parts[:1]
    }


def propose(root: Path, body: str, number: int = 7, author: str = "amina") -> tuple[dict, str, list[str]]:
    """The workflow's steps: convert the event's payload, validate as JSON, report. Returns the
    report's outputs, the comment, and every file changed under the root."""
    before = snapshot(root)
    event = root.parent / "event.json"
    event.write_text(
        json.dumps({"issue": {"body": body, "number": number, "user": {"login": author}, "html_url": "https://x/7"}}),
        encoding="utf-8",
    )
    out = root.parent / "out"
    converted = run("proposal.py", "convert", "--event", event, "--out", out, "--today", TODAY, root=root)
    assert converted.returncode == 0, converted.stderr
    assert "Traceback" not in converted.stderr
    validated = run("validate.py", "--format", "json", root=root)
    (out / "problems.json").write_text(validated.stdout, encoding="utf-8")
    reported = run("proposal.py", "report", "--out", out, root=root)
    assert reported.returncode == 0, reported.stderr
    outputs = dict(line.split("=", 1) for line in reported.stdout.splitlines())
    after = snapshot(root)
    changed = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    assert sorted(path.name for path in root.parent.iterdir()) == ["event.json", "out", "repo"]  # nothing beside the repository
    assert sorted(path.name for path in out.iterdir()) == ["comment.md", "problems.json", "proposal.json", "pull-request.md"]
    return outputs, (out / "comment.md").read_text(encoding="utf-8"), changed


def fixture_body() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def answer(body: str, label_start: str, value: str) -> str:
    """The body with the answer under the heading that starts with `label_start` replaced."""
    head, rest = body.split(f"### {label_start}", 1)
    heading, _, after = rest.partition("\n\n")
    _, _, tail = after.partition("\n\n###")
    return f"{head}### {label_start}{heading}\n\n{value}\n\n###{tail}" if tail else f"{head}### {label_start}{heading}\n\n{value}"


# -- The forms -------------------------------------------------------------------------------------


def test_committed_forms_are_the_generated_ones():
    result = run("update_forms.py", "--check", root=REPO)
    assert result.returncode == 0, result.stderr


def test_forms_are_valid_issue_forms_for_github():
    forms = [REPO / FORMS_DIR / PROPOSE, REPO / FORMS_DIR / REPORT]
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms", *map(str, forms)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_form_offers_the_vocabulary_in_every_language_and_the_schema_help():
    form = (REPO / FORMS_DIR / PROPOSE).read_text(encoding="utf-8")
    assert "Emploi et insertion des jeunes / Youth employment / Empleo e inserción laboral de los jóvenes" in form
    assert "Abidjan / Abiyán" in form  # a city, by its names
    assert "Initiatrice / Initiator / Impulsora" in form
    assert "Domaines de politique publique" in form and "Policy domains" in form and "Ámbitos de política pública" in form
    for heading in ("Contexte (français)", "Context (English)", "Contexto (español)"):
        assert heading in form
    report = (REPO / FORMS_DIR / REPORT).read_text(encoding="utf-8")
    assert "id: practice" in report and "id: problem" in report and "id: source" in report


# -- From an issue to a case file ---------------------------------------------------------------------


def test_a_proposal_becomes_a_case_file_that_passes_validation(root):
    outputs, comment, changed = propose(root, fixture_body())
    assert outputs == {"valid": "true", "slug": SLUG}
    assert changed == [f"practices/{SLUG}/fr.md", f"practices/{SLUG}/practice.yml"]
    assert run("validate.py", root=root).returncode == 0  # make validate
    practice = (root / f"practices/{SLUG}/practice.yml").read_text(encoding="utf-8")
    assert practice.startswith("# yaml-language-server: $schema=../../schemas/practice.schema.json")  # the scaffold's writer
    assert "themes: [youth-employment, entrepreneurship]" in practice and "levers: [events-prizes]" in practice
    assert "# REQUIRED" in practice  # annotated in the proposer's language (English)
    assert "## Contexte\n\nBeaucoup de jeunes" in (root / f"practices/{SLUG}/fr.md").read_text(encoding="utf-8")
    assert "Everything is in order" in comment and SLUG in comment
    body = (root.parent / "out/pull-request.md").read_text(encoding="utf-8")
    assert "Closes #7." in body and "@amina" in body


def test_three_mistakes_get_one_comment_each_next_to_its_field(root):
    lever = "- [X] Événements, hackathons et prix / Events, hackathons and prizes / Eventos, hackatones y premios"
    body = fixture_body().replace(lever, "- [X] Levier inventé")  # a lever the form does not offer (edited by hand)
    body = body.replace("Chambre de commerce | private | partenaire", "Chambre de commerce | privé | partenaire")
    body = body.replace("https://www.aimf.asso.fr/", "javascript:alert(1)")
    outputs, comment, _ = propose(root, body)
    assert outputs["valid"] == "false"
    assert comment.count("\n- ") == 3, comment
    sections = comment.split("\n\n**")
    levers = next(s for s in sections if s.startswith("Leviers"))
    actors = next(s for s in sections if s.startswith("Acteurs"))
    sources = next(s for s in sections if s.startswith("Sources"))
    assert "Levier inventé" in levers and "proposal-not-an-option" in levers
    assert "privé" in actors and "schema-enum" in actors and "did you mean" in actors
    assert "javascript:alert" in sources and "schema-pattern" in sources and "https" in sources


def test_the_comment_speaks_the_proposers_language(root):
    body = answer(fixture_body(), "Langue de nos réponses", "Español")
    body = answer(body, "Année de début", "dos mil")
    _, comment, _ = propose(root, body)
    assert "Su propuesta, comprobada por el atlas" in comment
    assert "«dos mil» no es un año" in comment


# -- Hostile proposals ---------------------------------------------------------------------------------


def _html_title(body):
    return answer(body, "Titre (français)", "<script>alert(1)</script> Semaine")


def _html_narrative(body):
    return answer(body, "Contexte (français)", 'Un contexte <img src=x onerror="alert(1)">')


HOSTILE = {
    "html-in-title": (_html_title, "title_fr", "proposal-html"),
    "html-in-narrative": (_html_narrative, "narrative_fr_context", "proposal-html"),
    "javascript-url": (
        lambda b: b.replace("https://www.aimf.asso.fr/", "javascript:alert(document.cookie)"),
        "sources",
        "schema-pattern",
    ),
    "200-kb": (lambda b: answer(b, "Contexte (français)", "x" * 200_000), "", "proposal-body-too-long"),
    "unknown-lever": (
        lambda b: b.replace("- [ ] Données ouvertes", "- [X] Pouvoirs magiques ; "),
        "levers",
        "proposal-not-an-option",
    ),
    "broken-shape": (
        lambda b: b.replace("### Thèmes", "### Themes, renamed").replace("### Statut", "Statut"),
        "",
        "proposal-unknown-heading",
    ),
    "existing-slug": (lambda b: answer(b, "Titre (français)", "BabyLab"), "title_fr", "proposal-slug"),
    "too-long-input": (lambda b: answer(b, "Titre (anglais)", "a" * 500), "title_en", "proposal-too-long"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_proposals_are_refused_with_a_clear_message(root, name):
    mutate, field, code = HOSTILE[name]
    body = mutate(fixture_body())
    assert body != fixture_body()
    outputs, comment, changed = propose(root, body)
    assert outputs["valid"] == "false"
    assert f"`{code}`" in comment, comment
    record = json.loads((root.parent / "out/proposal.json").read_text(encoding="utf-8"))
    refused = {(p["field"], p["code"]) for p in record["problems"]}
    if code.startswith("proposal-"):
        assert (field, code) in refused
    slug = outputs["slug"]
    assert all(path.startswith(f"practices/{slug}/") for path in changed) if slug else changed == []
    for path in changed:
        text = (root / path).read_text(encoding="utf-8")
        assert (
            "<script" not in text
            and "onerror" not in text
            and "javascript:" not in text.replace("javascript:alert", "")
            or (code == "schema-pattern")
        )


def test_a_title_with_dots_and_slashes_stays_a_title(root):
    """`../` in a title is only text: the slug is derived from words, and the files go to practices/<slug>/."""
    outputs, _, changed = propose(root, answer(fixture_body(), "Titre (français)", "../../../.github/workflows/x"))
    assert outputs["slug"] == "abidjan-github-workflows-x"
    assert changed == ["practices/abidjan-github-workflows-x/fr.md", "practices/abidjan-github-workflows-x/practice.yml"]
    written = yaml.safe_load((root / "practices/abidjan-github-workflows-x/practice.yml").read_text(encoding="utf-8"))
    assert written["title"]["fr"] == "../../../.github/workflows/x"


def test_windows_line_endings_and_emoji_make_the_same_case_file(root):
    body = answer(fixture_body(), "Titre (anglais)", "Abidjan Innovation Week 🚀").replace("\n", "\r\n")
    outputs, _, changed = propose(root, body)
    assert outputs == {"valid": "true", "slug": SLUG}
    practice = (root / f"practices/{SLUG}/practice.yml").read_bytes()
    assert b"\r" not in practice and "🚀".encode() in practice


def test_a_comment_never_pings_links_or_hides(root):
    body = answer(fixture_body(), "Année de début", "@maintainers [click](https://evil.example)")
    body = answer(body, "Année de fin", "<!-- 2020")
    _, comment, _ = propose(root, body)
    shown = comment.removeprefix("<!-- atlas-proposal -->")
    assert "\\@maintainers" in shown and not re.search(r"(?<!\\)@maintainers", shown)  # no mention
    assert not re.search(r"(?<!\\)\]\(", shown)  # no link
    assert not re.search(r"(?<!\\)<!--", shown)  # nothing hidden


# -- The validator's JSON ----------------------------------------------------------------------------


def test_validate_json_gives_each_problem_a_stable_code_and_the_texts_message(root):
    path = root / "practices/lyon-centsept/practice.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: ongoing", "status: ongoin"), encoding="utf-8")
    as_json = json.loads(run("validate.py", "--format", "json", root=root).stdout)
    as_text = run("validate.py", root=root).stdout
    assert as_json["valid"] is False
    problem = next(p for p in as_json["problems"] if p["field"] == "status")
    assert problem["code"] == "schema-enum" and problem["file"] == "practices/lyon-centsept/practice.yml"
    assert f"{problem['file']}: status: {problem['message']}" in as_text
    assert all(p["code"] and p["code"] != "data" for p in as_json["problems"])


def test_the_workflow_never_expands_issue_text_and_needs_no_secret_to_check():
    text = (REPO / ".github/workflows/proposal.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert "github.event.issue.body" not in text and "github.event.issue.title" not in text
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert job["permissions"], name  # each job its own, minimal
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step  # values reach commands through env only
    check = workflow["jobs"]["check"]
    assert "secrets." not in yaml.safe_dump(check) and set(check["permissions"]) == {"contents", "issues"}
    assert check["permissions"]["contents"] == "read"


def test_the_workflow_keeps_one_comment_up_to_date_and_waits_for_a_maintainer():
    """An edit of the issue checks it again and updates the bot's own comment (found by its
    marker); the pull request needs a valid case file and the label a maintainer adds. The
    labels are those of the generated form."""
    workflow = yaml.safe_load((REPO / ".github/workflows/proposal.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]["issues"]["types"]) == {"opened", "edited", "labeled"}  # PyYAML reads `on:` as True
    check, pull_request = workflow["jobs"]["check"], workflow["jobs"]["pull-request"]
    assert yaml.safe_load((REPO / FORMS_DIR / PROPOSE).read_text(encoding="utf-8"))["labels"] == [PROPOSAL_LABEL]
    assert check["if"] == f"contains(github.event.issue.labels.*.name, '{PROPOSAL_LABEL}')"
    comment = next(step["run"] for step in check["steps"] if "comment.md" in step.get("run", ""))
    assert f'startswith("{MARKER}")' in comment and "--method PATCH" in comment and "--method POST" in comment
    assert pull_request["needs"] == "check"
    assert pull_request["if"] == (
        f"needs.check.outputs.valid == 'true' && contains(github.event.issue.labels.*.name, '{ACCEPTED_LABEL}')"
    )
