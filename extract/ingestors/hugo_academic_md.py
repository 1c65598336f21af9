"""Hugo Academic / Wowchemy / Hugo Blox publication pages (`content/publication/<slug>/index.md`).

YAML (`---`) or TOML (`+++`) front matter: title, authors (list; `admin` and other user names
stand for site users), date (ISO datetime), publication_types, publication ('In *Nature
Communications*'), publication_short, abstract, summary, doi, url_pdf/url_code/…, links.
The template ships with many commented-out lines; YAML ignores them, the line-wise fallback too.
"""
from __future__ import annotations

import re
from typing import Any

from extract.fields import frontmatter
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "hugo_academic_md"

_MARKERS = {"publication_types", "publication", "publication_short", "url_pdf", "url_code", "url_slides",
            "url_dataset", "url_project", "url_video", "url_source", "url_poster", "projects", "featured"}
_SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
# a paired shortcode block ({{% callout note %}} … {{% /callout %}}) is template chrome
_SHORTCODE_BLOCK_RE = re.compile(r"\{\{[<%]\s*(\w+)[^}]*[%>]\}\}.*?\{\{[<%]\s*/\1\s*[%>]\}\}", re.S)
_TEMPLATE_BODY_RE = re.compile(r"supplementary notes can be added here|click the \*?(?:cite|slides)\*? button|"
                               r"add the publication's full text|create your slides in markdown", re.I)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Hugo user names ("admin", "jane-doe") stand for a site author profile, not a printed name
_USERNAME_RE = re.compile(r"^[a-z0-9_\-]+$")


def _front(page: Page) -> tuple[dict[str, Any], str, bool]:
    syntax, front, body = frontmatter.split(page.text)
    if not syntax:
        return {}, page.text, False
    data, strict = frontmatter.parse(syntax, front)
    return data, body, strict


def detect(page: Page) -> float:
    head = page.text.lstrip("\ufeff")
    if not head.startswith(("---", "+++")) or page.syntax in ("html", "xml", "json", "bibtex"):
        return 0.0
    data, _, _ = _front(page)
    if not data or not frontmatter.as_text(data.get("title")):
        return 0.0
    keys = set(data)
    if "publication_types" in keys or ("publication" in keys and "authors" in keys):
        return 0.9
    if len(keys & _MARKERS) >= 2 and "authors" in keys:
        return 0.7
    return 0.0


def venue_text(value: str | None) -> str | None:
    """'In *Nature Communications*' -> 'Nature Communications'; Markdown links/emphasis dropped."""
    if not value:
        return None
    text = clean_text(value)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_]{1,3}", "", text)
    text = re.sub(r"^\s*(?:in|at)\s*:?\s+", "", text, flags=re.I)
    return text.strip(" ,.") or None


def _authors(data: dict[str, Any]) -> tuple[list[str], bool]:
    names, site_user = [], False
    for raw in frontmatter.as_list(data.get("authors")):
        name = clean_text(raw)
        if _USERNAME_RE.match(name):
            site_user = True  # "admin": the site owner, whose printed name is not in this file
            continue
        names.append(name)
    return names, site_user


def _urls(data: dict[str, Any]) -> list[str]:
    urls = []
    for key in sorted(k for k in data if str(k).startswith("url_")):
        value = frontmatter.as_text(data.get(key))
        if value and "/" in value:
            urls.append(value)
    links = data.get("links")
    if isinstance(links, list):
        for link in links:
            if isinstance(link, dict) and frontmatter.as_text(link.get("url")):
                urls.append(frontmatter.as_text(link.get("url")))
    return urls


def parse(page: Page) -> PageParse:
    data, body, strict = _front(page)
    authors, site_user = _authors(data)
    entry = Entry(title=frontmatter.as_text(data.get("title")), authors=authors)
    if site_user:
        entry.flags.append("owner-implicit")
    if not authors and not site_user:
        entry.flags.append("no-authors")
    entry.date = frontmatter.as_text(data.get("date"))
    entry.venue = venue_text(frontmatter.as_text(data.get("publication"))) or venue_text(
        frontmatter.as_text(data.get("publication_short")))
    abstract = frontmatter.as_text(data.get("abstract"))
    if not abstract:
        text = _SHORTCODE_RE.sub("", _SHORTCODE_BLOCK_RE.sub("", _COMMENT_RE.sub("", body)))
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip() and not _TEMPLATE_BODY_RE.search(p)]
        abstract = "\n\n".join(paragraphs) or None
    entry.abstract = abstract
    doi = frontmatter.as_text(data.get("doi"))
    if doi:
        entry.doi = doi
    entry.urls = _urls(data)
    types = frontmatter.as_list(data.get("publication_types"))
    evidence = ["Hugo Academic publication front matter" + ("" if strict else " (invalid, read line by line)")]
    if types:
        evidence.append(f"publication_types {types}")
    return PageParse(kind="homepage", entries=[entry] if entry.title else [],
                     flags=[] if strict else ["front-matter-fallback"], evidence=evidence)
