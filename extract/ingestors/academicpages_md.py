"""academicpages / Jekyll `_publications/*.md`: one publication per file.

YAML front matter (title, authors — sometimes absent —, date or year, venue or journal,
pages, paperurl, citation, excerpt, toappear) and a body holding the abstract (hard-wrapped).
HTML comments in the body are not content (authors comment out old citations). Broken YAML
falls back to line-wise `key: value` reading (extract.fields.frontmatter).
"""
from __future__ import annotations

import re
from typing import Any

from extract.fields import frontmatter
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "academicpages_md"

# keys of an academicpages publication; Hugo Academic uses others (publication_types, publication)
_PUB_KEYS = {"venue", "journal", "paperurl", "citation", "excerpt", "pub_date", "authors", "author",
             "booktitle", "pages", "toappear", "year", "date", "slidesurl", "bibtexurl"}
_HUGO_KEYS = {"publication_types", "publication", "publication_short", "url_pdf", "url_code", "abstract"}
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINK_LINE_RE = re.compile(r"^\s*\[(?:download|paper|pdf|slides|code|bibtex|link)[^\]]*\]\((\S+?)\)\s*$", re.I | re.M)
_CITATION_LINE_RE = re.compile(r"^\s*(?:\*\*)?recommended citation:?(?:\*\*)?\s*:?\s*(.*)$", re.I | re.M)
_LIQUID_RE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
# paragraphs the academicpages template ships in every example publication: not an abstract
_TEMPLATE_RE = re.compile(r"contents above will be part of a list of publications|"
                          r"when you provide a `?paperurl`? value|use `?\[Markdown\]", re.I)


def _front(page: Page) -> tuple[dict[str, Any], str, bool]:
    syntax, front, body = frontmatter.split(page.text)
    if syntax != "yaml":
        return {}, page.text, False
    data, strict = frontmatter.parse(syntax, front)
    return data, body, strict


def detect(page: Page) -> float:
    if page.syntax not in ("markdown", "text", "yaml") or not page.text.lstrip("\ufeff").startswith("---"):
        return 0.0
    data, _, _ = _front(page)
    if not data or not frontmatter.as_text(data.get("title")):
        return 0.0
    keys = set(data)
    if keys & {"publication_types", "publication"}:
        return 0.0  # Hugo Academic
    collection = str(data.get("collection", "")).lower()
    permalink = str(data.get("permalink", ""))
    if str(data.get("layout", "")).lower() == "archive" or "{% for" in page.text:
        return 0.0  # the site's publications *list* page, not one publication
    # '/publication/2019-popl' is one item; '/publications/' is the list page
    if collection == "publications" or re.search(r"/publications?/[^/\s]+/?$", permalink):
        return 0.9
    hits = len(keys & _PUB_KEYS)
    if hits >= 3 and keys & {"venue", "journal", "paperurl", "citation", "booktitle"}:
        return 0.75
    return 0.0


def _authors(data: dict[str, Any]) -> tuple[list[str], str | None]:
    raw = data.get("authors", data.get("author"))
    if isinstance(raw, list):
        return [clean_text(str(a)) for a in raw if a], None
    text = frontmatter.as_text(raw)
    return [], text


def _abstract(body: str) -> tuple[str | None, list[str], str | None]:
    """(abstract, urls, recommended citation) from the Markdown body."""
    body = _COMMENT_RE.sub("", body)
    body = _LIQUID_RE.sub("", body)
    urls = _LINK_LINE_RE.findall(body)
    body = _LINK_LINE_RE.sub("", body)
    citation = None
    m = _CITATION_LINE_RE.search(body)
    if m:
        citation = m.group(1).strip() or None
        body = body[: m.start()] + body[m.end():]
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not _TEMPLATE_RE.search(p)]
    body = "\n\n".join(p.strip() for p in paragraphs)
    return (body or None), urls, citation


def _plain(value: str | None) -> str | None:
    """Front-matter values may carry inline HTML or Markdown ('<i>Journal</i>', '*Journal*')."""
    if not value:
        return None
    text = re.sub(r"<[^>]+>", "", clean_text(value))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return text.strip() or None


def entry_from_front(data: dict[str, Any], body: str) -> Entry:
    authors, authors_text = _authors(data)
    abstract, urls, body_citation = _abstract(body)
    entry = Entry(title=_plain(frontmatter.as_text(data.get("title"))), authors=authors, authors_text=authors_text)
    citation = frontmatter.as_text(data.get("citation")) or body_citation
    entry.date = frontmatter.as_text(data.get("date") or data.get("pub_date"))
    entry.year = frontmatter.as_text(data.get("year"))
    entry.venue = _plain(frontmatter.as_text(data.get("venue")) or frontmatter.as_text(data.get("journal"))
                         or frontmatter.as_text(data.get("booktitle")))
    if not entry.authors and not entry.authors_text and citation:
        # the template's citation line is "Authors. (Year). "Title." <i>Venue</i>." — its authors are real
        from extract.fields.citation import parse_entry_text

        parsed = parse_entry_text(re.sub(r"<[^>]+>", "", clean_text(citation)))
        entry.authors_text = parsed.authors_text
        entry.authors = list(parsed.authors)
        if not entry.venue:
            entry.venue = parsed.venue
        if entry.year is None and not entry.date:
            entry.year = parsed.year
    if not entry.authors and not entry.authors_text:
        entry.flags.append("no-authors")
    # the excerpt is a one-line summary: the abstract only when the body has none
    entry.abstract = abstract or frontmatter.as_text(data.get("abstract")) or frontmatter.as_text(data.get("excerpt"))
    for key in ("paperurl", "pdf", "url", "slidesurl", "bibtexurl", "doi"):
        value = frontmatter.as_text(data.get(key))
        if value:
            entry.urls.append(value if key != "doi" or value.startswith("http") else f"https://doi.org/{value}")
    entry.urls.extend(urls)
    if frontmatter.as_text(data.get("doi")):
        entry.doi = frontmatter.as_text(data.get("doi"))
    notes = []
    if str(data.get("toappear", "")).lower() in ("true", "yes", "1"):
        notes.append("to appear")
    pages = frontmatter.as_text(data.get("pages"))
    if pages:
        notes.append(f"pages {pages}")
    entry.note = "; ".join(notes) or None
    return entry


def parse(page: Page) -> PageParse:
    data, body, strict = _front(page)
    entry = entry_from_front(data, body)
    flags = [] if strict else ["front-matter-fallback"]
    evidence = ["academicpages publication front matter" + ("" if strict else " (invalid YAML, read line by line)")]
    return PageParse(kind="homepage", entries=[entry] if entry.title else [], flags=flags, evidence=evidence)
