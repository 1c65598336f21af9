"""JATS reference lists (`<ref-list>` of `<element-citation>` / `<mixed-citation>`), as publishers,
PubMed Central and repository tools write them: a paper's references, or a CV exported as JATS.

    <ref id="r1"><element-citation publication-type="journal">
      <person-group person-group-type="author">
        <name><surname>Dlamini</surname><given-names>T</given-names></name> …   (or <string-name>)
      </person-group>
      <article-title>Heat exposure in …</article-title>                           (<chapter-title> for a chapter)
      <source>Int J Environ Health Africa</source> <year>2022</year> <pub-id pub-id-type="doi">…</pub-id>
    </element-citation></ref>

Title: the article or chapter title, else the source (a book). Authors: the author person-group
(editors are not authors), each surname kept whole. Venue: the source under an article or
chapter, else the publisher. Citations typed data or software are left out and counted. Owner:
the article's own contributor when the list is theirs (a CV as JATS), else the author on most
references; a paper's reference list of many people reads as search results.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from extract.fields.dates import find_year
from extract.fields.ids import normalise_doi
from extract.fields.names import fuller_name
from extract.fields.safe_xml import local, page_xml
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "jats_xml"

MAX_RECORDS = 20_000
MAX_AUTHORS = 2_000
_NOT_PUBLICATION_TYPES = {"data", "dataset", "software", "computer-program", "presentation", "patent", "webpage"}


def _text(element) -> Optional[str]:
    return " ".join("".join(element.itertext()).split()) or None if element is not None else None


def _first(element, *names: str):
    return next((d for d in element.iter() if local(d) in names), None)


def _person(element) -> Union[Author, str, None]:
    surname, given = _first(element, "surname"), _first(element, "given-names")
    if surname is not None:
        family, first = _text(surname), _text(given)
        return Author(name=f"{first} {family}" if first else family, given=first, family=family) if family else None
    return _text(element)


def _citations(page: Page) -> tuple[list, object]:
    root = page_xml(page).root
    if root is None:
        return [], None
    cites = [e for e in root.iter() if local(e) in ("element-citation", "mixed-citation")][:MAX_RECORDS]
    return cites, root


def _entry(cite) -> Optional[Entry]:
    groups = [g for g in cite.iter() if local(g) == "person-group"]
    authors_group = next((g for g in groups if (g.get("person-group-type") or "author") == "author"), None)
    people = []
    if authors_group is not None:
        people = [p for p in (_person(n) for n in authors_group if local(n) in ("name", "string-name", "collab"))
                  if p][:MAX_AUTHORS]
    elif not groups:  # a mixed citation's names straight inside it
        people = [p for p in (_person(n) for n in cite if local(n) in ("name", "string-name")) if p][:MAX_AUTHORS]
    part = _text(_first(cite, "article-title", "chapter-title"))
    source = _text(_first(cite, "source"))
    title = part or source
    if not title:
        return None
    venue = source if part else _text(_first(cite, "publisher-name"))
    year_text = _text(_first(cite, "year")) or _text(_first(cite, "date-in-citation")) or ""
    doi_el = next((d for d in cite.iter() if local(d) == "pub-id" and (d.get("pub-id-type") or "").lower() == "doi"), None)
    doi = normalise_doi(_text(doi_el) or "") if doi_el is not None else None
    return Entry(title=title.rstrip("."), authors=people, year=find_year(year_text), venue=venue, doi=doi or None)


def detect(page: Page) -> float:
    if page.syntax != "xml" or ("element-citation" not in page.text and "mixed-citation" not in page.text):
        return 0.0
    cites, _ = _citations(page)
    return 0.95 if len(cites) >= 2 else 0.0


def _article_contributor(root) -> Optional[str]:
    """The article's one author (`<contrib contrib-type="author">` in its front matter)."""
    front = next((e for e in root.iter() if local(e) in ("front", "article-meta")), None)
    if front is None:
        return None
    contribs = [c for c in front.iter() if local(c) == "contrib" and (c.get("contrib-type") or "author") == "author"]
    if len(contribs) != 1:
        return None
    person = _person(contribs[0])
    return person.name if isinstance(person, Author) else person


def parse(page: Page) -> PageParse:
    cites, root = _citations(page)
    entries, left_out = [], 0
    for cite in cites:
        kind = (cite.get("publication-type") or cite.get("citation-type") or "").lower()
        if kind in _NOT_PUBLICATION_TYPES:
            left_out += 1
            continue
        entry = _entry(cite)
        if entry is not None:
            entries.append(entry)
    evidence = [f"JATS citations: {len(entries)}" + (f" ({left_out} data sets or software left out)" if left_out else "")]
    result = listing_or_search_results(entries, evidence, what="citation", min_share=0.6)
    owner = _article_contributor(root) if root is not None else None
    if owner and result.kind == "listing" and fuller_name(result.person, owner) == owner:
        result.person = owner
        result.evidence.append(f"owner: the document's own author, '{owner}'")
    return result
