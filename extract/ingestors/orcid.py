"""ORCID API v3 responses, JSON or XML: a full record (person + activities-summary), the
/works summary, an activities summary, or a single full work.

ORCID groups the versions of one work (from different sources); each group becomes one entry,
read from its preferred summary (highest display-index, then first). DOIs/arXiv ids come from
the work's own external ids (relationship self/version-of; 'part-of' ids name the containing
journal or book). Placeholder values in sample records are read as they are.
Kind: `listing` (one person's works); the person is the record's name when it has one.
"""
from __future__ import annotations

from typing import Any, Optional

from extract.fields.ids import normalise_arxiv, normalise_doi
from extract.fields.safe_xml import child, children, local, namespace, page_xml, path_text
from extract.fields.text import clean_text, fold
from extract.fields.wrapped import payload
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "orcid"

_ORCID_NS = "http://www.orcid.org/ns/"
_OWN_ID_RELATIONSHIPS = {"self", "version-of", ""}


# ---- a work summary, whatever the syntax -> plain dict ----------------------------------------

def _v(node: Any) -> str:
    """JSON ORCID values are {"value": x}; a few are plain strings."""
    if isinstance(node, dict):
        node = node.get("value")
    return clean_text(str(node)) if node not in (None, "") else ""


def _json_work(work: dict) -> dict:
    title = work.get("title") or {}
    date = work.get("publication-date") or {}
    ext = ((work.get("external-ids") or {}).get("external-id")) or []
    contributors = ((work.get("contributors") or {}).get("contributor")) or []
    return {
        "title": _v(title.get("title")) if isinstance(title, dict) else _v(title),
        "subtitle": _v(title.get("subtitle")) if isinstance(title, dict) else "",
        "journal": _v(work.get("journal-title")),
        "year": _v(date.get("year")), "month": _v(date.get("month")), "day": _v(date.get("day")),
        "ids": [(_v(x.get("external-id-type")), _v(x.get("external-id-value")), _v(x.get("external-id-url")),
                 _v(x.get("external-id-relationship"))) for x in ext if isinstance(x, dict)],
        "url": _v(work.get("url")),
        "type": _v(work.get("type")),
        "abstract": _v(work.get("short-description")),
        "authors": [_v(c.get("credit-name")) for c in contributors if isinstance(c, dict) and _v(c.get("credit-name"))],
        "index": _int(work.get("display-index")),
    }


def _xml_work(work) -> dict:
    date = child(work, "publication-date")
    ids = []
    ext = child(work, "external-ids")
    if ext is not None:
        for x in children(ext, "external-id"):
            ids.append((path_text(x, "external-id-type"), path_text(x, "external-id-value"),
                        path_text(x, "external-id-url"), path_text(x, "external-id-relationship")))
    authors = []
    contributors = child(work, "contributors")
    if contributors is not None:
        authors = [path_text(c, "credit-name") for c in children(contributors, "contributor") if path_text(c, "credit-name")]
    return {
        "title": path_text(work, "title", "title"),
        "subtitle": path_text(work, "title", "subtitle"),
        "journal": path_text(work, "journal-title"),
        "year": path_text(date, "year") if date is not None else "",
        "month": path_text(date, "month") if date is not None else "",
        "day": path_text(date, "day") if date is not None else "",
        "ids": ids,
        "url": path_text(work, "url"),
        "type": path_text(work, "type"),
        "abstract": path_text(work, "short-description"),
        "authors": authors,
        "index": _int(work.get("display-index")),
    }


def _int(value: Any) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


def _preferred(summaries: list[dict], group_ids: Optional[list] = None) -> Optional[dict]:
    """The group's preferred version (highest display-index, then first); fields it lacks are
    filled from the group's other versions and the group's own external ids."""
    if not summaries:
        return None
    order = sorted(range(len(summaries)), key=lambda i: (-summaries[i]["index"], i))
    best = dict(summaries[order[0]])
    for i in order[1:]:
        other = summaries[i]
        for key in ("journal", "url", "abstract", "subtitle"):
            best[key] = best[key] or other[key]
        if not best["authors"]:
            best["authors"] = other["authors"]
        if other["year"] == best["year"] and not best["month"] and other["month"]:
            best["month"], best["day"] = other["month"], other["day"]
        best["ids"] = best["ids"] + [x for x in other["ids"] if x not in best["ids"]]
    best["ids"] = best["ids"] + [x for x in group_ids or [] if x not in best["ids"]]
    return best


