"""Venues: reading them out of comments and tails ("* NeurIPS 2021", "published in Neural
Computation", "preliminary version at CDC 2008") and normalising their spelling."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from extract.fields.ids import URL_RE
from extract.fields.text import clean_text, strip_trailing_punct

_LEAD_RE = re.compile(
    r"^(?:(?:paper|article|work)\s+)?(?:(?:has\s+been\s+|was\s+|is\s+)?(?:accepted|published|presented|to\s+appear|appear(?:s|ed)?|"
    r"forthcoming|submitted|under\s+review|in\s+press|conditionally\s+accepted|camera[\s-]ready))"
    r"(?:\s+(?:for\s+publication|as\s+(?:an?\s+)?(?:oral|spotlight|poster|full\s+paper|short\s+paper|long\s+paper|"
    r"(?:main\s+)?conference\s+paper|workshop\s+paper|journal\s+paper|paper)))?"
    r"\s*(?:at|in|to|by|for|on)\s+(?:the\s+)?(?!publication\b)",
    re.I,
)
_IN_RE = re.compile(r"^(?:(?i:in|at)|en|em|dans|im)\s*:?\s+(?:(?i:the)\s+)?(?=[A-Z0-9À-Þ])")
# IEEE's and Spanish styles' numbers after the name: "Energies, vol. 13, no. 22, art. 6021"
_LABELLED_NUMBERS_TAIL_RE = re.compile(r"(?<=[^\W\d_]|[.)]),\s*(?i:vol|no|núm|num|art|pp?|nr|bd|jg|t)\.\s*\d.*$")
_STATUS_RE = re.compile(
    r"^(?:in\s+preparation|submitted|under\s+(?:review|submission)|working\s+paper|preprint|manuscript|"
    r"to\s+appear|in\s+press|forthcoming|accepted|draft|technical\s+report)\b\.?",
    re.I,
)
_PRELIM_RE = re.compile(r"preliminary\s+version\s+(?:at|in|appeared\s+(?:at|in))\s+(?:the\s+)?([^()\n;]+)", re.I)
_NOTE_WORDS_RE = re.compile(
    r"\b(?:\d+\s+pages?|\d+\s+figures?|\d+\s+tables?|figures?|pages?|typos?|correspondence|code\s+(?:is\s+)?available|"
    r"github|supplementary|appendix|version|revised|updated|extended|see\s+https?|e-?mail|interactive|videos?|"
    r"website|project\s+page|equal\s+contribution|corrected|added|withdrawn)\b",
    re.I,
)


class Comment(NamedTuple):
    venue: Optional[str]
    note: Optional[str]


def strip_urls(text: str) -> str:
    return re.sub(r"\s{2,}", " ", URL_RE.sub(" ", text)).strip(" :;,-")


def clean_venue(text: Optional[str]) -> Optional[str]:
    """Tidy a venue string: markup, leading 'In'/'published in', trailing punctuation."""
    if not text:
        return None
    text = clean_text(text).replace("\n", " ")
    text = re.sub(r"[*_]{1,3}", "", text).strip()
    text = re.sub(r"(?:\s*\[\s*\])+", "", text).strip()  # the empty brackets of stripped link labels
    text = _LEAD_RE.sub("", text)
    text = _IN_RE.sub("", text)
    text = strip_trailing_punct(_strip_unbalanced_brackets(text.strip()), " ,;:.—–|·")
    # the entry's year after a comma is the date, not part of the venue's name ("Venue, 2024";
    # "NeurIPS 2022" keeps its year)
    text = strip_trailing_punct(_COMMA_YEAR_RE.sub("", text), " ,;:.—–|·")
    # "Journal of Development Economics, 2022, 158, 102934": year, volume and article number
    text = _COMMA_YEAR_NUMBERS_RE.sub("", text)
    return venue_without_ids(text) or None


def _strip_unbalanced_brackets(text: str) -> str:
    """Brackets around or after the name that close nothing: "(Nature)" -> "Nature", "ICML)" ->
    "ICML"; "Transactions on Machine Learning Research (TMLR)" keeps its closing bracket."""
    for _ in range(3):
        before = text
        if text[:1] in "([" and text[-1:] in ")]" and text.count("(") + text.count("[") == 1:
            text = text[1:-1].strip()
        if text[-1:] in ")]" and text.count(")") + text.count("]") > text.count("(") + text.count("["):
            text = text[:-1].strip()
        if text[:1] in "([" and text.count("(") + text.count("[") > text.count(")") + text.count("]"):
            text = text[1:].strip()
        if text == before:
            break
    return text


def venue_without_ids(text: str) -> str:
    """A venue without the paper's own identifiers or date: "arXiv preprint arXiv:2302.04411"
    -> "arXiv preprint", "Language Resources of Nowhere (LRN) 2021" -> "... (LRN)"."""
    if "arxiv" in text.lower() and len(text) > 12:
        text = strip_trailing_punct(_ARXIV_ID_RE.sub("", text), " ,;:.—–|·") or "arXiv"  # a bare id: the venue is arXiv
    text = _YEAR_AFTER_ACRONYM_RE.sub("", text)
    text = _LEAD_IN_RE.sub("", text)  # "in Proc. ..." -> "Proc. ..."
    if re.search(r"[A-Za-z]", text):
        # Chicago: "Speculum 97, no. 3 (2022): 701–33": volume, issue, date and pages
        text = CHICAGO_VOLUME_TAIL_RE.sub("", text)
        if len(text.split()) >= 4:  # "Phys. Rev. Invented Materials 5, 044801": volume, article number
            text = _BARE_VOLUME_TAIL_RE.sub("", text)
        # "Annals of Imaginary Zoology, 44", "Global Biogeochemistry, 7(1), e2023014": volume,
        # issue, pages or article number after the name
        text = _VOLUME_TAIL_RE.sub("", text)
        text = _LABELLED_NUMBERS_TAIL_RE.sub("", text)
        # a year after a long name is the date ("Invented Quantum Letters 2020"); "NeurIPS 2021" keeps it
        if len(text.split()) >= 4:
            text = _YEAR_AFTER_NAME_RE.sub("", text)
    return text


_LEAD_IN_RE = re.compile(r"^(?:in|In)\s*:?\s+(?=[A-Z])")
_BARE_VOLUME_TAIL_RE = re.compile(r"(?<=[A-Za-z.])\s+\d{1,4}\s*(?:\(\s*\d+\s*\))?\s*[,:]\s*[A-Za-z]?\d[\w]*(?:\s*[-–]+\s*\d+)?$")
_VOLUME_TAIL_RE = re.compile(
    r"(?<=[A-Za-z.)]),\s*(?:vol\.?\s*)?\d+\s*(?:\(\s*[\w\-–]+\s*\))?(?:\s*[,:]\s*(?:pp?\.\s*)?[A-Za-z]?\d\w*(?:\s*[-–]+\s*\d+)?)?\s*$")
CHICAGO_VOLUME_TAIL_RE = re.compile(r"(?<=[A-Za-z.)])\s+\d{1,4}(?:,\s*no\.\s*\d{1,4})?\s*\((?:[A-Z][a-z]+\.?\s)?(?:1[6-9]|20)\d{2}\)?\s*(?::.*)?$")
_YEAR_AFTER_NAME_RE = re.compile(r"(?<=[a-z])\s+(?:19|20)\d{2}$")
_YEAR_AFTER_ACRONYM_RE = re.compile(r"(?<=\))[,;]?\s*(?:19|20)\d{2}[a-z]?$")


_ARXIV_ID_RE = re.compile(r"\s*\barXiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?(?:\s*\[[\w.\-]+\])?", re.I)


_COMMA_YEAR_RE = re.compile(r"(?<=\w)[,;]\s*(?:19|20)\d{2}[a-z]?$")
_COMMA_YEAR_NUMBERS_RE = re.compile(r"(?<=[A-Za-z.)])[,;]\s*(?:19|20)\d{2}[a-z]?(?:\s*[,;:]\s*[A-Za-z]?\d[\d()\s–-]*){1,3}$")


def venue_from_tail(text: str) -> Optional[str]:
    """The venue in an entry's tail such as '* published in Neural Computation.*' or
    '* in preparation * (preliminary version at CDC 2008)'."""
    if not text:
        return None
    plain = re.sub(r"[*_]{1,3}", " ", text)
    plain = re.sub(r"\s+", " ", plain).strip(" ,;.")
    if not plain:
        return None
    status = _STATUS_RE.match(plain)
    body = _LEAD_RE.sub("", plain)
    if status and body == plain:
        # a pure status ("in preparation"); a preliminary version may name the venue
        prelim = _PRELIM_RE.search(plain)
        return clean_venue(prelim.group(1)) if prelim else None
    # drop a parenthetical remark after the venue: "(preliminary version best submission to …)"
    body = re.sub(r"\s*\(.*$", "", body).strip()
    return clean_venue(body)


def _first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of a comment; the rest is '' for one sentence."""
    parts = re.split(r"(?<=[^\s.]{3})[.;]\s+", text, maxsplit=1)
    return (parts[0], parts[1].strip()) if len(parts) == 2 else (text, "")


