"""Who is who: one `person_id` per co-author identity and one researcher per page owner.

The same blocking -> pairwise evidence -> guarded clustering scheme as work dedupe
(schemas.dedupe), applied to author *mentions* (one author slot of one record):

1. Names are parsed into folded given tokens and family components (accents, particles,
   initials, transliteration) and compared into a *level*: exact > subset (middle name or
   particle dropped, 'S. M. Ali' ~ 'Ali') > initials ('J. Dauwels' ~ 'Justin Dauwels') >
   nickname ('Wojtek' ~ 'Wojciech', table in schemas.names) > family-partial
   ('Castro' ~ 'Castro-Perez'), or a conflict ('Yujia' vs 'Yazhe'), which keeps them apart.
2. Nodes: the page owner of each page (or each *site*: ownerless pages of one folder and
   format whose authors share one person) together with the owner's own author entries;
   then every other mention grouped by exact full name (initials-only names per page).
3. Context evidence between nodes: shared works, shared co-authors (with and without the
   page owners), co-authors of co-authors, and whether the family-name block is unambiguous.
   The weaker the name level, the more context a link needs; full names need none.
4. Links are applied strongest first into union-find with guards: two clusters never merge
   when any of their spellings conflict or when they hold authors of one record, or two page
   owners judged different people. Ids are content hashes of the sorted member keys.

Every decision carries its reasons, so `pubsift explain-person` can print them.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Optional, Sequence

from schemas.canonical import content_hash
from schemas.models import Profile, Record, Researcher, ResearcherAffiliation, Work
from schemas.names import NICKNAMES
from schemas.normalize import fold

# particles are kept apart from the family core: 'van den Oord' -> core ('oord',)
PARTICLES = frozenset(
    "van von der den de del della dello degli di da das do dos du la le les lo ten ter te op het zu zur "
    "af av bin ibn al el st saint d l".split())
SUFFIXES = frozenset("jr sr ii iii iv phd md esq".split())
OWNERLESS_KINDS = ("homepage", "listing", "bibliography")  # an unnamed owner still makes a researcher
NO_OWNER_KINDS = ("not-a-profile", "search-results")  # never a researcher of their own
MAX_CONTEXT_AUTHORS = 200  # longer author lists contribute their first 180 and last 20 as context
MAX_BLOCK = 300
MAX_YEAR_GAP = 25  # a non-exact spelling this many years from the other's span needs a shared work  # a family block larger than this is split by first initial

LEVELS = ("exact", "subset", "initials", "nickname", "family-partial")
STRENGTH = {name: len(LEVELS) - i for i, name in enumerate(LEVELS)}  # exact=5 ... family-partial=1


# ------------------------------------------------------------------------------------- names
def _ascii(text: str) -> str:
    folded = fold(text)
    if folded and not folded.isascii():
        from anyascii import anyascii  # transliteration: 'Юрий' -> 'yurii'

        folded = fold(anyascii(folded))
    return folded


@dataclass(frozen=True)
class PersonName:
    display: str
    given: tuple[str, ...]  # folded given tokens in order; one letter = an initial
    family: tuple[str, ...]  # folded family components without particles ('castro', 'perez')
    particles: tuple[str, ...] = ()  # 'le' of 'Tom Le Paine': may stand as a middle name
    qualifier: str = ""  # dblp homonym number ('0001'): two different numbers are two people

    @property
    def key(self) -> str:
        """Exact-name key: folded given + family core ('Aäron van den Oord' == 'Aaron van den Oord')."""
        return " ".join(self.given) + "|" + " ".join(self.family) + ("#" + self.qualifier if self.qualifier else "")

    @property
    def full(self) -> bool:
        """True when some given name is spelled out (not initials only)."""
        return any(len(t) > 1 for t in self.given)

    @cached_property
    def loose(self) -> str:
        """Co-author key: first initial + primary family component ('a_oord')."""
        return (self.given[0][:1] if self.given else "") + "_" + (self.family[0] if self.family else "")


@lru_cache(maxsize=200_000)
def parse_person(name: str, given: Optional[str] = None, family: Optional[str] = None) -> PersonName:
    """Parse a display name (with the given/family split the extractor already made, if any)."""
    if given is None and family is None:
        from extract.fields.names import split_name

        parts = split_name(name)
        given, family = parts.given, parts.family
    given_tokens: list[str] = []
    for raw in re.split(r"\s+", (given or "").strip()):
        if not raw:
            continue
        # 'JA' (from 'Smith JA') is two initials; 'S.M.' folds to two tokens below
        if re.fullmatch(r"[A-Z]{2,3}", raw):
            given_tokens.extend(raw.lower())
            continue
        parts = [t for t in _ascii(raw).split() if t not in SUFFIXES]
        if "-" in raw and len(parts) > 1 and any(len(t) > 1 for t in parts):
            parts = ["".join(parts)]  # 'Yun-Wu', 'Jean-Baptiste': one given name ('J.-B.' stays initials)
        given_tokens.extend(parts)
    family_tokens = [t for t in _ascii(family or "").split() if t not in SUFFIXES]
    # dblp's homonym numbers ('Di Xu 0001') name one person among namesakes
    qualifier = " ".join(t for t in given_tokens + family_tokens if t.isdigit())
    given_tokens = [t for t in given_tokens if not t.isdigit()]
    family_tokens = [t for t in family_tokens if not t.isdigit()]
    # a middle initial the split left in the family part ('Lino' + 'E. Coria')
    while len(family_tokens) > 1 and len(family_tokens[0]) == 1 and family_tokens[0] not in PARTICLES:
        given_tokens.append(family_tokens.pop(0))
    core = tuple(t for t in family_tokens if t not in PARTICLES) or tuple(family_tokens)
    if not core and len(given_tokens) > 1 and len(given_tokens[-1]) > 1:
        core = (given_tokens.pop(),)  # a family part lost to junk (')'): the last given word stands in
    particles = tuple(t for t in family_tokens if t in PARTICLES and t not in core)
    # particles left in the given part ('Hado van' when the split put them there) are particles too
    while len(given_tokens) > 1 and given_tokens[-1] in PARTICLES:
        particles = (given_tokens.pop(),) + particles
    return PersonName(name, tuple(given_tokens), core, particles, qualifier)


def _formal(token: str) -> frozenset:
    return frozenset((token,) + NICKNAMES.get(token, ()))


def compare_tokens(a: str, b: str) -> Optional[str]:
    """'exact', 'initial' (one side an initial of the other), 'nickname', or None (conflict)."""
    if a == b:
        return "exact"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else None
    if _formal(a) & _formal(b):
        return "nickname"
    short, long = sorted((a, b), key=len)
    # 'Chris' ~ 'Christopher': a clipped form of >= 4 letters missing >= 2 letters ('Yan' vs 'Yang',
    # 'Jian' vs 'Jiang' are different names, not short forms)
    if len(short) >= 4 and long.startswith(short) and 2 <= len(long) - len(short) <= 8:
        return "nickname"
    return None


def _embed(short: Sequence[str], long: Sequence[str]) -> Optional[list[str]]:
    """Match `short` into `long` in order (exact or initial matches only); None if impossible."""
    results: list[str] = []
    j = 0
    for tok in short:
        while j < len(long):
            kind = compare_tokens(tok, long[j])
            j += 1
            if kind in ("exact", "initial"):
                results.append(kind)
                break
        else:
            return None
    return results


def _double_surname(a: PersonName, b: PersonName) -> Optional["NameMatch"]:
    """'Sergio Gómez' ~ 'Sergio Gómez Colmenarejo': the split put the first of two surnames
    among the given names; read it as part of the family name and compare again."""
    for x, y in ((a, b), (b, a)):
        # the given names left must still hold a full name ('C. Lee Giles': Lee is a middle name)
        if len(x.given) >= 2 and len(x.given[-1]) > 1 and x.given[-1] == y.family[0] \
                and any(len(t) > 1 for t in x.given[:-1]):
            alt = PersonName(x.display, x.given[:-1], (x.given[-1],) + x.family, x.particles, x.qualifier)
            match = compare_names(alt, y)
            if match.level:
                return NameMatch("family-partial", f"double surname ({' '.join(alt.family)}); {match.reason}")
    return None


@dataclass(frozen=True)
class NameMatch:
    level: Optional[str]  # one of LEVELS, or None when the names conflict
    reason: str


def compare_names(a: PersonName, b: PersonName) -> NameMatch:
    """Can these two spellings be one person, and how closely do they agree?"""
    if not a.family or not b.family:
        return NameMatch(None, "no family name")
    if a.qualifier and b.qualifier and a.qualifier != b.qualifier:
        return NameMatch(None, f"different homonym numbers ({a.qualifier} / {b.qualifier})")
    partial = False
    if a.family != b.family:
        sa, sb = set(a.family), set(b.family)
        if (sa < sb or sb < sa) and a.family[0] == b.family[0]:
            partial = True  # 'Castro' ~ 'Castro-Perez': a compound family name shortened
        else:
            double = _double_surname(a, b)
            if double:
                return double
            return NameMatch(None, f"family names differ ({' '.join(a.family)} / {' '.join(b.family)})")
    ga, gb = a.given, b.given
    if not ga or not gb:
        level = "family-partial" if partial else "initials"
        return NameMatch(level, "a given name is missing")
    if ga != gb and "".join(ga) == "".join(gb) and len("".join(ga)) > 2:
        # 'Hong-Jiang' ~ 'HongJiang' ~ 'Hong Jiang': one given name, spaced differently
        return NameMatch("family-partial" if partial else "subset", "given name spaced/hyphenated differently")
    # particles one side has and the other lacks may stand as middle names ('Le' ~ 'L.')
    ma = list(ga[1:]) + [p for p in a.particles if p not in b.particles]
    mb = list(gb[1:]) + [p for p in b.particles if p not in a.particles]
    notes: list[str] = []
    first = compare_tokens(ga[0], gb[0])
    dropped = False
    if first is None:
        # goes by a middle name: 'S. M. Ali Eslami' ~ 'Ali Eslami' (leading initials dropped)
        for x, y in ((ga, gb), (gb, ga)):
            for i in range(1, len(x)):
                if all(len(t) == 1 for t in x[:i]) and compare_tokens(x[i], y[0]) in ("exact", "nickname"):
                    first = compare_tokens(x[i], y[0])
                    rest_x, rest_y = list(x[i + 1:]), list(y[1:])
                    ma, mb = (rest_x, rest_y) if x is ga else (rest_y, rest_x)
                    dropped = True
                    notes.append(f"leading initials {' '.join(x[:i])} dropped")
                    break
            if first:
                break
        if first is None:
            return NameMatch(None, f"given names differ ({ga[0]} / {gb[0]})")
    if ma and mb:
        short, long = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
        embedded = _embed(short, long)
        if embedded is None:
            return NameMatch(None, f"middle names differ ({' '.join(ma)} / {' '.join(mb)})")
        if "initial" in embedded:
            notes.append("middle initial vs middle name")
        if len(short) != len(long):
            dropped = True
    elif ma or mb:
        dropped = True
        notes.append(f"middle/particle {' '.join(ma or mb)} dropped")
    if partial:
        return NameMatch("family-partial", "; ".join(["compound family name shortened"] + notes))
    if first == "nickname":
        return NameMatch("nickname", f"nickname {ga[0]} / {gb[0]}" + ("; " + "; ".join(notes) if notes else ""))
    if first == "initial" or (len(ga[0]) == 1 and len(gb[0]) == 1 and (dropped or notes)):
        return NameMatch("initials", "initials only agree" + ("; " + "; ".join(notes) if notes else ""))
    if a.qualifier != b.qualifier:  # 'Di Xu' may be any of the numbered 'Di Xu 0001', 'Di Xu 0002'
        notes.append("homonym number on one side only")
    if dropped or notes:
        return NameMatch("subset", "; ".join(notes))
    return NameMatch("exact", "same name")


# ------------------------------------------------------------------------------- mentions
@dataclass
class Mention:
    index: int
    record: int  # index into records; -1 for a page owner stated only by the page
    position: int
    page: str
    name: Optional[PersonName]  # None: an owner the page never names
    work: Optional[str] = None
    year: Optional[int] = None
    rid: str = ""  # the record's record_id: person ids hash these, not list positions

    @property
    def uid(self) -> str:
        return f"{self.page}#owner" if self.record < 0 else f"{self.rid}#{self.position}"


@dataclass
class Node:
    """A group of mentions already known to be one person, with its pooled context."""

    index: int
    mentions: list[int]
    kind: str  # "owner" (a page/site owner) or "author"
    label: str  # shown in explanations
    names: dict[str, PersonName] = field(default_factory=dict)  # key -> a spelling
    pages: set = field(default_factory=set)
    owner_pages: set = field(default_factory=set)
    works: set = field(default_factory=set)
    records: set = field(default_factory=set)
    coauthors: dict = field(default_factory=dict)  # co-author key -> first given names seen
    years: set = field(default_factory=set)
    affiliations: set = field(default_factory=set)  # folded affiliations of the pages a node owns

    @property
    def named(self) -> bool:
        return bool(self.names)

    def best_name(self) -> Optional[PersonName]:
        if not self.names:
            return None
        return max(self.names.values(), key=lambda n: (n.full, len([t for t in n.given if len(t) > 1]),
                                                       len(n.given), len(n.display), n.display))


@dataclass
class Link:
    a: int
    b: int
    same: bool
    level: Optional[str]
    reasons: list[str]
    strength: float = 0.0


@dataclass
class PeopleModel:
    records: list[Record]
    profiles: list[Profile]
    mentions: list[Mention]
    mention_of: dict[tuple[int, int], int]  # (record index, author position) -> mention index
    nodes: list[Node]
    node_of: list[int]  # mention index -> node index
    owner_units: list["OwnerUnit"]
    coauthor_graph: dict[str, set]
    links: list[Link] = field(default_factory=list)
    cannot: dict[int, set] = field(default_factory=dict)  # node -> nodes it may never join
    ambiguous_families: set = field(default_factory=set)
    owner_key_of_page: dict = field(default_factory=dict)
    root: list[int] = field(default_factory=list)  # node -> cluster representative node
    person_ids: dict[int, str] = field(default_factory=dict)  # cluster root -> person_id


@dataclass
class OwnerUnit:
    """The owner of one page, or of a site (several ownerless pages with one common author)."""

    pages: list[str]
    name: Optional[str]
    evidence: list[str]
    mentions: list[int] = field(default_factory=list)  # owner mentions (virtual + own entries)
    node: int = -1
    site_key: Optional[str] = None  # the co-author key naming a site's owner


# ----------------------------------------------------------------------------- owners
def _page_records(records: list[Record]) -> dict[str, list[int]]:
    by_page: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_page[r.page].append(i)
    return by_page


def _owner_position(record: Record, owner: PersonName) -> Optional[int]:
    """The author slot of a record that is the page owner (best name level; ties -> none)."""
    scored = []
    for pos, author in enumerate(record.authors):
        match = compare_names(owner, parse_person(author.name, author.given, author.family))
        if match.level:
            scored.append((STRENGTH[match.level], pos))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _site_groups(records: list[Record], profiles: list[Profile], by_page: dict[str, list[int]]) -> list[OwnerUnit]:
    """Ownerless pages of one folder (e.g. one publication per file, or a Hugo bundle's index.md
    and cite.bib) that belong to one owner. Two signals, both conservative:
    - one author is the unique most-shared author of each page, on at least two pages: that
      author is the site's owner;
    - otherwise, pages holding exactly the same works (the same paper in two formats) are one
      site whose owner stays unnamed (every author is shared, so none can be chosen)."""
    candidates: dict[str, list[str]] = defaultdict(list)
    for p in profiles:
        # a paper page (arXiv abstract) is nobody's profile: two of them sharing an author are no site
        if p.person or p.kind not in OWNERLESS_KINDS or not by_page.get(p.page):
            continue
        if any("owner-implicit" in records[i].flags for i in by_page[p.page]):
            continue
        candidates[os.path.dirname(p.page)].append(p.page)
    units = []
    for folder, pages in sorted(candidates.items()):
        if len(pages) < 2:
            continue
        keys_of: dict[str, set] = {}
        for page in pages:
            keys_of[page] = {parse_person(a.name, a.given, a.family).loose
                             for i in by_page[page] for a in records[i].authors}
            keys_of[page].discard("_")
        coverage = Counter(k for ks in keys_of.values() for k in ks)
        chosen: dict[str, list[str]] = defaultdict(list)
        unresolved: list[str] = []
        for page in sorted(pages):
            ranked = sorted(((coverage[k], k) for k in keys_of[page]), reverse=True)
            if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
                unresolved.append(page)
                continue
            chosen[ranked[0][1]].append(page)
        for key, site_pages in sorted(chosen.items()):
            if len(site_pages) < 2:
                continue
            units.append(OwnerUnit(
                pages=sorted(site_pages), name=None, site_key=key,
                evidence=[f"site owner: the one author common to {len(site_pages)} ownerless pages of "
                          f"{folder or '.'} [{key}]"]))
        same_works: dict[tuple, list[str]] = defaultdict(list)
        for page in unresolved:
            works = tuple(sorted({records[i].work_id or records[i].record_id for i in by_page[page]}))
            same_works[works].append(page)
        for works, site_pages in sorted(same_works.items()):
            if len(site_pages) >= 2:
                units.append(OwnerUnit(
                    pages=sorted(site_pages), name=None,
                    evidence=[f"{len(site_pages)} ownerless pages of {folder or '.'} hold the same "
                              f"{len(works)} work(s): one site; its owner is not named"]))
    return units


# ------------------------------------------------------------------------------ building
def build_model(records: list[Record], profiles: list[Profile]) -> PeopleModel:
    records = list(records)
    by_page = _page_records(records)
    mentions: list[Mention] = []
    mention_of: dict[tuple[int, int], int] = {}
    for i, r in enumerate(records):
        for pos, a in enumerate(r.authors):
            m = Mention(len(mentions), i, pos, r.page, parse_person(a.name, a.given, a.family), r.work_id, r.year,
                        r.record_id or f"{r.page}#{r.position}")
            mention_of[(i, pos)] = m.index
            mentions.append(m)

    # owner units: named pages, implicit-owner pages, sites, and other ownerless profile pages
    units: list[OwnerUnit] = []
    site_units = _site_groups(records, profiles, by_page)
    in_site = {p for u in site_units for p in u.pages}
    for p in sorted(profiles, key=lambda p: p.page):
        if p.page in in_site or p.kind in NO_OWNER_KINDS:
            continue
        if p.person:
            units.append(OwnerUnit([p.page], p.person, [f"{p.page}: owner named by the page ('{p.person}')"]))
        elif any("owner-implicit" in records[i].flags for i in by_page.get(p.page, [])):
            units.append(OwnerUnit([p.page], None, [f"{p.page}: owner never named (entries list only co-authors)"]))
        elif p.kind in OWNERLESS_KINDS and by_page.get(p.page):
            units.append(OwnerUnit([p.page], None, [f"{p.page}: no owner found on the page"]))
    owner_mentions: set[int] = set()
    for unit in units:
        owner = parse_person(unit.name) if unit.name else None
        virtual = Mention(len(mentions), -1, 0, unit.pages[0], owner)
        mentions.append(virtual)
        unit.mentions.append(virtual.index)
        if owner:
            for i in by_page[unit.pages[0]]:
                pos = _owner_position(records[i], owner)
                if pos is not None:
                    unit.mentions.append(mention_of[(i, pos)])
    for unit in site_units:
        key = unit.site_key
        spellings = []
        for page in unit.pages:
            for i in by_page[page]:
                hits = [pos for pos, m in enumerate(mentions[mention_of[(i, p)]] for p in range(len(records[i].authors)))
                        if m.name and m.name.loose == key]
                if key and len(hits) == 1:
                    unit.mentions.append(mention_of[(i, hits[0])])
                    spellings.append(records[i].authors[hits[0]].name)
        best = max(Counter(spellings).items(), key=lambda kv: (len(kv[0].split()), kv[1], len(kv[0]), kv[0]))[0] \
            if spellings else None
        unit.name = best
        if best:  # a namesake under the same key ('Diego Castro' beside 'David Castro') is not the owner
            anchor = parse_person(best)
            unit.mentions = [m for m in unit.mentions if compare_names(anchor, mentions[m].name).level]
        virtual = Mention(len(mentions), -1, 0, unit.pages[0], parse_person(best) if best else None)
        mentions.append(virtual)
        unit.mentions.insert(0, virtual.index)
        units.append(unit)
    for unit in units:
        owner_mentions.update(unit.mentions)
    units.sort(key=lambda u: u.pages)

    # nodes: one per owner unit, then exact full names, then initials-only names per page
    nodes: list[Node] = []
    node_of = [-1] * len(mentions)
    for unit in units:
        node = Node(len(nodes), sorted(set(unit.mentions)), "owner", f"owner of {', '.join(unit.pages)}")
        unit.node = node.index
        nodes.append(node)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for m in mentions:
        if m.index in owner_mentions or m.name is None:
            continue
        if not m.name.family:  # nothing to compare: a person of its own
            groups[("", m.uid)].append(m.index)
            continue
        groups[(m.name.key,) if m.name.full else (m.name.key, m.page)].append(m.index)
    for key, members in sorted(groups.items()):
        nodes.append(Node(len(nodes), members, "author", mentions[members[0]].name.display or "(no name)"))
    for node in nodes:
        for mi in node.mentions:
            node_of[mi] = node.index
    # one name slot may sit in two units only if pages overlap; the first unit keeps it
    model = PeopleModel(records, profiles, mentions, mention_of, nodes, node_of, units, {})
    _pool_context(model)
    return model


def _pool_context(model: PeopleModel) -> None:
    records, mentions = model.records, model.mentions
    affiliations_of = {p.page: p.affiliations for p in model.profiles}
    for unit in model.owner_units:
        node = model.nodes[unit.node]
        node.owner_pages.update(unit.pages)
        node.affiliations.update(fold(a) for page in unit.pages for a in affiliations_of.get(page, []) if fold(a))
    page_works: dict[str, set] = defaultdict(set)
    for r in records:
        if r.work_id:
            page_works[r.page].add(r.work_id)
    # co-author keys per record, once; consortium-size lists keep their head and tail only
    # (a 3,000-author paper says little about any one pair, and all pairs would cost n^2)
    context: list[list[tuple[str, str]]] = []
    for r in records:
        authors = r.authors if len(r.authors) <= MAX_CONTEXT_AUTHORS else \
            r.authors[:MAX_CONTEXT_AUTHORS - 20] + r.authors[-20:]
        names = [parse_person(a.name, a.given, a.family) for a in authors]
        context.append([(n.loose, n.given[0] if n.given else "") for n in names])
    graph: dict[str, set] = defaultdict(set)
    for keys in context:
        loose = {k for k, _ in keys}
        for k in loose:
            graph[k].update(loose)
    for k, v in graph.items():
        v.discard(k)
    model.coauthor_graph = graph
    for node in model.nodes:
        for mi in node.mentions:
            m = mentions[mi]
            if m.name:
                node.names.setdefault(m.name.key, m.name)
            node.pages.add(m.page)
            if m.record < 0:
                # a page owner: all works of the pages they own are theirs
                for page in node.owner_pages:
                    node.works.update(page_works.get(page, ()))
                continue
            node.records.add(m.record)
            if m.work:
                node.works.add(m.work)
            if m.year:
                node.years.add(m.year)
            own = m.name.loose
            coauthors = node.coauthors
            for loose, first in context[m.record]:
                if loose != own:
                    if loose in coauthors:
                        coauthors[loose].add(first)
                    else:
                        coauthors[loose] = {first}


# ---------------------------------------------------------------------------- evidence
@dataclass
class Evidence:
    shared_works: int
    shared_coauthors: list[str]
    shared_coauthors_not_owner: list[str]
    two_hop: list[str]
    same_record: bool
    family_block_ambiguous: bool


def _owner_keys(model: PeopleModel, pages: Iterable[str]) -> set:
    if not model.owner_key_of_page:
        for unit in model.owner_units:
            for page in unit.pages:
                model.owner_key_of_page[page] = parse_person(unit.name).loose if unit.name else ""
    return {model.owner_key_of_page[p] for p in pages if model.owner_key_of_page.get(p)}


def evidence_between(model: PeopleModel, a: Node, b: Node, two_hop_needed: bool = True) -> Evidence:
    own = {n.loose for n in a.names.values()} | {n.loose for n in b.names.values()}
    # a co-author key counts when some spellings agree ('Bartek' ~ 'Bartłomiej'), not 'Jane' vs 'John'
    shared = sorted(k for k in (set(a.coauthors) & set(b.coauthors)) - own
                    if any(not x or not y or compare_tokens(x, y) for x in a.coauthors[k] for y in b.coauthors[k]))
    owners = _owner_keys(model, a.pages | b.pages)
    not_owner = [k for k in shared if k not in owners]
    two_hop: list[str] = []
    if not shared and two_hop_needed:
        graph = model.coauthor_graph
        reach_b = set().union(*(graph.get(k, set()) for k in b.coauthors)) if b.coauthors else set()
        reach_a = set().union(*(graph.get(k, set()) for k in a.coauthors)) if a.coauthors else set()
        two_hop = sorted(((set(a.coauthors) & reach_b) | (set(b.coauthors) & reach_a)) - own - owners)
    families = {n.family[0] for n in list(a.names.values()) + list(b.names.values()) if n.family}
    return Evidence(
        shared_works=len(a.works & b.works),
        shared_coauthors=shared,
        shared_coauthors_not_owner=not_owner,
        two_hop=two_hop,
        same_record=bool(a.records & b.records),
        family_block_ambiguous=bool(families & model.ambiguous_families),
    )


def _shared_affiliation(a: Node, b: Node) -> Optional[str]:
    """An affiliation both owners' pages state ('DeepMind' ~ 'Google DeepMind')."""
    for x in sorted(a.affiliations):
        for y in sorted(b.affiliations):
            short, long = sorted((x, y), key=len)
            if short == long or (len(short) >= 6 and f" {short} " in f" {long} "):
                return short
    return None


