"""arXiv API responses (Atom XML), saved as they are or wrapped in a JSON/YAML recording.

Elements are read by local name, so the old feed (per-element xmlns on arxiv:/opensearch:) and
the newer one (namespaces on the root, different element order) read the same way.
Kind: `paper` for an id lookup returning one entry, `listing` when the query is one author
(`au:` with one name) or every entry shares an author, else `search-results`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional
from urllib.parse import unquote_plus

from extract.fields.ids import find_arxiv, normalise_arxiv
from extract.fields.names import clean_name
from extract.fields.safe_xml import child, child_text, children, local, page_xml, text_of
from extract.fields.structured import arxiv_abstract, arxiv_venue_and_note, common_author
from extract.fields.text import fold
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "arxiv_atom"

_ATOM_NS = "http://www.w3.org/2005/Atom"
_QUERY_RE = re.compile(r"search_query=([^&]*)")
_IDLIST_RE = re.compile(r"id_list=([^&]*)")
_AUTHOR_FEED_RE = re.compile(r"^\s*(.+?)['’]s articles on arXiv", re.I)


def _feed(page: Page):
    inner = payload(page)
    if inner.syntax != "xml" or "<feed" not in inner.text[:5000] or "arxiv" not in inner.text.lower():
        return None, inner
    root = page_xml(inner).root
    if root is None or local(root) != "feed":
        return None, inner
    return root, inner


def detect(page: Page) -> float:
    if page.syntax not in ("xml", "json", "yaml", "text", "markdown"):
        return 0.0
    root, _ = _feed(page)
    if root is None:
        return 0.0
    entries = list(children(root, "entry"))
    ids = [child_text(e, "id") for e in entries]
    if entries and sum("arxiv.org/abs/" in i for i in ids) >= max(1, len(ids) // 2):
        return 0.97
    title = child_text(root, "title").lower()
    return 0.9 if "arxiv query" in title else 0.0  # an empty result feed


def _entry(node) -> tuple[Entry, list[tuple[str, list[str]]]]:
    raw_id = child_text(node, "id")
    arxiv = normalise_arxiv(find_arxiv(raw_id) or raw_id)
    authors, affiliations = [], []
    for author in children(node, "author"):
        name = child_text(author, "name")
        if name:
            authors.append(name)
            affiliations.append((name, [text_of(a) for a in children(author, "affiliation") if text_of(a)]))
    authors_text = None
    if len(authors) == 1 and ("," in authors[0] or " and " in authors[0]):
        # author feeds (/a/<id>.atom2) put every author into one <name>
        authors_text, authors = authors[0], []
    urls, doi = [], None
    for link in children(node, "link"):
        href = (link.get("href") or "").strip()
        if not href:
            continue
        urls.append(href)
        if (link.get("title") or "").lower() == "doi":
            doi = href
    doi = child_text(node, "doi") or doi
    summary = child(node, "summary")
    comment = child_text(node, "comment") or None
    journal_ref = child_text(node, "journal_ref") or None
    venue, note = arxiv_venue_and_note(comment, journal_ref)
    entry = Entry(
        title=child_text(node, "title"),
        authors=authors,
        authors_text=authors_text,
        date=child_text(node, "published") or child_text(node, "updated") or None,
        venue=venue,
        abstract=arxiv_abstract("".join(summary.itertext())) if summary is not None else None,
        arxiv=arxiv,
        doi=doi or None,
        urls=urls,
        note=note,
    )
    return entry, affiliations


def _query(root) -> tuple[str, str]:
    """(search_query, id_list) of the request, from the feed's self link or its title."""
    texts = [child_text(root, "title")] + [link.get("href") or "" for link in children(root, "link")]
    query = id_list = ""
    for text in texts:
        text = text.replace("&amp;", "&")
        if "%3D" in text or "%26" in text:
            text = unquote_plus(text)
        q, ids = _QUERY_RE.search(text), _IDLIST_RE.search(text)
        query = query or (unquote_plus(q.group(1)).strip() if q else "")
        id_list = id_list or (unquote_plus(ids.group(1)).strip() if ids else "")
    return query, id_list


def _single_author_query(query: str) -> Optional[list[str]]:
    """Name tokens of a query that asks for one author only ('au:del_maestro', 'au:"Doe, J"')."""
    terms = re.findall(r"\b(\w+):", query)
    if not terms or set(t.lower() for t in terms) != {"au"} or len(terms) != 1:
        return None
    value = query.split(":", 1)[1]
    if re.search(r"\b(?:AND|OR|ANDNOT)\b", value):
        return None
    tokens = [t for t in re.split(r"[\s_,\"'+]+", fold(value)) if t]
    return tokens or None


def _matches(name: str, tokens: list[str]) -> bool:
    words = fold(name).split()
    for token in tokens:
        if len(token) == 1:
            if not any(w.startswith(token) for w in words):
                return False
        elif token not in words:
            return False
    return True


def parse(page: Page) -> PageParse:
    root, inner = _feed(page)
    evidence = []
    if inner is not page:
        evidence.append("arXiv Atom feed wrapped in a JSON/YAML recording")
    if root is None:
        return PageParse(kind="search-results", evidence=evidence + ["no Atom feed could be read"])
    entries, affiliations = [], []
    for node in children(root, "entry"):
        entry, affs = _entry(node)
        if entry.title or entry.arxiv:
            entries.append(entry)
            affiliations.append(affs)
    query, id_list = _query(root)
    person, kind, person_affiliations = None, "search-results", []
    tokens = _single_author_query(query)
    owner = _AUTHOR_FEED_RE.match(child_text(root, "title"))
    if owner:
        person, kind = clean_name(owner.group(1)), "listing"
        evidence.append(f"arXiv author feed of '{person}'")
    elif id_list and not query and len(entries) == 1:
        kind = "paper"
        evidence.append(f"id lookup ({id_list})")
    elif len(entries) == 1 and not query:
        kind = "paper"
        evidence.append("a feed with a single entry")
    else:
        if tokens:
            shown = Counter(clean_name(a) for e in entries for a in e.authors if _matches(a, tokens))
            if shown:
                person = sorted(shown.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
                evidence.append(f"author query '{query}' -> '{person}'")
        if person is None:
            person = common_author([e.authors for e in entries])
            if person:
                evidence.append(f"every entry has author '{person}'")
        if person:
            kind = "listing"
        else:
            evidence.append(f"query '{query or id_list}' over several people's papers")
    if person:
        seen = []
        for affs in affiliations:
            for name, values in affs:
                if clean_name(name) == person or (tokens and _matches(name, tokens)):
                    seen.extend(v for v in values if v not in seen)
        person_affiliations = seen
    total = child_text(root, "totalResults")
    if total and total.isdigit() and int(total) > len(entries):
        evidence.append(f"feed holds {len(entries)} of {total} results")
    return PageParse(kind=kind, person=person, affiliations=person_affiliations, entries=entries, evidence=evidence)
