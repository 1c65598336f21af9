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


_SKIP_PARENTS = ("nav", "header", "footer", "script", "style", "noscript", "template")


def _candidates_html(page: Page) -> list[tuple[object, str, list[str]]]:
    """Innermost list items / paragraphs / rows / leaf divs, in document order.

    One find_all plus a walk up the parents (no per-node subtree search): a node is a container
    when another block element sits inside it."""
    soup = page.soup()
    nodes = soup.find_all(["li", "p", "dd", "tr", "div", "table", "ul", "ol"], limit=MAX_CANDIDATES * 3)
    holds_entry_block: set[int] = set()  # has an li/p/tr/dd inside
    holds_any_block: set[int] = set()  # has any of the listed blocks inside (for divs)
    for node in nodes:
        entry_block = node.name in ("li", "p", "tr", "dd")
        parent = node.parent
        while parent is not None:
            key = id(parent)
            if key in holds_any_block and (not entry_block or key in holds_entry_block):
                break
            holds_any_block.add(key)
            if entry_block:
                holds_entry_block.add(key)
            parent = parent.parent
    chosen = [n for n in nodes if n.name not in ("table", "ul", "ol") and id(n) not in holds_entry_block
              and not (n.name == "div" and id(n) in holds_any_block)]
    chosen_ids = {id(n) for n in chosen}
    out = []
    for node in chosen:
        # a leaf div inside a chosen <dd>/<li> is part of that entry, not another one
        if node.name == "div" and any(id(p) in chosen_ids for p in node.parents):
            continue
        if node.find_parent(_SKIP_PARENTS) is not None:
            continue
        text = node_text(node)
        if node.name == "div" and len(text) < 40:
            continue
        links = [a.get("href") for a in node.find_all("a", href=True)]
        out.append((node, text, [l for l in links if isinstance(l, str) and l.startswith(("http", "/"))]))
        if len(out) >= MAX_CANDIDATES:
            break
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
    if any(authors_score(p) >= 0.7 and ("," in p or " and " in p) for p in parts[:4]):
        return True
    from extract.fields.citation import model_reads_entry  # an unknown style: ask the trained parser

    return model_reads_entry(text)


def detect(page: Page) -> float:
    return 0.1


def _trim_affiliation(text: str) -> str:
    # bio spans run past a sentence end ("… of Virginia Tech. He worked …")
    return re.split(r"\.\s+(?=[A-Z])", text, maxsplit=1)[0].strip(" .,;")


def _parse_html(page: Page) -> PageParse:
    from extract.ingestors.homepage_html import bold_owner, header_affiliations, heading_name, parse_html_entry

    soup = page.soup()
    candidates = _candidates_html(page)
    entries: list[Entry] = []
    entry_nodes = []
    first_entry_at = None
    for i, (node, text, links) in enumerate(candidates):
        entry = parse_html_entry(node, text, links)
        if entry is None:
            continue
        entries.append(entry)
        entry_nodes.append(node)
        if first_entry_at is None:
            first_entry_at = i
    bio = " ".join(t for _, t, _ in candidates[: first_entry_at if first_entry_at is not None else 20])
    affiliations = header_affiliations(soup)
    for found in affiliations_in(bio):
        found = _trim_affiliation(found)
        if found and not any(found in a or a in found for a in affiliations):
            affiliations.append(found)
    person = bold_owner(entry_nodes) or (heading_name(soup) if entries else None)
    kind = "homepage" if entries else "not-a-profile"
    evidence = [f"hand-written HTML list: {len(entries)} entries"] if entries else ["no publication entries found"]
    return PageParse(kind=kind, person=person, affiliations=affiliations if entries else [], entries=entries, evidence=evidence)


def parse(page: Page) -> PageParse:
    from extract.fields.citation import parse_entry_text

    if page.syntax == "html":
        return _parse_html(page)
    candidates = _candidates_text(page)
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
