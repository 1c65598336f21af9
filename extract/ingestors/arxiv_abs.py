"""arXiv abstract pages (/abs/<id>): one paper.

The citation_* meta tags (Highwire/Google Scholar tags) are read first: they are structured
and stable across template versions. Page elements (h1.title, div.authors, blockquote.abstract,
the dateline, the metadata table) fill what the tags lack.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.htmltree import block_text, has_class, inline_text, page_tree
from extract.fields.ids import find_arxiv, normalise_arxiv
from extract.fields.structured import arxiv_abstract, arxiv_venue_and_note
from extract.ingestors.arxiv_listing import date_from_id
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "arxiv_abs"

_SUBMITTED_RE = re.compile(r"Submitted on\s+(\d{1,2}\s+\w+\s+\d{4})", re.I)
_ABS_URL_RE = re.compile(r"arxiv\.org/abs/", re.I)


def _meta(tree) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = meta.get("content")
        if key and content is not None:
            found.setdefault(key, []).append(content)
    return found


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    head = page.text[:200_000]
    if 'name="citation_arxiv_id"' in head or "name='citation_arxiv_id'" in head:
        return 0.96
    # no meta tags (an old or stripped save): the abstract page's own layout
    if ('<blockquote class="abstract' in head and 'class="dateline"' in head and "arxiv" in head.lower()
            and _ABS_URL_RE.search(head)):
        return 0.9
    return 0.0


def _first(meta: dict[str, list[str]], *keys: str) -> Optional[str]:
    for key in keys:
        for value in meta.get(key, []):
            if value and value.strip():
                return value
    return None


def _element(tree, tag: str, cls: str):
    for node in tree.iter(tag):
        if has_class(node, cls):
            return node
    return None


def _table_value(tree, cls: str) -> Optional[str]:
    node = _element(tree, "td", cls)
    return inline_text(node) or None if node is not None else None


def parse(page: Page) -> PageParse:
    tree = page_tree(page)
    if tree is None:
        return PageParse(kind="paper", evidence=["empty arXiv page"])
    meta = _meta(tree)
    evidence = []
    title = _first(meta, "citation_title")
    authors = [a for a in meta.get("citation_author", []) if a.strip()]
    date = _first(meta, "citation_date", "citation_online_date")
    arxiv = normalise_arxiv(_first(meta, "citation_arxiv_id"))
    doi = _first(meta, "citation_doi")
    abstract = _first(meta, "citation_abstract")
    if title or authors:
        evidence.append("citation_* meta tags")

    if not title:
        title = re.sub(r"^\s*Title:\s*", "", inline_text(_element(tree, "h1", "title")))
    if not authors:
        div = _element(tree, "div", "authors")
        if div is not None:
            authors = [inline_text(a) for a in div.iter("a") if inline_text(a)]
    if not abstract:
        block = _element(tree, "blockquote", "abstract")
        if block is not None:
            abstract = re.sub(r"^\s*Abstract:\s*", "", block_text(block))
    if not date:
        dateline = _element(tree, "div", "dateline")
        m = _SUBMITTED_RE.search(inline_text(dateline)) if dateline is not None else None
        date = m.group(1) if m else None

    urls = []
    canonical = _first(meta, "og:url") or next(
        (link.get("href") for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"), None)
    if canonical:
        urls.append(canonical)
    pdf = _first(meta, "citation_pdf_url")
    if pdf:
        urls.append(pdf)
    if not arxiv:
        arxiv = normalise_arxiv(find_arxiv(" ".join(urls))) or normalise_arxiv(
            find_arxiv(inline_text(_element(tree, "td", "arxivid"))))
    if not doi:
        doi = _table_value(tree, "doi") or _table_value(tree, "msc_classes doi")
    venue, note = arxiv_venue_and_note(_table_value(tree, "comments"), _table_value(tree, "jref"))
    entry = Entry(title=title, authors=authors, date=date or date_from_id(arxiv), venue=venue,
                  abstract=arxiv_abstract(abstract), arxiv=arxiv, doi=doi, urls=urls, note=note)
    if not entry.title and not entry.arxiv:
        return PageParse(kind="paper", evidence=evidence + ["no paper found on the arXiv page"])
    return PageParse(kind="paper", entries=[entry], evidence=evidence)
