"""Aggregator listings copied as text: title / source-and-category line / abstract triplets.

    Collaborating Authors
     Babuschkin, Igor            <- owner, often inverted ("Last, First")
    GPT-4 Technical Report       <- title
    arXiv.org Artificial Intelligence   <- source line: the same first word on every entry
    We report the development …  <- abstract

The source line is found as the short line shape that repeats on every entry, not by name,
so other aggregators ("SSRN Economics", "bioRxiv Neuroscience") work too. Such pages carry no
author lists: authors stay empty (never invented).
"""
from __future__ import annotations

import re
from collections import Counter

from extract.fields.names import clean_name, invert_name, looks_like_name
from extract.ingestors.base import Entry, PageParse
from extract.ingestors.listing_text import is_boilerplate
from extract.page import Page

NAME = "aggregator_text"
_OWNER_HEADER_RE = re.compile(r"^(?:collaborating\s+authors?|authors?|researcher|author\s+profile)\s*:?$", re.I)


def _blocks(page: Page) -> list[str]:
    """Non-empty lines with blank runs collapsed (paragraph = one line in these copies)."""
    return [l.strip() for l in page.visible_text().splitlines() if l.strip() and not is_boilerplate(l)]


# a long line that is a reference, not an abstract: pages, a volume(issue), a DOI or a HAL id
_CITATION_SHAPE_RE = re.compile(r"\bpp?\.\s?\d|\b\d{1,4}\s*\(\d{1,4}\)\s*[,:]|⟨|\bdoi\b|\b10\.\d{4,9}/|\b(?:19|20)\d{2},\s*\d{1,4}\b")


def _source_lines(lines: list[str]) -> tuple[str, list[int]]:
    firsts = Counter()
    for i, line in enumerate(lines):
        if len(line) < 80 and not line.endswith(".") and 0 < i < len(lines) - 1 and re.match(r"\w", line):
            firsts[line.split()[0]] += 1
    for token, count in firsts.most_common(3):
        if count < 3:
            break
        idx = [i for i, l in enumerate(lines) if len(l) < 80 and l.split()[0] == token and 0 < i < len(lines) - 1]
        # the line after a source line is a long abstract paragraph, the one before a short title
        good = [i for i in idx if len(lines[i + 1]) > 150 and len(lines[i - 1]) < 300
                and re.match(r"\w", lines[i - 1]) and not re.search(r",\s+with\s", lines[i - 1])]
        if len(good) >= 3 and len(good) >= 0.6 * len(idx):
            return token, good
    # no shared first word (several sources on one page): fall back to the triplet shape
    # title / short source line / long abstract, where the source line is not a date and the
    # long line is prose rather than an author list
    from extract.fields.dates import is_date_line
    from extract.fields.citation import authors_score

    triplets = [
        i for i in range(1, len(lines) - 1)
        if len(lines[i].split()) <= 6 and not lines[i].endswith(".") and not is_date_line(lines[i])
        and re.match(r"\w", lines[i]) and re.match(r"\w", lines[i - 1]) and 8 <= len(lines[i - 1]) < 300
        and len(lines[i + 1]) > 150 and len(lines[i + 1].split()) >= 20 and authors_score(lines[i + 1]) < 0.5
        and not re.search(r",\s+with\s", lines[i - 1]) and not _CITATION_SHAPE_RE.search(lines[i + 1])
    ]
    if len(triplets) >= 3:
        return "", triplets
    return "", []


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    lines = _blocks(page)
    token, idx = _source_lines(lines)
    if len(idx) < 3:
        return 0.0
    if not token:
        # the shape alone (title / short line / long paragraph) also fits a staff page's
        # sections ("Curriculum" over a bio); a page that lists references by the comma rules
        # is a publication list, not an aggregator's
        from extract.ingestors.generic_homepage import rules_read_citation

        cited = sum(1 for line in lines[:2000] if 40 <= len(line) <= 600 and rules_read_citation(line))
        if cited >= 3:
            return 0.0
    return 0.8


def parse(page: Page) -> PageParse:
    lines = _blocks(page)
    _, idx = _source_lines(lines)
    person, evidence = None, []
    for i, line in enumerate(lines[: (idx[0] - 1) if idx else len(lines)]):
        if _OWNER_HEADER_RE.match(line) and i + 1 < len(lines):
            candidate = clean_name(invert_name(lines[i + 1]) if "," in lines[i + 1] else lines[i + 1])
            if looks_like_name(candidate):
                person = candidate
                evidence.append(f"owner under '{line}'")
                break
    entries = []
    for n, i in enumerate(idx):
        title = lines[i - 1]
        end = idx[n + 1] - 1 if n + 1 < len(idx) else len(lines)
        abstract = "\n\n".join(lines[i + 1 : end])
        entries.append(Entry(title=title, abstract=abstract or None, note=lines[i], flags=["no-authors"]))
    return PageParse(kind="listing", person=person, entries=entries, evidence=evidence)
