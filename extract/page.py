"""Decoded pages: raw bytes -> text with a sniffed syntax, plus lazily built parse trees.

A Page is what every ingestor sees. Parse trees (BeautifulSoup, JSON) are built once per
page and cached on it, so detection and parsing never parse the same bytes twice.
"""
from __future__ import annotations

import codecs
import json
import re
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, PrivateAttr

from extract.fields.text import nfc

Syntax = Literal["html", "xml", "json", "bibtex", "markdown", "text", "yaml"]

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF binary"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "font"),
]
_MOJIBAKE_RE = re.compile(r"[ÃÂ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€|Ã©|Ã¨|Ã¶|Ã¼|Ã¤|Ã±|Ã³|Ã­|Ã¡")


class NotText(ValueError):
    """The bytes are not a text page (binary file, or undecodable)."""


def binary_kind(data: bytes) -> Optional[str]:
    """Name of a binary format when the bytes are one, else None."""
    head = data[:16]
    for magic, label in _MAGIC:
        if head.startswith(magic):
            return label
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None  # UTF-16 with BOM
    sample = data[:4096]
    if not sample:
        return None
    nul = sample.count(0)
    if nul:
        # UTF-16 without a BOM has NULs in every other byte; binary has them anywhere
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if (odd > len(sample) * 0.3 and even < len(sample) * 0.05) or (even > len(sample) * 0.3 and odd < len(sample) * 0.05):
            return None
        if nul > len(sample) * 0.01 and not _text_with_stray_nuls(sample):
            return "binary data"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) * 0.1:
        return "binary data"
    return None


def _text_with_stray_nuls(sample: bytes) -> bool:
    """Text with NULs sprinkled in (a broken scrape) rather than a binary file: without the
    NULs the sample is UTF-8 with almost no other control bytes, and NULs are a minority."""
    if sample.count(0) > len(sample) * 0.2:
        return False
    rest = sample.replace(b"\x00", b"")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(rest, final=False)  # may end inside a character
    except UnicodeDecodeError:
        return False
    return sum(1 for b in rest if b < 9 or 13 < b < 32) <= len(rest) * 0.01


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, then UTF-8, then UTF-16 without BOM, then charset detection.
    Mojibake ('RamÃ­rez') is repaired. Returns (text, encoding used)."""
    label = binary_kind(data)
    if label:
        raise NotText(f"binary file ({label})")
    encoding = None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
        if text is None:
            sample = data[:4096]
            if sample and sample[1::2].count(0) > len(sample) * 0.3:
                text, encoding = data.decode("utf-16-le", errors="replace"), "utf-16-le"
            elif sample and sample[0::2].count(0) > len(sample) * 0.3:
                text, encoding = data.decode("utf-16-be", errors="replace"), "utf-16-be"
        if text is None:
            text, encoding = _detect_and_decode(data)
    text = text.replace("\x00", "")
    head = text[:200000]
    if ("Ã" in head or "Â" in head or "â€" in head) and _MOJIBAKE_RE.search(head):
        text = _fix_mojibake(text)
    return nfc(text), encoding


_DECLARED_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
# Single-byte code pages that charset detection cannot tell apart on short Latin text; the web
# treats 'latin-1'/'iso-8859-1' labels as windows-1252 (WHATWG), and so do we on a tie.
_WESTERN = ("cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15")


def _declared_encoding(data: bytes) -> Optional[str]:
    """The charset a page declares (<meta charset>, http-equiv, XML declaration), if Python knows it."""
    m = _DECLARED_RE.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "cp1252"  # WHATWG: these labels mean windows-1252
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect_and_decode(data: bytes) -> tuple[str, str]:
    declared = _declared_encoding(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies; detect instead
    try:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data[:200000]))
        if matches:
            best = matches[0]
            tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
            western = next((m for m in tied if m.encoding in _WESTERN), None)
            choice = western or best
            if choice.encoding:
                encoding = "cp1252" if choice.encoding in _WESTERN[:2] else choice.encoding
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    return data.decode(choice.encoding, errors="replace"), choice.encoding
    except Exception:  # detection is a best effort; cp1252 below always decodes
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _fix_mojibake(text: str) -> str:
    try:
        import ftfy

        return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_character_width=False,
                             unescape_html=False, fix_line_breaks=False)
    except Exception:
        return text


def sniff_syntax(text: str, name: str = "") -> Syntax:
    """What the text is written in, by content first and file name second."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    low = head.lower()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if low.startswith("<?xml") or low.startswith("<feed") or low.startswith("<dblp") or low.startswith("<!doctype dblp"):
        if "<html" in low[:500]:
            return "html"
        return "xml"
    if ext in ("md", "markdown") and not low.startswith(("<!doctype", "<html", "<head", "<body")) \
            and re.search(r"^(?:#{1,6} |[-*] |\d+\. )|\*\*[^*\n]+\*\*|\]\(", text[:20000], re.M):
        return "markdown"  # a GitHub README mixes HTML (<p align=center>, <details>) into Markdown
    if low.startswith(("<!doctype html", "<html", "<head", "<body")) or re.match(r"<(?:div|p|ul|ol|li|table|h\d|meta|link|span|section)\b", low):
        return "html"
    if low.startswith("<"):
        return "html" if re.search(r"<(?:html|body|div|p|li|a)\b", low) else "xml"
    if head[:1] in "{[":
        try:
            json.loads(text)
            return "json"
        except ValueError:
            if ext == "json":
                return "json"
    if re.search(r"^\s*@(?:article|inproceedings|book|incollection|misc|phdthesis|mastersthesis|techreport|string|preamble|proceedings|unpublished|online|conference|inbook)\s*[{(]", text[:20000], re.I | re.M):
        if ext in ("bib", "bibtex") or not re.search(r"^\s*(?:#|-\s|\*\*)", head, re.M):
            return "bibtex"
    if ext in ("yaml", "yml"):
        return "yaml"
    if ext in ("md", "markdown", "jemdoc", "rst") or head.startswith("---\n") or re.search(r"^#{1,6} |\*\*[^*\n]+\*\*|\]\(https?://", head, re.M):
        return "markdown"
    if ext in ("html", "htm", "xhtml"):
        return "html"
    if ext == "xml":
        return "xml"
    if ext == "bib":
        return "bibtex"
    return "text"


