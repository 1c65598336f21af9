"""TEI bibliographies: `<biblStruct>` records, as GROBID writes a paper's references and as
digital-humanities projects encode a person's works.

    <biblStruct>
      <analytic>                                   <- the part (article, chapter), when there is one
        <title level="a">Measuring literacy …</title>
        <author><persName><forename>Ingrid</forename> <surname>Solvang</surname></persName></author>
      </analytic>
      <monogr>                                     <- the whole (journal, book, proceedings)
        <title level="j">Historical Methods</title>
        <editor>…</editor>                          <- not authors
        <imprint><publisher>…</publisher><date when="2023">2023</date></imprint>
      </monogr>
      <idno type="DOI">10.1080/…</idno>
    </biblStruct>

Title: the analytic title, else the monograph's (a book). Authors: the analytic's authors,
else the monograph's. Venue: the monograph's title under an analytic part, else (a book) its
publisher. Year: the imprint date's `when` or text. Owner: the person the TEI header describes
(`particDesc`), else the author on most records. XML is parsed defused (extract.fields.safe_xml).
"""
from __future__ import annotations

import re
from typing import Optional, Union

from extract.fields.dates import find_year
from extract.fields.ids import normalise_doi
from extract.fields.safe_xml import local, page_xml
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "tei_xml"

MAX_RECORDS = 20_000
MAX_AUTHORS = 2_000


def _children(element, name: str) -> list:
    return [c for c in element if local(c) == name]


def _child(element, name: str):
    return next((c for c in element if local(c) == name), None)


def _text(element) -> Optional[str]:
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _person(element) -> Union[str, Author, None]:
    """An <author>/<person>: given and family names from its persName (the surname whole:
    "Quispe Mamani"), or its own text."""
    pers = next((d for d in element.iter() if local(d) == "persName"), None)
    if pers is None:
        return _text(element)
    given = " ".join(t for t in (_text(f) for f in pers.iter() if local(f) == "forename") if t)
    family = " ".join(t for t in (_text(s) for s in pers.iter() if local(s) == "surname") if t)
    if not family:
        return _text(pers)
    return Author(name=" ".join(p for p in (given, family) if p), given=given or None, family=family)


def _title(element, levels: tuple[str, ...]) -> Optional[str]:
    titles = _children(element, "title") if element is not None else []
    main = [t for t in titles if t.get("level") in levels and t.get("type") not in ("sub", "short", "abbrev")]
    chosen = main or [t for t in titles if t.get("type") not in ("sub", "short", "abbrev")]
    if not chosen:
        return None
    text = _text(chosen[0])
    sub = next((t for t in titles if t.get("type") == "sub"), None)
    return f"{text}: {_text(sub)}" if text and sub is not None and _text(sub) else text


def _entry(bibl) -> Optional[Entry]:
    analytic, monogr = _child(bibl, "analytic"), _child(bibl, "monogr")
    if analytic is None and monogr is None:
        return None
    part = analytic if analytic is not None else monogr
    title = _title(part, ("a",) if analytic is not None else ("m", "j", "s"))
    authors = [a for a in (_person(x) for x in _children(part, "author")[:MAX_AUTHORS]) if a]
    if not authors and analytic is not None and monogr is not None:
        authors = [a for a in (_person(x) for x in _children(monogr, "author")[:MAX_AUTHORS]) if a]
    imprint = _child(monogr, "imprint") if monogr is not None else None
    date = _child(imprint, "date") if imprint is not None else None
    year = None
    if date is not None:
        when = re.match(r"\s*((?:1[5-9]|20)\d{2})", date.get("when") or "")
        year = int(when.group(1)) if when else find_year(_text(date))
    venue = None
    if analytic is not None and monogr is not None:
        venue = _title(monogr, ("j", "m", "s"))
    elif imprint is not None:
        venue = _text(_child(imprint, "publisher"))
    doi = next((normalise_doi(_text(i)) for i in bibl.iter() if local(i) == "idno" and (i.get("type") or "").upper() == "DOI"
                and _text(i)), None)
    if not title and not authors:
        return None
    return Entry(title=title, authors=authors, year=year, venue=venue, doi=doi)


def _records(page: Page) -> tuple[list, Optional[object]]:
    root = page_xml(page).root
    if root is None:
        return [], None
    bibls = [e for e in root.iter() if local(e) == "biblStruct"][:MAX_RECORDS]
    return bibls, root


def detect(page: Page) -> float:
    if page.syntax != "xml" or "biblStruct" not in page.text:
        return 0.0
    bibls, _ = _records(page)
    return 0.95 if len(bibls) >= 2 else 0.0


def _header_person(root) -> Optional[str]:
    """The person a TEI header describes (`<particDesc><listPerson><person>`): the owner of a
    bibliography encoded about one scholar."""
    header = next((e for e in root.iter() if local(e) == "teiHeader"), None)
    if header is None:
        return None
    people = [e for e in header.iter() if local(e) == "person"]
    return _person(people[0]) if len(people) == 1 else None


def parse(page: Page) -> PageParse:
    bibls, root = _records(page)
    entries = [e for e in (_entry(b) for b in bibls) if e is not None]
    evidence = [f"TEI biblStruct records: {len(entries)}"]
    result = listing_or_search_results(entries, evidence, what="record", min_share=0.6)
    owner = _header_person(root) if root is not None else None
    owner = owner.name if isinstance(owner, Author) else owner
    if owner:
        from extract.fields.names import fuller_name

        if result.kind == "listing" and fuller_name(result.person, owner) == owner:
            result.person = owner
            result.evidence.append(f"owner: the person the TEI header describes, '{owner}'")
    return result
