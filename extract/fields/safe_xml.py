"""Safe XML parsing for every XML ingestor (arXiv Atom, DBLP, ORCID).

Rules: no DTD is ever loaded (from the network or disk), no entity declared by the document is
ever expanded (billion laughs, XXE), and the HTML/ISO-Latin named entities that DBLP-style
files use without a DTD (`&ouml;`, `&eacute;`) are expanded from Python's built-in table
before parsing, so those still read correctly. lxml runs in recover mode: a truncated or
slightly broken file yields what can be read instead of an error.
"""
from __future__ import annotations

import re
from html.entities import name2codepoint
from typing import Iterator, NamedTuple, Optional

from lxml import etree

# the five entities XML itself defines: left for the parser
_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENTITY_REF_RE = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_DOCTYPE_START_RE = re.compile(r"<!DOCTYPE\b", re.I)
_ENTITY_DECL_RE = re.compile(r"<!ENTITY\b", re.I)
_ROOT_START_RE = re.compile(r"<[A-Za-z_]")


class XmlDoc(NamedTuple):
    root: Optional[etree._Element]
    refused_entities: bool  # the document declared its own entities; they were not expanded


def expand_named_entities(text: str) -> str:
    """Replace HTML named entities (`&ouml;` -> 'ö') with their characters. XML's own five stay;
    any other name (one the document declared itself, or a typo) is removed, never expanded."""
    if "&" not in text:
        return text

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in _PREDEFINED:
            return match.group(0)
        code = name2codepoint.get(name)
        return chr(code) if code is not None else ""

    return _ENTITY_REF_RE.sub(replace, text)


def strip_doctype(text: str) -> tuple[str, bool]:
    """Remove the DOCTYPE declaration (with any internal subset). Returns (text, whether the
    removed subset declared entities)."""
    # a DOCTYPE can only come before the root element (long comments may precede it)
    root_start = _ROOT_START_RE.search(text)
    m = _DOCTYPE_START_RE.search(text, 0, root_start.start() if root_start else len(text))
    if not m:
        return text, False
    i = m.end()
    depth, quote = 0, None
    # scan to the '>' that closes the declaration, skipping the [...] subset and quoted strings
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == ">" and depth == 0:
            break
        i += 1
    declaration = text[m.start(): i + 1]
    return text[: m.start()] + text[i + 1:], bool(_ENTITY_DECL_RE.search(declaration))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           recover=True, remove_comments=True, remove_pis=True)


def parse_xml(text: str) -> XmlDoc:
    """Parse XML text safely; root is None when nothing parseable is there."""
    text = _XML_DECL_RE.sub("", text, count=1)  # the text is already decoded: drop its encoding label
    text, refused = strip_doctype(text)
    text = expand_named_entities(text)
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except (etree.XMLSyntaxError, ValueError):
        root = None
    return XmlDoc(root, refused)


def page_xml(page) -> XmlDoc:
    """The page's XML tree, parsed once per page."""
    from extract.fields.pagecache import cached

    return cached(page, "safe-xml", lambda: parse_xml(page.text))


def local(element) -> str:
    """Local tag name without namespace ('' for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def children(element, name: str) -> Iterator:
    """The element's direct children with this local name (none for a missing element)."""
    if element is None:
        return
    for child in element:
        if local(child) == name:
            yield child


def child(element, name: str):
    return next(children(element, name), None)


def text_of(element) -> str:
    """All text inside an element (markup such as <i> or <sub> flattened), whitespace collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def child_text(element, name: str) -> str:
    return text_of(child(element, name)) if element is not None else ""


def path_text(element, *names: str) -> str:
    """Text at a chain of child local names, e.g. path_text(work, 'title', 'title')."""
    node = element
    for name in names:
        if node is None:
            return ""
        node = child(node, name)
    return text_of(node)
