"""Duplicate detection: normalise -> block -> compare -> score (Fellegi-Sunter, EM) -> cluster.

1. Features (`features`): title key, series numbers, erratum marker, author name keys, year,
   venue key/kind, identifiers. All keys come from schemas/normalize.py and schemas/names.py.
2. Blocking (`candidate_pairs`): records sharing an identifier, an exact title key, the first
   three title words (truncated titles), or a pair of their rarest title tokens (tokens seen only
   once are skipped, so one typo does not break a block). Keys are 64-bit hashes in numpy arrays;
   big blocks are compared by a sorted-neighbourhood window, so cost stays near-linear.
3. Comparison (`compare`): each pair gets a discrete level per field (title, authors, year,
   venue) plus hard evidence: a shared identifier (same work) or a contradiction (conflicting
   identifiers, different series numbers, an erratum against its paper: never the same work),
   and one reasoned penalty (a journal and a conference version of different years).
4. Scoring (`FSModel`): Fellegi-Sunter match weights log2(m/u) per level. m, u and the share of
   matches among candidate pairs are estimated by EM on the unlabelled candidate pairs of the
   input itself, with the priors in `PRIOR` as Dirichlet pseudo-counts (a handful of records falls
   back on the priors, a large file speaks for itself). No labels are used anywhere. An exact
   match on a title that recurs across the input ("Editorial", "Book review column") carries no
   title weight and lowers the prior by its frequency (a term-frequency adjustment).
5. Clustering (`_Clusters`): links are applied strongest first; two clusters merge only when
   no member pair is contradictory and their members agree on average (mean match probability over
   sampled cross pairs), so a chain of weak links never builds a giant cluster.
"""
from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional

import numpy as np
from rapidfuzz.distance import Indel

from schemas.canonical import content_hash
from schemas.names import author_keys, author_overlap, clear_interned
from schemas.normalize import (
    arxiv_key, doi_key, erratum_kind, is_generic_title, is_known_venue, openreview_key, series_numbers, title_key, venue_key,
    venue_kind,
)

FULL_BLOCK = 12  # blocks up to this size compare all their pairs
WINDOW = 6  # larger blocks compare each record with its next WINDOW neighbours in title order
MAX_BLOCK = 2000  # a block larger than this is too generic to say anything
RARE_TOKENS = 4  # rarest title tokens per record used for blocking (-> 6 token-pair keys)
MERGE_SAMPLE = 8  # members per side checked when two clusters merge (bounds the cost)
MERGE_MIN_AGREEMENT = 0.5  # mean match probability two clusters' members need to merge

# ---------------------------------------------------------------- levels
FIELDS = ("title", "authors", "year", "venue")
LEVELS = {
    "title": ("exact", "exact common", "typo", "close", "truncated", "similar", "different"),
    "authors": ("all", "most", "some", "none", "missing"),
    "year": ("exact", "1 apart", "2-3 apart", "far", "missing"),
    "venue": ("same", "similar", "kind conflict", "different", "missing"),
}
# levels that carry no evidence (weight 0, left out of EM): a missing value, and an exact match on
# a title that recurs far more than duplicated titles do ("Book review column" in every issue)
MISSING = {"title": 1, "authors": 4, "year": 4, "venue": 4}

