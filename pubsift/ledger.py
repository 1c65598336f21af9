"""Run ledger: what each page gave last time, so a re-run extracts only new or changed pages.

An embedded SQLite file in the output folder (`.pubsift-ledger.sqlite`) keeps, per page path,
the sha256 of its bytes, the extractor fingerprint and the PageResult JSON. A page is reused
only when all three keys match, so an incremental run gives exactly the PageResults (and so,
after the usual whole-run dedupe, exactly the output files) that a from-scratch run gives.

The fingerprint covers the extractor's version string, the bytes of every source and data file
of the `extract` and `schemas` packages, the versions of the libraries extraction depends on
and the limits: a code change re-extracts everything even when nobody bumped
EXTRACTOR_VERSION. SQLite (stdlib) rather than DuckDB: the access pattern is key lookups and
upserts, and it adds no dependency.

Whole-run shortcut: after writing, the ledger also keeps the run's key (all code, every
installed library version, the settings, every page's path, hash and outcome) and the sha256
of each output file. A later run with the same key, finding those files untouched, keeps them
as they are: no dedupe, no writing (`outputs_current`). Any difference runs everything after
extraction again, so the files are always what a from-scratch run writes.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import zlib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

from schemas.models import PageResult

LEDGER_NAME = ".pubsift-ledger.sqlite"
SCHEMA_VERSION = "1"

# libraries whose behaviour shapes a PageResult; a new version may change outputs
EXTRACTION_LIBRARIES = (
    "beautifulsoup4", "lxml", "spacy", "dateparser", "pydantic", "rapidfuzz", "anyascii", "ftfy",
    "charset-normalizer", "defusedxml", "pyyaml", "numpy", "thinc", "regex",
)
# failures that depend on the machine or the moment, not on the page: never reused
TRANSIENT_FAILURES = ("time limit", "memory", "worker", "unreadable", "interrupted")


def _package_files(package: str) -> tuple[Path, list[Path]]:
    import importlib

    root = Path(importlib.import_module(package).__file__).parent
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )
    return root, files


def extractor_fingerprint(limits=None) -> str:
    """Identity of the extractor as it is now (code + data + library versions + limits)."""
    from extract import core

    digest = hashlib.sha256()
    digest.update(f"version={core.EXTRACTOR_VERSION}\n".encode())
    for package in ("extract", "schemas"):
        root, files = _package_files(package)
        for path in files:
            digest.update(f"{package}/{path.relative_to(root).as_posix()}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for lib in EXTRACTION_LIBRARIES:
        try:
            version = metadata.version(lib)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{lib}={version}\n".encode())
    if limits is not None:
        digest.update(limits.model_dump_json().encode())
    return digest.hexdigest()[:32]


def reusable(result: PageResult) -> bool:
    """Only deterministic outcomes are remembered (a timeout may pass next time)."""
    m = result.manifest
    if not m.sha256:
        return False
    if m.status == "failed" and any(word in (m.reason or "").lower() for word in TRANSIENT_FAILURES):
        return False
    return True


@dataclass
class Plan:
    """Pages split into results reused from the ledger and pages the engine must extract."""

    reused: list[PageResult] = field(default_factory=list)
    todo: list = field(default_factory=list)  # InputFile
    direct: list = field(default_factory=list)  # InputFile that fail before extraction (no engine needed)


class Ledger:
    def __init__(self, path: Path, fingerprint: str):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError:  # not a database (damaged, or someone else's file): it is only a cache
            self.db.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self._open()

    def _open(self) -> None:
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS pages (page TEXT PRIMARY KEY, sha256 TEXT NOT NULL,"
            " fingerprint TEXT NOT NULL, result BLOB NOT NULL)"
        )
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            self.db.execute("DELETE FROM pages")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self.db.commit()

    @classmethod
    def in_folder(cls, out_dir, limits) -> "Ledger":
        return cls(Path(out_dir) / LEDGER_NAME, extractor_fingerprint(limits))

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def lookup(self, page: str, sha256: str) -> Optional[PageResult]:
        row = self.db.execute(
            "SELECT result FROM pages WHERE page=? AND sha256=? AND fingerprint=?", (page, sha256, self.fingerprint)
        ).fetchone()
        if row is None:
            return None
        try:
            return PageResult.model_validate_json(zlib.decompress(row[0]))
        except Exception:  # an unreadable row is just a cache miss
            return None

    def plan(self, items: list, limits, full: bool = False) -> Plan:
        """Hash every page (bounded read) and split into reused / to extract."""
        plan = Plan()
        for item in items:
            if item.problem:
                plan.direct.append(item)
                continue
            sha = _sha256_bounded(item.path, limits.max_bytes)
            if sha is None:  # unreadable or too large: the usual reader reports it, cheaply
                plan.direct.append(item)
                continue
            hit = None if full else self.lookup(item.page, sha)
            if hit is not None:
                plan.reused.append(hit)
            else:
                plan.todo.append(item)
        return plan

    def store(self, results: Iterable[PageResult]) -> None:
        rows = [
            (r.manifest.path, r.manifest.sha256, self.fingerprint, zlib.compress(r.model_dump_json().encode(), 6))
            for r in results if reusable(r)
        ]
        self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", rows)
        self.db.commit()

    def keep_only(self, pages: Iterable[str]) -> None:
        """Forget pages that are gone from the inputs (and entries of older extractors)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS current (page TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM current")
        self.db.executemany("INSERT OR IGNORE INTO current VALUES (?)", ((p,) for p in pages))
        self.db.execute(
            "DELETE FROM pages WHERE page NOT IN (SELECT page FROM current) OR fingerprint != ?", (self.fingerprint,)
        )
        self.db.commit()

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]