def _year_gap(a: Node, b: Node) -> Optional[int]:
    """Years between the two publication spans (0 when they overlap); None when undated."""
    if not a.years or not b.years:
        return None
    return max(0, min(b.years) - max(a.years), min(a.years) - max(b.years))


def _span(node: Node) -> str:
    lo, hi = min(node.years), max(node.years)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def _best_match(a: Node, b: Node) -> NameMatch:
    """The closest agreement between any two spellings; any conflict wins (kept apart)."""
    best: Optional[NameMatch] = None
    for x in a.names.values():
        for y in b.names.values():
            match = compare_names(x, y)
            if match.level is None:
                return NameMatch(None, f"'{x.display}' vs '{y.display}': {match.reason}")
            if best is None or STRENGTH[match.level] > STRENGTH[best.level]:
                best = NameMatch(match.level, f"'{x.display}' vs '{y.display}': {match.reason}")
    return best or NameMatch(None, "no name to compare")


def decide(model: PeopleModel, a: Node, b: Node) -> Link:
    """Same person? The weaker the name agreement, the more shared context it needs."""
    if a.kind == "owner" and b.kind == "owner" and (not a.named or not b.named):
        return _decide_unnamed_owner(model, a, b)
    match = _best_match(a, b)
    reasons = [f"names: {match.reason}" + (f" [{match.level}]" if match.level else " [conflict]")]
    if match.level is None:
        return Link(a.index, b.index, False, None, reasons)
    # co-authors of co-authors are only ever needed for a dropped middle name without direct context
    ev = evidence_between(model, a, b, two_hop_needed=match.level == "subset")
    ctx = []
    if ev.shared_works:
        ctx.append(f"{ev.shared_works} shared work(s)")
    if ev.shared_coauthors:
        ctx.append(f"shared co-authors {', '.join(ev.shared_coauthors[:6])}"
                   + (f" (+{len(ev.shared_coauthors) - 6})" if len(ev.shared_coauthors) > 6 else "")
                   + ("" if ev.shared_coauthors_not_owner else " (page owners only)"))
    if ev.two_hop:
        ctx.append(f"co-authors of co-authors {', '.join(ev.two_hop[:4])}")
    ctx.append("family-name block ambiguous" if ev.family_block_ambiguous else "family-name block unambiguous")
    gap = _year_gap(a, b)
    if gap is not None:
        ctx.append(f"years {_span(a)} / {_span(b)}")
    reasons.append("context: " + "; ".join(ctx))
    if ev.same_record:
        return Link(a.index, b.index, False, match.level, reasons + ["authors of one record are different people"])
    if gap is not None and gap > MAX_YEAR_GAP and match.level != "exact" and not ev.shared_works:
        # a variant spelling decades away from every other appearance is more likely a namesake
        return Link(a.index, b.index, False, match.level, reasons + [f"different: {gap} years between appearances"])
    direct = ev.shared_works > 0 or len(ev.shared_coauthors) > 0
    strong = ev.shared_works > 0 or len(ev.shared_coauthors_not_owner) > 0 or len(ev.shared_coauthors) >= 2
    level = match.level
    full_both = all(n.full for n in a.names.values()) and all(n.full for n in b.names.values())
    if a.kind == "owner" and b.kind == "owner":
        # two pages' owners: a shared name is not enough (homonyms); pages must share a work, a
        # co-author, or (for an exact full name) an affiliation
        affiliation = _shared_affiliation(a, b) if level == "exact" and full_both else None
        same = ev.shared_works > 0 or len(ev.shared_coauthors_not_owner) > 0 or bool(affiliation)
        why = ("page owners share works/co-authors" if ev.shared_works or ev.shared_coauthors_not_owner
               else f"same full name and affiliation ({affiliation})" if affiliation
               else "page owners share no work, co-author or affiliation (possible homonyms)")
        if level in ("nickname", "family-partial") and not strong:
            same, why = False, "page owners' names only loosely agree and context is thin"
    elif level == "exact" and full_both:
        same, why = True, "same full name, nothing contradicts"
    elif level == "exact":
        same, why = direct, ("initials-only name with shared context" if direct else "initials-only name, no shared context")
    elif level == "subset":
        same = direct or (bool(ev.two_hop) and not ev.family_block_ambiguous)
        why = "middle name/initials dropped, " + ("shared context" if direct else
                                                  "co-authors of co-authors in an unambiguous family block" if same
                                                  else "no shared context")
    elif level == "initials":
        same, why = direct, ("initials agree, shared context" if direct else "initials agree but no shared context")
    else:  # nickname, family-partial
        same, why = strong, (f"{level} with shared works/co-authors" if strong else f"{level} needs shared works or co-authors")
    strength = STRENGTH[level] * 10 + min(ev.shared_works, 5) + min(len(ev.shared_coauthors), 5) / 5
    return Link(a.index, b.index, same, level, reasons + [("same person: " if same else "different: ") + why], strength)


