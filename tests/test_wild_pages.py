"""Invented pages in unknown styles (tests/fixtures/wild): page kind, owner and every record's
title, authors, year and venue against hand-written labels. Aggregate floors: the numbers this
version reaches (see the fixture README), so any regression shows."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from conftest import FIXTURES

WILD = FIXTURES / "wild"


def _fold(text) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _venue_ok(want, got) -> bool:
    a, b = _fold(want), _fold(got)
    return a == b or (bool(a) and bool(b) and (a in b or b in a))


def _score() -> dict[str, int]:
    from extract import extract_page

    totals = dict(pages=0, kind=0, owner=0, records=0, found=0, extra=0, authors=0, year=0, venue=0)
    for expected_path in sorted(WILD.glob("*.expected.json")):
        stem = expected_path.name[: -len(".expected.json")]
        page = next(p for p in WILD.iterdir() if p.stem == stem and not p.name.endswith(".expected.json"))
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        result = extract_page(page.name, page.read_bytes())
        totals["pages"] += 1
        totals["kind"] += (result.profile.kind == "not-a-profile") == (expected["kind"] == "not-a-profile")
        totals["owner"] += _fold(result.profile.person) == _fold(expected["owner"])
        by_title = {_fold(r.title): r for r in result.records}
        wanted = {_fold(e["title"]) for e in expected["records"]}
        totals["extra"] += sum(1 for t in by_title if t not in wanted)
        for want in expected["records"]:
            totals["records"] += 1
            got = by_title.get(_fold(want["title"]))
            if got is None:
                continue
            totals["found"] += 1
            totals["authors"] += [_fold(a.family) for a in got.authors] == [_fold(a) for a in want["authors"]]
            totals["year"] += got.year == want["year"]
            totals["venue"] += _venue_ok(want["venue"], got.venue)
    return totals


# measured on this version: 982 pages, 6,595 labelled records
FLOORS = dict(kind=968, owner=926, found=6298, authors=6116, year=6210, venue=6010)
MAX_EXTRA = 328


def test_wild_pages_meet_the_floors():
    totals = _score()
    assert totals["pages"] == 982 and totals["records"] == 6595
    short = {k: (totals[k], v) for k, v in FLOORS.items() if totals[k] < v}
    assert not short, f"below the floors (got, floor): {short}; all: {totals}"
    assert totals["extra"] <= MAX_EXTRA, totals
