"""Normalised keys for matching: titles, venues, ids. Keys are for comparing, never for output.

Every function here is total (never raises on odd input) and idempotent on its own output, so the
same record always produces the same keys whichever source it came from. Person names live in
schemas/names.py.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

STOP_WORDS = frozenset(
    "a an the of for in on at to and or with by from via using towards toward into over under is are as its "
    "their our we this that these do does".split()
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "first": 1, "second": 2, "third": 3,
                 "fourth": 4, "fifth": 5}
_LATEX_CMD_RE = re.compile(r"\\[a-zA-Z]+\s*(?:\{([^{}]*)\})?")
_LATEX_ACCENT_RE = re.compile(r"\\[`'^\"~=.uvHcdbrk]\s*\{?([a-zA-Z])\}?")
_SERIES_RE = re.compile(
    r"\b(part|volume|vol|chapter|episode|book|lecture|no|number)\.?\s+([ivxlc]+|\d+|one|two|three|four|five)\b", re.I)
# cheap pre-check: a title without any digit, roman-numeral-like capital or series word has no series number
_SERIES_HINT_RE = re.compile(r"\d|[IVX]\b|part|vol|chapter|episode|book|lecture|\bno\b|number|first|second|third|"
                             r"fourth|fifth", re.I)
_SERIES_WORD_RE = re.compile(r"\b(first|second|third|fourth|fifth)\s+(part|report|paper|volume)\b", re.I)
# titles that *are* a comment on another work: they must never merge with the work itself
_ERRATUM_RE = re.compile(
    r"\b(errat(?:um|a)|corrigend(?:um|a)|addend(?:um|a)|retraction|retracted|correction to|comments? on|"
    r"reply to|response to|rejoinder|discussion of|author'?s? (?:reply|response))\b", re.I)
_FOLD_TABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                             "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})

# Titles that name a kind of item rather than a work: equal titles say little about identity.
GENERIC_TITLES = frozenset({
    "introduction", "editorial", "preface", "foreword", "guest editorial", "editor note", "editors note",
    "editor notes", "editors notes", "letter editor", "book review", "book reviews", "book review column",
    "keynote", "keynote address", "keynote talk", "invited talk", "panel", "panel discussion", "abstract",
    "abstracts", "conclusion", "conclusions", "summary", "overview", "announcements", "news", "obituary",
    "in memoriam", "contents", "table contents", "index", "author index", "errata", "erratum", "corrigendum",
    "reviewers", "acknowledgments", "acknowledgements", "chair message", "chairs message", "message chair",
    "president message", "presidents message", "treasurer message", "treasurers message", "report",
    "reports", "tutorial", "untitled", "title", "front matter", "back matter", "reminiscences influential papers",
    "influential papers", "call papers", "calls papers", "editor introduction", "editors introduction",
    "guest editors introduction", "guest editor introduction", "research statement", "thesis", "dissertation",
})


@lru_cache(maxsize=300_000)
def fold(text: str | None) -> str:
    """Lower-case ASCII-ish words separated by single spaces: markup, accents, LaTeX, HTML entities
    and punctuation removed ('Lud&#228;scher' == 'Ludäscher' == 'Lud\\"ascher' -> 'ludascher')."""
    if not text or not isinstance(text, str):
        return ""
    if "&" in text:
        text = html.unescape(text)
    if "\\" in text:
        text = _LATEX_ACCENT_RE.sub(r"\1", text)
        text = _LATEX_CMD_RE.sub(lambda m: m.group(1) or " ", text)
    text = text.casefold()
    if not text.isascii():
        # decompose, drop accents, recompose and fold again: once more so that the result is a
        # fixed point (some compatibility characters casefold or decompose into further ones)
        text = unicodedata.normalize("NFKD", text).translate(_FOLD_TABLE)
        text = unicodedata.normalize("NFKC", "".join(c for c in text if not unicodedata.combining(c))).casefold()
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
        text = "".join(c for c in text if not unicodedata.combining(c))
    # (a zero-width joiner or non-joiner is spelling inside a word, "رمان‌های", not a break)
    text = re.sub(r"[\W_]+", " ", text.replace("'", "").replace("\u2019", "").replace("\u200c", "").replace("\u200d", ""))
    return " ".join(text.split())


_PAREN_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NOTE_TAIL_RE = re.compile(
    r"(?<!\s)\s+[-\u2013\u2014:]\s*(?:book review|extended abstract|abstract|tutorial|panel|demo|demonstration|"
    r"invited talk|keynote|poster|short paper|preprint|technical report)\s*\.?$", re.I)


@lru_cache(maxsize=300_000)
def title_key(title: str | None) -> str:
    """Folded title without stop words, bracketed notes ('(Tutorial)', '(Extended Abstract)') or a
    trailing ' - Book Review'-style note: 'The Art of X (Demo)' == 'art x'."""
    if not title or not isinstance(title, str):
        return ""
    if "(" in title or "[" in title:
        stripped = _PAREN_RE.sub(" ", title)
        if len(fold(stripped).split()) >= 3:  # keep brackets that are most of the title
            title = stripped
    title = _NOTE_TAIL_RE.sub("", title)
    words = [w for w in fold(title).split() if w not in STOP_WORDS]
    while len(words) > 3 and words[-1] in ("abstract", "extended", "preprint", "draft", "version", "full"):
        words.pop()
    return " ".join(words)


# Words that name recurring items of a journal or proceedings rather than a topic. A title made of
# these words only ('Editor's notes', 'Book review column', 'Guest editors' introduction') is an item
# type that recurs every issue, not the title of one work.
GENERIC_WORDS = frozenset(
    "editorial editorials editor editors note notes message messages chair chairs vice president presidents "
    "treasurer treasurers secretary director directors information column columns review reviews book books "
    "introduction introductions preface prefaces foreword forewords guest special issue issues section sections "
    "letter letters news newsletter announcement announcements call calls papers paper report reports reminiscences "
    "influential perspective perspectives industry interview interviews forum career corner update updates errata "
    "erratum corrigendum corrigenda obituary memoriam keynote address addresses invited talk talks panel panels "
    "tutorial tutorials abstract abstracts index contents table title front back matter acknowledgments "
    "acknowledgements reviewers referees summary overview welcome remarks opening closing award awards dedication "
    "tribute volume proceedings conference workshop symposium program committee organization organizers "
    "sponsors miscellaneous".split())


def is_generic_title(key: str) -> bool:
    """A title key like 'editorial' or 'book review column': it names an item type, not a work."""
    if not key or key in GENERIC_TITLES or len(key) <= 3:
        return True
    return all(word in GENERIC_WORDS for word in key.split())


def erratum_kind(title: str | None) -> str:
    """'erratum' when the title is a correction/comment/reply to another work, else ''."""
    if not title or not isinstance(title, str):
        return ""
    return "erratum" if _ERRATUM_RE.search(title) else ""


def series_numbers(title: str | None) -> tuple[str, ...]:
    """Numbers that make a work one of a series ('Part II', 'Tensor Programs V', 'Gopher 2'):
    two titles whose series numbers differ are different works, however similar."""
    if not title or not isinstance(title, str) or not _SERIES_HINT_RE.search(title):
        return ()
    found = []
    for m in _SERIES_RE.finditer(title):
        value = m.group(2).lower()
        found.append(str(ROMAN.get(value, _WORD_NUMBERS.get(value, value))))
    for m in _SERIES_WORD_RE.finditer(title):
        found.append(str(_WORD_NUMBERS[m.group(1).lower()]))
    # a trailing roman numeral or number on the title head: "Tensor Programs V:", "GPT-4"
    head = re.split(r"[:\u2013\u2014]| - ", title, maxsplit=1)[0]
    m = re.search(r"(?:^|[\s-])([IVX]{1,4}|\d{1,2})\s*$", head.strip())  # not 'R/3', not "KRDB '98"
    if m:
        value = m.group(1)
        found.append(str(ROMAN.get(value.lower(), value)))
    return tuple(sorted(set(found)))


# ---------------------------------------------------------------- venues
# Well-known venue acronyms and the words of their full names (after fold + stop words + generic
# venue words are removed). Both spellings normalise to the acronym.
VENUE_ALIASES = {
    "sigmod": ["management data", "sigmod conference", "acm sigmod"],
    "vldb": ["very large data bases", "very large databases", "vldb conference"],
    "vldbj": ["vldb journal", "vldb j", "very large data bases journal"],
    "tods": ["transactions database systems", "trans database syst", "database syst", "database systems"],
    "pods": ["principles database systems"],
    "icde": ["data engineering"],
    "neurips": ["neural information processing systems", "nips", "advances neural information processing systems",
                "adv neural inf process syst"],
    "icml": ["machine learning icml", "international machine learning"],
    "iclr": ["learning representations"],
    "aaai": ["artificial intelligence aaai", "national artificial intelligence", "aaai artificial intelligence"],
    "ijcai": ["international joint artificial intelligence", "joint artificial intelligence"],
    "kdd": ["knowledge discovery data mining", "sigkdd"],
    "colt": ["computational learning theory", "learning theory"],
    "uai": ["uncertainty artificial intelligence"],
    "stoc": ["theory computing", "symposium theory computing"],
    "focs": ["foundations computer science"],
    "soda": ["discrete algorithms"],
    "cvpr": ["computer vision pattern recognition"],
    "iccv": ["computer vision iccv"],
    "acl": ["association computational linguistics", "meeting association computational linguistics"],
    "emnlp": ["empirical methods natural language processing"],
    "naacl": ["north american chapter association computational linguistics"],
    "sigir": ["research development information retrieval"],
    "www": ["world wide web"],
    "chi": ["human factors computing systems"],
    "popl": ["principles programming languages"],
    "pldi": ["programming language design implementation"],
    "aistats": ["artificial intelligence statistics"],
    "ecml": ["european machine learning"],
    "ilp": ["inductive logic programming"],
    "icga": ["genetic algorithms"],
    "jair": ["artificial intelligence research"],
    "jmlr": ["machine learning research"],
    "cacm": ["communications acm", "commun acm"],
    "tpami": ["pattern analysis machine intelligence", "ieee trans pattern anal mach intell"],
    "tkde": ["knowledge data engineering"],
    "icra": ["robotics automation"],
    "sigcomm": ["applications technologies architectures protocols computer communication"],
}
_VENUE_GENERIC = frozenset(
    "proc proceedings conference conf international intl int annual symposium symp workshop ieee acm "
    "meeting joint national european american th st nd rd edition ed eds vol volume no pp pages "
    "journal trans transactions letters magazine quarterly review press springer lncs lecture notes "
    "computer science series in of the on and for first second third fourth fifth sixth seventh eighth ninth "
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth twenty thirty forty fifty".split())
_JOURNAL_ACRONYMS = frozenset({"vldbj", "tods", "jair", "jmlr", "cacm", "tpami", "tkde"})
_VENUE_ALIAS_INDEX = {}
for _acronym, _names in VENUE_ALIASES.items():
    _VENUE_ALIAS_INDEX[_acronym] = _acronym
    for _name in _names:
        _VENUE_ALIAS_INDEX[_name] = _acronym

_JOURNAL_RE = re.compile(r"\b(journal|j|trans|transactions|letters|magazine|quarterly|review|record|annals|bulletin)\b")
_CONF_RE = re.compile(r"\b(conference|conf|proc|proceedings|symposium|symp|workshop|congress|meeting|colloquium)\b")
_PREPRINT_RE = re.compile(
    r"\b(arxiv|corr|preprint|technical report|tech rep|tech report|report|tr|thesis|dissertation|manuscript|"
    r"submitted|university|univ|dept|department|laboratory|lab|working paper|draft|unpublished|in preparation)\b")


@lru_cache(maxsize=100_000)
def venue_kind(venue: str | None) -> str:
    """'journal', 'conference', 'preprint' (reports, theses, arXiv: compatible with anything) or ''.
    A bare well-known acronym tells the kind too ('VLDB' is a conference, 'TODS' a journal)."""
    text = fold(venue)
    if not text:
        return ""
    if _PREPRINT_RE.search(text):
        return "preprint"
    if _CONF_RE.search(text):
        return "conference"
    if _JOURNAL_RE.search(text):
        return "journal"
    key = venue_key(venue)
    if key in _JOURNAL_ACRONYMS or key.endswith(" j"):
        return "journal"
    if key in VENUE_ALIASES:
        return "conference"
    return ""


def is_known_venue(key: str) -> bool:
    """A venue key from the alias table: two different known keys are different venues."""
    return key in VENUE_ALIASES or (key.endswith(" j") and key[:-2] in VENUE_ALIASES)


@lru_cache(maxsize=100_000)
def venue_key(venue: str | None) -> str:
    """A venue's identity words: years, numbers and generic words ('proceedings', 'international')
    removed, well-known full names mapped to their acronym: 'Proc. of the 1999 ACM SIGMOD Intl. Conf.
    on Management of Data' -> 'sigmod'. Journals keep a trailing 'j' marker word from their kind."""
    text = fold(venue)
    if not text:
        return ""
    words = [w for w in text.split() if not w.isdigit() and not re.fullmatch(r"\d+(st|nd|rd|th)", w)]
    core = [w for w in words if w not in _VENUE_GENERIC and w not in STOP_WORDS]
    joined = " ".join(core)
    for candidate in (joined, " ".join(w for w in words if w not in STOP_WORDS)):
        if candidate in _VENUE_ALIAS_INDEX:
            return _VENUE_ALIAS_INDEX[candidate]
    for w in core:  # an acronym anywhere in the string: 'in proceedings of aaai 92' -> 'aaai'
        if w in VENUE_ALIASES:
            if _JOURNAL_RE.search(text) and not _CONF_RE.search(text) and w not in _JOURNAL_ACRONYMS:
                return "vldbj" if w == "vldb" else f"{w} j"  # 'SIGMOD Record' is not SIGMOD
            return w
    for name, acronym in _VENUE_ALIAS_INDEX.items():
        if " " in name and f" {name} " in f" {joined} ":
            return acronym
    return joined


# ---------------------------------------------------------------- identifiers
def arxiv_key(value: str | None) -> str | None:
    """arXiv id without version or prefix: 'arXiv:2202.01344v2' -> '2202.01344'."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip().lower()
    text = re.sub(r"^(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/", "", text)
    text = re.sub(r"^arxiv:\s*", "", text)
    text = re.sub(r"(?:\.pdf)?$", "", text)
    text = re.sub(r"v\d+$", "", text)
    return text or None


def doi_key(value: str | None) -> str | None:
    """DOI lower-cased without resolver prefix: 'https://doi.org/10.1145/ABC' -> '10.1145/abc'."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip().lower()
    text = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/", "", text)
    text = re.sub(r"^doi:\s*", "", text)
    return text.rstrip(".") or None


def openreview_key(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    m = re.search(r"[?&]id=([\w-]+)", text)
    return (m.group(1) if m else text) or None


def family_key(name: str | None) -> str:
    """Folded family name of a display name: 'Daniel Kenji Toyama' -> 'toyama' (see names.py)."""
    from schemas.names import parse_name

    return parse_name(name).family
