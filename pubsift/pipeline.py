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

OUTPUT_FILES = ("records.jsonl", "works.jsonl", "profiles.jsonl", "researchers.jsonl", "manifest.jsonl")


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
        unreadable_dirs: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable_dirs.append):
            dirnames.sort()
            for name in sorted(filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]):
                full = Path(dirpath) / name
                rel = display_path(full.relative_to(root).as_posix())
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
                    if not target.is_file():
                        add(InputFile(rel, str(full), "symlink to something that is not a regular file"))
                        continue
                    # read the checked target itself, so the link cannot be re-pointed before the read
                    add(InputFile(rel, str(target)))
                    continue
                elif not full.is_file():
                    add(InputFile(rel, str(full), "not a regular file"))
                    continue
                add(InputFile(rel, str(full)))
        for error in unreadable_dirs:
            if error.filename and Path(error.filename) != root:
                rel = display_path(Path(error.filename).relative_to(root).as_posix()) + "/"
                add(InputFile(rel, str(error.filename), f"unreadable directory: {error.strerror or type(error).__name__}"))
            else:
                raise UsageError(f"cannot read input folder {raw}: {error.strerror or error}")
    return [found[p] for p in sorted(set(order))]


def display_path(path: str) -> str:
    """A page path that is valid text: bytes of a file name that are not UTF-8 are shown
    as \\xNN escapes (deterministic, and still distinct from other names)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_and_extract(item: InputFile, limits: Limits) -> PageResult:
    """Worker body: read one input (bounded) and extract it. Never raises.

    The file is streamed: only its first `limits.max_parse_bytes` (+1) stay in memory, the
    rest only feeds the sha256, so a page of any size costs bounded memory."""
    if item.problem:
        return failed(item.page, None, None, item.problem)
    try:
        head, size, sha = _read_head(item.path, limits)
    except _NotRegular:
        return failed(item.page, None, None, "not a regular file")
    except OSError as error:
        return failed(item.page, None, None, f"unreadable: {error.strerror or type(error).__name__}")
    if size > limits.max_bytes:
        return failed(item.page, None, size,
                      f"file too large ({size} bytes > limit {limits.max_bytes}, --max-page-mb)")
    return extract_page(item.page, head, limits, size=size, sha256=sha)


class _NotRegular(Exception):
    pass


def _read_head(path: str, limits: Limits) -> tuple[bytes, int, Optional[str]]:
    """(first bytes, size, sha256 of the whole file). Opened without following a symlink and
    without blocking, and refused unless it is a regular file (a FIFO would block forever)."""
    import hashlib
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular()
        if info.st_size > limits.max_bytes:
            return b"", info.st_size, None  # refused unread
        keep = limits.max_parse_bytes + 1
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        kept = size = 0
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            if kept < keep:
                chunks.append(chunk[: keep - kept])
                kept += len(chunks[-1])
            if size > limits.max_bytes:  # grew while we read it
                return b"", size, None
    return b"".join(chunks), size, digest.hexdigest()


def extract_all(items: list[InputFile], jobs: int, limits: Limits, progress=None,
                isolate: bool = True) -> Iterator[PageResult]:
    """PageResults in completion order. isolate (default): every page is extracted in a worker
    process with a memory cap and a hard time limit, also for jobs=1, so no page can take the
    run down with it; isolate=False runs in this process (debugging, profiling)."""
    if not isolate:
        for item in items:
            result = read_and_extract(item, limits)
            if progress:
                progress()
            yield result
        return
    from pubsift.workers import run_isolated

    def on_failure(item: InputFile, reason: str) -> PageResult:
        try:
            size = os.lstat(item.path).st_size  # never follows a link out of the inputs
        except OSError:
            size = None
        return failed(item.page, None, size, reason)

    for result in run_isolated(items, read_and_extract, limits, max(1, jobs), on_failure,
                               memory_mb=limits.max_memory_mb, soft_seconds=limits.max_seconds):
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


TEMP_MARK = ".tmp-"  # temporaries are ".NAME.tmp-PID" beside their target


def _write_jsonl_temp(path: Path, rows: Iterable) -> Path:
    """Write rows to a temporary beside `path` (flushed to disk); the caller renames it."""
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for row in rows:
                handle.write(canonical_json(row))
                handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_jsonl_atomic(path: Path, rows: Iterable) -> None:
    """Replace `path` with rows in one rename: readers see the old file or the new one."""
    os.replace(_write_jsonl_temp(path, rows), path)


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporaries left by a run that was killed (SIGKILL) while writing; never outputs."""
    for name in OUTPUT_FILES:
        for tmp in out_dir.glob(f".{name}{TEMP_MARK}*"):
            pid = tmp.name.rsplit(TEMP_MARK, 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                tmp.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class _signals_deferred:
    """Hold SIGINT/SIGTERM for the few renames that publish a run's files, so an interrupt
    cannot leave a mix of old and new files (SIGKILL cannot be held: see docs/hostile.md)."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __enter__(self):
        import signal
        import threading

        self.blocked = None
        if hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread():
            wanted = {getattr(signal, n) for n in self.SIGNALS if hasattr(signal, n)}
            self.blocked = signal.pthread_sigmask(signal.SIG_BLOCK, wanted)
        return self

    def __exit__(self, *exc):
        if self.blocked is not None:
            import signal

            signal.pthread_sigmask(signal.SIG_SETMASK, self.blocked)
        return False


def write_outputs(out_dir: Path, results: list[PageResult], records: list[Record], works: list[Work],
                  researchers: Optional[list] = None) -> None:
    """Write every output file to a temporary first, then publish them all by renames
    (manifest last). An interrupted or killed run leaves the previous outputs intact."""
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    profiles = sorted((r.profile for r in results if r.profile is not None), key=lambda p: p.page)
    manifest = sorted((r.manifest for r in results), key=lambda m: m.path)
    staged: list[tuple[Path, Path]] = []
    try:
        # the manifest goes last: its presence says the run completed
        outputs = [("records.jsonl", records), ("works.jsonl", works), ("profiles.jsonl", profiles)]
        if researchers is not None:
            outputs.append(("researchers.jsonl", researchers))
        for name, rows in outputs + [("manifest.jsonl", manifest)]:
            staged.append((_write_jsonl_temp(out_dir / name, rows), out_dir / name))
        with _signals_deferred():
            for tmp, final in staged:
                os.replace(tmp, final)
            _fsync_dir(out_dir)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def dedupe_records(records: list[Record]) -> tuple[list[Record], list[Work]]:
    from schemas.merge import assign_works, merge_works

    records = sorted(records, key=lambda r: (r.page, r.position, r.record_id))
    assign_works(records)
    works = merge_works(records)
    return records, works


def identify_people(records: list[Record], results: list[PageResult], works: list[Work]) -> list:
    """person_id on every author (records and works, in place) and one researcher per page owner."""
    from schemas.people import assign_people

    profiles = sorted((r.profile for r in results if r.profile is not None), key=lambda p: p.page)
    return assign_people(records, profiles, works)[1]


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
    out = Path(out_dir)
    if extraction.outputs_current:  # same pages, code and settings as the last run here: its files stand
        records, works = extraction.previous_outputs(out)
    else:
        records = [rec for r in results for rec in r.records]
        records, works = dedupe_records(records)
        researchers = identify_people(records, results, works)
        write_outputs(out, results, records, works, researchers)
        extraction.remember_outputs(out)
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
