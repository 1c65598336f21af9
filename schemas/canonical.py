"""Canonical serialisation and content hashes: the basis of byte-identical output."""
from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from pydantic import BaseModel


def _normalise(value: Any) -> Any:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", str(k)): _normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    return value


def to_plain(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        obj = obj.model_dump(mode="json")
    return _normalise(obj)


def canonical_json(obj: Any) -> str:
    """One-line JSON with sorted keys, NFC strings and real UTF-8 (no \\u escapes)."""
    return json.dumps(to_plain(obj), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(obj: Any, prefix: str = "", length: int = 16) -> str:
    digest = hashlib.sha256(canonical_json(obj).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"
