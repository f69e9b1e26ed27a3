"""The issue forms (.github/ISSUE_TEMPLATE/), generated from the practice schema, the vocabulary,
the cities and the interface's texts, never written by hand (scripts/update_forms.py): a field
of the schema, a theme or a city added is in the form at the next `make schemas`, and the
proposals' parser (tools/proposal.py) reads the issue back with the same definition."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..base import catalog
from ..base.languages import Languages, language_name
from ..base.routes import PROPOSE_FORM as PROPOSE
from ..base.routes import REPORT_FORM as REPORT
from ..check.schema import field_schema, load_schema, schema_text
from ..check.sections import SECTIONS

FORMS_DIR = ".github/ISSUE_TEMPLATE"
PROPOSAL_LABEL = "practice-proposal"  # what the workflow reacts to
REPORT_LABEL = "practice-error"
ACCEPTED_LABEL = "accepted"  # a maintainer's decision: the workflow then opens the pull request
INPUT_LIMIT, TEXT_LIMIT = 400, 20_000  # characters of one answer; GitHub caps an issue at 65,536
LINE_SEPARATOR = "|"


@dataclass(frozen=True)
class Field:
    """One question of a form: its id (the key of the URL's prefilled values), its kind, and the
    case file's field it fills (`target`, e.g. 'title.en', 'themes', 'narrative.fr.context')."""

    id: str
    kind: str  # input, textarea, dropdown, dropdown-multiple, checkboxes
    label: str
    description: str = ""
    options: tuple[str, ...] = ()
    values: tuple = ()  # what each option means in the case file, in the order of options
    required: bool = False
    target: str = ""
    placeholder: str = ""
    value: str = ""

    @property
    def limit(self) -> int:
        return INPUT_LIMIT if self.kind == "input" else TEXT_LIMIT


@dataclass(frozen=True)
class Form:
    file: str
    name: str
    description: str
    labels: tuple[str, ...]
    fields: tuple[Field, ...] = field(default_factory=tuple)
    intro: str = ""

    def by_label(self) -> dict[str, Field]:
        return {f.label: f for f in self.fields}

    def by_id(self) -> dict[str, Field]:
        return {f.id: f for f in self.fields}


def _joined(texts) -> str:
    """Texts in each of the atlas's languages, once each: 'Titre / Title / Título'."""
    return " / ".join(dict.fromkeys(text for text in texts if text))


def _each(languages: Languages, make) -> str:
    return _joined(make(lang) for lang in languages.codes)


def _lines(languages: Languages, make) -> str:
    """A help text in each language, one paragraph each (the form shows Markdown)."""
    return "\n\n".join(dict.fromkeys(text for lang in languages.codes if (text := make(lang))))


def label_of(entry: dict, languages: Languages) -> str:
    """A vocabulary entry's or city's label in the atlas's languages."""
    texts = entry.get("label") or entry.get("name") or {}
    return _each(languages, lambda lang: picked.text if (picked := languages.pick(texts, lang)) else "")


def _described(path: tuple, languages: Languages) -> str:
    return _lines(languages, lambda lang: schema_text(field_schema("practice", path), "description", lang, languages))


def _labelled(languages: Languages, name: str, lang_of_text: str | None = None) -> str:
    def one(lang):
        label = catalog.forms(languages, lang)["labels"][name]
        if lang_of_text is None:
            return label
        return catalog.forms(languages, lang)["in_language"].format(label=label, language=language_name(lang_of_text, lang))

    return _each(languages, one)


def _choices(entries: dict, languages: Languages) -> tuple[tuple[str, ...], tuple]:
    keys = list(entries)
    return tuple(label_of(entries[key], languages) for key in keys), tuple(keys)


def _per_language(languages: Languages, name: str, kind: str, path: tuple) -> list[Field]:
    return [
        Field(
            f"{name}_{lang}",
            kind,
            _labelled(languages, name, lang),
            _described(path, languages) if lang == languages.default else "",
            required=lang == languages.default and name in load_schema("practice")["required"],
            target=f"{name}.{lang}",
        )
        for lang in languages.codes
    ]


def _narratives(languages: Languages) -> list[Field]:
    fields = []
    for lang in languages.codes:
        headings = catalog.headings("practices", lang)
        for key, required in SECTIONS["practices"]:
            fields.append(
                Field(
                    f"narrative_{lang}_{key}",
                    "textarea",
                    f"{headings[key]} ({language_name(lang, lang)})",
                    _lines(
                        languages,
                        lambda reader: catalog.forms(languages, reader)["help"]["narrative"].format(
                            heading=catalog.headings("practices", lang)[key]
                        ),
                    )
                    if lang == languages.default
                    else "",
                    required=required and lang == languages.default,
                    target=f"narrative.{lang}.{key}",
                )
            )
    return fields


def proposal_form(languages: Languages, vocabulary: dict, cities: dict) -> Form:
    """Every field of a case file, in the order an editor meets them in practice.yml."""

    def words(lang):
        return catalog.forms(languages, lang)

    def help_text(name, **values):
        return _lines(languages, lambda lang: words(lang)["help"][name].format(**values))

    city_options, city_keys = _choices(cities, languages)
    other_city = _each(languages, lambda lang: words(lang)["other_city"])
    types = ", ".join(f"`{key}` ({label_of(entry, languages)})" for key, entry in vocabulary["actor_types"].items())
    fields = [
        Field(
            "language",
            "dropdown",
            _labelled(languages, "language"),
            help_text("language"),
            tuple(language_name(code, code).capitalize() for code in languages.codes),
            languages.codes,
            required=True,
            target="language",
        ),
        *_per_language(languages, "title", "input", ("title",)),
        *_per_language(languages, "summary", "textarea", ("summary",)),
        Field(
            "cities",
            "dropdown-multiple",
            _labelled(languages, "cities"),
            _described(("cities",), languages),
            (*city_options, other_city),
            (*city_keys, None),
            required=True,
            target="cities",
        ),
        Field(
            "new_city",
            "input",
            _labelled(languages, "new_city"),
            help_text("new_city", regions=", ".join(vocabulary["regions"])),
            placeholder="Dakar, SN, west-africa, 14.69, -17.44",
            target="new_city",
        ),
        Field(
            "city_role",
            "dropdown",
            _labelled(languages, "city_role"),
            _described(("city_role",), languages),
            *_choices(vocabulary["city_roles"], languages),
            required=True,
            target="city_role",
        ),
        Field(
            "city_role_note",
            "input",
            _labelled(languages, "city_role_note"),
            _described(("city_role_note",), languages),
            target=f"city_role_note.{languages.default}",
        ),
    ]
    for name in ("themes", "levers"):
        fields.append(
            Field(
                name,
                "checkboxes",
                _labelled(languages, name),
                _described((name,), languages),
                *_choices(vocabulary[name], languages),
                target=name,
            )
        )
    fields += [
        Field(
            "actors",
            "textarea",
            _labelled(languages, "actors"),
            _described(("actors",), languages) + "\n\n" + help_text("actors", types=types),
            required=True,
            target="actors",
            placeholder="Métropole de Lyon | public | cofondatrice",
        ),
        Field(
            "status",
            "dropdown",
            _labelled(languages, "status"),
            _described(("status",), languages),
            *_choices(vocabulary["statuses"], languages),
            required=True,
            target="status",
        ),
        Field(
            "start_year", "input", _labelled(languages, "start_year"), _described(("start_year",), languages), target="start_year"
        ),
        Field("end_year", "input", _labelled(languages, "end_year"), _described(("end_year",), languages), target="end_year"),
        Field(
            "sdgs",
            "checkboxes",
            _labelled(languages, "sdgs"),
            _described(("sdgs",), languages),
            tuple(f"{key}. {label_of(entry, languages)}" for key, entry in vocabulary["sdgs"].items()),
            tuple(int(key) for key in vocabulary["sdgs"]),
            target="sdgs",
        ),
        Field(
            "sources",
            "textarea",
            _labelled(languages, "sources"),
            _described(("sources",), languages) + "\n\n" + help_text("sources"),
            required=True,
            target="sources",
            placeholder="Guide de l'innovation municipale | AIMF | 2022 | https://www.aimf.asso.fr/",
        ),
        *_narratives(languages),
        Field(
            "consent",
            "checkboxes",
            _labelled(languages, "consent"),
            options=(help_text("consent").replace("\n\n", " / "),),
            values=(True,),
            required=True,
            target="consent",
        ),
    ]
    return Form(
        PROPOSE,
        _each(languages, lambda lang: words(lang)["propose_name"]),
        _each(languages, lambda lang: words(lang)["propose_description"]),
        (PROPOSAL_LABEL,),
        tuple(fields),
        _lines(languages, lambda lang: words(lang)["propose_intro"]),
    )


def report_form(languages: Languages) -> Form:
    """The practice (its slug, filled in by the link on its page), what is wrong, and the source."""

    def help_text(name):
        return _lines(languages, lambda lang: catalog.forms(languages, lang)["help"][name])

    fields = (
        Field("practice", "input", _labelled(languages, "practice"), help_text("practice"), required=True, target="practice"),
        Field("problem", "textarea", _labelled(languages, "problem"), help_text("problem"), required=True, target="problem"),
        Field("source", "textarea", _labelled(languages, "source"), help_text("source"), required=True, target="source"),
    )
    return Form(
        REPORT,
        _each(languages, lambda lang: catalog.forms(languages, lang)["report_name"]),
        _each(languages, lambda lang: catalog.forms(languages, lang)["report_description"]),
        (REPORT_LABEL,),
        fields,
    )


def _body_item(item: Field) -> dict:
    attributes: dict = {"label": item.label}
    if item.description:
        attributes["description"] = item.description
    if item.kind == "checkboxes":
        attributes["options"] = [{"label": option} | ({"required": True} if item.required else {}) for option in item.options]
    elif item.kind.startswith("dropdown"):
        attributes["options"] = list(item.options)
        attributes["multiple"] = item.kind == "dropdown-multiple"
        if item.id == "language":
            attributes["default"] = 0
    for name in ("placeholder", "value"):
        if getattr(item, name):
            attributes[name] = getattr(item, name)
    entry = {"type": item.kind.split("-")[0], "id": item.id, "attributes": attributes}
    if item.kind != "checkboxes":
        entry["validations"] = {"required": item.required}
    return entry


def form_yaml(form: Form) -> str:
    """The form as GitHub reads it (its issue-forms schema: check-jsonschema's vendor.github-issue-forms)."""
    body = ([{"type": "markdown", "attributes": {"value": form.intro}}] if form.intro else []) + [
        _body_item(item) for item in form.fields
    ]
    document = {"name": form.name, "description": form.description, "labels": list(form.labels), "body": body}
    header = "# Generated by scripts/update_forms.py from the schema, the vocabulary and the cities: do not edit.\n"
    return header + yaml.dump(document, Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=1000)


class _FormDumper(yaml.SafeDumper):
    """Help texts of several paragraphs as YAML blocks (|), as a person would write them."""


_FormDumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def forms(languages: Languages, vocabulary: dict, cities: dict) -> list[Form]:
    return [proposal_form(languages, vocabulary, cities), report_form(languages)]
