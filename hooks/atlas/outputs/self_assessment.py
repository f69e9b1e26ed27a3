"""The self-assessment: a city hall answers, lever by lever, what it already does and says a few
words of its context; the page's script makes the plan in the reader's browser. Without
JavaScript the page is a paper questionnaire with its rules written out."""

from __future__ import annotations

from ..base import routes
from ..model.model import Atlas
from ..records.self_assessment import questionnaire, script_data
from ..views import Page, html_safe_json, ui

# The interface's texts the script writes (the page writes the others).
SCRIPT_TEXTS = (
    "sa_waiting",
    "sa_printed_on",
    "sa_strengths_none",
    "sa_started",
    "sa_why",
    "sa_rule",
    "sa_examples",
    "sa_no_examples",
    "sa_actors",
    "sa_new_partner",
    "sa_profiles",
    "sa_steps_start",
    "sa_steps_from",
    "sa_copied",
    "sa_copy_failed",
    "sa_no_answer",
    "guide_source",
)


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    return [
        Page(
            routes.SELF_ASSESSMENT,
            "self-assessment.html",
            strings["sa_nav"],
            lambda: view(atlas, lang),
            "assessment",
            in_nav=True,
            hide=("toc",),
            description=strings["sa_description"],
        )
    ]


def view(atlas: Atlas, lang: str) -> dict:
    return {
        "questionnaire": questionnaire(atlas, lang),
        "data": html_safe_json(script_data(atlas, lang)),  # read by the script, inert in the page
        "ui": html_safe_json({key: text for key, text in ui(atlas, lang).items() if key in SCRIPT_TEXTS}),
        "script_url": routes.SELF_ASSESSMENT_SCRIPT,
        "method_url": atlas.routes.page_url(routes.METHOD, lang),
    }
