"""Duplicate detection: normalise -> block -> compare -> score (Fellegi-Sunter, EM) -> cluster.

1. Features (`features`): title key, series numbers, erratum marker, author name keys, year,
   venue key/kind, identifiers. All keys come from schemas/normalize.py and schemas/names.py.
2. Blocking (`candidate_pairs`): records sharing an identifier, an exact title key, or a pair of
   their rarest title tokens (tokens seen only once are skipped, so one typo does not break a
   block). Implemented on 64-bit hashes in numpy arrays, so memory and time stay near-linear.
3. Comparison (`compare`): each pair gets a discrete level per field (title, authors, year,
   venue) plus hard evidence: a shared identifier (same work) or a contradiction (conflicting
   identifiers, different series numbers, an erratum against its paper: never the same work).
4. Scoring (`FSModel`): Fellegi-Sunter match weights log2(m/u) per level. m, u and the share of
   matches among candidate pairs are estimated by EM on the unlabelled candidate pairs, with the
   priors in `PRIOR` as Dirichlet pseudo-counts (so a handful of records falls back on the priors
   and a large file speaks for itself). Exact-title agreement on a title that recurs across the
   input ("Editorial", "Book review column") is down-weighted by its frequency.
5. Clustering (`_Clusters`): links are applied strongest first; two clusters merge only when
   no member pair is contradictory and their members agree on average (mean match probability over
   the cross pairs), so a chain of weak links never builds a giant cluster.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import NamedTuple, Optional

import numpy as np
from rapidfuzz.distance import Indel

from schemas.canonical import content_hash
from schemas.names import author_keys, author_overlap
from schemas.normalize import (
    arxiv_key, doi_key, erratum_kind, is_generic_title, is_known_venue, openreview_key, series_numbers, title_key, venue_key,
    venue_kind,
)

MAX_BLOCK = 300  # a block larger than this is too generic to compare all pairs in
RARE_TOKENS = 4  # rarest title tokens per record used for blocking (-> 6 token-pair keys)
MERGE_SAMPLE = 24  # members per side checked when two clusters merge (bounds the cost)
MERGE_MIN_AGREEMENT = 0.5  # mean match probability two clusters' members need to merge

# ---------------------------------------------------------------- levels
FIELDS = ("title", "authors", "year", "venue")
LEVELS = {
    "title": ("exact", "exact common", "typo", "close", "truncated", "similar", "different"),
    "authors": ("all", "most", "some", "none", "missing"),
    "year": ("exact", "1 apart", "2-3 apart", "far", "missing"),
    "venue": ("same", "similar", "kind conflict", "different", "missing"),
}
MISSING = {"authors": 4, "year": 4, "venue": 4}  # levels that carry no evidence (weight 0)

# Prior beliefs (m = P(level | same work), u = P(level | different works among candidates)) and
# their strength in pseudo-pairs. Reasoned from how bibliographic duplicates differ (casing,
# typos, truncated author lists, preprint vs proceedings years), not fitted to any labels.
PRIOR = {
    "title": ((0.5, 0.05, 0.2, 0.1, 0.08, 0.05, 0.02), (0.01, 0.05, 0.01, 0.02, 0.02, 0.14, 0.75)),
    "authors": ((0.75, 0.15, 0.06, 0.04, 0.0), (0.05, 0.05, 0.15, 0.75, 0.0)),
    "year": ((0.75, 0.15, 0.07, 0.03, 0.0), (0.2, 0.2, 0.25, 0.35, 0.0)),
    "venue": ((0.6, 0.2, 0.03, 0.17, 0.0), (0.1, 0.1, 0.2, 0.6, 0.0)),
}
PRIOR_LAMBDA = 0.3
PRIOR_STRENGTH = 40.0
EM_ITERATIONS = 40
FLOOR = 1e-4


class Features(NamedTuple):
    """The normalised view of one record that matching needs."""

    record_id: str
    title: str
    common: bool  # generic ('Editorial') or recurring more than duplicated titles do
    series: tuple
    erratum: str
    authors: tuple
    year: Optional[int]
    venue: str
    venue_kind: str
    arxiv: Optional[str]
    doi: Optional[str]
    openreview: Optional[str]


def _year(value) -> Optional[int]:
    try:
        year = int(str(value)[:4]) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return year if year and 1000 < year < 3000 else None


def features(record: dict) -> Features:
    ids = record.get("ids") or {}
    raw_title = record.get("title") if isinstance(record.get("title"), str) else None
    title = title_key(raw_title)
    authors = record.get("authors") or []
    names = [a.get("name") if isinstance(a, dict) else str(a) for a in authors if a]
    venue = record.get("venue") if isinstance(record.get("venue"), str) else None
    return Features(
        record_id=str(record.get("record_id")),
        title=title,
        common=is_generic_title(title),
        series=series_numbers(raw_title),
        erratum=erratum_kind(raw_title),
        authors=author_keys(names),
        year=_year(record.get("year")),
        venue=venue_key(venue),
        venue_kind=venue_kind(venue),
        arxiv=arxiv_key(ids.get("arxiv")),
        doi=doi_key(ids.get("doi")),
        openreview=openreview_key(ids.get("openreview")),
    )


# ---------------------------------------------------------------- comparison
SAME, NEUTRAL, NEVER = 1, 0, -1


class Comparison(NamedTuple):
    levels: tuple  # one level index per FIELDS entry
    hard: int  # SAME (shared id), NEVER (contradiction) or NEUTRAL
    reason: str  # why hard evidence applies


def _title_level(a: Features, b: Features) -> int:
    if not a.title or not b.title:
        return 6
    if a.title == b.title:
        return 1 if a.common or b.common else 0
    similarity = Indel.normalized_similarity(a.title, b.title)
    if similarity >= 0.95:
        return 2
    if similarity >= 0.88:
        return 3
    short, long = (a.title, b.title) if len(a.title) <= len(b.title) else (b.title, a.title)
    if short.count(" ") >= 2 and long.startswith(short):
        return 4  # truncated title, or a subtitle added in one version
    if similarity >= 0.7:
        return 5
    return 6


def _author_level(a: tuple, b: tuple) -> int:
    if not a or not b:
        return 4
    matched, shorter, first_ok = author_overlap(a, b)
    if matched == shorter and (first_ok or matched >= 2):
        return 0
    if matched * 2 >= shorter:
        return 1
    return 2 if matched else 3


def _year_level(a: Optional[int], b: Optional[int]) -> int:
    if a is None or b is None:
        return 4
    gap = abs(a - b)
    return 0 if gap == 0 else 1 if gap == 1 else 2 if gap <= 3 else 3


def _venue_level(a: Features, b: Features) -> int:
    if not a.venue or not b.venue or "preprint" in (a.venue_kind, b.venue_kind):
        return 4  # a preprint server or report says nothing about where the work appeared
    if a.venue == b.venue:
        return 0
    kinds = {a.venue_kind, b.venue_kind}
    if kinds == {"journal", "conference"}:
        return 2
    if is_known_venue(a.venue) and is_known_venue(b.venue):
        return 3  # two different well-known venues ('vldb' vs 'vldbj')
    ta, tb = set(a.venue.split()), set(b.venue.split())
    if ta <= tb or tb <= ta or len(ta & tb) * 2 >= len(ta | tb):
        return 1
    if Indel.normalized_similarity(a.venue, b.venue) >= 0.8:
        return 1
    return 3


def _hard_evidence(a: Features, b: Features) -> tuple[int, str]:
    if a.erratum != b.erratum:
        return NEVER, "one is an erratum/comment on the other"
    if a.series != b.series and (a.series or b.series):
        return NEVER, f"series numbers differ ({'/'.join(a.series) or '-'} vs {'/'.join(b.series) or '-'})"
    for name in ("doi", "arxiv", "openreview"):
        x, y = getattr(a, name), getattr(b, name)
        if x and y and x != y:
            return NEVER, f"conflicting {name} ids"
    for name in ("doi", "arxiv", "openreview"):
        x = getattr(a, name)
        if x and x == getattr(b, name):
            return SAME, f"same {name} id"
    if not a.title or not b.title:
        return NEVER, "untitled"
    return NEUTRAL, ""


def compare(a: Features, b: Features) -> Comparison:
    hard, reason = _hard_evidence(a, b)
    levels = (
        _title_level(a, b),
        _author_level(a.authors, b.authors),
        _year_level(a.year, b.year),
        _venue_level(a, b),
    )
    return Comparison(levels, hard, reason)


# ---------------------------------------------------------------- scoring
class FSModel:
    """Fellegi-Sunter weights; `fit` runs EM on the level patterns of unlabelled candidate pairs."""

    def __init__(self):
        self.m = {f: np.array(PRIOR[f][0], dtype=float) for f in FIELDS}
        self.u = {f: np.array(PRIOR[f][1], dtype=float) for f in FIELDS}
        self.lam = PRIOR_LAMBDA
        self._refresh()

    def _refresh(self) -> None:
        self.weights = {}
        for f in FIELDS:
            w = np.log2(np.maximum(self.m[f], FLOOR) / np.maximum(self.u[f], FLOOR))
            if f in MISSING:
                w[MISSING[f]] = 0.0
            self.weights[f] = w
        lam = min(max(self.lam, 1e-6), 1 - 1e-6)
        self.prior_weight = math.log2(lam / (1 - lam))

    def fit(self, patterns: Counter) -> "FSModel":
        """EM over (level pattern -> count); missing levels are left out of the likelihood."""
        if not patterns:
            return self
        keys = sorted(patterns)
        counts = np.array([patterns[k] for k in keys], dtype=float)
        levels = np.array(keys, dtype=np.int64)
        for _ in range(EM_ITERATIONS):
            log_m = np.full(len(keys), math.log(self.lam))
            log_u = np.full(len(keys), math.log(1 - self.lam))
            for i, f in enumerate(FIELDS):
                m = np.maximum(self.m[f], FLOOR)
                u = np.maximum(self.u[f], FLOOR)
                if f in MISSING:
                    m = m.copy(); u = u.copy()
                    m[MISSING[f]] = u[MISSING[f]] = 1.0
                log_m += np.log(m[levels[:, i]])
                log_u += np.log(u[levels[:, i]])
            p = 1.0 / (1.0 + np.exp(np.clip(log_u - log_m, -50, 50)))
            wm, wu = p * counts, (1 - p) * counts
            total_m = wm.sum()
            self.lam = (total_m + PRIOR_STRENGTH * PRIOR_LAMBDA) / (counts.sum() + PRIOR_STRENGTH)
            for i, f in enumerate(FIELDS):
                size = len(LEVELS[f])
                cm = np.bincount(levels[:, i], weights=wm, minlength=size)
                cu = np.bincount(levels[:, i], weights=wu, minlength=size)
                if f in MISSING:
                    cm[MISSING[f]] = cu[MISSING[f]] = 0.0
                cm = cm + PRIOR_STRENGTH * np.array(PRIOR[f][0])
                cu = cu + PRIOR_STRENGTH * np.array(PRIOR[f][1])
                self.m[f] = cm / cm.sum()
                self.u[f] = cu / cu.sum()
        self._refresh()
        return self

    def logit(self, comparison: Comparison) -> float:
        """Match weight in bits (> 0: more likely the same work than not)."""
        if comparison.hard == NEVER:
            return -math.inf
        if comparison.hard == SAME:
            return math.inf
        total = self.prior_weight
        for f, level in zip(FIELDS, comparison.levels):
            total += self.weights[f][level]
        return total

    def explain(self, comparison: Comparison) -> list[str]:
        if comparison.hard != NEUTRAL:
            return [comparison.reason]
        reasons = [f"prior {self.prior_weight:+.1f}"]
        for f, level in zip(FIELDS, comparison.levels):
            reasons.append(f"{f} {LEVELS[f][level]} {self.weights[f][level]:+.1f}")
        return reasons


def probability(logit: float) -> float:
    if logit == math.inf:
        return 1.0
    if logit == -math.inf:
        return 0.0
    return 1.0 / (1.0 + 2.0 ** (-max(min(logit, 60.0), -60.0)))


# ---------------------------------------------------------------- blocking
def _block_keys(items: list[Features]) -> tuple[np.ndarray, np.ndarray]:
    """(record index, 64-bit key hash) for every blocking key of every record."""
    token_freq: Counter = Counter()
    for it in items:
        token_freq.update(set(it.title.split()))
    rows, keys = [], []
    for i, it in enumerate(items):
        for name in ("doi", "arxiv", "openreview"):
            value = getattr(it, name)
            if value:
                rows.append(i); keys.append(hash((name, value)))
        if not it.title:
            continue
        rows.append(i); keys.append(hash(("t", it.title)))
        tokens = [t for t in set(it.title.split()) if token_freq[t] > 1]
        rare = sorted(tokens, key=lambda t: (token_freq[t], t))[:RARE_TOKENS]
        rare.sort()
        for x in range(len(rare)):
            for y in range(x + 1, len(rare)):
                rows.append(i); keys.append(hash((rare[x], rare[y])))
    return np.array(rows, dtype=np.int64), np.array(keys, dtype=np.int64)


def candidate_pairs(items: list[Features]) -> np.ndarray:
    """Sorted unique (i, j) index pairs, i < j, of records sharing a block of <= MAX_BLOCK members."""
    rows, keys = _block_keys(items)
    if len(rows) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((rows, keys))
    rows, keys = rows[order], keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    sizes = ends - starts
    n = len(items)
    chunks = []
    for size in range(2, MAX_BLOCK + 1):
        block_starts = starts[sizes == size]
        if len(block_starts) == 0:
            continue
        members = rows[block_starts[:, None] + np.arange(size)[None, :]]  # (blocks, size)
        ii, jj = np.triu_indices(size, k=1)
        a, b = members[:, ii].ravel(), members[:, jj].ravel()
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keep = lo != hi
        chunks.append(np.unique(lo[keep] * n + hi[keep]))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.unique(np.concatenate(chunks))
    return np.stack([codes // n, codes % n], axis=1)


# ---------------------------------------------------------------- clustering
class _Clusters:
    """Union-find whose unions are checked: no contradiction between members, and the two
    clusters' members must agree on average (mean match probability >= MERGE_MIN_AGREEMENT)."""

    def __init__(self, items: list[Features], model: FSModel, scored: dict):
        self.items = items
        self.model = model
        self.scored = scored
        self.parent = list(range(len(items)))
        self.members = {i: [i] for i in range(len(items))}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def pair_logit(self, x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        value = self.scored.get(key)
        if value is None:
            value = self.model.logit(compare(self.items[key[0]], self.items[key[1]]))
            self.scored[key] = value
        return value

    def union(self, x: int, y: int) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return True
        left = self._sample(self.members[rx])
        right = self._sample(self.members[ry])
        if len(left) * len(right) > 1:
            total = 0.0
            for a in left:
                for b in right:
                    logit = self.pair_logit(a, b)
                    if logit == -math.inf:
                        return False
                    total += probability(logit)
            if total / (len(left) * len(right)) < MERGE_MIN_AGREEMENT:
                return False
        elif self.pair_logit(x, y) == -math.inf:
            return False
        if len(self.members[rx]) < len(self.members[ry]) or (
                len(self.members[rx]) == len(self.members[ry]) and rx > ry):
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.members[rx].extend(self.members.pop(ry))
        return True

    def _sample(self, members: list[int]) -> list[int]:
        if len(members) <= MERGE_SAMPLE:
            return members
        ordered = sorted(members, key=lambda i: self.items[i].record_id)
        step = len(ordered) / MERGE_SAMPLE
        return [ordered[int(k * step)] for k in range(MERGE_SAMPLE)]


class Result(NamedTuple):
    work_ids: list[str]
    model: FSModel
    links: int
    candidates: int


def _mark_common_titles(items: list[Features]) -> list[Features]:
    """Flag titles that recur far more often than a duplicated title typically does ('Book review
    column' in every issue): their exact agreement gets its own level, with its own m/u."""
    counts = Counter(it.title for it in items if it.title)
    repeated = sorted(c for c in counts.values() if c > 1)
    typical = repeated[len(repeated) // 2] if repeated else 2
    limit = max(2 * typical, typical + 2)
    return [it._replace(common=True) if not it.common and counts.get(it.title, 0) > limit else it for it in items]


def dedupe(records: list[dict]) -> Result:
    items = _mark_common_titles([features(r) for r in records])
    pairs = candidate_pairs(items)
    comparisons = []
    patterns: Counter = Counter()
    for i, j in pairs.tolist():
        c = compare(items[i], items[j])
        comparisons.append(c)
        if c.hard == NEUTRAL:
            patterns[c.levels] += 1
    model = FSModel().fit(patterns)
    scored = {}
    links = []
    for (i, j), c in zip(pairs.tolist(), comparisons):
        logit = model.logit(c)
        scored[(i, j)] = logit
        if logit > 0:
            a, b = sorted((items[i].record_id, items[j].record_id))
            links.append((-logit, a, b, i, j))
    del comparisons
    links.sort()
    clusters = _Clusters(items, model, scored)
    for _, _, _, i, j in links:
        clusters.union(i, j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[clusters.find(i)].append(it.record_id)
    work_of_root = {root: content_hash(sorted(ids), prefix="w") for root, ids in groups.items()}
    work_ids = [work_of_root[clusters.find(i)] for i in range(len(items))]
    return Result(work_ids, model, len(links), len(pairs))


def cluster(records: list[dict]) -> list[str]:
    """work_id for every record (same order). Deterministic: the decisions do not depend on input
    order, and ids are hashes of the member record ids."""
    return dedupe(records).work_ids


def explain(a: dict, b: dict, model: Optional[FSModel] = None) -> list[str]:
    """Readable reasons for one pair: the verdict, then each field's level and weight in bits."""
    model = model or FSModel()
    fa, fb = features(a), features(b)
    comparison = compare(fa, fb)
    logit = model.logit(comparison)
    verdict = "same work" if logit > 0 else "different works"
    score = "" if math.isinf(logit) else f" ({logit:+.1f} bits)"
    return [verdict + score] + model.explain(comparison)
