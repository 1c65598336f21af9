"""A scholarly profile copied out of the browser as text: Google Scholar and Semantic-Scholar-like
author pages, whose works come as line triplets.

    Mei-Ling Tsang                                   <- owner (before the stats block)
    Associate Professor, Harbourview University      <- affiliation
    Verified email at … / Publications 27 / h-index  <- stats block
    TITLE  CITED BY  YEAR                            <- Scholar's table head (optional)
    De novo design of enzyme scaffolds               <- title
    M Tsang, J Okafor, R Delgado-Ruiz, ...           <- authors ("..." / "…" = truncated)
    Nature 28 (4), 345-356, 2021 <TAB> 412 <TAB> 2021  <- Scholar: venue, cited-by and year cells
    Neural Information Processing Systems · 2023     <- Semantic-Scholar style: venue · year
    TLDR / Expand / 47 Citations / Save / Alert / Cite  <- noise between works

A work is anchored on a title line followed by an author line; the venue line is what comes
next, when it has the venue shape. The page must carry a profile's stats block (h-index,
"Cited by", "Verified email", a "Publications" count) and at least two such works, so text CVs
with a similar rhythm stay with the homepage readers. Kind `listing`, as for the HTML pages.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.affiliations import affiliations_in
from extract.fields.ids import find_arxiv
from extract.fields.names import looks_like_name, owner_name, split_author_list
from extract.fields.sections import PUBLICATION_STATUS
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "profile_text"

_STATS_RE = re.compile(r"^(?:verified email\b|h-index\b|i10-index\b|cited by\b|citations\b|publications\b|"
                       r"highly influential citations\b|all\s+since\s+\d{4}$|[\d,.]+k?\s+followers\b|followers\s+[\d,.]+k?\b|"
                       # a citation index's metric rows, the number first: "14     H-Index", "5 Total documents"
                       r"[\d,.]+\s+(?:h-index|total documents|sum of times cited|documents|citations)\b)", re.I)
# "Papers by Eleni Vourvachi": an upload site's section heads name the owner
_SECTION_BY_RE = re.compile(r"^(?:papers|books|articles|publications|uploads|drafts|talks|chapters)\s+by\s+(.{3,80})$", re.I)
# a wrapped title's first line ends on a word that cannot end a title ("… Cyclades: A")
_WRAPPED_END_RE = re.compile(r"(?:[:,]|\b(?:a|an|the|of|and|in|on|for|with|to|at|from|by|via|or|de|la|des|der|und))$", re.I)
_TABLE_HEAD_RE = re.compile(r"^title\s+cited\s+by\s+year$", re.I)
_FOOTER_RE = re.compile(r"^(?:articles\s+\d+\s*[-–]\s*\d+|show more|help\s+privacy\s+terms|co-authors|"
                        r"view all co-authors|next|load more)$", re.I)
_S2_VENUE_RE = re.compile(r"^(?:(?P<venue>.*?)\s*·\s*)?(?P<year>(?:19|20)\d{2})$")
# Scholar's cells after the venue: ", 2021<TAB>412<TAB>2021" (cited-by and year may be empty);
# with the tabs lost the year cell repeats the venue's own year
_CELLS_TAB_RE = re.compile(r"\t[\d*\s]*\t?\s*(?:(?:19|20)\d{2})?\s*$|\t\s*\d+\*?\s*$")
_CELLS_SPACED_RE = re.compile(r",\s*((?:19|20)\d{2})(?:\s+\d+\*?)?\s+\1\s*$")
_CITED_BY_CELLS_RE = re.compile(r"^\s*cited by\s+(\d+\*?(?:\s+(?:19|20)\d{2})?)\s*$", re.I)
_CELLS_ONLY_RE = re.compile(r"^\s*(?:\d+\*?)?\s*(?:(?:19|20)\d{2})?\s*$")
_TRAILING_YEAR_RE = re.compile(r"(?:,\s*|\s+)((?:19|20)\d{2})\s*$")
_STATUS_LINE_RE = re.compile(rf"^{PUBLICATION_STATUS}\.?$", re.I)
_NOISE_RE = re.compile(r"^(?:tldr|expand|pdf|save|alert|cite|highly influential|[\d,]+(?:\s+citations?)?|"
                       r"view \d+ excerpts?.*|cited by \d+.*)$", re.I)
_SCHOLAR_NAME_RE = re.compile(r"^[A-Z]{1,3}\s+(?:[a-z]{1,3}\s+){0,2}[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:[\s-][A-ZÀ-ÖØ-Þ][\w'’.-]+)?$")
_ELLIPSIS = ("...", "…")
# Semantic Scholar's fields of study (a fixed list), printed above the venue: no venue themselves
_S2_FIELD_RE = re.compile(r"(?:(?:Computer|Political|Materials|Environmental) Science|Medicine|Biology|Physics|Mathematics|"
                          r"Chemistry|Engineering|Psychology|Economics|Sociology|Geology|Geography|Art|History|"
                          r"Philosophy|Business|Education|Linguistics|Law|Agricultural and Food Sciences)"
                          r"(?:,\s*(?:(?:Computer|Political|Materials|Environmental) Science|Medicine|Biology|Physics|"
                          r"Mathematics|Chemistry|Engineering|Psychology|Economics|Sociology|Geology|Geography|Art|History|"
                          r"Philosophy|Business|Education|Linguistics|Law))*")
_HIDDEN_AUTHORS_RE = re.compile(r"\+\s?\d{1,4}\s+authors?\s+(.+)")
# Semantic Scholar's date line under the venue: "2023", "May 2024", "15 May 2024", "1 August 2020"
_DATE_LINE_RE = re.compile(r"^(?:\d{1,2}\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
                           r"((?:19|20)\d{2})$", re.I)


# a citation index's author lines: "By: Reuter, M; Halvorsen-Mbatha, I; (...); Ferreira, J" (semicolons,
# "(...)" for the names left out) or "Nakashima-Ferreira, K., Albuquerque, R.M., ...Pereira da Silva, L."
_INVERTED_LIST_RE = re.compile(r"^(?:[Bb]y:\s+)?(?:[^\W\d][\w'’ -]*,\s*(?:[A-ZÀ-Þ]\.?[\s.-]*){1,3}[,;]\s*(?:\(\.\.\.\);\s*|\.\.\.|…)?)+"
                               r"[^\W\d][\w'’ -]*,\s*(?:[A-ZÀ-Þ]\.?[\s.-]*){1,3}$|^[^\W\d][\w'’ -]*,\s*(?:[A-ZÀ-Þ]\.[\s-]*){1,3}$"
                               r"|^[Bb]y:\s+[^\W\d][\w'’ -]*,\s*(?:[A-ZÀ-Þ]\.?[\s.-]*){1,3}$")
# an upload site's "by Mariela Condori, Rosalind Achterberg-Quispe, and 3 more"
_MORE_AUTHORS_RE = re.compile(r",?\s+(?:and\s+)?\d{1,4}\s+more$")


def _inverted_author_text(line: str) -> Optional[str]:
    """The author text of a citation index's inverted author line, "By: " dropped, or None."""
    if not _INVERTED_LIST_RE.match(line) or not (";" in line or line.count(",") != 2 or line.lower().startswith("by:")):
        return None
    text = re.sub(r"^by:\s+", "", line, flags=re.I)
    names = split_author_list(text).names
    return text if names and all(looks_like_name(n) and len(n.split()) <= 5 for n in names) else None


