"""MODS XML (Library of Congress; Zotero, library catalogues and repositories export it):
`<modsCollection><mods>…</mods></modsCollection>` or a single `<mods>`.

    <titleInfo><nonSort>The</nonSort><title>carbon pump</title><subTitle>observations</subTitle></titleInfo>
    <name type="personal"><namePart type="family">Sørensen</namePart><namePart type="given">Mette</namePart>
          <role><roleTerm>aut</roleTerm></role></name>            <- or one namePart "Family, Given"
    <originInfo><dateIssued>2020</dateIssued><publisher>…</publisher></originInfo>
    <relatedItem type="host"><titleInfo><title>Journal or book</title></titleInfo>
          <part><date>2021-04</date></part></relatedItem>

Authors are the names whose role is author (or that name no role); editors (`edt`) are people
of the host book. The venue is the host's title; else, for a book, report or thesis, the
publisher. The year is `dateIssued`, else the host part's date. Data sets and software
(`typeOfResource`, `genre`) are left out. Kind `listing` when one author is on most records.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import find_year
from extract.fields.ids import normalise_doi
from extract.fields.names import invert_name
from extract.fields.safe_xml import child, children, local, page_xml, text_of
from extract.fields.structured import listing_or_search_results
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "mods_xml"

MAX_RECORDS = 20_000
_NOT_PUBLICATION_RE = re.compile(r"(?i)\b(?:dataset|data set|software|computer program|cartographic|moving image|"
                                 r"sound recording|still image|three dimensional object)\b")
_AUTHOR_ROLES = {"aut", "author", "cre", "creator"}
_EDITOR_ROLES = {"edt", "editor"}


def _title(title_info) -> str:
    if title_info is None:
        return ""
    parts = [text_of(child(title_info, "nonSort")), text_of(child(title_info, "title"))]
    title = " ".join(p for p in parts if p).replace("  ", " ")
    subtitle = text_of(child(title_info, "subTitle"))
    if subtitle:
        title = f"{title.rstrip(' :')}: {subtitle}"
    return title


def _main_title_info(mods):
    """The work's own titleInfo (not an abbreviated, translated or alternative one)."""
    infos = list(children(mods, "titleInfo"))
    plain = [t for t in infos if not t.get("type")]
    return (plain or infos or [None])[0]


def _person(name_element) -> tuple["str | Author", str]:
    """(display name, role) of a <name>: "Given Family" from typed parts or "Family, Given"."""
    parts = list(children(name_element, "namePart"))
    family = " ".join(text_of(p) for p in parts if p.get("type") == "family")
    given = " ".join(text_of(p) for p in parts if p.get("type") == "given")
    if name_element.get("type") == "corporate":
        body = " ".join(text_of(p) for p in parts) or text_of(name_element)
        display = Author(name=body, family=body) if body else ""
    elif family:
        display = f"{given} {family}".strip()
        # the typed parts say where the family name starts ("García Márquez"): kept as given
        display = Author(name=display, given=given or None, family=family)
    else:
        display = invert_name(" ".join(text_of(p) for p in parts if not p.get("type"))) or text_of(name_element)
    roles = {text_of(r).lower().strip(" .") for role in children(name_element, "role") for r in children(role, "roleTerm")}
    role = "editor" if roles & _EDITOR_ROLES else "author" if (roles & _AUTHOR_ROLES or not roles) else "other"
    return display, role


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    head = page.text[:5000]
    if "<modsCollection" in head or "loc.gov/mods" in head or re.search(r"<mods[\s>]", head):
        return 0.95
    return 0.0


def _entry(mods) -> Optional[Entry]:
    kinds = " ".join(text_of(e) for e in [*children(mods, "typeOfResource"), *children(mods, "genre")])
    if _NOT_PUBLICATION_RE.search(kinds):
        return None
    title = _title(_main_title_info(mods))
    if not title:
        return None
    people = [_person(n) for n in children(mods, "name")]
    authors = [name for name, role in people if role == "author" and name]
    note = None
    if not authors:
        editors = [name for name, role in people if role == "editor" and name]
        if editors:
            authors, note = editors, "editors"  # an edited volume is listed under its editors
    host = next((r for r in children(mods, "relatedItem") if r.get("type") == "host"), None)
    origin = child(mods, "originInfo")
    venue = _title(_main_title_info(host)) if host is not None else ""
    if not venue and origin is not None:
        venue = text_of(child(origin, "publisher"))
    year = find_year(text_of(child(origin, "dateIssued"))) if origin is not None else None
    if year is None and host is not None:
        part = child(host, "part")
        year = find_year(text_of(child(part, "date"))) if part is not None else None
        if year is None:
            host_origin = child(host, "originInfo")
            year = find_year(text_of(child(host_origin, "dateIssued"))) if host_origin is not None else None
    doi = next((normalise_doi(text_of(i)) for i in children(mods, "identifier") if (i.get("type") or "").lower() == "doi"), None)
    urls = [text_of(u) for loc in children(mods, "location") for u in children(loc, "url") if text_of(u).startswith("http")]
    return Entry(title=title, authors=authors, year=year, venue=venue or None, doi=doi, urls=urls,
                 abstract=text_of(child(mods, "abstract")) or None, note=note,
                 flags=[] if authors else ["no-authors"])


def parse(page: Page) -> PageParse:
    doc = page_xml(page)
    root = doc.root
    if root is None:
        return PageParse(kind="not-a-profile", evidence=["no XML could be read"])
    records = [m for m in root.iter() if isinstance(m.tag, str) and local(m) == "mods"][:MAX_RECORDS]
    entries = [e for e in (_entry(m) for m in records) if e is not None]
    evidence = [f"MODS XML: {len(entries)} records"]
    if len(entries) < len(records):
        evidence.append(f"{len(records) - len(entries)} data sets, software or untitled records left out")
    return listing_or_search_results(entries, evidence, what="record", min_share=0.75)
