"""Duplicate detection: blocking -> pairwise comparison -> clustering -> work ids.

Records are compared only within blocks (shared identifier, shared rare title tokens), so cost
stays near-linear. A pair is the same work when an identifier agrees (arXiv/DOI/OpenReview:
this is what links a renamed paper to its earlier title), or when titles agree closely and
nothing contradicts (series numbers, conflicting identifiers, disjoint author lists, years far
apart). Clusters are connected components with a guard: a link that would join two clusters
holding conflicting identifiers is refused, so unrelated records never chain together.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from rapidfuzz import fuzz

from schemas.canonical import content_hash
from schemas.normalize import arxiv_key, doi_key, family_key, series_numbers, title_key

TITLE_MATCH = 93.0  # token-sort ratio (0-100) above which titles are the same title
TITLE_MATCH_WITH_AUTHORS = 88.0  # lower bar when the author lists clearly overlap
MAX_BLOCK = 400  # a block larger than this is too generic to compare all pairs in


@dataclass
class Comparable:
    """The normalised view of one record that matching needs (plain data, cheap to ship)."""

    index: int
    record_id: str
    title: str
    series: tuple[str, ...]
    families: frozenset
    year: Optional[int]
    arxiv: Optional[str]
    doi: Optional[str]
    openreview: Optional[str]
    truncated: bool = False
    tokens: tuple[str, ...] = field(default_factory=tuple)


def comparable(index: int, record: dict) -> Comparable:
    ids = record.get("ids") or {}
    title = title_key(record.get("title"))
    authors = record.get("authors") or []
    names = [a.get("name") if isinstance(a, dict) else str(a) for a in authors]
    return Comparable(
        index=index,
        record_id=str(record.get("record_id")),
        title=title,
        series=series_numbers(record.get("title")),
        families=frozenset(k for k in (family_key(n) for n in names if n) if k),
        year=record.get("year"),
        arxiv=arxiv_key(ids.get("arxiv")),
        doi=doi_key(ids.get("doi")),
        openreview=ids.get("openreview"),
        truncated="authors-truncated" in (record.get("flags") or []),
        tokens=tuple(title.split()),
    )


def ids_conflict(a: Comparable, b: Comparable) -> bool:
    return any(x and y and x != y for x, y in ((a.arxiv, b.arxiv), (a.doi, b.doi), (a.openreview, b.openreview)))


def ids_agree(a: Comparable, b: Comparable) -> Optional[str]:
    for name, x, y in (("arxiv", a.arxiv, b.arxiv), ("doi", a.doi, b.doi), ("openreview", a.openreview, b.openreview)):
        if x and x == y:
            return name
    return None


def compare(a: Comparable, b: Comparable) -> tuple[bool, list[str]]:
    """Decide one pair; returns (same work?, reasons) so every decision can be explained."""
    reasons = []
    agreed = ids_agree(a, b)
    if agreed:
        return True, [f"same {agreed} id"]
    if ids_conflict(a, b):
        return False, ["conflicting identifiers"]
    if not a.title or not b.title:
        return False, ["untitled"]
    if a.series != b.series:
        return False, [f"series numbers differ {a.series} vs {b.series}"]
    score = fuzz.token_sort_ratio(a.title, b.title) if a.title != b.title else 100.0
    reasons.append(f"title {score:.0f}")
    shared = len(a.families & b.families)
    if a.families and b.families:
        smaller = min(len(a.families), len(b.families))
        overlap = shared / smaller if smaller else 0.0
        reasons.append(f"authors overlap {overlap:.2f}")
        if overlap == 0 and not (a.truncated or b.truncated):
            return False, reasons + ["no shared author"]
    else:
        overlap = None
    if a.year and b.year and abs(a.year - b.year) > 3:
        return False, reasons + ["years far apart"]
    if score >= TITLE_MATCH or (overlap is not None and overlap >= 0.5 and score >= TITLE_MATCH_WITH_AUTHORS):
        return True, reasons
    return False, reasons


def candidate_pairs(items: list[Comparable]) -> Iterable[tuple[int, int]]:
    """Blocking: pairs that share an id, or an exact title key, or two rare title tokens."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    token_freq: dict[str, int] = defaultdict(int)
    for it in items:
        for tok in set(it.tokens):
            token_freq[tok] += 1
    for it in items:
        for name in ("arxiv", "doi", "openreview"):
            value = getattr(it, name)
            if value:
                blocks[(name, value)].append(it.index)
        if it.title:
            blocks[("title", it.title)].append(it.index)
            rare = sorted(set(it.tokens), key=lambda t: (token_freq[t], t))[:3]
            for i in range(len(rare)):
                for j in range(i + 1, len(rare)):
                    blocks[("tok", rare[i], rare[j])].append(it.index)
    seen = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y]) if members[x] < members[y] else (members[y], members[x])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


class _Clusters:
    """Union-find that refuses unions of clusters holding conflicting identifiers."""

    def __init__(self, items: list[Comparable]):
        self.parent = list(range(len(items)))
        self.ids = [
            {k: v for k, v in (("arxiv", it.arxiv), ("doi", it.doi), ("openreview", it.openreview)) if v}
            for it in items
        ]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ia, ib = self.ids[ra], self.ids[rb]
        if any(k in ib and ib[k] != v for k, v in ia.items()):
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.ids[ra] = {**ib, **ia}
        return True


def cluster(records: list[dict]) -> list[str]:
    """work_id for every record (same order). Deterministic: independent of input order
    as far as the decisions go, and ids are hashes of the member record ids."""
    items = [comparable(i, r) for i, r in enumerate(records)]
    clusters = _Clusters(items)
    pairs = sorted(candidate_pairs(items))
    # id links first (strongest evidence), then title links
    decided = []
    for a, b in pairs:
        same, reasons = compare(items[a], items[b])
        if same:
            decided.append((0 if reasons and reasons[0].startswith("same ") else 1, a, b))
    for _, a, b in sorted(decided):
        clusters.union(a, b)
    members: dict[int, list[str]] = defaultdict(list)
    for it in items:
        members[clusters.find(it.index)].append(it.record_id)
    work_of_root = {root: content_hash(sorted(ids), prefix="w") for root, ids in members.items()}
    return [work_of_root[clusters.find(it.index)] for it in items]


def explain(a: dict, b: dict) -> list[str]:
    same, reasons = compare(comparable(0, a), comparable(1, b))
    return [("same work" if same else "different works")] + reasons
