"""arXiv search results, author pages and listings copied out of the browser as text: every
result is anchored on its identifier line.

     1. arXiv:2404.11872  [pdf, other]                          <- anchor (index, id, links)
    q-bio.PE physics.bio-ph                                     <- categories (skipped)
    Spatial Structure Delays Fixation of Cooperators in         <- title, wrapped
    Expanding Bacterial Colonies
    Authors: Rafael Ibáñez de la Cruz, Mei-Ling Zhou            <- "Authors:" (may wrap)
    Abstract: In range expansions, … ▽ More                    <- abstract (cut by the page)
    Submitted 18 April, 2024; originally announced April 2024.  <- date
    Comments: 22 pages, 9 figures                               <- note, or the venue ("Accepted to …")
    Journal ref: PLoS Comput. Biol. 19(11): e1011562 (2023)     <- the venue

Listings whose entries carry a "Title:" label ("[3] arXiv:2401.01234 [pdf, other]" then
"Title: …", "Authors: …", "Subjects: …") are left to labelled_text. The owner is the person the query
names ("results for author: Ibáñez de la Cruz, R", "Rafael Ibáñez de la Cruz's articles on
arXiv") found among the authors, else the author on every result; otherwise the page is
several people's papers (`search-results`).
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import normalise_arxiv
from extract.fields.names import clean_name, name_key
from extract.fields.structured import arxiv_abstract, arxiv_venue_and_note, common_author
from extract.ingestors.arxiv_listing import date_from_id
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "arxiv_text"

MAX_RECORDS = 5_000
_ANCHOR_RE = re.compile(
    r"^\s*(?:\[?\d{1,5}[.\]]\s*)?arXiv:\s?(\d{4}\.\d{4,5}|[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?\b(.*)$")
_LABEL_RE = re.compile(
    r"^\s*(Title|Authors?|Abstract|Comments?|Journal[ -]ref|Subjects?|DOI|MSC[ -]class|ACM[ -]class|Report[ -]number|"
    r"Cite as)\s*:\s*(.*)$", re.I)
_SUBMITTED_RE = re.compile(r"^\s*Submitted\s+(\d{1,2}\s+\w+,?\s+\d{4})", re.I)
# "q-bio.PE physics.bio-ph", "cs.LG stat.ML", "hep-th": the result's categories
_CATEGORIES_RE = re.compile(r"^\s*(?:[a-z]{1,8}(?:-[a-z]{2,6})?(?:\.[A-Za-z]{2,4}(?:-[a-z]{2,5})?)?\s*){1,8}$")
_CATEGORY_TOKEN_RE = re.compile(r"\b[a-z]{1,8}(?:-[a-z]{2,6})?\.[A-Za-z]{2,4}\b|\b(?:hep|astro|cond|gr|nucl|quant|math|nlin)-[a-z]{2,4}\b")
_MORE_RE = re.compile(r"\s*(?:▽\s*More|△\s*Less)\s*$")
_QUERY_AUTHOR_RE = re.compile(r"results\s+for\s+(?:author|au)\s*:\s*(.{2,80}?)\s*$", re.I | re.M)
_AUTHOR_PAGE_RE = re.compile(r"^\s*(.{3,80}?)['’]s\s+articles\s+on\s+arXiv", re.I | re.M)


def _anchors(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _ANCHOR_RE.match(line)][:MAX_RECORDS]


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    text = page.text
    if "arXiv:" not in text or "Authors" not in text:
        return 0.0
    lines = text.splitlines()
    anchors = _anchors(lines)
    if not anchors:
        return 0.0
    # listings with a "Title:" label on every entry are labelled_text's (one field per label)
    titled = sum(1 for i in anchors if any(re.match(r"\s*Title\s*:", l) for l in lines[i + 1 : i + 4]))
    if titled >= 0.5 * len(anchors):
        return 0.0
    # each anchor followed, within a few lines, by its "Authors:" line
    with_authors = sum(1 for i in anchors if any(re.match(r"\s*Authors?\s*:", l) for l in lines[i + 1 : i + 9]))
    if with_authors >= 2 and with_authors >= 0.8 * len(anchors):
        return 0.95
    if with_authors == 1 == len(anchors):
        return 0.6
    return 0.0


def _record(block: list[str], anchor_match: re.Match) -> Optional[Entry]:
    arxiv = normalise_arxiv(anchor_match.group(1))
    fields: dict[str, list[str]] = {}
    title_lines: list[str] = []
    current: Optional[str] = None
    date = None
    finished = False  # past the last field: a blank line after it ends the record
    for line in block:
        if not line.strip():
            if current is not None and current != "title":
                finished = True
            current = None if current != "title" or title_lines else current
            continue
        label = _LABEL_RE.match(line)
        submitted = _SUBMITTED_RE.match(line)
        if submitted:
            date = submitted.group(1)
            current, finished = None, False
            continue
        if label:
            key = re.sub(r"[ -]", "", label.group(1).lower()).rstrip("s")
            key = {"author": "authors", "journalref": "journal"}.get(key, key)
            fields.setdefault(key, []).append(label.group(2))
            current, finished = key, False
            continue
        if finished:
            break
        if current is None and not fields and (_CATEGORIES_RE.match(line) and _CATEGORY_TOKEN_RE.search(line)):
            continue
        if current is None and not fields:
            current = "title"
        if current == "title" and "title" in fields:
            fields["title"].append(line.strip())
        elif current == "title" and "authors" not in fields:
            title_lines.append(line.strip())
        elif current is not None:
            fields[current].append(line.strip())
    title = " ".join(fields.get("title") or title_lines).strip()
    authors_text = " ".join(fields.get("authors", [])).strip() or None
    if not title and not authors_text:
        return None
    abstract = " ".join(fields.get("abstract", [])).strip()
    abstract = _MORE_RE.sub("", abstract).strip() or None
    comment = " ".join(fields.get("comment", [])).strip() or None
    journal_ref = " ".join(fields.get("journal", [])).strip() or None
    venue, note = arxiv_venue_and_note(comment, journal_ref)
    doi = " ".join(fields.get("doi", [])).strip() or None
    urls = [f"https://arxiv.org/abs/{arxiv}"] if arxiv else []
    return Entry(title=title or None, authors_text=authors_text, date=date or date_from_id(arxiv), venue=venue,
                 abstract=arxiv_abstract(abstract) if abstract else None, arxiv=arxiv, doi=doi, urls=urls, note=note)


def _owner(text: str, entries: list[Entry]) -> Optional[str]:
    from extract.fields.names import split_author_list

    lists = [split_author_list(e.authors_text).names if e.authors_text else [] for e in entries]
    named = _AUTHOR_PAGE_RE.search(text)
    if named:
        return clean_name(named.group(1))
    query = _QUERY_AUTHOR_RE.search(text)
    if query:
        # "Ibáñez de la Cruz, R": the family name before the comma, matched against the authors
        family = name_key(query.group(1).split(",")[0].strip().strip('"'))
        if family:
            counts: dict[str, int] = {}
            for names in lists:
                for name in names:
                    if family in name_key(name):
                        counts[name] = counts.get(name, 0) + 1
            if counts:
                return max(sorted(counts), key=lambda n: counts[n])
    return common_author(lists, min_share=1.0, min_entries=2)


def parse(page: Page) -> PageParse:
    lines = page.text.splitlines()
    anchors = _anchors(lines)
    entries: list[Entry] = []
    for k, start in enumerate(anchors):
        end = anchors[k + 1] if k + 1 < len(anchors) else len(lines)
        entry = _record(lines[start + 1 : end], _ANCHOR_RE.match(lines[start]))
        if entry is not None:
            entries.append(entry)
    evidence = [f"arXiv results copied as text: {len(entries)} entries anchored on 'arXiv:' lines"]
    owner = _owner(page.text[:20000], entries)
    if owner:
        return PageParse(kind="listing", person=owner, entries=entries, evidence=evidence + [f"owner '{owner}'"])
    return PageParse(kind="search-results", entries=entries, evidence=evidence)
