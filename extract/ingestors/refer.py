"""EndNote / Refer tagged text (EndNote's "Refer/BibIX" export, `.enw` downloads, classic
refer databases).

    %0 Journal Article           <- reference type (EndNote; classic refer has none)
    %A Haddad-Bennett, Yara      <- one author a line, "Family, Given" (%E editors are not authors)
    %T Sediment pulses …         <- title
    %J Earth Surface Letters     <- journal; %B book / proceedings (secondary) title
    %D 2021                      <- year (the first four-digit year); %8 a date ("May 12")
    %R 10.1234/esl.2021.7        <- DOI (EndNote's electronic resource number)
    %U https://…   %X abstract   %I publisher / university / institution   %Z notes
                                 <- a blank line ends the record

Spacing is read leniently; an untagged line continues the value above it; a new %0 also starts
a record. Venue by type as the RIS reader does: journal for articles, book or proceedings title
for chapters and papers, the publisher for a book with no series, the university for a thesis,
the institution for a report. One pass over the lines, never raises, records and authors
bounded. Kind `listing` when one author is on every record, else `search-results`.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from extract.fields.ids import normalise_doi
from extract.fields.pagecache import cached
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.ingestors.ris import (
    MAX_AUTHORS, MAX_RECORDS, TaggedRecord, split_urls, status_note, tagged_author, year_and_date,
)
from extract.page import Page
from schemas.models import Author

NAME = "refer"

# "%A Smith, John", "%0 Journal Article", "%X" (empty); the tag is one character after '%'
_TAG_RE = re.compile(r"[ \t]{0,3}%([0-9A-Z@!#$&()*+^>~<?|=\[\]])(?:[ \t](.*))?$")
_A_LINE_RE = re.compile(r"^[ \t]{0,3}%A[ \t]", re.M)
_T_LINE_RE = re.compile(r"^[ \t]{0,3}%T[ \t]", re.M)
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)

_JOURNAL_TYPES = {"journal article", "magazine article", "newspaper article", "electronic article"}
_CHAPTER_TYPES = {"book section", "conference paper", "conference proceedings", "encyclopedia", "dictionary",
                  "electronic book section"}
_BOOK_TYPES = {"book", "edited book", "electronic book"}
_THESIS_TYPES = {"thesis"}
_REPORT_TYPES = {"report", "government document", "standard"}


class _Record(TaggedRecord):
    """A Refer record also counts its tagged lines (a record needs two)."""

    __slots__ = ("tagged",)

    def __init__(self) -> None:
        super().__init__()
        self.tagged = 0

    def add(self, tag: str, value: str) -> None:
        self.tagged += 1
        super().add(tag, value)


def _read(text: str) -> tuple[list[_Record], bool]:
    """Records: runs of lines between blank lines holding at least two tagged lines (a %0
    line also starts a record); (records, truncated)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    records: list[_Record] = []
    current: Optional[_Record] = None

    def close() -> None:
        if current is not None and current.tagged >= 2:
            records.append(current)

    for line in text.split("\n"):
        if not line.strip():
            close()
            current = None
            if len(records) >= MAX_RECORDS:
                return records, True
            continue
        m = _TAG_RE.match(line) if "%" in line[:4] else None
        if m:
            tag, value = m.group(1), (m.group(2) or "").strip()
            if current is None or (tag == "0" and current.tagged):
                close()
                if len(records) >= MAX_RECORDS:
                    return records, True
                current = _Record()
            current.add(tag, value)
        elif current is not None:
            current.cont(line.strip())
    close()
    return records[:MAX_RECORDS], len(records) > MAX_RECORDS


def _parsed(page: Page) -> tuple[list[_Record], bool]:
    return cached(page, "refer", lambda: _read(page.text))


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    text = page.text
    if "%A" not in text or "%T" not in text:  # cheap gate before the line scan
        return 0.0
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _A_LINE_RE.search(text) or not _T_LINE_RE.search(text):
        return 0.0
    records, _ = _parsed(page)
    return 0.95 if any("A" in r.fields and "T" in r.fields for r in records) else 0.0


def _venue(rtype: str, rec: _Record, title: Optional[str]) -> Optional[str]:
    if rtype in _JOURNAL_TYPES:
        return rec.first("J", "B")
    if rtype in _CHAPTER_TYPES:
        return rec.first("B", "J")
    if rtype in _BOOK_TYPES:
        container = next((v for v in (rec.first("B"), rec.first("S")) if v and v != title), None)
        return container or rec.first("I")
    if rtype in _THESIS_TYPES or rtype in _REPORT_TYPES:
        return rec.first("I") or rec.first("B", "S")
    return rec.first("J", "B")


def _people(values: list[str]) -> list[Union[str, Author]]:
    people: list[Union[str, Author]] = []
    for raw in values:
        people.extend(tagged_author(raw))
        if len(people) >= MAX_AUTHORS:
            break
    return people[:MAX_AUTHORS]


def _entry(rec: _Record) -> Optional[Entry]:
    rtype = (rec.first("0") or "").strip().lower()[:40]
    title = rec.first("T")
    authors = _people(rec.get("A"))
    flags, note = [], None
    if not authors and rtype in _BOOK_TYPES:
        editors = _people(rec.get("E"))
        if editors:
            authors, note = editors, "editors"  # an edited volume is listed under its editors
    if not authors:
        flags.append("no-authors")
    if not title and not authors:
        return None
    when = rec.first("D")
    year, date = year_and_date([when])
    day = (rec.first("8") or "")[:40]
    if year and not date and day and _MONTH_RE.search(day):
        date = day if re.search(r"\d{4}", day) else f"{day} {year}"  # EndNote's date: "May 12"
    status = status_note(rec.get("Z") + rec.get("O") + ([when] if when and year is None else []))
    note = "; ".join(n for n in (note, status) if n) or None
    doi = next((d for d in (normalise_doi(v) for v in rec.get("R")) if d), None)
    return Entry(
        title=title,
        authors=authors,
        year=year,
        date=date,
        venue=_venue(rtype, rec, title),
        abstract=rec.first("X"),
        doi=doi,
        urls=split_urls(rec.get("U")),
        note=note,
        flags=flags,
    )


def parse(page: Page) -> PageParse:
    records, truncated = _parsed(page)
    entries = [e for e in (_entry(r) for r in records) if e is not None]
    evidence = [f"EndNote/Refer tagged text: {len(entries)} records"]
    result = listing_or_search_results(entries, evidence, what="record", min_share=0.75)
    if truncated:
        result.flags.append("records-truncated")
        result.evidence.append(f"only the first {MAX_RECORDS} records read")
    return result