def _author_parts(line: str) -> Optional[tuple[list[str], bool]]:
    """The names of an author line and whether the list was cut, or None for another line."""
    if _TABLE_HEAD_RE.match(line) or _STATS_RE.match(line):
        return None
    if re.search(r"\b(?:documents?|citations?|followers|following|reads|views)\b", line, re.I):
        return None  # a metrics row ("Documents  Citations"), not two people
    inverted = _inverted_author_text(line)
    if inverted:
        split = split_author_list(inverted)
        return split.names, split.truncated
    more = _MORE_AUTHORS_RE.search(line) if line.startswith("by ") else None
    if more:
        line = line[: more.start()]
    by = re.match(r"^by\s+(.+)$", line)
    if by:
        # an upload site's "by Eleni Vourvachi, Ruairí Ó Catháin, and Margarida Simões"
        line = re.sub(r",?\s+(?:and|&)\s+", ", ", by.group(1))
    if len(line) > 600 or re.search(r"\d|[:;?!]|[^.\s]\.\s*$", _HIDDEN_AUTHORS_RE.sub(r"\1", line).replace("...", "").replace("…", "")):
        return None
    parts = [p.strip() for p in line.split(",") if p.strip()]
    names, truncated = [], False
    for part in parts:
        if part in _ELLIPSIS:
            truncated = True
            continue
        hidden = _HIDDEN_AUTHORS_RE.match(part)
        if hidden:  # Semantic Scholar's "+3 authors Marek Kowalczyk": three names left out
            truncated = True
            part = hidden.group(1)
        if part.endswith(_ELLIPSIS):
            truncated = True
            part = part.rstrip(".… ")
        if not (_SCHOLAR_NAME_RE.match(part) or (looks_like_name(part) and 2 <= len(part.split()) <= 4)):
            return None
        names.append(part)
    return (names, truncated or bool(more)) if names else None


