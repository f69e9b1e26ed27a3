"""Where everything is in the repository: the one table of the editors' files and folders.

Paths are relative to the repository's root, with '/', as problems name files. The site's
own addresses are in routes.py.
"""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[3]  # hooks/atlas/base/paths.py -> the repository's root
SCHEMA_DIR = REPOSITORY / "schemas"  # the JSON Schemas: the single definition of each file kind
CATALOG_DIR = Path(__file__).resolve().parents[1] / "i18n"  # the interface's texts, one file per language

PRACTICES = "practices"
CITIES_FILE = f"{PRACTICES}/cities.yml"
VOCABULARY_FILE = f"{PRACTICES}/vocabulary.yml"
GUIDE = f"{PRACTICES}/guide"  # the guide's playbook, kept by editors beside the practices (not a practice)
GUIDE_FILE = f"{GUIDE}/guide.yml"
SELF_ASSESSMENT_FILE = f"{GUIDE}/self-assessment.yml"  # the self-assessment's questions and rules
ACTORS = f"{PRACTICES}/actors"  # the innovation actors' profiles, one <key>.yml each
NOT_PRACTICES = ("guide", "actors")  # folders of practices/ that are not practices (a practice's slug starts with a city)
PRACTICE_FILE_NAME = "practice.yml"
SITE_CONFIG = "mkdocs.yml"
CACHE = ".cache/atlas"  # checks and rendered pages kept between builds (base/cache.py); never committed, never published


def practice_folder(slug: str) -> str:
    return f"{PRACTICES}/{slug}"


def practice_file(slug: str) -> str:
    return f"{PRACTICES}/{slug}/{PRACTICE_FILE_NAME}"


def narrative_name(lang: str) -> str:
    """A narrative's file name in a practice's folder: fr.md, en.md…"""
    return f"{lang}.md"


def narrative_file(slug: str, lang: str) -> str:
    return f"{PRACTICES}/{slug}/{narrative_name(lang)}"


def actor_file(key: str) -> str:
    return f"{ACTORS}/{key}.yml"


def guide_text_file(kind: str, key: str, lang: str) -> str:
    """A text of the guide, from practices/guide/: method.fr.md, levers/open-data.en.md…"""
    return f"method.{lang}.md" if kind == "method" else f"{kind}/{key}.{lang}.md"
