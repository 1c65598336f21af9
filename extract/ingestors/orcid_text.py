"""An ORCID record page copied out of the browser (or saved as HTML): its "Works (N)" list.

    Hanne-Lore Biermann                       <- owner: the line before the ORCID iD
    https://orcid.org/0000-0002-7731-4419
    ...
    Works (7)
    Sediment connectivity indices for …       <- title
    Earth Surface Dynamics Letters            <- journal / book (optional)
    2023-11 | Journal article                 <- date | work type: anchors each work
    DOI: 10.5194/esdl-11-1021-2023
    Contributors                              <- only when a work is expanded
    Biermann, Hanne-Lore; Ekwueme, Tobias
    Source: Crossref

Each work is anchored on its "date | type" line: the title is the line above (or two above,
with the journal between). Employment, education, funding and peer-review sections have the
same shape and are left out (only the Works section is read). Works without a contributor
list keep empty authors, flagged owner-implicit like ORCID's API records.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import find_doi, find_urls, normalise_doi
from extract.fields.names import invert_name, owner_name
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "orcid_text"

_ORCID_ID_RE = re.compile(r"(?:https?://)?orcid\.org/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
# the iD's own shape, on whatever host serves the record (a registry mirror, an institution's copy)
_ANY_ID_RE = re.compile(r"(?<![\d-])\d{4}-\d{4}-\d{4}-\d{3}[\dX](?![\d-])")
# label lines between the owner's name and the iD
_ID_LABEL_RE = re.compile(r"^(?:[\w ]{0,30}\biD\b.{0,20}|(?:Other names|Also known as)\b.*|Printable record)$", re.I)
_WORKS_HEAD_RE = re.compile(r"^Works\s*\(\d+\)\s*$")
# the next activities section ends the works
_SECTION_HEAD_RE = re.compile(r"^(?:Employment|Education(?: and qualifications)?|Invited positions(?: and distinctions)?|"
                              r"Membership(?: and service)?|Funding|Peer review|Research resources|Distinctions?|"
                              r"Professional activities)\b.*\(\d+.*\)\s*$")
_WORK_TYPES = (r"journal article|conference paper|conference abstract|conference poster|conference presentation|"
               r"conference output|book chapter|book|edited book|preprint|dissertation thesis|dissertation(?: or thesis)?|thesis|report|"
               r"working paper|data ?set|software|review|book review|magazine article|newspaper article|"
               r"encyclopedia entry|lecture speech|patent|online resource|research tool|other|manual|"
               r"standards and policy|test|translation|website|supervised student publication|annotation|"
               r"physical object|registered copyright|trademark|disclosure|license|invention|spin off company|"
               r"technical standard|artistic performance|cartographic material|learning object|"
               r"data management plan|research technique|public speech|journal issue")
# (the API's own spelling too: "journal-article", "book_chapter")
_WORK_TYPES = _WORK_TYPES.replace(" ", "[ _-]")
_DATE_TYPE_RE = re.compile(rf"^(?:((?:19|20)\d{{2}})(?:-\d{{2}}){{0,2}}\s*\|\s*)?({_WORK_TYPES})\s*$", re.I)
# lines that belong to a work's metadata, never its title or journal
_META_RE = re.compile(
    r"^(?:Show (?:more|less) detail|Source:|Preferred source|DOI:|ISSN:|ISBN:|EID:|PMID:|PMC:|WOSUID:|URL:?$|URI:|"
    r"Part of (?:ISSN|ISBN)|Contributors$|Added$|Last modified$|Language$|Country$|Citation$|Sort(?:\s*[·|]\s*Show (?:more|less) detail)?$|Select all$|"
    r"Export$|Actions$|Other identifier|Translated title|Subtitle$|Journal title$|Work type$|Publication date$|"
    r"https?://|\d{4}-\d{2}-\d{2}$|Visibility)", re.I)
_MIN_WORKS = 1



def _works_span(lines: list[str]) -> Optional[tuple[int, int]]:
    start = next((i for i, l in enumerate(lines) if _WORKS_HEAD_RE.match(l)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _SECTION_HEAD_RE.match(lines[i])), len(lines))
    return start + 1, end


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown", "html"):
        return 0.0
    if "Works" not in page.text or not _ANY_ID_RE.search(page.text):  # cheap gate before the text walk
        return 0.0
    if not _ANY_ID_RE.search(page.visible_text()[:400_000]):
        return 0.0
    lines = page.visible_lines()
    span = _works_span(lines)
    if span is None:
        return 0.0
    anchors = sum(1 for l in lines[span[0]:span[1]] if "|" in l and _DATE_TYPE_RE.match(l))
    if "orcid.org/" in page.text:
        return 0.95 if anchors >= _MIN_WORKS else 0.0
    return 0.9 if anchors >= 2 else 0.0


def _owner(lines: list[str]) -> Optional[str]:
    """The name printed above the ORCID iD line."""
    for i, line in enumerate(lines[:400]):
        if _ANY_ID_RE.search(line) and i > 0:
            for back in range(i - 1, max(-1, i - 5), -1):
                if _ID_LABEL_RE.match(lines[back]):
                    continue
                name = owner_name(lines[back])
                if name:
                    return name
            return None
    return None


def _contributors(block: list[str]) -> list[str]:
    """'Biermann, Hanne-Lore; Ekwueme, Tobias' after a 'Contributors' line."""
    for k, line in enumerate(block):
        inline = re.match(r"contributors:\s*(\S.*)$", line, re.I)
        if inline or (line.lower() == "contributors" and k + 1 < len(block)):
            names = [n.strip() for n in re.split(r";", inline.group(1) if inline else block[k + 1]) if n.strip()]
            return [invert_name(n) if "," in n else n for n in names]
    return []


def _work(lines: list[str], anchor: int, floor: int, ceiling: int) -> Optional[Entry]:
    """The work whose "date | type" line is at `anchor`: title and journal above it (down to
    `floor`, the end of the previous work), metadata below it (up to `ceiling`)."""
    # the lines right above the anchor, up to the previous work's metadata: the title (one line,
    # or more when it wrapped) and the journal
    above: list[int] = []
    for i in range(anchor - 1, max(floor, anchor - 5) - 1, -1):
        if _META_RE.match(lines[i]) or _DATE_TYPE_RE.match(lines[i]) or re.match(r"contributors:", lines[i], re.I):
            break
        above.insert(0, i)
    if not above:
        return None
    last = lines[above[-1]]
    if len(above) >= 2 and not last[:1].islower():
        title, venue = " ".join(lines[i] for i in above[:-1]), last
    else:
        # no journal line, or the last line continues the wrapped title ("of 1,3-dienes")
        title, venue = " ".join(lines[i] for i in above), None
    match = _DATE_TYPE_RE.match(lines[anchor])
    year = int(match.group(1)) if match.group(1) else None
    date = lines[anchor].split("|")[0].strip() if "|" in lines[anchor] else None
    block = lines[anchor + 1 : ceiling]
    blob = "\n".join(block)
    doi = next((normalise_doi(m) for m in [find_doi(blob)] if m), None)
    authors = _contributors(block)
    return Entry(
        title=title.strip(), venue=venue, year=year, date=date, doi=doi, authors=authors,
        urls=[u for u in find_urls(blob) if "doi.org" not in u][:5],
        note=match.group(2).lower(),
        flags=[] if authors else ["owner-implicit"],
    )


def parse(page: Page) -> PageParse:
    lines = page.visible_lines()
    span = _works_span(lines)
    entries: list[Entry] = []
    if span is not None:
        start, end = span
        # (an undated work has its type alone on the line: "Book chapter", under its title and book)
        anchors = [i for i in range(start, end) if _DATE_TYPE_RE.match(lines[i]) and (
            "|" in lines[i] or (i - 1 > start and not _META_RE.match(lines[i - 1]) and not _DATE_TYPE_RE.match(lines[i - 1])))]
        # a work's title sits right after the previous work's metadata ends; the metadata of
        # an expanded work repeats its type on a line of its own ("Journal article")
        for n, anchor in enumerate(anchors):
            floor = anchors[n - 1] + 1 if n else start
            ceiling = anchors[n + 1] - 2 if n + 1 < len(anchors) else end
            entry = _work(lines, anchor, floor, max(ceiling, anchor + 1))
            if entry is not None:
                entries.append(entry)
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=_owner(lines),
        entries=entries,
        evidence=[f"ORCID record copied as text: {len(entries)} works"] if entries else ["ORCID page without works"],
    )
