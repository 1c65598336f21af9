"""VIVO profile pages (the open-source research-profile system many universities run): each
publication a list item whose parts are links titled by role.

    <h1 class="vcard foaf-person"><span class="fn">Okonkwo-Baines, Marguerite T</span> …
    <li class="subclass"><h3>academic article</h3>                     <- the item type
      <li role="listitem">
        <a title="resource name">Indoor particulate exposure …</a>.      <- title
        <a title="author name">Okonkwo-Baines, Marguerite T</a>; …      <- authors, "Family, Given"
        <a title="journal name">Environmental Health Perspectives</a>. 130:047003. 2022
                 ("book name", "proceedings name", "conference name" alike; the year ends the item)

Items under a data-set, software or grant heading are not publications and are left out.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import owner_name
from extract.fields.structured import listing_or_search_results
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "vivo_html"

MAX_RECORDS = 5_000
_ROLE_RE = re.compile(r'title="(?:resource name|author name)"')
_VENUE_ROLE_RE = re.compile(r"^(?:journal|book|proceedings|conference|series|publication|venue) name$", re.I)
_NOT_PUBLICATION_TYPE_RE = re.compile(r"\b(?:dataset|data set|software|grant|award|patent|presentation|talk)\b", re.I)
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\s*\.?\s*$")


def _author(text: str) -> Optional[Author]:
    family, _, given = (part.strip() for part in clean_text(text).partition(","))
    if not family:
        return None
    return Author(name=f"{given} {family}".strip(), given=given or None, family=family)


def _item_type(item) -> str:
    group = item.find_parent("li", class_="subclass")
    heading = group.find("h3") if group is not None else None
    return clean_text(heading.get_text(" ")) if heading is not None else ""


def _entry(item) -> Optional[Entry]:
    title = item.find("a", attrs={"title": "resource name"})
    if title is None or _NOT_PUBLICATION_TYPE_RE.search(_item_type(item)):
        return None
    authors = [a for a in (_author(x.get_text(" ")) for x in item.find_all("a", attrs={"title": "author name"})) if a]
    venue = item.find("a", attrs={"title": _VENUE_ROLE_RE})
    # the year closes the item's own text, before any "full text via doi" note
    own_text = " ".join(s for s in item.find_all(string=True) if not s.find_parent("span", class_="listDateTime"))
    year = _YEAR_RE.search(clean_text(own_text))
    links = [a["href"] for a in item.find_all("a", href=True) if a["href"].startswith(("http://", "https://"))]
    return Entry(title=clean_text(title.get_text(" ")).strip(" ."), authors=authors,
                 venue=clean_text(venue.get_text(" ")).strip(" .") if venue is not None else None,
                 year=int(year.group(1)) if year else None, urls=links)


def detect(page: Page) -> float:
    if page.syntax != "html" or len(_ROLE_RE.findall(page.text, 0, 2_000_000)) < 4:
        return 0.0
    return 0.93 if 'title="resource name"' in page.text and 'title="author name"' in page.text else 0.0


def parse(page: Page) -> PageParse:
    soup = page.soup()
    items = [a.find_parent("li") for a in soup.find_all("a", attrs={"title": "resource name"}, limit=MAX_RECORDS)]
    entries = [e for e in (_entry(i) for i in items if i is not None) if e is not None and e.title]
    left_out = sum(1 for i in items if i is not None) - len(entries)
    evidence = [f"VIVO publication items: {len(entries)}" + (f" ({left_out} data sets, software or talks left out)" if left_out else "")]
    result = listing_or_search_results(entries, evidence, "item", min_share=0.6)
    heading = soup.select_one("h1 .fn") or soup.select_one("h1 [itemprop=name]")
    if heading is not None:
        family, _, given = clean_text(heading.get_text(" ")).partition(",")
        owner = owner_name(f"{given.strip()} {family.strip()}" if given else family.strip())
        if owner:
            result.person = owner
            if entries:
                result.kind = "listing"
            result.evidence.append(f"VIVO profile heading: '{owner}'")
    return result
