"""A Markdown page whose publications are data in its YAML (or TOML) front matter — a Jekyll or
Hugo page that a template renders ("{% for pub in page.publications %}"):

    ---
    name: Ingrid Halvorsen
    publications:
      - title: "Glacier surge detection with Sentinel-1 coherence"
        authors: "**I. Halvorsen**, K. Tanaka, M. Osei"      <- a string, a list, or [A, B]
        venue: Remote Sensing of Environment
        year: 2022                                             <- or "in press": a note, no year
    ---

The items are read by meaning with the JSON reader's mapping (json_records): title, authors,
year/date, venue/journal, doi, url. Markdown marks in values ("**I. Halvorsen**") are dropped.
The owner is the front matter's name/author field, else the author on most items. The page's
body (talks, software) is not read: the template shows the same items again.
"""
from __future__ import annotations

import re
from typing import Any

from extract.fields import frontmatter
from extract.fields.text import strip_markdown
from extract.ingestors import json_records
from extract.ingestors.base import PageParse
from extract.page import Page

NAME = "frontmatter_list"

_STATUS_RE = re.compile(r"(?i)^\s*(?:in press|forthcoming|submitted|accepted|under review|in preparation|to appear)\s*$")


def _front_data(page: Page) -> dict[str, Any]:
    syntax, front, _ = frontmatter.split(page.text)
    if not syntax:
        return {}
    data, _strict = frontmatter.parse(syntax, front)
    return data if isinstance(data, dict) else {}


def _plain(value: Any) -> Any:
    """Markdown marks out of string values, recursively (a name in bold, a title in italics)."""
    if isinstance(value, str):
        return " ".join(strip_markdown(value).split())
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def detect(page: Page) -> float:
    if page.syntax not in ("markdown", "text"):
        return 0.0
    if not page.text.lstrip().startswith(("---", "+++")):
        return 0.0
    return 0.93 if len(json_records.records_in(_plain(_front_data(page)))) >= 2 else 0.0


def parse(page: Page) -> PageParse:
    data = _plain(_front_data(page))
    entries = []
    for item in json_records.records_in(data):
        entry = json_records.entry_from_record(item)
        if not entry.title:
            continue
        year_value = next((item.get(k) for k in ("year", "date") if k in item), None)
        if entry.year is None and isinstance(year_value, str) and _STATUS_RE.match(year_value):
            entry.note = year_value.strip()  # "year: in press": a status, not a year
        kind = item.get("type")
        if isinstance(kind, str) and re.search(r"(?i)thesis|dissertation", kind) and entry.note is None:
            entry.note = kind.strip()
        entries.append(entry)
    evidence = [f"publication list in the front matter: {len(entries)} items"]
    owner = json_records.owner_field(data)
    if owner:
        return PageParse(kind="homepage", person=owner, entries=entries, evidence=evidence + [f"owner field '{owner}'"])
    result = json_records.listing_or_search_results(entries, evidence, "item", min_share=0.75)
    if result.kind == "search-results":
        result.kind = "homepage"  # a person's own page, whoever is on most items
    return result
