"""DBLP-generated HTML: person pages (dblp.org/pid/<pid>.html) and other dblp pages built from the
same entry markup (venue tables of contents, search results).

Each publication is an <li class="entry ..."> holding schema.org microdata: authors as
span[itemprop=author] (the page owner as span.this-person), span.title, the venue in
span[itemprop=isPartOf] > span[itemprop=name], span[itemprop=datePublished], and electronic
editions as links under li.ee. Kind: `listing` with the page owner for a person page,
`search-results` for dblp pages of many people.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from extract.fields.htmltree import has_class, inline_text, page_tree
from extract.fields.ids import find_arxiv, normalise_doi
from extract.fields.structured import strip_homonym
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "dblp_html"

_TITLE_RE = re.compile(r"^\s*dblp:\s*(.+?)\s*$")


def detect(page: Page) -> float:
    if page.syntax != "html":
        return 0.0
    text = page.text
    if not (('itemprop="headline"' in text or ('itemprop="author"' in text and 'itemprop="isPartOf"' in text))
            and ('class="entry' in text or "class='entry" in text) and 'class="title"' in text):
        return 0.0  # (a clone may drop the cite's "headline" and keep the rest of the entry markup)
    if "dblp" in text.lower():
        return 0.95
    # dblp's person-page markup served by a mirror or a clone under another name: the
    # schema.org entry markup with its publication list is as telling as the name
    return 0.9 if 'class="publ-list"' in text else 0.6


def _itemprop(node, name: str) -> list:
    return [n for n in node.iter() if isinstance(n.tag, str) and (n.get("itemprop") or "") == name]


def _person_name(span) -> Optional[str]:
    named = [n for n in span.iter() if isinstance(n.tag, str) and (n.get("itemprop") or "") == "name"]
    node = named[0] if named else span
    # the shown name first: the title attribute is the same name, or a variant order
    return strip_homonym(inline_text(node, skip_classes=()) or node.get("title") or "") or None


def _entry(li, year_heading: Optional[str] = None) -> Optional[Entry]:
    cite = next((c for c in li.iter("cite") if has_class(c, "data")), None)
    if cite is None:
        cite = next((c for c in li.iter() if isinstance(c.tag, str) and c.get("itemprop") == "headline"), None)
    if cite is None:
        return None
    authors = [n for n in (_person_name(s) for s in _itemprop(cite, "author")) if n]
    editors = [n for n in (_person_name(s) for s in _itemprop(cite, "editor")) if n]
    title_node = next((s for s in cite.iter("span") if has_class(s, "title")), None)
    title = inline_text(title_node, skip_classes=()) if title_node is not None else ""
    venue = None
    for part in _itemprop(cite, "isPartOf"):
        names = [n for n in part.iter() if isinstance(n.tag, str) and n is not part and n.get("itemprop") == "name"]
        if names:
            venue = inline_text(names[0], skip_classes=())
            break
    if not venue:
        # older markup: the venue is the link text after the title
        link = next((a for a in cite.iter("a") if "/db/" in (a.get("href") or "")), None)
        venue = inline_text(link, skip_classes=()) if link is not None else None
    if not venue and title_node is not None and title_node.tail and title_node.tail.strip(" ,."):
        # a thesis: its school as plain text after the title ("Technical University of Munich,
        # Germany, 2019"); the country after the last comma is no part of it
        school = title_node.tail.strip(" ,.")
        venue = re.split(r",\s*(?=[A-Z][\w .-]+$)", school)[0].strip(" ,.") or None
    year_nodes = _itemprop(cite, "datePublished")
    # proceedings papers carry no date of their own: the list's year heading above them does
    year = inline_text(year_nodes[0], skip_classes=()) if year_nodes else year_heading
    urls, doi, arxiv = [], None, None
    for ee in li.iter("li"):
        if not has_class(ee, "ee"):
            continue
        for a in ee.iter("a"):
            href = (a.get("href") or "").strip()
            if href and href not in urls:
                urls.append(href)
                if "doi.org/" in href and not doi:
                    doi = normalise_doi(href)
                arxiv = arxiv or find_arxiv(href)
    people, note = authors, None
    if not authors and editors:
        people, note = editors, "editors"
    if not title and not people:
        return None
    return Entry(title=title, authors=people, year=year, venue=venue, doi=doi, arxiv=arxiv, urls=urls, note=note,
                 flags=[] if people else ["no-authors"])


def _owner(tree, owner_spans: Counter) -> Optional[str]:
    for header in tree.iter("header"):
        name = header.get("data-name")
        if name:
            return strip_homonym(name)
    for title in tree.iter("title"):
        m = _TITLE_RE.match(inline_text(title, skip_classes=()))
        if m and owner_spans:
            return strip_homonym(m.group(1))
    if owner_spans:
        return owner_spans.most_common(1)[0][0]
    return None


def _headed_owner(tree, entries: list[Entry]) -> Optional[str]:
    """A person page saved or cloned without dblp's this-person marks: the person the page's
    title or heading names ("dblp: Yuki Tanabe 0002"), when they are an author of most entries."""
    from extract.fields.names import name_key

    named = None
    for title in tree.iter("title"):
        m = _TITLE_RE.match(inline_text(title, skip_classes=()))
        if m:
            named = strip_homonym(m.group(1))
            break
    if not named:
        for span in tree.iter("span"):
            if has_class(span, "name") and has_class(span, "primary"):
                named = strip_homonym(inline_text(span, skip_classes=()))
                break
    if not named or not entries:
        return None
    key = name_key(named)
    signed = sum(1 for e in entries if any(name_key(a if isinstance(a, str) else a.name) == key for a in e.authors))
    return named if signed >= max(2, 0.5 * len(entries)) else None


def parse(page: Page) -> PageParse:
    tree = page_tree(page)
    if tree is None:
        return PageParse(kind="search-results", evidence=["empty dblp page"])
    entries = []
    owner_spans: Counter[str] = Counter()
    year_heading: Optional[str] = None
    for li in tree.iter("li"):
        if has_class(li, "year"):
            heading = inline_text(li, skip_classes=()).strip()
            year_heading = heading if re.fullmatch(r"(?:19|20)\d\d", heading) else None
            continue
        if not has_class(li, "entry"):
            continue
        entry = _entry(li, year_heading)
        if entry:
            entries.append(entry)
        for span in li.iter("span"):
            if has_class(span, "this-person"):
                name = strip_homonym(span.get("title") or inline_text(span, skip_classes=()))
                if name:
                    owner_spans[name] += 1
    evidence = [f"dblp entries: {len(entries)}"]
    person = _owner(tree, owner_spans) if owner_spans else _headed_owner(tree, entries)
    if person:
        evidence.append(f"dblp person page of '{person}'")
        affiliations = []
        for li in tree.iter("li"):
            text = inline_text(li, skip_classes=())
            if (li.get("itemprop") or "") == "affiliation" or re.match(r"affiliation(?: \([^)]{1,30}\))?:\s", text or "", re.I):
                if text and text not in affiliations:
                    affiliations.append(re.sub(r"^affiliation(?: \([^)]{1,30}\))?:\s*", "", text, flags=re.I))
        return PageParse(kind="listing", person=person, affiliations=affiliations, entries=entries, evidence=evidence)
    return PageParse(kind="search-results", entries=entries, evidence=evidence + ["no page owner: many people's entries"])
