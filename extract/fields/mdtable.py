"""Publication lists written as Markdown tables (| Year | Title | Authors | Venue |).

A table whose header names a title column is read row by row, each column by its header;
other tables (teaching, awards) are left alone.
"""
from __future__ import annotations

import re

from extract.fields.citation import authors_score
from extract.fields.dates import find_year
from extract.fields.sections import NON_PUBLICATION_SECTION_RE
from extract.fields.text import clean_text, strip_markdown
from extract.ingestors.base import Entry

_ROW_RE = re.compile(r"^\s*\|(.+)\|\s*$")
_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COLUMNS = {
    # (or the whole reference in one column: "Año | Tipo | Referencia", "Year | Citation")
    "title": re.compile(r"^(?:(?:title|paper|publication|article)s?|titolo|t[íi]tulo|titre|titel|tytu[łl]|название|"
                        r"references?|citations?|referencia|referência|référence|riferimento|referenz|bibliographic reference|"
                        r"publicaci[óo]n|publicação|pubblicazione)$", re.I),
    "authors": re.compile(r"^(?:authors?|author\(s\)|with|co-?authors?|speakers?|presenters?|presented by|creators?|contributors?|"
                          r"autor(?:es|a|as)?|autores|auteurs?|autori|autoren|autorzy|авторы)$", re.I),
    "venue": re.compile(r"^(?:venue|journal|conference|where|published in|booktitle|rivista|revista|revue|zeitschrift|"
                        r"czasopismo|журнал|fonte|fuente|source|periódico|periodico|sede|publisher|outlet|journal title|source title)$", re.I),
    "year": re.compile(r"^(?:year|date|when|issue date|publication date|date issued|published|anno|año|ano|année|jahr|rok|год|data|fecha)$", re.I),
}
_LINK_RE = re.compile(r"\[([^\]]*)\]\((\S+?)\)")
_LINE_BREAK_RE = re.compile(r"<br\s*/?>", re.I)
_TAG_RE = re.compile(r"</?(?:sub|sup|small|span|em|i|b|strong|font)\b[^>]*>", re.I)


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> column index, by the header's words (the first matching column wins)."""
    # a sortable table's header carries its controls' hidden text: "YearSort ascending", "Title ▲"
    names = [re.sub(r"\s*(?:sort\s*(?:ascending|descending)|sorted\s*(?:ascending|descending)|[▲▼↑↓⇅])\s*$", "",
                    h.strip().lower()) for h in header]
    columns: dict[str, int] = {}
    for field, pattern in _COLUMNS.items():
        k = next((k for k, name in enumerate(names) if pattern.match(name)), None)
        if k is None:
            # a header naming two things: "Journal / Publisher", "Venue & Year", "Conference or Journal"
            k = next((k for k, name in enumerate(names) if k not in columns.values()
                      and any(pattern.match(part) for part in re.split(r"\s*(?:/|&|,|\bor\b|\band\b)\s*", name) if part)), None)
        if k is not None:
            columns[field] = k
    if "venue" not in columns and "title" in columns:
        # beside a title column, "Publication" / "Source title" names where it appeared
        k = next((k for k, name in enumerate(names) if k != columns["title"]
                  and re.fullmatch(r"publication(?: title)?|source(?: title)?|publication venue|journal name", name)), None)
        if k is not None:
            columns["venue"] = k
    if "title" not in columns and "name" in names and ("authors" in columns or "venue" in columns):
        columns["title"] = names.index("name")  # a Notion database: its first column is "Name"
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
        # the section: the nearest Markdown heading, or a <details> toggle's <summary> line
        heading = next((re.sub(r"</?summary>|<details>", "", l).strip("# ").strip() for l in reversed(lines[:i])
                        if l.lstrip().startswith("#") or "<summary>" in l), "")
        if "title" in columns and not NON_PUBLICATION_SECTION_RE.search(heading):
            used.update(range(i, j))
            for row in rows:
                entry = _entry(row, columns)
                if entry is not None:
                    entries.append(entry)
        i = j
    tsv, tsv_used = _tab_separated_entries(lines, used)
    csv_entries, csv_used = _comma_separated_entries(lines, used | tsv_used)
    return entries + tsv + csv_entries, used | tsv_used | csv_used


def _comma_separated_entries(lines: list[str], taken: set[int]) -> tuple[list[Entry], set[int]]:
    """A reference manager's CSV export: a header row naming a title and an author column
    ("Title,Authors,Year,Publication,DOI"), quoted fields, the rows under it."""
    import csv

    entries: list[Entry] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken or "," not in line or "\t" in line or line.count(",") > 40:
            continue
        header = next(csv.reader([line.lstrip("\ufeff")]))
        columns = _columns([c.strip() for c in header])
        if "title" not in columns or "authors" not in columns:
            continue
        j = i + 1
        while j < len(lines) and j not in taken and lines[j].strip():
            row = next(csv.reader([lines[j]]), [])
            if len(row) != len(header):
                break
            entry = _entry([c.strip() for c in row], columns)
            if entry is not None:
                entries.append(entry)
            j += 1
        if j - i > 2:
            used.update(range(i, j))
            _one_inverted_name_per_semicolon(entries)
            return entries, used  # one export per page
        entries = []
    return entries, used


