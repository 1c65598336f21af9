"""ACL Anthology author pages (`aclanthology.org/people/…`), older and current markup.

Both generations render one block per paper under `<h4>YEAR</h4>` headings: a badge column
(pdf / bib / abs links; the bib link names the Anthology id) and a body with the title in
`<strong><a href=/ID/>`, author links to `/people/…` separated by '|', and the volume link
(`/volumes/…`, the venue). 2019–2022 pages use `<p class="d-sm-flex …">`, current ones a
`<div>`; abstracts sit in a following `div.abstract-collapse` whose id names the paper. Blocks
are therefore found by structure (a strong title link with people links beside it), not by tag.
The person is the page heading (`h2#title`), or the <title> "Name - ACL Anthology".
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.html import node_text
from extract.fields.names import looks_like_name
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "acl_anthology_html"
BASE_URL = "https://aclanthology.org"

_ACL_RE = re.compile(r"ACL Anthology|aclanthology\.org|aclweb\.org/anthology|/anthology/", re.I)
_PEOPLE_LINK_RE = re.compile(r"""href=["']?[^"'\s>]*/people/""")
_YEAR_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*$")
_PEOPLE_HREF_RE = re.compile(r"/people/")
_VOLUME_HREF_RE = re.compile(r"/volumes/|/events/")
_VENUE_HREF_RE = re.compile(r"/venues/")


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    head = page.text[:200_000]
    if not _ACL_RE.search(head):
        return 0.0
    people = len(_PEOPLE_LINK_RE.findall(page.text))
    has_title_heading = bool(re.search(r"""<h2[^>]*id=["']?title""", head))
    if people >= 2 and has_title_heading and ("abstract-collapse" in page.text or "list-button-row" in page.text):
        return 0.95
    if people >= 3 and has_title_heading:
        return 0.7
    return 0.0


def _href(node) -> str:
    href = node.get("href")
    return href if isinstance(href, str) else ""


def _absolute(href: str) -> str:
    if href.startswith("http"):
        return href
    if href.startswith("/anthology/"):
        return "https://www.aclweb.org" + href  # pages built before the aclanthology.org move
    return BASE_URL + (href if href.startswith("/") else "/" + href)


def _paper_blocks(soup) -> list:
    """Innermost blocks holding one strong title link and people links."""
    blocks, seen = [], set()
    for strong in soup.find_all(["strong", "b"]):
        link = strong.find("a", href=True)
        if link is None or _PEOPLE_HREF_RE.search(_href(link)):
            continue
        body = strong.parent
        # climb to the element that also holds the badge column (pdf/bib links), at most 3 levels
        block = body
        for _ in range(3):
            if block is None or block.name in ("body", "section") or "col-lg" in " ".join(block.get("class") or []):
                break
            if block.find("a", href=re.compile(r"\.bib$|\.pdf$")) is not None:
                break
            block = block.parent
        if block is None or id(block) in seen:
            continue
        if block.find("a", href=_PEOPLE_HREF_RE) is None:
            continue
        seen.add(id(block))
        blocks.append((block, strong, link))
    return blocks


def _year_before(block) -> Optional[str]:
    heading = block.find_previous(["h4", "h3"])
    while heading is not None:
        m = _YEAR_RE.match(node_text(heading))
        if m:
            return m.group(1)
        heading = heading.find_previous(["h4", "h3"])
    return None


def _abstract_for(soup, block, paper_id: Optional[str]) -> Optional[str]:
    nxt = block.find_next_sibling()
    if nxt is not None and "abstract-collapse" in (nxt.get("class") or []):
        return node_text(nxt) or None
    if paper_id:
        for candidate in (f"abstract-{paper_id}", f"abstract-{paper_id.replace('.', '--')}"):
            node = soup.find(id=candidate)
            if node is not None:
                return node_text(node) or None
    return None


def _entry(soup, block, strong, link) -> Entry:
    entry = Entry(title=node_text(link))
    href = _href(link)
    paper_id = href.rstrip("/").rsplit("/", 1)[-1] if href else None
    entry.urls.append(_absolute(href))
    for a in block.find_all("a", href=True):
        h = _href(a)
        if h.endswith(".pdf") and h not in entry.urls:
            entry.urls.append(_absolute(h))
    names = [clean_text(node_text(a)) for a in block.find_all("a", href=_PEOPLE_HREF_RE)]
    entry.authors = [n for n in names if n]
    volume = next((a for a in block.find_all("a", href=True) if _VOLUME_HREF_RE.search(_href(a))), None)
    if volume is not None:
        entry.venue = node_text(volume)
    else:
        badge = next((a for a in block.find_all("a", href=True) if _VENUE_HREF_RE.search(_href(a))), None)
        entry.venue = node_text(badge) if badge is not None else None
    entry.year = _year_before(block)
    if entry.year is None and paper_id:
        m = re.match(r"^((?:19|20)\d{2})\.", paper_id) or re.match(r"^[A-Z](\d{2})-\d", paper_id)
        if m:
            y = m.group(1)
            entry.year = y if len(y) == 4 else str((1900 if int(y) > 60 else 2000) + int(y))
    entry.abstract = _abstract_for(soup, block, paper_id)
    if not entry.authors:
        entry.flags.append("no-authors")
    return entry


def _person(soup) -> Optional[str]:
    heading = soup.find("h2", id="title")
    if heading is not None:
        spans = [node_text(s) for s in heading.find_all("span") if node_text(s)]
        name = " ".join(spans) if spans else node_text(heading)
        name = clean_text(name)
        if name:
            return name
    title = soup.find("title")
    if title is not None:
        m = re.match(r"^\s*(.+?)\s+-\s+ACL Anthology\s*$", clean_text(title.get_text()))
        if m:
            return m.group(1)
    return None


def parse(page: Page) -> PageParse:
    soup = page.soup()
    main = soup.find(id="main") or soup
    entries = [_entry(soup, block, strong, link) for block, strong, link in _paper_blocks(main)]
    person = _person(soup)
    if person is not None and not looks_like_name(person):
        # a volume or event page: a proceedings table of contents, not one person's list
        return PageParse(kind="bibliography", entries=[e for e in entries if e.title],
                         evidence=[f"ACL Anthology volume/event page '{person[:80]}': {len(entries)} papers"])
    return PageParse(kind="listing", person=person, entries=[e for e in entries if e.title],
                     evidence=[f"ACL Anthology author page: {len(entries)} papers"])
