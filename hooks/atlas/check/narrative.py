"""The atlas's Markdown texts (the practices' narratives, the guide's texts, the actors'
profiles): rendered once, and checked by the registry's Markdown rules (markdown_rules.py).

Each text is converted by Python-Markdown, the library MkDocs uses, with the extensions of
the atlas's dialect; the rules read the element tree it produced (links, images, raw HTML
that Markdown kept as-is), and the pages publish the same HTML, so the site converts each
text once. Links to the atlas's pages (`practice:<slug>`, `term:<key>`…, crossrefs.py) are
written relative to the page that shows the text.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from ..base import routes
from ..base.memo import Memo
from . import crossrefs, registry

# The narratives' Markdown: what editors may write (mkdocs.yml's markdown_extensions serve docs/ only).
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "toc"]
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.S)
# A link to another practice, relative to a practice page: ../<slug>/, optionally with an anchor.
PRACTICE_LINK = re.compile(r"^\.\./([a-z0-9-]+)/?(#.*)?$")
STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")  # where Python-Markdown keeps raw HTML and entities out of the tree
TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class RenderedNarrative:
    html: str
    toc: tuple  # Python-Markdown's toc_tokens: the page's table of contents
    headings: tuple[str, ...]  # its `## ` headings, as plain text
    problems: tuple[tuple[str, str], ...]  # (field, message)
    references: tuple[tuple[str, str, str], ...]  # (scheme, key, as written) it links to, checked once everything is loaded


@dataclass
class MarkdownText:
    """What the Markdown rules read of one text."""

    display: str  # its file, as problems name it
    page: str  # the page that shows it (language-neutral)
    images: frozenset[str]  # the image files beside it
    body: str  # the text, without a front matter block
    front_matter: bool
    root: Element  # the element tree Python-Markdown made
    raw_html: list[str]  # the blocks of raw HTML Markdown kept as they are
    crossrefs: dict[int, tuple[str, str]] = field(default_factory=dict)  # id of an <a> -> (scheme, key)

    @property
    def in_practice(self) -> bool:
        return self.page.startswith(routes.PRACTICES + "/")

    @property
    def anchors(self) -> list[str]:
        return [element.get("id") for element in self.root.iter() if element.get("id")]


class _KeepTree(Treeprocessor):
    """Keeps the finished element tree (after inline patterns and the TOC's ids) for the rules,
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
    """One Markdown instance per thread, reset between texts (building one costs as much as
    converting a short text)."""

    def __init__(self):
        self.md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self.tree = _KeepTree(self.md)
        self.md.treeprocessors.register(self.tree, "atlas_keep_tree", -100)


_converter = _Converter()


@Memo
def render_narrative(text: str, display: str, images: frozenset[str], page: str) -> RenderedNarrative:
    """The text's HTML, table of contents and problems, for the page at `page` (a language-neutral
    path). Memoised by content: the checks and the page share one conversion, and `mkdocs serve`
    re-renders only the texts that changed."""
    front_matter = FRONT_MATTER.match(text)
    body = text[front_matter.end() :] if front_matter else text  # the rest is checked as it would read without it
    md = _converter.md.reset()
    _converter.tree.page = page
    html = md.convert(body)
    subject = MarkdownText(
        display,
        page,
        images,
        body,
        front_matter is not None,
        _converter.tree.root,
        [str(block) for block in md.htmlStash.rawHtmlBlocks],
        _converter.tree.references,
    )
    return RenderedNarrative(
        html,
        tuple(md.toc_tokens),
        tuple(_text(element, md) for element in subject.root.iter("h2")),
        tuple(registry.run("markdown", "", subject, None)),
        tuple(_references(subject)),
    )


def _text(element: Element, md: markdown.Markdown) -> str:
    """An element's text as a reader sees it (what Python-Markdown kept aside put back, without tags)."""
    stash = md.htmlStash.rawHtmlBlocks
    return STASHED.sub(lambda found: TAG.sub("", str(stash[int(found[1])])), "".join(element.itertext()))


def _references(subject: MarkdownText):
    """The atlas's pages a text links to: `scheme:<key>` links, and another practice as ../<slug>/."""
    for element in subject.root.iter("a"):
        if id(element) in subject.crossrefs:
            scheme, key = subject.crossrefs[id(element)]
            yield scheme, key, crossrefs.written(scheme, key)
        elif subject.in_practice and (linked := PRACTICE_LINK.match(element.get("href") or "")) is not None:
            yield "practice", linked.group(1), element.get("href")
