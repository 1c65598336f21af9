"""What an ingestor returns, and the one place loose entry values become validated Records.

An ingestor is a module with:

    NAME: str                       # registry key, e.g. "arxiv_atom"
    def detect(page: Page) -> float # 0.0 (not mine) .. 1.0 (certainly mine)
    def parse(page: Page) -> PageParse

Ingestors propose raw field values (an `Entry`); `finalise_entry` decides how they are
cleaned, like an item loader's output processors, so every format gets the same rules.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from pydantic import BaseModel, Field

from extract.fields.dates import parse_date
from extract.fields.ids import find_arxiv, find_doi, find_openreview, normalise_arxiv, normalise_doi
from extract.fields.names import clean_name, is_organisation_name, rejoin_split_owner, split_author_list, split_name
from extract.fields.sections import PUBLICATION_STATUS
from extract.fields.text import fold, one_line, strip_trailing_punct, strip_wrapping_quotes
from extract.fields.venues import venue_without_ids
from schemas.models import Author, Ids, Record


class Entry(BaseModel):
    """Raw values an ingestor found for one publication entry (nothing validated yet)."""

    title: Optional[str] = None
    authors: list[Union[str, Author]] = Field(default_factory=list)
    authors_text: Optional[str] = None  # an unsplit author string, split by finalise_entry
    year: Optional[Union[int, str]] = None
    date: Optional[str] = None  # any date text; read with dateparser
    venue: Optional[str] = None
    abstract: Optional[str] = None
    arxiv: Optional[str] = None
    doi: Optional[str] = None
    openreview: Optional[str] = None
    urls: list[str] = Field(default_factory=list)
    note: Optional[str] = None
    flags: list[str] = Field(default_factory=list)


class PageParse(BaseModel):
    kind: str
    person: Optional[str] = None
    affiliations: list[str] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


def make_author(raw: Union[str, Author]) -> Optional[Author]:
    if isinstance(raw, Author):
        if raw.given is None and raw.family is None:
            parts = split_name(raw.name)
            return Author(name=raw.name, given=parts.given, family=parts.family, person_id=raw.person_id)
        return raw
    name = clean_name(raw)
    if not name or not any(c.isalpha() for c in name):
        return None
    if is_organisation_name(name):
        return Author(name=name, family=name)  # a body as author stays whole
    parts = split_name(name)
    return Author(name=parts.name, given=parts.given, family=parts.family)


def _clean_title(title: Optional[str]) -> Optional[str]:
    if not title:
        return None
    title = one_line(title).strip(" \t*_`")
    # a list's number left on the title ("1. ОПТИМИЗАЦИЯ …", "12) Title"), not "2001. A Space …"
    title = _LIST_NUMBER_HEAD_RE.sub("", title)
    title = strip_wrapping_quotes(title)
    title = strip_trailing_punct(title, " ,;:.")
    doubled = re.fullmatch(r"(.{12,400}?)\s+\1", title)
    if doubled:  # "Title Title": the copy took a link's text twice
        title = doubled.group(1)
    return title or None


_LIST_NUMBER_HEAD_RE = re.compile(r"^\d{1,3}[.)]\s+(?=[^\W\d_]\w*\s+\S+\s+\S)")


def _unique(values: list[str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


_REVIEW_BY_RE = re.compile(r"^((?:Review of|Rezension (?:von|zu)|Compte rendu de|Reseña de|Recensione di)\s.{3,300}?),\s+"
                           r"(?:(?:edited|ed\.|eds\.|translated|trans\.)\s+)?by\s+([^.]{2,120})$")


def _stands_for_owner(raw, owner: str) -> bool:
    """"me", "myself" or the owner's initials alone ("KT", "K.T.", "K. T.") in an author list on the
    owner's own page: the owner."""
    text = (raw if isinstance(raw, str) else (raw.name or "")).strip(" *")
    if text.lower() in ("me", "myself"):
        return True
    words = [w for w in re.split(r"[\s-]+", owner) if w[:1].isalpha()]
    initials = "".join(w[0] for w in words).upper()
    return len(initials) >= 2 and re.sub(r"[\s.]", "", text) == initials and text[:1].isupper()


