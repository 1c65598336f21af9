"""Listing pages copied out of a browser as text (paper-aggregator author pages).

Shape: optional owner header ("Picture for NAME"), then per entry:
    Title (may wrap)            <- the paragraph just before a date line
    Aug 07, 2023                <- a line that is only a date
    A, B, C                     <- author list
    Figure 1 for Title ...      <- chrome, dropped
    abstract paragraphs
    * comment                   <- venue, ids/urls or note
    Viaarxiv icon               <- chrome, dropped
"""
from __future__ import annotations

import re

from extract.fields.dates import is_date_line
from extract.fields.ids import find_arxiv, find_doi, find_openreview, find_urls
from extract.fields.names import clean_name, looks_like_name, split_author_list
from extract.fields.venues import venue_from_comment
from extract.ingestors.base import Entry, PageParse
from extract.lexicon import AGGREGATOR_CHROME_LINE_RES, BOILERPLATE_LINE_RES
from extract.page import Page

NAME = "listing_text"

_OWNER_RES = (re.compile(r"^picture for (.+)$", re.I), re.compile(r"^(?:avatar|photo|profile (?:picture|photo)) (?:for|of) (.+)$", re.I),
              re.compile(r"^(?:papers|publications|articles|works) (?:by|of) (.+)$", re.I))
_COMMENT_RE = re.compile(r"^\s*[*•]\s+(.*)$")


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    return any(r.match(line) for r in BOILERPLATE_LINE_RES)


def _lines(page: Page) -> list[str]:
    return [l.rstrip() for l in page.visible_text().splitlines()]


def _authorish(line: str) -> bool:
    names = split_author_list(line).names
    return bool(names) and sum(looks_like_name(n) for n in names) >= max(1, len(names) * 0.7)


def _entry_starts(lines: list[str]) -> list[tuple[int, int]]:
    """(title_start, date_index) for every date line that has a title above and authors below."""
    starts = []
    for i, line in enumerate(lines):
        # a bare year is a section heading in CVs and year-grouped lists, not a listing's date line
        if not is_date_line(line) or re.fullmatch(r"\s*\d{4}\s*", line):
            continue
        j = i - 1
        while j >= 0 and (not lines[j].strip() or is_boilerplate(lines[j])):
            j -= 1
        if j < 0 or is_date_line(lines[j]):
            continue
        k = i + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or not _authorish(lines[k]):
            continue
        # a title wrapped over several lines: take the contiguous non-blank run (at most 4 lines)
        top = j
        while top - 1 >= 0 and lines[top - 1].strip() and not is_boilerplate(lines[top - 1]) and j - top < 3 \
                and not _COMMENT_RE.match(lines[top - 1]) and len(lines[top - 1]) < 200:
            top -= 1
        if _authorish(" ".join(l.strip() for l in lines[top : j + 1])):
            continue  # names above the date: a card's byline ("Maren Solvik, Yuki Nakamura" / "September 2023")
        starts.append((top, i))
    return starts


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    lines = _lines(page)
    starts = _entry_starts(lines)
    if len(starts) < 2:
        return 0.0
    from extract.ingestors.stacked_cards import card_count

    if card_count(page.visible_lines()) >= max(3, len(starts)):
        return 0.0  # dated cards whose title is followed by its authors (a repository's search page)
    chrome = sum(1 for l in lines if is_boilerplate(l))
    if page.syntax == "html":
        # a saved page's own link words ("DOI", "PDF", "Code") are everyone's chrome; the aggregator's
        # are its own ("Picture for …", "Figure 3 for …", "Alert button", "Viaarxiv icon")
        chrome = sum(1 for l in lines if any(r.match(l.strip()) for r in AGGREGATOR_CHROME_LINE_RES))
    if page.syntax == "html" and chrome < 2:
        # a saved page whose markup names its parts (a Quarto listing's date line under the title) is
        # read by its markup; the aggregator's copied chrome ("Picture for …", "Alert button") marks its listings
        from extract.ingestors.generic_homepage import _class_named_entries

        if _class_named_entries(page):
            return 0.0
    return 0.9 if chrome >= 2 else 0.6


def parse(page: Page) -> PageParse:
    lines = _lines(page)
    starts = _entry_starts(lines)
    person, evidence = None, []
    head = lines[: starts[0][0]] if starts else lines
    for line in head:
        for owner_re in _OWNER_RES:
            m = owner_re.match(line.strip())
            if m and looks_like_name(clean_name(m.group(1))):
                person = clean_name(m.group(1))
                evidence.append(f"owner from '{line.strip()[:60]}'")
                break
        if person:
            break
    if person is None:
        names = [l.strip() for l in head if l.strip() and not is_boilerplate(l) and looks_like_name(l.strip())]
        if names:
            person = clean_name(names[0])
            evidence.append("owner from the page header")

    entries = []
    for n, (top, date_index) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        title_lines = [l.strip() for l in lines[top:date_index] if l.strip() and not is_boilerplate(l)]
        # a link's text copied twice (the title's link and its card) is one title
        title = " ".join(l for k, l in enumerate(title_lines) if k == 0 or l != title_lines[k - 1])
        k = date_index + 1
        while k < end and not lines[k].strip():
            k += 1
        authors_line = lines[k] if k < end else ""
        body = [l for l in lines[k + 1 : end] if not is_boilerplate(l)]
        abstract_parts, comments, current = [], [], []
        for line in body:
            m = _COMMENT_RE.match(line)
            if m:
                comments.append(m.group(1).strip())
                continue
            if line.strip():
                current.append(line.strip())
            elif current:
                abstract_parts.append(" ".join(current))
                current = []
        if current:
            abstract_parts.append(" ".join(current))
        entry = Entry(title=title, authors_text=authors_line, date=lines[date_index].strip())
        if abstract_parts:
            entry.abstract = "\n\n".join(abstract_parts)
        notes = []
        for comment in comments:
            urls = find_urls(comment)
            entry.urls.extend(urls)
            blob = " ".join(urls) + " " + comment
            entry.arxiv = entry.arxiv or find_arxiv(blob)
            entry.doi = entry.doi or find_doi(blob)
            entry.openreview = entry.openreview or find_openreview(blob)
            parsed = venue_from_comment(comment)
            if parsed.venue and not entry.venue:
                entry.venue = parsed.venue
            elif parsed.note:
                notes.append(parsed.note)
        entry.note = "; ".join(notes) or None
        entries.append(entry)
    return PageParse(kind="listing", person=person, entries=entries, evidence=evidence)
