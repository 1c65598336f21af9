"""Shared by the markup ingestors (org_mode, restructuredtext, latex_cv): read a page
converted to Markdown with the Markdown homepage reader, falling back to the generic text
reader when that finds no entries. Not an ingestor itself (not in the registry)."""
from __future__ import annotations

from extract.ingestors.base import PageParse
from extract.page import Page


def read_converted(page: Page, markdown: str, how: str) -> PageParse:
    from extract.ingestors import generic_homepage, markdown_homepage

    converted = Page.from_text(markdown, page.path + ".md")
    parsed = markdown_homepage.parse(converted)
    # the generic reader as well: a converted list ("- A. One, **B. Two**, “Title,” *Venue* 9 (2024)")
    # that the Markdown reader's shapes miss reads as plain references; the fuller reading wins
    fallback = generic_homepage.parse(converted)
    if len(fallback.entries) > len(parsed.entries):
        if not fallback.person and parsed.person:
            fallback.person = parsed.person
        parsed = fallback
    parsed.evidence.insert(0, how)
    if not parsed.entries and not parsed.person:
        parsed.kind = "not-a-profile"
    return parsed
