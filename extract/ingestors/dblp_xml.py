"""DBLP XML: person files (dblp.org/pid/<pid>.xml, root <dblpperson>), dump slices (root <dblp>)
and hand-written fragments (any root holding dblp-format records).

Records are <article|inproceedings|proceedings|book|incollection|phdthesis|mastersthesis|data>
elements (usually inside <r>). The <person>, <homonyms> and <coauthors> blocks of a person file
are not publications. DTD entities (&ouml;) are expanded from the built-in HTML table by
`safe_xml`; no DTD is read. Homonym numbers ("Di Xu 0001") are removed from names.
Kind: `listing` for a person file or records that all share one author, `paper` for a single
record, `search-results` for records of many people.
"""
from __future__ import annotations

from typing import Optional

from extract.fields.ids import find_arxiv, normalise_doi
from extract.fields.names import name_key
from extract.fields.safe_xml import child, child_text, children, local, page_xml, text_of
from extract.fields.structured import strip_homonym
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "dblp_xml"

RECORD_TAGS = frozenset({"article", "inproceedings", "proceedings", "book", "incollection", "phdthesis",
                         "mastersthesis", "data"})
# blocks of a person file that hold people, not publications
_NOT_RECORDS = frozenset({"person", "homonyms", "coauthors", "www"})
_DBLP_KEY_PREFIXES = ("journals/", "conf/", "books/", "phd/", "series/", "reference/", "persons/", "ms/",
                      "tr/", "www/", "homepages/", "data/", "informal/")


def _records(root) -> list:
    """Record elements in document order, skipping the people blocks of a person file."""
    found, stack = [], list(reversed(list(root)))
    while stack:
        element = stack.pop()
        name = local(element)
        if name in RECORD_TAGS and child(element, "title") is not None:
            found.append(element)
        elif name not in _NOT_RECORDS and len(element):
            stack.extend(reversed(list(element)))
    return found


def _looks_dblp(root) -> bool:
    if root is None:
        return False
    if local(root) in ("dblpperson", "dblp"):
        return True
    records = _records(root)
    if not records:
        return False
    keyed = sum(1 for r in records if (r.get("key") or "").startswith(_DBLP_KEY_PREFIXES))
    with_people = sum(1 for r in records if child(r, "author") is not None or child(r, "editor") is not None)
    return keyed >= len(records) / 2 or (with_people == len(records) and all(child(r, "year") is not None for r in records))


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    head = page.text[:3000].lower()
    if "<dblpperson" in head or "<dblp>" in head or "<dblp " in head or 'doctype dblp' in head:
        return 0.98
    if not any(f"<{tag}" in page.text[:200_000] for tag in RECORD_TAGS):
        return 0.0
    return 0.9 if _looks_dblp(page_xml(page).root) else 0.0


def _person(element) -> Optional[tuple[str, str]]:
    name = strip_homonym(text_of(element))
    return (name, element.get("pid") or name_key(name)) if name else None


def _entry(record) -> tuple[Entry, list[str]]:
    authors = [p for p in (_person(a) for a in children(record, "author")) if p]
    editors = [p for p in (_person(e) for e in children(record, "editor")) if p]
    kind = local(record)
    venue = child_text(record, "journal") or child_text(record, "booktitle")
    if not venue and kind in ("phdthesis", "mastersthesis"):
        venue = child_text(record, "school")
    if not venue and kind in ("book", "proceedings"):
        venue = child_text(record, "series")
    urls, arxiv, doi = [], None, None
    for ee in children(record, "ee"):
        url = text_of(ee)
        if not url:
            continue
        urls.append(url)
        if "doi.org/" in url and not doi:
            doi = normalise_doi(url)
        arxiv = arxiv or find_arxiv(url)
    note = None
    people = authors
    if not authors and editors:
        # an edited volume: its editors are the people it is listed under
        people, note = editors, "editors"
    elif editors:
        note = "editors: " + ", ".join(name for name, _ in editors)
    if kind in ("phdthesis", "mastersthesis"):
        note = "PhD thesis" if kind == "phdthesis" else "Master's thesis"
    entry = Entry(
        title=text_of(child(record, "title")),
        authors=[name for name, _ in people],
        year=child_text(record, "year") or None,
        venue=venue or None,
        arxiv=arxiv,
        doi=doi,
        urls=urls,
        note=note,
        flags=[] if people else ["no-authors"],
    )
    return entry, [pid for _, pid in people]


def parse(page: Page) -> PageParse:
    doc = page_xml(page)
    root = doc.root
    evidence = ["DTD entity declarations refused (not expanded)"] if doc.refused_entities else []
    if root is None:
        return PageParse(kind="search-results", evidence=evidence + ["no XML could be read"])
    entries, people = [], []
    for record in _records(root):
        entry, ids = _entry(record)
        entries.append(entry)
        people.append(ids)
    if local(root) == "dblpperson":
        person = strip_homonym(root.get("name") or "") or None
        affiliations = []
        header = child(root, "person")
        if header is not None:
            if not person:
                person = strip_homonym(child_text(header, "author")) or None
            affiliations = [text_of(n) for n in children(header, "note")
                            if (n.get("type") or "") == "affiliation" and text_of(n)]
        evidence.append(f"DBLP person file of '{person}'")
        return PageParse(kind="listing", person=person, affiliations=affiliations, entries=entries, evidence=evidence)
    if len(entries) == 1:
        return PageParse(kind="paper", entries=entries, evidence=evidence + ["a single DBLP record"])
    shared = _shared_person(entries, people)
    if shared:
        evidence.append(f"every record has author '{shared}'")
        return PageParse(kind="listing", person=shared, entries=entries, evidence=evidence)
    evidence.append(f"DBLP records of several people (root <{local(root)}>)")
    return PageParse(kind="search-results", entries=entries, evidence=evidence)


def _shared_person(entries: list[Entry], people: list[list[str]]) -> Optional[str]:
    """The author (by DBLP pid, else by name) on every record, when there is one."""
    if len(entries) < 2 or any(not ids for ids in people):
        return None
    common = set(people[0])
    for ids in people[1:]:
        common &= set(ids)
    if len(common) != 1:
        return None
    pid = common.pop()
    index = people[0].index(pid)
    return entries[0].authors[index]