def _entry(work: dict) -> Entry:
    doi = arxiv = None
    urls = [work["url"]] if work["url"] else []
    for kind, value, url, relationship in work["ids"]:
        if relationship.lower() not in _OWN_ID_RELATIONSHIPS:
            continue
        kind = kind.lower()
        if kind == "doi" and not doi:
            doi = normalise_doi(value) or normalise_doi(url)
        elif kind == "arxiv" and not arxiv:
            arxiv = normalise_arxiv(value) or normalise_arxiv(url)
        if url and url not in urls:
            urls.append(url)
    date = "-".join(p for p in (work["year"], work["month"], work["day"]) if p) if work["year"] else None
    title = work["title"]
    if title and work["subtitle"]:
        title = f"{title}: {work['subtitle']}"
    return Entry(
        title=title or None,
        authors=work["authors"],
        date=date,
        year=work["year"] or None,
        venue=work["journal"] or None,
        abstract=work["abstract"] or None,
        doi=doi,
        arxiv=arxiv,
        urls=urls,
        # a person's own record: its owner is an author of every work, even when none is listed
        flags=[] if work["authors"] else ["owner-implicit"],
    )


# ---- JSON ---------------------------------------------------------------------------------------

def _json_groups(data: dict) -> Optional[list]:
    if "activities-summary" in data:
        data = data.get("activities-summary") or {}
    if "works" in data and isinstance(data.get("works"), dict):
        data = data["works"]
    groups = data.get("group")
    return groups if isinstance(groups, list) else None


