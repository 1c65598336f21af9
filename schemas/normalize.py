"""Normalised keys for matching: titles, names, ids. Keys are for comparing, never for output."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOP_WORDS = frozenset(
    "a an the of for in on at to and or with by from via using towards toward into over under is are as its".split()
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12}
_LATEX_CMD_RE = re.compile(r"\\[a-zA-Z]+\s*(?:\{([^{}]*)\})?")
_SERIES_RE = re.compile(r"\b(part|paper|volume|vol|chapter|episode|series|book|no|number)\.?\s+([ivxlc]+|\d+)\b", re.I)


@lru_cache(maxsize=200_000)
def fold(text: str | None) -> str:
    if not text:
        return ""
    text = _LATEX_CMD_RE.sub(lambda m: m.group(1) or " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("ß", "ss")
    text = re.sub(r"[\W_]+", " ", text.casefold())
    return " ".join(text.split())


@lru_cache(maxsize=200_000)
def title_key(title: str | None) -> str:
    """Folded title without stop words: 'The Art of X' == 'art x'."""
    return " ".join(w for w in fold(title).split() if w not in STOP_WORDS)


def series_numbers(title: str | None) -> tuple[str, ...]:
    """Numbers that make a work one of a series ('Part II', 'Tensor Programs V', 'Gopher 2'):
    two titles whose series numbers differ are different works, however similar."""
    if not title:
        return ()
    found = []
    for m in _SERIES_RE.finditer(title):
        value = m.group(2).lower()
        found.append(str(ROMAN.get(value, value)))
    # a trailing roman numeral or number on the title head: "Tensor Programs V:", "GPT-4"
    head = re.split(r"[:\u2013\u2014]| - ", title, maxsplit=1)[0]
    m = re.search(r"\b([IVX]{1,4}|\d{1,3})\s*$", head.strip())
    if m:
        value = m.group(1)
        found.append(str(ROMAN.get(value.lower(), value)))
    return tuple(sorted(found))


def family_key(name: str | None) -> str:
    """Folded last word of a display name: 'Daniel Kenji Toyama' -> 'toyama'."""
    words = fold(name).split()
    return words[-1] if words else ""


def arxiv_key(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"v\d+$", "", value.strip().lower())


def doi_key(value: str | None) -> str | None:
    return value.strip().lower() if value else None