# ---------------------------------------------------------------- whole-run shortcut
def code_fingerprint() -> str:
    """Everything that can change output bytes besides the pages: all pubsift code (extract,
    schemas, pubsift: dedupe, people, writers) and every installed distribution's version."""
    digest = hashlib.sha256()
    for package in ("extract", "schemas", "pubsift"):
        root, files = _package_files(package)
        for path in files:
            digest.update(f"{package}/{path.relative_to(root).as_posix()}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name, version in sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()}):
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()


def run_key(results: list[PageResult], settings: str) -> Optional[str]:
    """Identity of a run: code, settings and every page's path, bytes and outcome. None when a
    page failed for a reason that may not hold next time (then nothing may be skipped)."""
    if any(r.manifest.status == "failed" and any(w in (r.manifest.reason or "").lower() for w in TRANSIENT_FAILURES)
           for r in results):
        return None
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(settings.encode())
    for line in sorted(f"{r.manifest.path}\t{r.manifest.sha256}\t{r.manifest.status}\t{r.manifest.reason}" for r in results):
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def _output_hashes(out_dir: Path, names: Iterable[str]) -> dict[str, Optional[str]]:
    hashes = {}
    for name in names:
        path = Path(out_dir) / name
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return hashes


def outputs_current(out_dir: Path, key: Optional[str], names: Iterable[str]) -> bool:
    """True when the last run into out_dir had this exact key and its output files are untouched:
    they are then exactly what this run would write, so dedupe and writing can be skipped."""
    if key is None or not (Path(out_dir) / LEDGER_NAME).exists():
        return False
    import json

    with Ledger(Path(out_dir) / LEDGER_NAME, "") as ledger:
        row = ledger.db.execute("SELECT value FROM meta WHERE key='last_run'").fetchone()
    if row is None:
        return False
    last = json.loads(row[0])
    names = list(names)
    return last.get("key") == key and last.get("outputs") == _output_hashes(out_dir, names)


def remember_outputs(out_dir: Path, key: Optional[str], names: Iterable[str]) -> None:
    """After a completed run: its key and output hashes (or forget them when the key is None)."""
    import json

    with Ledger(Path(out_dir) / LEDGER_NAME, "") as ledger:
        if key is None:
            ledger.db.execute("DELETE FROM meta WHERE key='last_run'")
        else:
            value = json.dumps({"key": key, "outputs": _output_hashes(out_dir, names)}, sort_keys=True)
            ledger.db.execute("INSERT OR REPLACE INTO meta VALUES ('last_run', ?)", (value,))
        ledger.db.commit()


def _sha256_bounded(path: str, max_bytes: int) -> Optional[str]:
    digest = hashlib.sha256()
    size = 0
    try:
        # as the page reader does: no symlink followed, never blocked by a FIFO swapped in
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None  # the usual reader reports it
            while chunk := handle.read(1 << 20):
                size += len(chunk)
                if size > max_bytes:
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
