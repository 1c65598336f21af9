"""Publication lists exported as a table: comma- or tab-separated files with a header row, as
Scopus ("Authors", "Author full names", "Title", "Year", "Source title"), Web of Science's
tab-delimited export (two-letter columns "PT AU AF TI SO PY …"), Zotero ("Item Type",
"Publication Year", "Author", "Title", "Publication Title") and spreadsheets write them.

    "Authors","Author full names","Title","Year","Source title",…
    "Adebayo-Okafor O.; Lindqvist M.","Adebayo-Okafor, Oluwaseun (57204418823); …","Groundwater …","2019","Hydrological …"

Columns are read by meaning, not by one vendor's schema (the header words, or Web of Science's
field tags); full author names win over abbreviated ones, and author ids in brackets go. Rows
whose item type is a data set, software or a talk are left out and counted. The owner is the
author on most rows.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Optional

from extract.fields.names import split_author_list
from extract.fields.structured import common_author
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "table_export"

MAX_ROWS = 20_000
# column meaning -> the header names (read as snake case) or Web of Science tags that carry it, best first
_COLUMNS = {  # (and the same headers in German, French, Spanish, Portuguese and Italian research systems)
    "title": ("title", "document_title", "article_title", "ti", "titel", "titre", "titolo", "titulo", "título", "tytul"),
    "authors": ("author_full_names", "af", "authors", "author", "au", "creators", "contributors", "autoren", "autor_innen",
                "autorinnen_und_autoren", "autorinnen", "autor", "auteurs", "auteur", "autori", "autore", "autores"),
    "year": ("year", "publication_year", "py", "pub_year", "date", "publication_date", "pd", "jahr", "erscheinungsjahr",
             "publikationsjahr", "annee", "année", "anno", "ano", "año", "fecha", "data"),
    "venue": ("source_title", "publication_title", "journal", "journal_title", "so", "venue", "source", "book_title",
              "conference_name", "proceedings_title", "container_title", "publication", "periodical", "container",
              "erschienen_in", "zeitschrift", "quelle", "titel_der_zeitschrift", "revue", "rivista", "revista", "fuente",
              "publie_dans", "publicado_en", "publicado_em", "pubblicato_in"),
    "publisher": ("publisher", "university", "institution", "pu", "verlag", "editeur", "éditeur", "editore", "editorial",
                  "editora"),
    "kind": ("document_type", "item_type", "dt", "type", "publication_type", "pt_type", "publikationstyp", "dokumenttyp",
             "typ", "tipo", "tipo_de_publicacion", "type_de_document"),
    "doi": ("doi", "di"),
}
_NOT_PUBLICATION_KIND_RE = re.compile(r"(?i)^(?:data\s?set|dataset|computer\s?program|software|presentation|video(?:recording)?|"
                                      r"podcast|audio\s?recording|artwork|map|patent|note|erratum|correction)$")
_AUTHOR_ID_RE = re.compile(r"\s*\(\d{5,}\)")  # Scopus's "(57204418823)" after each full name
_WOS_TAGS_RE = re.compile(r"^(?:PT|AU|AF|TI|SO|PY)$")


def _dialect(head: str) -> Optional[str]:
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    if first.count("\t") >= 3:
        return "\t"
    if first.count(",") >= 3 and first.lstrip().startswith(("\"", "'")) or first.count(",") >= 3:
        return ","
    if first.count(";") >= 3:
        return ";"
    return None


def _rows(text: str) -> tuple[list[str], list[list[str]]]:
    text = text.lstrip("\ufeff")
    delimiter = _dialect(text[:5000])
    if delimiter is None:
        return [], []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = []
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) >= MAX_ROWS:
                break
    except (csv.Error, StopIteration):
        return [], []
    return header, rows


def _columns(header: list[str]) -> dict[str, int]:
    # header words as snake case ("Publication Title" -> publication_title, "Author(s) ID" -> author_s_id)
    names = [re.sub(r"[^a-z0-9]+", "_", h.strip().strip("\ufeff").lower()).strip("_") for h in header]
    if sum(1 for h in header if _WOS_TAGS_RE.match(h.strip().strip("\ufeff"))) >= 4:
        names = [h.strip().strip("\ufeff").lower() for h in header]  # Web of Science's field tags
    found: dict[str, int] = {}
    for meaning, keys in _COLUMNS.items():
        for key in keys:
            if key in names:
                found[meaning] = names.index(key)
                break
    return found


def _cell(row: list[str], columns: dict[str, int], meaning: str) -> str:
    k = columns.get(meaning)
    return clean_text(row[k]).strip() if k is not None and k < len(row) else ""


def _table(page: Page) -> tuple[dict[str, int], list[list[str]]]:
    if page.syntax not in ("text", "markdown"):
        return {}, []
    header, rows = _rows(page.text[:50_000_000])
    columns = _columns(header) if header else {}
    if "title" not in columns or "authors" not in columns or not ({"year", "venue"} & set(columns)):
        return {}, []
    return columns, rows


def detect(page: Page) -> float:
    head = page.text[:5000].lstrip("\ufeff")
    if _dialect(head) is None:
        return 0.0
    columns, rows = _table(page)
    titled = sum(1 for r in rows[:50] if _cell(r, columns, "title"))
    return 0.93 if columns and titled >= 1 else 0.0


def _entry(row: list[str], columns: dict[str, int]) -> Optional[Entry]:
    title = _cell(row, columns, "title")
    if not title:
        return None
    authors = _AUTHOR_ID_RE.sub("", _cell(row, columns, "authors"))
    single = re.fullmatch(r"([^,;]{2,60}),\s*([^,;]{2,60})", authors)
    people = []
    if single:  # one "Family, Given" in a cell whose authors are ";"-separated (Zotero, Scopus)
        family, given = single.group(1).strip(), single.group(2).strip()
        people, authors = [Author(name=f"{given} {family}", given=given, family=family)], ""
    year_text = _cell(row, columns, "year")
    year = re.search(r"\b(?:1[5-9]|20)\d{2}\b", year_text)
    doi = _cell(row, columns, "doi")
    return Entry(title=title, authors=people, authors_text=authors or None, year=int(year.group(0)) if year else None,
                 venue=_cell(row, columns, "venue") or _cell(row, columns, "publisher") or None, doi=doi or None)


def parse(page: Page) -> PageParse:
    columns, rows = _table(page)
    entries, left_out = [], 0
    for row in rows:
        if _NOT_PUBLICATION_KIND_RE.match(_cell(row, columns, "kind").replace(" ", "")) or \
                _NOT_PUBLICATION_KIND_RE.match(_cell(row, columns, "kind")):
            left_out += 1
            continue
        entry = _entry(row, columns)
        if entry is not None:
            entries.append(entry)
    evidence = [f"table export: {len(entries)} rows" + (f" ({left_out} data sets, software or talks left out)" if left_out else "")]
    # the owner: the author on most rows (names split as finalise_entry will split them)
    person = common_author([split_author_list(e.authors_text).names if e.authors_text else e.authors for e in entries],
                           min_share=0.6)
    if person:
        evidence.append(f"at least 60% of the rows have author '{person}'")
    kind = "listing" if person else ("search-results" if entries else "not-a-profile")
    return PageParse(kind=kind, person=person, entries=entries, evidence=evidence)