# Prior beliefs (m = P(level | same work), u = P(level | different works among candidates)) and
# their strength in pseudo-pairs. Reasoned from how bibliographic duplicates differ (casing,
# typos, truncated author lists, preprint vs proceedings years), not fitted to any labels.
PRIOR = {
    "title": ((0.5, 0.05, 0.2, 0.1, 0.1, 0.03, 0.02), (0.01, 0.05, 0.01, 0.02, 0.02, 0.2, 0.69)),
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
    recurrence: float = 0.0  # bits of prior lost by sharing a title that recurs (see _mark_common_titles)


def _year(value) -> Optional[int]:
    try:
        year = int(str(value)[:4]) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return year if year and 1000 < year < 3000 else None


@lru_cache(maxsize=200_000)
def _title_parts(raw_title: Optional[str]) -> tuple:
    title = title_key(raw_title)
    return title, is_generic_title(title), series_numbers(raw_title), erratum_kind(raw_title)


@lru_cache(maxsize=50_000)
def _venue_parts(venue: Optional[str]) -> tuple:
    return venue_key(venue), venue_kind(venue)


_LIST_SPLIT_RE = re.compile(r"\s+and\s+|\s*;\s*|\s*&\s*", re.I)


def _names(authors) -> tuple:
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list):
        return ()
    names = tuple(str(a.get("name") or "") if isinstance(a, dict) else str(a) for a in authors if a)
    if len(names) == 1:
        names = _split_unsplit_list(names[0])
    return names


def _split_unsplit_list(text: str) -> tuple:
    """A whole author list left in one name by a scraper: 'a eisenberg , j melton and k kulkarni'."""
    parts = [p for p in _LIST_SPLIT_RE.split(text) if p.strip()]
    pieces = []
    for part in parts:
        commas = [c.strip() for c in part.split(",") if c.strip()]
        # 'Eisenberg, Andrew' is one inverted name; 'a eisenberg , j melton' is two names
        if len(commas) > 1 and all(len(c.split()) >= 2 for c in commas):
            pieces.extend(commas)
        else:
            pieces.append(part.strip())
    return tuple(pieces)


def features(record: dict) -> Features:
    ids = record.get("ids") or {}
    if not isinstance(ids, dict):
        ids = {}
    raw_title = record.get("title")
    venue = record.get("venue")
    title, common, series, erratum = _title_parts(raw_title if isinstance(raw_title, str) else None)
    venue_norm, kind = _venue_parts(venue if isinstance(venue, str) else None)
    return Features(
        record_id=str(record.get("record_id")),
        title=title,
        common=common,
        series=series,
        erratum=erratum,
        authors=author_keys(_names(record.get("authors"))),
        year=_year(record.get("year")),
        venue=venue_norm,
        venue_kind=kind,
        arxiv=arxiv_key(ids.get("arxiv")) if ids.get("arxiv") else None,
        doi=doi_key(ids.get("doi")) if ids.get("doi") else None,
        openreview=openreview_key(ids.get("openreview")) if ids.get("openreview") else None,
    )


# ---------------------------------------------------------------- comparison
SAME, NEUTRAL, NEVER, VERSIONS = 1, 0, -1, -2
# A journal article and a conference paper of different years with the same title are the
# conference version and its extended journal version: different publications. No unlabelled
# estimate can learn that (they agree on title and authors), so it is a reasoned rule: a fixed
# penalty that outweighs an exact title and author match, instead of an absolute veto.
VERSION_PENALTY = 16.0


class Comparison(NamedTuple):
    levels: tuple  # one level index per FIELDS entry
    hard: int  # SAME (shared id), NEVER (contradiction), VERSIONS or NEUTRAL
    reason: str  # why hard evidence applies
    adjust: float = 0.0  # extra bits (negative: a shared recurring title)


def _title_level(a: Features, b: Features) -> int:
    if not a.title or not b.title:
        return 6
    if a.title == b.title:
        return 1 if a.common or b.common else 0
    if a.common or b.common:
        return 6  # near-misses of 'Editorial' or 'Book reviews' say nothing about identity
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
    if (a.doi or a.arxiv or a.openreview) and (b.doi or b.arxiv or b.openreview):
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
    if ({a.venue_kind, b.venue_kind} == {"journal", "conference"} and a.year and b.year and a.year != b.year
            and not (is_known_venue(a.venue) and a.venue == b.venue)):
        return VERSIONS, f"journal vs conference version ({a.year} vs {b.year})"
    return NEUTRAL, ""


