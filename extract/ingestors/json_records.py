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
from extract.fields.text import clean_text, strip_inline_tags
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "json_records"

_TITLE_KEYS = ("title", "titles", "name", "paper_title", "headline", "heading", "ttl")
_AUTHOR_KEYS = ("authors", "author", "creators", "creator", "author_list", "authors_text", "author_string", "contributors",
                "authorships", "person_associations", "persons", "people", "who", "auths", "names",
                "contributor_list", "contributors_list", "creator_list", "authors_list", "person_list")
_YEAR_KEYS = ("year", "date", "published", "publication_date", "pub_year", "publication_year", "issued", "published_print",
              "yr", "pub_date",
              "publication_statuses", "publication_status",
              "published_online", "pubdate", "date_published", "date_created", "journal_info", "dates")
_VENUE_KEYS = ("venue", "journal", "booktitle", "book_title", "conference", "container", "container_title", "journal_info",
               "journal_association", "host_publication_title", "host_publication", "event",
               "host_title", "journal_title", "source_title", "parent_title", "host", "collection_title", "conference_name",
               "publication", "periodical", "source", "host_venue", "primary_location", "publisher", "school", "institution",
               "provider", "src", "where", "outlet", "published_in", "appeared_in")
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
    if inner.syntax in ("text", "markdown") and _TOML_TABLE_RE.search(inner.text[:20_000]):
        # a Hugo theme's data file: "[[pub]]" tables of 'key = "value"' lines
        from extract.fields.pagecache import cached

        return cached(inner, "toml-data", lambda: _load_toml(inner.text))
    return None


_TOML_TABLE_RE = re.compile(r"^\[\[[\w.-]{1,40}\]\]\s*$", re.M)


