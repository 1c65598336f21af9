"""OpenAlex API JSON: a work, an author, or a list response ({"meta": ..., "results": [...]}).

Works: title/display_name, authorships (author.display_name, raw_author_name), the venue from
primary_location.source (or the older host_venue), publication_date/year, ids (doi, arXiv from
locations), and the abstract rebuilt from `abstract_inverted_index`.
An author object lists no works (only counts): it is that person's profile with 0 records
(kind `listing`, person and affiliations set). A list of works is `listing` when every work
shares one author (e.g. filter=author.id:...), else `search-results`.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from extract.fields.ids import find_arxiv, normalise_doi
from extract.fields.structured import listing_or_search_results
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "openalex"

_ID_RE = re.compile(r"^https?://openalex\.org/([WAISCPFT])\d+$", re.I)


def _kind_of(obj: Any) -> Optional[str]:
    """'W' for a work, 'A' for an author, other OpenAlex letters for other entities."""
    if not isinstance(obj, dict):
        return None
    m = _ID_RE.match(str(obj.get("id") or ""))
    return m.group(1).upper() if m else None


def _data(page: Page):
    inner = payload(page)
    return inner.json() if inner.syntax == "json" else None


def detect(page: Page) -> float:
    if page.syntax not in ("json", "yaml", "text", "markdown"):
        return 0.0
    data = _data(page)
    if _kind_of(data) in ("W", "A"):
        return 0.97
    if isinstance(data, dict) and isinstance(data.get("results"), list) and data["results"]:
        kinds = {_kind_of(r) for r in data["results"][:20]}
        if kinds & {"W", "A"}:
            return 0.97
    return 0.0


def rebuild_abstract(index: Any) -> Optional[str]:
    """OpenAlex stores abstracts as {word: [positions]}; put the words back in order."""
    if not isinstance(index, dict) or not index:
        return None
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(positions, list):
            for position in positions:
                if isinstance(position, int) and 0 <= position < 100_000:
                    slots[position] = word
    return " ".join(slots[i] for i in sorted(slots)) or None


_NOT_PUBLICATION_TYPES = {"dataset", "software", "peer-review", "paratext", "grant", "supplementary-materials", "libguides"}


def _source_name(location: Any) -> Optional[str]:
    if not isinstance(location, dict):
        return None
    source = location.get("source")
    if isinstance(source, dict) and source.get("display_name"):
        return source["display_name"]
    return None


def _work(work: dict) -> Entry:
    authors = []
    for authorship in work.get("authorships") or []:
        if not isinstance(authorship, dict):
            continue
        author = authorship.get("author") or {}
        name = (author.get("display_name") if isinstance(author, dict) else None) or authorship.get("raw_author_name")
        if name:
            authors.append(name)
    ids = work.get("ids") if isinstance(work.get("ids"), dict) else {}
    doi = normalise_doi(work.get("doi") or ids.get("doi"))
    urls, arxiv = [], None
    locations = [work.get("primary_location")] + list(work.get("locations") or []) + [work.get("best_oa_location")]
    for location in locations:
        if not isinstance(location, dict):
            continue
        for key in ("landing_page_url", "pdf_url"):
            url = location.get(key)
            if url and url not in urls:
                urls.append(url)
                arxiv = arxiv or find_arxiv(url)
    host = work.get("host_venue") if isinstance(work.get("host_venue"), dict) else {}
    venue = _source_name(work.get("primary_location")) or host.get("display_name")
    if venue and venue.lower() in ("arxiv (cornell university)", "arxiv.org"):
        venue = "arXiv"
    title = work.get("title") or work.get("display_name")
    if isinstance(title, str) and "<" in title:
        # OpenAlex keeps the publisher's markup: "Thermal tolerance of <i>Posidonia oceanica</i> …"
        title = re.sub(r"</?(?:i|b|em|strong|sub|sup|scp|span)(?:\s[^<>]*)?>", "", title)
    return Entry(
        title=title,
        authors=authors,
        date=work.get("publication_date"),
        year=work.get("publication_year"),
        venue=venue,
        abstract=rebuild_abstract(work.get("abstract_inverted_index")),
        doi=doi,
        arxiv=arxiv,
        urls=urls,
        flags=[] if authors else ["no-authors"],
    )


def _author_affiliations(author: dict) -> list[str]:
    names = []
    last = author.get("last_known_institutions") or author.get("last_known_institution") or []
    if isinstance(last, dict):
        last = [last]
    for inst in last:
        if isinstance(inst, dict) and inst.get("display_name"):
            names.append(inst["display_name"])
    # then every listed affiliation, most recent first
    dated = []
    for aff in author.get("affiliations") or []:
        if isinstance(aff, dict) and isinstance(aff.get("institution"), dict):
            years = [y for y in aff.get("years") or [] if isinstance(y, int)]
            dated.append((-(max(years) if years else 0), aff["institution"].get("display_name") or ""))
    for _, name in sorted(dated):
        if name and name not in names:
            names.append(name)
    return names


def parse(page: Page) -> PageParse:
    data = _data(page)
    kind = _kind_of(data)
    if kind == "A":
        person = data.get("display_name")
        count = data.get("works_count")
        evidence = [f"OpenAlex author object of '{person}' (lists no works; works_count={count})"]
        return PageParse(kind="listing", person=person, affiliations=_author_affiliations(data), evidence=evidence)
    if kind == "W":
        return PageParse(kind="paper", entries=[_work(data)], evidence=["OpenAlex work"])
    results = data.get("results") if isinstance(data, dict) else None
    works = [r for r in results or [] if _kind_of(r) == "W"]
    # data sets, software and peer reviews are works to OpenAlex, not publications to us
    kept = [w for w in works if str(w.get("type") or "").lower() not in _NOT_PUBLICATION_TYPES]
    entries = [_work(w) for w in kept]
    evidence = [f"OpenAlex list: {len(entries)} works"]
    if len(kept) < len(works):
        evidence.append(f"{len(works) - len(kept)} data sets, software or reviews left out")
    return listing_or_search_results(entries, evidence, "work")
