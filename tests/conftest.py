"""Fixture atlases built for real: a small practices/ folder beside the real docs, overrides and hooks."""

from __future__ import annotations

import copy
import datetime
import functools
import gzip
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

# Property tests (tests/test_no_traceback.py): a bounded run in `make test`, a deep one on demand
# (`pytest --hypothesis-profile=deep`). The deadline is the time bound of one generated document.
settings.register_profile("default", max_examples=60, deadline=datetime.timedelta(seconds=2), print_blob=True)
settings.register_profile("deep", max_examples=5_000, deadline=datetime.timedelta(seconds=2), print_blob=True)
settings.load_profile("default")

REPO = Path(__file__).resolve().parents[1]


def editions(root: Path) -> list[tuple[str, str]]:
    """(language, its pages' prefix) of every edition an atlas publishes: ('fr', ''), ('en', 'en/')…"""
    from atlas.base.routes import Routes
    from atlas.model.settings import configured_languages

    routes = Routes(configured_languages(root))
    return [(lang, routes.prefix(lang)) for lang in routes.languages.codes]


EDITIONS = editions(REPO)  # the real atlas's
TODAY = datetime.date(2026, 11, 21)

CITIES = {
    "lyon": {"name": {"fr": "Lyon", "en": "Lyon"}, "country": "FR", "region": "western-europe", "lat": 45.764, "lon": 4.8357},
    "abidjan": {
        "name": {"fr": "Abidjan", "en": "Abidjan"},
        "country": "CI",
        "region": "west-africa",
        "lat": 5.36,
        "lon": -4.0083,
    },
}

PRACTICE = {
    "cities": ["lyon"],
    "title": {"fr": "Le CentSept", "en": "CentSept"},
    "summary": {"fr": "Un accélérateur d'innovation sociale.", "en": "A social innovation accelerator."},
    "city_role": "partner",
    "themes": ["social-innovation"],
    "levers": ["public-incubator"],
    "actors": [{"name": "Métropole de Lyon", "type": "public", "role": {"fr": "cofondatrice", "en": "co-founder"}}],
    "status": "ongoing",
    "start_year": 2014,
    "sources": [{"title": "Guide pratique", "publisher": "Sciences Po, AIMF", "year": 2022}],
    "published": "2026-11-21",
    "last_reviewed": "2026-11-21",
}


def _entries(labels: dict, **extra) -> dict:
    return {
        key: {
            **extra.get(key, {}),
            "label": {"fr": fr, "en": en},
            "description": {"fr": f"{fr} (description).", "en": f"{en} (description)."},
        }
        for key, (fr, en) in labels.items()
    }


# The tests' own vocabulary (not the real one: an edit of practices/vocabulary.yml must not break them).
VOCABULARY = {
    "themes": _entries(
        {
            "social-innovation": ("Innovation sociale", "Social innovation"),
            "health": ("Santé", "Health"),
            "education": ("Éducation", "Education"),
        }
    ),
    "lever_groups": _entries(
        {
            "internal": ("Actions internes", "Internal actions"),
            "external": ("Actions externes", "External actions"),
            "strategy": ("Définir une stratégie", "Defining a strategy"),
        }
    ),
    "levers": _entries(
        {
            "actor-mapping": ("Cartographier les acteurs", "Map the actors"),
            "public-incubator": ("Incubateurs publics", "Public incubators"),
            "open-data": ("Données ouvertes", "Open data"),
            "strategy-missions": ("Stratégie et missions", "Strategy and missions"),
        },
        **{
            "actor-mapping": {"group": "internal"},
            "public-incubator": {"group": "external"},
            "open-data": {"group": "external"},
            "strategy-missions": {"group": "strategy"},
        },
    ),
    "city_roles": _entries(
        {
            "initiator": ("Initiatrice", "Initiator"),
            "partner": ("Partenaire", "Partner"),
            "network-member": ("Membre d'un réseau", "Network member"),
            "none": ("Sans rôle", "No role"),
            "not-stated": ("Non précisé", "Not stated"),
        },
        **{
            key: {"acted": acted}
            for key, acted in (
                ("initiator", True),
                ("partner", True),
                ("network-member", True),
                ("none", False),
                ("not-stated", False),
            )
        },
    ),
    "actor_types": _entries(
        {
            "public": ("Public", "Public"),
            "private": ("Privé", "Private"),
            "academic": ("Académique", "Academic"),
            "civil-society": ("Société civile", "Civil society"),
        }
    ),
    "statuses": _entries(
        {"ongoing": ("En cours", "Ongoing"), "completed": ("Terminée", "Completed"), "planned": ("Prévue", "Planned")}
    ),
    "regions": _entries(
        {
            "western-europe": ("Europe de l'Ouest", "Western Europe"),
            "west-africa": ("Afrique de l'Ouest", "West Africa"),
            "northern-europe": ("Europe du Nord", "Northern Europe"),
        }
    ),
    "sdgs": {number: {"label": {"fr": f"Objectif {number}", "en": f"Goal {number}"}} for number in range(1, 18)},
}

