"""Merge the records of one work into a canonical Work, keeping per-field provenance."""
from __future__ import annotations

from collections import Counter, defaultdict

from schemas.models import Author, Ids, Record, Work, WorkVersion
from schemas.normalize import fold


def _casing_score(title: str) -> tuple:
    words = [w for w in title.split() if w[:1].isalpha()]
    if not words:
        return (0, 0)
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    shouting = title.isupper()
    # Title Case beats sentence case beats all-caps / all-lower
    return (0 if shouting or title.islower() else 1, round(capitalised, 3))


def best_title(records: list[Record]) -> tuple[str | None, str | None]:
    titled = [r for r in records if r.title]
    if not titled:
        return None, None
    folds = Counter(fold(r.title) for r in titled)
    top = max(folds.items(), key=lambda kv: (kv[1], max(r.year or 0 for r in titled if fold(r.title) == kv[0]), kv[0]))[0]
    variants = [r for r in titled if fold(r.title) == top]
    chosen = max(variants, key=lambda r: (_casing_score(r.title), r.record_id))
    return chosen.title, chosen.record_id


def merge_work(work_id: str, records: list[Record]) -> Work:
    records = sorted(records, key=lambda r: (r.page, r.position, r.record_id))
    provenance: dict[str, str | None] = {}
    title, src = best_title(records)
    provenance["title"] = src

    with_authors = [r for r in records if r.authors]
    authors: list[Author] = []
    if with_authors:
        best = max(with_authors, key=lambda r: ("authors-truncated" not in r.flags, len(r.authors), r.record_id))
        authors = [Author(name=a.name, given=a.given, family=a.family, person_id=a.person_id) for a in best.authors]
        provenance["authors"] = best.record_id

    years = [r for r in records if r.year]
    year = None
    if years:
        first = min(years, key=lambda r: (r.year, r.record_id))
        year = first.year
        provenance["year"] = first.record_id
    dated = [r for r in records if r.date]
    date = None
    if dated:
        first = min(dated, key=lambda r: (r.date, r.record_id))
        date = first.date
        provenance["date"] = first.record_id

    venues = [r for r in records if r.venue]
    venue = None
    if venues:
        # a named venue beats a preprint server
        chosen = max(venues, key=lambda r: ("arxiv" not in (r.venue or "").lower(), len(r.venue or ""), r.record_id))
        venue = chosen.venue
        provenance["venue"] = chosen.record_id

    abstracts = [r for r in records if r.abstract]
    abstract = None
    if abstracts:
        chosen = max(abstracts, key=lambda r: (len(r.abstract or ""), r.record_id))
        abstract = chosen.abstract
        provenance["abstract"] = chosen.record_id

    ids = {}
    for name in ("arxiv", "doi", "openreview"):
        for r in records:
            value = getattr(r.ids, name)
            if value:
                ids[name] = value
                provenance[f"ids.{name}"] = r.record_id
                break
    urls = sorted({u for r in records for u in r.urls})
    titles = sorted({r.title for r in records if r.title})
    flags = sorted({f for r in records for f in r.flags if f in ("untitled", "authors-truncated", "owner-implicit")})
    return Work(
        work_id=work_id,
        title=title,
        authors=authors,
        year=year,
        date=date,
        venue=venue,
        abstract=abstract,
        ids=Ids(**ids),
        urls=urls,
        titles=titles,
        versions=[WorkVersion(record_id=r.record_id, page=r.page, year=r.year, date=r.date, venue=r.venue, title=r.title) for r in records],
        record_ids=[r.record_id for r in records],
        pages=sorted({r.page for r in records}),
        flags=flags,
        provenance=provenance,
    )


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