def _decide_unnamed_owner(model: PeopleModel, a: Node, b: Node) -> Link:
    """An owner the page never names joins a named owner only on strong evidence: most of the
    page's works are the other's works, and the named owner is not among those entries' authors."""
    unnamed, named = (a, b) if not a.named else (b, a)
    shared = unnamed.works & named.works
    reasons = [f"unnamed owner of {', '.join(sorted(unnamed.owner_pages))}"]
    if not named.named:
        return Link(a.index, b.index, False, None, reasons + ["different: both owners unnamed"])
    listed = len(shared) >= 3 and any(
        compare_names(nm, parse_person(au.name, au.given, au.family)).level
        for r in model.records if r.page in unnamed.owner_pages and r.work_id in shared
        for au in r.authors for nm in named.names.values())
    strong = len(shared) >= 3 and len(shared) * 2 >= max(len(unnamed.works), 1) and not listed
    why = (f"same person: {len(shared)} of {len(unnamed.works)} works shared and the named owner is not in "
           f"those author lists" if strong else f"different: {len(shared)} shared work(s) is not strong evidence"
           + (" (the named owner is listed as a co-author there)" if listed else ""))
    return Link(a.index, b.index, strong, None, reasons + [why], 100.0 if strong else 0.0)


# ---------------------------------------------------------------------------- clustering
def _blocks(model: PeopleModel) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for node in model.nodes:
        comps = {c for n in node.names.values() for c in n.family}
        # a first surname the split left among the given names ('Sergio Gómez Colmenarejo')
        comps |= {n.given[-1] for n in node.names.values() if len(n.given) >= 2 and len(n.given[-1]) > 1}
        for c in comps:
            blocks[c].append(node.index)
    # a family block is ambiguous when two of its spellings conflict on given names
    for fam, members in blocks.items():
        seen: list[PersonName] = []
        for ni in members:
            for n in model.nodes[ni].names.values():
                if len(seen) < 60 and any(compare_names(n, s).level is None and n.family == s.family for s in seen):
                    model.ambiguous_families.add(fam)
                seen.append(n)
            if fam in model.ambiguous_families:
                break
    final: dict[str, list[int]] = {}
    for fam, members in blocks.items():
        if len(members) <= MAX_BLOCK:
            final[fam] = members
            continue
        # too large to compare all pairs: split by the initials of the formal given names
        sub: dict[str, list[int]] = defaultdict(list)
        for ni in members:
            initials = {f[0] for n in model.nodes[ni].names.values() if n.given for f in _formal(n.given[0])}
            for ch in initials or {""}:
                sub[f"{fam}/{ch}"].append(ni)
        final.update(sub)
    return final


