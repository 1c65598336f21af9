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
_FAMILY = rf"(?:{_PARTICLE}\s){{0,3}}(?=[\w'’-]*[a-zß-ÿā-ɏ])[A-ZÀ-ÞĀ-ŽȘȚ\u0218-\u021b][\w'’-]*"  # Ł, Š, Ž … too
# an owner set in capitals among the names ("Mariam Haddad, Chen Wu, OLIVER BRANDT")
_CAPS_NAME = r"[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})?\s[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})?"
# a given name: "Wen-Jie", "Sung-min", "Fatima Zahra" (two given names), "Ștefan"
_GIVEN = r"[A-ZÀ-ÞĀ-ŽȘȚ\u0218-\u021b][a-zß-ÿĀ-ɏ\u0219\u021b'’]+(?:-[A-Za-zß-ÿ][a-zß-ÿĀ-ɏ'’]+)?"
_NAME = (rf"(?:(?:(?:[A-Z]\.\s?-?){{1,3}}\s?|{_GIVEN}\s(?:{_GIVEN}\s)?(?:[A-Z]\.\s)?){_FAMILY}|{_CAPS_NAME})"
         r"[*†‡§¹²³]{0,2}")
NAME = _NAME  # one person in natural order, for the other line readers
_NAMES = rf"{_NAME}(?:,\s{_NAME}){{0,30}}(?:,?\s(?:and|&)\s{_NAME})?(?:,?\s(?:et\sal\.?|…))?"
_NUMBER = r"(?:\[?\d{1,3}[.)\]]\s+)?"
# what may head the line before the title: a venue or date label ("[ICLR 2025]", "[CVPR'22 Oral]",
# "SOSP 2023 — ", "Findings of EMNLP 2024 — ", "Mar 2024 — ", "2019 — ")
_LEAD = (r"(?:\[(?P<lead>[^\[\]]{2,40}?(?:(?:19|20)\d\d|['’]\d\d)[^\[\]]{0,60})\]\s*"
         r"|(?P<lead2>(?:(?:[A-Z][\w&'’.-]*|of|on|in|the|and|for)\s){0,6}(?:(?:19|20)\d\d|['’]\d\d)(?:\s\([^()]{2,40}\))?)(?:\s[—–|·]|:)\s)?")
_SENTENCE_RE = re.compile(rf"^{_NUMBER}{_LEAD}[\"“]?(?P<title>[^\s\"“].{{6,300}}?[^\s.])(?:(?P<end>[.?!])[\"”]?|[\"”]),?\s+(?:(?<=[\"”]\s)by\s+)?(?P<names>{_NAMES})"
                          r"(?:(?:\.|(?<=\.))\s+(?P<rest>\S.*)|\s[—–|·]\s(?P<rest2>\S.*)|(?P<bare>\.?\s*))$")
# the names last: "Title. MICCAI 2020. Leonie Frank, Tariq Bashir, Wen Liu."
_NAMES_LAST_RE = re.compile(rf"^{_NUMBER}{_LEAD}(?P<title>[^\s].{{6,300}}?[^\s.])(?P<end>[.?!])\s+"
                            r"(?P<rest>[^.]{2,100}?(?:(?:19|20)\d\d|['’]\d\d)[^.]{0,40}?)\.\s+"
                            rf"(?P<names>{_NAMES})\.?\s*$")
_SEPARATED_RE = re.compile(rf"^{_NUMBER}{_LEAD}(?P<title>[^\s].{{6,300}}?)\s[—–|·]\s(?P<names>{_NAMES})"
                           r"(?:(?:\s[—–|·]\s|\.\s+|(?<=\.)\s+)(?P<rest>\S.*)|(?P<bare>\.?\s*))$")
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
    # (cheap gates first: most references have no separator and do not end on a name)
    separated = "—" in text or "–" in text or "|" in text or "·" in text
    names_last = not re.search(r"\d", text[-30:])
    for pattern in (_LABELLED_RE, _SEPARATED_RE, _NAMES_LAST_RE, _SENTENCE_RE):
        if (pattern is _SEPARATED_RE and not separated) or (pattern is _NAMES_LAST_RE and not names_last) \
                or (pattern is _LABELLED_RE and "title:" not in text[:40].lower()):
            continue
        m = pattern.match(text)
        spans = _spans_of_match(m) if m else None
        if spans:
            return spans
    return None


