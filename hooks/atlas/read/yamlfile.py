"""Read the editors' YAML files strictly and safely.

PyYAML's defaults surprise editors: ``country: NO`` becomes ``False``, dates become
``datetime.date`` objects, ``1:`` is a key other than ``"1":``, a repeated key silently
wins over the first one, tags turn text into any object, and a few lines of anchors and
aliases can expand into billions of nodes. This loader reads YAML 1.2 booleans only,
keeps dates and keys as text, refuses duplicate keys and tags, caps the expanded size, and
remembers the line of every field for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..base.problems import Problem
from .characters import TEXT_FILE_CONTROLS_ALLOWED, control_character, describe_character
from .files import read_bytes

MAX_FILE_BYTES = 1_000_000
MAX_EXPANDED_NODES = 100_000


@dataclass
class YamlDocument:
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int | None:
        """Line of the field at `path`, or of its closest parent that exists."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


class YamlError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when installed: ~10× faster) with YAML 1.2 booleans, no implicit
    timestamps, and keys read as the text they are written as (`1:` is the key "1", as `"1":`)."""

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)  # merge keys (<<)
        return {
            key_node.value
            if isinstance(key_node, yaml.ScalarNode)
            else self.construct_object(key_node, deep=deep): self.construct_object(value_node, deep=deep)
            for key_node, value_node in node.value
        }


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _count_expanded(node: yaml.Node, memo: dict[int, int]) -> int:
    """Number of nodes once aliases are expanded; memoised, so linear in the document's size."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = MAX_EXPANDED_NODES + 1  # a node that contains itself expands without end
    if isinstance(node, yaml.MappingNode):
        total = 1 + sum(_count_expanded(k, memo) + _count_expanded(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        total = 1 + sum(_count_expanded(item, memo) for item in node.value)
    else:
        total = 1
    memo[key] = min(total, MAX_EXPANDED_NODES + 1)
    return memo[key]


def _explicit_tag(node: yaml.Node, loader) -> str | None:
    """The tag written in the file (`!!float`, `!!binary`, `!something`), if any: a tag turns
    text into other Python objects, and the atlas reads only text, numbers, lists and blocks."""
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # None (PyYAML) or "" (libyaml) for a plain scalar
        implicit = loader.resolve(yaml.ScalarNode, node.value, (plain, not plain))
    else:
        implicit = loader.resolve(type(node), None, (True, False))
    return None if node.tag == implicit else node.tag


def _index_lines(node: yaml.Node, path: tuple, lines: dict, seen: set, loader) -> None:
    """Record the line of every field; refuse duplicate keys, keys that are not plain values and explicit tags."""
    lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:
        return
    seen.add(id(node))
    tag = _explicit_tag(node, loader)
    if tag is not None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlError(
            f"has the tag {shown!r} at line {node.start_mark.line + 1}; write the value without a tag "
            "(the atlas reads text, numbers, lists and blocks of fields)",
            node.start_mark.line + 1,
        )
    if isinstance(node, yaml.MappingNode):
        keys: dict = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(f"has a key at line {line} that is a list or a block; a key is a word such as 'title'", line)
            key = key_node.value
            if key in keys:
                raise YamlError(
                    f"key {key!r} appears twice (lines {keys[key]} and {line}) in the same block; keep one of them", line
                )
            keys[key] = line
            _index_lines(key_node, path + (key,), {}, seen, loader)
            _index_lines(value_node, path + (key,), lines, seen, loader)
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), lines, seen, loader)


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raise YamlError with a one-line explanation."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None)
        if _count_expanded(node, {}) > MAX_EXPANDED_NODES:
            raise YamlError(
                f"the file expands to more than {MAX_EXPANDED_NODES:,} values through anchors and aliases "
                "(& and *); write the values out instead"
            )
        lines: dict = {}
        _index_lines(node, (), lines, set(), loader)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        where = f" at line {line}, column {mark.column + 1}" if mark else ""
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise YamlError(f"is not valid YAML: {problem}{where}; check the indentation and quoting there", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"is not valid YAML: {error}".replace("\n", " ")) from None
    except RecursionError:
        raise YamlError("is nested too deeply to be read; simplify its structure") from None
    except ValueError:  # Python reads no integer of more than 4,300 digits
        raise YamlError("has a number too long to be read; write a usual number, or quote the value to make it text") from None
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file (a regular file, never through a link), or say why it cannot be read.
    Line breaks and tabs are its only control characters: a terminal escape or a NUL in a
    page's text would reach readers' screens and the build's log."""
    raw, problems = read_bytes(path, display, MAX_FILE_BYTES)
    if raw is None:
        return None, problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                display,
                "",
                f"is not UTF-8 (byte {raw[error.start]:#04x} at line {line}); save the file with UTF-8 encoding",
                line,
                code="not-utf8",
            )
        ]
    text = text.removeprefix("\ufeff")
    found = control_character(text, TEXT_FILE_CONTROLS_ALLOWED)
    if found is not None:
        index, char = found
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return None, [
            Problem(
                display,
                "",
                f"has a control character, {describe_character(char)}, at line {line}, column "
                f"{column}; remove it (line breaks and tabs are the only ones allowed)",
                line,
                code="control-character",
            )
        ]
    return text, []


def load_yaml_file(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    try:
        return parse_yaml(text), []
    except YamlError as error:
        return None, [Problem(display, "", error.message, error.line, code="yaml-syntax")]
