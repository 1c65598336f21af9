"""Tagged-field exports: Web of Science's plain-text export and PubMed's MEDLINE format, one
field per line under a short tag, continuation lines indented.

    PT J                                   PMID- 31840021
    AU Quispe Mamani, R                    TI  - Orexin neuron activity during recovery sleep
       Huaman Condori, E                         after acute sleep deprivation in mice.
    AF Quispe Mamani, Rafael               DP  - 2019 Dec
    TI Frost tolerance of native quinoa    FAU - Morishita, Haruka
       landraces from the Altiplano        AU  - Morishita H
    SO ANDEAN JOURNAL OF CROP SCIENCE      JT  - Journal of Sleep Neurobiology
    PY 2017                                TA  - J Sleep Neurobiol
    ER                                     PT  - Journal Article

A Web of Science record runs from PT to ER, a MEDLINE record from PMID- to the next PMID-. Full
names (AF, FAU) win over abbreviated ones (AU); a continued author field puts one person on each
line, a continued title or source is one text. Data sets and other non-publications (by document
or publication type) are left out and counted. RIS (`TY  - `) has its own reader.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.structured import common_author
from extract.fields.names import split_author_list
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "tagged_export"

MAX_RECORDS = 20_000
_MEDLINE_LINE_RE = re.compile(r"^([A-Z][A-Z0-9]{1,3})\s*- (.*)$")
_WOS_LINE_RE = re.compile(r"^([A-Z][A-Z0-9]) (.*)$|^(ER|EF)\s*$")
_PERSON_TAGS = {"AU", "AF", "FAU", "BA", "BF", "CA", "CN"}
_NOT_PUBLICATION_RE = re.compile(r"(?i)\b(?:data ?set|data paper|software|meeting abstract|correction|erratum|retraction of publication|"
                                 r"editorial material|biographical-item|news item)\b")


def _fields(lines: list[str], medline: bool) -> list[dict[str, list[str]]]:
    records: list[dict[str, list[str]]] = []
    current: Optional[dict[str, list[str]]] = None
    tag: Optional[str] = None
    for line in lines:
        line = line.rstrip("\r").lstrip("\ufeff")
        if not line.strip():
            tag = None if medline else tag
            continue
        m = _MEDLINE_LINE_RE.match(line) if medline else _WOS_LINE_RE.match(line)
        if m and not (medline is False and line[:1].isspace()):
            tag = m.group(1) or m.group(3)
            value = (m.group(2) or "").strip() if (m.group(2) is not None) else ""
            starts = (tag == "PMID") if medline else (tag == "PT")
            if starts:
                if len(records) >= MAX_RECORDS:
                    break
                current = {}
                records.append(current)
            if tag in ("ER", "EF") and not medline:
                current, tag = None, None
                continue
            if current is not None:
                current.setdefault(tag, []).append(value)
            continue
        if current is not None and tag and line[:1].isspace():
            # a continuation: one more person in a name field, the same text elsewhere
            if tag in _PERSON_TAGS and not medline:
                current[tag].append(line.strip())
            else:
                current[tag][-1] = f"{current[tag][-1]} {line.strip()}"
    return records


def _first(record: dict[str, list[str]], *tags: str) -> str:
    for tag in tags:
        values = record.get(tag)
        if values and values[0].strip():
            return clean_text(values[0]).strip()
    return ""


def _entry(record: dict[str, list[str]], medline: bool) -> Optional[Entry]:
    title = _first(record, "TI")
    if not title:
        return None
    people = record.get("AF") or record.get("FAU") or record.get("AU") or []
    year = re.search(r"\b(?:1[5-9]|20)\d{2}\b", _first(record, "PY", "DP", "EA", "PD"))
    # MEDLINE's SO is the whole citation ("J Sleep Neurobiol. 2019 Dec;12(4):233-245"): its journal is JT
    venue = (_first(record, "JT", "BTI", "TA", "PB") if medline else _first(record, "SO", "SE", "PU")) or None
    doi = next((re.sub(r"\s*\[doi\]$", "", v) for v in record.get("DI", []) + record.get("LID", []) + record.get("AID", [])
                if "[doi]" in v or re.match(r"10\.\d", v)), None)
    return Entry(title=title.rstrip("."), authors_text="; ".join(p.strip() for p in people if p.strip()) or None,
                 year=int(year.group(0)) if year else None, venue=venue, doi=doi)


def _kind(record: dict[str, list[str]]) -> str:
    return " ".join(record.get("DT", []) + record.get("PT", []))


def _read(page: Page) -> tuple[list[Entry], int, str]:
    lines = page.text.splitlines()
    head = page.text[:4000].lstrip("\ufeff \r\n")
    medline = bool(re.match(r"PMID- ?\d", head)) or bool(re.search(r"^PMID- ?\d+", head, re.M))
    records = _fields(lines, medline)
    entries, left_out = [], 0
    for record in records:
        if _NOT_PUBLICATION_RE.search(_kind(record)):
            left_out += 1
            continue
        entry = _entry(record, medline)
        if entry is not None:
            entries.append(entry)
    return entries, left_out, "MEDLINE" if medline else "Web of Science"


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    head = page.text[:4000].lstrip("\ufeff \r\n")
    medline = re.search(r"^PMID- ?\d+\s*$", head, re.M) and re.search(r"^TI  - \S", page.text[:20000], re.M)
    wos = (head.startswith(("FN ", "PT ")) or re.search(r"^PT [A-Z]\s*$", head, re.M)) and re.search(r"^TI \S", page.text[:20000], re.M) \
        and re.search(r"^ER\s*$", page.text[:200000], re.M)
    return 0.95 if medline or wos else 0.0


def parse(page: Page) -> PageParse:
    entries, left_out, flavour = _read(page)
    evidence = [f"{flavour} tagged export: {len(entries)} records" + (f" ({left_out} data sets or notices left out)" if left_out else "")]
    person = common_author([split_author_list(e.authors_text).names if e.authors_text else [] for e in entries], min_share=0.6)
    if person:
        evidence.append(f"at least 60% of the records have author '{person}'")
    kind = "listing" if person else ("search-results" if entries else "not-a-profile")
    return PageParse(kind=kind, person=person, entries=entries, evidence=evidence)
