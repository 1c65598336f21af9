"""HTML helpers that never mutate the shared soup."""
from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "br", "h1", "h2", "h3",
    "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "blockquote", "pre", "hr",
    "form", "main", "aside", "figure", "figcaption", "title",
}


_MARK_SUP_RE = re.compile(r"\s*(?:[*†‡§¶#]+|[a-z])\s*")


def name_mark_sup(sup) -> bool:
    """A superscript mark glued to a capitalised word: "Holm<sup>s</sup>", "Lee<sup>†</sup>"."""
    if not _MARK_SUP_RE.fullmatch(sup.get_text()):
        return False
    before = sup.previous_sibling
    text = str(before) if isinstance(before, NavigableString) else (before.get_text() if isinstance(before, Tag) else "")
    word = re.search(r"([A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]*)$", text)
    return word is not None and len(word.group(1)) >= 2


def visible_text(node, source_breaks: bool = True) -> str:
    """Text of `node` without scripts/styles/comments; block elements become line breaks.
    source_breaks=False: a line break in the HTML source is a space, as a browser shows it
    (except inside <pre>)."""
    parts: list[str] = []
    stack = [(node, False)]
    # iterative walk: 10,000-deep nesting must not hit the recursion limit
    while stack:
        item, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if isinstance(item, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(item, NavigableString):
            if source_breaks or "\n" not in item or item.find_parent("pre") is not None:
                parts.append(str(item))
            else:
                parts.append(str(item).replace("\n", " "))
            continue
        if not isinstance(item, Tag):
            continue
        name = (item.name or "").lower()
        if name in _SKIP:
            continue
        if name == "sup" and name_mark_sup(item):
            continue  # "Holm<sup>s</sup>": a student or role mark after a name, not part of it
        block = name in BLOCK
        if block:
            parts.append("\n")
            stack.append((item, True))
        for child in reversed(list(item.children)):
            stack.append((child, False))
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n", text)
    return text.strip()


def node_text(node) -> str:
    """Inline text of an element, whitespace collapsed."""
    if node is None:
        return ""
    return re.sub(r"\s+", " ", visible_text(node)).strip()


def tags_containing(root, names) -> set[int]:
    """ids of the elements under `root` that have a descendant element named in `names`.

    One pass with early stopping (an ancestor already marked has all its ancestors marked),
    so it stays linear on 10,000-deep nesting where a `node.find(...)` per node is quadratic."""
    names = set(names)
    marked: set[int] = set()
    for tag in root.find_all(names):
        parent = tag.parent
        while parent is not None and id(parent) not in marked:
            marked.add(id(parent))
            parent = parent.parent
    return marked


def tags_inside(root, names) -> set[int]:
    """ids of the elements that have an ancestor named in `names` (linear, iterative)."""
    inside: set[int] = set()
    for tag in root.find_all(set(names)):
        if id(tag) in inside:
            continue  # nested in an outer one already walked
        inside.update(id(d) for d in tag.descendants if isinstance(d, Tag))
    return inside
