"""An OpenReview profile copied out of the browser, or saved as HTML: its "Publications" list.

    Implicit Value Regularization for Offline-to-Online RL    <- title
    Ye-jin Park, Dong-hyun Kim, Sebastian Ortmann             <- authors, comma-separated
    Published: 16 Jan 2024, Last Modified: 15 Mar 2024        <- anchors each item
    ICLR 2024 spotlight                                       <- venue line (optional)
    Readers:  Everyone

The venue line names the venue and the decision ("ICLR 2024 spotlight", "NeurIPS 2023 poster",
"Accepted by TMLR", "ICLR 2024 Conference Submission"): the venue is the meeting or journal,
the year the line's own (else the publication date's). The owner is the profile's name, above
its career history. Kind `listing` (one person's works), like ORCID.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import looks_like_name, owner_name, split_author_list
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "openreview_text"

_PUBLISHED_RE = re.compile(r"^Published:\s*(\d{1,2}\s+[A-Z][a-z]{2,4}\s+((?:19|20)\d{2}))(?:,\s*Last Modified:.*)?$")
_READERS_RE = re.compile(r"^Readers:\s", re.I)
# the decision words after the venue and year: "spotlight", "poster", "Conference Submission"
_DECISION_RE = re.compile(
    r"\s*(?:\b(?:19|20)\d{2}\b)?\s*(?:(?:Conference|Workshop)\s+)?(?:main\s+)?"
    r"(?:Submission|Accept(?:ed)?|Reject(?:ed)?|poster|spotlight|oral|notable[- ]top[- ]\d+%?|Desk Rejected"
    r"|Withdrawn(?: Submission)?|Blind Submission)?\s*(?:\([^()]*\))?\s*$", re.I)
_ACCEPTED_BY_RE = re.compile(r"^(?:Accepted|Published|Submitted)\s+(?:by|in|at|to)\s+(.+)$", re.I)


_ONE_LINE_ITEM_RE = re.compile(r"^(Published:\s*\d{1,2}\s+[A-Z][a-z]{2,4}\s+(?:19|20)\d{2}"
                               r"(?:,\s*Last Modified:\s*\d{1,2}\s+[A-Z][a-z]{2,4}\s+(?:19|20)\d{2})?)\s+(.+?)\s*$")


def _cells(lines: list[str]) -> list[str]:
    """A copy from the page's table view keeps an item's date, venue and readers on one line
    ("Published: 01 Jan 2024, Last Modified: 06 Mar 2024  ICDE 2024  Readers: Everyone"): one
    line per cell, as the list view gives them."""
    out: list[str] = []
    for line in lines:
        one = _ONE_LINE_ITEM_RE.match(line)
        if one is None:
            out.append(line)
            continue
        rest = re.split(r"\s*(?=Readers:)", one.group(2), maxsplit=1)
        out.extend(cell for cell in [one.group(1), *rest] if cell.strip())
    return out


# the profile page saved as HTML: its title ("Name | OpenReview") and its items' forum links
_OPENREVIEW_HTML_RE = re.compile(r"<title>[^<]{0,200}\|\s*OpenReview\s*</title>|href=\"(?:https://openreview\.net)?/forum\?id=", re.I)


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    if "OpenReview" not in page.text[:3000]:
        return 0.0
    if page.syntax == "html" and not _OPENREVIEW_HTML_RE.search(page.text):
        return 0.0  # a homepage linking to its OpenReview profile
    lines = _cells(page.visible_lines())
    return 0.95 if len(_anchors(lines)) >= 2 else 0.0


def _anchors(lines: list[str]) -> list[int]:
    return [i for i in range(2, len(lines)) if _PUBLISHED_RE.match(lines[i])]


def _venue_and_year(line: str) -> tuple[Optional[str], Optional[int]]:
    """("ICLR", 2024) from "ICLR 2024 spotlight"; ("TMLR", None) from "Accepted by TMLR"."""
    accepted = _ACCEPTED_BY_RE.match(line)
    if accepted:
        line = accepted.group(1)
    year = re.search(r"\b((?:19|20)\d{2})\b", line)
    venue = _DECISION_RE.sub("", line).strip(" ,.-") if year is None or year.start() > 0 else line
    venue = re.sub(r"\s+(?:19|20)\d{2}\b.*$", "", venue).strip(" ,.-") or None
    return venue, int(year.group(1)) if year else None


def _item(lines: list[str], anchor: int) -> Optional[Entry]:
    title, names = lines[anchor - 2], lines[anchor - 1]
    if title[:1].islower() and anchor >= 3 and not _READERS_RE.match(lines[anchor - 3]) \
            and not _PUBLISHED_RE.match(lines[anchor - 3]):
        # a title the page wrapped: "… A Rigorous Treatment" / "for Linear Transformers"
        title = f"{lines[anchor - 3]} {title}"
    authors = split_author_list(names).names
    if not authors or not all(looks_like_name(a) for a in authors):
        return None
    published = _PUBLISHED_RE.match(lines[anchor])
    venue = year = None
    if anchor + 1 < len(lines) and not _READERS_RE.match(lines[anchor + 1]) \
            and not _PUBLISHED_RE.match(lines[anchor + 1]) and len(lines[anchor + 1]) <= 80:
        venue, year = _venue_and_year(lines[anchor + 1])
    return Entry(title=title, authors=authors, venue=venue, year=year or int(published.group(2)),
                 date=published.group(1))


def parse(page: Page) -> PageParse:
    lines = _cells(page.visible_lines())
    entries = [e for e in (_item(lines, i) for i in _anchors(lines)) if e is not None]
    # the profile's name heads the page, above its position ("PhD student, KAIST")
    person = next((owner_name(l) for l in lines[:30] if owner_name(l)), None)
    preferred = next((l[: -len("(Preferred)")].strip() for l in lines[:80] if l.endswith("(Preferred)")), None)
    person = preferred or person
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=person,
        entries=entries,
        evidence=[f"OpenReview profile copied as text: {len(entries)} publications"] if entries
        else ["OpenReview page without publications"],
    )