def venue_from_comment(text: str) -> Comment:
    """Split a listing comment ('* NeurIPS 2021', '* 32 pages, 13 figures') into venue / note.

    A comment is a venue only when it is short and names a venue (a VENUE entity from the
    spaCy ruler, or an 'accepted at / published in …' lead); anything else is a note."""
    text = clean_text(text).lstrip("*•- ").strip()
    if not text:
        return Comment(None, None)
    bare = strip_urls(text)
    if not bare:
        return Comment(None, None)
    lead = _LEAD_RE.match(bare)
    words = bare.split()
    if lead and len(words) <= 14 and not _NOTE_WORDS_RE.search(bare[lead.end():]):
        venue = clean_venue(bare[lead.end():])
        if venue:
            return Comment(venue, None)
    # the venue's sentence first, a note after it: "Accepted at UAI 2022. 14 pages", "NeurIPS 2023
    # camera-ready. Part I of …" (a submission names no venue yet)
    first, rest = _first_sentence(bare)
    submission = re.match(r"(?i)(?:\w+\s+)?(?:submitted|under\s+review)", bare) is not None
    if lead and rest and len(first.split()) <= 14 and not _NOTE_WORDS_RE.search(first[lead.end():]) and not submission:
        venue = clean_venue(first[lead.end():])
        if venue:
            return Comment(venue, rest)
    if len(words) <= 6 and not _NOTE_WORDS_RE.search(bare):
        from extract.nlp import venues_in

        if venues_in(bare):
            return Comment(clean_venue(bare), None)
    if (rest and len(first.split()) <= 8 and re.search(r"\b(?:19|20)\d{2}\b", first) and not _NOTE_WORDS_RE.search(first)
            and not submission):
        from extract.nlp import venues_in

        first = re.sub(r"(?i)\s+camera[- ]ready$", "", first).strip()
        if venues_in(first):
            return Comment(clean_venue(first), rest)
    return Comment(None, bare)
