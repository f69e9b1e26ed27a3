"""Checks on the Markdown narratives (fr.md, en.md) that a schema cannot express.

The narrative is rendered with Python-Markdown, the library MkDocs uses, and the
checks read what it produced: raw HTML that Markdown kept as-is, links and images.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown

# Must match the Markdown extensions of mkdocs.yml that change what is parsed.
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "toc"]
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.S)
# What Markdown itself writes; anything else in the output came from raw HTML.
ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong", "code", "pre",
    "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"style"}, "td": {"style"},
                      "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"}}
TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);$")
LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d+[.)])\s+\S")
SCAFFOLD_HINTS = ("À écrire : les faits de la source, avec vos mots.", "To write: the facts of the source, in your own words.")
FENCE = re.compile(r"^ {0,3}(```|~~~)")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _is_allowed_link(href: str) -> bool:
    if href.startswith(("https://", "mailto:", "#")):
        return True
    return ":" not in href.split("/")[0] and not href.startswith("//")


def narrative_problems(text: str, display: str, images: set[str]) -> list[tuple[str, str]]:
    """(field, message) for each problem of one narrative; `images` are the image files beside it."""
    return list(_narrative_problems(text, display, frozenset(images)))


@lru_cache(maxsize=8192)
def _narrative_problems(text: str, display: str, images: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Memoised: `mkdocs serve` re-checks only the narratives that changed."""
    problems: list[tuple[str, str]] = []
    if FRONT_MATTER.match(text):
        problems.append(("front matter", "the file starts with a '---' block; facts belong in practice.yml. Remove the block"))
    problems += _glued_lists(text)
    for hint in SCAFFOLD_HINTS:
        if hint in text:
            problems.append(("placeholder", f"still holds the scaffold's line {hint!r}; write the section or remove it"))
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    html = md.convert(text)
    raw = [block for block in md.htmlStash.rawHtmlBlocks if str(block).lstrip().startswith("<")
           and not str(block).startswith("<pre><code")]
    if raw:
        sample = str(raw[0]).strip().splitlines()[0]
        problems.append(("raw HTML", f"{_short(sample)} is raw HTML; write Markdown instead (HTML is not allowed in narratives)"))
    collector = _Collector()
    collector.feed(html)
    for tag, attrs in collector.tags:
        if tag == "h1":
            problems.append(("heading", "has a level-1 heading ('# …'); the title comes from practice.yml. Start sections with '## '"))
        elif tag not in ALLOWED_TAGS:
            if not raw:
                problems.append(("raw HTML", f"<{tag}> is raw HTML; write Markdown instead (HTML is not allowed in narratives)"))
        for name, value in attrs.items():
            allowed = name in ALLOWED_ATTRIBUTES.get(tag, set())
            if name == "style":
                allowed = allowed and bool(TABLE_ALIGN.match(value or ""))
            if not allowed and tag in ALLOWED_TAGS and not raw:
                problems.append(("raw HTML", f"attribute {name!r} on <{tag}> is raw HTML; write Markdown instead"))
        if tag == "a":
            href = attrs.get("href") or ""
            if href.startswith("http://"):
                problems.append(("link", f"{href!r} is not an https link; use the https address or remove the link"))
            elif not _is_allowed_link(href):
                problems.append(("link", f"{_short(href)!r} is not an allowed link; expected an https:// address or a relative link"))
        if tag == "img":
            src = attrs.get("src") or ""
            if not (attrs.get("alt") or "").strip():
                problems.append(("image", f"{src!r} has no alt text; describe the image: ![what it shows]({src})"))
            if "/" in src or ":" in src or not src.lower().endswith(IMAGE_SUFFIXES):
                problems.append(("image", f"{_short(src)!r} is not an image of this folder; put a .png, .jpg or .webp file beside {display.rsplit('/', 1)[-1]} and link it by its name"))
            elif src not in images:
                problems.append(("image", f"{src!r} does not exist; add the file to the practice's folder or fix the name"))
    return tuple(problems)


def _glued_lists(text: str) -> list[tuple[str, str]]:
    """A list that follows a paragraph line directly is shown as plain text by Markdown."""
    problems, in_fence, previous = [], False, ""
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous) \
                and not previous.startswith(("#", " ", "\t", "|", ">")):
            problems.append(("list", f"line {number} starts a list right after a line of text, so it would show as "
                                     f"plain text; add an empty line before line {number}"))
        if not in_fence and not LIST_ITEM.match(line) and line.startswith((" ", "\t")) and previous.strip():
            pass  # an indented line continues the previous block
        else:
            previous = line if not in_fence else ""
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"
