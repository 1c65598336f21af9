"""Emacs Org-mode pages (`.org` sources of personal sites, ox-hugo/ox-html exports kept as
source): converted to Markdown (extract.fields.markup.org_to_markdown) and read by the Markdown
homepage reader — headings, "- " items, *bold* owner, /italic/ venue, [[url][PDF]] links. The
#+TITLE / #+AUTHOR keywords become front matter, so the owner comes from #+AUTHOR."""
from __future__ import annotations

import re

from extract.ingestors.base import PageParse
from extract.ingestors.markup_reader import read_converted
from extract.page import Page

NAME = "org_mode"

_KEYWORD_RE = re.compile(r"^#\+(?:TITLE|AUTHOR|OPTIONS|DATE|EMAIL|STARTUP|SETUPFILE|HUGO_\w+|EXPORT_\w+):", re.I | re.M)
_HEADING_RE = re.compile(r"^\*{1,4} \S", re.M)


def detect(page: Page) -> float:
    if page.syntax in ("html", "json", "xml", "bibtex"):
        return 0.0
    head = page.text[:200_000]
    keywords = len(_KEYWORD_RE.findall(head[:20_000]))
    if page.path.lower().endswith(".org") and (keywords or _HEADING_RE.search(head)):
        return 0.95
    return 0.92 if keywords >= 2 and _HEADING_RE.search(head) else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.markup import org_to_markdown

    return read_converted(page, org_to_markdown(page.text), "Org-mode source read as Markdown")
