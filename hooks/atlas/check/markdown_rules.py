"""The content rules of the atlas's Markdown texts (narratives, the guide's texts, profiles):
what a schema cannot say. Each reads one rendered text (narrative.MarkdownText) and yields
(field, message) pairs; the registry (registry.py) lists them."""

from __future__ import annotations

import re

from ..base import catalog
from ..read.files import IMAGE_SUFFIXES

# What Markdown itself writes; anything else in the output came from raw HTML.
ALLOWED_TAGS = {
    *("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong", "code", "pre"),
    *("blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"),
}
HEADING_IDS = {f"h{level}": {"id"} for level in range(2, 7)}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"style"}, "td": {"style"}, **HEADING_IDS}
TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);$")
LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d+[.)])\s+\S")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
PRACTICE_LINK = re.compile(r"^\.\./([a-z0-9-]+)/?(#.*)?$")
LINK_FORMS = "practice:<folder name>, lever:<key>, city:<key>, theme:<key>, step:<key> or term:<key>"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def front_matter(text, context):
    if text.front_matter:
        yield "front matter", "the file starts with a '---' block; facts belong in practice.yml. Remove the block"


def glued_lists(text, context):
    """A list that follows a paragraph line directly is shown as plain text by Markdown."""
    in_fence, previous = False, ""
    for number, line in enumerate(text.body.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and LIST_ITEM.match(line) and _ends_a_paragraph(previous):
            yield (
                "list",
                f"line {number} starts a list right after a line of text, so it would show as "
                f"plain text; add an empty line before line {number}",
            )
        indented_continuation = not in_fence and not LIST_ITEM.match(line) and line.startswith((" ", "\t")) and previous.strip()
        if not indented_continuation:  # an indented line continues the previous block
            previous = line if not in_fence else ""


def _ends_a_paragraph(line: str) -> bool:
    return bool(line.strip()) and not LIST_ITEM.match(line) and not line.startswith(("#", " ", "\t", "|", ">"))


def scaffold_hints(text, context):
    for hint in catalog.all_scaffold_hints():
        if hint in text.body:
            yield "placeholder", f"still holds the scaffold's line {hint!r}; write the section or remove it"


def raw_html(text, context):
    """No raw HTML: pages must stay safe and consistent whoever edits them."""
    raw = [block for block in text.raw_html if block.lstrip().startswith("<") and not block.startswith("<pre><code")]
    if raw:
        sample = raw[0].strip().splitlines()[0]
        yield "raw HTML", f"{_short(sample)} is raw HTML; write Markdown instead (HTML is not allowed in narratives)"
        return
    for element in text.root.iter():
        if element is text.root or element.tag == "h1":  # a level-1 heading has its own rule
            continue
        if element.tag not in ALLOWED_TAGS:
            yield "raw HTML", f"<{element.tag}> is raw HTML; write Markdown instead (HTML is not allowed in narratives)"
            continue
        for name, value in element.attrib.items():
            allowed = name in ALLOWED_ATTRIBUTES.get(element.tag, set())
            if allowed and name == "style":
                allowed = bool(TABLE_ALIGN.match(value or ""))
            if not allowed:
                yield "raw HTML", f"attribute {name!r} on <{element.tag}> is raw HTML; write Markdown instead"


def level_one_headings(text, context):
    for _ in text.root.iter("h1"):
        yield "heading", "has a level-1 heading ('# …'); the title comes from practice.yml. Start sections with '## '"


def links(text, context):
    """Links go to https:// addresses, a section of the text, another practice, a file of the
    folder or a page of the atlas (scheme:<key>, checked once everything is loaded)."""
    for element in text.root.iter("a"):
        if id(element) not in text.crossrefs:
            yield from _link_problems(element.get("href") or "", text)


def _link_problems(href: str, text):
    if href.startswith("http://"):
        yield "link", f"{href!r} is not an https link; use the https address or remove the link"
    elif not _is_allowed(href):
        yield "link", f"{_short(href)!r} is not an allowed link; expected an https:// address or a relative link"
    elif href.startswith("#") and href[1:] not in text.anchors:
        sections = ", ".join("#" + anchor for anchor in text.anchors) or "it has none"
        yield (
            "link",
            f"{_short(href)!r} is not a heading of this narrative; link one of its sections ({sections}) or remove the link",
        )
    elif text.in_practice and PRACTICE_LINK.match(href):
        return  # another practice: a reference, checked with the others
    elif not href.startswith(("https://", "mailto:", "#")) and href.split("#")[0] not in text.images:
        folder = " nor a file of this folder" if text.in_practice else ""
        yield (
            "link",
            f"{_short(href)!r} is not a page of the atlas{folder}; link a page as {LINK_FORMS}, or use an https:// address",
        )


def _is_allowed(href: str) -> bool:
    if href.startswith(("https://", "mailto:", "#")):
        return True
    return ":" not in href.split("/")[0] and not href.startswith("//")


def images(text, context):
    """An image is a file of the folder, with alt text."""
    for element in text.root.iter("img"):
        src = element.get("src") or ""
        if not (element.get("alt") or "").strip():
            yield "image", f"{src!r} has no alt text; describe the image: ![what it shows]({src})"
        if "/" in src or ":" in src or not src.lower().endswith(IMAGE_SUFFIXES):
            beside = text.display.rsplit("/", 1)[-1]
            yield (
                "image",
                f"{_short(src)!r} is not an image of this folder; put a .png, .jpg or .webp file beside {beside} and link it by its name",
            )
        elif src not in text.images:
            yield "image", f"{src!r} does not exist; add the file to the practice's folder or fix the name"


RULES = tuple(
    (check, "markdown", ()) for check in (front_matter, glued_lists, scaffold_hints, raw_html, level_one_headings, links, images)
)
