"""A dblp person page copied out of the browser as text: every entry is anchored on its label.

    dblp: Tomás Ruiz-Castellanos                            <- owner (page title)
    2024                                                    <- year heading
    [j12]                                                   <- label: j(ournal), c(onference), i(nformal), …
    view / electronic edition via DOI / export record …     <- link rows (dropped)
    Tomás Ruiz-Castellanos, Ingrid Solberg, Wei Zhang 0047:  <- authors, closed by a colon
    Mechanized verification of Raft membership changes in Coq. J. Autom. Reason. 68(2): 11 (2024)
                                                              <- title (to its full stop), venue, numbers, year

The authors may share the title's line. Homonym numbers ("Wei Zhang 0047") are dropped; the year
is the entry's own "(2024)" or "2024:" after the venue, else the heading above it. An editor's
entry ("A, B (Eds.):") keeps its editors as the people, noted as such.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import find_arxiv, find_doi
from extract.fields.names import owner_name
from extract.fields.structured import common_author, strip_homonym
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "dblp_text"

MAX_RECORDS = 5_000
_LABEL_RE = re.compile(r"^\s*\[([a-z])(\d{1,4})\]\s*$")
_YEAR_HEADING_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*$")
# dblp's link rows and menus around each entry
_CHROME_RE = re.compile(
    r"^\s*(?:view|electronic edition\b.*|references & citations|details & citations|export record|dblp key|ask others|"
    r"share record|share|cite|unpaywalled article link.*|load links from.*|BibTeX|RIS|RDF.*|XML|JSON|JSONL|"
    r"(?:\d+\s+)?(?:cited by|citations).*|authority control.*|.*\bopen access\)?|unpaywalled version|"
    # the "ask others" and "share record" menus, the record's key and its persistent URL
    r"dblp key:?|ask others|Google(?: Scholar)?|Semantic Scholar|Internet Archive Scholar|CiteSeerX|ORCID|Bluesky|Reddit|"
    r"BibSonomy|LinkedIn|Mastodon|Twitter|Facebook|X|persistent URL:?|https?://\S+|"
    r"(?:journals|conf|phd|books|series|reference|persons|homepages|tr|ms)/[\w./-]+)\s*$", re.I)
_TITLE_LINE_RE = re.compile(r"^\s*dblp:\s*(.+?)\s*$", re.M)
_AUTHORS_RE = re.compile(r"^(?P<names>[^:]{2,2000}?)(?P<eds>\s*\(Eds?\.\))?:\s+(?P<rest>\S.*)$")
_TITLE_END_RE = re.compile(r"[.?!](?=\s+\S)")
_VENUE_END_RE = re.compile(
    r"\s+(?:\(\d{1,3}\)\s*)?(?:(?:19|20)\d{2}\b|\d+\s*(?:\([^()]{1,10}\))?\s*:|\d+\s*\(|abs/)|\s*\((?:19|20)\d{2}\)\s*$|\s*$")
_PAREN_YEAR_RE = re.compile(r"\(((?:19|20)\d{2})\)\s*$")
_VENUE_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\s*:")


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    lines = page.text.splitlines()
    labels = sum(1 for line in lines[:20000] if _LABEL_RE.match(line))
    if labels < 2:
        return 0.0
    if "dblp" in page.text[:5000].lower():
        return 0.95
    return 0.6 if labels >= 4 else 0.0


def _names(text: str) -> list[str]:
    return [n for n in (strip_homonym(part).strip(" .") for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", text)) if n]


def _record(block: list[str], year_heading: Optional[str]) -> Optional[Entry]:
    text = " ".join(line.strip() for line in block if line.strip() and not _CHROME_RE.match(line))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    m = _AUTHORS_RE.match(text)
    names: list[str] = []
    note = None
    rest = text
    if m and len(m.group("names").split(",")) <= 300 and not re.search(r"(?<!\b[A-Z])[.?!]\s", m.group("names")):
        names, rest = _names(m.group("names")), m.group("rest")
        if m.group("eds"):
            note = "editors"
    stop = _TITLE_END_RE.search(rest)
    while stop is not None and rest[stop.start()] in "?!":
        # "Do Language Models Know When They Are Quoting? Attribution Errors in Long-Form Question
        # Answering. Trans. Assoc. …": a question inside the title goes on in a sentence of three or
        # more words; a venue after a question is abbreviations and numbers ("CoRR abs/…", "J. Mach. Learn. Res.")
        more = re.match(r"\s+([A-Z][^.?!]{10,300}?)[.?!](?=\s+\S)", rest[stop.end() :])
        if not more or len(more.group(1).split()) < 3 or re.search(r"\d", more.group(1)):
            break
        stop = _TITLE_END_RE.search(rest, stop.end() + more.end(1))
    title = (rest[: stop.start() + (1 if rest[stop.start()] in "?!" else 0)] if stop else rest).strip()
    tail = rest[stop.end():].strip() if stop else ""
    venue = None
    year = None
    if tail:
        paren = _PAREN_YEAR_RE.search(tail)
        at = _VENUE_YEAR_RE.search(tail)
        year = (paren or at).group(1) if (paren or at) else None
        end = _VENUE_END_RE.search(tail)
        venue = tail[: end.start()].strip(" ,.") if end else tail
        venue = re.sub(r"\s*\(\d{1,3}\)$", "", venue) or None
    if not title:
        return None
    return Entry(title=title, authors=names, year=year or year_heading, venue=venue, note=note,
                 doi=find_doi(text), arxiv=find_arxiv(text), flags=[] if names else ["no-authors"])


def parse(page: Page) -> PageParse:
    lines = page.text.splitlines()
    entries: list[Entry] = []
    year_heading: Optional[str] = None
    block: Optional[list[str]] = None
    for line in lines:
        heading = _YEAR_HEADING_RE.match(line)
        if _LABEL_RE.match(line) or heading:
            if block is not None and len(entries) < MAX_RECORDS:
                entry = _record(block, year_heading)
                if entry is not None:
                    entries.append(entry)
            block = [] if _LABEL_RE.match(line) else None
            if heading:
                year_heading = heading.group(1)
            continue
        if block is not None:
            block.append(line)
    if block is not None and len(entries) < MAX_RECORDS:
        # the last entry ends where the page's footer starts: a blank line after its text
        tail: list[str] = []
        for line in block:
            if not line.strip() and any(t.strip() and not _CHROME_RE.match(t) for t in tail):
                break
            tail.append(line)
        entry = _record(tail, year_heading)
        if entry is not None:
            entries.append(entry)
    evidence = [f"dblp page copied as text: {len(entries)} entries anchored on '[j12]'-style labels"]
    head = _TITLE_LINE_RE.search(page.text[:3000])
    owner = owner_name(strip_homonym(head.group(1))) if head else None
    if not owner:
        owner = common_author([e.authors for e in entries], min_share=0.75, min_entries=2)
    if owner:
        return PageParse(kind="listing", person=owner, entries=entries, evidence=evidence + [f"dblp person page of '{owner}'"])
    return PageParse(kind="search-results", entries=entries, evidence=evidence)
