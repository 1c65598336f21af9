"""Extraction engines and the incremental layer in front of them.

An engine maps `read_and_extract` (a pure function of one input and the limits) over a list of
inputs and yields PageResults in any order; the pipeline sorts them, so every engine gives the
same bytes. Engines: "local" (worker processes on this machine, the default) and "spark"
(Apache Spark, `pip install 'pubsift[spark]'`; imported only when chosen).

`extract_pages` puts the run ledger in front: pages whose bytes, path and extractor fingerprint
are unchanged since the last run into the same output folder are taken from the ledger and
never reach the engine.
"""
from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ENGINES = {
    "local": "pubsift.engines.local",
    "spark": "pubsift.engines.spark",
}
DEFAULT_ENGINE = "local"
STORE_EVERY = 256  # ledger write batch (pages)


class EngineUnavailable(Exception):
    """The engine cannot run here (missing optional dependency, no Java, ...). The message says how to fix it."""


def get(name: str):
    """The engine module: `extract(items, limits, jobs, advance, options) -> Iterator[PageResult]`."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine '{name}' (choose from: {', '.join(ENGINES)})")
    return importlib.import_module(ENGINES[name])


@dataclass
class ExtractionStats:
    pages: int = 0
    extracted: int = 0  # pages the engine extracted in this run
    reused: int = 0  # pages taken from the ledger
    direct: int = 0  # pages that failed before extraction (bad symlink, unreadable, too large)
    seconds: float = 0.0
    engine: str = DEFAULT_ENGINE
    run_key: Optional[str] = None  # identity of this run's inputs when nothing was extracted (ledger)
    outputs_current: bool = False  # the output folder already holds exactly this run's files
    ledger_used: bool = False

    def as_counts(self) -> dict:
        return {"extracted": self.extracted, "reused": self.reused, "outputs_current": self.outputs_current}

    def remember_outputs(self, out_dir) -> None:
        """After writing: let the next run with the same key skip dedupe and writing."""
        if self.ledger_used:
            from pubsift.ledger import remember_outputs
            from pubsift.pipeline import OUTPUT_FILES

            remember_outputs(Path(out_dir), self.run_key, OUTPUT_FILES)

    @staticmethod
    def previous_outputs(out_dir) -> tuple[list, list]:
        """(records, works) as the last run wrote them (their bytes were verified by hash)."""
        from schemas.models import Record, Work

        def load(name, model):
            with open(Path(out_dir) / name, encoding="utf-8") as handle:
                return [model.model_validate_json(line) for line in handle if line.strip()]

        return load("records.jsonl", Record), load("works.jsonl", Work)


@dataclass
class EngineOptions:
    master: Optional[str] = None  # Spark master URL; None = local[*] (or the session spark-submit made)
    extra: dict = field(default_factory=dict)


def extract_pages(items: list, out_dir, limits, *, engine: str = DEFAULT_ENGINE, jobs: int = 1,
                  incremental: bool = True, full: bool = False, show_progress: bool = False,
                  options: Optional[EngineOptions] = None):
    """PageResults for all items (unsorted) and what it took.

    incremental: use the ledger in out_dir (reuse unchanged pages, remember new results).
    full: ignore remembered results but refresh the ledger (a forced from-scratch extraction).
    """
    from pubsift import pipeline

    start = time.perf_counter()
    stats = ExtractionStats(pages=len(items), engine=engine)
    module = get(engine)  # fail early, before hashing anything
    if hasattr(module, "check"):
        module.check()
    ledger = None
    if incremental:
        from pubsift.ledger import Ledger

        ledger = Ledger.in_folder(out_dir, limits)
        try:
            plan = ledger.plan(items, limits, full=full)
        except BaseException:
            ledger.close()
            raise
        reused, todo, direct = plan.reused, plan.todo, plan.direct
    else:
        reused, todo, direct = [], [i for i in items if not i.problem], [i for i in items if i.problem]
    try:
        results = list(reused)
        results += [pipeline.read_and_extract(item, limits) for item in direct]
        if ledger is not None:
            ledger.store(results[len(reused):])
        fresh: list = []
        if todo:
            with pipeline._progress(len(todo)) if show_progress else _silent() as advance:
                for result in module.extract(todo, limits, jobs, advance, options or EngineOptions()):
                    fresh.append(result)
                    # remembered as they come, so an interrupted run resumes where it stopped
                    if ledger is not None and len(fresh) % STORE_EVERY == 0:
                        ledger.store(fresh[-STORE_EVERY:])
        results += fresh
        if ledger is not None:
            ledger.store(fresh[len(fresh) - len(fresh) % STORE_EVERY:])
            ledger.keep_only(item.page for item in items)
    finally:
        if ledger is not None:
            ledger.close()
    stats.extracted, stats.reused, stats.direct = len(todo), len(reused), len(direct)
    if ledger is not None:
        from pubsift.ledger import outputs_current, run_key

        stats.ledger_used = True
        stats.run_key = run_key(results, limits.model_dump_json())
        stats.outputs_current = not todo and not full and outputs_current(Path(out_dir), stats.run_key, pipeline.OUTPUT_FILES)
    stats.seconds = time.perf_counter() - start
    return results, stats


class _silent:
    def __enter__(self):
        return lambda *a: None

    def __exit__(self, *exc):
        return False
