"""extract_page: raw bytes of one input -> PageResult. A pure function of (path, bytes, limits),
so any engine (local processes, Spark) can map it over pages."""
from __future__ import annotations

import hashlib
import re
from typing import Optional, Sequence

from pydantic import BaseModel, ValidationError

from extract.ingestors.base import PageParse, finalise_entry
from extract.page import NotText, Page
from schemas.canonical import content_hash
from schemas.models import ManifestEntry, PageResult, Profile, Record

# a profile's counts read as an entry: "Total citations", "h-index", "Cited by"
_METRICS_LABEL_RE = re.compile(r"(?i)(?:total\s+)?(?:citations?|cited by|h-index|i10-index|g-index|reads|downloads|"
                               r"publications|works|views)(?:\s*\([^()]*\))?")

EXTRACTOR_VERSION = "0.1.0"
_BLANK_RE = re.compile(rb"[\s\x00]*")


class Limits(BaseModel):
    max_bytes: int = 64 * 1024 * 1024  # pages above this are refused unread (configurable)
    max_parse_bytes: int = 8 * 1024 * 1024  # only this head of a bigger page is parsed (flagged partial)
    max_seconds: float = 60.0  # per page wall time before it is failed
    max_records: int = 200_000  # a page yielding more is cut and flagged partial
    max_memory_mb: int = 800  # per worker address-space cap on top of its start size (keeps a run < 1 GB)


class PageTimeout(BaseException):
    """Raised by the per-page deadline. A BaseException so that the broad `except Exception`
    guards inside ingestors and the registry cannot swallow it and run on past the limit."""


def record_id_for(record: Record) -> str:
    body = record.model_dump(mode="json", exclude={"record_id", "work_id"})
    for author in body["authors"]:
        author.pop("person_id", None)
    return content_hash(body, prefix="r")


def infer_owner(records: list[Record]) -> Optional[str]:
    """The one author on (nearly) every entry of a page is its owner (the same rule the
    structured ingestors use: `extract.fields.structured.common_author`)."""
    from extract.fields.structured import common_author

    lists = [r.authors for r in records if r.authors and "owner-implicit" not in r.flags]
    return common_author(lists, min_share=0.75, min_entries=3)


