"""EndNote's XML export: `<xml><records><record>…</record></records></xml>`.

    <ref-type name="Journal Article">17</ref-type>
    <contributors><authors><author><style …>Okonkwo, A. N.</style></author>…</authors>
                  <secondary-authors>…</secondary-authors></contributors>   <- a chapter's editors
    <titles><title><style>Effects of </style><style face="italic">P. falciparum</style>…</title>
            <secondary-title>Malaria Journal</secondary-title></titles>    <- journal or book
    <dates><year>2020</year></dates>   <electronic-resource-num>10.1186/…</electronic-resource-num>

Every text value may be split into `<style>` runs (italics inside a title): they are joined. A
year that is a status ("In Press") is a note, not a year. Data sets, software, figures and
media (by ref-type name) are outputs, not publications, and are left out (counted in the
evidence). Kind `listing` when one author is on most records, else `search-results`.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import find_year
from extract.fields.ids import find_arxiv, normalise_doi
from extract.fields.names import invert_name
from extract.fields.safe_xml import child, children, local, page_xml
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "endnote_xml"

MAX_RECORDS = 20_000
_NOT_PUBLICATION_TYPES_RE = re.compile(
    r"(?i)^(?:dataset|data set|computer program|software|figure|chart or table|map|film or broadcast|audiovisual material|"
    r"artwork|music|online multimedia|equation|personal communication|grant)$")
# ref-types whose publisher (or university) stands where a journal would
_PUBLISHER_TYPES_RE = re.compile(r"(?i)^(?:book|edited book|electronic book|report|government document|thesis)$")
_STATUS_RE = re.compile(r"(?i)\b(?:in press|forthcoming|submitted|accepted|under review|in preparation)\b")


def _text(element) -> str:
    """An EndNote value: the text of all its <style> runs (or its own text), whitespace folded."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _path(element, *names: str):
    for name in names:
        if element is None:
            return None
        element = child(element, name)
    return element


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    head = page.text[:5000]
    if "<records>" not in head or "<record>" not in head:
        return 0.0
    if "<ref-type" in head or 'source-app name="EndNote"' in head or "<contributors>" in head:
        return 0.95
    return 0.0


def _entry(record) -> Optional[Entry]:
    ref_type = child(record, "ref-type")
    kind = (ref_type.get("name") or "") if ref_type is not None else ""
    if _NOT_PUBLICATION_TYPES_RE.match(kind.strip()):
        return None
    titles = child(record, "titles")
    title = _text(_path(titles, "title")) if titles is not None else ""
    if not title:
        return None
    authors_node = _path(record, "contributors", "authors")
    authors = [invert_name(_text(a)) for a in children(authors_node, "author")] if authors_node is not None else []
    authors = [a for a in authors if a]
    note = None
    if not authors and re.search(r"(?i)edited", kind):
        editors_node = _path(record, "contributors", "secondary-authors")
        if editors_node is not None:
            authors = [invert_name(_text(a)) for a in children(editors_node, "author") if _text(a)]
            note = "editors" if authors else None
    venue = _text(_path(titles, "secondary-title")) if titles is not None else ""
    venue = venue or _text(_path(record, "periodical", "full-title"))
    if not venue and _PUBLISHER_TYPES_RE.match(kind.strip()):
        venue = _text(child(record, "publisher"))
    year_text = _text(_path(record, "dates", "year"))
    year = find_year(year_text) if year_text else None
    if year is None and _STATUS_RE.search(year_text):
        note = "; ".join(n for n in (note, year_text) if n)
    doi = normalise_doi(_text(child(record, "electronic-resource-num")))
    related = _path(record, "urls", "related-urls")
    urls = [u for u in (_text(x) for x in (children(related, "url") if related is not None else [])) if u.startswith(("http://", "https://"))]
    if not doi:
        doi = next((normalise_doi(u) for u in urls if "doi.org/" in u), None)
    return Entry(
        title=title.rstrip(" ."),
        authors=authors,
        year=year,
        venue=venue or None,
        doi=doi,
        arxiv=next((find_arxiv(u) for u in urls if find_arxiv(u)), None),
        urls=urls,
        abstract=_text(child(record, "abstract")) or None,
        note=note,
        flags=[] if authors else ["no-authors"],
    )


def parse(page: Page) -> PageParse:
    doc = page_xml(page)
    root = doc.root
    if root is None:
        return PageParse(kind="not-a-profile", evidence=["no XML could be read"])
    records = [r for r in root.iter() if isinstance(r.tag, str) and local(r) == "record"][:MAX_RECORDS]
    entries = [e for e in (_entry(r) for r in records) if e is not None]
    evidence = [f"EndNote XML: {len(entries)} records"]
    if len(entries) < len(records):
        evidence.append(f"{len(records) - len(entries)} data sets, software, media or untitled records left out")
    return listing_or_search_results(entries, evidence, what="record", min_share=0.75)
