"""An SSRN-style author page copied as text: each paper a block anchored on its
"Number of pages: … Posted: …" line.

    2.
    Margin Spirals in Crypto Lending                         <- title (may wrap)
    NBER Working Paper No. w30117                            <- optional: series or journal citation
    Number of pages: 51  Posted: 30 Jun 2022  Last revised: 18 Apr 2023
    Daniel R. Whitcombe, Priya Natarajan and Elias Grünwald  <- authors
    University of Toronto - Rotman School of Management, …   <- affiliations (skipped)
    Downloads 1,087 (41,220)

The citation line gives the venue (the journal or the paper series, without volume and pages)
and its year; without one the year is the year the paper was posted. The owner is the name
above the counters at the top ("SCHOLARLY PAPERS", "DOWNLOADS"), else the author on most papers.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import find_year
from extract.fields.names import fuller_name, owner_name, split_author_list
from extract.fields.structured import listing_or_search_results
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "ssrn_text"

MAX_RECORDS = 5_000
_PAGES_POSTED_RE = re.compile(r"^\s*Number of pages:\s*\d+\s+Posted:\s*(.+?)\s*$", re.I)
_NUMBER_RE = re.compile(r"^\s*\d{1,4}\.\s*$")
_CITATION_RE = re.compile(r"(?:,\s*Vol\.|,\s*No\.|\bNo\.\s*[\w-]*\d|\bWorking Paper\b|\bDiscussion Paper\b|\bResearch Paper\b|,\s*pp\.|"
                          r"\b(?:19|20)\d{2}\s*$|,\s*(?:Forthcoming|In Press|To Appear)\s*$)", re.I)
_COUNTER_RE = re.compile(r"^\s*(?:SCHOLARLY PAPERS|DOWNLOADS|CITATIONS|SSRN RANKINGS)\s*$", re.I)


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, anchor) line indexes: each anchor is a "Number of pages … Posted" line and the
    block starts after the previous block's end (its number line or a blank line)."""
    anchors = [i for i, l in enumerate(lines) if _PAGES_POSTED_RE.match(l)]
    out = []
    for k, anchor in enumerate(anchors[:MAX_RECORDS]):
        start = anchor - 1
        floor = anchors[k - 1] + 1 if k else 0
        while start > floor and lines[start - 1].strip() and not _NUMBER_RE.match(lines[start - 1]):
            start -= 1
        out.append((start, anchor))
    return out


def _entry(lines: list[str], start: int, anchor: int) -> Optional[Entry]:
    head = [l.strip() for l in lines[start:anchor] if l.strip()]
    if not head:
        return None
    # one or two citation lines under the title: the journal (SSRN lists it first) and a series
    cited = 0
    while cited < 2 and len(head) - cited >= 2 and _CITATION_RE.search(head[-1 - cited]):
        cited += 1
    citation = head[len(head) - cited] if cited else None
    title = " ".join(head[: len(head) - cited] if cited else head)
    posted = _PAGES_POSTED_RE.match(lines[anchor]).group(1)
    authors_line = next((l.strip() for l in lines[anchor + 1 : anchor + 3] if l.strip()), "")
    venue, year = None, None
    if citation:
        year = find_year(citation)
        name = re.split(r",\s*(?:Vol\.|No\.|Issue|pp\.|(?:19|20)\d{2})", citation, maxsplit=1)[0]
        name = re.sub(r"\s+No\.\s*[\w-]*\d[\w-]*\s*$", "", name)  # "NBER Working Paper No. w30117"
        venue = clean_venue(re.sub(r",\s*(?:Forthcoming|In Press|To Appear)\s*$", "", name, flags=re.I))
    if year is None:  # the year it was posted, not last revised
        first = re.search(r"\b((?:19|20)\d{2})\b", posted)
        year = int(first.group(1)) if first else None
    return Entry(title=title, authors=split_author_list(authors_line).names, year=year, venue=venue)


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    if "Number of pages" not in page.text or "Posted" not in page.text:
        return 0.0
    lines = page.text.splitlines()
    return 0.92 if len(_blocks(lines)) >= 2 else 0.0


def _owner(lines: list[str]) -> Optional[str]:
    counter = next((i for i, l in enumerate(lines[:200]) if _COUNTER_RE.match(l)), None)
    if counter is None:
        return None
    for line in reversed(lines[max(0, counter - 12) : counter]):
        name = owner_name(line.strip())
        if name:
            return name
    return None


def parse(page: Page) -> PageParse:
    lines = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    entries = [e for e in (_entry(lines, s, a) for s, a in _blocks(lines)) if e is not None and e.title]
    evidence = [f"SSRN-style paper blocks: {len(entries)}"]
    result = listing_or_search_results(entries, evidence, what="paper", min_share=0.6)
    owner = _owner(lines)
    if owner and result.kind == "listing" and fuller_name(result.person, owner) == owner:
        result.person = owner  # the same person as the papers' common author, spelled as the page heads it
        result.evidence.append(f"owner named above the counters: '{owner}'")
    return result
