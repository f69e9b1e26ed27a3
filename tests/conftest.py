"""Fixture atlases built for real: a small practices/ folder beside the real docs, overrides and hooks."""

from __future__ import annotations

import copy
import datetime
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

# Property tests (tests/test_no_traceback.py): a bounded run in `make test`, a deep one on demand
# (`pytest --hypothesis-profile=deep`). The deadline is the time bound of one generated document.
settings.register_profile("default", max_examples=150, deadline=datetime.timedelta(seconds=2), print_blob=True)
settings.register_profile("deep", max_examples=5_000, deadline=datetime.timedelta(seconds=2), print_blob=True)
settings.load_profile("default")

REPO = Path(__file__).resolve().parents[1]
TODAY = datetime.date(2026, 11, 21)

CITIES = {
    "lyon": {"name": {"fr": "Lyon", "en": "Lyon"}, "country": "FR", "region": "western-europe", "lat": 45.764, "lon": 4.8357},
    "abidjan": {"name": {"fr": "Abidjan", "en": "Abidjan"}, "country": "CI", "region": "west-africa", "lat": 5.36, "lon": -4.0083},
}

PRACTICE = {
    "cities": ["lyon"],
    "title": {"fr": "Le CentSept", "en": "CentSept"},
    "summary": {"fr": "Un accélérateur d'innovation sociale.", "en": "A social innovation accelerator."},
    "themes": ["social-innovation"],
    "levers": ["public-incubator"],
    "actors": [{"name": "Métropole de Lyon", "type": "public", "role": {"fr": "cofondatrice", "en": "co-founder"}}],
    "status": "ongoing",
    "start_year": 2014,
    "sources": [{"title": "Guide pratique", "publisher": "Sciences Po, AIMF", "year": 2022}],
    "last_reviewed": "2026-11-21",
}

FR_MD = "## Contexte\n\nUn texte en français.\n\n## À retenir pour d'autres villes\n\n- Une leçon.\n"
EN_MD = "## Context\n\nAn English text.\n\n## Lessons for other cities\n\n- A lesson.\n"


def image_bytes(format: str = "JPEG", size: tuple[int, int] = (4, 3)) -> bytes:
    """A real image file's content (the core decodes every image before publishing it)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=format)
    return buffer.getvalue()


class FixtureAtlas:
    """A throw-away atlas repository: edit its files, then validate or build it."""

    def __init__(self, root: Path):
        self.root = root
        self.practices = root / "practices"
        self.practices.mkdir(parents=True)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        for name in ("docs", "overrides"):  # published as they are: a link out of the repository would be refused
            shutil.copytree(REPO / name, root / name)
        for name in ("hooks", "schemas"):
            (root / name).symlink_to(REPO / name)
        shutil.copy(REPO / "practices" / "vocabulary.yml", self.practices / "vocabulary.yml")
        self.write_yaml("practices/cities.yml", CITIES)

    def write_yaml(self, relative: str, data) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def add_practice(self, slug: str, changes: dict | None = None, *, fr: str | None = FR_MD, en: str | None = EN_MD,
                     remove: tuple = ()) -> dict:
        data = copy.deepcopy(PRACTICE)
        data.update(changes or {})
        for key in remove:
            data.pop(key)
        self.write_yaml(f"practices/{slug}/practice.yml", data)
        if fr is not None:
            self.write(f"practices/{slug}/fr.md", fr)
        if en is not None:
            self.write(f"practices/{slug}/en.md", en)
        return data

    def build(self) -> subprocess.CompletedProcess:
        return build_site(self.root, self.root / "site")

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_site(root: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=root, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def fixture_atlas(tmp_path) -> FixtureAtlas:
    return FixtureAtlas(tmp_path / "atlas")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real atlas, built once with the strict build as the README does."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = build_site(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def real_atlas():
    from atlas.load import load_atlas
    from atlas.settings import configured_languages

    return load_atlas(REPO, configured_languages(REPO))
