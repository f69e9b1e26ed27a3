"""The atlas's Markdown texts (the practices' narratives, the guide's texts): rendered once,
with the checks a schema cannot express.

Each text is converted by Python-Markdown, the library MkDocs uses, with the extensions of
the atlas's dialect; the checks read the element tree it produced (links, images, raw HTML
that Markdown kept as-is), and the pages publish the same HTML, so the site converts each
text once. Links to the atlas's pages (`practice:<slug>`, `term:<key>`…, hooks/atlas/crossrefs.py)
are written relative to the page that shows the text.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor

from . import crossrefs, routes
from .files import IMAGE_SUFFIXES
from .memo import Memo
from .model import Practice

# The narratives' Markdown: what editors may write (mkdocs.yml's markdown_extensions serve docs/ only).
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "toc"]
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.S)
# What Markdown itself writes; anything else in the output came from raw HTML.
ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"style"},
    "td": {"style"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
}
TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);$")
LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d+[.)])\s+\S")
SCAFFOLD_HINTS = ("À écrire : les faits de la source, avec vos mots.", "To write: the facts of the source, in your own words.")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
# A link to another practice, relative to a practice page: ../<slug>/, optionally with an anchor.
PRACTICE_LINK = re.compile(r"^\.\./([a-z0-9-]+)/?(#.*)?$")


@dataclass(frozen=True)
class RenderedNarrative:
    html: str
    toc: tuple  # Python-Markdown's toc_tokens: the page's table of contents
    problems: tuple[tuple[str, str], ...]  # (field, message)
    references: tuple[tuple[str, str, str], ...]  # (scheme, key, as written) it links to, checked once everything is loaded


class _KeepTree(Treeprocessor):
    """Keeps the finished element tree (after inline patterns and the TOC's ids) for the checks,
    and writes links to the atlas's pages relative to the page that shows the text."""

    page = ""

    def run(self, root):
        self.root = root
        self.references = {}  # id of a rewritten <a> -> (scheme, key)
        for element in root.iter("a"):
            target = crossrefs.parse(element.get("href") or "")
            if target is not None:
                self.references[id(element)] = target
                element.set("href", crossrefs.relative_href(*target, self.page))


class _Converter(threading.local):
    """One Markdown instance per thread, reset between narratives (building one costs as much as
    converting a short text)."""

    def __init__(self):
        self.md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self.tree = _KeepTree(self.md)
        self.md.treeprocessors.register(self.tree, "atlas_keep_tree", -100)


_converter = _Converter()


def _is_allowed_link(href: str) -> bool:
    if href.startswith(("https://", "mailto:", "#")):
        return True
    return ":" not in href.split("/")[0] and not href.startswith("//")


def practice_narrative(practice: Practice, lang: str) -> RenderedNarrative:
    """The rendered narrative of a practice in `lang` (which must have one): the conversion the
    checks made, from the memo."""
    return render_narrative(
        practice.narratives[lang],
        routes.narrative_file(practice.slug, lang),
        frozenset(practice.images),
        routes.practice(practice.slug),
    )


@Memo
def render_narrative(text: str, display: str, images: frozenset[str], page: str) -> RenderedNarrative:
    """The text's HTML, table of contents and problems, for the page at `page` (a language-neutral
    path). Memoised by content: the checks and the page share one conversion, and `mkdocs serve`
    re-renders only the texts that changed."""
    problems: list[tuple[str, str]] = []
    if (front_matter := FRONT_MATTER.match(text)) is not None:
        problems.append(("front matter", "the file starts with a '---' block; facts belong in practice.yml. Remove the block"))
        text = text[front_matter.end() :]  # the rest is checked as it would read without it
    problems += _glued_lists(text)
    for hint in SCAFFOLD_HINTS:
        if hint in text:
            problems.append(("placeholder", f"still holds the scaffold's line {hint!r}; write the section or remove it"))
    md = _converter.md.reset()
    _converter.tree.page = page
    html = md.convert(text)
    raw = [
        block
        for block in md.htmlStash.rawHtmlBlocks
        if str(block).lstrip().startswith("<") and not str(block).startswith("<pre><code")
    ]
    if raw:
        sample = str(raw[0]).strip().splitlines()[0]
        problems.append(("raw HTML", f"{_short(sample)} is raw HTML; write Markdown instead (HTML is not allowed in narratives)"))
    root = _converter.tree.root
    references = []
    in_practice = page.startswith(routes.PRACTICES + "/")
    anchors = [element.get("id") for element in root.iter() if element.get("id")]
    for element in root.iter():
        if element is root:
            continue
        tag, attrs = element.tag, element.attrib
        if tag == "h1":
            problems.append(
                ("heading", "has a level-1 heading ('# …'); the title comes from practice.yml. Start sections with '## '")
            )
        elif tag not in ALLOWED_TAGS and not raw:
            problems.append(("raw HTML", f"<{tag}> is raw HTML; write Markdown instead (HTML is not allowed in narratives)"))
        for name, value in attrs.items():
            allowed = name in ALLOWED_ATTRIBUTES.get(tag, set())
            if name == "style":
                allowed = allowed and bool(TABLE_ALIGN.match(value or ""))
            if not allowed and tag in ALLOWED_TAGS and not raw:
                problems.append(("raw HTML", f"attribute {name!r} on <{tag}> is raw HTML; write Markdown instead"))
        if tag == "a" and id(element) in _converter.tree.references:
            scheme, key = _converter.tree.references[id(element)]
            references.append((scheme, key, crossrefs.written(scheme, key)))
        elif tag == "a":
            href = attrs.get("href") or ""
            if href.startswith("http://"):
                problems.append(("link", f"{href!r} is not an https link; use the https address or remove the link"))
            elif not _is_allowed_link(href):
                problems.append(
                    ("link", f"{_short(href)!r} is not an allowed link; expected an https:// address or a relative link")
                )
            elif href.startswith("#") and href[1:] not in anchors:
                problems.append(
                    (
                        "link",
                        f"{_short(href)!r} is not a heading of this narrative; link one of its sections "
                        f"({', '.join('#' + anchor for anchor in anchors) or 'it has none'}) or remove the link",
                    )
                )
            elif in_practice and (linked := PRACTICE_LINK.match(href)) is not None:
                references.append(("practice", linked.group(1), href))
            elif not href.startswith(("https://", "mailto:", "#")) and href.split("#")[0] not in images:
                problems.append(
                    (
                        "link",
                        f"{_short(href)!r} is not a page of the atlas{' nor a file of this folder' if in_practice else ''}; "
                        "link a page as practice:<folder name>, lever:<key>, city:<key>, theme:<key>, step:<key> "
                        "or term:<key>, or use an https:// address",
                    )
                )
        if tag == "img":
            src = attrs.get("src") or ""
            if not (attrs.get("alt") or "").strip():
                problems.append(("image", f"{src!r} has no alt text; describe the image: ![what it shows]({src})"))
            if "/" in src or ":" in src or not src.lower().endswith(IMAGE_SUFFIXES):
                problems.append(
                    (
                        "image",
                        f"{_short(src)!r} is not an image of this folder; put a .png, .jpg or .webp file beside {display.rsplit('/', 1)[-1]} and link it by its name",
                    )
                )
            elif src not in images:
                problems.append(("image", f"{src!r} does not exist; add the file to the practice's folder or fix the name"))
    return RenderedNarrative(html, tuple(md.toc_tokens), tuple(problems), tuple(references))


def _glued_lists(text: str) -> list[tuple[str, str]]:
    """A list that follows a paragraph line directly is shown as plain text by Markdown."""
    problems, in_fence, previous = [], False, ""
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif (
            not in_fence
            and LIST_ITEM.match(line)
            and previous.strip()
            and not LIST_ITEM.match(previous)
            and not previous.startswith(("#", " ", "\t", "|", ">"))
        ):
            problems.append(
                (
                    "list",
                    f"line {number} starts a list right after a line of text, so it would show as "
                    f"plain text; add an empty line before line {number}",
                )
            )
        if not in_fence and not LIST_ITEM.match(line) and line.startswith((" ", "\t")) and previous.strip():
            pass  # an indented line continues the previous block
        else:
            previous = line if not in_fence else ""
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"
