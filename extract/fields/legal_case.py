"""A court case cited by its name, read by rule: the tagger, trained on papers, takes the "v."
in a case name for the end of a sentence.

    Dempsey v. Northwind Logistics LLC, 812 F.3d 447 (7th Cir. 2016).       (Bluebook)
    Harrowgate Holdings Ltd v Pemberton [2014] 2 WLR 881 (SC)               (OSCOLA)
    R (on the application of Okwuosa) v Secretary of State [2021] EWCA Civ 1580

The case name is the title, the law report (or the neutral citation's court) the venue, the
year the bracketed or parenthesised year. A US statute ("Clean Harbors Act, 33 U.S.C. § 1251
(2018)") likewise: the Act is the title, the code the venue.

    find_case_spans(text) -> list[(label, start, end)] | None
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import NATURAL_NAME

_PARTY = r"[A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|of|and|for|the|de|du|la|von|van|ex\s+rel\.|&))*"
_CASE_RE = re.compile(
    rf"^\s*(?:\d{{1,3}}[.)]\s+)?(?P<title>(?:R\s\(on the application of [^()]{{2,80}}\)|{_PARTY})\sv\.?\s{_PARTY}"
    r"(?:\s\([^()]{1,40}\))?)"
    r"(?=,\s*\d|\s*\[(?:19|20)\d{2}\]|\s*\((?:19|20)\d{2}\)|,?\s+\d{1,4}\s+[A-Z])")
# after the name: "[2014] 2 WLR 881", "[2021] EWCA Civ 1580", ", 812 F.3d 447 (7th Cir. 2016)"
_BRACKET_YEAR_RE = re.compile(r"\s*\[(?P<year>(?:19|20)\d{2})\]\s*(?:\d{1,4}\s+)?(?P<report>[A-Z][A-Za-z.]*(?:\s(?:Civ|Crim|Admin|Ch|Fam|Comm|QB|KB|Pat|TCC|IPEC|AC|All\sER|ER))?)")
_US_REPORT_RE = re.compile(r",?\s*\d{1,4}\s+(?P<report>(?:[A-Z][A-Za-z]*\.?\s?){1,3}(?:\d[a-z]{1,2})?)\s+\d{1,5}")
_PAREN_YEAR_RE = re.compile(r"\([^()]{0,40}?(?P<year>(?:19|20)\d{2})\)")


# a US statute: "Interstate Groundwater Compact Act, 43 U.S.C. § 2291 (2018)", "Clean Air Act § 109,
# 42 U.S.C. § 7409 (2012)": the Act is the title, the code the venue
_STATUTE_RE = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s+)?(?P<title>[A-Z][\w'’&.-]*(?:\s(?:[A-Z][\w'’&.-]*|of|and|for|the|on|to))*\sAct(?:\sof\s(?:19|20)\d{2})?)"
    r"(?:\s§+\s?[\w.()-]+)?,\s+\d{1,3}\s+(?P<code>U\.S\.C\.(?:\sA\.)?|C\.F\.R\.|Stat\.)\s+(?:§+\s?)?[\w.()-]+"
    r"(?:\s\((?:[^()]{0,30}?)(?P<year>(?:19|20)\d{2})\))?")


# a law-review article, Bluebook: "Daniel K. Okafor & Melissa Tran, Algorithmic Discrimination …,
# 105 Cornell L. Rev. 1453, 1460 (2020)": names in natural order, the title, then volume,
# abbreviated journal, first page (and a pinpoint), the year in parentheses
_NATURAL_NAME = NATURAL_NAME + r"(?:,\s(?:Jr|Sr|II|III|IV)\.?)?"
_LAW_REVIEW_RE = re.compile(
    rf"^\s*(?:\d{{1,3}}[.)]\s+)?(?P<names>{_NATURAL_NAME}(?:(?:,|\s&|,?\sand)\s{_NATURAL_NAME}){{0,5}}),\s+"
    r"(?P<title>[A-Z][^()]{5,300}?),\s+\d{1,4}\s+(?P<journal>[A-Z][\w.&'’ ]{0,60}?(?:L\.|Rev\.|J\.|Q\.|\w['’]y\b)[\w.&'’ ]{0,30}?)"
    r"\s+(?:\d{1,6}|\(forthcoming)(?:,\s*\d{1,6})?[^()]{0,20}?\((?:[^()]{0,30}?\s)?(?P<year>(?:19|20)\d{2})\)")


def find_law_review_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if len(text) > 700 or "(" not in text or not (("L." in text or "J." in text or "Rev." in text or "'y" in text or "’y" in text)
                                                     and re.search(r"\b(?:L\.|Rev\.|J\.)|\w['’]y\b", text)):
        return None
    m = _LAW_REVIEW_RE.match(text)
    if m is None:
        return None
    spans = [("TITLE", m.start("title"), m.end("title")), ("VENUE", m.start("journal"), m.end("journal")),
             ("YEAR", m.start("year"), m.end("year"))]
    at = m.start("names")
    for name in re.finditer(NATURAL_NAME, re.sub(r",\s(?:Jr|Sr|II|III|IV)\.?", lambda x: " " * len(x.group(0)), m.group("names"))):
        spans.append(("AUTHOR", at + name.start(), at + name.end()))
    return sorted(spans, key=lambda sp: sp[1])


def find_case_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if "Act" in text and ("U.S.C." in text or "C.F.R." in text or "Stat." in text):
        statute = _STATUTE_RE.match(text)
        if statute:
            spans = [("TITLE", statute.start("title"), statute.end("title")),
                     ("VENUE", statute.start("code"), statute.end("code"))]
            if statute.group("year"):
                spans.append(("YEAR", statute.start("year"), statute.end("year")))
            return spans
    if " v" not in text or len(text) > 600:
        return None
    m = _CASE_RE.match(text)
    if m is None:
        return None
    title = m.group("title")
    if len(title.split()) < 3 or len(title) > 250:
        return None
    spans = [("TITLE", m.start("title"), m.end("title"))]
    rest_at = m.end("title")
    rest = text[rest_at:]
    bracket = _BRACKET_YEAR_RE.match(rest)
    if bracket:
        spans.append(("YEAR", rest_at + bracket.start("year"), rest_at + bracket.end("year")))
        report = bracket.group("report").rstrip(".")
        spans.append(("VENUE", rest_at + bracket.start("report"), rest_at + bracket.start("report") + len(report)))
        return spans
    us = _US_REPORT_RE.match(rest)
    year = _PAREN_YEAR_RE.search(rest)
    if us is None or year is None:
        return None
    spans.append(("VENUE", rest_at + us.start("report"), rest_at + us.end("report")))
    spans.append(("YEAR", rest_at + year.start("year"), rest_at + year.end("year")))
    return spans
