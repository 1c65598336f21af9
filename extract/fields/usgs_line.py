"""The earth sciences' report style (USGS, GSA, state surveys and agencies), read by rule:

    Etxeberria, M., Tran, D.Q., and Holloway, P.J., 2023, Groundwater recharge estimates for the
    Pellam River basin, 1990–2020: Scientific Investigations Report 2023–5012, National Water
    Assessment Service, 64 p., https://doi.org/…
    Holloway, P.J., Etxeberria, M., and Grant, S., 2022, Isotopic tracers of snowmelt …: Journal of
    Mountain Hydrology, v. 31, p. 211–230.

Inverted names with initials, the year (or "in press") between commas, the title to its last colon,
then the source: a journal with its "v." / "no." / "p." numbers, or a report series with its number
and the issuing body (the venue, as the report's publisher) before "64 p." / "2 sheets". The tagger
reads the year between commas and the title's own range ("1990–2020") as fields of their own; the
shape is certain, so the rule reads it.

    find_usgs_spans(text) -> list[(label, start, end)] | None
"""
from __future__ import annotations

import re
from typing import Optional

_NAME = r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:[ -][A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s(?:[A-ZÀ-Þ]\.\s?-?){1,3}(?:,\s(?:Jr|Sr|II|III)\.)?"
_HEAD_RE = re.compile(
    rf"^\s*(?P<names>{_NAME}(?:(?:,\s|,?\sand\s){_NAME}){{0,30}}),\s+(?P<year>(?:19|20)\d{{2}}[a-z]?|[Ii]n press),\s+(?P<rest>\S.*)$")
# the source after the title's last colon: a report series with its number, then the issuer
_REPORT_RE = re.compile(
    r"(?P<series>(?:[A-Z][\w-]*\s){0,4}(?:Report|Map|Series|Paper|Circular|Sheet|Memorandum|Bulletin|Methods|Atlas|"
    r"Investigations|Record)\s+(?:[A-Z]{1,4}[-\s]?)?[\d–-][\w–/-]*),\s+(?P<issuer>[A-Z][^,:;]{3,120}?)"
    r"(?:,\s+(?:\d+\s+(?:p\.|sheets?|pls?\.)|\d+\s+sheets?|https?://)|\.?\s*$)")
# a journal: its name, then "v. 31", "no. 2", "p. 211–230" or "article e2020…"
_JOURNAL_RE = re.compile(r"(?P<journal>[A-Z][^,:;]{2,150}?)(?:,\s+(?:v\.|no\.|p\.|article)\s*\S|\.?\s*$)")


_JOURNAL_WITH_COLON_RE = re.compile(r"(?P<journal>[A-Z][^,;]{2,150}?)(?:,\s+(?:v\.|no\.|p\.|article)\s*\S|\.?\s*$)")
_JOURNAL_WORD_RE = re.compile(r"\b(?:Journal|Research|Review|Letters|Bulletin|Transactions|Proceedings|Annals|Quarterly)\b")
# "…, in Ashford, P., and Lee, K., eds., Book title"
_CHAPTER_IN_RE = re.compile(rf",\s+in\s+(?:{_NAME}(?:(?:,\s|,?\sand\s){_NAME}){{0,10}}),\s+eds?\.,\s+(?P<book>\S.{{3,300}})$")


def find_usgs_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if ", v. " not in text and " p." not in text and "sheet" not in text and "Report" not in text:
        return None
    m = _HEAD_RE.match(text)
    if m is None:
        return None
    rest, at = m.group("rest"), m.start("rest")
    # the title runs to the last ": " after which a source reads
    for colon in reversed([c.start() for c in re.finditer(r":\s", rest)]):
        title = rest[:colon].strip()
        if len(title.split()) < 3:
            break
        source = rest[colon + 1 :].lstrip()
        source_at = at + colon + 1 + (len(rest[colon + 1 :]) - len(source))
        report = _REPORT_RE.match(source)
        journal = None if report else _JOURNAL_RE.match(source)
        if report is None and journal is None:
            continue
        if journal is not None and not re.search(r",\s+(?:v\.|no\.|p\.|article)\s*\S", source) \
                and m.group("year")[:1].isdigit():
            continue  # (a journal is known here by its numbers, or closes an accepted paper; a bare name could be the subtitle's)
        if journal is not None and colon > 0:
            # "… Nankai Trough: Journal of Geophysical Research: Solid Earth, v. 125": a journal's name
            # may hold a colon of its own
            before = rest.rfind(": ", 0, colon)
            head = rest[before + 2 : colon] if before > 0 else ""
            whole = _JOURNAL_WITH_COLON_RE.match(rest[before + 1 :].lstrip()) if before > 0 else None
            if head and whole and len(head.split()) <= 8 and _JOURNAL_WORD_RE.search(head) and len(rest[:before].split()) >= 3:
                colon, title = before, rest[:before].strip()
                source = rest[colon + 1 :].lstrip()
                source_at = at + colon + 1 + (len(rest[colon + 1 :]) - len(source))
                journal = whole
        chapter = _CHAPTER_IN_RE.search(title)
        spans = [("AUTHOR", m.start("names") + n.start(), m.start("names") + n.end())
                 for n in re.finditer(_NAME, m.group("names"))]
        if m.group("year")[:1].isdigit():
            spans.append(("YEAR", m.start("year"), m.start("year") + 4))
        if chapter is not None:
            # GSA's chapter: "Title, in Ashford, P., ed., Volcanic Landscapes …: Geological Society of
            # America Special Paper 512, p. 1–20": the book is the venue
            spans.append(("TITLE", at, at + chapter.start()))
            spans.append(("VENUE", at + chapter.start("book"), at + chapter.end("book")))
            return spans
        spans.append(("TITLE", at, at + len(rest[:colon].rstrip())))
        if report is not None:
            spans.append(("VENUE", source_at + report.start("issuer"), source_at + report.end("issuer")))
        else:
            spans.append(("VENUE", source_at + journal.start("journal"), source_at + journal.end("journal")))
        return spans
    return None