# The smallest complete guide (hooks/atlas/guide.py): every lever, group and step explained.
SECTIONS = {
    "levers": (
        ["Ce que c'est", "Pourquoi une mairie s'en sert", "Comment s'y prendre", "Points d'attention"],
        ["What it is", "Why a city hall uses it", "How to go about it", "What to watch for"],
    ),
    "steps": (["Ce qu'il faut faire", "Les questions à se poser", "Les outils"], ["What to do", "Questions to answer", "Tools"]),
}
GUIDE = {
    "source": {"title": "Guide pratique", "publisher": "Sciences Po, AIMF", "year": 2022},
    "levers": {key: {"section": f"Partie sur {key}"} for key in VOCABULARY["levers"]},
    "groups": {group: {"section": f"Partie {group}"} for group in ("internal", "external", "strategy")},
    "method": {
        "section": "Méthode",
        "steps": [
            {"key": "diagnosis", "title": {"fr": "Poser un diagnostic", "en": "Make a diagnosis"}, "section": "II. Diagnostic"}
        ],
    },
    "recommendations": [],
    "actor_profile": {
        "section": "Cartographie des acteurs › fiche modèle",
        "example": {
            "name": {"fr": "Innovateur Social 1", "en": "Social Innovator 1"},
            "type": "civil-society",
            "profile": {
                "description": {"fr": "Une association fictive.", "en": "A fictional association."},
                "needs": {"fr": "Des locaux.", "en": "Premises."},
            },
        },
    },
    "glossary": [
        {
            "key": "co-creation",
            "term": {"fr": "Co-création", "en": "Co-creation"},
            "definition": {"fr": "Créer ensemble.", "en": "Creating together."},
            "section": "Mots-clés",
        }
    ],
}


def _both(fr: str, en: str) -> dict:
    return {"fr": fr, "en": en}


def _rule(key: str, kind: str, why: str, **fields) -> dict:
    return {"key": key, "kind": kind, **fields, "why": _both(f"{why} (fr).", f"{why}."), "section": f"Partie {key}"}


# The tests' self-assessment (not the real one): every kind of rule, on the tests' four levers.
SELF_ASSESSMENT = {
    "answers": {
        "not-yet": _both("Pas encore", "Not yet"),
        "started": _both("Commencé", "Started"),
        "established": _both("Établi", "Established"),
    },
    "levers": {
        key: {"established": _both(f"La mairie fait {key}.", f"The city hall does {key}.")} for key in VOCABULARY["levers"]
    },
    "context": {
        "themes": {"question": _both("Quels thèmes ?", "Which themes?"), "max": 2, "section": "Partie thème"},
        "project": {"question": _both("Quel projet ?", "Which project?"), "none": _both("Aucun", "None"), "section": "Méthode"},
        "actors": {"question": _both("Quels acteurs ?", "Which actors?"), "section": "Partie acteurs"},
    },
    "plan": {"min_levers": 2, "max_levers": 3, "practices": 2},
    "rules": [
        _rule("map-first", "prerequisite", "Map before incubating", levers=["actor-mapping"], before=["public-incubator"]),
        _rule("data-at-diagnosis", "project-step", "Open data at the diagnosis", steps=["diagnosis"], lever="open-data"),
        _rule("internal-first", "first-group", "Internal levers first", group="internal"),
        _rule("incubate-after-data", "follow-up", "An incubator after open data", after=["open-data"], lever="public-incubator"),
        _rule("priority-themes", "themes", "Your themes"),
        _rule("guide-order", "guide-order", "The guide's order"),
    ],
}


def guide_text(kind: str, lang: str, body: str = "Un texte.") -> str:
    headings = SECTIONS.get(kind, ([], []))[lang == "en"]
    return "".join(f"## {heading}\n\n{body}\n\n" for heading in headings) or f"{body}\n"


