"""SSRN's "Suggested Citation" and the lines people copy from it, read by rule:

    Mahler, Tobias, Algorithmic Collusion and EU Competition Law (September 2, 2021). Journal of
    European Competition Law & Practice, Vol. 12, No. 8, 2021, Available at SSRN: https://ssrn.com/…
    Hoffmann, Jens and Acheampong, Ama, Does Board Gender Diversity …? (May 3, 2019). European
    Corporate Governance Institute – Finance Working Paper No. 612/2019, Available at SSRN: …

Inverted names joined by "and", a comma, the title, the posting date in brackets, then the journal
or the working-paper series (its volume, number and year cut off) before "Available at SSRN". The
tagger reads the comma-joined names into the title; the shape is certain, so the rule reads it.

    find_ssrn_spans(text) -> list[(label, start, end)] | None
"""
from __future__ import annotations

import re
from typing import Optional

_NAME = r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:[ -][A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]*(?:\s[A-ZÀ-ÞĀ-ŽȘȚ]\.)?"
_SSRN_RE = re.compile(
    rf"^\s*(?P<names>{_NAME}(?:(?:,\s|\s(?:and|&)\s|,\sand\s){_NAME}){{0,12}}),\s+"
    r"(?P<title>[^()]{8,400}?)\s*\((?P<date>(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},\s+)?)?(?P<year>(?:19|20)\d{2}))\)\.?\s*"
    r"(?P<rest>.*?)\s*,?\s*Available at SSRN\b", re.S)
# the series' or journal's numbers after its name: ", Vol. 12, No. 8, 2021", " No. 612/2019", ", 2021"
_VENUE_NUMBERS_RE = re.compile(r"(?:,?\s+(?:Vol\.|Volume|No\.|Issue|pp\.)\s*[\w/.-]+|,\s*(?:19|20)\d{2}\b|,\s*\d[\w/.-]*).*$", re.I)


def find_ssrn_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if "SSRN" not in text:
        return None
    m = _SSRN_RE.match(text)
    if m is None:
        return None
    spans: list[tuple[str, int, int]] = []
    names_start = m.start("names")
    for name in re.finditer(_NAME, m.group("names")):
        spans.append(("AUTHOR", names_start + name.start(), names_start + name.end()))
    spans.append(("TITLE", m.start("title"), m.end("title")))
    spans.append(("YEAR", m.start("year"), m.end("year")))
    rest = m.group("rest")
    venue = _VENUE_NUMBERS_RE.sub("", rest).strip(" ,.")
    if venue and re.search(r"[^\W\d_]{3}", venue):
        spans.append(("VENUE", m.start("rest"), m.start("rest") + len(venue)))
    return spans
