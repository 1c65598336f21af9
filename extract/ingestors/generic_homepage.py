"""Fallback for pages no specific ingestor claims: unknown homepage styles.

Candidate entries are list items / paragraphs (HTML) or blank-line blocks and list lines
(text); each that reads like a citation is parsed by `extract.fields.citation.parse_entry_text`
(rules first, the trained entry parser where the rules are unsure). A page with no entries
and no owner is `not-a-profile`.
"""
from __future__ import annotations

import re

from extract.fields.affiliations import affiliations_in
from extract.fields.citation import authors_score
from extract.fields.dates import YEAR_RE
from extract.fields.html import node_text
from extract.fields.text import clean_text, strip_markdown
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "generic_homepage"
MAX_CANDIDATES = 5000


def _candidates_html(page: Page) -> list[tuple[str, list[str]]]:
    soup = page.soup()
    out = []
    for node in soup.find_all(["li", "p", "dd", "tr"], limit=MAX_CANDIDATES):
        # innermost only: a <li> holding other <li>s is a list, not an entry
        if node.find(["li", "p", "tr"]):
            continue
        text = node_text(node)
        links = [a.get("href") for a in node.find_all("a", href=True)]
        out.append((text, [l for l in links if isinstance(l, str) and l.startswith(("http", "/"))]))
    return out


def _candidates_text(page: Page) -> list[tuple[str, list[str]]]:
    text = page.visible_text()
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if l.strip()]
        if len(lines) > 1 and all(re.match(r"^\s*(?:[-*+•]|\d+[.)]|\[\d+\])\s+", l) for l in lines):
            out.extend((l, []) for l in lines)
        elif block.strip():
            out.append((block, []))
    return out[:MAX_CANDIDATES]


def is_citation_like(text: str) -> bool:
    text = strip_markdown(clean_text(text))
    if not 25 <= len(text) <= 1500:
        return False
    if not YEAR_RE.search(text):
        return False
    parts = re.split(r"(?<=[a-z)])\.\s+|[\"“”]", text)
    return any(authors_score(p) >= 0.7 and ("," in p or " and " in p) for p in parts[:4])


def detect(page: Page) -> float:
    return 0.1


def parse(page: Page) -> PageParse:
    from extract.fields.citation import parse_entry_text

    candidates = _candidates_html(page) if page.syntax == "html" else _candidates_text(page)
    entries: list[Entry] = []
    first_entry_at = None
    for i, (text, links) in enumerate(candidates):
        if not is_citation_like(text):
            continue
        entry = parse_entry_text(text)
        if not entry.title:
            continue
        for link in links:
            if link not in entry.urls:
                entry.urls.append(link)
        entries.append(entry)
        if first_entry_at is None:
            first_entry_at = i
    bio = " ".join(t for t, _ in candidates[: first_entry_at or 20])
    affiliations = affiliations_in(bio)
    kind = "homepage" if entries else "not-a-profile"
    evidence = [] if entries else ["no publication entries found"]
    return PageParse(kind=kind, affiliations=affiliations if entries else [], entries=entries, evidence=evidence)
