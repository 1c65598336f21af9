"""Fallback for pages no specific ingestor claims: unknown homepage styles.

Candidate entries are list items / paragraphs (HTML) or blank-line blocks and list lines
(text); each that reads like a citation is parsed by `extract.fields.citation.parse_entry_text`
(rules first, the trained entry parser where the rules are unsure). A page with no entries
and no owner is `not-a-profile`.
"""
from __future__ import annotations

import re
from typing import Optional

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


# a list item: "- ", "* ", "• ", "1. ", "1) ", "[1] ", "(1) "
_TEXT_ITEM_RE = re.compile(r"^\s*(?:[-*+•▪◦]|\d{1,3}[.)]|\[\d{1,3}\]|\(\d{1,3}\))\s+\S")


def _candidates_text(page: Page) -> list[tuple[str, list[str], bool]]:
    """(text, links, is_list_item) per candidate: blank-line blocks, and inside a block with
    several list items one candidate per item (wrapped continuation lines stay with their item;
    a heading line above the items is its own candidate)."""
    text = page.visible_text()
    out: list[tuple[str, list[str], bool]] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if l.strip()]
        starts = [i for i, l in enumerate(lines) if _TEXT_ITEM_RE.match(l)]
        if len(starts) >= 2 or (len(starts) == 1 and starts[0] == 0 and len(lines) == 1 and out and out[-1][2]):
            if starts[0] > 0:
                out.append(("\n".join(lines[: starts[0]]), [], False))
            for n, start in enumerate(starts):
                end = starts[n + 1] if n + 1 < len(starts) else len(lines)
                out.append((" ".join(l.strip() for l in lines[start:end]), [], True))
        elif block.strip():
            out.append((block, [], False))
    return out[:MAX_CANDIDATES]


_DEGREE_RE = re.compile(r"\b(?:Ph\.?\s?D|M\.?\s?Sc|B\.?\s?Sc|M\.?A\.|B\.?A\.|M\.?S\.|B\.?S\.|MBA|Diplom\w*|Habilitation|Master|Bachelor)\b")


def _text_affiliations(lines: list[str]) -> list[str]:
    """Organisations named in the header lines of a text page, line by line (a line break ends
    an affiliation), leaving out degree lines (where someone studied, not where they work)."""
    found: list[str] = []
    for line in lines:
        if _DEGREE_RE.search(line):
            continue
        for org in affiliations_in(line):
            org = _trim_affiliation(org)
            if org and not any(org in a or a in org for a in found):
                found.append(org)
    return found


def _text_owner(text: str) -> Optional[str]:
    """A CV or homepage copied as text starts with its owner's name on a line of its own."""
    from extract.fields.names import clean_name, looks_like_name

    for line in text.splitlines()[:5]:
        line = clean_text(line).strip(" #*")
        if not line:
            continue
        name = clean_name(line)
        if looks_like_name(name) and 2 <= len(name.split()) <= 4 and not any(c.isdigit() for c in name) and not re.search(
                r"curriculum|vitae|resume|home|page|publications?|research|welcome|about|contents", name, re.I):
            return name
        return None
    return None


def rules_read_citation(text: str) -> bool:
    """An author list the comma rules recognise in one of the first sentences, and a year."""
    text = strip_markdown(clean_text(text))
    if not 25 <= len(text) <= 1500 or not YEAR_RE.search(text):
        return False
    parts = re.split(r"(?<=[a-z)])\.\s+|[\"“”]", text)
    return any(authors_score(p) >= 0.7 and ("," in p or " and " in p) for p in parts[:4])


def is_citation_like(text: str) -> bool:
    if rules_read_citation(text):
        return True
    cleaned = strip_markdown(clean_text(text))
    if not 25 <= len(cleaned) <= 1500 or not YEAR_RE.search(cleaned):
        return False
    from extract.fields.citation import model_reads_entry  # an unknown style: ask the trained parser

    return model_reads_entry(cleaned)


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
    # where the entries are list items, a loose paragraph must read as a citation by the rules
    # alone: the header of a CV ("Curriculum Vitae — updated March 2024") is no entry
    listed = sum(1 for text, _, item in candidates if item and YEAR_RE.search(text)) >= 2
    entries: list[Entry] = []
    first_entry_at = None
    for i, (text, links, item) in enumerate(candidates):
        if not (is_citation_like(text) if (item or not listed) else rules_read_citation(text)):
            continue
        entry = parse_entry_text(re.sub(_TEXT_ITEM_RE.pattern[:-3], "", text, count=1) if item else text)
        if not entry.title:
            continue
        for link in links:
            if link not in entry.urls:
                entry.urls.append(link)
        entries.append(entry)
        if first_entry_at is None:
            first_entry_at = i
    header = [t for t, _, _ in candidates[: first_entry_at if first_entry_at is not None else 20]]
    affiliations = _text_affiliations([line for block in header for line in block.splitlines()])
    person = _text_owner(page.visible_text()) if entries else None
    kind = "homepage" if entries else "not-a-profile"
    evidence = [] if entries else ["no publication entries found"]
    return PageParse(kind=kind, person=person, affiliations=affiliations if entries else [], entries=entries, evidence=evidence)
