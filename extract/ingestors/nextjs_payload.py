"""Next.js sites: React Server Components flight payloads (`publications.txt` exported next to the
HTML) and HTML pages whose `__NEXT_DATA__` JSON or `self.__next_f.push(...)` scripts carry the data.

A flight payload is a sequence of rows `ID:VALUE`; VALUE is JSON (`[...]`, `{...}`, `"..."`),
an import `I[...]`, a hint `HL[...]`, or a text chunk `T<hex byte length>,<text>` that is NOT
newline-terminated (the next row starts right after its last byte). JSON values point at other
rows with "$<hex id>" strings (abstracts and BibTeX live in T rows).

What is extracted, in order of preference:
1. structured publication objects in the props (lists of dicts with a title and authors/year);
   their "$ref" abstract/bibtex resolved, gaps filled from the entry's own BibTeX;
2. otherwise BibTeX entries found in the text rows.
The same paper appears in props, in T rows and (for HTML) in the visible markup: every paper is
counted once (keyed by BibTeX key, else folded title + year).
"""
from __future__ import annotations

import json
import re
from typing import Any, Optional

from extract.fields.ids import normalise_arxiv
from extract.fields.latex import latex_to_text
from extract.fields.names import looks_like_name
from extract.fields.pagecache import cached
from extract.fields.text import clean_text, fold
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "nextjs_payload"

_ROW_HEAD_RE = re.compile(rb"([0-9a-fA-F]*):")
_FLIGHT_LINE_RE = re.compile(r"^[0-9a-f]{0,6}:(?:I\[|HL\[|T[0-9a-f]+,|\[\"\$|\"\$S|\{\")", re.M)
_PUSH_RE = re.compile(r"self\.__next_f\.push\(\[\s*1\s*,\s*(\"(?:[^\"\\]|\\.)*\")\s*\]\)", re.S)
_NEXT_DATA_RE = re.compile(r"<script[^>]+id=[\"']__NEXT_DATA__[\"'][^>]*>(.*?)</script>", re.S | re.I)
_BIB_START_RE = re.compile(r"@(?:article|inproceedings|incollection|misc|book|phdthesis|mastersthesis|techreport|unpublished|conference|inbook|online|proceedings)\s*\{", re.I)
_AUTHOR_KEYS = ("authors", "author", "authorList", "creators")
_BIB_KEYS = ("bibtex", "bib", "doi", "journal", "booktitle", "eprint", "arxiv")
_MAX_WALK = 200_000


def flight_rows(text: str) -> list[tuple[str, str, str]]:
    """(row id, tag, value): tag 'T' for text chunks, 'J' for JSON-ish lines."""
    data = text.encode("utf-8")
    rows, i, n = [], 0, len(data)
    while i < n:
        m = _ROW_HEAD_RE.match(data, i)
        if not m:
            j = data.find(b"\n", i)
            i = n if j < 0 else j + 1  # not a row: skip the line
            continue
        rid, j = m.group(1).decode(), m.end()
        if data[j:j + 1] == b"T":
            comma = data.find(b",", j)
            try:
                length = int(data[j + 1:comma], 16)
            except ValueError:
                length = -1
            if comma > 0 and length >= 0:
                rows.append((rid, "T", data[comma + 1:comma + 1 + length].decode("utf-8", errors="replace")))
                i = comma + 1 + length
                continue
        k = data.find(b"\n", j)
        k = n if k < 0 else k
        rows.append((rid, "J", data[j:k].decode("utf-8", errors="replace")))
        i = k + 1
    return rows


def _html_flight(text: str) -> str:
    parts = []
    for m in _PUSH_RE.finditer(text):
        try:
            parts.append(json.loads(m.group(1)))
        except ValueError:
            continue
    return "".join(p for p in parts if isinstance(p, str))


