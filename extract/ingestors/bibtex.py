"""BibTeX files: al-folio `_bibliography/papers.bib` (Jekyll front matter before the entries),
Hugo Academic `cite.bib`, DBLP/Google Scholar exports, hand-written .bib files.

Read with the forgiving parser in `extract.fields.bibtex` (never raises). LaTeX becomes
Unicode; names are read as BibTeX does ("Last, First", "First Last", "Last, Jr, First",
`{Braced Org}`), with contribution markers (* ^ † ‡) and DBLP homonym numbers removed;
editors stay apart from authors. Kind `bibliography`; the person is the author common to
(nearly) all entries when there is one.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.bibtex import BibEntry, parse_bibtex, split_names
from extract.fields.ids import find_arxiv, normalise_arxiv
from extract.fields.latex import latex_to_text
from extract.fields.names import strip_markers
from extract.fields.pagecache import cached
from extract.fields.structured import common_author, strip_homonym
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "bibtex"

_ENTRY_HINT_RE = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][^,\n]*,", re.M)
_PUBLICATION_TYPES = {
    "article", "inproceedings", "conference", "incollection", "inbook", "book", "booklet", "phdthesis",
    "mastersthesis", "thesis", "techreport", "report", "misc", "unpublished", "manual", "proceedings",
    "online", "electronic", "preprint", "patent", "collection", "software", "dataset", "periodical",
}
_URL_FIELDS = ("url", "ee", "pdf", "html", "link", "paper", "website", "eprinturl")
_ARXIV_VENUE_RE = re.compile(r"^(?:arxiv|corr)\b\s*(.*)$", re.I)
_ARXIV_REST_RE = re.compile(r"\b(?:preprint|e-?prints?)\b|arxiv\s*:?\s*\S*|abs/\S+|\d{4}\.\d{4,5}(?:v\d+)?", re.I)
_MONTH_TAIL_RE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*", re.I)


def _bib(page: Page):
    return cached(page, "bibtex", lambda: parse_bibtex(page.text))


def detect(page: Page) -> float:
    if page.syntax not in ("bibtex", "text", "markdown"):
        return 0.0
    if page.syntax != "bibtex" and not _ENTRY_HINT_RE.search(page.text[:200_000]):
        return 0.0
    bib = _bib(page)
    entries = [e for e in bib.entries if e.type in _PUBLICATION_TYPES or e.fields.get("title")]
    if not entries:
        return 0.0
    # BibTeX must be (nearly) the whole file: a page quoting BibTeX snippets is something else
    body = len(page.text.strip()) or 1
    share = bib.covered / body
    if share >= 0.8:
        return 0.95
    if share >= 0.5:
        return 0.7
    return 0.0


def _names(value: Optional[str]) -> tuple[list[Author], bool]:
    """BibTeX name list -> Authors (given/family as BibTeX defines them) and a truncation flag."""
    if not value:
        return [], False
    authors, truncated = [], False
    for raw in split_names(value):
        if raw.strip().lower() in ("others", "et al", "et al."):
            truncated = True
            continue
        corporate = raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1
        text = latex_to_text(raw)
        text = strip_homonym(clean_text(strip_markers(text)))
        if not text:
            continue
        if corporate:
            authors.append(Author(name=text, family=text))
            continue
        parts = [p.strip() for p in text.split(",")]
        parts = [p for p in parts if p]  # 'Yuan*, Zhihang,' leaves an empty trailing part
        if len(parts) >= 2:
            family = parts[0]
            given = parts[-1]
            suffix = parts[1] if len(parts) >= 3 else ""
            display = " ".join(x for x in (given, family, suffix) if x)
            authors.append(Author(name=display, given=given or None, family=(family + (" " + suffix if suffix else ""))))
        elif parts:
            authors.append(Author(name=parts[0]))  # natural order: split by finalise_entry
    return authors, truncated


def _field(entry: BibEntry, *names: str) -> Optional[str]:
    for name in names:
        value = entry.fields.get(name)
        if value is not None and value.strip():
            text = latex_to_text(value)
            if text:
                return text
    return None


def _venue_and_note(entry: BibEntry) -> tuple[Optional[str], Optional[str]]:
    venue = _field(entry, "journal", "journaltitle", "booktitle", "eventtitle", "howpublished")
    note_parts = []
    if not venue and entry.type in ("phdthesis", "mastersthesis", "thesis"):
        venue = _field(entry, "school", "institution")
        note_parts.append("PhD thesis" if entry.type == "phdthesis" else "thesis")
    if not venue and entry.type in ("techreport", "report"):
        venue = _field(entry, "institution")
    if not venue and entry.type in ("book", "proceedings", "collection"):
        venue = _field(entry, "series")
    if not venue and entry.type in ("book", "inbook", "booklet", "manual"):
        venue = _field(entry, "publisher")  # a book's venue is its publisher, as in every other reader
    if not venue and (_field(entry, "archiveprefix", "eprinttype") or "").lower() == "arxiv":
        venue = "arXiv"  # an arXiv preprint names its archive only: eprint = {2402.11873}, archivePrefix = {arXiv}
    m = _ARXIV_VENUE_RE.match(venue or "")
    if m:
        # al-folio style 'arXiv Mar.' / 'arXiv preprint arXiv:2401.00001': the venue is arXiv,
        # a month or an id after it is not part of the name; any other remark goes to the note
        rest = _MONTH_TAIL_RE.sub("", m.group(1).strip())
        rest = _ARXIV_REST_RE.sub("", rest).strip(" .,:;()")
        if rest:
            note_parts.append(rest)
        venue = venue.split()[0]
    note = _field(entry, "note", "annote")
    if note:
        note_parts.append(note)
    return venue, "; ".join(p for p in note_parts if p) or None


def _url_value(raw: str) -> str:
    """A URL field as written: braces and TeX escapes (\\_ \\% \\& \\#) removed; '~' stays."""
    url = re.sub(r"\\url\s*", "", raw.strip())
    url = re.sub(r"\\([_%&#$])", r"\1", url).replace("{", "").replace("}", "")
    return url.split()[0] if url.split() else ""


def _ids(entry: BibEntry, urls: list[str]) -> tuple[Optional[str], Optional[str]]:
    arxiv = None
    prefix = (entry.fields.get("archiveprefix") or entry.fields.get("eprinttype") or "").lower()
    if entry.fields.get("eprint") and (prefix == "arxiv" or not prefix):
        arxiv = normalise_arxiv(latex_to_text(entry.fields["eprint"]))
    arxiv = arxiv or normalise_arxiv(_field(entry, "arxiv", "arxivid"))
    if not arxiv:
        blob = " ".join(filter(None, [_field(entry, "journal", "volume", "note", "howpublished")] + urls))
        arxiv = find_arxiv(blob)
        if not arxiv:
            volume = _field(entry, "volume") or ""
            m = re.match(r"^abs/(.+)$", volume)  # DBLP CoRR: volume = {abs/2101.00001}
            arxiv = normalise_arxiv(m.group(1)) if m else None
    doi = _field(entry, "doi")
    return arxiv, doi


def _entry(entry: BibEntry) -> Entry:
    authors, truncated = _names(entry.fields.get("author"))
    editors, _ = _names(entry.fields.get("editor"))
    venue, note = _venue_and_note(entry)
    flags = []
    people = authors
    if not authors and editors:
        people = editors  # an edited volume is listed under its editors
        note = f"editors; {note}" if note else "editors"
    elif editors:
        listed = "editors: " + ", ".join(a.name for a in editors)
        note = f"{note}; {listed}" if note else listed
    if not people:
        flags.append("no-authors")
    urls = []
    for name in _URL_FIELDS:
        value = entry.fields.get(name)
        if value and value.strip():
            url = _url_value(value)
            if url.startswith(("http://", "https://", "www.")) and url not in urls:
                urls.append(url)
    arxiv, doi = _ids(entry, urls)
    year = _field(entry, "year")
    month = _field(entry, "month")
    date = _field(entry, "date")  # biblatex
    if not date and month and year and re.fullmatch(r"\d{4}", year):
        date = f"{year}-{int(month):02d}" if month.isdigit() and 1 <= int(month) <= 12 else f"{month} {year}"
    return Entry(
        title=_field(entry, "title"),
        authors=list(people) + (["et al."] if truncated else []),
        year=year,
        date=date,
        venue=venue,
        abstract=_field(entry, "abstract"),
        arxiv=arxiv,
        doi=doi,
        urls=urls,
        note=note,
        flags=flags,
    )


_SOFTWARE_NOTE_RE = re.compile(r"\b(?:software|data ?set|source code|computer program|R package|Python package)\b", re.I)


def _is_software_or_data(entry) -> bool:
    if entry.type in ("software", "dataset"):
        return True
    if entry.type != "misc":
        return False
    return any(_SOFTWARE_NOTE_RE.search(str(entry.fields.get(key) or "")) for key in ("note", "howpublished", "type", "keywords"))


def parse(page: Page) -> PageParse:
    bib = _bib(page)
    kept = [e for e in bib.entries if e.type in _PUBLICATION_TYPES or e.fields.get("title")]
    # software and data are outputs, not publications: "@software", "@dataset", and "@misc" whose
    # note says so ("Software, version 2.1")
    outputs = [e for e in kept if _is_software_or_data(e)]
    entries = [_entry(e) for e in kept if not any(e is o for o in outputs)]
    evidence = [f"BibTeX: {len(entries)} entries"]
    if outputs:
        evidence.append(f"{len(outputs)} software/dataset entr{'y' if len(outputs) == 1 else 'ies'} left out")
    if bib.problems:
        evidence.append(f"{bib.problems} malformed entries read as far as possible")
    person = common_author([[a for a in e.authors if isinstance(a, Author)] for e in entries])
    if person:
        evidence.append(f"'{person}' is an author of (nearly) every entry")
    return PageParse(kind="bibliography", person=person, entries=entries, evidence=evidence)