def compare(a: Features, b: Features) -> Comparison:
    hard, reason = _hard_evidence(a, b)
    levels = (
        _title_level(a, b),
        _author_level(a.authors, b.authors),
        _year_level(a.year, b.year),
        _venue_level(a, b),
    )
    adjust = -max(a.recurrence, b.recurrence) if levels[0] <= 1 and a.title == b.title else 0.0
    if levels[0] == 1 and hard == NEUTRAL and a.year and b.year and a.year != b.year:
        # a column or generic item ('Editor's notes') recurs every issue: another year is another item
        hard, reason = NEVER, f"recurring title in different years ({a.year} vs {b.year})"
    return Comparison(levels, hard, reason, adjust)


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
        if comparison.hard == VERSIONS:
            total -= VERSION_PENALTY
        return total + comparison.adjust

    def logits(self, levels: np.ndarray, hard: np.ndarray, adjust: np.ndarray) -> np.ndarray:
        """Vectorised `logit` for many pairs (levels: pairs x fields)."""
        total = np.full(len(levels), self.prior_weight, dtype=np.float64)
        for k, f in enumerate(FIELDS):
            total += self.weights[f][levels[:, k]]
        total += adjust
        total[hard == VERSIONS] -= VERSION_PENALTY
        total[hard == SAME] = math.inf
        total[hard == NEVER] = -math.inf
        return total

    def explain(self, comparison: Comparison) -> list[str]:
        if comparison.hard in (SAME, NEVER):
            return [comparison.reason]
        reasons = [f"prior {self.prior_weight:+.1f}"]
        for f, level in zip(FIELDS, comparison.levels):
            reasons.append(f"{f} {LEVELS[f][level]} {self.weights[f][level]:+.1f}")
        if comparison.hard == VERSIONS:
            reasons.append(f"{comparison.reason} {-VERSION_PENALTY:+.1f}")
        if comparison.adjust:
            reasons.append(f"title recurs in the input {comparison.adjust:+.1f}")
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
    rows, keys = array("q"), array("q")  # typed arrays: 8 bytes a key, not a Python int each
    per_title: dict[str, tuple[int, ...]] = {}  # duplicates share their title's keys
    for i, it in enumerate(items):
        for name in ("doi", "arxiv", "openreview"):
            value = getattr(it, name)
            if value:
                rows.append(i); keys.append(hash((name, value)))
        if not it.title:
            continue
        title_keys = per_title.get(it.title)
        if title_keys is None:
            title_keys = per_title[it.title] = _title_block_keys(it.title, token_freq)
        for key in title_keys:
            rows.append(i); keys.append(key)
    return np.frombuffer(rows, dtype=np.int64), np.frombuffer(keys, dtype=np.int64)  # no copy


def _title_block_keys(title: str, token_freq: Counter) -> tuple[int, ...]:
    keys = [hash(("t", title))]
    words = title.split()
    if len(words) > 3:  # a truncated title or one with an added subtitle shares its head
        keys.append(hash(("h", " ".join(words[:3]))))
    tokens = [t for t in set(words) if token_freq[t] > 1]
    rare = sorted(sorted(tokens, key=lambda t: (token_freq[t], t))[:RARE_TOKENS])
    for x in range(len(rare)):
        for y in range(x + 1, len(rare)):
            keys.append(hash((rare[x], rare[y])))
    return tuple(keys)


