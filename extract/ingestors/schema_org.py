"""schema.org JSON-LD: a person and their works as sites describe them for search engines,
either a `.json` export or `<script type="application/ld+json">` blocks inside an HTML page
(WordPress SEO plugins, university CMSs, Quarto/Hugo themes).

Works are the nodes typed ScholarlyArticle, Article, Book, Chapter, Thesis, Report,
CreativeWork and kin, wherever they sit (an `@graph`, a Person's `workExample`/`subjectOf`, an
ItemList). Fields: `name` (else `headline`) is the title; `author` (Person objects or strings)
the authors; `datePublished` the date; the venue is the innermost `isPartOf` container that
has a name (Periodical, Book, PublicationVolume/Issue chains), else the thesis's school or the
report's publisher. DOIs come from `sameAs`/`identifier`/`url`.

The owner is the Person the graph is about: the one a ProfilePage names as `mainEntity`, else
the Person on every work (by `@id` or name), else the only top-level Person.
An HTML page is claimed only when its JSON-LD lists at least two works: a lone Article node is
an SEO plugin describing the page itself, and the visible list is then read by the other
ingestors.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator, Optional

from extract.fields.ids import normalise_doi
from extract.fields.text import clean_text
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "schema_org"

_WORK_TYPES = {
    "scholarlyarticle", "medicalscholarlyarticle", "article", "newsarticle", "techarticle", "book", "chapter",
    "thesis", "report", "creativework", "dataset", "softwaresourcecode", "softwareapplication", "publicationissue",
    "presentationdigitaldocument", "digitaldocument",
}
_NOT_PUBLICATION_TYPES = {"dataset", "softwaresourcecode", "softwareapplication"}
# types that never describe one publication of the person (the page, the site, talks)
_NOT_WORK_TYPES = {"webpage", "website", "profilepage", "collectionpage", "breadcrumblist", "event", "person",
                   "organization", "imageobject", "searchaction", "listitem", "itemlist"}
_CONTAINER_TYPES = {"periodical", "publicationvolume", "publicationissue", "book", "bookseries", "creativeworkseries",
                    "event", "collection", "creativework"}
_LD_SCRIPT_RE = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_LD_JSON_RE = re.compile(r"ld\+json", re.I)
_MAX_NODES = 20_000
_MAX_DEPTH = 12
_STATUS_VENUE_RE = re.compile(r"^(?:submitted|under review|in preparation|in press|accepted|draft|forthcoming)\b", re.I)


def _types(node: dict) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _documents(page: Page) -> list[Any]:
    """The JSON-LD documents of a page: the JSON file itself, or each ld+json script."""
    if page.syntax == "html":
        docs = []
        for m in _LD_SCRIPT_RE.finditer(page.text[:2_000_000]):
            try:
                docs.append(json.loads(m.group(1).strip()))
            except ValueError:
                continue
        return docs
    inner = payload(page)
    if inner.syntax != "json":
        return []
    data = inner.json()
    return [data] if data is not None else []


def _nodes(data: Any, depth: int = 0) -> Iterator[dict]:
    """Every typed object, depth-first and bounded."""
    stack = [(data, depth)]
    seen = 0
    while stack and seen < _MAX_NODES:
        item, level = stack.pop()
        if level > _MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack.extend((x, level + 1) for x in reversed(item))
        elif isinstance(item, dict):
            seen += 1
            if "@type" in item:
                yield item
            stack.extend((v, level + 1) for k, v in reversed(list(item.items())) if isinstance(v, (dict, list)))


def _is_schema_org(data: Any) -> bool:
    if isinstance(data, list):
        return any(_is_schema_org(d) for d in data[:20])
    if not isinstance(data, dict):
        return False
    context = data.get("@context")
    text = json.dumps(context) if not isinstance(context, str) else context
    return "schema.org" in text.lower()


def _container_ids(docs: list[Any]) -> set[int]:
    """Objects reached as another object's isPartOf: a Book holding a chapter is its venue,
    not one of the person's works."""
    out: set[int] = set()
    for data in docs:
        for node in _nodes(data):
            part = node.get("isPartOf")
            while isinstance(part, dict) and len(out) < _MAX_NODES:
                out.add(id(part))
                part = part.get("isPartOf")
    return out