# The narratives' required sections (Results and Challenges are optional).
FR_MD = (
    "## Contexte\n\nUn texte en français.\n\n## La pratique\n\nCe que la mairie a fait.\n\n## Acteurs et rôles\n\n"
    "Qui a fait quoi.\n\n## À retenir pour d'autres villes\n\n- Une leçon.\n"
)
EN_MD = (
    "## Context\n\nAn English text.\n\n## What was done\n\nWhat the city hall did.\n\n## Who is involved\n\n"
    "Who did what.\n\n## Lessons for other cities\n\n- A lesson.\n"
)


def image_bytes(format: str = "JPEG", size: tuple[int, int] = (4, 3)) -> bytes:
    """A real image file's content (the core decodes every image before publishing it)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=format)
    return buffer.getvalue()


# mkdocs.yml's language entries (mkdocs-static-i18n) and fallback chains (extra › atlas › fallback)
LANGUAGE_ENTRY = re.compile(r"^        - locale: (\w+)\n(?:^          .*\n)*", re.M)
FALLBACK_CHAIN = re.compile(r"^      (\w+): \[.*\]\n", re.M)
FIXTURE_LANGUAGES = ("fr", "en")


class FixtureAtlas:
    """A throw-away atlas repository: edit its files, then validate or build it. It has the real
    mkdocs.yml, with the languages its texts are written in (French and English unless `languages`
    says otherwise): a language the real atlas adds changes none of the fixture tests."""

    def __init__(self, root: Path, languages: tuple[str, ...] = FIXTURE_LANGUAGES):
        self.root = root
        self.practices = root / "practices"
        self.practices.mkdir(parents=True)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        self.keep_languages(languages)
        for name in ("docs", "overrides"):  # published as they are: a link out of the repository would be refused
            shutil.copytree(REPO / name, root / name)
        for name in ("hooks", "schemas"):
            (root / name).symlink_to(REPO / name)
        self.write_yaml("practices/vocabulary.yml", VOCABULARY)
        self.write_yaml("practices/cities.yml", CITIES)
        self.write_guide()

    def keep_languages(self, codes: tuple[str, ...]) -> None:
        """Publish only `codes` of the real atlas's languages, each with its fallback chain."""
        config = self.root / "mkdocs.yml"
        text = LANGUAGE_ENTRY.sub(lambda entry: entry[0] if entry[1] in codes else "", config.read_text(encoding="utf-8"))
        text = FALLBACK_CHAIN.sub(lambda chain: chain[0] if chain[1] in codes else "", text)
        config.write_text(text.replace("    fallback:\n    #", "    fallback: {}\n    #"), encoding="utf-8")

    def add_language(self, code: str, name: str, chain: list[str]) -> None:
        """A language added as an editor adds one: an entry in mkdocs.yml and its fallback chain."""
        config = self.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8").replace("    fallback: {}\n", "    fallback:\n")
        entries = list(LANGUAGE_ENTRY.finditer(text))
        entry = f"        - locale: {code}\n          name: {name}\n          build: true\n"
        text = text[: entries[-1].end()] + entry + text[entries[-1].end() :]
        config.write_text(
            text.replace("    fallback:\n", f"    fallback:\n      {code}: [{', '.join(chain)}]\n", 1), encoding="utf-8"
        )

    def write_guide(self, guide: dict = GUIDE) -> None:
        """guide.yml, the self-assessment and a text in both languages for everything guide.yml lists."""
        self.write_yaml("practices/guide/guide.yml", guide)
        self.write_yaml("practices/guide/self-assessment.yml", SELF_ASSESSMENT)
        texts = [("method", "method")] + [(f"levers/{key}", "levers") for key in guide["levers"]]
        texts += [(f"groups/{key}", "groups") for key in guide["groups"]] + [
            (f"steps/{step['key']}", "steps") for step in guide["method"]["steps"]
        ]
        texts += [(f"cities/{key}", "cities") for key in guide.get("cities", {})]
        for path, kind in texts:
            for lang in ("fr", "en"):
                self.write(f"practices/guide/{path}.{lang}.md", guide_text(kind, lang))

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

    def add_practice(
        self, slug: str, changes: dict | None = None, *, fr: str | None = FR_MD, en: str | None = EN_MD, remove: tuple = ()
    ) -> dict:
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

    @property
    def editions(self) -> list[tuple[str, str]]:
        return editions(self.root)

    def build(self) -> subprocess.CompletedProcess:
        return build_site(self.root, self.root / "site")

    @property
    def site(self) -> Path:
        return self.root / "site"


