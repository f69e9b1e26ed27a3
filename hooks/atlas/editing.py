"""What the editors' tools write and read, derived from the schema: the annotated case-file
template, the field table of the contributor guide, the translation gaps, CI annotations."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from markupsafe import escape

from .model import Atlas
from .narrative import SCAFFOLD_HINTS
from .problems import Problem
from .schema import KEY_LISTS, load_schema

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/practice.schema.json"
FR_HEADINGS = ["Contexte", "La pratique", "Acteurs et rôles", "Résultats", "Difficultés", "À retenir pour d'autres villes"]
EN_HEADINGS = ["Context", "What was done", "Who is involved", "Results", "Challenges", "Lessons for other cities"]
NARRATIVE_HEADINGS = {"fr": FR_HEADINGS, "en": EN_HEADINGS}

# An example value for every field of the schema (tests check that both agree).
EXAMPLES = {
    "cities": ["lyon"],
    "scope": {"name": {"fr": "Alliance ScaleX pour les villes", "en": "ScaleX Alliance for Cities"}, "countries": ["AL", "RS"]},
    "title": {"fr": "Le CentSept, accélérateur d'innovation sociale", "en": "CentSept, a social innovation accelerator"},
    "summary": {"fr": "Une ou deux phrases.", "en": "One or two sentences."},
    "city_role": "partner",
    "city_role_note": {
        "fr": "La Métropole et la Ville l'ont cofondé et siègent à son conseil.",
        "en": "The Metropolis and the City co-founded it and sit on its board.",
    },
    "themes": ["social-innovation"],
    "levers": ["public-incubator"],
    "actors": [
        {
            "name": "Métropole de Lyon",
            "type": "public",
            "role": {"fr": "cofondatrice", "en": "co-founder"},
            "url": "https://www.grandlyon.com",
        }
    ],
    "status": "ongoing",
    "start_year": 2014,
    "end_year": 2016,
    "sdgs": [8, 11],
    "location": {"lat": 45.74, "lon": 4.82},
    "links": [{"url": "https://www.example.org", "label": {"fr": "Site officiel", "en": "Official website"}}],
    "sources": [
        {
            "title": "Titre du document",
            "publisher": "Éditeur",
            "year": 2022,
            "url": "https://www.example.org/guide.pdf",
            "pages": "12-14",
        }
    ],
    "related": ["lyon-tuba-open-data"],
    "published": "2026-11-21",
    "last_reviewed": "2026-11-21",
}


@dataclass(frozen=True)
class FieldDoc:
    path: str  # "actors[].role"
    required: bool
    description: dict[str, str]  # language -> text
    allowed: str | None  # where its keys come from, for readers: "themes (practices/vocabulary.yml)"
    list_name: str | None = None  # that list in the data: "themes", "cities"
    is_list: bool = False


def _describe(node: dict) -> dict[str, str]:
    return {"en": node.get("description", ""), "fr": node.get("x-description-fr", node.get("description", ""))}


def _allowed(node: dict) -> tuple[str | None, str | None]:
    ref = node.get("$ref", "")
    if ref.startswith("vocabulary-keys.schema.json#/$defs/"):
        name = ref.rsplit("/", 1)[1]
        if name == "city":
            return "practices/cities.yml", "cities"
        if name == "actor":
            return "practices/actors/ (the files' names)", None
        return f"{KEY_LISTS[name][0]} (practices/vocabulary.yml)", KEY_LISTS[name][0]
    return None, None


def practice_fields() -> list[FieldDoc]:
    """Every field of practice.yml, top level then the fields of its list items and blocks."""
    schema = load_schema("practice")
    fields = []
    for name, node in schema["properties"].items():
        required = name in schema["required"]
        fields.append(FieldDoc(name, required, _describe(node), *_allowed(node.get("items", node)), is_list="items" in node))
        inner = node.get("items", node)
        if "properties" in inner and inner.get("$ref") != "#/$defs/localized":  # a text in each language has no fields of its own
            suffix = "[]" if "items" in node else ""
            for sub, sub_node in inner["properties"].items():
                fields.append(
                    FieldDoc(f"{name}{suffix}.{sub}", sub in inner.get("required", []), _describe(sub_node), *_allowed(sub_node))
                )
    return fields


def _dump(name: str, value) -> str:
    """YAML as an editor would write it: short lists and blocks inline, lists of blocks one item per line."""
    flow = None if isinstance(value, (list, dict)) else False
    return yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=1000).rstrip()


def practice_template(values: dict | None = None, vocabulary: dict | None = None) -> str:
    """practice.yml with every field annotated REQUIRED or optional; optional fields commented out.

    `values` fills fields (the scaffold's answers); the other fields show an example.
    """
    values = values or {}
    lines = [
        SCHEMA_LINE,
        "# A practice of the atlas. Each field says whether it is REQUIRED or optional and what it holds;",
        "# the definition of every field is schemas/practice.schema.json. Delete optional fields you do not use",
        "# (or leave them commented out). Facts only from the sources you cite; nothing invented.",
    ]
    for field in [f for f in practice_fields() if "." not in f.path]:
        lines.append("")
        lines.append(f"# {'REQUIRED' if field.required else 'optional'} — {field.description['en']}")
        nested = [f for f in practice_fields() if f.path.startswith(field.path + "[].") or f.path.startswith(field.path + ".")]
        for sub in nested:
            lines.append(
                f"#  • {sub.path.split('.', 1)[1]}: {'required' if sub.required else 'optional'} — {sub.description['en']}"
            )
        if field.list_name and field.list_name != "cities" and vocabulary is not None:
            lines.append(f"#  • allowed: {', '.join(sorted(vocabulary.get(field.list_name, {})))}")
        elif field.allowed:
            lines.append(f"#  • allowed: the keys of {field.allowed}")
        text = _dump(field.path, values.get(field.path, EXAMPLES[field.path]))
        if not field.required and field.path not in values:
            text = "\n".join("# " + line for line in text.splitlines())
        lines.append(text)
    return "\n".join(lines) + "\n"


def actor_template(name: str, actor_type: str | None = None, cities: list[str] | None = None, reviewed: str = "") -> str:
    """practices/actors/<key>.yml, every field and every section of the guide's profile
    annotated REQUIRED or optional from schemas/actor.schema.json; optional ones commented out."""
    schema = load_schema("actor")
    fields, sections = schema["properties"], schema["$defs"]["profile"]["properties"]
    todo = {"fr": "TODO: en français, ce que disent les sources", "en": "TODO: in English, what the sources say"}
    values = {
        "name": {"fr": name, "en": name},
        "type": actor_type or "TODO-actor-type",
        "cities": cities or ["lyon"],
        "since": 2014,
        "links": [{"url": "https://www.example.org", "label": {"fr": "Site officiel", "en": "Official website"}}],
        "sources": [{"title": "TODO: the document's title", "publisher": "TODO: its publisher", "year": 2022}],
        "last_reviewed": reviewed,
    }
    given = {"name", "type", "sources", "last_reviewed"} | ({"cities"} if cities else set())
    lines = [
        "# yaml-language-server: $schema=../../schemas/actor.schema.json",
        "# An innovation actor's profile, after the AIMF guide's template. Each field and section says whether it",
        "# is REQUIRED or optional and what it holds (schemas/actor.schema.json). Write only what the sources say:",
        "# leave an optional section out (or commented) rather than guess.",
    ]
    for key, node in fields.items():
        required = key in schema["required"]
        lines += ["", f"# {'REQUIRED' if required else 'optional'} — {node['description']}"]
        if key == "profile":
            lines.append("profile:")
            for section, section_node in sections.items():
                needed = section in schema["$defs"]["profile"]["required"]
                lines.append(
                    f"  # {'REQUIRED' if needed else 'optional'} — {section_node['title']}: {section_node['description']}"
                )
                text = "\n".join("  " + line for line in _dump(section, todo).splitlines())
                lines.append(text if needed else "\n".join("  # " + line.strip() for line in text.splitlines()))
            continue
        text = _dump(key, values[key])
        lines.append(text if key in given else "\n".join("# " + line for line in text.splitlines()))
    return "\n".join(lines) + "\n"


def narrative_template(lang: str) -> str:
    """The recommended sections, each with the hint the validator refuses until it is replaced."""
    headings = NARRATIVE_HEADINGS.get(lang, EN_HEADINGS)
    hint = dict(zip(("fr", "en"), SCAFFOLD_HINTS, strict=True))
    return "".join(f"## {heading}\n\n{hint.get(lang, hint['en'])}\n\n" for heading in headings).rstrip() + "\n"


def translation_gaps(atlas: Atlas) -> list[tuple[str, str, list[str]]]:
    """(slug, language, missing parts) for every practice not complete in a non-default language."""
    gaps = []
    for lang in atlas.languages.codes[1:]:
        for slug, practice in atlas.practices.items():
            data = practice.data
            missing = [] if lang in practice.narratives else [f"{lang}.md"]
            for field in ("title", "summary"):
                if field in data and lang not in data[field]:
                    missing.append(f"{field}.{lang}")
            for index, actor in enumerate(data["actors"]):
                if "role" in actor and lang not in actor["role"]:
                    missing.append(f"actors[{index}].role.{lang}")
            for index, item in enumerate(data.get("links", [])):
                if lang not in item["label"]:
                    missing.append(f"links[{index}].label.{lang}")
            if missing:
                gaps.append((slug, lang, missing))
    return gaps


def translation_report(atlas: Atlas) -> str:
    """A Markdown table of the gaps (GitHub shows it in the job summary)."""
    gaps = translation_gaps(atlas)
    lines = ["## Translation report", ""]
    for lang in atlas.languages.codes[1:]:
        incomplete = sum(1 for _, gap_lang, _ in gaps if gap_lang == lang)
        lines.append(f"- `{lang}`: {len(atlas.practices) - incomplete} of {len(atlas.practices)} practices complete")
    lines.append("")
    if not gaps:
        lines.append("Every practice is complete in every language.")
    else:
        lines += ["| practice | language | missing |", "|---|---|---|"]
        lines += [f"| `{slug}` | {lang} | {', '.join(f'`{m}`' for m in missing)} |" for slug, lang, missing in gaps]
    return "\n".join(lines) + "\n"


def github_annotation(problem: Problem) -> str:
    """A line GitHub Actions shows as an error on the pull request's file and line."""

    def escape_data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_property(text: str) -> str:
        return escape_data(text).replace(":", "%3A").replace(",", "%2C")

    where = f"file={escape_property(problem.file)}"
    if problem.line:
        where += f",line={problem.line}"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"::error {where},title=Atlas data::{escape_data(message)}"


def contributing_view(atlas: Atlas, lang: str) -> dict:
    """The contributor guide's field table and templates, escaped, from the schema."""
    return {
        "fields": [
            {
                "path": field.path,
                "required": field.required,
                "allowed": escape(field.allowed) if field.allowed else None,
                "description": escape(field.description.get(lang) or field.description["en"]),
            }
            for field in practice_fields()
        ],
        "template": escape(practice_template(vocabulary=atlas.vocabulary)),
        "narratives": {code: escape(narrative_template(code)) for code in ("fr", "en")},
    }