def _is_orcid_json(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    if "orcid-identifier" in data or "activities-summary" in data:
        return True
    groups = _json_groups(data)
    if groups and isinstance(groups[0], dict) and "work-summary" in groups[0]:
        return True
    if isinstance(data.get("bulk"), list):
        return any(isinstance(b, dict) and "work" in b for b in data["bulk"])
    return "put-code" in data and "title" in data and "external-ids" in data


def _json_person(data: dict) -> tuple[Optional[str], list[str]]:
    person = data.get("person") or {}
    name = person.get("name") or {}
    display = _v(name.get("credit-name")) or " ".join(
        p for p in (_v(name.get("given-names")), _v(name.get("family-name"))) if p)
    affiliations = []
    employments = ((data.get("activities-summary") or {}).get("employments") or {}).get("affiliation-group") or []
    current, past = [], []
    for group in employments:
        for summary in group.get("summaries") or []:
            employment = summary.get("employment-summary") or {}
            org = _v((employment.get("organization") or {}).get("name"))
            if org:
                (past if employment.get("end-date") else current).append(org)
    for org in current + past:
        if org not in affiliations:
            affiliations.append(org)
    return display or None, affiliations


def _parse_json(data: dict) -> PageParse:
    works: list[dict] = []
    groups = _json_groups(data)
    if groups is not None:
        for group in groups:
            summaries = [_json_work(w) for w in (group.get("work-summary") or []) if isinstance(w, dict)]
            best = _preferred(summaries, _json_work(group)["ids"])
            if best:
                works.append(best)
    elif isinstance(data.get("bulk"), list):
        works = [_json_work(b["work"]) for b in data["bulk"] if isinstance(b, dict) and isinstance(b.get("work"), dict)]
    else:
        works = [_json_work(data)]
    bulk = (data.get("works-bulk") or {}).get("bulk") if isinstance(data.get("works-bulk"), dict) else None
    if groups is not None and isinstance(bulk, list):
        # a full record saved with its works fetched in bulk beside the summaries: the summaries name
        # no contributors, the full works do
        full = {fold(w["title"] or ""): w for w in (_json_work(b["work"]) for b in bulk
                                                     if isinstance(b, dict) and isinstance(b.get("work"), dict)) if w["title"]}
        for work in works:
            match = full.get(fold(work["title"] or ""))
            if match is not None and not work["authors"]:
                work["authors"] = match["authors"]
    person, affiliations = _json_person(data)
    if person is None and isinstance(data.get("bulk"), list):
        person = _self_asserted_source([b["work"] for b in data["bulk"] if isinstance(b, dict) and isinstance(b.get("work"), dict)])
    return _result(works, person, affiliations, "ORCID JSON")


def _self_asserted_source(works: list[dict]) -> Optional[str]:
    """The record's owner when the response holds works only (the "bulk" works call): the name of
    the source that added them from the record's own iD ("/0000-…/work/…" added by "0000-…"), when
    that is one name for most of them."""
    names: dict[str, int] = {}
    for work in works:
        source = work.get("source") or {}
        own = _v((source.get("source-orcid") or {}).get("path")) if isinstance(source.get("source-orcid"), dict) else ""
        path = work.get("path") if isinstance(work.get("path"), str) else ""
        name = _v(source.get("source-name"))
        if own and name and path.startswith(f"/{own}/"):
            names[name] = names.get(name, 0) + 1
    if not names:
        return None
    name, count = max(sorted(names.items()), key=lambda kv: kv[1])
    return name if count * 2 > len(works) else None


# ---- XML ----------------------------------------------------------------------------------------

def _xml_person(root) -> tuple[Optional[str], list[str]]:
    person = None
    for holder in root.iter():
        node = child(holder, "name") if local(holder) == "person" else None
        if node is not None:
            person = path_text(node, "credit-name") or " ".join(
                p for p in (path_text(node, "given-names"), path_text(node, "family-name")) if p) or None
            break
    affiliations = []
    for node in root.iter():
        if local(node) == "employment-summary":
            org = path_text(node, "organization", "name")
            if org and org not in affiliations:
                affiliations.append(org)
    return person, affiliations


def _parse_xml(root) -> PageParse:
    works = []
    groups = [n for n in root.iter() if local(n) == "group" and child(n, "work-summary") is not None]
    if groups:
        for group in groups:
            group_ids = _xml_work(group)["ids"]  # the group's own <external-ids>
            best = _preferred([_xml_work(w) for w in children(group, "work-summary")], group_ids)
            if best:
                works.append(best)
    else:
        works = [_xml_work(n) for n in root.iter() if local(n) in ("work", "work-summary") and child(n, "title") is not None]
    person, affiliations = _xml_person(root)
    return _result(works, person, affiliations, "ORCID XML")


_NOT_PUBLICATION_TYPES = frozenset(("lecture-speech", "data-set", "software", "research-tool", "physical-object", "spin-off-company"))


def _result(works: list[dict], person: Optional[str], affiliations: list[str], what: str) -> PageParse:
    # talks, datasets and software are activities and outputs, not publications (ORCID work types)
    talks = [w for w in works if (w.get("type") or "").lower().replace("_", "-") in _NOT_PUBLICATION_TYPES]
    entries = [_entry(w) for w in works if not any(w is t for t in talks)]
    evidence = [f"{what}: {len(entries)} works"]
    if talks:
        evidence.append(f"{len(talks)} talk(s), dataset(s) or software (ORCID work types) left out")
    if person:
        evidence.append(f"record of '{person}'")
    return PageParse(kind="listing", person=person, affiliations=affiliations, entries=entries, evidence=evidence)


def _source(page: Page):
    inner = payload(page)
    if inner.syntax == "json" and _is_orcid_json(inner.json()):
        return "json", inner
    if inner.syntax == "xml" and ("orcid.org/ns/" in inner.text[:5000] or "orcid-identifier" in inner.text[:5000]):
        root = page_xml(inner).root
        # (a mirror or an export tool may rename the namespaces; the record's shape says ORCID too:
        # an <orcid-identifier> and works with put-codes)
        if root is not None and (namespace(root).startswith(_ORCID_NS) or (
                local(root) == "record" and any(local(n) == "orcid-identifier" for n in root)
                and "put-code=" in inner.text)):
            return "xml", inner
    return None, inner


def detect(page: Page) -> float:
    if page.syntax not in ("json", "xml", "yaml", "text", "markdown"):
        return 0.0
    kind, _ = _source(page)
    return 0.97 if kind else 0.0


def parse(page: Page) -> PageParse:
    kind, inner = _source(page)
    if kind == "json":
        return _parse_json(inner.json())
    if kind == "xml":
        return _parse_xml(page_xml(inner).root)
    return PageParse(kind="listing", evidence=["no ORCID record could be read"])
