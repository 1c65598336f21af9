"""A high-energy-physics literature list copied out of the browser as text (INSPIRE and sites
laid out like it): each result is a title, its authors with their affiliations in brackets, then
labelled lines.

    #2  Spectral rigidity of random Schrödinger operators        <- title (may wrap; "#2" optional)
        M. Ferraresi, A. Kowalski-Nyberg, J. Oduya (Lindau Inst.) <- authors, "•" or "," between
        Published in: J. Math. Phys. Spectra 64 (2023) 5, 052101 <- journal, volume (year) …
        e-Print: 2302.11873 [math-ph]                             <- arXiv id [category]
        DOI: 10.5555/jmps.2023.052101
        pdf | links | cite | claim              Cited by 4        <- actions, citations

The "e-Print:" and "Published in:" labels make the layout certain. A result with no journal is
an arXiv preprint; "Thesis: PhD, Trivento U." names a thesis' school. The owner is the author on
most results, spelled out where the page's heading writes the name in full.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import find_year
from extract.fields.ids import find_arxiv, find_doi, normalise_doi
from extract.fields.names import looks_like_name, owner_name, spelled_out, split_author_list
from extract.fields.structured import common_author
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "inspire_text"

_LABEL_RE = re.compile(r"^(?P<label>e-Print|Published in|Contribution to|DOI|Report number|Thesis|Conference|Proceedings of)\s*:\s*(?P<value>.*)$",
                       re.I)
_THESIS_LINE_RE = re.compile(r"^(?:(?:PhD|Ph\.D\.|Master(?:'s)?|Diploma|Habilitation|Bachelor(?:'s)?)\s+)?Thesis\b.{0,40}\((?:19|20)\d{2}\)\s*$", re.I)
# what closes a result: its actions and citation count, a rule, the next result's number
_ACTIONS_RE = re.compile(r"^(?:(?:pdf|links?|cite|claim|reference search|datasets?|export|bibtex|latex|show all.{0,12})"
                         r"(?:\s*[|·•]\s*|\s+|$))+(?:\s*(?:Cited by \d[\d,]*|\d[\d,]* citations?))?\s*$"
                         r"|^(?:Cited by \d[\d,]*|\d[\d,]* citations?)\s*$", re.I)
_RULE_RE = re.compile(r"^[-=_─━·.]{5,}$")
_NUMBER_RE = re.compile(r"^#\d{1,4}\s*")
_TRAILING_NUMBER_RE = re.compile(r"\s+#\d{1,4}$")
# "J. Math. Phys. Spectra 64 (2023) 5, 052101", "Phys.Lett.B 842 (2023) 137825"
_JOURNAL_RE = re.compile(r"^(?P<journal>.+?)\s+[A-Z]?\d[\w-]*\s*\((?P<year>(?:19|20)\d{2})\)")
_MONTH_DATE_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+((?:19|20)\d{2})\b")
_AFFILIATIONS_RE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
_ARXIV_YEAR_RE = re.compile(r"^\s*(\d{2})(\d{2})\.\d{4,5}")


def _is_label(line: str) -> bool:
    return bool(_LABEL_RE.match(line)) or bool(_THESIS_LINE_RE.match(line))


def _is_break(line: str) -> bool:
    return bool(_ACTIONS_RE.match(line) or _RULE_RE.match(line))


def _blocks(lines: list[str]) -> list[list[str]]:
    """Results as runs of lines: head lines (title, authors), then labelled lines, up to the
    actions line, a rule, or the next result's head."""
    out: list[list[str]] = []
    current: list[str] = []
    labelled = False
    for line in lines:
        if not line.strip():
            if not labelled:
                current = []  # a blank line before the labels: what came above (the page's header) is no part of it
            continue
        if _is_break(line):
            if current and labelled:
                out.append(current)
            current, labelled = [], False
            continue
        if _is_label(line):
            labelled = True
            current.append(line)
            continue
        if labelled and _MONTH_DATE_RE.fullmatch(line.strip()):
            current.append(line)  # the e-Print's date on a line of its own
            continue
        if labelled and not _LABEL_RE.match(line) and (_NUMBER_RE.match(line) or current and _is_label(current[-1])):
            # a head line after the labels: the next result starts (no actions line between)
            if not line.startswith(" ") and (_NUMBER_RE.match(line) or len(line.split()) >= 3):
                out.append(current)
                current, labelled = [], False
        current.append(line)
    if current and labelled:
        out.append(current)
    return out


