"""Publication lists written as Markdown tables (| Year | Title | Authors | Venue |).

A table whose header names a title column is read row by row, each column by its header;
other tables (teaching, awards) are left alone.
"""
from __future__ import annotations

import re

from extract.fields.dates import find_year
from extract.fields.sections import NON_PUBLICATION_SECTION_RE
from extract.fields.text import clean_text, strip_markdown
from extract.ingestors.base import Entry

_ROW_RE = re.compile(r"^\s*\|(.+)\|\s*$")
_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COLUMNS = {
    "title": re.compile(r"^(?:title|paper|publication|article)s?$", re.I),
    "authors": re.compile(r"^(?:authors?|with|co-?authors?)$", re.I),
    "venue": re.compile(r"^(?:venue|journal|conference|where|published in|booktitle)$", re.I),
    "year": re.compile(r"^(?:year|date|when)$", re.I),
}
_LINK_RE = re.compile(r"\[([^\]]*)\]\((\S+?)\)")


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> column index, by the header's words (the first matching column wins)."""
    names = [h.strip().lower() for h in header]
    columns: dict[str, int] = {}
    for field, pattern in _COLUMNS.items():
        k = next((k for k, name in enumerate(names) if pattern.match(name)), None)
        if k is not None:
            columns[field] = k
    return columns


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _ROW_RE.match(line).group(1).split("|")]


def table_entries(text: str) -> tuple[list[Entry], set[int]]:
    """Entries from every publication table in `text`, and the line numbers the tables use."""
    lines = text.splitlines()
    entries: list[Entry] = []
    used: set[int] = set()
    i = 0
    while i + 1 < len(lines):
        if not (_ROW_RE.match(lines[i]) and _RULE_RE.match(lines[i + 1])):
            i += 1
            continue
        columns = _columns([strip_markdown(c) for c in _cells(lines[i])])
        j = i + 2
        rows = []
        while j < len(lines) and _ROW_RE.match(lines[j]):
            rows.append(_cells(lines[j]))
            j += 1
        heading = next((l.strip("# ").strip() for l in reversed(lines[:i]) if l.lstrip().startswith("#")), "")
        if "title" in columns and not NON_PUBLICATION_SECTION_RE.search(heading):
            used.update(range(i, j))
            for row in rows:
                entry = _entry(row, columns)
                if entry is not None:
                    entries.append(entry)
        i = j
    return entries, used


def _entry(row: list[str], columns: dict[str, int]) -> Entry | None:
    def cell(field: str) -> str:
        k = columns.get(field)
        return row[k] if k is not None and k < len(row) else ""

    raw_title = cell("title")
    urls = [u for _, u in _LINK_RE.findall(" ".join(row)) if u.startswith(("http", "/"))]
    title = clean_text(strip_markdown(_LINK_RE.sub(r"\1", raw_title))).strip(" .\"“”")
    if len(title.split()) < 2:
        return None
    authors = clean_text(strip_markdown(_LINK_RE.sub(r"\1", cell("authors")))).strip(" .") or None
    venue = clean_text(strip_markdown(_LINK_RE.sub(r"\1", cell("venue")))).strip(" .") or None
    year = find_year(cell("year")) or (find_year(venue) if venue else None)
    return Entry(title=title, authors_text=authors, venue=venue, year=year, urls=urls)


def html_table_entries(soup) -> tuple[list[Entry], set[int]]:
    """Entries from HTML tables whose header row names a title column (Year | Title | Authors |
    Venue), and the ids of the rows they used (so the row-by-row reader skips them)."""
    from extract.fields.html import node_text

    entries: list[Entry] = []
    used: set[int] = set()
    for table in soup.find_all("table", limit=200):
        rows = table.find_all("tr", limit=2000)
        if len(rows) < 2:
            continue
        columns = _columns([clean_text(node_text(c)) for c in rows[0].find_all(["th", "td"])])
        if "title" not in columns:
            continue
        used.update(id(r) for r in rows)
        for row in rows[1:]:
            cells = row.find_all(["td", "th"])
            texts = [clean_text(node_text(c)) for c in cells]
            entry = _entry(texts, columns)
            if entry is not None:
                entry.urls = [a["href"] for a in row.find_all("a", href=True)
                              if isinstance(a.get("href"), str) and a["href"].startswith(("http", "/"))] or entry.urls
                entries.append(entry)
    return entries, used
