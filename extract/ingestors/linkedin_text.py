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
# a profile copied without the site's name: its header still counts followers and connections
_PROFILE_HEADER_RE = re.compile(r"^[\d,.]+K?\s+followers\b|\b500\+ connections\b|^Contact info$|· Contact info$", re.M)
# the "Featured" layout: a "Publication" card with labelled lines
#     Publication / Title / Publisher: X / Publication date: Jun 2019 / Other authors: A, B
_CARD_FIELD_RE = re.compile(r"^(Publisher|Publication date|Other authors):\s*(.*)$")
_CARD_DATE_RE = re.compile(r"\b((?:19|20)\d{2})\b")



def _publications_span(lines: list[str]) -> Optional[tuple[int, int]]:
    start = next((i for i, l in enumerate(lines) if l == "Publications"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lower() in _SECTION_SET), len(lines))
    return start + 1, end


def _anchors(lines: list[str], start: int, end: int) -> list[int]:
    """Publisher/date lines with a title line above them."""
    return [i for i in range(start + 1, end) if _PUBLISHER_DATE_RE.match(lines[i]) and not _SKIP_RE.match(lines[i - 1])]


_LINKEDIN_HTML_RE = re.compile(r"<title>[^<]{0,200}LinkedIn|og:site_name[\"']?\s+content=[\"']LinkedIn|"
                               r"rel=[\"']canonical[\"'][^>]{0,100}linkedin\.com/in/|href=[\"']https://www\.linkedin\.com/in/[^\"']+[\"'][^>]{0,40}rel=[\"']canonical", re.I)


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    head = page.text[:3000]
    if "LinkedIn" not in head and "linkedin.com" not in head and len(_PROFILE_HEADER_RE.findall(head)) < 2:
        return 0.0
    if page.syntax == "html" and not _LINKEDIN_HTML_RE.search(page.text[:20_000]):
        return 0.0  # a saved page is LinkedIn's by its title or site name, not by a "LinkedIn" link in its footer
    lines = page.visible_lines()
    span = _publications_span(lines)
    # (a bare year line is a homepage's year heading as often as a LinkedIn date: at least one
    # anchor must name a publisher or a month, and a page that only links to LinkedIn has none)
    anchors = _anchors(lines, *span) if span is not None else []
    dated = [i for i in anchors if " · " in lines[i] or not re.fullmatch(r"(?:19|20)\d{2}", lines[i])]
    return 0.95 if dated or _card_starts(lines) else 0.0


def _card_starts(lines: list[str]) -> list[int]:
    """"Publication" card labels whose next lines are a title and a "Publisher:" or
    "Publication date:" line."""
    return [i for i in range(len(lines) - 2)
            if lines[i] == "Publication" and not _CARD_FIELD_RE.match(lines[i + 1]) and _CARD_FIELD_RE.match(lines[i + 2])]


def _card(lines: list[str], start: int) -> Entry:
    entry = Entry(title=lines[start + 1])
    k = start + 2
    while k < len(lines) and (field := _CARD_FIELD_RE.match(lines[k])):
        label, value = field.group(1), field.group(2).strip()
        if label == "Publisher" and value:
            # "ICSCA 2019": the year is the date's, not the venue's
            entry.venue = re.sub(r"\s+(?:19|20)\d{2}$", "", value) or None
        elif label == "Publication date":
            year = _CARD_DATE_RE.search(value)
            entry.year = int(year.group(1)) if year else None
            entry.date = value or None
        elif label == "Other authors":
            entry.authors = [n.strip() for n in re.split(r",\s*|\s+and\s+", value) if looks_like_name(n.strip())]
        k += 1
    while k < len(lines) and _SKIP_RE.match(lines[k]):
        k += 1
    if k < len(lines) and len(lines[k].split()) >= 8:
        entry.abstract = lines[k]
    if not entry.authors:
        entry.flags.append("owner-implicit")
    return entry


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
    known = {e.title for e in entries}
    known_cards: set[str] = set()
    for start in _card_starts(lines):
        card = _card(lines, start)
        if card.title not in known:
            known.add(card.title)
            known_cards.add(card.title)
            entries.append(card)
    person = next((owner_name(l) for l in lines[:40] if owner_name(l)), None)
    for entry in entries:
        if person and not entry.authors and entry.title in known_cards:
            # a card on someone's profile with no "Other authors" is theirs alone
            entry.authors = [person]
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=person,
        entries=entries,
        evidence=[f"LinkedIn profile copied as text: {len(entries)} publications"] if entries
        else ["LinkedIn page without publications"],
    )
