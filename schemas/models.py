"""Pydantic models for everything that crosses a stage boundary.

The JSON written by `pubsift run` is exactly these models dumped with
`canonical_json` (sorted keys, NFC text), so the models are the output contract.
"""
from __future__ import annotations

import unicodedata
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

PageKind = Literal["homepage", "listing", "paper", "search-results", "bibliography", "not-a-profile"]
PAGE_KINDS: tuple[str, ...] = ("homepage", "listing", "paper", "search-results", "bibliography", "not-a-profile")
Status = Literal["ok", "not-a-profile", "failed"]

# Flags a record may carry. Kept as plain strings so ingestors can add new ones,
# but these are the documented ones.
KNOWN_FLAGS = (
    "untitled",  # the entry lost its title in the scrape; never invented
    "authors-truncated",  # author list cut with "..." / "…"
    "owner-implicit",  # the page owner is an unnamed author ("…, with A and B")
    "owner-inferred",  # the page owner was inferred (profile flag)
    "no-authors",  # the page shows no authors for this entry
    "partial",  # a per-page limit cut the page short
    "date-ambiguous",
)


def nfc(text: Optional[str]) -> Optional[str]:
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Author(_Model):
    name: str
    given: Optional[str] = None
    family: Optional[str] = None
    person_id: Optional[str] = None

    @field_validator("name", "given", "family", mode="before")
    @classmethod
    def _nfc(cls, value):
        return nfc(value) if isinstance(value, str) else value


class Ids(_Model):
    arxiv: Optional[str] = None
    doi: Optional[str] = None
    openreview: Optional[str] = None


class Record(_Model):
    """One publication entry found on one page."""

    record_id: str = ""
    page: str
    position: int = Field(0, description="0-based order of the entry on its page")
    ingestor: str = ""
    title: Optional[str] = None
    authors: list[Author] = Field(default_factory=list)
    year: Optional[int] = None
    date: Optional[str] = Field(None, description='"YYYY-MM-DD", "YYYY-MM" or null')
    venue: Optional[str] = None
    abstract: Optional[str] = None
    ids: Ids = Field(default_factory=Ids)
    urls: list[str] = Field(default_factory=list)
    note: Optional[str] = None
    flags: list[str] = Field(default_factory=list)
    work_id: Optional[str] = None

    @field_validator("title", "venue", "abstract", "note", mode="before")
    @classmethod
    def _nfc(cls, value):
        if isinstance(value, str):
            value = nfc(value).strip()
            return value or None
        return value

    @field_validator("year")
    @classmethod
    def _plausible_year(cls, value):
        # A year outside this range is a parse error, not a publication year.
        if value is not None and not (1000 <= value <= 2100):
            return None
        return value


class FieldSource(_Model):
    record_id: str
    page: str


class WorkVersion(_Model):
    record_id: str
    page: str
    year: Optional[int] = None
    date: Optional[str] = None
    venue: Optional[str] = None
    title: Optional[str] = None


class Work(_Model):
    """A deduplicated work: the merged canonical record and where each value came from."""

    work_id: str
    title: Optional[str] = None
    authors: list[Author] = Field(default_factory=list)
    year: Optional[int] = None
    date: Optional[str] = None
    venue: Optional[str] = None
    abstract: Optional[str] = None
    ids: Ids = Field(default_factory=Ids)
    urls: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description="every distinct title seen")
    versions: list[WorkVersion] = Field(default_factory=list)
    record_ids: list[str] = Field(default_factory=list)
    pages: list[str] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    provenance: dict[str, Optional[str]] = Field(
        default_factory=dict, description="field -> record_id the merged value came from"
    )


class Affiliation(_Model):
    name: str


class Profile(_Model):
    page: str
    kind: PageKind
    person: Optional[str] = None
    affiliations: list[str] = Field(default_factory=list)
    ingestor: str = ""
    flags: list[str] = Field(default_factory=list)
    n_publications: int = 0
    counts: dict[str, int] = Field(default_factory=dict)
    evidence: list[str] = Field(default_factory=list, description="why kind/person were chosen")


class ManifestEntry(_Model):
    path: str
    sha256: Optional[str] = None
    bytes: Optional[int] = None
    status: Status
    reason: Optional[str] = None
    records: int = 0
    kind: Optional[str] = None
    ingestor: Optional[str] = None


class PageResult(_Model):
    """Everything extraction yields for one input file; the unit a worker returns."""

    manifest: ManifestEntry
    profile: Optional[Profile] = None
    records: list[Record] = Field(default_factory=list)


class ResearcherAffiliation(_Model):
    name: str
    page: str = Field(description="the page this affiliation was read from")


class Researcher(_Model):
    """One page-owner identity: every page of the same person merged (see schemas.people)."""

    researcher_id: str = Field(description="content hash of the sorted pages")
    name: Optional[str] = Field(None, description="best full form of the name; null when never stated")
    name_variants: list[str] = Field(default_factory=list, description="every spelling of this person seen")
    pages: list[str] = Field(default_factory=list)
    affiliations: list[ResearcherAffiliation] = Field(default_factory=list)
    person_id: Optional[str] = Field(None, description="the same identity as Author.person_id in author lists")
    work_ids: list[str] = Field(default_factory=list, description="deduplicated works of all their pages")
    n_works: int = 0
    counts_by_year: dict[str, int] = Field(default_factory=dict, description='year -> works ("undated" when unknown)')
    evidence: list[str] = Field(default_factory=list, description="why these pages are one person")
