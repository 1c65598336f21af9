"""A PubMed-style search result list copied out of the browser as text: every result ends in
its PMID line.

    2                                                          <- result number
    Sodium-glucose cotransporter 2 inhibitors and acute        <- title (may wrap)
    kidney injury in older adults.
    Nowicka-Brandt A, Świątek M, Kaczmarek T, et al.           <- authors, Vancouver style
    Eur J Epidemiol Renal. 2022 Nov;7(4):301-315. doi: …       <- journal. year …;volume(issue):pages
    PMID: 36188410                                             <- anchor
    Free PMC article. / Cite / Share / Similar articles        <- noise

The owner is the author the search names ("Search: Świątek, Marta[Author - Full]", "Author
information: Marta Świątek, …"), else the author on most results.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import find_doi, normalise_doi
from extract.fields.names import invert_name, owner_name
from extract.fields.structured import common_author
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "pubmed_text"

_PMID_RE = re.compile(r"^\s*PMID:\s*(\d{1,9})\b")
_NUMBER_RE = re.compile(r"^\s*\d{1,4}\s*$")
_VANCOUVER_NAME = r"[A-ZÀ-ÞĀ-ſȘȚ][\w'’ -]{0,40}?\s[A-Z]{1,3}"
_AUTHORS_RE = re.compile(rf"^(?:{_VANCOUVER_NAME})(?:,\s*{_VANCOUVER_NAME})*(?:,\s*et al)?\.?$")
_CITATION_RE = re.compile(r"^(?P<venue>[^.]{2,150}?)\.\s+(?P<year>(?:19|20)\d{2})\b")
_NOISE_RE = re.compile(r"^(?:cite|share|similar articles|free pmc article\.?|free article\.?|review\.?|"
                       r"erratum in.*|comment in.*|update of.*|item in clipboard)$", re.I)
_OWNER_SEARCH_RE = re.compile(r"^search:\s*(?P<name>[^\[\n]{3,80})\[(?:author|au|full author name|author - full)", re.I | re.M)
_OWNER_INFO_RE = re.compile(r"^author information:\s*(?P<name>[^,\n]{3,80}),", re.I | re.M)


def _result(block: list[str]) -> Optional[Entry]:
    lines = [l.strip() for l in block if l.strip() and not _NOISE_RE.match(l.strip()) and not _NUMBER_RE.match(l)]
    at = next((i for i, l in enumerate(lines) if _AUTHORS_RE.match(l) and i > 0), None)
    if at is None:
        return None
    title = " ".join(lines[:at]).strip().rstrip(".")
    names_line = lines[at].rstrip(".")
    truncated = names_line.endswith("et al")
    names = [n.strip() for n in re.sub(r",?\s*et al$", "", names_line).split(",") if n.strip()]
    entry = Entry(title=title, authors=names)
    if truncated:
        entry.flags.append("authors-truncated")
    if at + 1 < len(lines):
        citation = _CITATION_RE.match(lines[at + 1])
        if citation:
            entry.venue, entry.year = citation.group("venue").strip(), int(citation.group("year"))
        doi = find_doi(lines[at + 1])
        entry.doi = normalise_doi(doi) if doi else None
    return entry if title else None


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(pmid, lines of the result) from the line after the previous PMID (or the result's number)."""
    out, start = [], 0
    for i, line in enumerate(lines):
        m = _PMID_RE.match(line)
        if not m:
            continue
        begin = start
        numbers = [k for k in range(start, i) if _NUMBER_RE.match(lines[k])]
        if numbers:
            begin = numbers[-1] + 1
        out.append((m.group(1), lines[begin:i]))
        start = i + 1
    return out


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    if "PMID" not in page.text:
        return 0.0
    lines = page.visible_lines()
    blocks = _blocks(lines)
    good = sum(1 for _, b in blocks if _result(b[-8:]) is not None)
    if good < 2:
        good = sum(1 for line in lines[:5000] if _one_line_result(line) is not None)
    return 0.93 if good >= 2 else 0.0


# PubMed's one-line summary (its "Summary (text)" export and "My Bibliography"): "1. Title.
# Okafor CE, van Dijk PR, et al. J Digit Cardiol. 2024 Jan;3(1):1-12. doi: …. PMID: 38114052."
_PARTICLE = r"(?:(?:van|von|de|der|den|da|di|du|del|la|le|dos|ter|ten)\s)*"
_ONE_LINE_NAME = _PARTICLE + _VANCOUVER_NAME
_ONE_LINE_RE = re.compile(
    r"^\s*\d{1,4}\.\s+(?P<title>.{8,600}?[.?!])\s+"
    r"(?P<authors>(?:(?P<group>[A-Z][^.;]{2,120});\s*)?(?:" + _ONE_LINE_NAME + r")(?:,\s*" + _ONE_LINE_NAME + r"){0,60}(?:,\s*et al)?)\.\s+"
    r"(?P<rest>.+?)\s*PMID:\s*(?P<pmid>\d{1,9})\b")
_ONE_LINE_SOURCE_RE = re.compile(r"^(?P<venue>[^.\[]{2,150}?)(?:\s*\[[^\]]{1,30}\])?\.\s+(?:(?P<year>(?:19|20)\d{2})\b)?")


def _one_line_result(line: str) -> Optional[tuple[str, Entry]]:
    m = _ONE_LINE_RE.match(line) if "PMID" in line else None
    if m is None:
        return None
    names_text = m.group("authors")[len(m.group("group")) + 1 :].strip() if m.group("group") else m.group("authors")
    truncated = names_text.endswith("et al")
    names = [n.strip() for n in re.sub(r",?\s*et al$", "", names_text).split(",") if n.strip()]
    entry = Entry(title=m.group("title").rstrip("."), authors=([m.group("group").strip()] if m.group("group") else []) + names)
    if truncated:
        entry.flags.append("authors-truncated")
    source = _ONE_LINE_SOURCE_RE.match(m.group("rest"))
    if source:
        entry.venue = source.group("venue").strip()
        entry.year = int(source.group("year")) if source.group("year") else None
    doi = find_doi(m.group("rest"))
    entry.doi = normalise_doi(doi) if doi else None
    return m.group("pmid"), entry


def parse(page: Page) -> PageParse:
    lines = page.visible_lines()
    entries = []
    for pmid, block in _blocks(lines):
        entry = _result(block[-8:])
        if entry is not None:
            entry.urls = [f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"]
            entries.append(entry)
    if not entries:
        for line in lines:
            found = _one_line_result(line)
            if found is not None:
                found[1].urls = [f"https://pubmed.ncbi.nlm.nih.gov/{found[0]}/"]
                entries.append(found[1])
    text = page.visible_text()[:20000]
    person = None
    named = _OWNER_SEARCH_RE.search(text) or _OWNER_INFO_RE.search(text)
    if named:
        raw = named.group("name").strip()
        vancouver = re.fullmatch(r"(\S.*?)\s([A-Z]{1,3})", raw)
        if vancouver:  # "Al-Khatib MH[Author]": the initials as given names ("M. H. Al-Khatib", spelled out from the page later)
            raw = " ".join(f"{c}." for c in vancouver.group(2)) + " " + vancouver.group(1)
        person = owner_name(invert_name(raw) if "," in raw else raw)
    if person is None:
        person = common_author([e.authors for e in entries if e.authors], min_share=0.75, min_entries=3)
    evidence = [f"PubMed-style results copied as text: {len(entries)} by PMID"]
    return PageParse(kind="listing" if entries else "not-a-profile", person=person, entries=entries, evidence=evidence)
