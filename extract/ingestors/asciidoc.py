"""AsciiDoc sources (`.adoc`/`.asciidoc`: CVs built with asciidoctor, documentation-style
sites): converted to Markdown (extract.fields.markup.asciidoc_to_markdown — "= Title",
"== Section", ". item" lists, *bold*, _italic_, link:url[text]; attribute lines, comments and
delimited blocks dropped) and read by the Markdown homepage reader."""
from __future__ import annotations

import re

from extract.ingestors.base import PageParse
from extract.ingestors.markup_reader import read_converted
from extract.page import Page

NAME = "asciidoc"

_ATTRIBUTE_RE = re.compile(r"^:(?:toc|doctype|icons|sectnums!?|author|email|revdate|homepage|experimental|source-highlighter|pdf-theme)[\w!-]*:", re.M)
_SECTION_RE = re.compile(r"^={2,4} \S", re.M)


def detect(page: Page) -> float:
    if page.syntax in ("html", "json", "xml", "bibtex"):
        return 0.0
    head = page.text[:200_000]
    if page.path.lower().endswith((".adoc", ".asciidoc")) and _SECTION_RE.search(head):
        return 0.95
    return 0.92 if re.match(r"\s*= \S", head) and _ATTRIBUTE_RE.search(head[:20_000]) and _SECTION_RE.search(head) else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.markup import asciidoc_to_markdown

    return read_converted(page, asciidoc_to_markdown(page.text), "AsciiDoc source read as Markdown")