def _load_toml(text: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(text[:5_000_000])
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
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
        # (WordPress's {"rendered": "Title"}, OpenAlex-like {"display_name": …})
        value = (value.get("name") or value.get("title") or value.get("value") or value.get("rendered")
                 or value.get("display_name") or value.get("displayName") or value.get("label") or value.get("journal")
                 or value.get("source") or value.get("text")
                 or value.get("yearOfPublication") or value.get("year_of_publication")
                 # a system's own name for it: {"hostTitle": …, "hostKind": "journal"}
                 or next((v for k, v in value.items() if isinstance(v, str) and key_meaning(k).endswith("_title")), None))
        if isinstance(value, (dict, int)):
            return _text(value)
    if isinstance(value, str) and "<" in value:
        value = strip_inline_tags(value)  # "<i>Helicobacter pylori</i>" in a title
    if isinstance(value, str) and ("*" in value or "_" in value):
        from extract.fields.text import strip_markdown

        value = strip_markdown(value)  # a data file's Markdown: "_Protea_ shrublands", "**Mbatha, Z.**"
    return clean_text(value).strip() or None if isinstance(value, str) else None



@lru_cache(maxsize=4096)
def _key_meaning_of(text: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text).lower().replace("-", "_").replace(" ", "_")
    if snake.endswith("_title") and snake.split("_")[0] in _OWN_TITLE_PREFIXES:
        return "title"
    # a CMS's own prefixes on its fields: Drupal's "field_pub_authors", ACF's "pub_venue"
    bare = snake
    while True:
        stripped = re.sub(r"^(?:field|acf|pub|paper|item|work|output|dc|meta|cf)_(?=[a-z])", "", bare)
        if stripped == bare:
            break
        bare = stripped
    if bare != snake and bare in _BARE_FIELD_WORDS:
        return bare
    return snake


def key_meaning(key: Any) -> str:
    """A key as snake case ("publicationDate" -> "publication_date", "Output-Title" ->
    "output_title"), and a research system's prefixed title key ("outputTitle", "workTitle") as
    plain "title": each export names its fields its own way."""
    return _key_meaning_of(str(key))


_OWN_TITLE_PREFIXES = {"output", "work", "item", "publication", "pub", "research", "article", "record", "document", "main",
                        "display", "shown", "primary", "original", "doc", "full"}
_BARE_FIELD_WORDS = {"title", "authors", "author", "creators", "year", "date", "venue", "journal", "booktitle", "conference",
                     "publisher", "doi", "url", "link", "abstract", "type", "kind", "category", "container", "source",
                     "given_name", "family_name", "first_name", "last_name", "name", "full_name", "surname", "forename"}
# an item's fields kept in a nested bag (WordPress ACF's "acf", Zenodo's "metadata", a CMS's "fields")
_FIELD_BAG_KEYS = ("acf", "metadata", "fields", "custom_fields", "properties", "meta", "data", "bibliographic", "bib")


def _first(item: dict, keys: tuple[str, ...]) -> Any:
    lowered = {key_meaning(k): v for k, v in item.items()}
    return next((lowered[k] for k in keys if lowered.get(k) not in (None, "", [])), None)


def _flattened(item: Any, included: Optional[dict] = None) -> Any:
    """A JSON:API item ({"id", "type", "attributes": {...}, "links": {...}}) as one object: the
    attributes carry the fields (OSF, Figshare-like APIs); its relationships are resolved from the
    response's "included" objects (a Drupal node's authors). Fields kept in a nested bag ("acf",
    "metadata", "fields") are the item's own, unless the item has them already."""
    if isinstance(item, dict) and isinstance(item.get("attributes"), dict):
        merged = {k: v for k, v in item.items() if k != "attributes"}
        merged.update(item["attributes"])
        links = item.get("links")
        if isinstance(links, dict) and "url" not in merged:
            merged["url"] = links.get("html") or links.get("self")
        relationships = item.get("relationships")
        if isinstance(relationships, dict) and included:
            for name, rel in relationships.items():
                refs = rel.get("data") if isinstance(rel, dict) else None
                refs = refs if isinstance(refs, list) else [refs] if isinstance(refs, dict) else []
                resolved = [included.get((r.get("type"), r.get("id"))) for r in refs if isinstance(r, dict)]
                resolved = [r for r in resolved if r is not None]
                if resolved and name not in merged:
                    merged[name] = resolved if isinstance(rel.get("data"), list) else resolved[0]
        item = merged
    if isinstance(item, dict):
        for bag in _FIELD_BAG_KEYS:
            inner = item.get(bag)
            if isinstance(inner, dict) and len(inner) <= 200:
                merged = dict(item)
                own = {key_meaning(k) for k in item}
                for key, value in inner.items():
                    if key not in merged and key_meaning(key) not in own:
                        merged[key] = value
                item = merged
    return item


def _included(data: Any) -> dict:
    """JSON:API's side-loaded objects by (type, id), their attributes as the object."""
    out: dict = {}
    if isinstance(data, dict) and isinstance(data.get("included"), list):
        for obj in data["included"][:_MAX_ITEMS]:
            if isinstance(obj, dict) and "id" in obj:
                attrs = obj.get("attributes") if isinstance(obj.get("attributes"), dict) else obj
                out[(obj.get("type"), obj.get("id"))] = attrs
    return out


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
    if not isinstance(kind, str):
        return False
    # a research system's kind path: "Activity/Talk or presentation/Invited talk"
    parts = [p.strip().lower().replace("_", "-") for p in re.split(r"[/>|]", kind) if p.strip()]
    return any(p in _NOT_PUBLICATION_KINDS or p in ("activity", "activities", "talk or presentation", "invited talk",
                                                   "lecture or presentation") for p in parts)


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
    included = _included(data)
    for items in candidates:
        flat = [_flattened(i, included) for i in items[:_MAX_ITEMS]]
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
            if isinstance(person.get("name"), dict) and person_name(person["name"]):
                person = person["name"]  # Pure's personAssociation: {"name": {"firstName", "lastName"}, "personRole": …}
            for wrapper in ("author", "person", "creator", "contributor", "individual", "agent"):
                # OpenAlex-like authorships: [{"author": {"display_name": …}, "position": "first"}]
                if isinstance(person.get(wrapper), dict) and not person_name(person):
                    person = person[wrapper]
                    break
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
    name = _text(_first(person, ("name", "literal", "full_name", "display_name", "fullname", "shown_name", "raw_name",
                                 "author_name", "person_name")))
    if not name:
        name = " ".join(p for p in (given, family) if p)
    return name or None


def _leaf_texts(value: Any, depth: int = 0) -> list[str]:
    if depth > 5:
        return []
    if isinstance(value, dict):
        return [t for v in value.values() for t in _leaf_texts(v, depth + 1)]
    if isinstance(value, list):
        return [t for v in value[:50] for t in _leaf_texts(v, depth + 1)]
    return [str(value)] if isinstance(value, (str, int)) and not isinstance(value, bool) else []


def _not_an_author(person: dict) -> bool:
    role = _first(person, ("role", "contributor_role", "type", "contribution", "role_code", "role_type", "contributor_type"))
    return isinstance(role, str) and bool(re.match(r"\s*(?:editor|supervisor|advisor|translator|reviewer|series[ _]editor|"
                                                   r"data[ _]curator|curator|illustrator)\b", role, re.I))


def _entry(item: dict) -> Entry:
    year_value = _first(item, _YEAR_KEYS)
    year_text = _text(year_value) or ""
    iso = re.match(r"\s*((?:1[6-9]|20)\d\d)(?:-\d\d){0,2}\b", year_text)  # "2022-06-14"
    year = int(iso.group(1)) if iso else (find_year(year_text) if year_text else None)
    if year is None and isinstance(year_value, (dict, list)):
        # a date kept deeper: {"publicationStatus": {"publicationDate": {"year": "2016", …}}}
        year = find_year(" ".join(_leaf_texts(year_value))[:2000])
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
            value = person_name(value) or (person_name(value["name"]) if isinstance(value.get("name"), dict) else None)
        if isinstance(value, str) and 2 <= len(clean_text(value).split()) <= 5:
            return clean_text(value).strip()
    for key, value in data.items():
        # an export's context one level down: {"exportContext": {"person": {"name": {…}}}}
        if isinstance(value, dict) and key_meaning(key) in ("export_context", "context", "header", "meta", "profile_info",
                                                             "request", "query"):
            found = owner_field(value)
            if found:
                return found
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