def _is_title(line: str) -> bool:
    authors = _author_parts(line) if "," in line else None
    if authors and len(authors[0]) >= 2:
        return False  # "Chia-Yi Hsu, Wen-Hsuan Liao": names, not a title
    return (len(line.split()) >= 3 and len(line) <= 400 and not _NOISE_RE.match(line)
            and not _STATS_RE.match(line) and not _TABLE_HEAD_RE.match(line) and not owner_name(line)
            and not _CELLS_SPACED_RE.search(line) and not _CELLS_TAB_RE.search(line))


def _anchors(lines: list[str]) -> list[int]:
    """Title lines followed by an author line. Below Scholar's table head every such pair is a
    work; elsewhere a venue line must follow too (a site's name over a "Skip to menu" link has
    the same two-line shape)."""
    head = next((i for i, l in enumerate(lines) if _TABLE_HEAD_RE.match(l)), None)
    pairs = [i for i in range(len(lines) - 1) if _is_title(lines[i]) and _author_parts(lines[i + 1])]
    if head is not None:
        return [i for i in pairs if i > head]
    # (or Scholar's own "Cited by 4" cell right under the names: a work that lists no venue)
    return [i for i in pairs if any(_venue_line(l) or _LABELLED_RE.match(l) for l in lines[i + 2 : i + 4])
            or any(_DATE_LINE_RE.match(l) for l in lines[i + 3 : i + 5])
            or (i + 2 < len(lines) and _CITED_BY_CELLS_RE.match(lines[i + 2]) is not None)]


# a citation index's source lines: "Mar 2023 | JOURNAL OF CHEMICAL PHYSICS 158 (9)" (date first) and
# "Journal of Hydrology, 2023, 617, 128934" (year after the source, then volume, issue and pages)
_DATE_BAR_VENUE_RE = re.compile(r"^(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?"
                                r"((?:19|20)\d{2})\s*\|\s*(.+)$", re.I)
_SOURCE_YEAR_RE = re.compile(r"^(.+?),\s*((?:19|20)\d{2})(?:,\s*(?:[a-zA-Z]?\d[\w()–-]*|pp?\.\s*\S+|art(?:icle)?\.?\s*(?:no\.?\s*)?\S+))*\.?$", re.I)
_VOLUME_PAGES_TAIL_RE = re.compile(r"(?:\s+\d[\d\s()]*?)?(?:\s*,\s*pp?\.\s*\S+)?\s*$")
# an upload site's labelled lines under the author line: "Publication Date: 2022" / "Publication Name: X"
_LABELLED_RE = re.compile(r"^(publication date|publication name|published in|publisher|journal name)\s*:\s*(.+)$", re.I)


def _venue_line(line: str) -> Optional[tuple[Optional[str], Optional[int], Optional[str]]]:
    """(venue, year, status) of a venue line, or None when the line has no venue shape."""
    if _STATUS_LINE_RE.match(line.strip()):
        return None, None, line.strip().rstrip(".")
    barred = _DATE_BAR_VENUE_RE.match(line.strip())
    if barred:
        return _VOLUME_PAGES_TAIL_RE.sub("", barred.group(2)).strip(" ,") or None, int(barred.group(1)), None
    sourced = _SOURCE_YEAR_RE.match(line.strip())
    if sourced and not re.search(r"\d", sourced.group(1)[-12:]):
        return sourced.group(1).strip() or None, int(sourced.group(2)), None
    s2 = _S2_VENUE_RE.match(line.strip())
    if s2:
        return (s2.group("venue") or None), int(s2.group("year")), None
    text, year = line, None
    cells = _CELLS_TAB_RE.search(text)
    if cells:
        year_cell = re.search(r"((?:19|20)\d{2})\s*$", cells.group(0))
        year = int(year_cell.group(1)) if year_cell else None
        text = text[: cells.start()]
    else:
        spaced = _CELLS_SPACED_RE.search(text)
        if spaced:
            year, text = int(spaced.group(1)), text[: spaced.start()]
    inline = _TRAILING_YEAR_RE.search(text)
    if inline:
        year = year or int(inline.group(1))
        text = text[: inline.start()]
    if not cells and not inline and not (year or _TRAILING_YEAR_RE.search(line)):
        return None
    return text.strip(" ,") or None, year, None


