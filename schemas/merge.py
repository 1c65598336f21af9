"""Merge the records of one work into a canonical Work, keeping per-field provenance.

The merge works on plain record dicts (the records.jsonl shape), so `pubsift dedupe` can stream a
million records without building models; `merge_work`/`merge_works` wrap it for Record models.
Every merged field names the record it came from in `provenance`.
"""
from __future__ import annotations

import html
import unicodedata
from collections import Counter, defaultdict

from schemas.models import Record, Work
from schemas.normalize import fold

KEPT_FLAGS = ("untitled", "authors-truncated", "owner-implicit")


def _damaged(text) -> bool:
    """Text with a decoding-error character or an unresolved HTML entity ('Bj\ufffdrn', '&#246;')."""
    return isinstance(text, str) and ("\ufffd" in text or ("&" in text and ";" in text))


def _clean(text):
    """Merged values resolve HTML entities left by scrapers ('Lud&#228;scher' -> 'Ludäscher')."""
    if isinstance(text, str) and "&" in text and ";" in text:
        return unicodedata.normalize("NFC", html.unescape(text))
    return text


def _casing_score(title: str) -> tuple:
    words = [w for w in title.split() if w[:1].isalpha()]
    if not words:
        return (0, 0)
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    shouting = title.isupper()
    # Title Case beats sentence case beats all-caps / all-lower
    return (0 if shouting or title.islower() else 1, round(capitalised, 3))


def best_title(rows: list[dict]) -> tuple[str | None, str | None]:
    """The most common spelling (folded), then the best-cased variant of it."""
    titled = [r for r in rows if r.get("title")]
    if not titled:
        return None, None
    folds = Counter(fold(r["title"]) for r in titled)
    top = max(folds.items(), key=lambda kv: (
        kv[1], max(r.get("year") or 0 for r in titled if fold(r["title"]) == kv[0]), kv[0]))[0]
    variants = [r for r in titled if fold(r["title"]) == top]
    chosen = max(variants, key=lambda r: (not _damaged(r["title"]), _casing_score(r["title"]), r["record_id"]))
    return _clean(chosen["title"]), chosen["record_id"]


def merge_rows(work_id: str, rows: list[dict]) -> dict:
    """A Work (as a plain dict with every Work field) from the record dicts of one work."""
    if len(rows) > 1:
        rows = sorted(rows, key=lambda r: (r.get("page") or "", r.get("position") or 0, r["record_id"]))
    provenance: dict[str, str | None] = {}
    title, src = best_title(rows)
    provenance["title"] = src

    authors: list[dict] = []
    with_authors = [r for r in rows if r.get("authors")]
    if with_authors:
        best = max(with_authors, key=lambda r: (
            "authors-truncated" not in (r.get("flags") or []), len(r["authors"]),
            -sum(_damaged(a.get("name")) for a in r["authors"]), r["record_id"]))
        authors = [{"name": _clean(a["name"]), "given": _clean(a.get("given")), "family": _clean(a.get("family")),
                    "person_id": a.get("person_id")} for a in best["authors"]]
        provenance["authors"] = best["record_id"]

    year = date = venue = abstract = None
    years = [r for r in rows if r.get("year")]
    if years:  # the earliest year: the first public version
        first = min(years, key=lambda r: (r["year"], r["record_id"]))
        year = first["year"]
        provenance["year"] = first["record_id"]
    dated = [r for r in rows if r.get("date")]
    if dated:
        first = min(dated, key=lambda r: (r["date"], r["record_id"]))
        date = first["date"]
        provenance["date"] = first["record_id"]
    venues = [r for r in rows if r.get("venue")]
    if venues:  # a named venue beats a preprint server
        chosen = max(venues, key=lambda r: ("arxiv" not in r["venue"].lower(), len(r["venue"]), r["record_id"]))
        venue = _clean(chosen["venue"])
        provenance["venue"] = chosen["record_id"]
    abstracts = [r for r in rows if r.get("abstract")]
    if abstracts:
        chosen = max(abstracts, key=lambda r: (len(r["abstract"]), r["record_id"]))
        abstract = chosen["abstract"]
        provenance["abstract"] = chosen["record_id"]

    ids = {"arxiv": None, "doi": None, "openreview": None}
    for name in ids:
        for r in rows:
            value = (r.get("ids") or {}).get(name)
            if value:
                ids[name] = value
                provenance[f"ids.{name}"] = r["record_id"]
                break
    return {
        "work_id": work_id,
        "title": title,
        "authors": authors,
        "year": year,
        "date": date,
        "venue": venue,
        "abstract": abstract,
        "ids": ids,
        "urls": sorted({u for r in rows for u in r.get("urls") or []}),
        "titles": sorted({r["title"] for r in rows if r.get("title")}),
        "versions": [{"record_id": r["record_id"], "page": r.get("page") or "", "year": r.get("year"),
                      "date": r.get("date"), "venue": r.get("venue"), "title": r.get("title")} for r in rows],
        "record_ids": [r["record_id"] for r in rows],
        "pages": sorted({r.get("page") or "" for r in rows}),
        "flags": sorted({f for r in rows for f in r.get("flags") or [] if f in KEPT_FLAGS}),
        "provenance": provenance,
    }


def merge_work(work_id: str, records: list[Record]) -> Work:
    return Work.model_validate(merge_rows(work_id, [r.model_dump(mode="json") for r in records]))


def merge_works(records: list[Record]) -> list[Work]:
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        groups[r.work_id or r.record_id].append(r)
    return [merge_work(work_id, members) for work_id, members in sorted(groups.items())]


def assign_works(records: list[Record]) -> list[Record]:
    """Set work_id on every record (same list, same order)."""
    from schemas.dedupe import cluster

    plain = [r.model_dump(mode="json") for r in records]
    for record, work_id in zip(records, cluster(plain)):
        record.work_id = work_id
    return records
