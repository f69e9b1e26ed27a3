"""jsonschema's errors, worded for editors: one line that names the value, says what was
expected and how to fix it, with a suggestion where a key is misspelt. One function per kind
of error; what a field holds comes from its schema's description (the one definition)."""

from __future__ import annotations

from ..base.facets import LISTS
from ..base.problems import did_you_mean, show

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a block of fields",
    "boolean": "true or false",
}


def message(error, field_schema) -> tuple[tuple, str]:
    """(path, message) for one jsonschema error; `field_schema(path)` is the schema of a field of the file."""
    path = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:  # a key is wrong: name it as the field
        path += (error.instance,)
    wording = WORDINGS.get(error.validator, _other)
    return wording(error, path, field_schema)


def _type_name(expected) -> str:
    if isinstance(expected, list):
        return " or ".join(TYPE_NAMES.get(t, t) for t in expected)
    return TYPE_NAMES.get(expected, expected)


def _json_type(value) -> str:
    for python_type, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array")):
        if isinstance(value, python_type):
            return name
    return "object" if isinstance(value, dict) else "null (empty)"


def _describe(error) -> str:
    """What the schema expects at this place, from its description where there is one."""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    parent = error.parent
    while description is None and parent is not None:
        description = parent.schema.get("description")
        parent = parent.parent
    return description or ""


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:].rstrip(".")


def _required(error, path, field_schema):
    missing = next(name for name in error.validator_value if name not in error.instance)
    sub = error.schema.get("properties", {}).get(missing) or field_schema(path + (missing,))
    what = sub.get("description") or ""
    return path + (missing,), f"is missing; expected {_lowered(what) or 'a value'}. Add it"


def _dependent_required(error, path, field_schema):
    value = error.instance
    present = next(name for name, needs in error.validator_value.items() if name in value and any(n not in value for n in needs))
    missing = next(n for n in error.validator_value[present] if n not in value)
    return path + (missing,), f"is missing; it is required when {present} is given. Add it or remove {present}"


def _additional_properties(error, path, field_schema):
    allowed = list(error.schema.get("properties", {}))
    extra = next(k for k in error.instance if k not in allowed)
    return path + (extra,), (
        f"{show(extra)} is not a known field; {did_you_mean(extra, allowed)}allowed here: {', '.join(allowed)}. "
        "Fix its name or remove it"
    )


def _type(error, path, field_schema):
    return (
        path,
        f"{show(error.instance)} is {_type_name(_json_type(error.instance))}; expected {_type_name(error.validator_value)}",
    )


def _pattern(error, path, field_schema):
    """The schema says what the form is (x-pattern-error), next to the pattern."""
    wording = error.schema.get("x-pattern-error")
    if wording:
        return path, f"{show(error.instance)} {wording}"
    return path, f"{show(error.instance)} does not match the expected form {error.validator_value}"


def _range(error, path, field_schema):
    bound = "at least" if error.validator == "minimum" else "at most"
    what = _describe(error)
    return path, f"{show(error.instance)} is out of range; expected {bound} {error.validator_value}" + (
        f" ({what.rstrip('.')})" if what else ""
    )


def _max_length(error, path, field_schema):
    return path, f"is {len(error.instance)} characters long; expected at most {error.validator_value}. Shorten it"


def _min_length(error, path, field_schema):
    return path, "is empty; expected some text. Write it or remove the field"


def _min_items(error, path, field_schema):
    what = _lowered(_describe(error))
    return path, f"has {len(error.instance)} item(s); expected at least {error.validator_value}: {what}. Add one"


def _min_properties(error, path, field_schema):
    return path, "is empty; expected at least one entry. Add one or remove the field"


def _unique_items(error, path, field_schema):
    value = error.instance
    dupe = next(item for index, item in enumerate(value) if item in value[:index])  # items may be lists or blocks
    return path, f"lists {show(dupe)} more than once; remove the repeated item"


def _enum(error, path, field_schema):
    value, allowed, list_name = error.instance, error.validator_value, error.schema.get("x-atlas-list")
    suggestion = did_you_mean(value, allowed)
    if list_name == "actors":
        return path, (
            f"{show(value)} is not an actor with a profile; {suggestion}"
            "give the key of a file of practices/actors/, or name the actor with name and type instead"
        )
    if list_name == "cities":
        return path, (
            f"{show(value)} is not a city of practices/cities.yml; {suggestion}add the city to practices/cities.yml or fix the key"
        )
    if list_name in LISTS:
        one, several = LISTS[list_name].one, LISTS[list_name].several
        article = "an" if one[0] in "aeiou" else "a"
        return path, (
            f"{show(value)} is not {article} {one}; {suggestion}known {several}: {', '.join(allowed)} (see practices/vocabulary.yml)"
        )
    return path, f"{show(value)} is not allowed; expected one of: {', '.join(map(str, allowed))}"


def _one_of(error, path, field_schema):
    """A value of none of the types a field may have (a name: text, or a text in each language)."""
    expected = [branch.get("type") or ("object" if "$ref" in branch else None) for branch in error.validator_value]
    return (
        path,
        f"{show(error.instance)} is {_type_name(_json_type(error.instance))}; expected {_type_name([t for t in expected if t])}",
    )


def _other(error, path, field_schema):
    return path, f"{show(error.instance)}: {error.message}"


WORDINGS = {
    "required": _required,
    "dependentRequired": _dependent_required,
    "additionalProperties": _additional_properties,
    "type": _type,
    "pattern": _pattern,
    "minimum": _range,
    "maximum": _range,
    "maxLength": _max_length,
    "minLength": _min_length,
    "minItems": _min_items,
    "minProperties": _min_properties,
    "uniqueItems": _unique_items,
    "enum": _enum,
    "oneOf": _one_of,
    "anyOf": _one_of,
}
