"""reStructuredText pages (Sphinx/Pelican/Nikola sources): converted to Markdown
(extract.fields.markup.rst_to_markdown) and read by the Markdown homepage reader — underlined
section titles, "#." / "*" lists with indented continuation lines, `text <url>`_ links;
directives (images, meta, contents) are dropped, admonitions kept as prose."""
from __future__ import annotations

import re

from extract.ingestors.base import PageParse
from extract.ingestors.markup_reader import read_converted
from extract.page import Page

NAME = "restructuredtext"

_UNDERLINED_RE = re.compile(r"^[^\s].{1,120}\n([=\-~^\"'`#*+])\1{2,}[ \t]*$", re.M)
_DIRECTIVE_RE = re.compile(r"^\.\. (?:[\w:-]+::|_[^:\n]{1,80}:)", re.M)
_RST_LINK_RE = re.compile(r"`[^`\n]{1,200}<[^`\n>]{1,500}>`_")


def detect(page: Page) -> float:
    if page.syntax in ("html", "json", "xml", "bibtex"):
        return 0.0
    head = page.text[:200_000]
    underlined = _UNDERLINED_RE.search(head)
    cues = bool(_DIRECTIVE_RE.search(head)) + bool(_RST_LINK_RE.search(head))
    if page.path.lower().endswith((".rst", ".rest")) and (underlined or cues):
        return 0.95
    return 0.92 if underlined and cues else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.markup import rst_to_markdown

    return read_converted(page, rst_to_markdown(page.text), "reStructuredText source read as Markdown")
