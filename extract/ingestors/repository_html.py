"""Institutional-repository pages that list a person's items as labelled rows, one table or
definition list per item (EPrints "browse by author", DSpace item lists, some Pure and
Symplectic views): "Author(s): …", "Title: …", "Published in: …", "Date: …", "Type: …".
The rows are read by their labels (`generic_homepage.labelled_field_tables`); the owner is the
author on three in four items, matched by family name and initial."""
from __future__ import annotations

import re

from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import PageParse
from extract.page import Page

NAME = "repository_html"

_TITLE_LABEL_RE = re.compile(r">\s*(?:title|titel|titre|título)\s*:?\s*<", re.I)
_AUTHOR_LABEL_RE = re.compile(r">\s*(?:authors?(?:\(s\))?|creators?|contributors?|autor(?:es|en)?|auteurs?)\s*:?\s*<", re.I)


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    # cheap gate before parsing, without a lower-cased copy of the page
    if _TITLE_LABEL_RE.search(page.text, 0, 2_000_000) is None or _AUTHOR_LABEL_RE.search(page.text, 0, 2_000_000) is None:
        return 0.0
    from extract.ingestors.generic_homepage import labelled_field_tables

    entries, _ = labelled_field_tables(page.soup())
    return 0.9 if len(entries) >= 2 else 0.0


def parse(page: Page) -> PageParse:
    from extract.ingestors.generic_homepage import labelled_field_tables

    entries, _ = labelled_field_tables(page.soup())
    return listing_or_search_results(entries, [f"repository item tables: {len(entries)} items"], "item", min_share=0.75)
