"""LaTeX text -> Unicode for BibTeX values: accents ({\\"o}, \\'{e}, \\v{c}), special letters
({\\ss}, \\o, \\l), escaped symbols (\\&, \\_), font commands (\\emph{x} -> x) and protective
braces ({DBLP} -> DBLP). Math ($...$) is kept as written."""
from __future__ import annotations

import re
import unicodedata

_ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ",
    "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "textendash": "–", "textemdash": "—", "textquoteright": "’",
    "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…",
    "dots": "…", "textregistered": "®", "texttrademark": "™", "copyright": "©", "S": "§", "P": "¶",
    "textasciitilde": "~", "textbackslash": "\\", "LaTeX": "LaTeX", "TeX": "TeX", "euro": "€",
}
_ESCAPES = {"&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "{": "{", "}": "}", " ": " ", ",": " ", ";": " ", "!": "", "/": ""}

# (the letter may carry an accent already: Vietnamese "\\~{\\^e}" is read inside out, "ê" then "ễ")
_ACCENT_RE = re.compile(r"""\\([\"'`^~=.]|[uvHckrdb](?![A-Za-z]))\s*(?:\{\s*(\\?[^\W\d_])\s*\}|(\\?[^\W\d_]))""")
_LETTER_RE = re.compile(r"\\(" + "|".join(sorted(_LETTERS, key=len, reverse=True)) + r")(?![A-Za-z])\s?")
_ESCAPE_RE = re.compile(r"\\([&%$_#{} ,;!/])")
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)\*?\s*")
_MATH_RE = re.compile(r"(\$\$?)(.+?)\1", re.S)


def _accent(match: re.Match) -> str:
    mark = _ACCENTS[match.group(1)]
    base = match.group(2) or match.group(3)
    if base.startswith("\\"):
        base = _LETTERS.get(base[1:], base[1:])  # \'{\i} -> í
        if base == "ı":
            base = "i"
        elif base == "ȷ":
            base = "j"
    return unicodedata.normalize("NFC", base + mark)


def _plain(text: str) -> str:
    for _ in range(3):  # nested accents, innermost first
        before = text
        text = _ACCENT_RE.sub(_accent, text)
        text = re.sub(r"\{([^\W\d_])\}", r"\1", text) if text != before else text
        if text == before:
            break
    text = _LETTER_RE.sub(lambda m: _LETTERS[m.group(1)], text)
    text = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)

    # font and other commands drop; their {argument} stays and loses its braces below
    text = _COMMAND_RE.sub("", text)
    text = text.replace("---", "—").replace("--", "–")
    text = text.replace("``", "“").replace("''", "”")
    text = text.replace("~", " ")
    return text.replace("{", "").replace("}", "")


# math that only sets an index: "CO$_2$", "Na$^{+}$", "H$_{2}$O" (chemistry in titles)
_INDEX_MATH_RE = re.compile(r"\$\s*[_^]\s*\{?\s*([0-9A-Za-z+\-−]{1,4})\s*\}?\s*\$")


def index_math_to_text(text: str) -> str:
    """"CO$_2$" -> "CO2": a subscript or superscript alone in math reads as its characters."""
    return _INDEX_MATH_RE.sub(r"\1", text) if "$" in text else text


def latex_to_text(text: str | None) -> str:
    """Readable Unicode for one BibTeX value; math segments are kept verbatim (except a lone
    index, "CO$_2$" -> "CO2")."""
    if not text:
        return ""
    text = index_math_to_text(text)
    if "\\" not in text and "{" not in text and "~" not in text and "-" not in text and "`" not in text:
        return " ".join(text.split())
    out, last = [], 0
    for m in _MATH_RE.finditer(text):
        out.append(_plain(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_plain(text[last:]))
    return unicodedata.normalize("NFC", " ".join("".join(out).split()))