def _names(text: str) -> Optional[tuple[list[str], bool]]:
    """'E. Dubois, M. Ferraresi (Lindau Inst.)' or 'ATLAS Collaboration • Georges Aad (CPPM) et al.'."""
    bare = _AFFILIATIONS_RE.sub(" ", text)
    if "(" in bare or ")" in bare:
        return None
    bare = re.sub(r"\s*\bShow All\b.*$", "", bare, flags=re.I)
    bare = " ".join(bare.replace("•", ",").split()).strip(" ,;")
    if not bare:
        return None
    parsed = split_author_list(bare)
    names = [n for n in parsed.names if n]
    if not names:
        return None
    people = [n for n in names if not re.search(r"\bCollaboration\b", str(n), re.I)]
    if people and not all(looks_like_name(str(n)) for n in people):
        return None
    return names, parsed.truncated


def _head_split(head: list[str]) -> tuple[str, list[str], bool]:
    """The title (its wrapped lines) and the authors (their line and its affiliation's
    continuation)."""
    for k in range(1, len(head)):
        found = _names(" ".join(head[k:]))
        if found:
            return " ".join(head[:k]), found[0], found[1]
    return " ".join(head), [], False


def _result(block: list[str]) -> Optional[Entry]:
    head = [l for l in block if not _is_label(l) and not _MONTH_DATE_RE.fullmatch(l.strip())]
    labels = {}
    for line in block:
        m = _LABEL_RE.match(line)
        if m:
            labels.setdefault(m.group("label").lower(), m.group("value").strip())
    thesis_line = next((l for l in block if _THESIS_LINE_RE.match(l)), None)
    head = [_TRAILING_NUMBER_RE.sub("", _NUMBER_RE.sub("", l)).strip() for l in head if l.strip()]
    head = [l for l in head if l]
    if not head:
        return None
    title, authors, truncated = _head_split(head)
    title = title.strip(" .")
    if not title:
        return None
    year = venue = None
    journal = _JOURNAL_RE.match(labels.get("published in", ""))
    eprint = labels.get("e-print", "")
    if journal:
        venue, year = journal.group("journal").strip(" ,"), int(journal.group("year"))
    elif labels.get("thesis") or thesis_line:
        school = re.match(r"(?:(?:PhD|Ph\.D\.|Master(?:'s)?|MSc|Diploma|Habilitation|Bachelor(?:'s)?)\s*,\s*)?(.+?)\s*(?:\(|,?\s*(?:19|20)\d{2}|$)",
                          labels.get("thesis", ""), re.I)
        venue = school.group(1).strip(" ,") if school and school.group(1) else None
        year = find_year(thesis_line or labels.get("thesis", ""))
    elif labels.get("published in"):
        venue = labels["published in"].strip(" ,.") or None
        year = find_year(venue or "")
    elif labels.get("contribution to"):
        venue = re.sub(r",\s*\d[\w-]*\s*$", "", labels["contribution to"]).strip(" ,.") or None
    elif eprint:
        venue = "arXiv"
    if year is None:
        dated = next((m for m in (_MONTH_DATE_RE.search(l) for l in block) if m), None)
        if dated:
            year = int(dated.group(1))
        elif eprint and _ARXIV_YEAR_RE.match(eprint):
            year = 2000 + int(_ARXIV_YEAR_RE.match(eprint).group(1))
    entry = Entry(title=title, authors=authors, year=year, venue=venue)
    entry.arxiv = find_arxiv(eprint) or (find_arxiv("arXiv:" + eprint.split()[0]) if eprint.split() else None)
    doi = find_doi(labels.get("doi", ""))
    entry.doi = normalise_doi(doi) if doi else None
    if truncated:
        entry.flags.append("authors-truncated")
    return entry


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):
        return 0.0
    lines = page.visible_lines()[:4000]
    eprints = sum(1 for l in lines if l.startswith(("e-Print:", "e-print:")))
    labelled = sum(1 for l in lines if _LABEL_RE.match(l))
    return 0.9 if eprints >= 1 and labelled >= 3 else 0.0


def parse(page: Page) -> PageParse:
    from extract.fields.text import clean_text

    lines = [clean_text(l).strip() for l in page.visible_text().splitlines()]
    entries = [e for e in (_result(b) for b in _blocks(lines)) if e is not None]
    person = common_author([e.authors for e in entries if e.authors], min_share=0.6, min_entries=2)
    if person:
        person = spelled_out(person, page.visible_text()[:5000]) or person
        person = owner_name(person) or person
    evidence = [f"HEP literature list copied as text: {len(entries)} results by their labelled lines"]
    return PageParse(kind="listing" if entries else "not-a-profile", person=person, entries=entries, evidence=evidence)