class _Payload:
    def __init__(self, rows: list[tuple[str, str, str]], extra_json: list[Any]):
        self.text_rows = {rid: v for rid, tag, v in rows if tag == "T"}
        self.json_values = list(extra_json)
        for rid, tag, value in rows:
            if tag != "J" or not value[:1] in ("[", "{", '"'):
                continue
            try:
                self.json_values.append(json.loads(value))
            except ValueError:
                continue

    def resolve(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("$"):
            if value == "$undefined":
                return None
            ref = value[1:]
            if ref in self.text_rows:
                return self.text_rows[ref]
        return value


def _payload(page: Page) -> _Payload:
    def build():
        if page.syntax == "html":
            extra = []
            m = _NEXT_DATA_RE.search(page.text)
            if m:
                try:
                    extra.append(json.loads(m.group(1)))
                except ValueError:
                    pass
            return _Payload(flight_rows(_html_flight(page.text)), extra)
        return _Payload(flight_rows(page.text), [])

    return cached(page, "nextjs-payload", build)


def _publication_lists(payload: _Payload) -> list[list[dict]]:
    """Lists of dicts that look like publications (title + authors or year), anywhere in the JSON."""
    found, stack, steps = [], list(payload.json_values), 0
    while stack and steps < _MAX_WALK:
        steps += 1
        node = stack.pop()
        if isinstance(node, list):
            dicts = [x for x in node if isinstance(x, dict)]
            if len(dicts) >= 1 and len(dicts) >= 0.8 * len(node):
                # a title with authors or bibliographic ids; a bare {title, year} list may be talks or news
                pubs = [d for d in dicts if isinstance(d.get("title"), str)
                        and any(k in d for k in _AUTHOR_KEYS + _BIB_KEYS)]
                if pubs and len(pubs) >= 0.8 * len(dicts):
                    found.append(pubs)
                    continue
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            stack.extend(reversed(list(node.values())))
    return found


def _text(value: Any) -> Optional[str]:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = latex_to_text(clean_text(str(value)))
    return text or None


def _names(value: Any) -> list[str]:
    from extract.fields.bibtex import split_names

    if isinstance(value, str):
        return [latex_to_text(n) for n in split_names(value)] if " and " in value else [latex_to_text(value)]
    names = []
    for item in value or []:
        if isinstance(item, str):
            names.append(latex_to_text(item))
        elif isinstance(item, dict):
            # a person object in any of the usual shapes ({"first", "last"}, {"given", "family"}, …):
            # the JSON reader's mapping knows them all
            from extract.ingestors.json_records import person_name

            name = item.get("name") or person_name(item) or " ".join(
                str(item.get(k, "")) for k in ("firstName", "given", "lastName", "family") if item.get(k))
            if name:
                names.append(latex_to_text(str(name)))
    return [n for n in names if n.strip()]


def _bib_entries(text: str) -> list:
    from extract.fields.bibtex import parse_bibtex

    if "@" not in text or not _BIB_START_RE.search(text):
        return []
    return parse_bibtex(text).entries


def _entry_from_bib(bib) -> Entry:
    """One BibTeX entry, read exactly as the BibTeX ingestor reads .bib files (names, LaTeX,
    venues, ids), so the same paper gets the same fields from either source."""
    from extract.ingestors.bibtex import _entry as entry_from_bibtex

    return entry_from_bibtex(bib)


def _entry_from_object(obj: dict, payload: _Payload) -> tuple[Entry, Optional[str]]:
    get = lambda k: payload.resolve(obj.get(k))  # noqa: E731 - tiny local accessor
    entry = Entry(title=_text(get("title")))
    authors = next((get(k) for k in _AUTHOR_KEYS if get(k)), None)
    entry.authors = _names(authors)
    year, month, day = _text(get("year")), _text(get("month")), _text(get("day"))
    entry.year = year
    if year and month and re.fullmatch(r"\d{1,2}", month):
        entry.date = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day and re.fullmatch(r"\d{1,2}", day) else "")
    elif get("date"):
        entry.date = _text(get("date"))
    entry.venue = next((v for v in (_text(get(k)) for k in ("journal", "booktitle", "venue", "conference", "publication", "shortbooktitle")) if v), None)
    entry.abstract = _text(get("abstract"))
    doi = _text(get("doi"))
    if doi:
        entry.doi = doi
    eprint = _text(get("eprint")) or _text(get("arxiv"))
    if eprint:
        entry.arxiv = normalise_arxiv(eprint)
    for key in ("url", "pdf", "link", "href"):
        url = _text(get(key))
        if url and url.startswith(("http", "/")):
            entry.urls.append(url)
    bibtex = get("bibtex") or get("bib")
    key = _text(get("key")) or _text(get("id"))
    if isinstance(bibtex, str):
        bibs = _bib_entries(bibtex)
        if bibs:
            from_bib = _entry_from_bib(bibs[0])
            key = key or bibs[0].key
            for field in ("title", "venue", "abstract", "doi", "arxiv", "year", "date"):
                if not getattr(entry, field) and getattr(from_bib, field):
                    setattr(entry, field, getattr(from_bib, field))
            if not entry.authors:
                entry.authors = from_bib.authors
            entry.urls.extend(u for u in from_bib.urls if u not in entry.urls)
    return entry, key