class _Clusters:
    """Union-find refusing unions that would join conflicting spellings or cannot-link nodes."""

    def __init__(self, model: PeopleModel):
        self.model = model
        self.parent = list(range(len(model.nodes)))
        self.members = [{i} for i in range(len(model.nodes))]
        self.names = [dict(n.names) for n in model.nodes]
        self.records = [set(n.records) for n in model.nodes]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def blocked(self, a: int, b: int) -> Optional[str]:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        for x in self.members[ra]:
            if self.model.cannot.get(x, set()) & self.members[rb]:
                return "judged different people"
        if self.records[ra] & self.records[rb]:
            return "authors of one record"
        for x in self.names[ra].values():
            for y in self.names[rb].values():
                if compare_names(x, y).level is None:
                    return f"'{x.display}' and '{y.display}' conflict"
        return None

    def union(self, a: int, b: int) -> Optional[str]:
        why = self.blocked(a, b)
        if why:
            return why
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb:
            return None
        self.parent[rb] = ra
        self.members[ra] |= self.members[rb]
        self.members[rb] = set()
        self.names[ra].update(self.names[rb])
        self.records[ra] |= self.records[rb]
        return None


def cluster_people(model: PeopleModel) -> PeopleModel:
    blocks = _blocks(model)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        ms = sorted(set(members))
        for x in range(len(ms)):
            for y in range(x + 1, len(ms)):
                pairs.add((ms[x], ms[y]))
    # unnamed owners are compared with every named owner (few pages: cheap)
    # unnamed owners are compared with the owners they share a work with (others cannot qualify)
    owners_of_work: dict[str, set] = defaultdict(set)
    for u in model.owner_units:
        for w in model.nodes[u.node].works:
            owners_of_work[w].add(u.node)
    for u in model.owner_units:
        if model.nodes[u.node].named:
            continue
        for w in sorted(model.nodes[u.node].works):
            for other in owners_of_work[w]:
                if other != u.node:
                    pairs.add((min(u.node, other), max(u.node, other)))
    links = [decide(model, model.nodes[a], model.nodes[b]) for a, b in sorted(pairs)]
    for link in links:
        if not link.same and model.nodes[link.a].kind == "owner" and model.nodes[link.b].kind == "owner":
            model.cannot.setdefault(link.a, set()).add(link.b)
            model.cannot.setdefault(link.b, set()).add(link.a)
    clusters = _Clusters(model)
    for link in sorted((l for l in links if l.same), key=lambda l: (-l.strength, l.a, l.b)):
        refused = clusters.union(link.a, link.b)
        if refused:
            link.reasons.append(f"refused when clustering: {refused}")
    model.links = links
    model.root = [clusters.find(i) for i in range(len(model.nodes))]
    members: dict[int, list[str]] = defaultdict(list)
    for node in model.nodes:
        members[model.root[node.index]].extend(model.mentions[m].uid for m in node.mentions)
    model.person_ids = {root: content_hash(sorted(uids), prefix="p") for root, uids in members.items()}
    return model


