"""Reading JSON Lines output files: one place for line numbering and error wording."""
from __future__ import annotations

import json
from typing import Iterable, Iterator


class JsonlError(ValueError):
    """A line that is not a JSON object; the message names the file and line."""


def iter_objects(handle: Iterable[str], name: str) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every non-blank line; raises JsonlError on the first bad line."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise JsonlError(f"{name}:{number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise JsonlError(f"{name}:{number}: expected a JSON object per line")
        yield number, row
