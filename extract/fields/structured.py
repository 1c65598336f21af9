"""Helpers shared by the ingestors of structured formats (APIs, databases, BibTeX):
who a set of entries belongs to, DBLP homonym numbers, journal references, wrapped abstracts."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Optional, Union

from extract.fields.names import clean_name, name_key, split_name
from extract.fields.text import clean_text
from schemas.models import Author

if TYPE_CHECKING:  # base imports this module's neighbours; a runtime import would be circular
    from extract.ingestors.base import PageParse

# DBLP disambiguates homonyms with a 4-digit number: "Di Xu 0001"
_HOMONYM_RE = re.compile(r"\s+\d{4}$")


def strip_homonym(name: str) -> str:
    return _HOMONYM_RE.sub("", name.strip())


def _display(author: Union[str, Author]) -> str:
    return author.name if isinstance(author, Author) else clean_name(author)


def _person_key(name: str) -> str:
    """Family name and first initial: "Amara Osei-Whitfield" and "A. Osei-Whitfield" are one
    person in someone's own list."""
    parts = split_name(name)
    family = name_key(parts.family or name)
    given = name_key(parts.given or "")
    return f"{family}|{given[:1]}"


def common_author(author_lists: Iterable[list], min_share: float = 0.75, min_entries: int = 2) -> Optional[str]:
    """The author present on (nearly) every entry, when one clearly is: on at least
    `min_share` of the entries that list authors, and on more entries than anyone else."""
    author_lists = list(author_lists)
    if min_share >= 1.0 and not _someone_on_all(author_lists):
        return None  # cheap exit for long lists of many people's papers
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    n = 0
    for authors in author_lists:
        names = [_display(a) for a in authors]
        names = [x for x in names if x]
        if not names:
            continue
        n += 1
        for key in {_person_key(x) for x in names}:
            counts[key] += 1
        for x in names:
            shown.setdefault(_person_key(x), Counter())[x] += 1
    if n < min_entries or not counts:
        return None
    ranked = counts.most_common(2)
    top, top_n = ranked[0]
    second_n = ranked[1][1] if len(ranked) > 1 else 0
    if top_n >= min_share * n and top_n > second_n:
        # the most frequent spelling; ties go to the longer (fuller) form, then alphabetical
        return sorted(shown[top].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return None


def listing_or_search_results(entries: list, evidence: list[str], what: str = "entry",
                              min_share: float = 1.0) -> "PageParse":
    """A list of papers is one person's listing when one author is on every entry
    (person = that author), otherwise a search-results page of several people's papers.
    Someone's own export (RIS, EndNote, CSL-JSON) may hold a few works they edited or did not
    sign: those readers pass a lower min_share."""
    from extract.ingestors.base import PageParse

    person = common_author([e.authors for e in entries], min_share=min_share)
    if person:
        share = "every" if min_share >= 1.0 else f"at least {min_share:.0%} of the"
        return PageParse(kind="listing", person=person, entries=entries,
                         evidence=evidence + [f"{share} {what}s have author '{person}'" if share != "every"
                                              else f"every {what} has author '{person}'"])
    return PageParse(kind="search-results", entries=entries, evidence=evidence)


def _someone_on_all(author_lists: list[list]) -> bool:
    common: Optional[set[str]] = None
    for authors in author_lists:
        keys = {_person_key(_display(a)) for a in authors if _display(a)}
        keys.discard("")
        if not keys:
            continue
        common = keys if common is None else common & keys
        if not common:
            return False
    return bool(common)


_JOURNAL_NUMBERS_RE = re.compile(
    r"^(?P<name>.*?[^\W\d_][.)]?)\s*[,;:]?\s*(?:(?:vol(?:ume)?\.?|no\.?|v\.|pp?\.|pages?)\s*)?\(?(?<!\d)\d+(?![^\W_])"
)


_REF_LEAD_RE = re.compile(
    r"^(?:it\s+)?(?:has\s+been\s+|was\s+|is\s+)?(?:accepted|received|published|submitted|to\s+appear)"
    r"(?:\s+for\s+pu?b+lication)?\s+(?:by|in|to|at|on)\s+(?:the\s+)?", re.I)
# "Elena R. Alonso et al 2024 ApJ 976 95": an author/year prefix before the journal
_REF_AUTHORS_RE = re.compile(r"^.{2,80}?\bet\s+al\.?,?\s+(?:\(?(?:19|20)\d{2}\)?[,.]?\s+)?", re.I)
# ADS bibcodes ("2024NatAs.tmp..260L") name no venue readably
_BIBCODE_RE = re.compile(r"^(?:19|20)\d{2}[A-Za-z&][\w&.]{13}[A-Z.]$")


def venue_from_journal_ref(ref: Optional[str]) -> Optional[str]:
    """The journal name of an arXiv journal reference: 'Phys. Rev. B 74, 024520 (2006)' ->
    'Phys. Rev. B'; 'ActaAstron.56:1-50,2006' -> 'ActaAstron.'. Volume, pages and year go."""
    if not ref:
        return None
    ref = clean_text(ref).replace("\n", " ").strip()
    if _BIBCODE_RE.match(ref):
        return None
    ref = _REF_AUTHORS_RE.sub("", _REF_LEAD_RE.sub("", ref)) or ref
    m = _JOURNAL_NUMBERS_RE.match(ref)
    name = m.group("name") if m else ref
    if name.count("(") > name.count(")"):
        # the cut fell inside parentheses ("PoS(ARENA2024)035"): keep the parenthesised part
        close = ref.find(")", len(name))
        name = ref[: close + 1] if close > 0 else ref
    name = name.strip(" ,;:")
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


_COMMENT_TAIL_RE = re.compile(
    r"\s*(?:[.!;,]|\s-)\s+(?=(?:comments?|code|data|arxiv\s+admin|see|reproduction|materials|full|version|"
    r"\d+\s+(?:pages|figures|tables)|available|welcome|typos?|minor|matches|updated|this\s+https?)\b).*$",
    re.I | re.S,
)
_PUBLICATION_LEAD_RE = re.compile(r"^(?:pu?b+lication|publishing)\s+(?:on|in)\s+", re.I)


def tidy_comment_venue(venue: Optional[str], note: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """A venue read from a free comment loses the remarks that follow it
    ('ApJ, comments welcome!' -> 'ApJ'); the removed text goes to the note."""
    if not venue:
        return venue, note
    m = _COMMENT_TAIL_RE.search(venue)
    if m:
        tail = m.group(0).strip(" .,;!-")
        venue = venue[: m.start()]
        note = f"{note}; {tail}" if note and tail else (note or tail or None)
    venue = _PUBLICATION_LEAD_RE.sub("", venue)
    venue = re.sub(r"^(?:19|20)\d{2}[,.:]?\s+", "", venue).strip(" ,;:!-")
    return venue or None, note


def arxiv_venue_and_note(comment: Optional[str], journal_ref: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Venue and note of an arXiv entry: the journal reference names the venue; otherwise a
    comment may ('Accepted to ApJ'), judged by `venue_from_comment`; other remarks are the note."""
    from extract.fields.venues import venue_from_comment

    comment = clean_text(comment) or None
    venue = venue_from_journal_ref(journal_ref)
    note = comment
    if comment and not venue:
        venue, note = tidy_comment_venue(*venue_from_comment(comment))
    if journal_ref and not venue:
        ref = f"Journal-ref: {clean_text(journal_ref)}"
        note = f"{note}; {ref}" if note else ref
    return venue, note
