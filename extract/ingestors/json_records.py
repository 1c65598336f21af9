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
from schemas.models import Author

NAME = "json_records"

_TITLE_KEYS = ("title", "titles", "name", "paper_title", "headline")
_AUTHOR_KEYS = ("authors", "author", "creators", "creator", "author_list", "authors_text", "author_string", "contributors")
_YEAR_KEYS = ("year", "date", "published", "publication_date", "pub_year", "publication_year", "issued", "published_print",
              "published_online", "pubdate", "date_published", "date_created", "journal_info")
_VENUE_KEYS = ("venue", "journal", "booktitle", "book_title", "conference", "container", "container_title", "journal_info",
               "host_title", "journal_title", "source_title", "parent_title", "host", "collection_title", "conference_name",
               "publication", "periodical", "source", "publisher", "school", "institution", "provider")
_LIST_KEYS_RE = re.compile(r"^(?:papers|publications|pubs|items|entries|works|records|articles|references|data|results|result|docs|hits)$", re.I)
_OWNER_KEYS = ("owner", "name", "author", "person", "full_name", "researcher", "profile", "display_name")
_MAX_ITEMS = 20_000
_MAX_AUTHORS = 2_000


# a YAML data file: Jekyll's _data/publications.yml, a CITATION.cff with its "references:"
_YAML_FILE_HEAD_RE = re.compile(r"^(?:-\s+)?[A-Za-z_][\w-]*:(?:[ \t]+\S.*)?$")


def _data(page: Page) -> Any:
    inner = payload(page)
    if inner.syntax == "json":
        return inner.json()
    if inner.syntax == "yaml" or (inner.syntax in ("text", "markdown") and _YAML_FILE_HEAD_RE.match(
            next((l for l in inner.text.lstrip("\ufeff").splitlines()[:20] if l.strip() and not l.startswith("#")), ""))):
        from extract.fields.pagecache import cached
        from extract.fields.wrapped import _load_yaml

        data = cached(inner, "yaml-data", lambda: _load_yaml(inner.text))
        return data if isinstance(data, (dict, list)) else None
    return None


def _text(value: Any) -> Optional[str]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        # Crossref's ["Title"], DataCite's [{"title": "Title"}]
        value = next((v for v in value if isinstance(v, str) or (isinstance(v, dict) and _text(v))), None)
    if isinstance(value, dict):
        dated = value.get("date-parts") or value.get("date_parts")
        if isinstance(dated, list) and dated and isinstance(dated[0], list) and dated[0]:
            return str(dated[0][0])  # Crossref's {"date-parts": [[2021, 3, 4]]}
        # Europe PMC's {"journal": {"title": …}, "yearOfPublication": 2018}
        value = (value.get("name") or value.get("title") or value.get("value") or value.get("journal")
                 or value.get("yearOfPublication") or value.get("year_of_publication"))
        if isinstance(value, (dict, int)):
            return _text(value)
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
    types = item.get("types")
    if isinstance(types, dict):  # DataCite: {"resourceTypeGeneral": "Dataset", "citeproc": "dataset"}
        kind = types.get("resourceTypeGeneral") or types.get("citeproc") or kind
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
        # one level down, or two under an API's envelope (Crossref's message.items, Europe PMC's
        # resultList.result, Solr's response.docs)
        for key, value in data.items():
            if isinstance(value, list) and (_LIST_KEYS_RE.match(str(key)) or len(value) >= 2):
                candidates.append(value)
            elif isinstance(value, dict):
                candidates.extend(inner for inner_key, inner in value.items()
                                  if isinstance(inner, list) and (_LIST_KEYS_RE.match(str(inner_key)) or len(inner) >= 2))
    best: list[dict] = []
    for items in candidates:
        flat = [_flattened(i) for i in items[:_MAX_ITEMS]]
        records = [i for i in flat if _is_record(i)]
        if len(records) >= 2 and len(records) * 2 > len(flat) and len(records) > len(best):
            best = records
    return [r for r in best if not _not_a_publication(r)]


def _authors(value: Any) -> list:
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
            given, family = _text(_first(person, _GIVEN_KEYS)), _text(_first(person, _FAMILY_KEYS))
            if given and family:  # the family name as the record gives it ("Abi Saab"), not re-guessed
                out.append(Author(name=f"{given} {family}", given=given, family=family))
                continue
            name = person_name(person)
            if name:
                out.append(name)
    return [n for n in out if n]


_GIVEN_KEYS = ("given", "first", "given_name", "given_names", "first_name", "firstname", "forename", "fore_name", "givenname")
_FAMILY_KEYS = ("family", "last", "family_name", "family_names", "last_name", "lastname", "surname", "sur_name", "familyname")


def person_name(person: dict) -> Optional[str]:
    """A person object's name: whole ("name", "displayName") or from its given and family parts."""
    given, family = _text(_first(person, _GIVEN_KEYS)), _text(_first(person, _FAMILY_KEYS))
    if given and family:  # the parts over a "name" that may be abbreviated ("Haddad R") or inverted
        return f"{given} {family}"
    name = _text(_first(person, ("name", "literal", "full_name", "display_name", "fullname")))
    if not name:
        name = " ".join(p for p in (given, family) if p)
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
    venue = _text(_first(item, _VENUE_KEYS))
    if venue and venue.casefold() in _SERVICE_NAMES:
        venue = None  # the API's own name for where the record came from ("source": "Crossref", "MED")
    return Entry(
        title=_text(_first(item, _TITLE_KEYS)),
        authors=_authors(_first(item, _AUTHOR_KEYS)),
        year=year,
        venue=venue,
        abstract=_text(_first(item, ("abstract", "summary"))),
        doi=normalise_doi(doi) if doi and normalise_doi(doi) else None,
        urls=[url] if url and url.startswith(("http", "/")) else [],
    )


_SERVICE_NAMES = {"crossref", "datacite", "pubmed", "med", "pmc", "ppr", "agr", "cba", "ctx", "eth", "hir", "pat", "orcid",
                  "openalex", "scopus", "wos", "europe pmc", "europepmc"}


# the key-by-meaning mapping, shared with the XML reader (xml_records)
records_in = _records
entry_from_record = _entry


def owner_field(data: Any) -> Optional[str]:
    """A top-level owner/name string of two to five words."""
    if not isinstance(data, dict):
        return None
    people = data.get("authors")
    if isinstance(people, list) and len(people) == 1 and isinstance(people[0], dict) and person_name(people[0]):
        return person_name(people[0])  # CITATION.cff: the one author the file is about
    for key, value in data.items():
        if key_meaning(key) not in _OWNER_KEYS:
            continue
        if isinstance(value, dict):  # {"person": {"displayName": …} | {"forename", "surname"}}
            value = person_name(value)
        if isinstance(value, str) and 2 <= len(clean_text(value).split()) <= 5:
            return clean_text(value).strip()
    return None


def detect(page: Page) -> float:
    if page.syntax not in ("json", "yaml", "text", "markdown"):
        return 0.0
    data = _data(page)
    if not _records(data):
        return 0.0
    # a CITATION.cff's references are structured data its "title:" lines only look like labels of
    return 0.92 if isinstance(data, dict) and "cff-version" in data else 0.6


def parse(page: Page) -> PageParse:
    data = _data(page)
    entries = [e for e in (_entry(i) for i in _records(data)) if e.title]
    evidence = [f"JSON publication records: {len(entries)}"]
    owner = owner_field(data)
    if owner:
        return PageParse(kind="homepage", person=owner, entries=entries, evidence=evidence + [f"owner field '{owner}'"])
    return listing_or_search_results(entries, evidence, "record", min_share=0.75)
