"""A site's own publication data as JSON (`publications.json`, `papers.json` a static site
fetches; an export of a personal database): a list of objects, at the top or under a key such
as "papers"/"publications"/"items", each with a title and its authors. The keys are read by
meaning, not by one schema: title/name; authors/author/creators as a string ("A, B and C"),
a list of strings or of {name | given, family}; year/date/published; venue/journal/booktitle/
conference/publisher/container; doi; url/link/pdf.

The specific JSON readers (OpenAlex, Semantic Scholar, ORCID, CSL-JSON, schema.org) are more
certain about their own shapes and win; this one answers only below their confidence.
The owner: a top-level "owner"/"name"/"author" string, else the author on three in four records.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from extract.fields.dates import find_year
from extract.fields.ids import normalise_doi
from extract.fields.names import split_author_list
from extract.fields.structured import listing_or_search_results
from extract.fields.text import clean_text
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "json_records"

_TITLE_KEYS = ("title", "name", "paper_title", "headline")
_AUTHOR_KEYS = ("authors", "author", "creators", "creator", "author_list", "authors_text", "contributors")
_YEAR_KEYS = ("year", "date", "published", "publication_date", "pub_year", "issued", "pubdate", "date_published",
              "date_created")
_VENUE_KEYS = ("venue", "journal", "booktitle", "book_title", "conference", "container", "container_title",
               "host_title", "journal_title", "source_title", "parent_title", "host",
               "publication", "periodical", "source", "publisher", "school", "institution", "provider")
_LIST_KEYS_RE = re.compile(r"^(?:papers|publications|pubs|items|entries|works|records|articles|references|data|results)$", re.I)
_OWNER_KEYS = ("owner", "name", "author", "person", "full_name", "researcher", "profile", "display_name")
_MAX_ITEMS = 20_000
_MAX_AUTHORS = 2_000


def _data(page: Page) -> Any:
    inner = payload(page)
    return inner.json() if inner.syntax == "json" else None


def _text(value: Any) -> Optional[str]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("value")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return clean_text(value).strip() or None if isinstance(value, str) else None


@lru_cache(maxsize=4096)
def _key_meaning_of(text: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text).lower().replace("-", "_").replace(" ", "_")
    if snake.endswith("_title") and snake.split("_")[0] in _OWN_TITLE_PREFIXES:
        return "title"
    return snake


def key_meaning(key: Any) -> str:
    """A key as snake case ("publicationDate" -> "publication_date", "Output-Title" ->
    "output_title"), and a research system's prefixed title key ("outputTitle", "workTitle") as
    plain "title": each export names its fields its own way."""
    return _key_meaning_of(str(key))


_OWN_TITLE_PREFIXES = {"output", "work", "item", "publication", "pub", "research", "article", "record", "document", "main"}


def _first(item: dict, keys: tuple[str, ...]) -> Any:
    lowered = {key_meaning(k): v for k, v in item.items()}
    return next((lowered[k] for k in keys if lowered.get(k) not in (None, "", [])), None)


def _flattened(item: Any) -> Any:
    """A JSON:API item ({"id", "type", "attributes": {...}, "links": {...}}) as one object: the
    attributes carry the fields (OSF, Figshare-like APIs)."""
    if isinstance(item, dict) and isinstance(item.get("attributes"), dict):
        merged = {k: v for k, v in item.items() if k != "attributes"}
        merged.update(item["attributes"])
        links = item.get("links")
        if isinstance(links, dict) and "url" not in merged:
            merged["url"] = links.get("html") or links.get("self")
        return merged
    return item


# outputs that are containers or data, not publications ("project", "dataset" on OSF-like sites)
_NOT_PUBLICATION_KINDS = {"project", "component", "dataset", "data", "software", "code", "collection", "folder",
                          "registration", "file", "presentation", "poster", "slides", "video", "figure", "media",
                          "talk", "lecture", "lecture-speech", "keynote", "seminar", "invited-talk", "news", "award", "grant"}


def _not_a_publication(item: dict) -> bool:
    for flag in ("counts_as_publication", "is_publication", "publication"):
        if item.get(flag) is False:  # the site's own word: {"type": "talk", "counts_as_publication": false}
            return True
    kind = _first(item, ("category", "item_type", "output_type", "resource_type", "type", "kind"))
    return isinstance(kind, str) and kind.strip().lower().replace("_", "-") in _NOT_PUBLICATION_KINDS


def _is_record(item: Any) -> bool:
    return isinstance(item, dict) and _text(_first(item, _TITLE_KEYS)) is not None and _first(item, _AUTHOR_KEYS) is not None


def _records(data: Any) -> list[dict]:
    """The list of record objects: the document itself, or the longest fitting list under a
    list-like key one level down."""
    candidates = []
    if isinstance(data, list):
        candidates.append(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, list) and (_LIST_KEYS_RE.match(str(key)) or len(value) >= 2):
                candidates.append(value)
    best: list[dict] = []
    for items in candidates:
        flat = [_flattened(i) for i in items[:_MAX_ITEMS]]
        records = [i for i in flat if _is_record(i)]
        if len(records) >= 2 and len(records) * 2 > len(flat) and len(records) > len(best):
            best = records
    return [r for r in best if not _not_a_publication(r)]


def _authors(value: Any) -> list[str]:
    if isinstance(value, dict) and not person_name(value):
        # a wrapper around the list: {"author": [...]} (XML <authors><author/>…</authors>)
        inner = [v for v in value.values() if isinstance(v, (list, dict, str))]
        if len(inner) == 1:
            value = inner[0]
    if isinstance(value, str):
        return split_author_list(value).names[:_MAX_AUTHORS]
    out = []
    for person in (value if isinstance(value, list) else [value])[:_MAX_AUTHORS]:
        if isinstance(person, str):
            out.append(clean_text(person).strip())
        elif isinstance(person, dict):
            if _not_an_author(person):
                continue  # an editor or supervisor in a contributor list
            name = person_name(person)
            if name:
                out.append(name)
    return [n for n in out if n]


_GIVEN_KEYS = ("given", "first", "given_name", "first_name", "firstname", "forename", "fore_name", "givenname")
_FAMILY_KEYS = ("family", "last", "family_name", "last_name", "lastname", "surname", "sur_name", "familyname")


def person_name(person: dict) -> Optional[str]:
    """A person object's name: whole ("name", "displayName") or from its given and family parts."""
    name = _text(_first(person, ("name", "literal", "full_name", "display_name", "fullname")))
    if not name:
        name = " ".join(p for p in (_text(_first(person, _GIVEN_KEYS)), _text(_first(person, _FAMILY_KEYS))) if p)
    return name or None


