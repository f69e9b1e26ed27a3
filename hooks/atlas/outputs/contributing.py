"""The contributor guide (docs/contribuer*.md, template contributing.html): its field table and
annotated templates, derived from schemas/practice.schema.json at build time so that they
cannot drift from it."""

from __future__ import annotations

from ..base import paths
from ..check.contract import narrative_template, practice_fields, practice_template
from ..model.model import Atlas
from ..views import propose_url


def view(atlas: Atlas, lang: str) -> dict:
    return {
        "fields": [
            {"path": f.path, "required": f.required, "allowed": f.allowed, "description": f.description(lang, atlas.languages)}
            for f in practice_fields()
        ],
        "template": practice_template(
            atlas.languages, vocabulary=atlas.vocabulary, lang=lang
        ),  # annotated in the reader's language
        "narratives": [(paths.narrative_name(code), narrative_template(atlas.languages, code)) for code in atlas.languages.codes],
        "propose_url": propose_url(atlas),
    }


HAND_WRITTEN = {"contributing.html": ("contributing", view)}
