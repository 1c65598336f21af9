"""Semantic Scholar API JSON (Graph API and the older v1 API), saved as is or wrapped in an
HTTP recording (e.g. a VCR cassette YAML holding the body as a string; see fields.wrapped).

Shapes: a paper ({"paperId", "title", "authors", ...}); an author ({"authorId", "name",
"papers": [...]}) -> that person's `listing`; a list response ({"data": [...]}, {"recommendedPapers":
[...]}, a bare list) of papers or of authors, or of {"citingPaper"|"citedPaper": paper}.
Papers of many people are `search-results` (`listing` when one author is on all of them).
An author search that returns people but no papers yields nothing to extract: `not-a-profile`,
with the reason (how many author hits) in the evidence, which the manifest reports.
"""
from __future__ import annotations

from typing import Any, Optional

from extract.fields.ids import normalise_arxiv, normalise_doi
from extract.fields.structured import listing_or_search_results
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "semantic_scholar"

_LIST_KEYS = ("data", "recommendedPapers", "papers")
_WRAPPED_PAPER_KEYS = ("citingPaper", "citedPaper", "paper")


def _is_paper(obj: Any) -> bool:
    return isinstance(obj, dict) and "paperId" in obj


def _is_author(obj: Any) -> bool:
    return isinstance(obj, dict) and "authorId" in obj and "paperId" not in obj


def _unwrap_item(obj: Any) -> Any:
    if isinstance(obj, dict) and not _is_paper(obj):
        for key in _WRAPPED_PAPER_KEYS:
            if _is_paper(obj.get(key)):
                return obj[key]
    return obj


def _items(data: Any) -> Optional[list]:
    """The list of a list response (or a bare list), items unwrapped; None when not a list response."""
    if isinstance(data, list):
        items = []
        for x in data:
            nested = _items(x) if isinstance(x, dict) and not _is_paper(x) and not _is_author(x) else None
            # a list of list responses (several recorded pages): their items, concatenated
            items.extend(nested if nested is not None else [_unwrap_item(x)])
        return items
    if isinstance(data, dict) and not _is_paper(data) and not _is_author(data):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return [_unwrap_item(x) for x in data[key]]
    return None


def _data(page: Page):
    inner = payload(page)
    return (inner.json() if inner.syntax == "json" else None), inner


def detect(page: Page) -> float:
    if page.syntax not in ("json", "yaml", "text", "markdown"):
        return 0.0
    data, _ = _data(page)
    if _is_paper(data) or (_is_author(data) and "name" in data):
        return 0.95
    items = _items(data)
    if items:
        sample = [x for x in items[:50] if isinstance(x, dict)]
        if sample and all(_is_paper(x) or _is_author(x) for x in sample):
            return 0.95
    return 0.0


def _paper(paper: dict) -> Entry:
    authors = [a.get("name") for a in paper.get("authors") or [] if isinstance(a, dict) and a.get("name")]
    external = paper.get("externalIds") if isinstance(paper.get("externalIds"), dict) else {}
    doi = normalise_doi(external.get("DOI") or paper.get("doi"))
    arxiv = normalise_arxiv(str(external.get("ArXiv") or paper.get("arxivId") or "")) or None
    venue = None
    for key in ("publicationVenue", "journal"):
        value = paper.get(key)
        if isinstance(value, dict) and value.get("name"):
            venue = value["name"]
            break
    venue = venue or paper.get("venue") or None
    urls = []
    for url in (paper.get("url"), (paper.get("openAccessPdf") or {}).get("url") if isinstance(paper.get("openAccessPdf"), dict) else None):
        if url and url not in urls:
            urls.append(url)
    abstract = paper.get("abstract")
    if not abstract and isinstance(paper.get("tldr"), dict):
        abstract = None  # a TLDR is a generated summary, not the paper's abstract
    return Entry(
        title=paper.get("title"),
        authors=authors,
        date=paper.get("publicationDate"),
        year=paper.get("year"),
        venue=venue,
        abstract=abstract,
        doi=doi,
        arxiv=arxiv,
        urls=urls,
        flags=[] if authors else ["no-authors"],
    )


def _author_affiliations(author: dict) -> list[str]:
    return [a for a in author.get("affiliations") or [] if isinstance(a, str) and a.strip()]


def parse(page: Page) -> PageParse:
    data, inner = _data(page)
    evidence = ["Semantic Scholar JSON wrapped in an HTTP recording"] if inner is not page else []
    if _is_paper(data):
        return PageParse(kind="paper", entries=[_paper(data)], evidence=evidence + ["Semantic Scholar paper"])
    if _is_author(data):
        papers = [p for p in data.get("papers") or [] if _is_paper(p)]
        person = data.get("name")
        evidence.append(f"Semantic Scholar author '{person}' with {len(papers)} papers")
        return PageParse(kind="listing", person=person, affiliations=_author_affiliations(data),
                         entries=[_paper(p) for p in papers], evidence=evidence)
    items = _items(data) or []
    papers = [x for x in items if _is_paper(x)]
    authors = [x for x in items if _is_author(x)]
    # author search hits may carry their papers
    for author in authors:
        papers.extend(p for p in author.get("papers") or [] if _is_paper(p))
    if not papers:
        total = data.get("total") if isinstance(data, dict) else None
        hits = f"{len(authors)} author hits" + (f" of {total}" if total is not None else "")
        evidence.append(f"Semantic Scholar author search: {hits}, no publications")
        return PageParse(kind="not-a-profile", evidence=evidence)
    entries = [_paper(p) for p in papers]
    if not authors and isinstance(data, dict) and _is_author(data.get("author")):
        # an export that puts the profile's person beside its papers: {"author": {…}, "papers": […]}
        authors = [data["author"]]
    if authors and len(authors) == 1:
        person = authors[0].get("name")
        evidence.append(f"Semantic Scholar author '{person}' with {len(entries)} papers")
        return PageParse(kind="listing", person=person, affiliations=_author_affiliations(authors[0]),
                         entries=entries, evidence=evidence)
    result = listing_or_search_results(entries, evidence, "paper")
    if result.kind == "search-results":
        result.evidence.append(f"Semantic Scholar results: {len(entries)} papers of several people")
    return result