class Page(BaseModel):
    """One decoded input page."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str  # as shown in outputs: relative to the folder given
    text: str
    encoding: str = "utf-8"
    syntax: Syntax = "text"
    size: int = 0

    _soup: Any = PrivateAttr(default=None)
    _json: Any = PrivateAttr(default=None)
    _json_done: bool = PrivateAttr(default=False)
    _visible: Any = PrivateAttr(default=None)
    _lines: Any = PrivateAttr(default=None)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def ext(self) -> str:
        return self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""

    def soup(self):
        """BeautifulSoup tree (lxml), built once."""
        if self._soup is None:
            import warnings

            from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

            with warnings.catch_warnings():
                # XML pages reach here only through generic code paths; parsing them as HTML is intended
                warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
                self._soup = BeautifulSoup(self.text, "lxml")
            _reveal_folded_authors(self._soup)
        return self._soup

    def visible_text(self) -> str:
        """The text a reader sees: for HTML, the document text without scripts/styles
        (block elements end lines); plain text with its columns laid out one after the other;
        other syntaxes are returned as they are. Cached."""
        if self._visible is None:
            if self.syntax == "html":
                from extract.fields.html import visible_text

                self._visible = visible_text(self.soup())
            elif self.syntax == "text":
                from extract.fields.text_columns import unfold_columns

                # a two-column PDF run through `pdftotext -layout`: one column after the other
                self._visible = unfold_columns(self.text)
            else:
                self._visible = self.text
        return self._visible

    def visible_lines(self) -> list[str]:
        """The visible text's non-blank lines, cleaned (entities, ligatures, invisible
        characters) and stripped: what readers of text copied out of a browser walk. Cached,
        so a detector and its parser split the page once."""
        if self._lines is None:
            from extract.fields.text import clean_text

            self._lines = [clean_text(l).strip() for l in self.visible_text().splitlines() if l.strip()]
        return self._lines

    def json(self):  # noqa: A003 - mirrors the syntax name
        """Parsed JSON (None when the page is not JSON), built once."""
        if not self._json_done:
            self._json_done = True
            try:
                self._json = json.loads(self.text)
            except (ValueError, RecursionError):
                self._json = None
        return self._json

    @classmethod
    def from_text(cls, text: str, path: str = "page.txt") -> "Page":
        text = nfc(text)
        return cls(path=path, text=text, syntax=sniff_syntax(text, path), size=len(text.encode("utf-8")))

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> "Page":
        text, encoding = decode_bytes(data)
        return cls(path=path, text=text, encoding=encoding, syntax=sniff_syntax(text, path), size=len(data))


# al-folio folds long author lists: <span class="more-authors" onclick="… == '2 more authors' ?
# 'S. Iqbal, M. Ferreira' : '2 more authors' …">2 more authors</span>; the names sit in the script
_FOLDED_NAMES_RE = re.compile(r"==\s*'\d{1,4} more authors?'\s*\?\s*'([^'<>]{2,2000})'\s*:")


def _reveal_folded_authors(soup) -> None:
    """Put the folded names in place of the "2 more authors" label (only text is read from the
    attribute: nothing runs)."""
    for span in soup.find_all(class_="more-authors", limit=500):
        found = _FOLDED_NAMES_RE.search(span.get("onclick") or "")
        if found:
            span.string = found.group(1)
