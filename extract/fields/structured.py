"""Helpers shared by the ingestors of structured formats (APIs, databases, BibTeX):
who a set of entries belongs to, DBLP homonym numbers, journal references, wrapped abstracts."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional, Union

from extract.fields.names import clean_name, name_key
from extract.fields.text import clean_text
from schemas.models import Author

# DBLP disambiguates homonyms with a 4-digit number: "Di Xu 0001"
_HOMONYM_RE = re.compile(r"\s+\d{4}$")


def strip_homonym(name: str) -> str:
    return _HOMONYM_RE.sub("", name.strip())


def _display(author: Union[str, Author]) -> str:
    return author.name if isinstance(author, Author) else clean_name(author)


def common_author(author_lists: Iterable[list], min_share: float = 0.75, min_entries: int = 2) -> Optional[str]:
    """The author present on (nearly) every entry, when one clearly is: on at least
    `min_share` of the entries that list authors, and on more entries than anyone else."""
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    n = 0
    for authors in author_lists:
        names = [_display(a) for a in authors]
        names = [x for x in names if x]
        if not names:
            continue
        n += 1
        for key in {name_key(x) for x in names}:
            counts[key] += 1
        for x in names:
            shown.setdefault(name_key(x), Counter())[x] += 1
    if n < min_entries or not counts:
        return None
    ranked = counts.most_common(2)
    top, top_n = ranked[0]
    second_n = ranked[1][1] if len(ranked) > 1 else 0
    if top_n >= min_share * n and top_n > second_n:
        # the most frequent spelling; ties go to the longer (fuller) form, then alphabetical
        return sorted(shown[top].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return None


_JOURNAL_NUMBERS_RE = re.compile(
    r"^(?P<name>.*?[^\W\d_][.)]?)\s*[,;:]?\s*(?:(?:vol(?:ume)?\.?|no\.?|v\.|pp?\.|pages?)\s*)?\(?(?<!\d)\d+(?![^\W_])"
)


def venue_from_journal_ref(ref: Optional[str]) -> Optional[str]:
    """The journal name of an arXiv journal reference: 'Phys. Rev. B 74, 024520 (2006)' ->
    'Phys. Rev. B'; 'ActaAstron.56:1-50,2006' -> 'ActaAstron.'. Volume, pages and year go."""
    if not ref:
        return None
    ref = clean_text(ref).replace("\n", " ").strip()
    m = _JOURNAL_NUMBERS_RE.match(ref)
    name = m.group("name") if m else ref
    name = name.strip(" ,;:(")
    if len(re.findall(r"[^\W\d_]", name)) < 2:
        return ref
    return name


def arxiv_abstract(text: Optional[str]) -> Optional[str]:
    """arXiv abstracts are hard-wrapped at ~80 columns; a line that starts with spaces opens a
    new paragraph. Returns paragraphs separated by blank lines (finalise joins the wraps)."""
    if not text or not text.strip():
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    # the first line is indented in every abstract: it never marks a paragraph break
    while lines and not lines[0].strip():
        lines.pop(0)
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index > 0 and line[:1] in (" ", "\t") and line.strip() and paragraphs[-1]:
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p) or None
