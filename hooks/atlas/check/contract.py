"""The format contract as editors meet it, derived from the schemas (the one definition): the
field table of the contributor guide, the scaffolds' annotated templates and their examples
(the schema's `examples`), the narratives' recommended sections with their hints."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..base import catalog, paths
from ..base.facets import LISTS
from ..base.languages import Languages
from .schema import load_schema, schema_text
from .sections import SECTIONS

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/practice.schema.json"


@dataclass(frozen=True)
class FieldDoc:
    path: str  # "actors[].role"
    required: bool
    node: dict  # its schema: its description in each language (check/schema.py, schema_text)
    allowed: str | None  # where its keys come from, for readers: "themes (practices/vocabulary.yml)"
    list_name: str | None = None  # that list in the data: "themes", "cities"
    is_list: bool = False

    def description(self, lang: str, languages: Languages) -> str:
        return schema_text(self.node, "description", lang, languages)


def _allowed(node: dict) -> tuple[str | None, str | None]:
    ref = node.get("$ref", "")
    if not ref.startswith("vocabulary-keys.schema.json#/$defs/"):
        return None, None
    name = ref.rsplit("/", 1)[1]
    if name == "city":
        return paths.CITIES_FILE, "cities"
    if name == "actor":
        return f"{paths.ACTORS}/ (the files' names)", None
    list_name = next(entry.name for entry in LISTS.values() if entry.key_def == name)
    return f"{list_name} ({paths.VOCABULARY_FILE})", list_name


def practice_fields() -> list[FieldDoc]:
    """Every field of practice.yml, top level then the fields of its list items and blocks."""
    schema = load_schema("practice")
    fields = []
    for name, node in schema["properties"].items():
        fields.append(
            FieldDoc(name, name in schema["required"], node, *_allowed(node.get("items", node)), is_list="items" in node)
        )
        inner = node.get("items", node)
        if "properties" in inner and inner.get("$ref") != "#/$defs/localized":  # a text in each language has no fields of its own
            suffix = "[]" if "items" in node else ""
            for sub, sub_node in inner["properties"].items():
                fields.append(FieldDoc(f"{name}{suffix}.{sub}", sub in inner.get("required", []), sub_node, *_allowed(sub_node)))
    return fields


def example(name: str):
    """The schema's example value of a field of practice.yml."""
    return load_schema("practice")["properties"][name]["examples"][0]


def _dump(name: str, value) -> str:
    """YAML as an editor would write it: short lists and blocks inline, lists of blocks one item per line."""
    flow = None if isinstance(value, (list, dict)) else False
    return yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=1000).rstrip()


def practice_template(
    languages: Languages, values: dict | None = None, vocabulary: dict | None = None, lang: str | None = None
) -> str:
    """practice.yml with every field annotated REQUIRED or optional, in the editor's language
    (`lang`, the atlas's default by default); optional fields commented out. `values` fills
    fields (the scaffold's answers); the other fields show the schema's example."""
    lang = lang or languages.default
    words, values, fields = catalog.scaffold(languages, lang), values or {}, practice_fields()
    lines = [SCHEMA_LINE] + [f"# {line}" for line in words["practice_header"].splitlines()]
    for field in (f for f in fields if "." not in f.path):
        lines += ["", f"# {words['required' if field.required else 'optional']} — {field.description(lang, languages)}"]
        for sub in (f for f in fields if f.path.startswith((field.path + "[].", field.path + "."))):
            required = words["sub_required" if sub.required else "sub_optional"]
            lines.append(f"#  • {sub.path.split('.', 1)[1]}: {required} — {sub.description(lang, languages)}")
        if field.list_name and field.list_name != "cities" and vocabulary is not None:
            lines.append("#  • " + words["allowed"].format(values=", ".join(sorted(vocabulary.get(field.list_name, {})))))
        elif field.allowed:
            lines.append("#  • " + words["allowed_keys"].format(where=field.allowed))
        text = _dump(field.path, values.get(field.path, example(field.path)))
        if not field.required and field.path not in values:
            text = "\n".join("# " + line for line in text.splitlines())
        lines.append(text)
    return "\n".join(lines) + "\n"


def actor_template(
    languages: Languages,
    name: str,
    actor_type: str | None = None,
    cities: list[str] | None = None,
    reviewed: str = "",
    lang: str | None = None,
) -> str:
    """practices/actors/<key>.yml, every field and every section of the guide's profile
    annotated REQUIRED or optional from schemas/actor.schema.json, in the editor's language;
    optional ones commented out."""
    lang = lang or languages.default
    words, schema = catalog.scaffold(languages, lang), load_schema("actor")
    fields, sections = schema["properties"], schema["$defs"]["profile"]["properties"]
    # To write: in the default language, which every profile has, and the editor's; the others are
    # translations, which the translation report lists.
    todo = {code: catalog.scaffold(languages, code)["profile_todo"] for code in dict.fromkeys((languages.default, lang))}
    values = {
        "name": {languages.default: name},  # other languages only where the sources give the name in them
        "type": actor_type or "TODO-actor-type",
        "cities": cities or ["lyon"],
        "since": 2014,
        "links": [
            {
                "url": "https://www.example.org",
                "label": {code: catalog.scaffold(languages, code)["link_label"] for code in languages.codes},
            }
        ],
        "sources": [{"title": "TODO: the document's title", "publisher": "TODO: its publisher", "year": 2022}],
        "last_reviewed": reviewed,
    }
    given = {"name", "type", "sources", "last_reviewed"} | ({"cities"} if cities else set())
    lines = ["# yaml-language-server: $schema=../../schemas/actor.schema.json"] + [
        f"# {line}" for line in words["actor_header"].splitlines()
    ]
    for key, node in fields.items():
        lines += [
            "",
            f"# {words['required' if key in schema['required'] else 'optional']} — {schema_text(node, 'description', lang, languages)}",
        ]
        if key == "profile":
            lines.append("profile:")
            for section, section_node in sections.items():
                needed = section in schema["$defs"]["profile"]["required"]
                title, what = (schema_text(section_node, name, lang, languages) for name in ("title", "description"))
                lines.append(f"  # {words['required' if needed else 'optional']} — {title}: {what}")
                text = "\n".join("  " + line for line in _dump(section, todo).splitlines())
                lines.append(text if needed else "\n".join("  # " + line.strip() for line in text.splitlines()))
            continue
        text = _dump(key, values[key])
        lines.append(text if key in given else "\n".join("# " + line for line in text.splitlines()))
    return "\n".join(lines) + "\n"


def narrative_template(languages: Languages, lang: str) -> str:
    """The recommended sections, each with the hint the validator refuses until it is replaced."""
    headings = next(found for code in languages.chain(lang) if (found := catalog.headings("practices", code)))
    hint = catalog.scaffold(languages, lang)["hint"]
    return "".join(f"## {headings[key]}\n\n{hint}\n\n" for key, _ in SECTIONS["practices"]).rstrip() + "\n"
