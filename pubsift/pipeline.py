"""`pubsift run`: inputs -> per-page extraction (local worker processes) -> dedupe -> outputs.

Stage order is one explicit list: discover -> extract_page (per page, pure) -> assign_works
(whole run) -> merge_works -> write. Output is canonical: sorted rows, sorted keys, NFC,
content-hash ids, so any number of workers gives byte-identical files.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from extract.core import Limits, extract_page, failed
from schemas.canonical import canonical_json
from schemas.models import PageResult, Record, Work

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PAGES_FAILED = 3  # output written, but at least one input failed (see manifest.jsonl)

OUTPUT_FILES = ("records.jsonl", "works.jsonl", "profiles.jsonl", "manifest.jsonl")


@dataclass(frozen=True)
class InputFile:
    page: str  # path shown in outputs
    path: str  # where to read it
    problem: Optional[str] = None  # set when it must not be read (symlink escaping, ...)


class UsageError(Exception):
    pass


def discover(inputs: Iterable[str]) -> list[InputFile]:
    """Files under the inputs, sorted; symlinks leading outside their input root are refused."""
    found: dict[str, InputFile] = {}
    order: list[str] = []

    def add(item: InputFile):
        if item.page in found:
            item = InputFile(item.page + f" ({item.path})", item.path, "duplicate page path from another input")
        found[item.page] = item
        order.append(item.page)

    for raw in inputs:
        root = Path(raw)
        if not root.exists() and not root.is_symlink():
            raise UsageError(f"input not found: {raw}")
        if root.is_file() or (root.is_symlink() and not root.is_dir()):
            add(InputFile(root.name, str(root)))
            continue
        real_root = root.resolve()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]):
                full = Path(dirpath) / name
                rel = full.relative_to(root).as_posix()
                if full.is_symlink():
                    try:
                        target = full.resolve(strict=True)
                    except (OSError, RuntimeError):
                        add(InputFile(rel, str(full), "broken symlink"))
                        continue
                    if not target.is_relative_to(real_root):
                        add(InputFile(rel, str(full), "symlink points outside the input folder"))
                        continue
                    if target.is_dir():
                        add(InputFile(rel, str(full), "symlink to a directory (not followed)"))
                        continue
                elif not full.is_file():
                    add(InputFile(rel, str(full), "not a regular file"))
                    continue
                add(InputFile(rel, str(full)))
    return [found[p] for p in sorted(set(order))]


def read_and_extract(item: InputFile, limits: Limits) -> PageResult:
    """Worker body: read one input (bounded) and extract it. Never raises."""
    if item.problem:
        return failed(item.page, None, None, item.problem)
    try:
        with open(item.path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as error:
        return failed(item.page, None, None, f"unreadable: {error.strerror or type(error).__name__}")
    if len(data) > limits.max_bytes:
        size = os.path.getsize(item.path)
        return failed(item.page, None, size, f"file too large ({size} bytes > limit {limits.max_bytes})")
    return extract_page(item.page, data, limits)


def _worker_init(limits: Limits):
    try:
        import resource

        cap = limits.max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass


def extract_all(items: list[InputFile], jobs: int, limits: Limits, progress=None) -> Iterator[PageResult]:
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            result = read_and_extract(item, limits)
            if progress:
                progress()
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    retry: list[InputFile] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(limits,)) as pool:
        futures = [(pool.submit(read_and_extract, item, limits), item) for item in items]
        for future, item in futures:
            try:
                result = future.result()
            except BrokenProcessPool:
                # a worker died (memory cap, signal); which page did it is unknown: retry each alone
                retry.append(item)
                continue
            except Exception as error:  # pickling or worker bug: keep going
                result = failed(item.page, None, None, f"worker error: {type(error).__name__}")
            if progress:
                progress()
            yield result
    for item in retry:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_worker_init, initargs=(limits,)) as pool:
            try:
                result = pool.submit(read_and_extract, item, limits).result()
            except BrokenProcessPool:
                result = failed(item.page, None, None, "worker process died (memory or resource limit)")
        if progress:
            progress()
        yield result


@dataclass
class RunResult:
    results: list[PageResult]
    records: list[Record]
    works: list[Work]
    out_dir: Path
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return EXIT_PAGES_FAILED if any(r.manifest.status == "failed" for r in self.results) else EXIT_OK


def write_jsonl_atomic(path: Path, rows: Iterable) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(canonical_json(row))
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_outputs(out_dir: Path, results: list[PageResult], records: list[Record], works: list[Work]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    profiles = sorted((r.profile for r in results if r.profile is not None), key=lambda p: p.page)
    manifest = sorted((r.manifest for r in results), key=lambda m: m.path)
    write_jsonl_atomic(out_dir / "records.jsonl", records)
    write_jsonl_atomic(out_dir / "works.jsonl", works)
    write_jsonl_atomic(out_dir / "profiles.jsonl", profiles)
    # the manifest goes last: its presence says the run completed
    write_jsonl_atomic(out_dir / "manifest.jsonl", manifest)


def dedupe_records(records: list[Record]) -> tuple[list[Record], list[Work]]:
    from schemas.merge import assign_works, merge_works

    records = sorted(records, key=lambda r: (r.page, r.position, r.record_id))
    assign_works(records)
    works = merge_works(records)
    return records, works


def run(inputs: list[str], out_dir: str, jobs: int = 1, limits: Optional[Limits] = None, show_progress: bool = False,
        engine: str = "local", incremental: bool = True, full: bool = False, engine_options=None) -> RunResult:
    """engine: "local" | "spark" (pubsift.engines); incremental: reuse unchanged pages from the
    ledger in out_dir; full: re-extract everything (and refresh the ledger)."""
    from pubsift.engines import extract_pages

    start = time.perf_counter()
    limits = limits or Limits()
    items = discover(inputs)
    results, extraction = extract_pages(items, out_dir, limits, engine=engine, jobs=jobs, incremental=incremental,
                                        full=full, show_progress=show_progress, options=engine_options)
    results.sort(key=lambda r: r.manifest.path)
    records = [rec for r in results for rec in r.records]
    records, works = dedupe_records(records)
    out = Path(out_dir)
    write_outputs(out, results, records, works)
    statuses = {"ok": 0, "not-a-profile": 0, "failed": 0}
    for r in results:
        statuses[r.manifest.status] += 1
    statuses.update(extraction.as_counts())
    return RunResult(results, records, works, out, time.perf_counter() - start, statuses)


class _progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty() or self.total < 2:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), transient=True)
        self.bar.__enter__()
        task = self.bar.add_task("extracting pages", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False
