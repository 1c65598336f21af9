"""Turn field labels ({title, authors, year, venue} strings) into character spans of the raw
reference, tolerant of case, accents, punctuation, spacing and line-break hyphens
("un- certain" matches "uncertain"). Examples whose labels cannot be found are dropped."""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional

AUTHOR, TITLE, VENUE, YEAR = "AUTHOR", "TITLE", "VENUE", "YEAR"
LABELS = (AUTHOR, TITLE, VENUE, YEAR)


class Span(NamedTuple):
    start: int
    end: int
    label: str


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class FoldedText:
    """Alphanumeric characters of a text, folded, with their offsets in the original."""

    def __init__(self, text: str):
        chars, offsets = [], []
        for i, ch in enumerate(text):
            if ch.isalnum():
                for c in _fold_char(ch):
                    if c.isalnum():
                        chars.append(c)
                        offsets.append(i)
        self.text = "".join(chars)
        self.offsets = offsets

    def find(self, needle: str, start_char: int = 0) -> Optional[tuple[int, int]]:
        """Original (start, end) of the first folded occurrence of `needle` at or after start_char."""
        folded = FoldedText(needle).text
        if not folded:
            return None
        begin = next((k for k, off in enumerate(self.offsets) if off >= start_char), len(self.offsets))
        at = self.text.find(folded, begin)
        if at < 0:
            return None
        return self.offsets[at], self.offsets[at + len(folded) - 1] + 1


def _overlaps(span: tuple[int, int], taken: list[Span]) -> bool:
    return any(span[0] < s.end and s.start < span[1] for s in taken)


def _find_free(folded: FoldedText, needle: str, taken: list[Span], start_char: int = 0) -> Optional[tuple[int, int]]:
    pos = start_char
    while True:
        found = folded.find(needle, pos)
        if found is None:
            return None
        if not _overlaps(found, taken):
            return found
        pos = found[0] + 1


def align(raw: str, title: Optional[str], authors: list[str], year, venue: Optional[str]) -> Optional[list[Span]]:
    """Spans for every labelled field, or None when some label cannot be placed."""
    folded = FoldedText(raw)
    spans: list[Span] = []
    pos = 0
    for name in authors:
        found = _find_free(folded, name, spans, pos)
        if found is None:
            return None
        spans.append(Span(found[0], found[1], AUTHOR))
        pos = found[1]
    after_authors = pos
    if title:
        found = _find_free(folded, title, spans, after_authors) or _find_free(folded, title, spans)
        if found is None:
            return None
        spans.append(Span(found[0], found[1], TITLE))
    if venue:
        found = _find_free(folded, venue, spans, after_authors) or _find_free(folded, venue, spans)
        if found is None:
            return None
        spans.append(Span(found[0], found[1], VENUE))
    if year:
        for m in re.finditer(rf"(?<!\d){int(year)}(?!\d)", raw):
            if not _overlaps((m.start(), m.end()), spans):
                spans.append(Span(m.start(), m.end(), YEAR))
                break
        # a year found only inside the title or venue stays unlabelled: the model reads it there
    return sorted(spans)


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def bio_tags(doc) -> list[str]:
    """Token tags B-LABEL / I-LABEL / O from a Doc's entities (what the tagger learns)."""
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        tags[ent.start] = f"B-{ent.label_}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{ent.label_}"
    return tags


def to_doc(nlp, raw: str, spans: list[Span]):
    """A spaCy Doc of `raw` with the spans as entities (token-aligned by expansion) and the
    matching BIO tags on the tokens."""
    from spacy.tokens import Span as DocSpan

    doc = nlp.make_doc(raw)
    ents, last_end = [], -1
    for s in spans:
        span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
        if span is None:
            return None
        # punctuation never starts or ends a field: consistent edges are easier to learn
        # ("Romero, C." is tagged up to "C"; the period is O)
        start, end = span.start, span.end
        while start < end and not _has_alnum(doc[start].text):
            start += 1
        while end > start and not _has_alnum(doc[end - 1].text):
            end -= 1
        if start == end:
            continue
        if start < last_end:
            return None
        ents.append(DocSpan(doc, start, end, label=s.label))
        last_end = end
    doc.ents = [DocSpan(doc, e.start, e.end, label=e.label_) for e in ents]
    for token, tag in zip(doc, bio_tags(doc)):
        token.tag_ = tag
    return doc