def _tab_separated_entries(lines: list[str], taken: set[int]) -> tuple[list[Entry], set[int]]:
    """A table pasted from a spreadsheet: a tab-separated header row naming a title column
    ("Year<TAB>Authors<TAB>Title<TAB>Venue") and the rows under it."""
    entries: list[Entry] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if i in taken or lines[i].count("\t") < 1:
            i += 1
            continue
        columns = _columns([c.strip() for c in lines[i].split("\t")])
        if "title" not in columns or len(columns) < 2:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and "\t" in lines[j] and j not in taken:
            row = [c.strip() for c in lines[j].split("\t")]
            entry = _entry(row, columns)
            if entry is not None:
                if "year" in columns and columns["year"] < len(row) and not find_year(row[columns["year"]]):
                    entry.year = None  # "under review" in the year column
                entries.append(entry)
            j += 1
        used.update(range(i, j))
        i = j
    return entries, used


def _entry(row: list[str], columns: dict[str, int]) -> Entry | None:
    def cell(field: str) -> str:
        k = columns.get(field)
        return row[k] if k is not None and k < len(row) else ""

    def plain(text: str) -> str:
        return clean_text(strip_markdown(_LINK_RE.sub(r"\1", _TAG_RE.sub(" ", text)))).strip(" .")

    # a title cell may stack the authors (or the venue) under the title: "**Title** <br>
    # <sub>A. One, B. Two</sub>"
    raw_title, *under_title = _LINE_BREAK_RE.split(cell("title"))
    # ...or the title itself wraps at a <br>: a line ending on a function word, or one that
    # goes on in lower case, continues it
    while under_title and (re.search(r"\b(?:of|and|with|for|in|on|the|a|an|to|from|by|via|at|de|del|der|und)\s*$", plain(raw_title), re.I)
                           or plain(under_title[0])[:1].islower()):
        raw_title = f"{raw_title} {under_title.pop(0)}"
    urls = [u for _, u in _LINK_RE.findall(" ".join(row)) if u.startswith(("http", "/"))]
    title = plain(raw_title).strip(" .\"“”")
    if len(title.split()) < 2:
        return None
    authors = plain(cell("authors")) or None
    venue = plain(cell("venue")) or None
    for line in (plain(u) for u in under_title):
        if not line:
            continue
        if authors is None and authors_score(line) >= 0.7:
            authors = line
        elif venue is None:
            venue = line
    year = find_year(cell("year")) or (find_year(venue) if venue else None)
    return Entry(title=title, authors_text=authors, venue=venue, year=year, urls=urls)


def _cells_with_rowspans(cells: list, carried: dict) -> list:
    """A row's cells with the cells of earlier rows that span down into it put back in their
    columns (a year cell with rowspan="2" covers the next row too)."""
    out: list = []
    queue = list(cells)
    column = 0
    while queue or column in carried:
        if column in carried:
            cell, left = carried[column]
            out.append(cell)
            if left <= 1:
                del carried[column]
            else:
                carried[column] = (cell, left - 1)
        else:
            cell = queue.pop(0)
            span = cell.get("rowspan")
            if isinstance(span, str) and span.isdigit() and 1 < int(span) <= 100:
                carried[column] = (cell, int(span) - 1)
            out.append(cell)
        column += 1
        if column > 50:
            break
    return out


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
        heading = table.find_previous(["h1", "h2", "h3", "h4", "h5", "h6"])
        if heading is not None and NON_PUBLICATION_SECTION_RE.search(clean_text(node_text(heading))):
            continue  # an "Invited talks" or "Teaching" table: its rows are no publications
        carried: dict[int, tuple[object, int]] = {}  # column -> (cell, rows it still spans)
        first_of_table = len(entries)
        for row in rows[1:]:
            cells = _cells_with_rowspans(row.find_all(["td", "th"], recursive=False) or row.find_all(["td", "th"]), carried)
            texts = [clean_text(node_text(c)) for c in cells]
            entry = None
            if "authors" not in columns and columns["title"] < len(cells):
                # "Year | Publication" tables: the publication cell holds the whole reference
                # ("<b>Title</b><br>Authors<br><i>Venue</i>"): read it as one entry
                from extract.ingestors.homepage_html import parse_html_entry

                cell_node = cells[columns["title"]]
                entry = parse_html_entry(cell_node, node_text(cell_node), [], dated="year" in columns)
                if entry is not None and "year" in columns and columns["year"] < len(texts):
                    entry.year = find_year(texts[columns["year"]]) or entry.year  # the year column says
                if entry is not None and "venue" in columns and columns["venue"] < len(texts) and texts[columns["venue"]].strip():
                    # "Title | … | Venue" tables: the venue column says where, the title cell only who
                    entry.venue = texts[columns["venue"]].strip()
            if entry is None:
                entry = _entry(texts, columns)
            if entry is not None:
                entry.urls = [a["href"] for a in row.find_all("a", href=True)
                              if isinstance(a.get("href"), str) and a["href"].startswith(("http", "/"))] or entry.urls
                entries.append(entry)
        _one_inverted_name_per_semicolon(entries[first_of_table:])
    return entries, used


def _one_inverted_name_per_semicolon(entries: list[Entry]) -> None:
    """A column that parts its names with semicolons ("Okonkwo, Chinedu; Bello, Ibrahim")
    writes each name inverted, so a row with one name ("Okonkwo, Chinedu") is one person, not
    two family names."""
    texts = [e.authors_text for e in entries if e.authors_text]
    if not any(";" in t for t in texts):
        return
    from extract.fields.names import invert_name

    for entry in entries:
        text = entry.authors_text
        if text and ";" not in text and text.count(",") == 1:
            entry.authors, entry.authors_text = [invert_name(text)], None
