"""`pubsift dedupe RECORDS.jsonl --out DIR`: the same dedupe and merge code `pubsift run` uses."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError


def load_records(path: str):
    """Read records.jsonl leniently: only record_id/title/authors/venue/year are required-ish."""
    from schemas.models import Author, Ids, Record

    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
            authors = []
            for a in row.get("authors") or []:
                if isinstance(a, str):
                    authors.append(Author(name=a))
                elif isinstance(a, dict) and (a.get("name") or a.get("family")):
                    name = a.get("name") or " ".join(p for p in (a.get("given"), a.get("family")) if p)
                    authors.append(Author(name=name, given=a.get("given"), family=a.get("family"), person_id=a.get("person_id")))
            year = row.get("year")
            try:
                year = int(year) if year not in (None, "") else None
            except (TypeError, ValueError):
                year = None
            ids = row.get("ids") or {}
            try:
                record = Record(
                    record_id=str(row.get("record_id") or f"line{number}"),
                    page=str(row.get("page") or ""),
                    position=int(row.get("position") or 0),
                    ingestor=str(row.get("ingestor") or ""),
                    title=row.get("title"),
                    authors=authors,
                    year=year,
                    date=row.get("date"),
                    venue=row.get("venue"),
                    abstract=row.get("abstract"),
                    ids=Ids(**{k: ids.get(k) for k in ("arxiv", "doi", "openreview") if ids.get(k)}),
                    urls=[u for u in row.get("urls") or [] if isinstance(u, str)],
                    note=row.get("note"),
                    flags=[f for f in row.get("flags") or [] if isinstance(f, str)],
                )
            except ValidationError as error:
                raise ValueError(f"{path}:{number}: invalid record ({error.error_count()} problems)") from None
            records.append(record)
    return records


def dedupe_file(records_path: str, out_dir: str) -> int:
    from pubsift.pipeline import write_jsonl_atomic
    from schemas.merge import assign_works, merge_works

    try:
        records = load_records(records_path)
    except (OSError, ValueError) as error:
        print(f"pubsift: {error}", file=sys.stderr)
        return 2
    assign_works(records)
    works = merge_works(records)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl_atomic(out / "records.jsonl", records)
    write_jsonl_atomic(out / "works.jsonl", works)
    print(f"pubsift: {len(records)} records -> {len(works)} works in {out}/")
    return 0