# Where the real atlas is published in the tests: a GitHub Pages project site, under a sub-path.
PUBLISHED_AT = "https://example.github.io/atlas/"
# Builds are reproducible: the open data's generation time is SOURCE_DATE_EPOCH's (2026-11-30T00:53:20Z).
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1796000000"}
GENERATED_AT = "2026-11-30T00:53:20Z"


def build_site(
    root: Path, site: Path, site_url: str | None = None, command: str = "mkdocs", env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", command, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=root,
        env={**BUILD_ENV, **({"ATLAS_SITE_URL": site_url} if site_url else {}), **(env or {})},
    )


PAGEFIND_HASHED = re.compile(r"(?<=[a-z]{2}_)[0-9a-f]{7,10}(?=\.pf_(?:filter|meta))")


def built_files(root: Path) -> dict[str, bytes]:
    """Every file of a built site, as comparable content. Pagefind writes a filter's values in
    arbitrary order (its HashMap; Pagefind #638), so its filter index is read, values sorted, and
    named without the hash of its bytes; everything else is compared byte for byte."""
    import cbor2

    def pagefind(data: bytes):
        return cbor2.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))

    files = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        name, data = path.relative_to(root).as_posix(), path.read_bytes()
        if name.endswith(".pf_filter"):
            filter_name, values = pagefind(data)
            data = repr((filter_name, sorted(values))).encode()
        elif name.endswith(".pf_meta"):
            version, pages, index, filters, sorts, metas = pagefind(data)
            data = repr((version, pages, index, [name for name, _ in filters], sorts, metas)).encode()
        elif name.endswith("pagefind-entry.json"):  # names the metadata index by its hash
            data = re.sub(rb'"hash":"[a-z]{2}_[0-9a-f]+"', b'"hash":""', data)
        files[PAGEFIND_HASHED.sub("", name)] = data
    return files


@functools.cache
def parsed(path: Path):
    """A built page, parsed once per session (lxml: several times faster than html.parser); read only."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(Path(path).read_bytes(), "lxml")


@pytest.fixture(scope="session")
def browser():
    """Chromium, for the browser tests (support/browser.py: which one)."""
    from playwright.sync_api import sync_playwright

    from support.browser import CHROMIUM_ARGS, find_chromium

    chromium = find_chromium()
    if chromium is None:
        pytest.fail("the browser tests need Chromium: apt-get install chromium (see .ci/run), or set ATLAS_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def fixture_atlas(tmp_path) -> FixtureAtlas:
    return FixtureAtlas(tmp_path / "atlas")


def built_once(tmp_path_factory, worker_id: str, name: str, build) -> Path:
    """A folder made by `build(folder)` once per test run, shared by pytest-xdist's workers: the
    first worker to need it builds it (a build already uses both cores), the others wait for it
    rather than build it again. Without xdist, in the session's own temporary folder."""
    import fcntl

    if worker_id == "master":
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    folder = tmp_path_factory.getbasetemp().parent / name  # this run's folder, common to its workers
    with open(f"{folder}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, worker_id) -> Path:
    """The real atlas, built once with the strict build as the README does, for PUBLISHED_AT."""

    def build(folder: Path) -> None:
        result = build_site(REPO, folder / "site", PUBLISHED_AT)
        assert result.returncode == 0, result.stdout + result.stderr

    return built_once(tmp_path_factory, worker_id, "real", build) / "site"


def published_atlas(root: Path, languages=None, today: datetime.date = TODAY):
    """An atlas loaded as a build loads it, with its settings from its mkdocs.yml: what the core's
    page and file functions take (tests of the core without MkDocs)."""
    from atlas.model.load import load_atlas
    from atlas.model.settings import configured_languages, publication, read_mkdocs_config, site_names

    config = read_mkdocs_config(root)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    atlas = load_atlas(root, languages or configured_languages(root), today=today)
    atlas.publication = publication(
        PUBLISHED_AT, config["extra"]["atlas"], site_names(i18n["languages"], config["site_name"], config.get("site_description"))
    )
    return atlas


@pytest.fixture(scope="session")
def real_atlas():
    """The real atlas, loaded and published as the README's build does it (the core alone)."""
    return published_atlas(REPO, today=datetime.date.today())


def pytest_collection_modifyitems(items):
    """Tests of a group (the large atlas's: built once, then run one after the other on one worker,
    `make test`'s --dist loadgroup) first: last, they were the run's final two minutes on one core."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
