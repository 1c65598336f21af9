"""The local engine: worker processes on this machine (`--jobs N`), the default."""
from __future__ import annotations

from typing import Iterator


def extract(items: list, limits, jobs: int, advance, options) -> Iterator:
    from pubsift.pipeline import extract_all

    return extract_all(items, jobs, limits, advance)
