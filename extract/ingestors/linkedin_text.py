"""A LinkedIn profile copied out of the browser: its "Publications" section.

    Publications
    Can Large Language Models Triage? …       <- title
    JAMA Network Open · Nov 2, 2023           <- publisher · date: anchors each item
    Show publication
    Other authors                             <- optional: one name per line, "+2" = more
    Farah Al-Khatib
    We compared three large language models …  <- description (kept as the abstract)

The section ends at the next profile section (Projects, Honors & awards, …). The owner is the
name in the profile header (honorifics dropped). Kind `listing`, like ORCID and ResearchGate.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import looks_like_name, owner_name
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "linkedin_text"

_SECTIONS = ("About", "Featured", "Activity", "Experience", "Education", "Licenses & certifications",
             "Volunteering", "Skills", "Recommendations", "Publications", "Projects", "Honors & awards",
             "Languages", "Courses", "Patents", "Test scores", "Organizations", "Causes", "Interests",
             "People also viewed", "People you may know", "Certifications")
_SECTION_SET = {s.lower() for s in _SECTIONS}
_PUBLISHER_DATE_RE = re.compile(
    r"^(?:(.+?)\s·\s)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},\s+)?)?((?:19|20)\d{2})$")
_SKIP_RE = re.compile(r"^(?:Show publication|See publication|Show all.*|…see more|see more)$", re.I)
_MORE_AUTHORS_RE = re.compile(r"^\+\d+$")



def _publications_span(lines: list[str]) -> Optional[tuple[int, int]]:
    start = next((i for i, l in enumerate(lines) if l == "Publications"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lower() in _SECTION_SET), len(lines))
    return start + 1, end


def _anchors(lines: list[str], start: int, end: int) -> list[int]:
    """Publisher/date lines with a title line above them."""
    return [i for i in range(start + 1, end) if _PUBLISHER_DATE_RE.match(lines[i]) and not _SKIP_RE.match(lines[i - 1])]


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    head = page.text[:3000]
    if "LinkedIn" not in head and "linkedin.com" not in head:
        return 0.0
    lines = page.visible_lines()
    span = _publications_span(lines)
    return 0.95 if span is not None and _anchors(lines, *span) else 0.0


def _item(lines: list[str], anchor: int, end: int) -> Entry:
    title = lines[anchor - 1]
    m = _PUBLISHER_DATE_RE.match(lines[anchor])
    entry = Entry(title=title, venue=(m.group(1) or None), year=int(m.group(2)), date=lines[anchor].split("·")[-1].strip())
    k = anchor + 1
    while k < end and _SKIP_RE.match(lines[k]):
        k += 1
    if k < end and lines[k] == "Other authors":
        k += 1
        while k < end and (looks_like_name(lines[k]) or _MORE_AUTHORS_RE.match(lines[k])):
            if _MORE_AUTHORS_RE.match(lines[k]):
                entry.flags.append("authors-truncated")
            else:
                entry.authors.append(lines[k])
            k += 1
    if k < end - 1 or (k < end and k + 1 == end):
        description = lines[k] if k < end and len(lines[k].split()) >= 8 else None
        entry.abstract = description
    if not entry.authors:
        entry.flags.append("owner-implicit")
    return entry


def parse(page: Page) -> PageParse:
    lines = page.visible_lines()
    span = _publications_span(lines)
    entries: list[Entry] = []
    if span is not None:
        start, end = span
        anchors = _anchors(lines, start, end)
        for n, anchor in enumerate(anchors):
            # an item runs up to the next item's title line
            stop = anchors[n + 1] - 1 if n + 1 < len(anchors) else end
            entries.append(_item(lines, anchor, stop))
    person = next((owner_name(l) for l in lines[:40] if owner_name(l)), None)
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=person,
        entries=entries,
        evidence=[f"LinkedIn profile copied as text: {len(entries)} publications"] if entries
        else ["LinkedIn page without publications"],
    )