def person_of_mention(model: PeopleModel, mention: int) -> Optional[str]:
    node = model.node_of[mention]
    return model.person_ids.get(model.root[node]) if node >= 0 else None


# ----------------------------------------------------------------------------- outputs
def assign_people(records: list[Record], profiles: list[Profile], works: list[Work]) -> tuple[PeopleModel, list[Researcher]]:
    """Set `person_id` on every author of every record (and of the merged works), and build one
    researcher per page-owner identity. Records must already carry work ids."""
    model = cluster_people(build_model(records, profiles))
    for (ri, pos), mi in model.mention_of.items():
        records[ri].authors[pos].person_id = person_of_mention(model, mi)
    by_record = {r.record_id: r for r in records}
    for work in works:
        src = by_record.get(work.provenance.get("authors") or "")
        if src is not None and len(src.authors) == len(work.authors):
            for author, source in zip(work.authors, src.authors):
                author.person_id = source.person_id
    return model, build_researchers(model, works)


def _cluster_label(model: PeopleModel, node: Node) -> str:
    pages = sorted(p for u in model.owner_units if model.root[u.node] == model.root[node.index] for p in u.pages)
    return "owner of " + ", ".join(pages) if pages else node.label


def build_researchers(model: PeopleModel, works: list[Work]) -> list[Researcher]:
    year_of = {w.work_id: w.year for w in works}
    profile_of = {p.page: p for p in model.profiles}
    by_root: dict[int, list[OwnerUnit]] = defaultdict(list)
    for unit in model.owner_units:
        by_root[model.root[unit.node]].append(unit)
    merges = defaultdict(list)
    for link in model.links:
        a, b = model.nodes[link.a], model.nodes[link.b]
        if a.kind != "owner" or b.kind != "owner":
            continue
        if model.root[link.a] == model.root[link.b]:
            merges[model.root[link.a]].append(f"{a.label} ~ {b.label}: {link.reasons[-1]}")
        elif link.level or ((not a.named or not b.named) and a.works & b.works):
            # kept apart although names agree (or works overlap with an unnamed owner): say why
            for x, y in ((a, b), (b, a)):
                merges[model.root[x.index]].append(f"kept apart from {_cluster_label(model, y)}: {link.reasons[-1]}")
    nodes_of_root: dict[int, list[Node]] = defaultdict(list)
    for n in model.nodes:
        nodes_of_root[model.root[n.index]].append(n)
    works_of_page: dict[str, set] = defaultdict(set)
    for r in model.records:
        if r.work_id:
            works_of_page[r.page].add(r.work_id)
    researchers = []
    for root, units in by_root.items():
        pages = sorted(p for u in units for p in u.pages)
        cluster_nodes = nodes_of_root[root]
        variants = sorted({model.mentions[m].name.display for n in cluster_nodes for m in n.mentions
                           if model.mentions[m].name})
        names = [n.best_name() for n in cluster_nodes if n.kind == "owner" and n.named]
        best = max(names, key=lambda n: (n.full, len([t for t in n.given if len(t) > 1]), len(n.given),
                                         len(n.display), n.display)) if names else None
        work_ids = sorted(set().union(*(works_of_page[p] for p in pages)))
        by_year = Counter(str(year_of.get(w)) if year_of.get(w) else "undated" for w in work_ids)
        affiliations = sorted({(a, p) for p in pages for a in (profile_of[p].affiliations if p in profile_of else [])},
                              key=lambda ap: (ap[1], ap[0]))
        evidence = [e for u in units for e in u.evidence]
        said: set[str] = set()
        for line in sorted(set(merges.get(root, []))):
            head = line.split(": ", 1)[0]  # one reason per other cluster is enough
            if not (head.startswith("kept apart") and head in said):
                evidence.append(line)
                said.add(head)
        researchers.append(Researcher(
            researcher_id=content_hash(pages, prefix="R"),
            name=best.display if best else None,
            name_variants=variants,
            pages=pages,
            affiliations=[ResearcherAffiliation(name=a, page=p) for a, p in affiliations],
            person_id=model.person_ids.get(root),
            work_ids=work_ids,
            n_works=len(work_ids),
            counts_by_year=dict(sorted(by_year.items())),
            evidence=evidence,
        ))
    return sorted(researchers, key=lambda r: (r.pages, r.researcher_id))


