"""A small, forgiving BibTeX reader: it never raises, whatever the input.

Handles @string macros (with `#` concatenation and the predefined month names), braced and
quoted values with nesting, multi-line values, @comment/@preamble blocks, text between entries
(Jekyll front matter, % comments), entries delimited by ( ) as well as { }, and malformed
entries (an unbalanced entry is closed at the next line that starts a new '@' entry).
Values are returned raw (LaTeX kept); `latex_to_text` turns them into Unicode.
"""
from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}
_ENTRY_START_RE = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])")
_NEXT_AT_LINE_RE = re.compile(r"\n[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]")
_NAME_RE = re.compile(r"[^\s=,{}()\"#%'~]+")
_SKIPPED_TYPES = {"comment", "preamble"}


class BibEntry(NamedTuple):
    type: str  # lower case: article, inproceedings, ...
    key: str
    fields: dict[str, str]  # lower-case field name -> raw value (macros resolved)
    start: int
    end: int


class BibFile(NamedTuple):
    entries: list[BibEntry]
    covered: int  # characters inside entries, @string and @comment blocks
    problems: int  # entries that were malformed and recovered


class _Malformed(Exception):
    pass


class _Reader:
    def __init__(self, text: str, strings: dict[str, str]):
        self.text = text
        self.strings = strings

    def skip_space(self, i: int) -> int:
        text = self.text
        while i < len(text):
            ch = text[i]
            if ch.isspace():
                i += 1
            elif ch == "%":  # a comment line inside an entry
                j = text.find("\n", i)
                i = len(text) if j < 0 else j + 1
            else:
                break
        return i

    def braced(self, i: int) -> tuple[str, int]:
        """Value starting at '{' at i -> (inner text, index after the closing brace)."""
        depth, j, text = 0, i, self.text
        while j < len(text):
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return text[i + 1: j], j + 1
            elif ch == "@" and depth == 1 and _at_line_start(text, j):
                raise _Malformed("unclosed brace")
            j += 1
        raise _Malformed("unclosed brace")

    def quoted(self, i: int) -> tuple[str, int]:
        depth, j, text = 0, i + 1, self.text
        while j < len(text):
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth = max(0, depth - 1)
            elif ch == '"' and depth == 0:
                return text[i + 1: j], j + 1
            elif ch == "\n" and _NEXT_AT_LINE_RE.match(text, j):
                break
            j += 1
        raise _Malformed("unclosed quote")

    def value(self, i: int) -> tuple[str, int]:
        """A field value: parts joined by '#'. Returns (value, index after it)."""
        parts = []
        while True:
            i = self.skip_space(i)
            if i >= len(self.text):
                raise _Malformed("value missing")
            ch = self.text[i]
            if ch == "{":
                part, i = self.braced(i)
            elif ch == '"':
                part, i = self.quoted(i)
            else:
                m = _NAME_RE.match(self.text, i)
                if not m:
                    raise _Malformed("value missing")
                word, i = m.group(0), m.end()
                if word.isdigit():
                    part = word
                else:
                    # a macro: @string first, then the predefined month names; unknown -> itself
                    part = self.strings.get(word.lower(), MONTHS.get(word.lower(), word))
            parts.append(part)
            i = self.skip_space(i)
            if i < len(self.text) and self.text[i] == "#":
                i += 1
                continue
            return "".join(parts), i

    def fields(self, i: int, close: str) -> tuple[dict[str, str], int]:
        """name = value pairs up to the closing delimiter -> (fields, index after the entry)."""
        fields: dict[str, str] = {}
        text = self.text
        while True:
            i = self.skip_space(i)
            if i >= len(text):
                raise _Malformed("entry not closed")
            if text[i] == close:
                return fields, i + 1
            if text[i] == ",":
                i += 1
                continue
            m = _NAME_RE.match(text, i)
            if not m:
                raise _Malformed(f"unexpected {text[i]!r}")
            name = m.group(0).lower()
            i = self.skip_space(m.end())
            if i >= len(text) or text[i] != "=":
                raise _Malformed("missing '='")
            value, i = self.value(i + 1)
            fields.setdefault(name, value)  # a repeated field: BibTeX keeps the first


