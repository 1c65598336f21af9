"""arXiv listing HTML: /list/<archive>/{new,recent,pastweek,YYMM} pages, author pages (/a/<id>)
and search results (/search/?query=...).

Listing pages are <dl> blocks of <dt> (index, arXiv id, pdf/html links, "(cross-list from x)",
"(replaced)") and <dd> (divs list-title / list-authors / list-comments / list-journal-ref /
list-subjects with "Title:"-style descriptor spans, an abstract paragraph on /new pages),
under day or section headings (<h3>). Many people's papers: kind `search-results`, except an
author page, which is one person's (`listing`). The page is parsed once with lxml.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.htmltree import block_text, has_class, inline_text, page_tree
from extract.fields.ids import find_arxiv, normalise_arxiv
from extract.fields.names import clean_name
from extract.fields.structured import arxiv_abstract, arxiv_venue_and_note, common_author
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "arxiv_listing"

_BASE = "https://arxiv.org"
_AUTHOR_PAGE_RE = re.compile(r"^\s*(.+?)['’]s articles on arXiv", re.I)
_AUTHOR_ID_RE = re.compile(r"arXiv author id for\s+(.+?)\s+is\b", re.I | re.S)
_SUBMITTED_RE = re.compile(r"Submitted\s+(\d{1,2}\s+\w+,?\s+\d{4})")
_YYMM_RE = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$|^[a-z\-]+(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}$")


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    text = page.text
    if "list-title" in text and "list-authors" in text and "<dd" in text and "arxiv" in text.lower():
        return 0.95
    if "arxiv-result" in text and "arxiv.org/abs/" in text:
        return 0.95
    return 0.0


def _absolute(href: str) -> str:
    href = href.strip()
    if href.startswith("//"):
        return "https:" + href
    if href.startswith("/"):
        return _BASE + href
    return href


def date_from_id(arxiv: Optional[str]) -> Optional[str]:
    """'2411.14419' -> '2024-11', 'astro-ph/0601001' -> '2006-01': the month of first submission."""
    if not arxiv:
        return None
    m = _YYMM_RE.match(arxiv)
    if not m:
        return None
    yy, mm = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    year = int(yy) + (1900 if int(yy) >= 91 else 2000)
    return f"{year:04d}-{mm}" if 1 <= int(mm) <= 12 else None


def _descriptor_div(dd, name: str):
    for div in dd.iter("div", "p", "span"):
        if has_class(div, name):
            return div
    return None


def _authors(div) -> tuple[list[str], Optional[str]]:
    """Author names from the author links; the text itself when there are no links."""
    if div is None:
        return [], None
    names = [inline_text(a) for a in div.iter("a")]
    names = [n for n in names if n]
    if names:
        return names, None
    text = inline_text(div)
    text = re.sub(r"^\s*Authors?:\s*", "", text)
    return [], text or None


def _list_entry(dt, dd) -> Optional[Entry]:
    arxiv, urls = None, []
    if dt is not None:
        for a in dt.iter("a"):
            href = a.get("href") or ""
            if not href or href.startswith("#"):
                continue
            url = _absolute(href)
            if "/abs/" in url or "/pdf/" in url:
                urls.append(url)
                arxiv = arxiv or normalise_arxiv(find_arxiv(url))
        arxiv = arxiv or normalise_arxiv(find_arxiv(inline_text(dt)))
    title = inline_text(_descriptor_div(dd, "list-title"))
    title = re.sub(r"^\s*Title:\s*", "", title)
    authors, authors_text = _authors(_descriptor_div(dd, "list-authors"))
    comment = inline_text(_descriptor_div(dd, "list-comments")) or None
    journal_ref = inline_text(_descriptor_div(dd, "list-journal-ref")) or None
    venue, note = arxiv_venue_and_note(comment, journal_ref)
    abstract = None
    for p in dd.iter("p"):
        if has_class(p, "mathjax"):
            abstract = arxiv_abstract(block_text(p))
            break
    doi = None
    doi_div = _descriptor_div(dd, "list-doi")
    if doi_div is not None:
        doi = inline_text(doi_div) or None
    if not title and not arxiv:
        return None
    return Entry(title=title, authors=authors, authors_text=authors_text, date=date_from_id(arxiv), venue=venue,
                 abstract=abstract, arxiv=arxiv, doi=doi, urls=urls, note=note)


def _list_entries(tree) -> list[Entry]:
    entries = []
    for dl in tree.iter("dl"):
        dt = None
        for node in dl:
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag == "dt":
                dt = node
            elif tag == "dd":
                if _descriptor_div(node, "list-title") is not None:
                    entry = _list_entry(dt, node)
                    if entry:
                        entries.append(entry)
                dt = None
    return entries


def _class_child(node, tag: str, name: str):
    for element in node.iter(tag):
        if has_class(element, name):
            return element
    return None


def _search_entries(tree) -> list[Entry]:
    """arxiv.org/search results: <li class="arxiv-result"> with p.title, p.authors, abstract."""
    entries = []
    for li in tree.iter("li"):
        if not has_class(li, "arxiv-result"):
            continue
        urls, arxiv = [], None
        head = _class_child(li, "p", "list-title")
        head = li if head is None else head
        for a in head.iter("a"):
            url = _absolute(a.get("href") or "")
            if "/abs/" in url or "/pdf/" in url:
                urls.append(url)
                arxiv = arxiv or normalise_arxiv(find_arxiv(url))
        title = inline_text(_class_child(li, "p", "title"))
        authors_p = _class_child(li, "p", "authors")
        authors = [inline_text(a) for a in authors_p.iter("a")] if authors_p is not None else []
        full = _class_child(li, "span", "abstract-full")
        abstract = inline_text(full, skip_classes=("descriptor", "is-size-7")) if full is not None else None
        if abstract:
            abstract = re.sub(r"\s*△\s*Less\s*$", "", abstract)
        comment = journal_ref = None
        for p in li.iter("p"):
            if not has_class(p, "comments"):
                continue
            text = inline_text(p, skip_classes=())
            label, _, value = text.partition(":")
            if label.strip().lower().startswith("journal"):
                journal_ref = value.strip() or None
            elif label.strip().lower().startswith("comment"):
                comment = value.strip() or None
        date = None
        for p in li.iter("p"):
            m = _SUBMITTED_RE.search(inline_text(p, skip_classes=()))
            if m:
                date = m.group(1)
                break
        venue, note = arxiv_venue_and_note(comment, journal_ref)
        if title or arxiv:
            entries.append(Entry(title=title, authors=[a for a in authors if a], date=date or date_from_id(arxiv),
                                 venue=venue, abstract=abstract, arxiv=arxiv, urls=urls, note=note))
    return entries


def _author_page_owner(tree) -> Optional[str]:
    for tag in ("title", "h1"):
        for node in tree.iter(tag):
            m = _AUTHOR_PAGE_RE.match(inline_text(node, skip_classes=()))
            if m:
                return clean_name(m.group(1))
    for p in tree.iter("p"):
        text = inline_text(p, skip_classes=())
        if "author id for" in text:
            m = _AUTHOR_ID_RE.search(text)
            if m:
                return clean_name(m.group(1))
    return None


def parse(page: Page) -> PageParse:
    tree = page_tree(page)
    if tree is None:
        return PageParse(kind="search-results", evidence=["empty arXiv page"])
    entries = _list_entries(tree)
    evidence = [f"arXiv listing: {len(entries)} dt/dd entries"]
    if not entries:
        entries = _search_entries(tree)
        evidence = [f"arXiv search results: {len(entries)} entries"]
    owner = _author_page_owner(tree)
    if owner:
        evidence.append(f"arXiv author page of '{owner}'")
        return PageParse(kind="listing", person=owner, entries=entries, evidence=evidence)
    # a listing of one person's papers saved from elsewhere (e.g. a 'myarticles' export)
    shared = common_author([e.authors for e in entries], min_share=1.0, min_entries=3)
    if shared:
        evidence.append(f"every entry has author '{shared}'")
        return PageParse(kind="listing", person=shared, entries=entries, evidence=evidence)
    return PageParse(kind="search-results", entries=entries, evidence=evidence)
