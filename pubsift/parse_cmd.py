"""`pubsift parse FILE|-`: one free-text publication entry per input line -> one canonical JSON
record per line on stdout, same order and count (an empty line gives an all-null record)."""
from __future__ import annotations

import sys
from typing import Iterator, TextIO

CHUNK = 2048  # lines parsed per batch: bounded memory on big inputs, full batches for speed


def _lines(handle: TextIO) -> Iterator[str]:
    for line in handle:
        yield line.rstrip("\r\n")


def _chunks(lines: Iterator[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parse_stream(handle: TextIO, out: TextIO) -> int:
    from extract.entry_parser import parse_records
    from schemas.canonical import canonical_json

    count = 0
    for chunk in _chunks(_lines(handle)):
        for record in parse_records(chunk):
            out.write(canonical_json(record) + "\n")
            count += 1
    out.flush()
    return count


def parse_file(path: str) -> int:
    """Exit code: 0 ok, 2 usage (missing/unreadable file), 1 model missing."""
    from extract.entry_parser import ModelMissing

    try:
        if path == "-":
            handle = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)
        else:
            handle = open(path, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        print(f"pubsift: no such file: {path}", file=sys.stderr)
        return 2
    except (IsADirectoryError, PermissionError) as error:
        print(f"pubsift: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        with handle:
            parse_stream(handle, sys.stdout)
    except ModelMissing as error:
        print(f"pubsift: {error}", file=sys.stderr)
        return 1
    return 0