# ---------------------------------------------------------------------------- explain
def explain_mentions(model: PeopleModel, first: int, second: int) -> list[str]:
    """Why two author mentions are, or are not, the same person."""
    ma, mb = model.mentions[first], model.mentions[second]
    na, nb = model.node_of[first], model.node_of[second]
    lines = [f"A: {ma.name.display if ma.name else '(unnamed)'} ({_where(model, ma)})",
             f"B: {mb.name.display if mb.name else '(unnamed)'} ({_where(model, mb)})"]
    pa, pb = person_of_mention(model, first), person_of_mention(model, second)
    if na == nb:
        node = model.nodes[na]
        why = ("both are the page owner's own entries" if node.kind == "owner"
               else "same name once accents, punctuation and particles are folded")
        if node.kind == "owner":
            unit = next(u for u in model.owner_units if u.node == na)
            lines += [f"  {e}" for e in unit.evidence]
            names = [model.mentions[m].name for m in (first, second) if model.mentions[m].name]
            if len(names) == 2:
                lines.append(f"  names: {compare_names(*names).reason or 'same name'}")
        lines.append(f"decision: SAME person ({pa}): {why}")
        return lines
    link = decide(model, model.nodes[na], model.nodes[nb])
    lines += ["  " + r for r in link.reasons]
    if pa == pb:
        path = _path(model, na, nb)
        lines.append(f"decision: SAME person ({pa})" + (f", linked through {' -> '.join(path)}" if path else ""))
    else:
        lines.append(f"decision: DIFFERENT people ({pa} / {pb})")
        if link.same:
            refused = [r for r in (next((l for l in model.links if {l.a, l.b} == {na, nb}), link).reasons)
                       if r.startswith("refused")]
            lines.append("  the pair alone would link, but " + (refused[0] if refused else "the clusters conflict"))
    return lines


def _where(model: PeopleModel, m: Mention) -> str:
    if m.record < 0:
        return f"owner of {m.page}"
    r = model.records[m.record]
    return f"{r.record_id} author {m.position} on {r.page}, {r.year or 'undated'}: {(r.title or 'untitled')[:60]}"


def _path(model: PeopleModel, start: int, goal: int) -> list[str]:
    """Shortest chain of accepted links between two nodes (for explanations)."""
    adj: dict[int, list[int]] = defaultdict(list)
    for l in model.links:
        if l.same and not any(r.startswith("refused") for r in l.reasons):
            adj[l.a].append(l.b)
            adj[l.b].append(l.a)
    prev = {start: start}
    queue = [start]
    while queue:
        x = queue.pop(0)
        if x == goal:
            break
        for y in sorted(adj[x]):
            if y not in prev:
                prev[y] = x
                queue.append(y)
    if goal not in prev:
        return []
    chain = [goal]
    while chain[-1] != start:
        chain.append(prev[chain[-1]])
    return [model.nodes[i].label for i in reversed(chain)]