def candidate_pairs(items: list[Features]) -> np.ndarray:
    """Sorted unique (i, j) index pairs, i < j, of records sharing a block. Blocks of up to
    FULL_BLOCK members compare all pairs; larger ones (up to MAX_BLOCK) are sorted by title and
    compare each record with its next WINDOW neighbours only (a sorted-neighbourhood pass): the
    clustering step checks the remaining pairs it needs lazily, so cost stays linear in the
    number of keys even when a paper has dozens of copies."""
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
    for size in range(2, FULL_BLOCK + 1):
        block_starts = starts[sizes == size]
        if len(block_starts) == 0:
            continue
        members = rows[block_starts[:, None] + np.arange(size)[None, :]]  # (blocks, size)
        ii, jj = np.triu_indices(size, k=1)
        chunks.append(_codes(members[:, ii].ravel(), members[:, jj].ravel(), n))
    for b in np.flatnonzero((sizes > FULL_BLOCK) & (sizes <= MAX_BLOCK)).tolist():
        # sorted by (title, first author, record id): similar titles become neighbours,
        # independent of input order
        members = np.array(sorted(rows[starts[b]:ends[b]].tolist(), key=lambda i: (
            items[i].title, items[i].authors[0].family if items[i].authors else "", items[i].record_id)),
            dtype=np.int64)
        for step in range(1, WINDOW + 1):
            chunks.append(_codes(members[:-step], members[step:], n))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.unique(np.concatenate(chunks))
    return np.stack([codes // n, codes % n], axis=1)


def _codes(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    return np.unique(lo[keep] * n + hi[keep])


# ---------------------------------------------------------------- clustering
class _Clusters:
    """Union-find whose unions are checked: no contradiction between members, and the two
    clusters' members must agree on average (mean match probability >= MERGE_MIN_AGREEMENT)."""

    def __init__(self, items: list[Features], model: FSModel, codes: np.ndarray, logits: np.ndarray):
        self.items = items
        self.model = model
        self.codes = codes  # sorted pair codes (i * n + j) of the scored candidate pairs
        self.logits = logits
        self.extra: dict[tuple[int, int], float] = {}  # pairs scored on demand
        self.parent = list(range(len(items)))
        self.members: dict[int, list[int]] = {}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def pair_logit(self, x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        code = key[0] * max(1, len(self.items)) + key[1]
        pos = int(np.searchsorted(self.codes, code))
        if pos < len(self.codes) and self.codes[pos] == code:
            return float(self.logits[pos])
        value = self.extra.get(key)
        if value is None:
            value = self.model.logit(compare(self.items[key[0]], self.items[key[1]]))
            self.extra[key] = value
        return value

    def union(self, x: int, y: int) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return True
        left = self._sample(self.members.get(rx, [rx]))
        right = self._sample(self.members.get(ry, [ry]))
        if len(left) * len(right) > 1:  # two singletons: the link itself was the evidence
            total = 0.0
            for a in left:
                for b in right:
                    logit = self.pair_logit(a, b)
                    if logit == -math.inf:
                        return False
                    total += probability(logit)
            if total / (len(left) * len(right)) < MERGE_MIN_AGREEMENT:
                return False
        size_x, size_y = len(self.members.get(rx, (rx,))), len(self.members.get(ry, (ry,)))
        if size_x < size_y or (size_x == size_y and rx > ry):
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.members.setdefault(rx, [rx]).extend(self.members.pop(ry, [ry]))
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
    """Titles that recur far more often than a duplicated title typically does get a
    term-frequency prior: among k records sharing a title, about (t-1)/(k-1) of the pairs are
    duplicates when a work typically has t copies, so the prior drops by log2((k-1)/(t-1)) bits.
    Generic titles ('Editorial', 'Book review column': see normalize.is_generic_title) are
    `common`: their exact agreement carries no title weight at all. A specific title that recurs
    keeps its title match (a much-cited paper in a messy citation set repeats dozens of times)."""
    counts = Counter(it.title for it in items if it.title)
    repeated = sorted(c for c in counts.values() if c > 1)
    typical = repeated[len(repeated) // 2] if repeated else 2
    limit = max(2 * typical, typical + 2)
    marked = []
    for it in items:
        count = counts.get(it.title, 0)
        if it.common or count > limit:
            bits = round(math.log2(max(1.0, (count - 1) / max(1, typical - 1))), 3)
            it = it._replace(recurrence=bits)
        marked.append(it)
    return marked


def dedupe(records: Iterable[dict]) -> Result:
    """Cluster records (dicts in the records.jsonl shape); see dedupe_features."""
    return dedupe_features([features(r) for r in records])


def dedupe_features(items: list[Features]) -> Result:
    """Block, compare, fit the model, cluster. Per-pair data lives in compact arrays so a million
    records fit in well under 2 GB."""
    _release_caches()
    items = _mark_common_titles(items)
    pairs = candidate_pairs(items)
    codes = pairs[:, 0] * max(1, len(items)) + pairs[:, 1]
    level_cols = [array("b") for _ in FIELDS]
    hard = array("b")
    adjust = array("f")
    for i, j in zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()):
        c = compare(items[i], items[j])
        for col, level in zip(level_cols, c.levels):
            col.append(level)
        hard.append(c.hard)
        adjust.append(c.adjust)
    levels = np.stack([np.frombuffer(col, dtype=np.int8) for col in level_cols], axis=1) if len(pairs) else \
        np.zeros((0, len(FIELDS)), dtype=np.int8)
    hard_arr = np.frombuffer(hard, dtype=np.int8)
    del level_cols
    neutral = levels[hard_arr == NEUTRAL]
    patterns: Counter = Counter()
    if len(neutral):
        unique, counts = np.unique(neutral, axis=0, return_counts=True)
        patterns = Counter({tuple(int(v) for v in row): int(n) for row, n in zip(unique, counts)})
    model = FSModel().fit(patterns)
    logits = model.logits(levels, hard_arr, np.frombuffer(adjust, dtype=np.float32))
    del levels, adjust, hard
    linked = np.flatnonzero(logits > 0)
    rank = _record_rank(items)
    lo = np.minimum(rank[pairs[linked, 0]], rank[pairs[linked, 1]])
    hi = np.maximum(rank[pairs[linked, 0]], rank[pairs[linked, 1]])
    order = linked[np.lexsort((hi, lo, -logits[linked]))]  # strongest first, ties by record id
    clusters = _Clusters(items, model, codes, logits)
    for i, j in zip(pairs[order, 0].tolist(), pairs[order, 1].tolist()):
        clusters.union(i, j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[clusters.find(i)].append(it.record_id)
    work_of_root = {root: content_hash(sorted(ids), prefix="w") for root, ids in groups.items()}
    work_ids = [work_of_root[clusters.find(i)] for i in range(len(items))]
    return Result(work_ids, model, len(linked), len(pairs))


def _release_caches() -> None:
    """Features are built: drop the normalisation caches (a few hundred MB at a million records)
    before the pair arrays are allocated. They refill on demand."""
    from schemas import names, normalize

    clear_interned()
    for cached in (_title_parts, _venue_parts, normalize.fold, normalize.title_key, normalize.venue_key,
                   normalize.venue_kind, names.parse_name):
        cached.cache_clear()


def _record_rank(items: list[Features]) -> np.ndarray:
    order = sorted(range(len(items)), key=lambda i: items[i].record_id)
    rank = np.empty(len(items), dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(items))
    return rank


def cluster(records: list[dict]) -> list[str]:
    """work_id for every record (same order). Deterministic: the decisions do not depend on input
    order, and ids are hashes of the member record ids."""
    return dedupe(records).work_ids


def explain(a: dict, b: dict, model: Optional[FSModel] = None) -> list[str]:
    """Readable reasons for one pair: the verdict, then each field's level and weight in bits."""
    return explain_features(features(a), features(b), model)


def explain_features(fa: Features, fb: Features, model: Optional[FSModel] = None) -> list[str]:
    """`explain` on features (e.g. marked by _mark_common_titles, as the clustering saw them)."""
    model = model or FSModel()
    comparison = compare(fa, fb)
    logit = model.logit(comparison)
    verdict = "same work" if logit > 0 else "different works"
    score = "" if math.isinf(logit) else f" ({logit:+.1f} bits)"
    return [verdict + score] + model.explain(comparison)
