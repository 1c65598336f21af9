"""Two-column text (a CV's PDF run through `pdftotext -layout`): a sidebar and the main column
side by side on every line. Readers walk lines, so each column is laid out after the other.

    CONTACT                              EDUCATION
    Karlsplatz 13/E222                   2016–2021   Dr. techn., Civil Engineering
    ...                                  [J5] Vasilescu, E., Brandt, K. (2024). Multi-decadal
    Python, Julia, R                          snowmelt timing shifts in the Carpathian basin.

The gutter is the column where, on many lines, text starts after a run of spaces with text
before it too, and which (almost) no line crosses. A year column ("2019   Award") is no
sidebar: its left parts are dates, and text CVs read those lines whole.
"""
from __future__ import annotations

import re
from typing import Optional

_MIN_GAP = 3  # spaces between the columns
_MIN_SIDE_BY_SIDE = 6  # lines holding both columns
_MAX_CROSSING_SHARE = 0.15  # full-width lines (headers, footers) that cross the gutter
# a left part that is only a date, a number or a list label: a year column, not a sidebar
_DATE_LIKE_RE = re.compile(r"[\W\d_]*(?:(?:19|20)\d\d|\d{1,3}|[A-Z]?\d{1,3}|[A-Za-z]{2,4}\.?\s*(?:19|20)?\d\d)?[\W\d_–-]*"
                           r"(?:present|now|today|heute|actual|atual)?[\W_]*", re.I)


def _gutter(lines: list[str]) -> Optional[int]:
    """The column where the right-hand text starts, or None for a one-column text."""
    nonblank = [l for l in lines if l.strip()]
    if len(nonblank) < 2 * _MIN_SIDE_BY_SIDE:
        return None
    starts: dict[int, int] = {}
    for line in nonblank:
        for m in re.finditer(r"\S( {%d,})(?=\S)" % _MIN_GAP, line):
            starts[m.end()] = starts.get(m.end(), 0) + 1
    # lines with text on both sides of the column (the right side may be indented further:
    # a reference's wrapped lines)
    side_by_side = {column: sum(1 for l in nonblank if len(l) > column and l[:column - 2].strip()
                                and not l[column - 2 : column].strip() and l[column:].strip())
                    for column in starts if column >= 12}
    best = None
    for column, count in sorted(side_by_side.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < _MIN_SIDE_BY_SIDE:
            continue
        crossing = sum(1 for l in nonblank if len(l) > column and l[column - 2 : column].strip()
                       and l[:column].strip())
        if crossing > _MAX_CROSSING_SHARE * len(nonblank):
            continue
        lefts = [l[:column].strip() for l in nonblank if l[:column].strip() and len(l) > column and l[column:].strip()]
        wordy = sum(1 for left in lefts if not _DATE_LIKE_RE.fullmatch(left))
        if wordy < 0.6 * len(lefts):
            continue
        # both columns run on: the right one holds text on most lines of the stretch, not a
        # date or a count on an entry's first line only (a search listing's "Mar 2024  cited: 9")
        rows = [i for i, l in enumerate(nonblank) if len(l) > column and l[column:].strip() and l[:column].strip()]
        stretch = nonblank[rows[0] : rows[-1] + 1]
        if sum(1 for l in stretch if len(l) > column and l[column:].strip()) < 0.5 * len(stretch):
            continue
        best = column
        break
    return best


def unfold_columns(text: str) -> str:
    """Each two-column stretch of `text` as its left column, a blank line, then its right
    column; lines crossing the gutter (headers, footers) end a stretch and stay as they are.
    One-column text comes back unchanged."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    column = _gutter(lines)
    if column is None:
        return text
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush():
        if left or right:
            out.extend(left)
            out.append("")
            out.extend(right)
            out.append("")
        left.clear()
        right.clear()

    for line in lines:
        if len(line) > column and line[column - 2 : column].strip() and line[:column].strip():
            flush()  # a full-width line
            out.append(line)
            continue
        left_part, right_part = line[:column].rstrip(), line[column:].rstrip() if len(line) > column else ""
        left.append(left_part)  # each column keeps its own blank lines
        right.append(right_part)
    flush()
    return "\n".join(out).rstrip("\n") + ("\n" if text.endswith("\n") else "")
