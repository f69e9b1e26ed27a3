"""The interface's words of each language, to catch one that shows in another edition: the atlas's
interface texts (hooks/atlas/i18n/<lang>.yml), Material's (its partials/languages/<lang>.html),
the navigation's titles (mkdocs.yml) and the vocabulary's labels. A reader of the Spanish edition
must meet none of the French or English ones."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

PLACEHOLDER = re.compile(r"\{[^}]*\}")
# A text a reader would recognise as a phrase of the interface: two words or more, or one long word
# (a short word such as "City" or "Acteur" may be part of an institution's proper name).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_SINGLE_WORD = 8


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return []


def _material(lang: str) -> list[str]:
    import material

    path = Path(material.__file__).parent / "templates/partials/languages" / f"{lang}.html"
    pairs = re.findall(r'^\s*"([\w.-]+)": "([^"]*)"', path.read_text(encoding="utf-8"), re.M)
    return [text for key, text in pairs if key not in ("language", "direction") and not key.startswith("search.config")]


def _phrases(texts: list[str]) -> set[str]:
    """Each text's runs of words between its placeholders and punctuation that a reader would spot."""
    phrases = set()
    for text in texts:
        for part in re.split(r"[.:;!?¿¡()«»“”\"—–|/\n]|\{[^}]*\}", text):
            words = WORD.findall(part)
            if len(words) >= 2 or (len(words) == 1 and len(words[0]) >= MIN_SINGLE_WORD):
                phrases.add(" ".join(words))
    return phrases


@functools.cache
def interface_phrases(repo: Path, lang: str) -> frozenset[str]:
    """What the interface says in `lang`: the atlas's texts, Material's, the navigation's and the vocabulary's labels."""
    catalog = yaml.safe_load((repo / "hooks/atlas/i18n" / f"{lang}.yml").read_text(encoding="utf-8")) or {}
    texts = _strings(catalog.get("ui", {})) + _strings(catalog.get("sections", {})) + _material(lang)
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    default_nav = re.findall(r"^  - ([^:\n]+):", config, re.M) + re.findall(r"^      - ([^:\n]+):", config, re.M)
    entry = re.search(rf"^        - locale: {lang}\n((?:^          .*\n)*)", config, re.M)
    if entry and "default: true" not in entry[1]:
        texts += re.findall(r"^            [^:\n]+: (.+)$", entry[1], re.M)  # nav_translations' values
    elif entry:
        texts += default_nav
    phrases = _phrases(texts)
    # The vocabulary's labels of two words or more ("Économie circulaire"): a one-word label may be
    # part of an institution's name ("Centre d'Entrepreneuriat"), and every label is translated (test_content).
    vocabulary = yaml.safe_load((repo / "practices/vocabulary.yml").read_text(encoding="utf-8"))
    labels = [
        entry["label"][lang]
        for entries in vocabulary.values()
        if isinstance(entries, dict)
        for entry in entries.values()
        if isinstance(entry, dict) and isinstance(entry.get("label"), dict) and lang in entry["label"]
    ]
    return frozenset(phrases | {phrase for phrase in _phrases(labels) if " " in phrase})


def foreign_phrases(repo: Path, lang: str, others: list[str]) -> list[str]:
    """The other languages' interface phrases that `lang`'s interface does not also use, longest first."""
    own = interface_phrases(repo, lang)
    own_words = {word.lower() for phrase in own for word in phrase.split()}
    foreign = set()
    for other in others:
        for phrase in interface_phrases(repo, other) - own:
            words = phrase.split()
            if len(words) == 1 and words[0].lower() in own_words:  # "Description", "Actor"…
                continue
            foreign.add(phrase)
    return sorted(foreign, key=lambda phrase: (-len(phrase), phrase))


def found_in(text: str, phrases: list[str]) -> list[str]:
    """The phrases that a text contains as whole words, within one of its lines (one element's
    text: words of two elements side by side are no phrase), addresses aside (a printed URL)."""
    lines = "\n".join(" ".join(WORD.findall(line)) for line in re.sub(r"https?://\S+", " ", text).splitlines())
    return sorted(set(_pattern(tuple(phrases)).findall(lines)), key=phrases.index)


@functools.cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One expression for every phrase, the longest first (a phrase inside a longer one is the longer one)."""
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(phrase) for phrase in phrases) + r")(?!\w)")
