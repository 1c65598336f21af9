"""`pubsift dedupe RECORDS.jsonl --out DIR`: the same dedupe and merge code `pubsift run` uses.

Streams: pass 1 reads each line once and keeps only its matching features and byte offset;
after clustering, pass 2 re-reads the lines to write records.jsonl (input order, with work_id) and
works.jsonl (work_id order). Memory therefore holds features, not records, so a million records
stay well under 2 GB. Records are cleaned to the Record model's shape by `plain_record`, which
mirrors the model's validators (a test checks it against the model).
"""
from __future__ import annotations

import os

import orjson
import sys
import time
import unicodedata
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Iterator, Optional


class InputError(ValueError):
    pass


def _nfc(value) -> Optional[str]:
    if not isinstance(value, str):
        return None
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _text(value) -> Optional[str]:
    """Like Record's validator for title/venue/abstract/note: NFC, stripped, empty -> None."""
    if not isinstance(value, str):
        return None
    value = (value if value.isascii() else unicodedata.normalize("NFC", value)).strip()
    return value or None


def _year(value) -> Optional[int]:
    try:
        year = int(value) if value not in (None, "") and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None
    return year if year is not None and 1000 <= year <= 2100 else None


def plain_record(row: dict, number: int) -> dict:
    """A records.jsonl row cleaned leniently into the Record shape (every Record field present).
    Only record_id/title/authors/venue/year matter; everything else is optional."""
    if not isinstance(row, dict):
        raise InputError(f"line {number}: not a JSON object")
    authors = []
    for a in row.get("authors") or []:
        if isinstance(a, str) and a.strip():
            authors.append({"name": _nfc(a), "given": None, "family": None, "person_id": None})
        elif isinstance(a, dict) and (a.get("name") or a.get("family")):
            name = a.get("name") or " ".join(p for p in (a.get("given"), a.get("family")) if isinstance(p, str) and p)
            authors.append({"name": _nfc(str(name)), "given": _nfc(a.get("given")), "family": _nfc(a.get("family")),
                            "person_id": a.get("person_id") if isinstance(a.get("person_id"), str) else None})
    ids = row.get("ids") if isinstance(row.get("ids"), dict) else {}
    position = row.get("position")
    return {
        "record_id": str(row.get("record_id") or f"line{number}"),
        "page": str(row.get("page") or ""),
        "position": position if isinstance(position, int) and not isinstance(position, bool) else 0,
        "ingestor": str(row.get("ingestor") or ""),
        "title": _text(row.get("title")),
        "authors": authors,
        "year": _year(row.get("year")),
        "date": row.get("date") if isinstance(row.get("date"), str) else None,
        "venue": _text(row.get("venue")),
        "abstract": _text(row.get("abstract")),
        "ids": {k: ids.get(k) if isinstance(ids.get(k), str) and ids.get(k) else None
                for k in ("arxiv", "doi", "openreview")},
        "urls": [u for u in row.get("urls") or [] if isinstance(u, str)],
        "note": _text(row.get("note")),
        "flags": [f for f in row.get("flags") or [] if isinstance(f, str)],
        "work_id": None,
    }


