"""A homepage written in Org mode and exported to HTML (`org-html-export`, `org-publish`): each
publication is a heading of its own under a "Publications" heading, the title in the heading
and the names and venue in the paragraph under it.

    <div id="outline-container-org8c4d003" class="outline-3">
    <h3><span class="section-number-3">2.2.</span> <span class="todo TODO">TODO</span>
        <span class="priority">[#A]</span> Incremental type checking …  <span class="tag">…</span></h3>
    <div class="outline-text-3">
      <p class="deadline">DEADLINE: <2024-04-15 Mon></p>            <- planning lines: no field
      <p>L. Vance and N. Oberkampf. <i>ECOOP</i> 2024 (LIPIcs vol. 313).</p>
      <ul class="org-ul"><li class="off">[ ] address reviewer 2 …</li></ul>   <- a checklist: no field

The heading's section number, TODO keyword, priority cookie and tags are Org's, not the title's.
The paragraph is read by the entry parser with the title set in quotes after its first sentence
(the names), so the rest reads as the venue and date. Pages whose publications are an ordinary
list under one heading are left to the generic reader.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.html import node_text
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "org_html"

_ORG_NOISE_CLASSES = ("section-number", "todo", "done", "priority", "tag", "timestamp")


def _is_org_export(page: Page) -> bool:
    head = page.text[:5000]
    return 'content="Org Mode"' in head or ('id="outline-container-' in page.text and 'class="outline-2"' in page.text)


def _heading_title(heading) -> str:
    parts = []
    for child in heading.descendants:
        if isinstance(child, str):
            parent = child.parent
            classes = []
            while parent is not None and parent is not heading:
                classes.extend(parent.get("class") or [])
                parent = parent.parent
            if any(c.startswith(_ORG_NOISE_CLASSES) for c in classes):
                continue
            parts.append(str(child))
    return clean_text(" ".join(parts)).strip(" .")


def _body_text(container) -> str:
    body = container.find("div", class_=re.compile(r"^outline-text-\d"))
    if body is None:
        return ""
    texts = []
    for p in body.find_all("p", recursive=False):
        classes = p.get("class") or []
        if any(c in ("scheduled", "deadline", "closed") for c in classes) or p.find(class_="timestamp-kwd"):
            continue  # a planning line: "SCHEDULED: <2024-04-01 Mon>"
        texts.append(node_text(p))
    return clean_text(" ".join(t for t in texts if t))


def _publication_containers(soup) -> list:
    from extract.ingestors.generic_homepage import _PUBLICATION_HEADING_RE

    out = []
    for section in soup.find_all("div", class_=re.compile(r"^outline-[23]$")):
        heading = section.find(re.compile(r"^h[2-4]$"))
        if heading is None or not _PUBLICATION_HEADING_RE.search(_heading_title(heading)):
            continue
        level = int(re.search(r"\d", " ".join(section.get("class"))).group(0))
        children = section.find_all("div", class_=f"outline-{level + 1}", recursive=False)
        out.extend(children)
    return out


def _entry(container) -> Optional[Entry]:
    from extract.entry_parser import parse_entries

    heading = container.find(re.compile(r"^h[3-5]$"))
    if heading is None:
        return None
    title = _heading_title(heading)
    if len(title.split()) < 2:
        return None
    body = _body_text(container)
    # the names' sentence ends at the first stop that closes no initial ("N. Oberkampf and K. Achebe. …")
    stop = next((m for m in re.finditer(r"\.\s+", body) if not re.search(r"(?:^|[\s.-])[A-ZÀ-Þ]$", body[: m.start()])), None)
    names, rest = (body[: stop.start()], body[stop.end():]) if stop else (body, "")
    # the names' sentence, then the title the heading gives, then the venue and date
    parsed = parse_entries([f"{names}. “{title}.” {rest}" if rest else f"“{title}.” {body}"])[0] if body else None
    entry = Entry(title=title)
    if parsed is not None:
        entry.authors = parsed.authors
        entry.authors_text = parsed.authors_text
        entry.year, entry.venue = parsed.year, parsed.venue
        entry.arxiv, entry.doi, entry.urls = parsed.arxiv, parsed.doi, parsed.urls
        entry.note = parsed.note
    links = [a.get("href") for a in container.find_all("a", href=True) if isinstance(a.get("href"), str)]
    entry.urls = list(dict.fromkeys(entry.urls + [u for u in links if u.startswith("http")]))
    return entry


def detect(page: Page) -> float:
    if page.syntax != "html" or not _is_org_export(page):
        return 0.0
    return 0.9 if len(_publication_containers(page.soup())) >= 2 else 0.0


def parse(page: Page) -> PageParse:
    soup = page.soup()
    entries = [e for e in (_entry(c) for c in _publication_containers(soup)) if e is not None]
    title = soup.find("h1", class_="title") or soup.find("title")
    from extract.fields.names import owner_name

    person = owner_name(node_text(title)) if title is not None else None
    evidence = [f"Org-mode HTML export: {len(entries)} publications as headings"]
    return PageParse(kind="homepage" if entries else "not-a-profile", person=person, entries=entries, evidence=evidence)
