"""Isolated per-page workers: every page is extracted in a child process with a memory cap,
a soft time limit (SIGALRM inside the worker) and a hard one (the parent kills a worker that
overruns, e.g. stuck in C code that never returns to Python).

Why not concurrent.futures: when a worker dies, ProcessPoolExecutor breaks the whole pool and
cannot tell which page killed it. Here each worker holds exactly one page at a time, so a
death is charged to that page only (`failed` with a reason) and a fresh worker takes over.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Optional

HARD_KILL_GRACE_SECONDS = 5.0  # after the soft limit, before the parent kills the worker


def _address_space_bytes() -> int:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cap_memory(extra_mb: int) -> None:
    """Cap this process's address space at its current size plus `extra_mb` (RLIMIT_AS).
    Relative to the current size, so a worker forked from a large parent is not born over it."""
    if not extra_mb or extra_mb <= 0:
        return
    try:
        import resource

        cap = _address_space_bytes() + extra_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass  # platforms without RLIMIT_AS: the soft time limit still applies


def _die_with_parent(parent_pid: int) -> None:
    """A worker must not outlive a parent that was killed (SIGKILL, OOM): Linux delivers
    SIGKILL to it when the parent dies. Elsewhere, the closed pipe ends it after its page."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


def _worker_main(conn: Connection, parent_end: Connection, task: Callable, limits: Any, memory_mb: int,
                 parent_pid: int) -> None:
    # Ctrl-C reaches the whole process group: the parent decides what an interrupt means
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        _die_with_parent(parent_pid)
    if parent_end is not None:
        parent_end.close()  # else this process keeps its own pipe open and never sees EOF
    cap_memory(memory_mb)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        try:
            result = task(item, limits)
        except MemoryError:
            result = ("error", "memory limit exceeded")
        except BaseException as error:  # the task should never raise; if it does, report, don't die
            result = ("error", f"worker error: {type(error).__name__}: {str(error)[:200]}")
        try:
            conn.send(result)
        except MemoryError:
            conn.send(("error", "memory limit exceeded (result too large)"))
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Worker:
    process: Any
    conn: Connection
    item: Any = None
    started: float = 0.0


def _death_reason(exitcode: Optional[int]) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        # C libraries (libxml2, ...) may crash rather than fail cleanly when the memory cap
        # refuses them an allocation
        hint = {signal.SIGKILL: " (out of memory?)", signal.SIGSEGV: " (crash; memory limit?)",
                signal.SIGBUS: " (crash; memory limit?)", signal.SIGABRT: " (crash; memory limit?)"}.get(-exitcode, "")
        return f"worker process died: {name}{hint}"
    return f"worker process died (exit code {exitcode})"


def run_isolated(
    items: Iterable[Any],
    task: Callable[[Any, Any], Any],
    limits: Any,
    jobs: int,
    on_failure: Callable[[Any, str], Any],
    memory_mb: int = 0,
    soft_seconds: float = 0.0,
) -> Iterator[Any]:
    """Yield `task(item, limits)` for every item (in completion order), each computed in a
    worker process. A worker that dies or overruns `soft_seconds` + grace yields
    `on_failure(item, reason)` instead, and is replaced. Workers are killed on exit,
    including on KeyboardInterrupt."""
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    queue = collections.deque(items)
    hard_seconds = soft_seconds + max(HARD_KILL_GRACE_SECONDS, 0.25 * soft_seconds) if soft_seconds else None
    idle: list[_Worker] = []
    busy: list[_Worker] = []

    def start() -> _Worker:
        parent_end, child_end = ctx.Pipe(duplex=True)
        inherited = parent_end if ctx.get_start_method() == "fork" else None
        process = ctx.Process(target=_worker_main, args=(child_end, inherited, task, limits, memory_mb, os.getpid()),
                              daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def retire(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    try:
        while queue or busy:
            while queue and len(busy) < jobs:
                worker = idle.pop() if idle else start()
                worker.item, worker.started = queue.popleft(), time.monotonic()
                try:
                    worker.conn.send(worker.item)
                except (BrokenPipeError, OSError):
                    retire(worker)
                    yield on_failure(worker.item, "worker process could not be started")
                    continue
                busy.append(worker)
            if not busy:
                continue
            timeout = 1.0
            if hard_seconds:
                first_deadline = min(w.started for w in busy) + hard_seconds
                timeout = max(0.05, min(timeout, first_deadline - time.monotonic()))
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout)
            now = time.monotonic()
            for worker in list(busy):
                result = None
                if worker.conn.poll():
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(timeout=5)
                        result = on_failure(worker.item, _death_reason(worker.process.exitcode))
                        retire(worker)
                        busy.remove(worker)
                        yield result
                        continue
                    busy.remove(worker)
                    idle.append(worker)
                    if isinstance(result, tuple) and len(result) == 2 and result[0] == "error":
                        result = on_failure(worker.item, result[1])
                    yield result
                elif not worker.process.is_alive():
                    busy.remove(worker)
                    retire(worker)
                    yield on_failure(worker.item, _death_reason(worker.process.exitcode))
                elif hard_seconds and now - worker.started > hard_seconds:
                    busy.remove(worker)
                    retire(worker)
                    yield on_failure(worker.item, f"time limit exceeded ({soft_seconds:g} s; worker stopped)")
    finally:
        for worker in idle:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        for worker in idle:
            worker.process.join(timeout=2)
        for worker in busy + idle:
            retire(worker)