def finalise_entry(entry: Entry, page: str, position: int, ingestor: str, owner: Optional[str] = None) -> Record:
    """Entry -> validated Record (record_id and work_id are set later, over the whole page/run).
    `owner`, the page's person when known, rejoins their own inverted name split in two."""
    flags = list(entry.flags)
    authors: list[Author] = []
    raw_authors = list(entry.authors)
    if entry.authors_text:
        split = split_author_list(entry.authors_text)
        for k, name in enumerate(split.names):
            family = split.families[k] if k < len(split.families) else None
            # "Ochoa Villalba, M. F.": the family name as the list wrote it, not re-guessed
            raw_authors.append(Author(name=name, given=name[: -len(family)].strip() or None, family=family)
                               if family else name)
        if split.truncated:
            flags.append("authors-truncated")
    if owner and len(raw_authors) >= 2:
        raw_authors = rejoin_split_owner(raw_authors, owner)
    if owner and raw_authors:
        raw_authors = [owner if _stands_for_owner(raw, owner) else raw for raw in raw_authors]
    seen_names = set()
    for raw in raw_authors:
        if isinstance(raw, str) and raw.strip() in ("…", "...", "et al.", "et al"):
            flags.append("authors-truncated")
            continue
        author = make_author(raw)
        if author and author.name not in seen_names:
            seen_names.add(author.name)
            authors.append(author)

    date_str, year = None, None
    if entry.date:
        parsed = parse_date(str(entry.date))
        date_str, year = parsed.date, parsed.year
    if entry.year is not None and str(entry.year).strip():
        parsed_year = parse_date(str(entry.year).strip()).year
        if parsed_year:
            year = year or parsed_year
            if date_str and not date_str.startswith(str(parsed_year)):
                # explicit year disagrees with the date text: trust the year, keep the date apart
                date_str = None
                year = parsed_year

    urls = _unique([u.strip() for u in entry.urls if u and u.strip()])
    blob = " ".join(urls)
    arxiv = normalise_arxiv(entry.arxiv) if entry.arxiv else find_arxiv(blob)
    doi = normalise_doi(entry.doi) if entry.doi else find_doi(blob)
    openreview = entry.openreview or find_openreview(blob)

    title = _clean_title(entry.title)
    if not title:
        flags.append("untitled")
    reviewed = _REVIEW_BY_RE.match(title) if title else None
    if reviewed:
        # a book review, "Review of Sugar and Silver, by Luís Padilha": the review's title names
        # the book; its author wrote the book, not the review
        title = reviewed.group(1)
        by = fold(reviewed.group(2))
        authors = [a for a in authors if not (a.family and fold(a.family) in by)]
    venue = one_line(entry.venue) if entry.venue else None
    if venue:
        venue = strip_trailing_punct(venue_without_ids(venue.strip(" *_")), " ,;:.") or None
    if venue:
        # Chicago's "Renaissance Quarterly 73, no. 4 (2020)" cut at "no.": the volume is no part of it
        venue = re.sub(r"\s+\d{1,4},\s*no\.?$", "", venue) or venue
        # "— *solo*. *Optimization Letters*": a note that no one else wrote it, no part of the venue
        venue = re.sub(r"(?i)^(?:solo|sole[- ]author(?:ed)?|single[- ]author(?:ed)?)\b[.,;:]?\s*", "", venue) or None
    if venue and re.fullmatch(r"[\W\d_]*", venue):
        venue = None  # ", 2024." or "12(3): 45–67" left where a venue would be: a date or locants, no venue
    abstract = one_line_paragraphs(entry.abstract) if entry.abstract else None
    note = one_line(entry.note) if entry.note else None
    if venue and (_STATUS_VENUE_RE.fullmatch(venue) or _AWARD_VENUE_RE.fullmatch(venue)):
        # "In preparation", "Submitted for publication", "Preprint": a status, not where it appeared
        note = "; ".join(n for n in (note, venue) if n)
        venue = None

    return Record(
        page=page,
        position=position,
        ingestor=ingestor,
        title=title,
        authors=authors,
        year=year,
        date=date_str,
        venue=venue,
        abstract=abstract,
        ids=Ids(arxiv=arxiv, doi=doi, openreview=openreview),
        urls=urls,
        note=note or None,
        flags=sorted(set(flags)),
    )


_STATUS_VENUE_RE = re.compile(
    rf"(?:manuscript\s+)?(?:{PUBLICATION_STATUS}|preprint|in progress|unpublished(?: manuscript)?|preparation|progress|review)"
    rf"(?:\s+for publication)?", re.I)  # ("preparation": "In preparation" once "In" went as a container mark)


def is_mark_not_venue(text: str) -> bool:
    """A status or an award/presentation mark where a venue would be ("Under review", "Oral")."""
    return bool(_STATUS_VENUE_RE.fullmatch(text) or _AWARD_VENUE_RE.fullmatch(text))


# an award's words: "Best Paper Award", "ISCA Best Student Paper finalist", "Outstanding Reviewer Award"
AWARD_WORDS = (r"(?:(?:[A-Z]{2,}\s)?(?:best|outstanding|distinguished|honou?rable)\s+(?:[\w-]+\s+){0,3}?"
               r"(?:award|prize|mention|paper|poster|demo|presentation)"
               r"(?:\s+(?:award|winner|nominee|nomination|finalist|runner-up|candidate))?"
               r"|(?:best|outstanding)\s(?:[\w-]+\s){0,2}award)")
# an award or presentation mark the page set in emphasis ("🏆 **Best Paper Award**", "Oral")
_AWARD_VENUE_RE = re.compile(rf"[^\w]{{0,3}}\s?(?:{AWARD_WORDS}|(?:oral|spotlight|poster)(?:\s+presentation)?)\s?[^\w]{{0,3}}", re.I)


def one_line_paragraphs(text: str) -> str:
    """Abstracts keep paragraph breaks but lose hard line wraps."""
    import re

    paragraphs = [one_line(p) for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)
