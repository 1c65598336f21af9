"""A CV or publication list as LaTeX source (`.tex`: article/moderncv/europecv classes):
converted to Markdown (extract.fields.markup.latex_to_markdown — \\section headings, \\item
entries, \\textbf owner, \\emph venue, accents such as {\\"o}) and read by the Markdown reader.
Nothing is compiled or expanded: macros the converter does not know are dropped as text."""
from __future__ import annotations

import re

from extract.ingestors.base import PageParse
from extract.ingestors.markup_reader import read_converted
from extract.page import Page

NAME = "latex_cv"

_DOCUMENT_RE = re.compile(r"\\documentclass|\\begin\s*\{document\}")
_SECTION_RE = re.compile(r"\\(?:sub)*section\*?\s*\{|\\cvsection\s*\{")
_ITEM_RE = re.compile(r"\\item\b|\\cvitem\b|\\cventry\b")


def detect(page: Page) -> float:
    if page.syntax in ("html", "json", "xml", "bibtex"):
        return 0.0
    head = page.text[:200_000]
    if not (_SECTION_RE.search(head) and _ITEM_RE.search(head)):
        return 0.0
    return 0.95 if _DOCUMENT_RE.search(head) or page.path.lower().endswith(".tex") else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.markup import latex_to_markdown

    return read_converted(page, latex_to_markdown(page.text), "LaTeX source read as Markdown")
