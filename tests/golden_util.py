"""Golden-file helpers: compare extraction output with committed JSON.

Regenerate every golden file with:  PUBSIFT_UPDATE_GOLDEN=1 .venv/bin/pytest tests -q
(then review the diff with `git diff tests/golden` before committing it)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from schemas.canonical import to_plain

UPDATE = os.environ.get("PUBSIFT_UPDATE_GOLDEN") == "1"


def page_snapshot(result) -> dict:
    """What a golden file holds for one page: its manifest entry, profile and records."""
    return to_plain({
        "manifest": result.manifest,
        "profile": result.profile,
        "records": result.records,
    })


def assert_golden(actual: dict, path: Path) -> None:
    text = json.dumps(actual, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE or not path.exists():
        if not UPDATE:
            raise AssertionError(f"golden file missing: {path} (run with PUBSIFT_UPDATE_GOLDEN=1 to create it)")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    if expected != actual:
        # a focused message: which record/field differs first
        exp_records, act_records = expected.get("records", []), actual.get("records", [])
        detail = f"{len(exp_records)} expected records, {len(act_records)} actual"
        for i, (e, a) in enumerate(zip(exp_records, act_records)):
            if e != a:
                keys = sorted(k for k in set(e) | set(a) if e.get(k) != a.get(k))
                detail = f"record {i} differs in {keys}: expected {[e.get(k) for k in keys]!r:.300} got {[a.get(k) for k in keys]!r:.300}"
                break
        else:
            if expected.get("profile") != actual.get("profile"):
                detail = f"profile differs: {expected.get('profile')!r:.300} vs {actual.get('profile')!r:.300}"
        raise AssertionError(f"{path.name}: {detail}\n(regenerate with PUBSIFT_UPDATE_GOLDEN=1 if the change is intended)")