def _venue_text(text: Optional[str]) -> tuple[Optional[str], Optional[str], bool]:
    from extract.ingestors.scholar_html import split_venue

    if not text:
        return None, None, False
    if re.match(r"^arxiv\b", text, re.I):
        return "arXiv", None, False
    return split_venue(text)


def _work(lines: list[str], anchor: int, end: int) -> Entry:
    inverted = _inverted_author_text(lines[anchor + 1])
    if inverted:  # split by finalise_entry, which keeps the printed family names ("Pereira da Silva, L.")
        entry = Entry(title=lines[anchor], authors_text=inverted)
    else:
        names, truncated = _author_parts(lines[anchor + 1])
        entry = Entry(title=lines[anchor], authors=names)
        if truncated:
            entry.flags.append("authors-truncated")
    labelled = {m.group(1).lower(): m.group(2).strip() for m in map(_LABELLED_RE.match, lines[anchor + 2 : min(end, anchor + 6)]) if m}
    if labelled:
        year = re.search(r"\b(?:19|20)\d{2}\b", labelled.get("publication date", ""))
        entry.year = int(year.group(0)) if year else None
        entry.venue = next((labelled[k] for k in ("publication name", "journal name", "published in", "publisher") if k in labelled), None)
        return entry
    # "Cited by 87<TAB>2023": the cited-by cell copied with its label
    window = [_CITED_BY_CELLS_RE.sub(r"\1", l) for l in lines[anchor + 2 : min(end, anchor + 4)]]
    if len(window) == 2 and _CELLS_ONLY_RE.match(window[1]) and not _CELLS_ONLY_RE.match(window[0]):
        # the cited-by and year cells copied onto a line of their own, under a venue line that
        # has no year ("Journal of X 9 (12), 7891-7902" / "214<TAB>2021")
        window = [window[0] + "\t" + window[1].strip()]
    dated = next((k for k in range(anchor + 3, min(end, anchor + 5)) if _DATE_LINE_RE.match(lines[k])), None)
    if dated is not None and not any(_venue_line(l) for l in lines[anchor + 2 : dated]):
        # Semantic Scholar: fields of study, the venue, then the date, each on its own line
        # ("Computer Science" / "Empirical Software Engineering" / "15 May 2024")
        above = lines[dated - 1]
        entry.venue, detail, cut = _venue_text(None if _S2_FIELD_RE.fullmatch(above) else above)
        entry.year = int(_DATE_LINE_RE.match(lines[dated]).group(1))
        if cut:
            entry.flags.append("venue-truncated")
        return entry
    for line in window:
        parsed = _venue_line(line.replace("\u00a0", " "))
        if parsed is None:
            continue
        venue, year, status = parsed
        entry.arxiv = find_arxiv(line)
        entry.venue, detail, cut = _venue_text(venue)
        if cut:
            entry.flags.append("venue-truncated")
        entry.note = status or detail
        entry.year = year
        break
    return entry


_PROFILE_ACTION_RE = re.compile(r"^(?:(?:Claim|Follow|Share|Cite|Save|Alert|Create|Sign|Edit|Message|Contact)\b.*|.*(?:\.\.\.|…))$", re.I)


def _owner_and_affiliation(lines: list[str], first_work: int) -> tuple[Optional[str], list[str]]:
    stats = next((i for i in range(first_work) if _STATS_RE.match(lines[i])), None)
    if stats is None:
        return None, []
    for i in range(stats - 1, max(stats - 5, -1), -1):
        if _PROFILE_ACTION_RE.match(lines[i]):
            continue  # "Share This Author...", "Follow Author...", "Claim Author Page": the page's buttons
        name = owner_name(lines[i])
        if name:
            header = [l for l in lines[i + 1 : stats] if not _STATS_RE.match(l)][:1]
            # "Associate Professor of Bioengineering, Harbourview University": the organisation
            return name, [org for l in header for org in affiliations_in(l)][:2]
    return None, []


def _inverted_owner(header: list[str], entries: list[Entry]) -> Optional[str]:
    """A citation index prints its author "Family, Given" at the head ("Nakashima-Ferreira, Kenji"):
    the first such line whose family name is on at least half of the works."""
    for line in header:
        m = re.fullmatch(r"([^\W\d][\w'’ -]{1,40}),\s+([^\W\d][\w'’.-]+(?:\s[^\W\d][\w'’.-]*){0,2})", line.strip())
        if not m or "." in m.group(2).rstrip(".")[:2]:
            continue  # "Family, Given" with a written-out given name only
        family = m.group(1).strip().lower()
        on = sum(1 for e in entries if family in (e.authors_text or " ".join(map(str, e.authors))).lower())
        name = owner_name(f"{m.group(2)} {m.group(1)}")
        if name and 2 * on >= len(entries):
            return name
    return None


