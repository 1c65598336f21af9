"""Dublin Core records, as repositories (EPrints, DSpace, Pure, HAL, Zenodo) serve them over
OAI-PMH (`<OAI-PMH><ListRecords><record>…<oai_dc:dc>`) or export them (`<dc:title>` inside any
record wrapper).

    <header status="deleted">…</header>              <- a withdrawn record: left out
    <dc:title>Groundwater Recharge …</dc:title>
    <dc:creator>Obi, Adaeze</dc:creator>             <- authors ("Family, Given"), in order
    <dc:contributor>Wagner, Wolfgang</dc:contributor> <- supervisors, editors: not authors
    <dc:date>2018-03-15</dc:date>
    <dc:type>info:eu-repo/semantics/article</dc:type> <- datasets and software are left out
    <dc:source>Natural Hazards, 98(2), 455-478</dc:source>   <- the journal (numbers cut)
    <dc:publisher>Elsevier</dc:publisher>             <- the venue only when no source names one
    <dc:identifier>https://doi.org/10.…</dc:identifier>

Kind `listing` when one author is on (nearly) every record (an OAI set is often one person's),
else `search-results`.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import field_year
from extract.fields.ids import find_doi, normalise_doi
from extract.fields.names import invert_name
from extract.fields.safe_xml import local, page_xml, text_of
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "oai_dc"

MAX_RECORDS = 20_000
_DC_NAMESPACE = "purl.org/dc/elements/1.1"
_NOT_PUBLICATION_RE = re.compile(r"(?i)\b(?:dataset|data set|software|image|sound|collection|interactiveresource|"
                                 r"physicalobject|service)\b")
# "Natural Hazards, 98(2), 455-478", "Journal of Hydrology 561:1-12": the name before its numbers
_SOURCE_NUMBERS_RE = re.compile(r"[,;]?\s*(?:\d|[Vv]ol\b|pp?\.|[Nn]o\.).*$")
_THESIS_RE = re.compile(r"(?i)thesis|dissertation")


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    head = page.text[:20000]
    if (_DC_NAMESPACE not in head or "<dc:title" not in head or "zotero.org/namespaces" in head
            or re.search(r"<(?:rss|channel|feed)[\s>]", head)):  # (feeds carry dc:creator too: rss_feed reads them)
        return 0.0  # (Zotero's RDF uses Dublin Core too: zotero_rdf reads it)
    return 0.95 if ("oai_dc" in head or "<OAI-PMH" in head or "<record" in head) else 0.7


def _dc_fields(element) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for child in element.iter():
        if isinstance(child.tag, str) and _DC_NAMESPACE in child.tag:
            value = text_of(child)
            if value:
                fields.setdefault(local(child), []).append(value)
    return fields


def _deleted(record) -> bool:
    return any(isinstance(c.tag, str) and local(c) == "header" and (c.get("status") or "").lower() == "deleted"
               for c in record)


def _entry(fields: dict[str, list[str]]) -> Optional[Entry]:
    title = (fields.get("title") or [""])[0].strip().rstrip(".")
    if not title:
        return None
    kinds = " ".join(fields.get("type", []))
    if _NOT_PUBLICATION_RE.search(kinds) and not re.search(r"(?i)article|paper|book|thesis|report", kinds):
        return None
    authors = [invert_name(name) or name for name in fields.get("creator", [])]
    source = (fields.get("source") or [""])[0]
    venue = _SOURCE_NUMBERS_RE.sub("", source).strip(" ,.;") if source else ""
    if not venue:
        # a book's, thesis' or report's publisher (the university, the issuing agency)
        venue = (fields.get("publisher") or [""])[0]
    dates = fields.get("date", [])
    year = next((y for y in map(field_year, dates) if y), None)
    identifiers = fields.get("identifier", []) + fields.get("relation", [])
    doi = next((normalise_doi(d) for d in (find_doi(i) for i in identifiers) if d), None)
    urls = [i for i in identifiers if i.startswith("http")]
    note = "thesis" if _THESIS_RE.search(kinds) else None
    return Entry(title=title, authors=authors, year=year, date=dates[0] if dates else None, venue=venue or None,
                 doi=doi, urls=urls, note=note)


def parse(page: Page) -> PageParse:
    root = page_xml(page).root
    if root is None:
        return PageParse(kind="not-a-profile", evidence=["Dublin Core file that does not parse"])
    # each record: the element that directly holds the dc:* fields (oai_dc:dc, or a plain record)
    holders, seen = [], set()
    for element in root.iter():
        if not isinstance(element.tag, str) or _DC_NAMESPACE not in element.tag or local(element) != "title":
            continue
        holder = element.getparent()
        if holder is not None and id(holder) not in seen:
            seen.add(id(holder))
            holders.append(holder)
        if len(holders) >= MAX_RECORDS:
            break
    entries, deleted = [], 0
    for holder in holders:
        record = next((a for a in holder.iterancestors() if local(a) == "record"), None)
        if record is not None and _deleted(record):
            deleted += 1
            continue
        entry = _entry(_dc_fields(holder))
        if entry is not None:
            entries.append(entry)
    evidence = [f"Dublin Core records: {len(entries)} publications" + (f", {deleted} deleted left out" if deleted else "")]
    if not entries:
        return PageParse(kind="not-a-profile", evidence=evidence + ["no titled publication records"])
    return listing_or_search_results(entries, evidence, "record", min_share=0.75)