def _identity(entry: Entry, key: Optional[str]) -> str:
    if key:
        return "k:" + key
    return f"t:{fold(entry.title)}|{entry.year or ''}"


def extract(page: Page) -> tuple[list[Entry], str]:
    payload = _payload(page)
    entries: list[Entry] = []
    seen: set[str] = set()
    seen_titles: set[str] = set()

    def add(entry: Entry, key: Optional[str]):
        ident = _identity(entry, key)
        title_ident = f"{fold(entry.title)}|{entry.year or ''}"
        if not entry.title or ident in seen or title_ident in seen_titles:
            return
        seen.add(ident)
        seen_titles.add(title_ident)
        entries.append(entry)

    lists = _publication_lists(payload)
    if lists:
        for pubs in lists:
            for obj in pubs:
                add(*_entry_from_object(obj, payload))
        return entries, f"{len(entries)} publication objects in the page data"
    for rid in payload.text_rows:
        for bib in _bib_entries(payload.text_rows[rid]):
            add(_entry_from_bib(bib), bib.key)
    return entries, f"{len(entries)} BibTeX entries in the payload text rows"


def detect(page: Page) -> float:
    head = page.text[:20_000]
    if page.syntax == "html":
        if "self.__next_f.push" not in page.text and "__NEXT_DATA__" not in head and "__NEXT_DATA__" not in page.text[-200_000:]:
            return 0.0
        entries, _ = extract(page)
        return 0.85 if len(entries) >= 1 else 0.0
    if len(_FLIGHT_LINE_RE.findall(head)) >= 3:
        return 0.9
    return 0.0


def _person(payload: _Payload) -> Optional[str]:
    """The document <title> set by the payload's metadata rows, when it is a person's name."""
    stack, steps = list(payload.json_values), 0
    while stack and steps < _MAX_WALK:
        steps += 1
        node = stack.pop()
        if isinstance(node, list):
            if len(node) >= 4 and node[0] == "$" and node[1] == "title" and isinstance(node[3], dict):
                title = node[3].get("children")
                if isinstance(title, str):
                    name = re.split(r"\s+[|–—-]\s+", clean_text(title))[0]
                    return name if looks_like_name(name) and len(name.split()) <= 4 else None
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return None


def parse(page: Page) -> PageParse:
    entries, how = extract(page)
    person = _person(_payload(page))
    if person is None and page.syntax == "html":
        title = page.soup().find("title")
        if title is not None:
            name = re.split(r"\s+[|–—-]\s+", clean_text(title.get_text()))[0]
            person = name if looks_like_name(name) and len(name.split()) <= 4 else None
    return PageParse(kind="homepage", person=person, entries=entries, evidence=[f"Next.js payload: {how}"])
