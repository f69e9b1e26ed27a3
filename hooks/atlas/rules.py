"""Checks of values that a JSON Schema cannot express: each returns (path, message) pairs.

YAML reads `.nan` and `.inf` as numbers, `"\\e[31m"` and `"\\0"` as text, and `"   "` as a
title; the schema accepts all of them. Everything in practices/ is untrusted, so every value
is checked wherever it stands.
"""

from __future__ import annotations

import math
import unicodedata

from .problems import show

# Line breaks and tabs are the only control characters a narrative may hold (CR only before LF).
TEXT_FILE_CONTROLS_ALLOWED = {"\n", "\t"}


def control_character(text: str, allowed=frozenset()) -> tuple[int, str] | None:
    """(index, character) of the first control character of `text` not in `allowed`."""
    for index, char in enumerate(text):
        if char not in allowed and unicodedata.category(char) == "Cc":
            if char == "\r" and "\n" in allowed and text[index + 1:index + 2] == "\n":
                continue
            return index, char
    return None


def describe_character(char: str) -> str:
    name = {"\n": "line break", "\r": "carriage return", "\t": "tab", "\x00": "NUL", "\x1b": "escape"}.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def value_problems(data, path: tuple = ()):
    """(path, message) for every blank or control-character text and every number that is not
    finite, anywhere in a parsed YAML document (keys included)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield from _text_problems(key, path + (key,), "key")
            yield from value_problems(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from value_problems(value, path + (index,))
    elif isinstance(data, float) and not math.isfinite(data):
        yield path, (f"{_yaml_number(data)} is not a finite number; expected a number written out, e.g. 45.764 "
                     "(a coordinate) or 2014 (a year)")
    elif isinstance(data, str):
        yield from _text_problems(data, path, "text")


def _text_problems(text: str, path: tuple, what: str):
    found = control_character(text)
    if found is not None:
        index, char = found
        fix = ("write it on one line (a long text can use '>-' and continue on indented lines)" if char in "\r\n"
               else "remove it")
        yield path, f"{show(text)} contains a control character, {describe_character(char)}, at character {index + 1}; {fix}"
    elif text and not text.strip():
        yield path, f"{show(text)} is blank; expected some {what}. Write it or remove the field"


def _yaml_number(value: float) -> str:
    return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
