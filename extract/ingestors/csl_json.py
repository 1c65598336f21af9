"""CSL-JSON: the citation data Zotero, Pandoc, Better BibTeX and citeproc read and write
(Zotero's "CSL JSON" export, `pandoc -t csljson`, `pubsift export --format csl-json`).

A JSON array of items (or {"items": [...]}), each with a CSL `type` (article-journal,
paper-conference, chapter, book, thesis, report …), `title`, `author` as name objects
({"family", "given"} with particles and suffix, or {"literal"} for a group), `issued` as
{"date-parts": [[y, m, d]]} or {"raw"/"literal": "..."}, `container-title`, `publisher`,
`DOI`, `URL`, `abstract`, `status`. Editors, translators and other roles are not authors.
The venue is the container title; a thesis or report without one names its institution
(`publisher`), and so does a book. No `issued` date, no year: the access date is not one.
CSL rich-text markup in titles (<i>, <sup>, small-caps spans) is dropped.
Kind `listing` when one author is on every item (the export of a person's library or
publication list), else `search-results`.
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Any, Optional

from extract.fields.ids import find_arxiv, find_doi, normalise_doi
from extract.fields.names import split_author_list
from extract.fields.structured import listing_or_search_results
from extract.fields.text import clean_text
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "csl_json"

# the CSL 1.0.2 item types (citation-style-language/schema, csl-data.json)
_CSL_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
})
_NOT_PUBLICATION_TYPES = frozenset({"dataset", "software", "figure", "graphic", "map", "motion_picture", "song",
                                    "musical_score", "broadcast", "performance", "event"})
# types whose institution or publisher stands where a container would
_PUBLISHER_VENUE_TYPES = frozenset({"thesis", "report", "book", "article"})  # ("article": Zotero's preprint, its server the publisher)
_NAME_KEYS = frozenset({"family", "given", "literal"})
_DATE_KEYS = frozenset({"date-parts", "raw", "literal"})
# the rich-text markup CSL allows inside strings; a bare '<' ("p < 0.05") is text
_CSL_MARKUP_RE = re.compile(r"</?(?:i|b|sup|sub|sc|span)\b[^<>]{0,200}>", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|20\d{2})(?!\d)")
_MAX_ITEMS = 20_000
_MAX_AUTHORS = 2000
_SAMPLE = 50


def _items(page: Page) -> Optional[list]:
    inner = payload(page)
    if inner.syntax != "json":
        return None
    data = inner.json()
    if isinstance(data, dict):
        data = next((data[k] for k in ("items", "references") if isinstance(data.get(k), list)), None)
    return data if isinstance(data, list) else None


def _is_csl_item(item: Any) -> bool:
    """A CSL item: a known `type`, a string `title`, and at least one field in CSL's own shape
    (name objects, a date object, a container title). OpenAlex ('authorships'), ORCID (title
    objects) and DBLP ('authors') items share `type`/`title` but none of these shapes."""
    if not isinstance(item, dict) or not isinstance(item.get("title"), str):
        return False
    kind = item.get("type")
    if not isinstance(kind, str) or kind.strip().lower() not in _CSL_TYPES:
        return False
    authors = item.get("author")
    if isinstance(authors, list) and authors and all(isinstance(a, dict) and _NAME_KEYS & a.keys()
                                                     for a in authors[:20]):
        return True
    issued = item.get("issued")
    if isinstance(issued, dict) and _DATE_KEYS & issued.keys():
        return True
    return isinstance(item.get("container-title"), str)


def detect(page: Page) -> float:
    if page.syntax not in ("json", "yaml", "text", "markdown"):
        return 0.0
    items = _items(page)
    if not items:
        return 0.0
    sample = items[:_SAMPLE]
    good = sum(_is_csl_item(i) for i in sample)
    return 0.95 if good and good * 2 > len(sample) else 0.0


def _text(value: Any) -> Optional[str]:
    if isinstance(value, list):  # a few writers give container-title as a list
        value = next((v for v in value[:5] if isinstance(v, str)), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return clean_text(_CSL_MARKUP_RE.sub("", value[:100_000])) or None


def _author(name: Any) -> Optional[Author | str]:
    if isinstance(name, str):
        return clean_text(name) or None
    if not isinstance(name, dict):
        return None
    literal = _text(name.get("literal"))
    if literal:
        # a person written as one string ("Tomáš Novák") is split like any name; a group author
        # ("… Consortium") stays one name
        from extract.fields.names import is_organisation_name, looks_like_name

        if looks_like_name(literal) and 2 <= len(literal.split()) <= 4 and not is_organisation_name(literal):
            return literal
        return Author(name=literal, family=literal) if any(c.isalpha() for c in literal) else None
    given = _text(name.get("given"))
    # particles go with the family name, as split_name puts them ("van der Hoek")
    family = " ".join(p for p in (_text(name.get("dropping-particle")), _text(name.get("non-dropping-particle")),
                                  _text(name.get("family"))) if p) or None
    suffix = _text(name.get("suffix"))
    if not family:
        return given if given and any(c.isalpha() for c in given) else None
    if not any(c.isalpha() for c in family):
        return None
    family_full = f"{family} {suffix}" if suffix else family
    display = f"{given} {family_full}" if given else family_full
    return Author(name=display, given=given, family=family_full)


def _date(issued: Any) -> tuple[Optional[str], Optional[int]]:
    """(date text, year) of a CSL date: date-parts first, then the raw/literal forms."""
    if isinstance(issued, list):  # CSL-YAML habits: a bare list of date objects
        issued = issued[0] if issued else None
    if isinstance(issued, str):
        issued = {"raw": issued}
    if not isinstance(issued, dict):
        return None, None
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = []
        for part in parts[0][:3]:
            if isinstance(part, str) and part.strip().isdigit() and len(part.strip()) <= 4:
                part = int(part.strip())
            if not isinstance(part, int) or isinstance(part, bool):
                break
            numbers.append(part)
        if numbers and 1500 <= numbers[0] <= 2100:
            year = numbers[0]
            out = str(year)
            if len(numbers) > 1 and 1 <= numbers[1] <= 12:
                out += f"-{numbers[1]:02d}"
                if len(numbers) > 2 and 1 <= numbers[2] <= 31:
                    out += f"-{numbers[2]:02d}"
            return out, year
    for key in ("raw", "literal"):
        text = _text(issued.get(key))
        if text:
            m = _YEAR_RE.search(text[:200])
            return text[:200], int(m.group(1)) if m else None
    return None, None


def _venue(item: dict, kind: str) -> Optional[str]:
    venue = _text(item.get("container-title"))
    if venue:
        return venue
    if kind == "paper-conference":
        # Zotero puts the conference name in event-title (CSL 1.0.2) or event (older)
        venue = _text(item.get("event-title")) or _text(item.get("event"))
        if venue:
            return venue
    if kind in _PUBLISHER_VENUE_TYPES:
        return _text(item.get("publisher"))
    return None


def _entry(item: dict) -> Entry:
    kind = str(item.get("type") or "").strip().lower()
    authors = []
    raw_authors = item.get("author")
    if isinstance(raw_authors, (dict, str)):
        raw_authors = [raw_authors]
    truncated = False
    for name in islice(raw_authors if isinstance(raw_authors, list) else [], _MAX_AUTHORS):
        mark = split_author_list(_text(name.get("literal")) or _text(name.get("family")) or "") if isinstance(name, dict) else None
        if mark and mark.truncated and not mark.names:
            truncated = True  # {"literal": "et al."}: the list was cut, nobody of that name
            continue
        author = _author(name)
        if author:
            authors.append(author)
    date, year = _date(item.get("issued"))
    url = _text(item.get("URL"))
    urls = [url] if url and url.startswith(("http://", "https://")) else []
    doi = normalise_doi(_text(item.get("DOI"))) or find_doi(url)
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    custom_arxiv = _text(custom.get("arxiv"))
    # pubsift's own export keeps the id in custom.arxiv; Zotero in number ("arXiv:…") or note
    arxiv_blob = " ".join(t for t in (f"arXiv:{custom_arxiv}" if custom_arxiv else None, _text(item.get("number")),
                                      _text(item.get("note")), url) if t)
    abstract = _text(item.get("abstract"))
    return Entry(
        title=_text(item.get("title")),
        authors=authors,
        date=date,
        year=year,
        venue=_venue(item, kind),
        abstract=abstract,
        doi=doi,
        arxiv=find_arxiv(arxiv_blob),
        urls=urls,
        note=_text(item.get("status")),
        flags=(["authors-truncated"] if truncated else []) + ([] if authors else ["no-authors"]),
    )


def parse(page: Page) -> PageParse:
    items = _items(page) or []
    entries = []
    skipped = 0
    for item in islice(items, _MAX_ITEMS):
        if isinstance(item, dict) and _text(item.get("title")):
            if str(item.get("type") or "").strip().lower() in _NOT_PUBLICATION_TYPES:
                skipped += 1  # a data set or software is an output, not a publication
                continue
            entries.append(_entry(item))
    evidence = [f"CSL-JSON: {len(entries)} items"]
    if skipped:
        evidence.append(f"{skipped} data sets or software left out")
    if len(items) > _MAX_ITEMS:
        evidence.append(f"read the first {_MAX_ITEMS} of {len(items)} items")
    return listing_or_search_results(entries, evidence, "item", min_share=0.75)
