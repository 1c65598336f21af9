"""A publication as people list their own work on homepages, title first, read by rule:

    Sparse Attention Routing for Long-Horizon Planning. M. Okonkwo, L. Varga, T. Brennecke. NeurIPS 2022.
    Gradient Surgery for Speech Recognition — A. Ferreira, H. Kimura — ICML 2021 (Oral)
    Title: Robust Federated Learning Authors: L. Zhou, M. Garcia Venue: IEEE S&P 2020

The author list in the middle has a rigid shape (initials or given names, family names,
commas, a final "and"), which a tagger trained mostly on author-first references sometimes
reads as part of the title. Only lines whose middle part is such a list, whose head does not
read as names, and whose tail names a year, a status or a venue are taken.

    find_title_first_spans(text) -> list[(label, start, end)] | None
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.sections import PUBLICATION_STATUS

_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|la|le|dos|ten|ter)"
_FAMILY = rf"(?:{_PARTICLE}\s){{0,3}}(?=[\w'’-]*[a-zß-ÿā-ɏ])[A-ZÀ-ÞĀ-Ž][\w'’-]*"  # Ł, Š, Ž … too
# an owner set in capitals among the names ("Mariam Haddad, Chen Wu, OLIVER BRANDT")
_CAPS_NAME = r"[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})?\s[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})?"
_NAME = rf"(?:(?:(?:[A-Z]\.\s?-?){{1,3}}\s?|[A-ZÀ-ÞĀ-Ž][a-zß-ÿĀ-ɏ'’-]+\s(?:[A-Z]\.\s)?){_FAMILY}|{_CAPS_NAME})[*†‡]{{0,2}}"
_NAMES = rf"{_NAME}(?:,\s{_NAME}){{0,30}}(?:,?\s(?:and|&)\s{_NAME})?(?:,?\s(?:et\sal\.?|…))?"
_NUMBER = r"(?:\[?\d{1,3}[.)\]]\s+)?"
_SENTENCE_RE = re.compile(rf"^{_NUMBER}(?P<title>[^\s].{{6,300}}?[^\s.])(?P<end>[.?!])\s+(?P<names>{_NAMES})\.\s+(?P<rest>\S.*)$")
_SEPARATED_RE = re.compile(rf"^{_NUMBER}(?P<title>[^\s].{{6,300}}?)\s[—–|]\s(?P<names>{_NAMES})\s[—–|]\s(?P<rest>\S.*)$")
# what shows a head is an author list, not a title: initials ("D. Ourston and R", "Feeley, M. J."),
# a bracketed year ("Kautz, H. A. (1996)"), capitalised family names before commas ("D’SOUZA, J.E.")
_NAMES_IN_HEAD_RE = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z]|,\s*(?:[A-Z]\.\s?){1,3}(?:[,:\s]|$)|\b[A-Z]$|\((?:19|20)\d\d[a-z]?\)"
                               r"|\b[A-Z][A-Z'’-]{2,},\s|(?:^|\.\s)[A-Z][\w'’-]+\.\s|^[A-Z][\w'’-]+,\s[A-Z]|^[-–—_]{2}"
                               r"|\bet\.?\s?al\b|(?:^|\s)(?:19|20)\d\d[a-z]?[.:,]\s")
# a journal abbreviation looks like a name ("J. Funct" + ". Anal. 266"): its next word is abbreviated too
_ABBREVIATION_NEXT_RE = re.compile(r"^[A-Z][a-z]{0,6}\.(?:\s|$)")
_LABELLED_RE = re.compile(r"^\s*Title:\s*(?P<title>.{3,300}?)\s+Authors?:\s*(?P<names>.{3,400}?)\s+"
                          r"(?:Venue|Journal|Conference|Published in|Booktitle):\s*(?P<rest>.+)$", re.I)
_YEAR_RE = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
_STATUS_RE = re.compile(rf"\b(?:{PUBLICATION_STATUS}|preprint)\b", re.I)  # the one status vocabulary
_VENUE_CUE_RE = re.compile(r"[A-Z]{2,}|\b(?:Proc|Journal|Trans|Conference|Workshop|Symposium|Review|Letters|Annals|arXiv)")
_INITIAL_RE = re.compile(r"\b[A-Z]\.")


def _looks_like_names(text: str) -> bool:
    parts = [p for p in re.split(r",\s|\s(?:and|&)\s", text) if p.strip()]
    return bool(parts) and all(re.fullmatch(_NAME, p.strip()) for p in parts)


def find_title_first_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if len(text) > 1000:
        return None
    m = _LABELLED_RE.match(text) or _SEPARATED_RE.match(text) or _SENTENCE_RE.match(text)
    if m is None:
        return None
    title, names, rest = m.group("title"), m.group("names"), m.group("rest")
    if _looks_like_names(title) or len(title.split()) < 3 or _NAMES_IN_HEAD_RE.search(title):
        return None  # "J. Smith, A. Doe. Title. Venue": author first, not this layout
    n_names = len(re.split(r",\s|\s(?:and|&)\s", names))
    if n_names < 2 and not _INITIAL_RE.search(names):
        return None  # one "First Last" could be two title words
    if not (_YEAR_RE.search(rest) or _STATUS_RE.search(rest) or _VENUE_CUE_RE.search(rest)):
        return None
    if _ABBREVIATION_NEXT_RE.match(rest) or rest[:1].isdigit():
        return None  # "J. Funct" + ". Anal. 266": a journal abbreviation; "Z. Psychiatr" + ". 71, 360"
    first_part = re.split(r",\s", title, maxsplit=1)[0]
    if "," in title and re.fullmatch(_NAME, first_part):
        return None  # "John C. Baez, James Dolan, Categorification": names head the line
    spans: list[tuple[str, int, int]] = [("TITLE", m.start("title"), m.end("title") + (1 if m.groupdict().get("end") in ("?", "!") else 0))]
    for name in re.finditer(_NAME, names):
        spans.append(("AUTHOR", m.start("names") + name.start(), m.start("names") + name.end()))
    rest_at = m.start("rest")
    # the venue: the tail up to its year, a status, a bracket or a badge
    stop = re.search(r"\s*(?:[,.]?\s*(?:19|20)\d\d\b|[,.]?\s*\(|\s\[|\s[—–|]\s|[.,]\s*(?:Oral|Spotlight|Poster|Best)\b|$)", rest)
    venue = rest[: stop.start()].strip(" ,.;") if stop else rest.strip(" ,.;")
    if venue and not _STATUS_RE.fullmatch(venue) and len(venue) <= 200:
        at = rest.find(venue)
        spans.append(("VENUE", rest_at + at, rest_at + at + len(venue)))
    year = _YEAR_RE.search(rest) or _SHORT_YEAR_RE.search(rest)
    if year:
        spans.append(("YEAR", rest_at + year.start(1), rest_at + year.end(1)))
    return spans


# "EMNLP'23", "ICML ’22": a venue acronym with its year in two digits
_SHORT_YEAR_RE = re.compile(r"[A-Z]{2,}\s?(['’]\d{2})\b")
