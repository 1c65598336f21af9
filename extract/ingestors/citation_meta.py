"""A paper's own landing page described by citation meta tags: the Highwire Press tags Google
Scholar asks publishers and repositories for (`citation_title`, `citation_author`,
`citation_publication_date`, `citation_journal_title` …), or Dublin Core (`DC.title`,
`DC.creator`, `DC.date`). Project pages, repositories (DSpace, EPrints, OJS), journal and
proceedings pages carry them.

One record from the tags, kind `paper`: the page is about one work, not a person, so it has no
owner, and the other references on it ("related work from our group") are not its records.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.ids import normalise_arxiv, normalise_doi
from extract.fields.names import invert_name
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "citation_meta"

_VENUE_TAGS = ("citation_journal_title", "citation_conference_title", "citation_inbook_title", "citation_book_title",
               "citation_series_title", "citation_dissertation_institution", "citation_technical_report_institution",
               "prism.publicationname", "dc.source")
_DATE_TAGS = ("citation_publication_date", "citation_date", "citation_cover_date", "citation_online_date",
              "dc.date", "dc.date.issued", "dcterms.issued")
_TITLE_TAGS = ("citation_title", "dc.title", "dcterms.title")
_AUTHOR_TAGS = ("citation_author", "dc.creator", "dcterms.creator")
_MAX_AUTHORS = 2000


def _meta(page: Page) -> dict[str, list[str]]:
    """Lower-cased meta name -> its contents, in page order (only the citation vocabularies)."""
    out: dict[str, list[str]] = {}
    for tag in page.soup().find_all("meta", limit=5000):
        name = tag.get("name") or tag.get("property")
        content = tag.get("content")
        if not isinstance(name, str) or not isinstance(content, str):
            continue
        key = name.strip().lower()
        if key.startswith(("citation_", "dc.", "dcterms.", "prism.")):
            value = clean_text(content).strip()
            if value:
                out.setdefault(key, []).append(value)
    return out


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> Optional[str]:
    return next((meta[k][0] for k in keys if meta.get(k)), None)


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    head = page.text[:200_000].lower()
    if "citation_title" not in head and "dc.title" not in head:  # cheap gate before parsing
        return 0.0
    meta = _meta(page)
    if meta.get("citation_arxiv_id") and "arxiv.org/abs/" in head:
        return 0.0  # arXiv's own abstract page: arxiv_abs reads it (versions, comments, subjects)
    if _first(meta, _TITLE_TAGS) and any(meta.get(k) for k in _AUTHOR_TAGS):
        from extract.ingestors.schema_org import profile_graph

        return 0.0 if profile_graph(page) else 0.9
    return 0.0


def parse(page: Page) -> PageParse:
    meta = _meta(page)
    authors_raw = next((meta[k] for k in _AUTHOR_TAGS if meta.get(k)), [])[:_MAX_AUTHORS]
    # "Haddad-Bennett, Yara" (Highwire's recommended form) -> "Yara Haddad-Bennett"
    authors = [invert_name(a) if a.count(",") == 1 else a for a in authors_raw]
    date = _first(meta, _DATE_TAGS)
    year_match = re.search(r"(?:19|20)\d{2}", date or "")
    doi = _first(meta, ("citation_doi", "dc.identifier", "prism.doi"))
    arxiv = _first(meta, ("citation_arxiv_id",))
    urls = [u for k in ("citation_pdf_url", "citation_abstract_html_url", "citation_fulltext_html_url", "citation_public_url")
            for u in meta.get(k, [])[:1] if u.startswith("http")]
    entry = Entry(
        title=_first(meta, _TITLE_TAGS),
        authors=authors,
        date=date,
        year=int(year_match.group(0)) if year_match else None,
        venue=_first(meta, _VENUE_TAGS) or (_first(meta, ("citation_publisher", "dc.publisher"))
                                            if meta.get("citation_isbn") else None),
        abstract=_first(meta, ("citation_abstract", "dcterms.abstract", "dc.description")),
        doi=normalise_doi(doi) if doi and normalise_doi(doi) else None,
        arxiv=normalise_arxiv(arxiv) if arxiv else None,
        urls=urls,
    )
    return PageParse(kind="paper", entries=[entry] if entry.title else [],
                     evidence=[f"citation meta tags: one work ({len(authors)} authors)"])