def _at_line_start(text: str, j: int) -> bool:
    k = j - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _closing(open_char: str) -> str:
    return "}" if open_char == "{" else ")"


def _skip_block(text: str, i: int, open_char: str) -> int:
    """Index after a balanced @comment{...} / @preamble{...} block (or the line end if unbalanced)."""
    close, depth = _closing(open_char), 0
    for j in range(i, len(text)):
        if text[j] == open_char:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if depth == 0:
                return j + 1
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def parse_bibtex(text: str) -> BibFile:
    """All entries of a BibTeX text, in order. Never raises."""
    strings: dict[str, str] = {}
    reader = _Reader(text, strings)
    entries: list[BibEntry] = []
    covered = problems = 0
    i = 0
    while True:
        m = _ENTRY_START_RE.search(text, i)
        if not m:
            break
        kind, open_char = m.group(1).lower(), m.group(2)
        body = m.end()
        if kind in _SKIPPED_TYPES:
            i = _skip_block(text, m.end() - 1, open_char)
            covered += i - m.start()
            continue
        close = _closing(open_char)
        try:
            if kind == "string":
                fields, end = reader.fields(body, close)
                strings.update({k: v for k, v in fields.items()})
            else:
                j = reader.skip_space(body)
                key_end = j
                while key_end < len(text) and text[key_end] not in ",\n" + close:
                    key_end += 1
                key = text[j:key_end].strip()
                if key_end < len(text) and text[key_end] == close:
                    fields, end = {}, key_end + 1
                else:
                    fields, end = reader.fields(key_end, close)
                entries.append(BibEntry(kind, key, fields, m.start(), end))
            covered += end - m.start()
            i = end
        except (_Malformed, RecursionError, IndexError):
            problems += 1
            # salvage what came before the break, then resume at the next entry start
            nxt = _NEXT_AT_LINE_RE.search(text, body)
            end = nxt.start() + 1 if nxt else len(text)
            if kind != "string":
                salvaged = _salvage(reader, text, body, end, close)
                if salvaged is not None:
                    entries.append(BibEntry(kind, salvaged[0], salvaged[1], m.start(), end))
            covered += end - m.start()
            i = end
    return BibFile(entries, covered, problems)


def _salvage(reader: _Reader, text: str, start: int, end: int, close: str):
    """Fields of a malformed entry: well-formed fields are read as usual; a value that never
    closes is taken up to the end of its line."""
    piece = text[start:end].rstrip()
    if not piece.endswith(close):
        piece = piece + "\n" + close
    sub = _Reader(piece, reader.strings)
    key_end = piece.find(",")
    if key_end < 0:
        return None
    key = piece[:key_end].strip()
    fields: dict[str, str] = {}
    i = key_end + 1
    while i < len(piece):
        i = sub.skip_space(i)
        if i >= len(piece) or piece[i] == close:
            break
        if piece[i] == ",":
            i += 1
            continue
        m = _NAME_RE.match(piece, i)
        j = sub.skip_space(m.end()) if m else i
        if not m or j >= len(piece) or piece[j] != "=":
            line_end = piece.find("\n", i)
            i = len(piece) if line_end < 0 else line_end + 1  # not a field: skip the line
            continue
        try:
            value, i = sub.value(j + 1)
        except (_Malformed, RecursionError, IndexError):
            line_end = piece.find("\n", j)
            line_end = len(piece) if line_end < 0 else line_end
            value = piece[j + 1: line_end].strip().lstrip("{\"").rstrip(",")
            i = line_end + 1
        fields.setdefault(m.group(0).lower(), value)
    return (key, fields) if fields else None


_AND_RE = re.compile(r"\s+and\s+", re.I)


def split_names(value: str) -> list[str]:
    """Split a BibTeX name list on ' and ' outside braces ('{Barnes and Noble} and Doe, J')."""
    names, depth, start, i = [], 0, 0, 0
    while i < len(value):
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and ch.isspace():
            m = _AND_RE.match(value, i)
            if m:
                names.append(value[start:i])
                start = i = m.end()
                continue
        i += 1
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]