def _works(docs: list[Any]) -> list[dict]:
    works, seen = [], set()
    containers = _container_ids(docs)
    for data in docs:
        if not _is_schema_org(data):
            continue
        for node in _nodes(data):
            types = _types(node)
            if not types & _WORK_TYPES or types & _NOT_WORK_TYPES or id(node) in containers:
                continue
            if not _text(node.get("name") or node.get("headline")) or ("author" not in node and "creator" not in node):
                continue
            key = node.get("@id") or (_text(node.get("name")), json.dumps(node.get("author"), sort_keys=True)[:500])
            if key not in seen:
                seen.add(key)
                works.append(node)
    return works


def _text(value: Any) -> Optional[str]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if not isinstance(value, str):
        return None
    return clean_text(value).strip() or None


def _person_name(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return clean_text(value).strip() or None
    if not isinstance(value, dict):
        return None
    name = _text(value.get("name"))
    if name:
        return name
    given, family = _text(value.get("givenName")), _text(value.get("familyName"))
    return " ".join(p for p in (given, family) if p) or None


def _people(value: Any) -> list[Any]:
    if isinstance(value, dict) and isinstance(value.get("@list"), list):
        value = value["@list"]
    return value if isinstance(value, list) else [value] if value else []


def _venue(work: dict) -> Optional[str]:
    """The innermost named container: Issue -> Volume -> Periodical gives the Periodical."""
    part = work.get("isPartOf")
    named = None
    depth = 0
    while part is not None and depth < _MAX_DEPTH:
        if isinstance(part, list):
            part = part[0] if part else None
            continue
        if isinstance(part, str):
            named = named or (None if part.startswith("http") else clean_text(part))
            break
        if not isinstance(part, dict):
            break
        name = _text(part.get("name"))
        if name:
            named = name  # the outer container (the journal) wins over an issue's own name
        part = part.get("isPartOf")
        depth += 1
    if named:
        return named
    types = _types(work)
    # (a thesis's inSupportOf is its degree, "PhD", not its school)
    for key in ("sourceOrganization", "publisher") if types & {"thesis", "report"} else ("publisher",) \
            if types & {"book"} else ():
        name = _text(work.get(key))
        if name:
            return name
    return None


def _doi(work: dict) -> Optional[str]:
    candidates: list[Any] = []
    for key in ("sameAs", "identifier", "url", "@id"):
        value = work.get(key)
        candidates.extend(value if isinstance(value, list) else [value])
    for value in candidates:
        if isinstance(value, dict):
            if str(value.get("propertyID", "")).lower() == "doi":
                value = value.get("value")
            else:
                value = value.get("value") or value.get("@id") or value.get("url")
        if isinstance(value, str) and "10." in value:
            doi = normalise_doi(value)
            if doi:
                return doi
    return None


def _split_names(text: str) -> list[str]:
    """"Nadia El-Khoury, Rami Haddad": several people in one author string."""
    from extract.fields.names import split_author_list

    names = split_author_list(text).names if ("," in text or " and " in text or ";" in text) else []
    return names or [text]


def _entry(work: dict, id_names: Optional[dict] = None) -> Entry:
    date = _text(work.get("datePublished")) or _text(work.get("dateCreated"))
    people = _people(work.get("author") or work.get("creator"))[:2000]
    if id_names:
        # "author": {"@id": "https://site/#me"}: the Person the graph names elsewhere
        people = [id_names.get(p.get("@id"), p) if isinstance(p, dict) and not _person_name(p) else p for p in people]
    year = re.search(r"\b(?:1[6-9]|20)\d{2}\b", date or "")
    url = work.get("url")
    status = _text(work.get("creativeWorkStatus"))
    abstract = _text(work.get("abstract"))
    return Entry(
        title=_text(work.get("name")) or _text(work.get("headline")),
        authors=[n for p in people for n in (_split_names(p) if isinstance(p, str) else [_person_name(p)]) if n],
        date=date,
        year=int(year.group(0)) if year else None,
        venue=_venue(work),
        abstract=abstract if abstract and len(abstract.split()) >= 8 else None,
        doi=_doi(work),
        urls=[url] if isinstance(url, str) and url.startswith("http") else [],
        note=status if status and _STATUS_VENUE_RE.match(status) else None,
    )


def _owner(docs: list[Any], works: list[dict]) -> Optional[str]:
    for data in docs:
        for node in _nodes(data):
            if _types(node) & {"profilepage", "aboutpage"}:
                name = _person_name(node.get("mainEntity"))
                if name:
                    return name
    # the person on every work, by @id first, then by name
    ids: Optional[set] = None
    names: Optional[set] = None
    id_names: dict[str, str] = {}
    for work in works:
        people = _people(work.get("author") or work.get("creator"))
        these_ids = {p.get("@id") for p in people if isinstance(p, dict) and p.get("@id")}
        these_names = {n for n in (_person_name(p) for p in people) if n}
        for p in people:
            if isinstance(p, dict) and p.get("@id") and _person_name(p):
                id_names[p["@id"]] = _person_name(p)
        ids = these_ids if ids is None else ids & these_ids
        names = these_names if names is None else names & these_names
    persons = [n for d in docs for n in _nodes(d) if "person" in _types(n) and _person_name(n)]
    by_id = {p.get("@id"): _person_name(p) for p in persons if p.get("@id")}
    for pid in sorted(ids or ()):
        if by_id.get(pid) or id_names.get(pid):
            return by_id.get(pid) or id_names[pid]
    if names and len(names) == 1:
        return next(iter(names))
    top = {_person_name(p) for p in persons if "author" not in p}
    return next(iter(top)) if len(top) == 1 else None


def _affiliations(docs: list[Any], owner: Optional[str]) -> list[str]:
    for data in docs:
        for node in _nodes(data):
            if "person" in _types(node) and owner and _person_name(node) == owner:
                out = []
                for org in _people(node.get("affiliation") or node.get("worksFor")):
                    name = _person_name(org)
                    if name and name not in out:
                        out.append(name)
                return out
    return []


def _profile_person(docs: list) -> bool:
    """A Person at the top of a document or its @graph (the profile's subject), not an
    author nested in a work."""
    for doc in docs:
        top = doc.get("@graph") if isinstance(doc, dict) and isinstance(doc.get("@graph"), list) else [doc]
        if any(isinstance(n, dict) and "person" in _types(n) for n in (top if isinstance(top, list) else [top])):
            return True
    return False


def profile_graph(page: Page) -> bool:
    """The page's JSON-LD describes a person and several works: a profile, whatever one
    article its citation_* meta tags name."""
    return detect(page) >= 0.95


def detect(page: Page) -> float:
    if page.syntax == "html":
        if _LD_JSON_RE.search(page.text, 0, 2_000_000) is None:  # cheap gate: no copy of the page
            return 0.0
        docs = _documents(page)
        works = _works(docs)
        if len(works) < 2:
            return 0.0
        # a profile's graph (a Person and several works) outranks the one article its
        # citation_* meta tags describe
        return 0.97 if _profile_person(docs) else 0.92
    if page.syntax not in ("json", "text"):
        return 0.0
    docs = _documents(page)
    if not any(_is_schema_org(d) for d in docs):
        return 0.0
    persons = any("person" in _types(n) for d in docs for n in _nodes(d))
    return 0.95 if _works(docs) or persons else 0.0


def parse(page: Page) -> PageParse:
    docs = _documents(page)
    works = _works(docs)
    # data sets and software are outputs, not publications (as in the ORCID and BibTeX readers)
    outputs = [w for w in works if _types(w) & _NOT_PUBLICATION_TYPES]
    works = [w for w in works if not _types(w) & _NOT_PUBLICATION_TYPES]
    id_names = {n["@id"]: _person_name(n) for d in docs for n in _nodes(d)
                if isinstance(n, dict) and isinstance(n.get("@id"), str) and "person" in _types(n) and _person_name(n)}
    entries = [e for e in (_entry(w, id_names) for w in works) if e.title]
    owner = _owner(docs, works)
    evidence = [f"schema.org JSON-LD: {len(entries)} works"]
    if outputs:
        evidence.append(f"{len(outputs)} data sets or software left out")
    if owner:
        evidence.append(f"the graph is about '{owner}'")
    kind = "homepage" if page.syntax == "html" else "listing"
    if not entries and not owner:
        return PageParse(kind="not-a-profile", evidence=evidence + ["no person and no works"])
    return PageParse(kind=kind, person=owner, affiliations=_affiliations(docs, owner), entries=entries,
                     evidence=evidence)
