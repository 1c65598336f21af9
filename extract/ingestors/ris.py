"""RIS exports: Zotero, EndNote, Mendeley, reference managers and publishers' "Download
citation" buttons.

    TY  - JOUR                  <- a record starts at TY ...
    AU  - Haddad-Bennett, Yara  <- one author a line, "Family, Given" (A1 alike; A2/ED/A3 editors)
    TI  - Sediment pulses …     <- TI/T1 title
    T2  - Earth Surface Letters <- container: JO/JF/T2/JA/J2 journal, T2/BT book or proceedings
    PY  - 2021                  <- PY/Y1/DA: the first four-digit year ("2020/05/12/")
    DO  - 10.1234/esl.2021.7
    N1  - In press              <- a publication status in a note becomes the entry's note
    ER  -                       <- ... and ends at ER

A line is a tag, spaces, a hyphen and the value; spacing is read leniently, CRLF and lone CR
line ends alike, and an untagged line continues the value above it (wrapped abstracts). The
reader is one pass over the lines and never raises; records and authors are bounded. An export
is one person's when one author is on every record (kind `listing`), else `search-results`.

The helpers `tagged_author`, `year_and_date`, `status_note` and `split_urls` are shared with
the EndNote/Refer reader (extract.ingestors.refer), which has the same conventions.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from extract.fields.ids import normalise_doi
from extract.fields.names import clean_name, split_author_list
from extract.fields.pagecache import cached
from extract.fields.structured import listing_or_search_results
from extract.fields.text import clean_text, one_line
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "ris"

MAX_RECORDS = 20_000
MAX_AUTHORS = 2_000
_MAX_VALUES = 5_000  # values kept per tag in one record (keywords, urls …)
_MAX_VALUE_CHARS = 100_000  # one value, continuation lines included

# "TY  - JOUR", "ER  -", "AU - Smith, J" (lenient spacing); the value is stripped in Python
# (a regex tail such as (.*?)\s*$ is quadratic on long runs of spaces)
_TAG_RE = re.compile(r"[ \t]{0,3}([A-Z][A-Z0-9])[ \t]{1,4}-(?:[ \t](.*))?$")
_TY_LINE_RE = re.compile(r"^[ \t]{0,3}TY[ \t]{1,4}-[ \t]", re.M)
_ER_LINE_RE = re.compile(r"^[ \t]{0,3}ER[ \t]{1,4}-", re.M)

_FOUR_DIGITS_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# "2020/05/12/", "2020/05//", "2020-05-12": year, month, day
_SLASH_DATE_RE = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{1,2})?\s*(?:[/-]\s*(\d{1,2})?)?")
_STATUS_RE = re.compile(
    r"\b(?:in\s+press|under\s+(?:review|revision|submission)|submitted|to\s+appear|forthcoming|"
    r"accepted\s+for\s+publication|in\s+preparation|revise\s+and\s+resubmit|r\s*&\s*r)\b", re.I)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

_JOURNAL_TYPES = {"JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "ABST", "INPR", "SER", "ELEC"}
_CHAPTER_TYPES = {"CHAP", "ECHAP", "CONF", "CPAPER", "ENCYC", "DICT"}
_BOOK_TYPES = {"BOOK", "EBOOK", "EDBOOK", "CTLG"}
_THESIS_TYPES = {"THES"}
_REPORT_TYPES = {"RPRT", "GOVDOC", "STAND"}
_JOURNAL_TAGS = ("JF", "JO", "T2", "JA", "J2", "J1")  # JA/J2/J1 are abbreviations
_ABBREVIATED_RE = re.compile(r"\b[A-Z][a-z]{0,6}\.(?:\s|$)")
_CONTAINER_TAGS = ("T2", "BT", "C3")


# ---- helpers shared with extract.ingestors.refer -------------------------------------------

def tagged_author(raw: str) -> list[Union[str, Author]]:
    """One author line of a tagged export: "Family, Given" (or "Family, Given, Jr.") as an
    Author with that family name (so "García Márquez, Gabriel" keeps both family names);
    a name in natural order or a corporate author as it is; several names packed into one
    line ("Smith, J.; Doe, A.") split."""
    text = clean_text(raw)
    if not text or not any(c.isalpha() for c in text):
        return []
    if ";" in text or text.count(",") > 2 or ("," in text and re.search(r"\s(?:and|&)\s", text)):
        return list(split_author_list(text).names)
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if len(parts) == 2 or (len(parts) == 3 and parts[1].lower().rstrip(".") in _SUFFIXES):
        family = clean_name(parts[0])
        given = clean_name(parts[-1])
        suffix = parts[1] if len(parts) == 3 else ""
        if family and given:
            display = " ".join(x for x in (given, family, suffix) if x)
            return [Author(name=display, given=given, family=f"{family} {suffix}".strip())]
    return [text if len(parts) <= 1 else " ".join(parts)]


def year_and_date(values: list[Optional[str]]) -> tuple[Optional[int], Optional[str]]:
    """The year (the first four-digit year of the first value that has one) and, when a value
    states a month, an ISO date of that year ("2020/05/12/" -> 2020, "2020-05-12")."""
    year = None
    for value in values:
        m = _FOUR_DIGITS_RE.search(value or "")
        if m:
            year = int(m.group(1))
            break
    if year is None:
        return None, None
    for value in values:
        m = _SLASH_DATE_RE.match(value or "")
        if m and int(m.group(1)) == year and m.group(2) and 1 <= int(m.group(2)) <= 12:
            date = f"{year:04d}-{int(m.group(2)):02d}"
            if m.group(3) and 1 <= int(m.group(3)) <= 31:
                date += f"-{int(m.group(3)):02d}"
            return year, date
    return year, None


def status_note(notes: list[str]) -> Optional[str]:
    """A publication status stated in a note ("In press", "Under review at …"): the note when it
    is short, else the status words alone. Other notes (Zotero's HTML notes, keywords) are not
    kept."""
    for note in notes:
        m = _STATUS_RE.search(note[:5_000])
        if m:
            text = one_line(note)
            return text if len(text) <= 120 else one_line(m.group(0))
    return None


def split_urls(values: list[str]) -> list[str]:
    """URL fields: one or several per value (separated by spaces or ';'); http(s) only."""
    urls: list[str] = []
    for value in values:
        for part in re.split(r"[\s;]+", value.strip()):
            if part.lower().startswith(("http://", "https://")) and part not in urls:
                urls.append(part)
            if len(urls) >= 50:
                return urls
    return urls


# ---- the RIS reader -------------------------------------------------------------------------

class TaggedRecord:
    """One record of a tagged export (RIS here, EndNote/Refer in refer.py): values per tag, in
    order, with continuation lines joined to the last value; bounded per tag and per value."""

    __slots__ = ("fields", "last", "last_chars")

    def __init__(self) -> None:
        self.fields: dict[str, list[list[str]]] = {}
        self.last: Optional[list[str]] = None  # the value an untagged line continues
        self.last_chars = 0

    def add(self, tag: str, value: str) -> None:
        values = self.fields.setdefault(tag, [])
        if len(values) >= _MAX_VALUES:
            self.last = None
            return
        self.last, self.last_chars = [value], len(value)
        values.append(self.last)

    def cont(self, line: str) -> None:
        if self.last is not None and self.last_chars + len(line) <= _MAX_VALUE_CHARS:
            self.last.append(line)
            self.last_chars += len(line) + 1

    def get(self, tag: str) -> list[str]:
        return [" ".join(parts).strip() for parts in self.fields.get(tag, [])]

    def first(self, *tags: str) -> Optional[str]:
        for tag in tags:
            for value in self.get(tag):
                if value:
                    return value
        return None


def _lines(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _read(text: str) -> tuple[list[TaggedRecord], bool]:
    """Records between TY and ER (a new TY also closes an open record); (records, truncated)."""
    records: list[TaggedRecord] = []
    current: Optional[TaggedRecord] = None
    for line in _lines(text):
        m = _TAG_RE.match(line) if len(line) >= 4 else None
        if m:
            tag, value = m.group(1), (m.group(2) or "").strip()
            if tag == "TY":
                if current is not None:
                    records.append(current)
                if len(records) >= MAX_RECORDS:
                    return records, True
                current = TaggedRecord()
                current.add("TY", value)
            elif current is None:
                continue
            elif tag == "ER":
                records.append(current)
                current = None
            else:
                current.add(tag, value)
        elif current is not None and line.strip():
            current.cont(line.strip())
    if current is not None and len(records) < MAX_RECORDS:
        records.append(current)  # the last record lost its ER
    return records, False


def _parsed(page: Page) -> tuple[list[TaggedRecord], bool]:
    return cached(page, "ris", lambda: _read(page.text))


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    text = page.text
    if "TY" not in text or "ER" not in text:  # cheap gate before the line scan
        return 0.0
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ty = _TY_LINE_RE.search(text)
    if ty is None:
        return 0.0
    return 0.95 if _ER_LINE_RE.search(text, ty.end()) else 0.0


def _journal(rec: TaggedRecord) -> Optional[str]:
    """The journal's name, written out when the export has it: exporters differ in which of
    JO/JF/T2 hold the full name and which an abbreviation ("J. Wetl. Biogeochem.")."""
    names = [v for v in (rec.first(t) for t in _JOURNAL_TAGS) if v]
    return next((v for v in names if not _ABBREVIATED_RE.search(v)), names[0] if names else None)


def _venue(rtype: str, rec: TaggedRecord, title: Optional[str]) -> Optional[str]:
    if rtype in _JOURNAL_TYPES:
        return _journal(rec) or rec.first(*_CONTAINER_TAGS)
    if rtype in _CHAPTER_TYPES:
        return rec.first(*_CONTAINER_TAGS) or _journal(rec)
    if rtype in _BOOK_TYPES:
        container = next((v for v in (rec.first("T2"), rec.first("BT")) if v and v != title), None)
        return container or rec.first("PB")
    if rtype in _THESIS_TYPES or rtype in _REPORT_TYPES:
        return rec.first("PB") or rec.first("T2", "T3")
    return _journal(rec) or rec.first(*_CONTAINER_TAGS)


# data, software, maps and media are outputs, not publications (ORCID, JSON and BibTeX readers
# leave them out too)
_NOT_PUBLICATION_TYPES = {"DATA", "DBASE", "COMP", "MAP", "ART", "SOUND", "VIDEO", "MPCT", "MUSIC", "CHART", "SLIDE",
                          "AGGR"}


def _entry(rec: TaggedRecord) -> Optional[Entry]:
    rtype = (rec.first("TY") or "").upper()[:10]
    if rtype in _NOT_PUBLICATION_TYPES:
        return None
    title = rec.first("TI", "T1", "CT") or (rec.first("BT") if rtype in _BOOK_TYPES else None)
    authors: list[Union[str, Author]] = []
    for raw in rec.get("AU") + rec.get("A1"):
        authors.extend(tagged_author(raw))
        if len(authors) >= MAX_AUTHORS:
            break
    authors = authors[:MAX_AUTHORS]
    flags, note = [], None
    if not authors:
        editors: list[Union[str, Author]] = []
        for raw in rec.get("ED") + rec.get("A2"):
            editors.extend(tagged_author(raw))
            if len(editors) >= MAX_AUTHORS:
                break
        if editors and rtype in _BOOK_TYPES:
            authors, note = editors[:MAX_AUTHORS], "editors"  # an edited volume is listed under its editors
    if not authors:
        flags.append("no-authors")
    if not title and not authors:
        return None
    dates = [rec.first("PY"), rec.first("Y1"), rec.first("DA")]
    year, date = year_and_date(dates)
    # a status where the year belongs ("PY  - In press") counts as well
    status = status_note(rec.get("N1") + ([d for d in dates if d] if year is None else []))
    if not status and rtype == "INPR":
        status = "in press"
    note = "; ".join(n for n in (note, status) if n) or None
    doi = next((d for d in (normalise_doi(v) for v in rec.get("DO") + rec.get("DI") + rec.get("M3")) if d), None)
    return Entry(
        title=title,
        authors=authors,
        year=year,
        date=date,
        venue=_venue(rtype, rec, title),
        abstract=rec.first("AB", "N2"),
        doi=doi,
        urls=split_urls(rec.get("UR") + rec.get("L1") + rec.get("L2") + rec.get("LK")),
        note=note,
        flags=flags,
    )


def parse(page: Page) -> PageParse:
    records, truncated = _parsed(page)
    entries = [e for e in (_entry(r) for r in records) if e is not None]
    evidence = [f"RIS export: {len(entries)} records"]
    skipped = sum(1 for r in records if (r.first("TY") or "").upper()[:10] in _NOT_PUBLICATION_TYPES)
    if skipped:
        evidence.append(f"{skipped} data, software or media records left out")
    result = listing_or_search_results(entries, evidence, what="record", min_share=0.75)
    if truncated:
        result.flags.append("records-truncated")
        result.evidence.append(f"only the first {MAX_RECORDS} records read")
    return result