def _not_an_author(person: dict) -> bool:
    role = _first(person, ("role", "contributor_role", "type", "contribution"))
    return isinstance(role, str) and bool(re.match(r"\s*(?:editor|supervisor|advisor|translator|reviewer|series editor)\b", role, re.I))


def _entry(item: dict) -> Entry:
    year_value = _first(item, _YEAR_KEYS)
    year_text = _text(year_value) or ""
    iso = re.match(r"\s*((?:1[6-9]|20)\d\d)(?:-\d\d){0,2}\b", year_text)  # "2022-06-14"
    year = int(iso.group(1)) if iso else (find_year(year_text) if year_text else None)
    doi = _text(_first(item, ("doi",)))
    url = _text(_first(item, ("url", "link", "pdf", "href")))
    return Entry(
        title=_text(_first(item, _TITLE_KEYS)),
        authors=_authors(_first(item, _AUTHOR_KEYS)),
        year=year,
        venue=_text(_first(item, _VENUE_KEYS)),
        abstract=_text(_first(item, ("abstract", "summary"))),
        doi=normalise_doi(doi) if doi and normalise_doi(doi) else None,
        urls=[url] if url and url.startswith(("http", "/")) else [],
    )


# the key-by-meaning mapping, shared with the XML reader (xml_records)
records_in = _records
entry_from_record = _entry


def owner_field(data: Any) -> Optional[str]:
    """A top-level owner/name string of two to five words."""
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if key_meaning(key) not in _OWNER_KEYS:
            continue
        if isinstance(value, dict):  # {"person": {"displayName": …} | {"forename", "surname"}}
            value = person_name(value)
        if isinstance(value, str) and 2 <= len(clean_text(value).split()) <= 5:
            return clean_text(value).strip()
    return None


def detect(page: Page) -> float:
    if page.syntax != "json":
        return 0.0
    return 0.6 if _records(_data(page)) else 0.0


def parse(page: Page) -> PageParse:
    data = _data(page)
    entries = [e for e in (_entry(i) for i in _records(data)) if e.title]
    evidence = [f"JSON publication records: {len(entries)}"]
    owner = owner_field(data)
    if owner:
        return PageParse(kind="homepage", person=owner, entries=entries, evidence=evidence + [f"owner field '{owner}'"])
    return listing_or_search_results(entries, evidence, "record", min_share=0.75)
