"""Wikibase entity exports (Wikidata's Special:EntityData, Scholia-style dumps): a person item
and the scholarly works that name it as author, each an item of statements.

    "entities": {"Q…": {"labels": {"en": {"value": …}}, "claims": {
        "P1476": title (monolingual text), "P50": author items, "P2093": author name strings
        (both ordered by their P1545 "series ordinal" qualifier), "P577": publication date,
        "P1433": published in (an item, its label), "P356": DOI}}}

The owner is the person item (P31 = Q5, human) that most works name with P50. Labels of items
not in the export are unknown: such authors are left out rather than shown as bare ids.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Optional

from extract.fields.ids import normalise_doi
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "wikidata_json"

_HUMAN = "Q5"
_MAX_ITEMS = 50_000


def _entities(page: Page) -> dict:
    inner = payload(page)
    data = inner.json() if inner.syntax == "json" else None
    entities = data.get("entities") if isinstance(data, dict) else None
    return entities if isinstance(entities, dict) else {}


def _label(item: Any) -> Optional[str]:
    labels = item.get("labels") if isinstance(item, dict) else None
    if not isinstance(labels, dict) or not labels:
        return None
    chosen = labels.get("en") or labels.get("mul") or next(iter(labels.values()))
    value = chosen.get("value") if isinstance(chosen, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _statements(item: dict, prop: str) -> list[dict]:
    claims = item.get("claims") if isinstance(item, dict) else None
    values = claims.get(prop) if isinstance(claims, dict) else None
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def _value(statement: dict) -> Any:
    snak = statement.get("mainsnak") if isinstance(statement.get("mainsnak"), dict) else {}
    datavalue = snak.get("datavalue") if isinstance(snak.get("datavalue"), dict) else {}
    return datavalue.get("value")


def _ordinal(statement: dict, fallback: int) -> float:
    qualifiers = statement.get("qualifiers") if isinstance(statement.get("qualifiers"), dict) else {}
    for q in qualifiers.get("P1545") or []:
        value = (q.get("datavalue") or {}).get("value") if isinstance(q, dict) else None
        if isinstance(value, str) and re.fullmatch(r"\d{1,4}", value.strip()):
            return int(value)
    return 10_000 + fallback


def _item_id(value: Any) -> Optional[str]:
    return value.get("id") if isinstance(value, dict) and isinstance(value.get("id"), str) else None


# instance-of classes that are outputs but not publications: data set, software, video
_NOT_PUBLICATIONS = {"Q1172284", "Q7397", "Q341", "Q34508"}


def _is_work(item: dict) -> bool:
    kinds = {_item_id(_value(s)) for s in _statements(item, "P31")}
    if kinds & _NOT_PUBLICATIONS:
        return False
    return bool(_statements(item, "P1476")) or "Q13442814" in kinds


def _work(item: dict, entities: dict) -> tuple[Entry, list[str]]:
    title = next((v.get("text") for v in map(_value, _statements(item, "P1476")) if isinstance(v, dict)), None) \
        or _label(item)
    people: list[tuple[float, str]] = []
    author_ids: list[str] = []
    for n, statement in enumerate(_statements(item, "P50")):
        qid = _item_id(_value(statement))
        name = _label(entities.get(qid)) if qid else None
        if qid:
            author_ids.append(qid)
        if name:
            people.append((_ordinal(statement, n), name))
    for n, statement in enumerate(_statements(item, "P2093")):
        value = _value(statement)
        if isinstance(value, str) and value.strip():
            people.append((_ordinal(statement, 1000 + n), value.strip()))
    people.sort(key=lambda p: p[0])
    date = next((v.get("time") for v in map(_value, _statements(item, "P577")) if isinstance(v, dict)), None)
    match = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", date or "")
    year = int(match.group(1)) if match else None
    venue_id = next((_item_id(_value(s)) for s in _statements(item, "P1433")), None)
    venue = _label(entities.get(venue_id)) if venue_id else None
    doi = next((v for v in map(_value, _statements(item, "P356")) if isinstance(v, str)), None)
    entry = Entry(title=title, authors=[name for _, name in people], year=year, venue=venue,
                  doi=normalise_doi(doi) if doi and normalise_doi(doi) else None)
    return entry, author_ids


def detect(page: Page) -> float:
    if page.syntax != "json" or '"claims"' not in page.text:
        return 0.0
    entities = _entities(page)
    works = sum(1 for item in list(entities.values())[:_MAX_ITEMS] if isinstance(item, dict) and _is_work(item))
    return 0.95 if works >= 1 else 0.0


def parse(page: Page) -> PageParse:
    entities = _entities(page)
    entries, named = [], Counter()
    for item in list(entities.values())[:_MAX_ITEMS]:
        if isinstance(item, dict) and _is_work(item):
            entry, author_ids = _work(item, entities)
            if entry.title:
                entries.append(entry)
                named.update(set(author_ids))
    humans = {qid for qid, item in entities.items()
              if isinstance(item, dict) and any(_item_id(_value(s)) == _HUMAN for s in _statements(item, "P31"))}
    owner_id = next((qid for qid, _ in named.most_common() if qid in humans), None)
    person = _label(entities.get(owner_id)) if owner_id else None
    evidence = [f"Wikibase entity export: {len(entries)} works"] + ([f"owner item {owner_id}"] if owner_id else [])
    kind = ("homepage" if person else "listing") if entries else "not-a-profile"
    return PageParse(kind=kind, person=person, entries=entries, evidence=evidence)
