"""Load the innovation actors' profiles: practices/actors/<key>.yml, one file each (none yet is fine)."""

from __future__ import annotations

from ..base import paths, routes
from ..base.problems import Problem, show
from ..check.rules import KEY
from ..read.files import folder_entries, link_problem
from .model import Actor
from .reader import Partial, Reader


def load_actors(reader: Reader, vocabulary: dict, cities: dict) -> tuple[dict[str, Actor], frozenset[str]]:
    """The profiles without problems, and the key of every profile (a practice naming one with
    problems is told so, not that it does not exist)."""
    folder = reader.settings.root / paths.ACTORS
    if (problem := link_problem(folder, f"{paths.ACTORS}/")) is not None:
        reader.problems.append(problem)
        return {}, frozenset()
    if not folder.is_dir():
        return {}, frozenset()
    files, problems = folder_entries(folder, f"{paths.ACTORS}/")
    reader.problems += problems
    actors, keys = {}, set()
    for name, path in files.items():
        display, slug = reader.display(path), name.removesuffix(".yml")
        if not name.endswith(".yml") or not KEY.match(slug):
            reader.problems.append(
                Problem(
                    display,
                    "",
                    f"{show(name)} is not an actor's profile; expected <key>.yml, the key in "
                    "lowercase ASCII letters, digits and hyphens, e.g. 'tuba.yml'. Rename or remove it",
                    code="actor-file-name",
                )
            )
            continue
        keys.add(slug)
        doc = reader.read_yaml(path, "actor", reader.keys(vocabulary, cities))
        if doc is None:
            continue
        reader.run_rules("file", "actor", display, doc, doc.data, reader.context(vocabulary=vocabulary, cities=cities))
        reader.read_snippets(display, doc, doc.data.get("profile"), ("profile",), lambda _, slug=slug: routes.actor(slug))
        if not isinstance(doc, Partial):
            actors[slug] = Actor(slug, doc.data, doc)
    return dict(sorted(actors.items())), frozenset(keys)