def _spans_of_match(m: re.Match) -> Optional[list[tuple[str, int, int]]]:
    groups = m.groupdict()
    title, names = m.group("title"), m.group("names")
    rest = groups.get("rest") or groups.get("rest2") or ""
    rest_group = "rest" if groups.get("rest") else "rest2" if groups.get("rest2") else None
    lead_group = "lead" if groups.get("lead") else "lead2" if groups.get("lead2") else None
    lead = m.group(lead_group) if lead_group else ""
    if not rest and not lead:
        return None  # "Title — Names" alone: nothing confirms the layout
    if re.search(r"\s[—–|·]\s", title) and len(re.findall(r"\s[—–|·]\s", m.string)) >= 2:
        return None  # "2021 — Title — Venue — Names": the line's fields are set apart by its separator
    if (_looks_like_names(re.sub(r",?\s(?:Jr|Sr|II|III|IV)\.?$", "", title)) or len(title.split()) < 3
            or _NAMES_IN_HEAD_RE.search(title)):
        return None  # "J. Smith, A. Doe. Title. Venue": author first, not this layout
    n_names = len(re.split(r",\s|\s(?:and|&)\s", names))
    if n_names < 2 and not _INITIAL_RE.search(names):
        return None  # one "First Last" could be two title words
    long_names = [p for p in re.split(r",\s|\s(?:and|&)\s", names)
                  if sum(w[:1].isupper() for w in p.split()) >= 3 and not _INITIAL_RE.search(p)]
    if long_names and n_names < 3:
        return None  # "Unified Facilities Criteria, Energy Conservation": three-word "names" need company
    if re.search(r"\b(?:19|20)\d\d[a-z]?\)?$", title):
        return None  # "Department of Defense (DoD) 2002. Title. …": an author-year head, not a title
    if not any(_YEAR_RE.search(part) or _STATUS_RE.search(part) or _VENUE_CUE_RE.search(part) for part in (rest, lead) if part):
        return None
    if rest and (_ABBREVIATION_NEXT_RE.match(rest) or rest[:1].isdigit()):
        return None  # "J. Funct" + ". Anal. 266": a journal abbreviation; "Z. Psychiatr" + ". 71, 360"
    first_part = re.split(r",\s", title, maxsplit=1)[0]
    if "," in title and re.fullmatch(_NAME, first_part):
        return None  # "John C. Baez, James Dolan, Categorification": names head the line
    spans: list[tuple[str, int, int]] = [("TITLE", m.start("title"), m.end("title") + (1 if m.groupdict().get("end") in ("?", "!") else 0))]
    for name in re.finditer(_NAME, names):
        spans.append(("AUTHOR", m.start("names") + name.start(), m.start("names") + name.end()))
    # (the label heading the line first: "[ICLR 2024] Title. Names. [OpenReview] [code]")
    for part, at in ((lead, m.start(lead_group) if lead_group else 0), (rest, m.start(rest_group) if rest_group else 0)):
        if not part:
            continue
        # the venue: the part up to its year, a status, a bracket or a badge
        status_at = re.match(r"(?i:under review|submitted|accepted|to appear)\s+(?:at|to|in)\s+", part)
        skip = status_at.end() if status_at else 0
        stop = re.search(r"\s*(?:[,.]?\s*(?:19|20)\d\d\b|['’]\d\d\b|\s\d{1,2}/|[,.]?\s*\(|\s\[|\s[—–|·]\s|[.,]\s*(?:Oral|Spotlight|Poster|Best)\b|$)",
                         part[skip:])
        venue = part[skip : skip + stop.start()].strip(" ,.;") if stop else part[skip:].strip(" ,.;")
        if (venue and not _STATUS_RE.fullmatch(venue) and len(venue) <= 200 and not any(label == "VENUE" for label, _, _ in spans)
                and not re.fullmatch(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.?", venue)):
            where = part.find(venue, skip)
            spans.append(("VENUE", at + where, at + where + len(venue)))
        year = _YEAR_RE.search(part) or _SHORT_YEAR_RE.search(part) or re.search(r"\b\d{1,2}/((?:19|20)\d\d)\b", part)
        if year and not any(label == "YEAR" for label, _, _ in spans):
            spans.append(("YEAR", at + year.start(1), at + year.end(1)))
    return sorted(spans, key=lambda sp: sp[1])


# "EMNLP'23", "ICML ’22": a venue acronym with its year in two digits
_SHORT_YEAR_RE = re.compile(r"[A-Z]{2,}\s?(['’]\d{2})\b")