def build_result(page: Page, parsed: PageParse, ingestor: str, sha: str, limits: Limits,
                 partial_reasons: Sequence[str] = ()) -> PageResult:
    records: list[Record] = []
    flags = list(parsed.flags)
    partial = list(partial_reasons)
    entries = parsed.entries
    if len(entries) > limits.max_records:
        entries = entries[: limits.max_records]
        partial.append(f"record limit reached ({limits.max_records} of {len(parsed.entries)} entries kept)")
    if partial:
        flags.append("partial")
    invalid: list[str] = []
    metrics = 0
    prose = 0
    for position, entry in enumerate(entries):
        if entry.title and _METRICS_LABEL_RE.fullmatch(entry.title.strip(" *:")) and not (entry.authors or entry.authors_text):
            metrics += 1  # "Total citations: 412 · h-index: 9" is a profile's count, not a work
            continue
        if ingestor in _FREE_LAYOUT_READERS and (_prose_under_label(entry) or _affiliation_block(entry)):
            prose += 1  # "**What I liked:** The ablations are thorough. …": a post's paragraph, not a work
            continue
        try:
            record = finalise_entry(entry, page.path, position, ingestor, owner=parsed.person)
        except ValidationError as error:
            # one malformed entry must not sink the page: it is reported, not silently dropped
            invalid.append(f"entry {position}: {error.errors()[0].get('msg', 'invalid')}"[:120])
            continue
        if "partial" in flags and "partial" not in record.flags:
            record.flags = sorted(record.flags + ["partial"])
        record.record_id = record_id_for(record)
        records.append(record)
    person = parsed.person
    evidence = list(parsed.evidence)
    if metrics:
        evidence.append(f"{metrics} citation-metrics line(s) left out")
    if prose:
        evidence.append(f"{prose} labelled paragraph(s) with no author, date or identifier left out")
    if invalid:
        flags.append("invalid-entries")
        evidence.append(f"{len(invalid)} invalid entries skipped: " + "; ".join(invalid[:3]))
    if person is None and parsed.kind in ("homepage", "listing") and not any("owner-implicit" in r.flags for r in records):
        person = infer_owner(records)
        if person:
            flags.append("owner-inferred")
            evidence.append(f"owner inferred: '{person}' is an author of most entries")
    if person and parsed.kind in ("homepage", "listing") and records:
        from extract.fields.names import owner_family_everywhere, owner_in_entry_order

        person = owner_in_entry_order(person, [a.family for r in records for a in r.authors if a.family])
        if owner_family_everywhere([a for r in records for a in r.authors], person):
            for record in records:  # the ids hash the content, which changed
                record.record_id = record_id_for(record)
    if person and parsed.kind in ("homepage", "listing") and (re.match(r"(?:[A-ZÀ-Þ]\.?[\s-]?)+\s+\S|(?:[A-ZÀ-Þ]\.[\s-]?)+\S", person)
                                                             or re.search(r"\s[A-ZÀ-Þ]\.\s", person)):
        # "C. Dufresne-Hart" in the lists, "Dr. Camille Dufresne-Hart" in the page's prose; "Chiamaka N.
        # Okonkwo" in the heading, "Chiamaka Nneka Okonkwo" in the bio
        from extract.fields.names import spelled_out

        person = spelled_out(person, page.visible_text()) or person
    kind = parsed.kind
    if kind == "homepage" and len(records) <= 2 and _course_page(page):
        # "Instructor:", "Office hours:", "Learning objectives", "Assessment": a course's page
        kind, person, records = "not-a-profile", None, []
        evidence.append("a course page (instructor, office hours, objectives, grading): not a profile")
    if kind == "homepage" and prose >= 2 and not records:
        # every "entry" was a labelled paragraph: a post or an article, not a list of works
        kind, person = "not-a-profile", None
        evidence.append("every entry was a labelled paragraph: not a publication list")
    status = "not-a-profile" if kind == "not-a-profile" else "ok"
    if kind == "not-a-profile":
        records = []
    profile = Profile(
        page=page.path,
        kind=kind,
        person=person,
        affiliations=parsed.affiliations,
        ingestor=ingestor,
        flags=sorted(set(flags)),
        n_publications=len(records),
        counts={
            "records": len(records),
            "untitled": sum("untitled" in r.flags for r in records),
            "with_abstract": sum(r.abstract is not None for r in records),
            "authors_truncated": sum("authors-truncated" in r.flags for r in records),
        },
        evidence=evidence,
    )
    manifest = ManifestEntry(
        path=page.path, sha256=sha, bytes=page.size, status=status,
        reason=(("partial: " + "; ".join(partial)) if partial else None) if status == "ok" else
        "; ".join(evidence[-1:] + [f"partial: {p}" for p in partial]) or "not a researcher profile",
        records=len(records), kind=kind, ingestor=ingestor,
    )
    return PageResult(manifest=manifest, profile=profile, records=records)


_COURSE_CUE_RE = re.compile(r"(?im)^\W*(?:instructor|lecturer|teaching assistants?|office hours|course description|"
                            r"learning (?:objectives|outcomes)|assessment|grading|syllabus|prerequisites|required readings?|"
                            r"course schedule|credits)\b")


def _course_page(page) -> bool:
    cues = {m.group(0).strip(" *#_:-").lower() for m in _COURSE_CUE_RE.finditer(page.visible_text()[:200_000])}
    return len(cues) >= 3


_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?:]\s+[A-Z]")


# the readers of pages in no fixed layout, where a heading or a bold label can pass for an entry
_FREE_LAYOUT_READERS = frozenset({"generic_homepage", "markdown_homepage", "frontmatter_list",
                                  "latex_cv", "org_mode", "restructuredtext", "asciidoc", "mediawiki", "jemdoc"})


def _affiliation_block(entry) -> bool:
    """A page header read as an entry ("Fachgebiet Werkstoffmechanik" + "Fachbereich Maschinenbau,
    Technische Hochschule Rheinau"): its "authors" are all bodies, and it has no date or identifier."""
    if entry.year or entry.date or entry.doi or entry.arxiv or entry.openreview or entry.venue:
        return False
    from extract.fields.names import is_organisation_name, split_author_list

    names = [a if isinstance(a, str) else a.name for a in entry.authors] or (
        split_author_list(entry.authors_text).names if entry.authors_text else [])
    return bool(names) and all(is_organisation_name(n) for n in names)


