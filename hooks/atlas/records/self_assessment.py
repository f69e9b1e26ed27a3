"""The self-assessment as an edition shows it: the questions (one per lever of the guide, by
group, then the context), the rules written out with the guide's sections they rest on, and the
data the page's script turns into a plan (practices/guide/self-assessment.yml).

The plan is made in the reader's browser, from the answers kept in the page's address; this
module gives the script everything it names (labels, addresses, the practices that may
illustrate each lever), so that the script computes and fetches nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import routes
from ..base.facets import FACETS_BY_ID
from ..model.model import Atlas
from . import facets
from .guide import Snippet, citation, snippet
from .practice import PracticeRecord, records
from .values import Localized, Source, Term, localized

ANSWERS = ("not-yet", "started", "established")  # the schema's order; the rules read them by key


@dataclass(frozen=True)
class LeverQuestion:
    lever: Term
    established: Localized  # what a city hall that has established it does
    source: Source  # the lever's section of the guide


@dataclass(frozen=True)
class GroupOfQuestions:
    group: Term
    questions: tuple[LeverQuestion, ...]


@dataclass(frozen=True)
class ContextQuestion:
    key: str  # themes, project or actors
    question: Localized
    options: tuple[tuple[str, Localized], ...]  # (key, label)
    source: Source
    multiple: bool  # checkboxes (else one answer)
    max: int | None = None


@dataclass(frozen=True)
class PlanRule:
    key: str
    kind: str
    why: Snippet | None
    source: Source


@dataclass(frozen=True)
class Questionnaire:
    answers: tuple[tuple[str, Localized], ...]
    groups: tuple[GroupOfQuestions, ...]
    context: tuple[ContextQuestion, ...]
    rules: tuple[PlanRule, ...]
    plan: dict  # min_levers, max_levers, practices

    @property
    def lever_count(self) -> int:
        return sum(len(group.questions) for group in self.groups)

    @property
    def count(self) -> int:
        """How many questions it asks."""
        return self.lever_count + len(self.context)


def questionnaire(atlas: Atlas, lang: str) -> Questionnaire:
    return atlas.derived(("self-assessment", lang), lambda: _questionnaire(atlas, lang))


def _questionnaire(atlas: Atlas, lang: str) -> Questionnaire:
    data, languages = atlas.guide.self_assessment, atlas.languages
    levers = facets.options(atlas, "lever", lang)
    groups = tuple(
        GroupOfQuestions(
            group,
            tuple(
                LeverQuestion(
                    lever,
                    localized(languages, data["levers"][lever.key]["established"], lang),
                    citation(atlas, atlas.guide.levers[lever.key].section, lang),
                )
                for lever in levers
                if lever.group == group.key
            ),
        )
        for group in _groups(atlas, lang)
    )
    context = data["context"]
    steps = tuple((step.key, localized(languages, step.title, lang)) for step in atlas.guide.steps)
    questions = (
        ContextQuestion(
            "themes",
            localized(languages, context["themes"]["question"], lang),
            tuple((term.key, term.label) for term in facets.options(atlas, "theme", lang)),
            citation(atlas, context["themes"]["section"], lang),
            multiple=True,
            max=context["themes"].get("max"),
        ),
        ContextQuestion(
            "project",
            localized(languages, context["project"]["question"], lang),
            (("none", localized(languages, context["project"]["none"], lang)), *steps),
            citation(atlas, context["project"]["section"], lang),
            multiple=False,
        ),
        ContextQuestion(
            "actors",
            localized(languages, context["actors"]["question"], lang),
            tuple((term.key, term.label) for term in facets.options(atlas, "actor", lang)),
            citation(atlas, context["actors"]["section"], lang),
            multiple=True,
        ),
    )
    page = routes.SELF_ASSESSMENT
    rules = tuple(
        PlanRule(rule["key"], rule["kind"], snippet(atlas, rule["why"], lang, page), citation(atlas, rule["section"], lang))
        for rule in data["rules"]
    )
    answers = tuple((key, localized(languages, data["answers"][key], lang)) for key in ANSWERS)
    return Questionnaire(answers, groups, questions, rules, data["plan"])


def _groups(atlas: Atlas, lang: str) -> list[Term]:
    """The groups of levers, in the guide's order, each a link to its part of the levers' page."""
    overview = atlas.routes.page_url(routes.facet("lever"), lang)
    return [
        Term("lever_group", key, localized(atlas.languages, group["label"], lang), f"{overview}#{key}")
        for key, group in atlas.vocabulary["lever_groups"].items()
    ]


def script_data(atlas: Atlas, lang: str) -> dict:
    """What the page's script needs to make the plan: the rules as data, every lever, step, theme,
    kind of actor and candidate practice with its label and address (from the site's root)."""
    data = atlas.guide.self_assessment
    url = atlas.routes.page_url
    levers = facets.options(atlas, "lever", lang)
    candidates, practices = _candidates(atlas, lang, data["plan"]["practices"])
    return {
        "lang": lang,
        "answers": list(ANSWERS),
        "plan": data["plan"],
        "maxThemes": data["context"]["themes"].get("max"),
        "groups": [group.key for group in _groups(atlas, lang)],
        "levers": [
            {
                "key": lever.key,
                "label": lever.label.text,
                "url": lever.url,
                "group": lever.group,
                "practices": candidates[lever.key],
            }
            for lever in levers
        ],
        "steps": [
            {"key": step.key, "label": localized(atlas.languages, step.title, lang).text, "url": url(routes.step(step.key), lang)}
            for step in atlas.guide.steps
        ],
        "actorTypes": {term.key: {"label": term.label.text, "url": term.url} for term in facets.options(atlas, "actor", lang)},
        "practices": practices,
        "rules": [{key: value for key, value in rule.items() if key not in ("why", "section")} for rule in data["rules"]],
    }


def _candidates(atlas: Atlas, lang: str, wanted: int) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """For each lever, the practices that may illustrate it in a plan, best first: those where the
    city government acted, the more active roles first (the vocabulary's order of city roles). The
    script prefers the reader's themes among them, so each lever keeps its best `wanted` practices
    of each theme and overall: the page stays the same size whatever the number of practices."""
    roles = list(atlas.vocabulary["city_roles"])
    acted = sorted(
        (record for record in records(atlas, lang) if record.role.acted), key=lambda record: roles.index(record.role.key)
    )
    kept: dict[str, list[str]] = {}
    for lever in atlas.vocabulary["levers"]:
        illustrating = [record for record in acted if lever in record.keys["lever"]]
        best = {record.slug for record in illustrating[:wanted]}
        for theme in atlas.vocabulary["themes"]:
            best |= {record.slug for record in [r for r in illustrating if theme in r.keys["theme"]][:wanted]}
        kept[lever] = [record.slug for record in illustrating if record.slug in best]
    chosen = {slug for slugs in kept.values() for slug in slugs}
    return kept, {record.slug: _practice(record) for record in acted if record.slug in chosen}


def _practice(record: PracticeRecord) -> dict:
    profiles = {actor.profile_url: actor.name.text for actor in record.actors if actor.profile_url}
    return {
        "title": record.title.text,
        "titleLang": record.title.lang,
        "url": record.url,
        "place": ", ".join(record.place_names),
        "themes": record.keys["theme"],
        "actorTypes": record.keys[FACETS_BY_ID["actor"].id],
        "profiles": [{"name": name, "url": url} for url, name in profiles.items()],
    }
