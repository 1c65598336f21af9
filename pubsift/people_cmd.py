"""`pubsift explain-person OUT_DIR A B`: why two authors are, or are not, one person.

A and B name an author slot as RECORD_ID:POSITION (0-based position in the author list, as in
records.jsonl), a page path (its owner: why two pages are or are not one researcher), or a name
(its first occurrence in records.jsonl). The identity model is
rebuilt from OUT_DIR's records.jsonl and profiles.jsonl, which gives the same ids as the run.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Optional

from schemas.models import Profile, Record


class ExplainError(Exception):
    pass


def _read_jsonl(path: Path, model) -> list:
    if not path.exists():
        raise ExplainError(f"{path} not found (is this the --out folder of `pubsift run`?)")
    rows = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(model(**json.loads(line)))
                except (ValueError, TypeError) as error:
                    raise ExplainError(f"{path}:{n}: not a valid row ({type(error).__name__})") from None
    return rows


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def find_mention(model, spec: str) -> int:
    """RECORD_ID:POS, a page (its owner), or a name (first occurrence, in output order)."""
    for unit in model.owner_units:
        if spec in unit.pages:
            return unit.mentions[0]
    record_id, sep, pos = spec.rpartition(":")
    if sep and pos.isdigit():
        for i, r in enumerate(model.records):
            if r.record_id == record_id:
                if int(pos) >= len(r.authors):
                    raise ExplainError(f"{record_id} has {len(r.authors)} authors; position {pos} is out of range")
                return model.mention_of[(i, int(pos))]
        raise ExplainError(f"no record {record_id} in records.jsonl")
    wanted = _nfc(spec)
    for (i, pos), mention in sorted(model.mention_of.items()):
        if _nfc(model.records[i].authors[pos].name) == wanted:
            return mention
    for unit in model.owner_units:  # a page owner named only by the page (no author entry)
        if unit.name and _nfc(unit.name) == wanted:
            return unit.mentions[0]
    raise ExplainError(f"no author named '{spec}' in records.jsonl (use RECORD_ID:POSITION)")


def explain_person(out_dir: str, first: str, second: str, out=None) -> int:
    from schemas.people import build_model, cluster_people, explain_mentions, person_of_mention

    out = out or sys.stdout
    folder = Path(out_dir)
    try:
        records = _read_jsonl(folder / "records.jsonl", Record)
        profiles = _read_jsonl(folder / "profiles.jsonl", Profile)
        model = cluster_people(build_model(records, profiles))
        a, b = find_mention(model, first), find_mention(model, second)
    except ExplainError as error:
        print(f"pubsift: {error}", file=sys.stderr)
        return 2
    for line in explain_mentions(model, a, b):
        print(line, file=out)
    stale = _stale(model, records, (a, b), person_of_mention)
    if stale:
        print(f"note: {stale}", file=out)
    return 0


def _stale(model, records: list[Record], mentions, person_of) -> Optional[str]:
    for m in mentions:
        mention = model.mentions[m]
        if mention.record >= 0:
            written = records[mention.record].authors[mention.position].person_id
            if written and written != person_of(model, m):
                return "records.jsonl carries other person_ids than this rebuild (written by another version?)"
    return None