def _lines(path: str) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line) for every non-blank line."""
    offset = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, offset, line
            offset += len(line)


def _load(line: bytes, number: int):
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise InputError(f"line {number}: not JSON ({error})") from None


def _parse(line: bytes, number: int) -> dict:
    return plain_record(_load(line, number), number)


def _dump(row: dict) -> str:
    """canonical_json of a row that is already NFC (plain_record / merge_rows): orjson writes the
    same bytes as json.dumps(sort_keys, ensure_ascii=False, compact) for these str/int/None rows."""
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def load_records(path: str):
    """Record models for a records.jsonl (for callers that want models; small files)."""
    from schemas.models import Record

    return [Record.model_validate(_parse(line, number)) for number, _, line in _lines(path)]


def dedupe_file(records_path: str, out_dir: str) -> int:
    from schemas.dedupe import dedupe_features, features
    from schemas.merge import merge_rows

    try:
        offsets, numbers, items = array("q"), array("q"), []
        for number, offset, line in _lines(records_path):
            row = _load(line, number)  # features() is lenient: no need to clean the row first
            if not isinstance(row, dict):
                raise InputError(f"line {number}: not a JSON object")
            if not row.get("record_id"):
                row["record_id"] = f"line{number}"
            items.append(features(row))
            offsets.append(offset)
            numbers.append(number)
        _phase("read + features")
        result = dedupe_features(items)
        del items
        _phase("block + compare + EM + cluster")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        members: dict[str, list[int]] = defaultdict(list)
        for k, work_id in enumerate(result.work_ids):
            members[work_id].append(k)
        with _atomic(out / "records.jsonl") as handle:
            for k, (number, _, line) in enumerate(_lines(records_path)):
                row = _parse(line, number)
                row["work_id"] = result.work_ids[k]
                handle.write(_dump(row) + "\n")
        _phase("records.jsonl")
        with open(records_path, "rb") as source, _atomic(out / "works.jsonl") as handle:
            for work_id in sorted(members):
                rows = []
                for k in members[work_id]:
                    source.seek(offsets[k])
                    row = _parse(source.readline(), numbers[k])
                    row["work_id"] = work_id
                    rows.append(row)
                handle.write(_dump(merge_rows(work_id, rows)) + "\n")
        _phase("works.jsonl")
    except InputError as error:
        print(f"pubsift: {records_path}: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"pubsift: {error}", file=sys.stderr)
        return 2
    print(f"pubsift: {len(result.work_ids)} records -> {len(members)} works in {out}/")
    return 0


_CLOCK = [time.process_time()]


def _phase(name: str) -> None:
    """CPU seconds per phase on stderr when PUBSIFT_TIMINGS is set (for bench/)."""
    now = time.process_time()
    if os.environ.get("PUBSIFT_TIMINGS"):
        print(f"pubsift: {name}: {now - _CLOCK[0]:.1f} s CPU", file=sys.stderr)
    _CLOCK[0] = now


class _atomic:
    """Write to a temporary file beside the target, rename into place on success."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")

    def __enter__(self):
        self.handle = open(self.tmp, "w", encoding="utf-8")
        return self.handle

    def __exit__(self, exc_type, *_):
        self.handle.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
        return False


def explain_work(records_path: str, work_id: str) -> int:
    """Print a work's records and, for each, why it matches the work's first record (field levels
    and weights of the model fitted on this file), plus near-misses from other works that share
    its title key."""
    from schemas.dedupe import _mark_common_titles, dedupe_features, explain_features, features

    try:
        rows = [_parse(line, number) | {"work_id": _load(line, number).get("work_id")}
                for number, _, line in _lines(records_path)]
    except (InputError, OSError) as error:
        print(f"pubsift: {records_path}: {error}", file=sys.stderr)
        return 2
    members = [r for r in rows if r["work_id"] == work_id]
    if not members:
        print(f"pubsift: no record has work_id {work_id} in {records_path}", file=sys.stderr)
        return 1
    items = _mark_common_titles([features(r) for r in rows])
    model = dedupe_features(list(items)).model
    index = {id(r): k for k, r in enumerate(rows)}
    anchor = members[0]
    fa = items[index[id(anchor)]]
    print(f"{work_id}: {len(members)} records; anchor {anchor['record_id']}: {anchor['title']!r}")
    for r in members[1:]:
        print(f"  {r['record_id']}: {r['title']!r}\n    " + "; ".join(explain_features(fa, items[index[id(r)]], model)))
    others = [r for r in rows if r["work_id"] != work_id and items[index[id(r)]].title == fa.title][:5]
    for r in others:
        print(f"  not merged {r['record_id']} ({r['work_id']}): {r['title']!r}\n    "
              + "; ".join(explain_features(fa, items[index[id(r)]], model)))
    return 0
