"""An astrophysics literature listing copied out of the browser as text (NASA ADS and sites
laid out like it): every result is anchored on its bibcode.

    2  [ ]  2023ApJ...945..112Q                       Mar 2023        cited: 14   <- bibcode line
            Dust Attenuation Curves of Lensed Galaxies at Cosmic Noon            <- title (may wrap)
            Quintanilla-Reyes, B. M.; Sánchez-Ferrer, L.; Okonkwo, C.            <- authors, "Family, I."; …
            ApJ, 945, 112                                                        <- venue, volume, page
            [abstract]  [PUB_PDF]  [citations (14)]                              <- link markers

The bibcode (19 characters: year, journal, volume, page, first author's initial) is what makes
the layout certain; the year comes from it. The owner is the author the query or the profile
line names ('author:"Quintanilla-Reyes, Beatriz M."'), else the author on most results.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import find_arxiv, find_doi, normalise_doi
from extract.fields.names import invert_name, owner_name
from extract.fields.structured import common_author
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "ads_text"

# YYYY + journal (5, dots padded) + volume (4) + qualifier (1) + page (4) + initial (1)
_BIBCODE = r"(?:19|20)\d{2}[A-Za-z&.]{5}[\w.]{4}[\w.][\w.]{4}[A-Z.]"
_BIBCODE_LINE_RE = re.compile(rf"^\s*(?:\d{{1,4}}\s+)?(?:\[\s?[x ]?\s?\]\s+)?(?P<bibcode>{_BIBCODE})\b(?P<rest>.*)$")
_MARKERS_RE = re.compile(r"^(?:\[[^\]]{1,40}\]\s*)+$")
_QUERY_OWNER_RE = re.compile(r"(?:author:\s*\"\^?|author profile:\s*)(?P<name>[^\"\n;]{3,80}?)(?:\"|\s+--|$)", re.I | re.M)
_NAME_PART_RE = re.compile(r"^[^\d,;]{1,60},\s*(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]*\.?\s?-?){1,4}$")
_VENUE_NUMBERS_RE = re.compile(r",\s*(?:vol\.?\s*)?[A-Z]?\d.*$")


def _names(line: str) -> Optional[tuple[list[str], bool]]:
    """'Family, I. I.; Family, I.; et al.' as natural-order names, and whether it was cut."""
    parts = [p.strip() for p in line.split(";") if p.strip()]
    truncated = bool(parts) and parts[-1].lower().rstrip(".") in ("et al", "and others", "…")
    if truncated:
        parts = parts[:-1]
    if not parts or not all(_NAME_PART_RE.match(p) for p in parts):
        return None
    return [invert_name(p) for p in parts], truncated


def _result(block: list[str], year: Optional[int]) -> Optional[Entry]:
    at = next((i for i, line in enumerate(block) if _names(line)), None)
    if at is None or at == 0:
        return None
    names, truncated = _names(block[at])
    title = " ".join(l.strip() for l in block[:at])
    venue_line = next((l for l in block[at + 1 :] if not _MARKERS_RE.match(l)), None)
    venue = None
    if venue_line:
        venue = _VENUE_NUMBERS_RE.sub("", venue_line).strip(" ,.") or None
        if venue and len(venue) > 120:
            venue = None
    entry = Entry(title=title, authors=names, year=year, venue=venue)
    tail = " ".join(block[at + 1 :])
    entry.arxiv = find_arxiv(tail)
    doi = find_doi(tail)
    entry.doi = normalise_doi(doi) if doi else None
    if truncated:
        entry.flags.append("authors-truncated")
    if venue_line and re.search(r"\(Software\)|\bsoftware\b", venue_line, re.I):
        entry.note = "software"
    return entry


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        m = _BIBCODE_LINE_RE.match(line)
        if m:
            out.append((m.group("bibcode"), []))
        elif out and len(out[-1][1]) < 12:
            out[-1][1].append(line.strip())
    return out


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    lines = page.visible_lines()
    hits = sum(1 for l in lines[:4000] if _BIBCODE_LINE_RE.match(l))
    return 0.93 if hits >= 2 else 0.0


def parse(page: Page) -> PageParse:
    lines = page.visible_lines()
    entries = []
    for bibcode, block in _blocks(lines):
        entry = _result([l for l in block if l], int(bibcode[:4]))
        if entry is not None and entry.title:
            entries.append(entry)
    person = None
    query = _QUERY_OWNER_RE.search(page.visible_text()[:20000])
    if query:
        raw = query.group("name").strip(" ^\"")
        person = owner_name(invert_name(raw) if "," in raw else raw)
    if person is None:
        person = common_author([e.authors for e in entries if e.authors], min_share=0.75, min_entries=3)
    evidence = [f"astrophysics listing copied as text: {len(entries)} results by bibcode"]
    return PageParse(kind="listing" if entries else "not-a-profile", person=person, entries=entries, evidence=evidence)
