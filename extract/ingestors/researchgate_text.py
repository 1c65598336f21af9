"""A ResearchGate profile copied out of the browser: its "Research items" (or "Publications") list.

    Article                                   <- item type: anchors each item
    Full-text available                       <- badges (optional)
    Microplastic transport in karst aquifers  <- title
    Jan 2022 · Water Research                 <- month year [· journal]
    Conference: EGU General Assembly 2021     <- or "In book: …" (optional)
    Ana One · Bo Two · [...] · Cy Three       <- authors, " · "-separated; "[...]" = truncated
    Download / Share / 212 Reads / 14 Citations

Only the "Research items" section is read: the profile's questions, projects and co-author
lists have the same shapes and are left out. Kind `listing` (one person's works), like ORCID.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import looks_like_name, owner_name
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "researchgate_text"

# ("Publications (41)" on the newer profile layout)
_ITEMS_HEAD_RE = re.compile(r"^(?:Research items|Publications)\s*\(\d[\d,]*\)\s*$", re.I)
_SECTION_END_RE = re.compile(r"^(?:Questions|Answers|Projects|Followers|Following|Network|Stats|Reads|Top co-authors)\s*\(\d[\d,]*\)\s*$|^Load more items$", re.I)
_ITEM_TYPE_RE = re.compile(
    r"^(?:Article|Conference Paper|Preprint|Chapter|Book|Thesis|Data|Dataset|Presentation|Poster|Technical Report|"
    r"Working Paper|Research Proposal|Patent|Code|Experiment Findings|Literature Review|Method|Book Review|Raw Data|"
    r"Research|Cover Page|Conference Proceedings)(?:\s+(?:Full-text available|File available|Open access))?$")
_NOT_A_PUBLICATION_TYPE_RE = re.compile(r"^(?:Data|Dataset|Raw Data|Code|Presentation|Poster|Experiment Findings|"
                                        r"Research Proposal|Cover Page|Method|Research)$")
_BADGE_RE = re.compile(r"^(?:Full-text available|File available|Public full-text|Private full-text|Open access)$", re.I)
_DATE_LINE_RE = re.compile(r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?((?:19|20)\d{2})(?:\s*·\s*(.+))?$")
_CONTAINER_RE = re.compile(r"^(?:Conference|In book|Journal|Thesis for|Project|In):\s*(.+)$", re.I)
_ACTION_RE = re.compile(r"^(?:Download|Share|View|Show abstract|Request full-text|Follow|Recommend|Cite|"
                        r"[\d,]+ (?:Reads?|Citations?|Recommendations?))$", re.I)



_GLUED_TYPE_RE = re.compile(r"^(Article|Conference Paper|Preprint|Chapter|Book|Thesis|Technical Report|Working Paper)(?=[A-Z][a-z])")


def _lines(page: Page) -> list[str]:
    """The page's lines, an item type glued to its title by the copy ("Conference PaperMisclassification
    of …") set on a line of its own."""
    out: list[str] = []
    for line in page.visible_lines():
        glued = _GLUED_TYPE_RE.match(line)
        out.extend([glued.group(1), line[glued.end():]] if glued else [line])
    # the newer layout prints the title above its type ("Root Exudates and Priming …" / "Article" /
    # "Full-text available" / "Nov 2024 · Journal"): set the type first, as the older one has it
    for i in range(len(out) - 2):
        if _ITEM_TYPE_RE.match(out[i + 1]) and not _ITEM_TYPE_RE.match(out[i]) and not _BADGE_RE.match(out[i]) \
                and not _ACTION_RE.match(out[i]) and not _DATE_LINE_RE.match(out[i]) and len(out[i].split()) >= 3:
            j = i + 2
            while j < len(out) and _BADGE_RE.match(out[j]):
                j += 1
            if j < len(out) and _DATE_LINE_RE.match(out[j]):
                out[i], out[i + 1] = out[i + 1], out[i]
                if j > i + 2:  # the badges go before the title too
                    out[i + 1 : j] = out[i + 2 : j] + [out[i + 1]]
    return out


def _items_span(lines: list[str]) -> Optional[tuple[int, int]]:
    start = next((i for i, l in enumerate(lines) if _ITEMS_HEAD_RE.match(l)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _SECTION_END_RE.match(lines[i])), len(lines))
    return start + 1, end


