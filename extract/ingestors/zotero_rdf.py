"""Zotero RDF, Zotero's own export (`<rdf:RDF xmlns:z="http://www.zotero.org/namespaces/export#">`).

    <bib:Article rdf:about="http://doi.org/10.…">           <- one item per element with a z:itemType
        <z:itemType>journalArticle</z:itemType>
        <dcterms:isPartOf rdf:resource="urn:issn:0305-0009"/>  <- the journal, described elsewhere
        <bib:authors><rdf:Seq><rdf:li><foaf:Person>
            <foaf:surname>Singh</foaf:surname><foaf:givenName>Amara</foaf:givenName>
        </foaf:Person></rdf:li></rdf:Seq></bib:authors>      <- bib:editors are not authors
        <dc:title>…</dc:title> <dc:date>2019-07-03</dc:date>
    </bib:Article>
    <bib:Journal rdf:about="urn:issn:0305-0009"><dc:title>Journal of Child Language</dc:title></bib:Journal>
    <z:Attachment>, <bib:Memo>: files and notes, not works

The venue is the title of what the item is part of (journal, proceedings, book); else, for a
book, thesis or report, its publisher or university. Kind `listing` when one author is on most
items.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import field_year
from extract.fields.ids import find_doi, normalise_doi
from extract.fields.safe_xml import child, children, local, page_xml, text_of
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "zotero_rdf"

MAX_RECORDS = 20_000
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_NOT_WORKS = {"attachment", "note", "webpage", "dataset", "computerProgram"}


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    head = page.text[:20000]
    return 0.95 if "zotero.org/namespaces/export" in head and "itemType" in head else 0.0


def _people(element) -> list:
    people = []
    for person in element.iter():
        if not isinstance(person.tag, str) or local(person) not in ("Person", "Organization"):
            continue
        if local(person) == "Organization":
            body = text_of(child(person, "name"))
            if body:
                people.append(Author(name=body, family=body))
            continue
        family, given = text_of(child(person, "surname")), text_of(child(person, "givenName"))
        if family:
            people.append(Author(name=f"{given} {family}".strip(), given=given or None, family=family))
    return people


def _container_title(item, described: dict) -> str:
    for part in children(item, "isPartOf"):
        target = part.get(_RDF + "resource")
        container = described.get(target) if target else next((c for c in part if isinstance(c.tag, str)), None)
        if container is not None:
            title = text_of(child(container, "title"))
            if title:
                return title
    return ""


def _publisher(item) -> str:
    publisher = child(item, "publisher")
    if publisher is None:
        return ""
    return text_of(next((n for n in publisher.iter() if isinstance(n.tag, str) and local(n) == "name"), None)) or text_of(publisher)


def _entry(item, item_type: str, described: dict) -> Optional[Entry]:
    title = text_of(child(item, "title")).rstrip(".")
    if not title:
        return None
    authors_element = child(item, "authors")
    authors = _people(authors_element) if authors_element is not None else []
    venue = _container_title(item, described)
    if not venue and item_type in ("book", "thesis", "report", "manuscript", "bookSection"):
        venue = _publisher(item)
    year = field_year(text_of(child(item, "date")))
    identifiers = [text_of(i) for i in children(item, "identifier")] + [item.get(_RDF + "about") or ""]
    doi = next((normalise_doi(d) for d in (find_doi(i) for i in identifiers) if d), None)
    urls = [i for i in identifiers if i.startswith("http") and "doi.org" not in i]
    return Entry(title=title, authors=authors, year=year, venue=venue or None, doi=doi, urls=urls,
                 note="thesis" if item_type == "thesis" else None)


def parse(page: Page) -> PageParse:
    root = page_xml(page).root
    if root is None:
        return PageParse(kind="not-a-profile", evidence=["Zotero RDF that does not parse"])
    tops = [c for c in root if isinstance(c.tag, str)]
    described = {c.get(_RDF + "about"): c for c in tops if c.get(_RDF + "about")}
    entries, skipped = [], 0
    for element in tops[:MAX_RECORDS]:
        item_type = text_of(child(element, "itemType"))
        if not item_type:
            continue  # a journal, a collection, a person: described for the items, no work itself
        if item_type in _NOT_WORKS:
            skipped += 1
            continue
        entry = _entry(element, item_type, described)
        if entry is not None:
            entries.append(entry)
    evidence = [f"Zotero RDF: {len(entries)} items" + (f", {skipped} attachments, notes or data left out" if skipped else "")]
    if not entries:
        return PageParse(kind="not-a-profile", evidence=evidence + ["no bibliographic items"])
    result = listing_or_search_results(entries, evidence, "item", min_share=0.75)
    if result.person is None:
        # "My Publications (Amara Singh)": a collection named after its owner
        for collection in (c for c in tops if local(c) == "Collection"):
            named = re.search(r"\(([^()]{3,80})\)\s*$", text_of(child(collection, "title")))
            if named and any(named.group(1).split()[-1] in (a.name for e in entries for a in e.authors) for _ in [0]):
                result.person = named.group(1)
                break
    return result
