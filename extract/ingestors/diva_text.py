"""A DiVA-style repository list copied as text (the Swedish and Nordic institutional archives):
each record a block anchored on its "year (language)In: source" line.

    3.
    Lindqvist-Okafor, Sigrid                                  <- authors, "Family, Given", one per line
    Uppsala universitet, Medicinska fakulteten, …             <- each followed by its affiliation (skipped)
    Haapala, Tuomas
    University of Helsinki, Finland.
    Visa övriga författare (5)                                <- "Show others (5)": the list was cut
    Socioeconomic gradients in adolescent sleep duration      <- title
    2021 (Engelska)Ingår i: Scandinavian Journal of Public Health, ISSN 1403-4948, Vol. 49, …Artikel i tidskrift
    Öppna denna publikation i ny flik eller fönster >>

The source is what follows "In:" / "Ingår i:" up to its ISSN, volume, year or imprint; a thesis or
a book has no "In:" and so no venue. The owner is the "Publications by" heading's person, else the
author on most records. Swedish, Norwegian and English interfaces.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import owner_name
from extract.fields.structured import listing_or_search_results
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "diva_text"

MAX_RECORDS = 5_000
# "2021 (Engelska)Ingår i: …", "2016 (English)Doctoral thesis, …", "2020 (Norsk)Inngår i: …"
_DATE_LANGUAGE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*\(([^\W\d]{3,20})\)\s*(.*)$")
_IN_SOURCE_RE = re.compile(r"^(?:Ingår i|Inngår i|In|Part of|Del av)\s*:\s*(.+)$", re.I)
# where the source's name ends: identifiers, volume, pages, editors, place-and-publisher, the year
_SOURCE_END_RE = re.compile(r",\s*(?:E-?ISSN|ISSN|ISBN|Vol\.|Volym|Årg|nr\b|no\b|s\.\s*\d|p\.\s*\d|artikel-id|article id)|"
                            r"\s*/\s*\[?ed\]?|,\s*(?:19|20)\d{2}\b|,\s*[^\W\d][\w ]{1,30}:\s", re.I)
# the record's type, glued to the end of the line: "…s. 561-569Artikel i tidskrift (Refereegranskad)"
_NUMBER_RE = re.compile(r"^\s*\d{1,4}\.\s*$")
_INVERTED_NAME_RE = re.compile(r"^\s*([^\W\d][\w'’ .-]{0,40}),\s+([^\W\d][\w'’.-]*(?:[\s-][^\W\d][\w'’.-]*){0,3})\s*$")
_MORE_AUTHORS_RE = re.compile(r"^\s*(?:Visa övriga författare|Vis øvrige forfattere|Show others|Show all authors)\b.*$", re.I)
_PUBLICATIONS_BY_RE = re.compile(r"^\s*(?:Publikationer av|Publikasjoner av|Publications by)\s+(.{3,80}?)\s*$", re.I)


def _anchors(lines: list[str]) -> list[int]:
    return [i for i, l in enumerate(lines) if _DATE_LANGUAGE_RE.match(l) and i > 0 and lines[i - 1].strip()][:MAX_RECORDS]


def _record(lines: list[str], floor: int, anchor: int) -> Optional[Entry]:
    """Walk up from the date line: the title above it, then name/affiliation pairs up to the
    record's number, a blank line or the previous record."""
    title = lines[anchor - 1].strip()
    names: list[Author] = []
    truncated = False
    k = anchor - 2
    while k >= floor and lines[k].strip() and not _NUMBER_RE.match(lines[k]):
        line = lines[k].strip()
        if _MORE_AUTHORS_RE.match(line):
            truncated = True
        elif (name := _INVERTED_NAME_RE.match(line)) and not line.endswith("."):
            # the family name as printed before the comma ("Lo Presti, Anna"), not re-guessed
            family, given = name.group(1).strip(), name.group(2).strip()
            names.insert(0, Author(name=f"{given} {family}", given=given, family=family))
        k -= 1
    date = _DATE_LANGUAGE_RE.match(lines[anchor])
    source = _IN_SOURCE_RE.match(date.group(3).strip())
    venue = None
    if source:
        end = _SOURCE_END_RE.search(source.group(1))
        venue = clean_venue(source.group(1)[: end.start()] if end else source.group(1))
    entry = Entry(title=title, authors=names, year=int(date.group(1)), venue=venue)
    if truncated:
        entry.flags.append("authors-truncated")
    return entry


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    lines = page.text[:500_000].splitlines()
    dated = [i for i in _anchors(lines) if _IN_SOURCE_RE.match(_DATE_LANGUAGE_RE.match(lines[i]).group(3).strip())]
    return 0.92 if len(dated) >= 2 else 0.0


def parse(page: Page) -> PageParse:
    lines = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    anchors = _anchors(lines)
    entries = [e for n, a in enumerate(anchors)
               if (e := _record(lines, anchors[n - 1] + 1 if n else 0, a)) is not None and e.title]
    result = listing_or_search_results(entries, [f"DiVA-style records: {len(entries)}"], what="record", min_share=0.6)
    heading = next((m for m in map(_PUBLICATIONS_BY_RE.match, lines[:200]) if m), None)
    owner = owner_name(heading.group(1)) if heading else None
    if owner and entries:
        family = owner.split()[-1].lower()
        if sum(1 for e in entries if any(a.family.lower() == family for a in e.authors)) * 2 >= len(entries):
            result.kind, result.person = "listing", owner
            result.evidence.append(f"owner named in the heading: '{owner}'")
    return result
