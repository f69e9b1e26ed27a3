"""Control characters: a terminal escape or a NUL in a text would reach readers' screens and the
build's log. Line breaks and tabs are the only ones a Markdown text may hold (CR only before LF)."""

from __future__ import annotations

import re
from functools import cache

TEXT_FILE_CONTROLS_ALLOWED = frozenset({"\n", "\t"})
CONTROL_CHARACTERS = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))]  # Unicode's category Cc


@cache
def _controls(allowed: frozenset) -> re.Pattern:
    """The control characters not in `allowed`; with line breaks allowed, CR only before LF."""
    refused = "".join(char for char in CONTROL_CHARACTERS if char not in allowed and not (char == "\r" and "\n" in allowed))
    return re.compile(f"[{re.escape(refused)}]" + ("|\r(?!\n)" if "\n" in allowed else ""))


def control_character(text: str, allowed=frozenset()) -> tuple[int, str] | None:
    """(index, character) of the first control character of `text` not in `allowed`."""
    found = _controls(frozenset(allowed)).search(text)
    return (found.start(), found.group()) if found else None


def describe_character(char: str) -> str:
    name = {"\n": "line break", "\r": "carriage return", "\t": "tab", "\x00": "NUL", "\x1b": "escape"}.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
