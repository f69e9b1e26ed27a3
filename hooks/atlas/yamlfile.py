"""Read the editors' YAML files strictly and safely.

PyYAML's defaults surprise editors: ``country: NO`` becomes ``False``, dates become
``datetime.date`` objects, a repeated key silently wins over the first one, and a
few lines of anchors and aliases can expand into billions of nodes. This loader
reads YAML 1.2 booleans only, keeps dates as text, refuses duplicate keys, caps
the expanded size, and remembers the line of every field for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

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
    """SafeLoader (libyaml's when installed: ~10× faster) with YAML 1.2 booleans and no implicit timestamps."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


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


def _index_lines(node: yaml.Node, path: tuple, lines: dict, seen: set) -> None:
    """Record the line of every field and refuse duplicate keys."""
    lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:int":
                key = int(key)
            if key in keys:
                raise YamlError(
                    f"key {key!r} appears twice (lines {keys[key]} and {key_node.start_mark.line + 1}) "
                    "in the same block; keep one of them",
                    key_node.start_mark.line + 1,
                )
            keys[key] = key_node.start_mark.line + 1
            _index_lines(value_node, path + (key,), lines, seen)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), lines, seen)


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
        _index_lines(node, (), lines, set())
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
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file, or say why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(display, "", f"is {size:,} bytes; expected at most {MAX_FILE_BYTES:,}. Split or shorten it")]
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(display, "", f"cannot be read ({error.strerror}); check that it is a readable file")]
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
            )
        ]
    return text.removeprefix("\ufeff"), []


def load_yaml_file(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    try:
        return parse_yaml(text), []
    except YamlError as error:
        return None, [Problem(display, "", error.message, error.line)]



