"""Publication records copied as text where every field sits under (or after) its own label: a
Scopus or Web-of-Science author page pasted from the browser, a research portal's "export as
text", a CV generated from a database.

    Document title                      Title: Nitrate leaching under cover crops
    Nitrate leaching under cover …      Authors: Lindqvist, M., Ahmed, S.
    Authors                             Year: 2023
    Lindqvist, M., Ahmed, S.            Source: Agriculture, Ecosystems and Environment, 345
    Year
    2023
    Source
    Agriculture, Ecosystems and Environment, 345, 108321

A record starts at each title label; the value of a label is the rest of its line or, when
the label stands alone, the lines up to the next label. Labels are matched whole (a title
that happens to be "Year" is not a label line because it is a value line under "Title").
English, German, French, Spanish, Portuguese and Italian labels. Kind `listing` when one
author is on most records (the profile's owner), else `search-results`.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import field_year, find_year
from extract.fields.ids import find_doi, normalise_doi
from extract.fields.names import fuller_name, owner_name, split_author_list
from extract.fields.structured import listing_or_search_results
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "labelled_text"

MAX_RECORDS = 5_000
_LABELS = {
    "title": ("title", "document title", "article title", "paper title", "publication title", "titel", "titre",
              "título", "titolo"),
    "authors": ("authors", "author", "author(s)", "authors/editors", "autoren", "auteurs", "autores", "autori",
                "creators", "contributors"),
    "year": ("year", "publication year", "published", "publication date", "date", "jahr", "année", "año", "ano",
             "anno", "pub year", "pub date", "pubdate", "date published"),
    "venue": ("source", "journal", "source title", "published in", "venue", "publication", "conference", "book",
              "zeitschrift", "revue", "revista", "rivista", "fonte", "quelle", "journal-ref", "journal ref",
              # the book or proceedings a chapter or paper is in
              "book title", "booktitle", "titolo del volume", "titolo volume", "titolo del libro", "buchtitel", "sammelwerk",
              "título del libro", "titulo del libro", "título do livro", "titre du livre", "proceedings"),
    "doi": ("doi",),
    "ignore": ("cited by", "citations", "times cited", "abstract", "keywords", "language",
               "issn", "isbn", "volume", "issue", "pages", "access type", "open access",
               "subjects", "msc classes", "acm classes", "report number", "cite as", "bibcode",
               "library", "library owner", "generated", "format", "note",
               "handle", "url", "pagine", "seiten", "convegno", "congresso", "tagung"),
    # a book's publisher: its venue when no journal or book is named
    "publisher": ("publisher", "editore", "verlag", "éditeur", "editorial", "editora"),
    "comments": ("comments",),
    "doctype": ("doctype", "document type", "type", "publication type", "item type"),
}
_LABEL_OF = {label: field for field, labels in _LABELS.items() for label in labels}
# "Title: value" / "Title" alone (with an optional colon)
_LABEL_LINE_RE = re.compile(r"^\s*([A-Za-zÀ-ÿ()/ -]{2,24}?)\s*(?::\s*(.*?))?\s*$")


# an arXiv listing copied as text: each record's head line names its identifier
_ARXIV_HEAD_RE = re.compile(r"^\s*(?:(?:\[\d{1,4}\]|\d{1,4}\.)\s*)?arXiv:(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b")
_UNPUBLISHED_RE = re.compile(r"(?i)\b(?:under review|submitted|in preparation|under submission)\b")
_NOT_PUBLICATION_DOCTYPE_RE = re.compile(r"(?i)\b(?:software|proposal|catalog(?:ue)?|data ?set|dataset)\b")


_UNKNOWN_LABEL_RE = re.compile(r"^\s*[A-ZÀ-Þ][a-zà-ÿ]+(?:\s[a-zà-ÿ]+){0,3}\s*:\s+\S")


def _label(line: str) -> Optional[tuple[str, str]]:
    """(field, inline value) of a label line, or None."""
    m = _LABEL_LINE_RE.match(line)
    if not m:
        return None
    field = _LABEL_OF.get(m.group(1).strip().lower())
    if field is None:
        return None
    if m.group(2) is None and ":" not in line and line.strip() != m.group(1).strip():
        return None
    return field, (m.group(2) or "").strip()


def _records(text: str) -> list[dict[str, list[str]]]:
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    records: list[dict[str, list[str]]] = []
    current: Optional[dict[str, list[str]]] = None
    field: Optional[str] = None
    title_pending = False  # a title label stood alone: its next line is the title, whatever it says
    arxiv_head: Optional[str] = None  # "[1]  arXiv:2406.01187 [pdf, other]" heads the next record
    for line in lines:
        if not line.strip():
            continue
        labelled = None if title_pending else _label(line)
        title_pending = False
        if labelled is None and _ARXIV_HEAD_RE.match(line):
            arxiv_head = _ARXIV_HEAD_RE.match(line).group(1)
            field = None
            continue
        if labelled is not None:
            field, value = labelled
            if field == "title":
                current = {"arxiv": [arxiv_head]} if arxiv_head else {}
                arxiv_head = None
                records.append(current)
                if len(records) > MAX_RECORDS:
                    break
            if current is not None:
                current.setdefault(field, [])
                if value:
                    current[field].append(value)
                title_pending = field == "title" and not value
            continue
        if field in ("authors", "venue") and _UNKNOWN_LABEL_RE.match(line):
            field = None  # a label this reader does not know ("Sede: …") ends the value above it
            continue
        if current is not None and field is not None and field != "ignore":
            values = current.setdefault(field, [])
            # one value line per field, except a title or source wrapped over two lines
            if not values or (field in ("title", "venue", "authors") and len(values) < 2):
                values.append(line.strip())
            else:
                field = None  # the page's own text after the record (links, buttons)
    return [r for r in records[:MAX_RECORDS] if r.get("title") and (r.get("authors") or r.get("year"))
            # software, data and proposals are outputs, not publications (ADS's "Doctype: software")
            and not _NOT_PUBLICATION_DOCTYPE_RE.search(" ".join(r.get("doctype", [])))]


def _entry(rec: dict[str, list[str]]) -> Entry:
    title = " ".join(rec.get("title", []))
    authors_text = " ".join(rec.get("authors", []))
    year_text = " ".join(rec.get("year", []))
    source = " ".join(rec.get("venue", []))
    venue = None
    if source:
        # "Agriculture, Ecosystems and Environment, 345, 108321": the name before its numbers
        venue = clean_venue(re.split(r",\s*(?:\d|[Vv]ol\b|pp?\.)", source, maxsplit=1)[0])
    if venue is None and rec.get("publisher"):
        venue = clean_venue(" ".join(rec["publisher"])) or None
    doi_text = " ".join(rec.get("doi", [])) or source
    doi = find_doi(doi_text)
    comment = " ".join(rec.get("comments", [])) or None
    arxiv = (rec.get("arxiv") or [None])[0]
    date = None
    if arxiv:
        # an arXiv listing: the journal reference or an "Accepted to …" comment names the venue
        # (as the HTML listing reads them); a preprint has none (the server is no venue, as in
        # every other reader); the identifier dates it
        from extract.fields.structured import arxiv_venue_and_note
        from extract.ingestors.arxiv_listing import date_from_id

        listed_venue, comment = arxiv_venue_and_note(comment, source or None)
        if listed_venue or venue or not _UNPUBLISHED_RE.search(comment or ""):
            venue = listed_venue or venue
            date = date_from_id(arxiv)
        # ("Comments: 9 pages. Under review": unpublished, no year, as in every other reader)
    return Entry(
        title=title,
        authors=split_author_list(authors_text).names if authors_text else [],
        # a date field may be "02/2024" (ADS's Pub Date), which find_year leaves alone in running text
        year=field_year(year_text) if year_text else (find_year(source) if source else None),
        date=date,
        venue=venue,
        doi=normalise_doi(doi) if doi else None,
        arxiv=arxiv,
        note=comment if arxiv else None,
    )


def _text(page: Page) -> str:
    # a portal's HTML record list (IRIS: "Titolo / Autori / Anno / Rivista" cells) reads as its visible text
    return page.visible_text() if page.syntax == "html" else page.text


def _page_records(page: Page) -> list[dict[str, list[str]]]:
    records = _records(_text(page))
    if page.syntax == "html":
        # (a table's header row, "Title | Authors | Year", reads as one record whose title is a label)
        records = [r for r in records if len(" ".join(r["title"]).split()) >= 2]
    return records


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    text = _text(page)
    if not re.search(r"(?im)^\s*(?:document |article |paper )?(?:title|titel|titre|título|titolo)\s*:?\s*$|"
                     r"^\s*(?:title|titel|titre|título|titolo)\s*:", text):
        return 0.0
    records = _page_records(page)
    return 0.9 if len(records) >= 2 else 0.0


def _owner(text: str, first_record_line: int) -> Optional[str]:
    """A "Family, Given" or natural-order name heading the page (Scopus: "Lindqvist, Maja")."""
    for line in text.split("\n")[:first_record_line][:40]:
        line = line.strip()
        inverted = re.fullmatch(r"([A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)?),\s+([A-ZÀ-Þ][\w'’.-]+(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2})", line)
        if inverted and not re.search(r"\d", line):
            return f"{inverted.group(2)} {inverted.group(1)}"
        name = owner_name(line)
        if name:
            return name
    return None


def parse(page: Page) -> PageParse:
    text = _text(page)
    entries = [_entry(r) for r in _page_records(page)]
    evidence = [f"labelled field blocks: {len(entries)} records"]
    first = next((i for i, line in enumerate(text.split("\n")) if (_label(line) or ("",))[0] == "title"), 0)
    owner = _owner(text, first)
    result = listing_or_search_results(entries, evidence, what="record", min_share=0.6)
    if owner and result.kind == "listing":
        fuller = fuller_name(result.person, owner)
        if fuller != result.person:
            result.person = fuller
            result.evidence.append(f"owner named above the records: '{owner}'")
    return result