def _join_wrapped_titles(lines: list[str]) -> list[str]:
    """An upload site's title wrapped over two lines above its "by …" line ("… Cyclades: A" /
    "Petrographic Perspective" / "by …") is one line: otherwise the second half reads as names."""
    out: list[str] = []
    for line in lines:
        if (line.startswith("by ") and len(out) >= 2 and _WRAPPED_END_RE.search(out[-2])
                and _is_title(out[-2]) and _venue_line(out[-2]) is None and _venue_line(out[-1]) is None
                and not _NOISE_RE.match(out[-1]) and len(out[-1]) <= 200):
            out[-2:] = [f"{out[-2]} {out[-1]}"]
        elif (len(out) >= 2 and out[-1][:1].islower() and len(out[-1].split()) <= 6 and len(out[-2]) >= 40
              and _is_title(out[-2]) and _venue_line(out[-2]) is None and _venue_line(out[-1]) is None
              and not _STATS_RE.match(out[-1]) and not re.search(r"\d|\t", out[-1]) and _author_parts(line)):
            # a Scholar title wrapped in the copy: "… and implications for" / "water budgets" / names
            out[-2:] = [f"{out[-2]} {out[-1]}"]
        elif (len(out) >= 3 and len(out[-1].split()) <= 6 and not re.search(r"\d|\t", out[-1])
              and (_venue_line(out[-3]) is not None or _TABLE_HEAD_RE.match(out[-3]) or out[-3].strip().lower() == "year")
              and _is_title(out[-2]) and _venue_line(out[-2]) is None and _venue_line(out[-1]) is None
              and not _STATS_RE.match(out[-1]) and not _NOISE_RE.match(out[-1]) and _author_parts(line)
              and not _author_parts(out[-1]) and not _TABLE_HEAD_RE.match(out[-1])
              and len(re.findall(r"[^\W\d_]", out[-1])) >= 2):
            # … and one in title case ("… Ensembles of Value" / "Functions"): two lines between the
            # last work's venue line and this one's names are one title
            out[-2:] = [f"{out[-2]} {out[-1]}"]
        out.append(line)
    return out


def _signals(lines: list[str]) -> tuple[int, list[int]]:
    stats = sum(1 for l in lines[:400] if _STATS_RE.match(l) or _TABLE_HEAD_RE.match(l))
    return stats, _anchors(lines)


def detect(page: Page) -> float:
    if page.syntax not in ("text", "markdown"):  # saved HTML pages have their site readers
        return 0.0
    head = page.text[:200_000]
    if not re.search(r"(?i:h-index)|i10-index|Cited by|CITED BY|Verified email|Citations|Followers", head):
        return 0.0  # cheap gate before the line walk
    lines = _join_wrapped_titles(page.visible_lines())
    stats, anchors = _signals(lines)
    by_lines = sum(1 for a in anchors if lines[a + 1].startswith("by "))
    # an upload site's follower line and its "by …" author lines are as telling as two stats
    if (stats < 2 and not (stats >= 1 and by_lines >= 2)) or len(anchors) < 2:
        return 0.0
    from extract.ingestors.stacked_cards import pure_card_count

    if pure_card_count(lines) >= max(3, len(anchors)):
        return 0.0  # a portal's work cards (Pure's "Names, Jan 2024, In: Journal"), which a citation count heads too
    return 0.92


def parse(page: Page) -> PageParse:
    lines = _join_wrapped_titles(page.visible_lines())
    anchors = _anchors(lines)
    # the works list ends where the co-author list or the pager starts
    end = next((i for i in range(anchors[0] if anchors else 0, len(lines)) if _FOOTER_RE.match(lines[i])), len(lines))
    anchors = [a for a in anchors if a < end]
    entries = [_work(lines, a, anchors[n + 1] if n + 1 < len(anchors) else end) for n, a in enumerate(anchors)]
    person, affiliations = _owner_and_affiliation(lines, anchors[0] if anchors else len(lines))
    if person is None:
        named = next((m for m in map(_SECTION_BY_RE.match, lines) if m), None)
        person = owner_name(named.group(1)) if named else None
    if person is None and entries:
        person = _inverted_owner(lines[: anchors[0]], entries)
    return PageParse(
        kind="listing" if entries else "not-a-profile",
        person=person,
        affiliations=affiliations,
        entries=entries,
        evidence=[f"scholarly profile copied as text: {len(entries)} works"] if entries
        else ["profile text without works"],
    )