def _anchors(lines: list[str], start: int, end: int) -> list[int]:
    """Type lines followed (after badges) by a title and a date line."""
    out = []
    for i in range(start, end):
        if not _ITEM_TYPE_RE.match(lines[i]):
            continue
        j = i + 1
        while j < end and _BADGE_RE.match(lines[j]):
            j += 1
        if j + 1 < end and not _ITEM_TYPE_RE.match(lines[j]) and (
                _DATE_LINE_RE.match(lines[j + 1]) or (j + 2 < end and _title_wraps(lines, j))):
            out.append(i)
    return out


def _title_wraps(lines: list[str], j: int) -> bool:
    """A title wrapped over two lines in the copy ("… under CMIP6 scenarios for the" / "Vistula
    basin"), the date line after both."""
    return (not _DATE_LINE_RE.match(lines[j + 1]) and not _ACTION_RE.match(lines[j + 1])
            and bool(_DATE_LINE_RE.match(lines[j + 2])) and len(lines[j + 1].split()) <= 12)


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    if "Research items" not in page.text and not ("Publications (" in page.text and (
            "ResearchGate" in page.text[:5000] or "Request full-text" in page.text or "Full-text available" in page.text)):
        return 0.0  # cheap gate before the text walk
    lines = _lines(page)
    span = _items_span(lines)
    if span is None:
        return 0.0
    return 0.95 if _anchors(lines, *span) else 0.0


def _item(lines: list[str], anchor: int, end: int) -> Optional[Entry]:
    j = anchor + 1
    while j < end and _BADGE_RE.match(lines[j]):
        j += 1
    title = lines[j]
    if not _DATE_LINE_RE.match(lines[j + 1]) and j + 2 < end and _title_wraps(lines, j):
        title = f"{title} {lines[j + 1]}"
        j += 1
    date = _DATE_LINE_RE.match(lines[j + 1])
    year = int(date.group(1))
    venue = date.group(2)
    k = j + 2
    if k < end:
        container = _CONTAINER_RE.match(lines[k])
        if container:
            venue = venue or re.sub(r"\s+(?:19|20)\d{2}$", "", container.group(1)).strip()
            k += 1
    authors: list[str] = []
    truncated = False
    if k < end and not _ACTION_RE.match(lines[k]):
        for part in (p.strip() for p in lines[k].split("·")):
            if part in ("[...]", "…", "..."):
                truncated = True
            elif looks_like_name(part):
                authors.append(part)
    if not venue and k + 1 < end:
        # the container under the names: "In book: Water Management in Central Europe (pp.145-170)",
        # "Thesis for: PhD, Warsaw University of Life Sciences - SGGW"
        container = _CONTAINER_RE.match(lines[k + 1])
        if container:
            venue = re.sub(r"\s*\(pp?\.?\s*[\d–-]+\)\s*$", "", container.group(1)).strip()
            venue = re.sub(r"\s*·\s*(?:Advis[eo]rs?|Supervisors?)\b.*$", "", venue)  # "PhD · Advisor: Carmen Villalobos"
            venue = re.sub(r"^(?:Ph\.?\s?D|M\.?\s?Sc|M\.?\s?A|Master|Doctor(?:ate)?|Diploma|B\.?\s?Sc)\w*\.?(?:,\s*|$)", "", venue)
    entry = Entry(title=title, year=year, venue=venue or None, authors=authors, note=lines[anchor].lower())
    if truncated:
        entry.flags.append("authors-truncated")
    if not authors:
        entry.flags.append("owner-implicit")
    return entry


def parse(page: Page) -> PageParse:
    lines = _lines(page)
    span = _items_span(lines)
    entries: list[Entry] = []
    person = None
    skipped = 0
    if span is not None:
        start, end = span
        anchors = _anchors(lines, start, end)
        skipped = 0
        for n, anchor in enumerate(anchors):
            if _NOT_A_PUBLICATION_TYPE_RE.match(lines[anchor]):
                skipped += 1  # data, code, presentations: research items, not publications
                continue
            entry = _item(lines, anchor, anchors[n + 1] if n + 1 < len(anchors) else end)
            if entry is not None:
                entries.append(entry)
        # the profile's name: the first name line of the header, before the items
        person = next((owner_name(l) for l in lines[:start] if owner_name(l)), None)
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=person,
        entries=entries,
        evidence=([f"ResearchGate profile copied as text: {len(entries)} research items"]
                  + ([f"{skipped} data/code/presentation item(s) left out"] if span is not None and skipped else [])) if entries
        else ["ResearchGate page without research items"],
    )
