"""Identifier extraction: arXiv, DOI, OpenReview, and URL harvesting."""
from __future__ import annotations

import re
from urllib.parse import unquote

# New-style arXiv ids (0704.0001 onwards) and old-style archive/YYMMNNN ids; version kept apart.
_ARXIV_NEW = r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])"
_ARXIV_OLD = r"\b([a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b"
ARXIV_URL_RE = re.compile(r"arxiv\.org/(?:abs|pdf|html|format)/(?:" + _ARXIV_NEW + "|" + _ARXIV_OLD + ")", re.I)
ARXIV_TEXT_RE = re.compile(r"\barxiv[:\s]*(?:" + _ARXIV_NEW + "|" + _ARXIV_OLD + ")", re.I)
ARXIV_BARE_NEW_RE = re.compile(r"^" + _ARXIV_NEW + r"$")
ARXIV_BARE_OLD_RE = re.compile(r"^" + _ARXIV_OLD + r"$")
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]]+)")
OPENREVIEW_RE = re.compile(r"openreview\.net/(?:forum|pdf|attachment)\?(?:[^#\s]*&)?id=([A-Za-z0-9_\-]+)")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'\])]+(?:\([^\s)]*\)[^\s<>\"'\])]*)?", re.I)
# DNS labels are at most 63 characters: the bound keeps a long run of "a-a-a-…" linear
_BARE_DOMAIN_RE = re.compile(r"(?<![\w@/.])((?:[a-z0-9-]{1,63}\.){1,10}(?:com|org|net|io|edu|ai|dev|github\.io)/[^\s<>\"')\]]+)", re.I)


def normalise_arxiv(value: str | None) -> str | None:
    """Bare arXiv id without version, or None when the value is not one."""
    if not value:
        return None
    value = value.strip()
    value = re.sub(r"^(?:arxiv:|https?://arxiv\.org/(?:abs|pdf)/)", "", value, flags=re.I)
    value = re.sub(r"(?:\.pdf)?$", "", value)
    value = re.sub(r"v\d+$", "", value)
    if ARXIV_BARE_NEW_RE.match(value) or ARXIV_BARE_OLD_RE.match(value):
        return value
    return None


def find_arxiv(text: str | None) -> str | None:
    if not text:
        return None
    m = ARXIV_URL_RE.search(text) or ARXIV_TEXT_RE.search(text)
    if not m:
        return None
    return m.group(1) or m.group(2)


def normalise_doi(value: str | None) -> str | None:
    if not value:
        return None
    value = unquote(value.strip())
    value = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", value, flags=re.I)
    m = DOI_RE.search(value)
    if not m:
        return None
    doi = m.group(1)
    # trailing punctuation belongs to the sentence, not the DOI
    doi = doi.rstrip(".,;:")
    while doi.endswith(")") and doi.count("(") < doi.count(")"):
        doi = doi[:-1]
    while doi.endswith("]") and doi.count("[") < doi.count("]"):
        doi = doi[:-1]
    return doi.lower()


def find_doi(text: str | None) -> str | None:
    if not text or "10." not in text:
        return None
    return normalise_doi(text)


def find_openreview(text: str | None) -> str | None:
    if not text:
        return None
    m = OPENREVIEW_RE.search(text)
    return m.group(1) if m else None


def find_urls(text: str | None) -> list[str]:
    """URLs in free text, trailing sentence punctuation removed, order kept, no repeats."""
    if not text:
        return []
    found: list[str] = []
    for m in URL_RE.finditer(text):
        url = m.group(0).rstrip(".,;:!?*")
        if url.lower().startswith("www."):
            url = "http://" + url
        if url not in found:
            found.append(url)
    for m in _BARE_DOMAIN_RE.finditer(URL_RE.sub(" ", text)):
        url = "https://" + m.group(1).rstrip(".,;:!?*")
        if url not in found:
            found.append(url)
    return found


def ids_from_urls(urls: list[str], text: str | None = None) -> dict[str, str | None]:
    """Collect ids from a list of URLs (and optionally surrounding text)."""
    blob = " ".join(urls) + (" " + text if text else "")
    return {"arxiv": find_arxiv(blob), "doi": find_doi(blob), "openreview": find_openreview(blob)}
