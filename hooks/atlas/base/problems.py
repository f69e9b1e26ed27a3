"""Problems found in the atlas data: one line each, naming file, field, value, expectation and fix."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file. `field` is a path such as ``themes[1]`` or ``actors[0].role.fr``;
    `code` names the kind of problem for machines (`validate --format json`: 'schema-enum',
    'placeholder'…), stable when the message's wording improves."""

    file: str
    field: str
    message: str
    line: int | None = None
    code: str = field(default="", compare=False)

    def __post_init__(self):
        """A file name or a value may hold control characters (a terminal escape, a NUL): the
        build's log and CI annotations show them escaped, never as they are."""
        for name in ("file", "field", "message"):
            object.__setattr__(self, name, _printable(getattr(self, name)))

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}" if self.field else f"{self.file}: {self.message}"


class AtlasDataError(Exception):
    """Raised once, after every problem has been collected, so the build stops with all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the atlas data")


def _printable(text: str) -> str:
    return "".join(f"\\x{ord(char):02x}" if unicodedata.category(char) == "Cc" else char for char in str(text))


def field_path(parts) -> str:
    """('actors', 0, 'role', 'fr') -> 'actors[0].role.fr'."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def show(value) -> str:
    """A value as the editor typed it, shortened so that one problem stays on one line."""
    text = repr(value) if isinstance(value, str) else _yaml_like(value)
    text = text.replace("\n", "\\n")
    return text if len(text) <= 80 else text[:77] + "…"


def _yaml_like(value) -> str:
    if value is None:
        return "null (empty)"
    if value is True or value is False:
        return str(value).lower()
    return repr(value)


def did_you_mean(value, candidates) -> str:
    """A suggestion for a misspelt key or code, as the start of a message ('' when nothing is close)."""
    cutoff = 0.5 if len(str(value)) <= 3 else 0.6  # 'em' is one letter from 'en'
    matches = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=cutoff)
    return f"did you mean {matches[0]!r}? " if matches else ""
