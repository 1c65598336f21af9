"""Text clean-up shared by every extractor: NFC, invisible marks, whitespace, wrapped lines."""
from __future__ import annotations

import html
import re
import unicodedata

# Bidi controls, zero-width characters, soft hyphen, BOM: invisible in a browser, poison in data.
# (The zero-width non-joiner and joiner are spelling inside Persian, Indic and other scripts' words,
# "رمان‌های": kept there, dropped elsewhere.)
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD],
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_RE = re.compile("|".join(_LIGATURES))
# PDF text may space a ligature off both sides of a word: "E ﬃ cient", "O ﬀ ice" (one letter, the
# ligature, the rest); "the ﬁ rst" or "o ﬀ the" stay as they are, since words end and start there
_ANY_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_SPACED_LIGATURE_RE = re.compile(r"(?<![^\W\d_])([B-HJ-Zb-hj-z]) ([\ufb00-\ufb06]) (?=[a-zà-ÿ])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_JOINER_RE = re.compile("[\u200c\u200d]+")


def _joiner_kept(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    # between two letters of a script beyond Latin, Greek and Cyrillic (or before an emoji's part)
    if before and after and before > "\u052f" and (after.isalpha() or after > "\u2000") and (before.isalpha() or before > "\u2000") \
            and not before.isspace() and not after.isspace():
        return match.group(0)
    return ""


def strip_invisible(text: str) -> str:
    text = text.translate(_INVISIBLE)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINER_RE.sub(_joiner_kept, text)
    return text


def fix_ligatures(text: str) -> str:
    if _ANY_LIGATURE_RE.search(text) is None:
        return text  # (both patterns need a ligature; most text has none)
    if " " in text:
        text = _SPACED_LIGATURE_RE.sub(r"\1\2", text)
    return _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group(0)], text)


def clean_text(text: str | None) -> str:
    """NFC, no invisible marks or ligatures, entities decoded, spaces collapsed, trimmed."""
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(text)
    text = fix_ligatures(strip_invisible(nfc(text)))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    return nfc(text.strip())


def one_line(text: str | None) -> str:
    """Join a wrapped value onto one line (titles wrap across lines in scrapes)."""
    text = clean_text(text)
    # a hyphen at a line end inside a word ("multi-\nagent") keeps the hyphen; prose re-joins with a space
    text = re.sub(r"\s*\n\s*", " ", text)
    return re.sub(r" {2,}", " ", text).strip()


_MD_TARGET = r"\((?:[^()]*(?:\([^()]*\)[^()]*)*)\)"  # "(url)", one level of parentheses inside
_MD_IMAGE_RE = re.compile(r"!\[[^\[\]]*\]" + _MD_TARGET)
# link text may hold one level of brackets: "[[PDF]](url)" (al-folio/Jekyll button links) -> "[PDF]"
_MD_LINK_RE = re.compile(r"\[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]" + _MD_TARGET)
_MD_BOLD_RE = re.compile(r"(\*\*|__)(.{1,500}?)\1")
_MD_ITALIC_RE = re.compile(r"(?<![\w*])[*_](?!\s)(.{1,300}?)(?<!\s)[*_](?![\w*])")
_ABBREVIATION_END_RE = re.compile(r"\b(?:al|Inc|Ltd|Co|Jr|Sr|[A-Z])\.$")


# marks set on names in publication lists: † student, ‡ equal contribution, § ¶ notes, and a
# star after an initial ("Guo, R.*") for the corresponding author
# (one star, and not the "**" that closes a Markdown bold: "**Constantinescu, I.-M.**",
# while "**Ortiz, D.***" is a mark and then the closing "**")
_AUTHOR_MARK_RE = re.compile(r"\s?[†‡§¶★☆✦✧]+|(?<=\b[A-Z]\.)\\?\*(?=\*\*|[^*]|$)")  # pandoc escapes it: "F.\*"

_ANY_AUTHOR_MARK_RE = re.compile(r"[†‡§¶★☆✦✧*]")

def strip_author_marks(text: str) -> str:
    """'†Brennan, K.' -> 'Brennan, K.'; the marks say something about a person's role, and
    left in place they make the name look like no name to the parser."""
    if _ANY_AUTHOR_MARK_RE.search(text) is None:
        return text  # (the look-behind pattern is tried at every position otherwise)
    return _AUTHOR_MARK_RE.sub(lambda m: " " if m.group(0)[:1].isspace() else "", text)