def _prose_under_label(entry) -> bool:
    """A short bold label and a paragraph after it ("The pitch: Most RAG systems chunk …"),
    which a list reader took for a title and its venue: no author, year, date, identifier or
    link, and a "venue" that runs on as prose. Such an entry says nothing that makes it a work."""
    if entry.authors or entry.authors_text or entry.year or entry.date or entry.doi or entry.arxiv or entry.openreview \
            or entry.urls or entry.abstract or "owner-implicit" in entry.flags:
        return False
    title, venue = (entry.title or "").strip(), (entry.venue or "").strip()
    if not title or len(title.split()) > 6:
        return False
    # (a question or a clause as the "title" with a short answer after it: "Would I use it?" + "Already am")
    return (not venue or len(venue.split()) >= 12 or bool(_SENTENCE_BREAK_RE.search(venue))
            or (title.endswith(("?", ":")) and len(title.split()) <= 5))


def failed(path: str, sha: Optional[str], size: Optional[int], reason: str) -> PageResult:
    return PageResult(manifest=ManifestEntry(path=path, sha256=sha, bytes=size, status="failed", reason=reason))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g} MB"


def cut_head(data: bytes, limit: int) -> bytes:
    """The first `limit` bytes of a page, ended at a line break when one is near, so that
    the head decodes cleanly (no character or, usually, entry cut in half)."""
    head = data[:limit]
    newline = head.rfind(b"\n", max(0, limit - 256 * 1024))
    if newline > 0:
        head = head[: newline + 1]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4096].count(0) > 1024:
        head = head[: len(head) - len(head) % 2]  # UTF-16: whole code units only
    return head


def extract_page(path: str, data: bytes, limits: Optional[Limits] = None, *,
                 size: Optional[int] = None, sha256: Optional[str] = None) -> PageResult:
    """Extract one page. Never raises: every problem becomes a `failed` manifest entry.

    `data` may be only the head of a bigger file when the caller streamed it: `size` and
    `sha256` then describe the whole file, and the result is flagged partial."""
    from extract import registry

    limits = limits or Limits()
    size = len(data) if size is None else size
    sha = sha256 or hashlib.sha256(data).hexdigest()
    if size > limits.max_bytes:
        return failed(path, sha, size, f"file too large ({size} bytes > limit {limits.max_bytes}, --max-page-mb)")
    if _BLANK_RE.fullmatch(data):
        return failed(path, sha, size, "empty file")
    partial: list[str] = []
    if len(data) > limits.max_parse_bytes:
        data = cut_head(data, limits.max_parse_bytes)
    if size > len(data):
        partial.append(f"page too large: only the first {_mb(len(data))} of {_mb(size)} parsed (--max-parse-mb)")
    try:
        with _deadline(limits.max_seconds):
            page = Page.from_bytes(data, path)
            page.size = size
            module, confidence, evidence = registry.choose(page)
            parsed = module.parse(page)
            parsed.evidence = [f"ingestor {module.NAME} ({confidence:.2f})"] + evidence + parsed.evidence
            return build_result(page, parsed, module.NAME, sha, limits, partial)
    except NotText as error:
        return failed(path, sha, size, str(error))
    except PageTimeout:
        return failed(path, sha, size, f"time limit exceeded ({limits.max_seconds:g} s, --page-timeout)")
    except MemoryError:
        return failed(path, sha, size, "memory limit exceeded (--max-memory-mb)")
    except RecursionError:
        return failed(path, sha, size, "nesting too deep")
    except Exception as error:  # one bad page never stops a batch; the reason is kept
        return failed(path, sha, size, f"extractor error: {type(error).__name__}: {str(error)[:200]}")


class _deadline:
    """SIGALRM-based wall-clock limit (main thread of a process only; a no-op elsewhere)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = False

    def __enter__(self):
        import signal
        import threading

        if self.seconds and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            def _raise(signum, frame):
                raise PageTimeout()

            self.previous = signal.signal(signal.SIGALRM, _raise)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.active = True
        return self

    def __exit__(self, *exc):
        if self.active:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False
