"""DBLP search API responses (dblp.org/search/publ/api?q=...&format=xml|json): <result><hits><hit>
<info> records with authors, title, venue, year, doi, ee. Many people's papers: `search-results`
(or `listing` when every hit shares one author, e.g. a query by author name)."""
from __future__ import annotations

from typing import Any, Optional

from extract.fields.ids import find_arxiv, normalise_doi
from extract.fields.safe_xml import child, child_text, children, local, page_xml, text_of
from extract.fields.structured import listing_or_search_results, strip_homonym
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "dblp_search"


def _json_hits(data: Any) -> Optional[list]:
    if not isinstance(data, dict) or not isinstance(data.get("result"), dict):
        return None
    hits = (data["result"].get("hits") or {})
    if not isinstance(hits, dict):
        return None
    hit = hits.get("hit", [])
    hit = [hit] if isinstance(hit, dict) else hit
    if not isinstance(hit, list) or not any(isinstance(h, dict) and isinstance(h.get("info"), dict) for h in hit):
        return None
    return [h["info"] for h in hit if isinstance(h, dict) and isinstance(h.get("info"), dict)]


def _xml_hits(page: Page) -> Optional[list]:
    if page.syntax != "xml" or "<hit" not in page.text[:20000]:
        return None
    root = page_xml(page).root
    if root is None or local(root) != "result":
        return None
    hits = child(root, "hits")
    if hits is None:
        return None
    return [child(h, "info") for h in children(hits, "hit") if child(h, "info") is not None]


def _source(page: Page):
    inner = payload(page)
    if inner.syntax == "json":
        return _json_hits(inner.json()), "json"
    return _xml_hits(inner), "xml"


def detect(page: Page) -> float:
    if page.syntax not in ("xml", "json", "yaml", "text", "markdown"):
        return 0.0
    hits, _ = _source(page)
    return 0.95 if hits is not None else 0.0


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text") or value.get("#text") or ""
    return str(value).strip() if value is not None else ""


def _json_entry(info: dict) -> Entry:
    authors = (info.get("authors") or {}).get("author", []) if isinstance(info.get("authors"), dict) else []
    authors = [authors] if isinstance(authors, (dict, str)) else authors
    ee = info.get("ee")
    urls = [u for u in ([ee] if isinstance(ee, str) else ee or []) if isinstance(u, str)]
    return _make(info.get("title"), [strip_homonym(_text(a)) for a in authors], info.get("venue"), info.get("year"),
                 info.get("doi"), urls)


def _xml_entry(info) -> Entry:
    authors_node = child(info, "authors")
    authors = [strip_homonym(text_of(a)) for a in children(authors_node, "author")] if authors_node is not None else []
    urls = [text_of(e) for e in children(info, "ee") if text_of(e)]
    return _make(text_of(child(info, "title")), authors, child_text(info, "venue"), child_text(info, "year"),
                 child_text(info, "doi"), urls)


def _make(title, authors, venue, year, doi, urls) -> Entry:
    venue = venue[0] if isinstance(venue, list) and venue else venue  # the first listed venue
    blob = " ".join(urls)
    return Entry(title=_text(title), authors=[a for a in authors if a], venue=_text(venue) or None,
                 year=_text(year) or None, doi=normalise_doi(_text(doi)) if doi else None, arxiv=find_arxiv(blob),
                 urls=urls, flags=[] if authors else ["no-authors"])


def parse(page: Page) -> PageParse:
    hits, syntax = _source(page)
    hits = hits or []
    entries = [(_json_entry(h) if syntax == "json" else _xml_entry(h)) for h in hits]
    evidence = [f"DBLP search API ({syntax}): {len(entries)} hits"]
    return listing_or_search_results(entries, evidence, "hit")
