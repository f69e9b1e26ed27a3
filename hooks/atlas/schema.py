"""Validate data against the JSON Schemas in ``schemas/`` and word each error for an editor.

The schemas are the single definition of the files' shape; this module only turns
jsonschema's errors into one-line messages that say what was expected and how to fix it.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .problems import Problem, field_path, show

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_FILES = {"practice": "practice.schema.json", "cities": "cities.schema.json", "vocabulary": "vocabulary.schema.json"}


@cache
def load_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


@cache
def _validator(kind: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (name, Resource.from_contents(load_schema(k))) for k, name in SCHEMA_FILES.items()
    )
    return Draft202012Validator(load_schema(kind), registry=registry)


def _defs() -> dict:
    return load_schema("practice")["$defs"]


def did_you_mean(value, candidates) -> str:
    cutoff = 0.5 if len(str(value)) <= 3 else 0.6  # 'em' is one letter from 'en'
    matches = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=cutoff)
    return f"did you mean {matches[0]!r}? " if matches else ""


def _type_name(expected) -> str:
    names = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
             "object": "a block of fields", "boolean": "true or false"}
    if isinstance(expected, list):
        return " or ".join(names.get(t, t) for t in expected)
    return names.get(expected, expected)


def _describe(error) -> str:
    """What the schema expects at this place, from its description where there is one."""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    parent = error.parent
    while description is None and parent is not None:
        description = parent.schema.get("description")
        parent = parent.parent
    return description or ""


def _message(error) -> tuple[tuple, str]:
    """(path, message) for one jsonschema error."""
    path = tuple(error.absolute_path)
    value = error.instance
    kind = error.validator
    defs = _defs()
    if "propertyNames" in error.absolute_schema_path:  # a key is wrong: name it as the field
        path += (value,)
        if kind == "pattern" and error.validator_value == "^([1-9]|1[0-7])$":
            return path, f"{show(value)} is not a goal number; expected 1 to 17"
        if kind == "pattern" and error.validator_value.startswith("^[a-z]{2,3}"):
            return path, f"{show(value)} is not a language code; expected a code such as fr or en"
    if kind == "required":
        missing = next(name for name in error.validator_value if name not in value)
        sub = error.schema.get("properties", {}).get(missing, {})
        what = sub.get("description") or ("the French text (French is always required)" if missing == "fr" else "")
        what = what[:1].lower() + what[1:].rstrip(".")
        return path + (missing,), f"is missing; expected {what or 'a value'}. Add it"
    if kind == "dependentRequired":
        present = next(name for name, needs in error.validator_value.items() if name in value and any(n not in value for n in needs))
        missing = next(n for n in error.validator_value[present] if n not in value)
        return path + (missing,), f"is missing; it is required when {present} is given. Add it or remove {present}"
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        extra = extras[0]
        return path + (extra,), (
            f"{show(extra)} is not a known field; {did_you_mean(extra, allowed)}"
            f"allowed here: {', '.join(allowed)}. Fix its name or remove it"
        )
    if kind == "type":
        return path, f"{show(value)} is {_type_name(_json_type(value))}; expected {_type_name(error.validator_value)}"
    if kind == "pattern":
        pattern = error.validator_value
        if pattern == defs["key"]["pattern"]:
            return path, f"{show(value)} is not a valid key; expected lowercase ASCII letters, digits and hyphens, e.g. 'lyon-centsept'"
        if pattern == defs["https_url"]["pattern"]:
            return path, f"{show(value)} is not an https link; expected an address starting with https://. Use the https address or remove it"
        if pattern == defs["date"]["pattern"]:
            return path, f"{show(value)} is not a date; expected YYYY-MM-DD, e.g. 2026-11-21"
        if pattern == "^[A-Z]{2}$":
            return path, f"{show(value)} is not a country code; expected an ISO 3166-1 alpha-2 code in capitals, e.g. FR, CI, KH"
        return path, f"{show(value)} does not match the expected form {pattern}"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        what = _describe(error)
        return path, f"{show(value)} is out of range; expected {bound} {error.validator_value}" + (f" ({what.rstrip('.')})" if what else "")
    if kind == "maxLength":
        return path, f"is {len(value)} characters long; expected at most {error.validator_value}. Shorten it"
    if kind == "minLength":
        return path, "is empty; expected some text. Write it or remove the field"
    if kind == "minItems":
        what = _describe(error)
        what = what[:1].lower() + what[1:].rstrip(".")
        return path, f"has {len(value)} item(s); expected at least {error.validator_value}: {what}. Add one"
    if kind == "minProperties":
        return path, "is empty; expected at least one entry. Add one or remove the field"
    if kind == "uniqueItems":
        seen, dupe = set(), None
        for item in value:
            if item in seen:
                dupe = item
                break
            seen.add(item)
        return path, f"lists {show(dupe)} more than once; remove the repeated item"
    if kind == "enum":
        return path, f"{show(value)} is not allowed; expected one of: {', '.join(map(str, error.validator_value))}"
    return path, f"{show(value)}: {error.message}"


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null (empty)"


def schema_problems(kind: str, data, display: str, line_of) -> list[Problem]:
    """Every schema error of `data`, as problems."""
    problems = []
    for error in _validator(kind).iter_errors(data):
        for leaf in _leaves(error):
            path, message = _message(leaf)
            problems.append(Problem(display, field_path(path), message, line_of(path)))
    return problems


def _leaves(error):
    """The most specific errors: a `$ref` reports its own, a combined schema its sub-errors."""
    if error.context:
        for sub in error.context:
            yield from _leaves(sub)
    else:
        yield error
