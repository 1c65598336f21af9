"""MediaWiki wikitext (lab and group wikis, `.wiki` sources or "edit" copies): converted to
Markdown (extract.fields.markup.wikitext_to_markdown — "== Section ==" headings, "*" items,
'''bold''' owner, ''italic'' venue, [url text] links, {{cite journal |…}} templates rendered as
plain references; other templates, tables and comments dropped) and read by the Markdown
homepage reader."""
from __future__ import annotations

import re

from extract.ingestors.base import PageParse
from extract.ingestors.markup_reader import read_converted
from extract.page import Page

NAME = "mediawiki"

_HEADING_RE = re.compile(r"^==+ ?[^=\n]{1,120}? ?==+\s*$", re.M)
_WIKI_CUE_RE = re.compile(r"'''[^'\n]{1,120}'''|\{\{[^{}\n]{1,200}|\[\[[^\]\n]{1,200}\]\]")


def detect(page: Page) -> float:
    if page.syntax in ("html", "json", "xml", "bibtex"):
        return 0.0
    head = page.text[:200_000]
    headings = len(_HEADING_RE.findall(head))
    cues = len(_WIKI_CUE_RE.findall(head[:50_000]))
    if page.path.lower().endswith((".wiki", ".mediawiki", ".wikitext")) and (headings or cues):
        return 0.95
    return 0.92 if headings >= 2 and cues >= 3 else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.markup import wikitext_to_markdown

    return read_converted(page, wikitext_to_markdown(page.text), "MediaWiki wikitext read as Markdown")
