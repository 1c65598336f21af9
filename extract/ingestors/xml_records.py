"""A site's or tool's own publication export as XML, in a schema no specific reader knows
(`<publications owner="…"><pub><title/><authors><author family="…"/></authors><year/>…`).

The tree is turned into plain data (an element is an object of its attributes and children,
repeated children a list, a text-only element its text) and read by meaning with the JSON
reader's mapping (json_records): title/name; authors as strings or {given, family}; year/date;
venue/journal/booktitle/publisher; doi; url. The specific XML readers (DBLP, arXiv Atom, RSS,
ORCID) are more certain of their own shapes and win; this one answers below them.
"""
from __future__ import annotations

from typing import Any

from extract.fields.safe_xml import local, page_xml
from extract.fields.structured import listing_or_search_results
from extract.ingestors import json_records
from extract.ingestors.base import PageParse
from extract.page import Page

NAME = "xml_records"

_MAX_DEPTH = 12
_MAX_NODES = 200_000


def element_data(element, depth: int = 0, budget: list | None = None) -> Any:
    """Plain data of an element: its text when it has no attributes or children, else an object
    of attributes and children (children of one tag repeated become a list; the element's own
    text is "value"). Bounded in depth and size for hostile files."""
    budget = budget if budget is not None else [_MAX_NODES]
    budget[0] -= 1
    kids = [c for c in element if local(c)]
    text = " ".join("".join(element.itertext()).split()) if not kids else " ".join((element.text or "").split())
    if not kids and not element.attrib:
        return text
    data: dict[str, Any] = {str(k).rsplit("}", 1)[-1]: v for k, v in element.attrib.items()}
    if text:
        data["value"] = text
    if depth >= _MAX_DEPTH or budget[0] <= 0:
        return data
    for kid in kids:
        value = element_data(kid, depth + 1, budget)
        key = local(kid)
        if key in data and key != "value":
            if not isinstance(data[key], list) or not getattr(data[key], "_repeated", False):
                data[key] = _Repeated([data[key]])
            data[key].append(value)
        else:
            data[key] = value
    return {k: list(v) if isinstance(v, _Repeated) else v for k, v in data.items()}


class _Repeated(list):
    _repeated = True


def _data(page: Page) -> Any:
    root = page_xml(page).root
    return element_data(root) if root is not None else None


def _record_lists(data: Any) -> Any:
    """The records: a list under the root, or one level further down (<export><pubs><pub/>…)."""
    if json_records.records_in(data):
        return data
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, dict) and json_records.records_in(value):
                return value
    return data


def detect(page: Page) -> float:
    if page.syntax != "xml":
        return 0.0
    return 0.55 if json_records.records_in(_record_lists(_data(page))) else 0.0


def parse(page: Page) -> PageParse:
    data = _data(page)
    records = json_records.records_in(_record_lists(data))
    entries = [e for e in (json_records.entry_from_record(r) for r in records) if e.title]
    evidence = [f"XML publication records: {len(entries)}"]
    owner = json_records.owner_field(data)
    if owner:
        return PageParse(kind="homepage", person=owner, entries=entries, evidence=evidence + [f"owner field '{owner}'"])
    return listing_or_search_results(entries, evidence, "record", min_share=0.75)
