"""One job per language, then assembly (the publishing workflow): each language's part of the
real site built alone, by ProperDocs, assembled by scripts/assemble.py, is the one-machine site."""

from __future__ import annotations

import json
import re
import runpy
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import yaml

from atlas.model.settings import BUILD_LANGUAGE
from conftest import EDITIONS, PUBLISHED_AT, REPO, build_site, built_files

ASSEMBLE = REPO / "scripts" / "assemble.py"
PART = runpy.run_path(str(ASSEMBLE))["PART"]  # a part's folder: site-<code>
CODES = [lang for lang, _ in EDITIONS]


def assemble(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ASSEMBLE), *map(str, args)], capture_output=True, text=True, timeout=120)


def test_properdocs_builds_each_language_alone_and_the_assembled_parts_are_the_site(real_site, tmp_path):
    """Two ways of building that must not change a byte (the generator tag aside):
    - Material for MkDocs ends in 2027: the fallback is ProperDocs (a maintained MkDocs 1.6 fork,
      PyPI `properdocs`) with Material frozen; it builds the atlas unchanged and strictly;
    - the publishing workflow builds each language in its own job (ATLAS_BUILD_LANGUAGE=<code>:
      the default language's part holds what every language shares), then scripts/assemble.py
      puts the parts together.
    The real site is one MkDocs build of every language; this one is ProperDocs's parts, built at
    the same time, assembled: the same pages, data, maps, search bundles, sitemap and 404 page.
    (ATLAS_PARALLEL=0's order, one language after the other: tests/test_fixture_sites.py.)"""
    parts = tmp_path / "parts"

    def build_part(lang: str) -> subprocess.CompletedProcess:
        return build_site(REPO, parts / PART.format(lang=lang), PUBLISHED_AT, command="properdocs", env={BUILD_LANGUAGE: lang})

    with ThreadPoolExecutor(len(CODES)) as pool:
        for result in pool.map(build_part, CODES):
            assert result.returncode == 0, result.stderr
    result = assemble(parts, tmp_path / "site")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")

    built, expected = built_files(tmp_path / "site"), built_files(real_site)
    assert set(built) == set(expected)
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    assert [path for path in sorted(built) if generator.sub(b"", built[path]) != generator.sub(b"", expected[path])] == []


def write_parts(parts, files: dict[str, dict[str, str]]) -> None:
    """Parts as the jobs leave them: {language: {file: text}}."""
    for lang, texts in files.items():
        for name, text in texts.items():
            path = parts / PART.format(lang=lang) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def homes(codes=CODES) -> dict[str, dict[str, str]]:
    return {lang: {f"{prefix}index.html": lang} for lang, prefix in EDITIONS if lang in codes}


def test_assembly_refuses_a_file_two_parts_write_differently_and_writes_nothing(tmp_path):
    parts = tmp_path / "parts"
    write_parts(parts, homes())
    write_parts(parts, {"fr": {"sitemap.xml": "<urlset/>", "feed.xml": "<feed/>"}, "en": {"sitemap.xml": "<urlset>"}})
    write_parts(parts, {"en": {"feed.xml": "<feed/>"}})  # the same bytes: one file
    result = assemble(parts, tmp_path / "site")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "sitemap.xml: written by site-fr and site-en with different bytes; expected one file: "
        "build every part from the same commit with the same settings\n"
    )
    assert not (tmp_path / "site").exists()


def test_assembly_names_each_missing_or_unknown_part_and_how_to_build_it(tmp_path):
    parts = tmp_path / "parts"
    write_parts(parts, homes(CODES[:1]))
    write_parts(parts, {"xx": {"index.html": "?"}})
    (parts / PART.format(lang=CODES[-1])).mkdir()  # a part without its language's pages
    result = assemble(parts, tmp_path / "site")
    missing, empty = CODES[1:-1], CODES[-1]
    assert result.returncode == 1 and not (tmp_path / "site").exists()
    assert result.stderr.splitlines() == [
        f"{parts}/site-xx: not a part of this atlas; expected one folder per language, named "
        f"{', '.join(PART.format(lang=code) for code in CODES)} (mkdocs.yml's languages): remove it",
        *(
            f"{parts}/site-{lang}: missing; expected the '{lang}' part of the site: build it with ATLAS_BUILD_LANGUAGE={lang}"
            for lang in missing
        ),
        f"{parts}/site-{empty}: has no {empty}/index.html; expected the '{empty}' part of the site: "
        f"build it with ATLAS_BUILD_LANGUAGE={empty}",
    ]


def test_the_workflow_builds_a_part_per_language_of_mkdocs_yml_and_assembles_them():
    """The matrix is the languages scripts/assemble.py reads from mkdocs.yml; each job uploads
    its part under the name assembly expects, and the assembling job downloads every part."""
    result = assemble("--languages")
    assert result.returncode == 0 and json.loads(result.stdout) == CODES
    jobs = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))["jobs"]
    assert "scripts/assemble.py --languages" in jobs["languages"]["steps"][-1]["run"]
    assert jobs["build"]["strategy"]["matrix"]["language"] == "${{ fromJSON(needs.languages.outputs.languages) }}"
    build = {step["name"]: step for step in jobs["build"]["steps"] if "name" in step}
    assert build["Strict build of one language's part"]["env"][BUILD_LANGUAGE] == "${{ matrix.language }}"
    upload = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == PART.format(lang="${{ matrix.language }}")
    download = next(step for step in jobs["assemble"]["steps"] if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["pattern"] == PART.format(lang="*")
    assert f"scripts/assemble.py {download['with']['path']} site" in jobs["assemble"]["steps"][-2]["run"]
    assert jobs["deploy"]["needs"] == "assemble"


def test_a_part_of_a_language_the_atlas_does_not_have_is_one_line_naming_the_languages(tmp_path):
    result = build_site(REPO, tmp_path / "site", env={BUILD_LANGUAGE: "eng"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() == (
        f"{BUILD_LANGUAGE}='eng' is not a language of the atlas; did you mean 'en'? expected one of "
        f"{', '.join(CODES)} (plugins › i18n › languages in mkdocs.yml), or leave it unset to build every language"
    )
    assert not (tmp_path / "site").exists()
