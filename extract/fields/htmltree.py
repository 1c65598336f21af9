"""Fast lxml.html trees for the ingestors of machine-generated HTML (arXiv, DBLP), built once per
page. Text helpers here undo MathJax rendering (the TeX source is kept, as arXiv shows it)."""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.pagecache import cached

_WS_RE = re.compile(r"\s+")


def _build(text: str):
    import lxml.html
    from lxml import etree

    if not text.strip():
        return None
    try:
        # bytes would make lxml re-detect the encoding; the text is already decoded
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        try:
            return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
        except (etree.ParserError, ValueError):
            return None


def page_tree(page):
    """The page's lxml.html document (None for an empty/unparseable page)."""
    return cached(page, "lxml-html", lambda: _build(page.text))


def has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _math_source(element) -> Optional[str]:
    """'$...$' for a MathJax <script type="math/tex"> element."""
    kind = (element.get("type") or "").lower()
    if kind.startswith("math/tex"):
        body = (element.text or "").strip()
        return f"$${body}$$" if "mode=display" in kind else f"${body}$"
    return None


_MATHJAX_CLASSES = ("MathJax_Preview", "MathJax", "MathJax_Display")


def inline_text(element, skip_classes: tuple[str, ...] = ("descriptor",)) -> str:
    """Visible text of an element on one line: rendered MathJax replaced by its TeX source,
    descriptor labels ('Title:') and scripts/styles left out. Iterative: deep nesting is safe."""
    if element is None:
        return ""
    skipped = skip_classes + _MATHJAX_CLASSES
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    # (node, emit its tail after it) in document order
    stack = [(child, True) for child in reversed(list(element))]
    while stack:
        node, with_tail = stack.pop()
        if isinstance(node, str):  # a tail queued behind its element's subtree
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "script":
            math = _math_source(node)
            if math:
                parts.append(math)
        elif tag and tag not in ("style", "noscript") and not any(has_class(node, c) for c in skipped):
            if node.text:
                parts.append(node.text)
            if with_tail and node.tail:
                stack.append((node.tail, False))
            stack.extend((child, True) for child in reversed(list(node)))
            continue
        if with_tail and node.tail:
            parts.append(node.tail)
    return _WS_RE.sub(" ", "".join(parts)).strip()


def block_text(element) -> str:
    """Text of an element with its line breaks kept (abstract paragraphs)."""
    if element is None:
        return ""
    return "".join(element.itertext())