# inline markup left in metadata: HTML, JATS ("<italic>", "<scp>") and MathML ("<mml:msub>"), whose
# text is kept ("Bi<sub>2</sub>Te<sub>3</sub>" -> "Bi2Te3")
INLINE_TAG_RE = re.compile(r"</?(?:i|b|em|strong|span|sup|sub|a|u|br|font|small|cite|scp|sc|italic|bold|underline|"
                           r"inline-formula|mml:[\w-]+|math|mi|mo|mn|ms|msub|msup|msubsup|mrow|mtext|mfrac)\b[^<>]{0,300}>", re.I)


def strip_inline_tags(text: str) -> str:
    return INLINE_TAG_RE.sub("", text) if "<" in text else text


def strip_markdown(text: str) -> str:
    """Remove inline Markdown emphasis and links, keeping the visible text."""
    # Bracket and span patterns exclude their own openers and are bounded, so a run of
    # thousands of '[' or '*' is scanned in linear time (no catastrophic backtracking).
    if "\\" in text:
        # an escaped star or underscore ("Park\*†", pandoc's and Hugo's mark of a name) is no emphasis:
        # kept out of the emphasis patterns' way, then written as itself
        text = text.replace("\\*", "\ue000").replace("\\_", "\ue001")
    text = _MD_IMAGE_RE.sub("", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _MD_BOLD_RE.sub(r"\2", text)
    text = _MD_ITALIC_RE.sub(r"\1", text)
    text = text.replace("\\", " ") if text.rstrip().endswith("\\") else text
    # backslash escapes (pandoc writes "\&", "\*", "\_"): the character itself
    text = _MD_FOOTNOTE_RE.sub("", text)  # "[^1]" footnote references
    return _MD_ESCAPE_RE.sub(r"\1", text).replace("\ue000", "*").replace("\ue001", "_")


_MD_FOOTNOTE_RE = re.compile(r"\[\^\w{1,10}\]")


_MD_ESCAPE_RE = re.compile(r"\\([&*_#\[\]()`|~<>!+.{}-])")


def strip_trailing_punct(text: str, chars: str = " ,;:.") -> str:
    text = text.strip()
    while text and text[-1] in chars:
        # keep a final period that ends an abbreviation such as "et al." or "Inc."
        # only the tail is searched: a run of 20,000 dots must not be rescanned per dot
        if text.endswith(".") and _ABBREVIATION_END_RE.search(text[-6:]):
            break
        text = text[:-1].rstrip()
    return text


def fold(text: str | None) -> str:
    """Case-, accent-, punctuation-insensitive key (for comparing, never for output)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("ß", "ss")
    text = re.sub(r"[\W_]+", " ", text.casefold())
    return " ".join(text.split())


# opening quotation mark -> its closing mark (the entry parser's quoted-title rules use it too)
QUOTE_PAIRS = {"“": "”", "\"": "\"", "«": "»", "„": "“", "‘": "’", "'": "'"}


def strip_wrapping_quotes(title: str) -> str:
    """Quotes around the whole title go; a quoted phrase heading it stays whole
    ('“Blue carbon” accounting in …' keeps both of its marks)."""
    for _ in range(3):
        title = title.strip(" \t")
        if not title:
            return title
        head, tail = title[0], title[-1]
        if head in QUOTE_PAIRS:
            close = QUOTE_PAIRS[head]
            inner = title[1:]
            if head != close and inner.rstrip(" .,;:").endswith(close) and title.count(head) == title.count(close):
                title = inner.rstrip(" .,;:")[:-1]  # '“Outer “inner” title”': one pair around it all
                continue
            if close in inner.rstrip(close + " .,;:") and not inner.rstrip(" .,;:").endswith(close):
                break  # the phrase it opens closes inside: a quoted head, kept
            title = inner
            continue
        if tail in "\"'”’»`" and not any(o in title[:-1] for o, c in QUOTE_PAIRS.items() if c == tail and o != tail):
            title = title[:-1]
            continue
        break
    return title.strip(" \t*_`")
