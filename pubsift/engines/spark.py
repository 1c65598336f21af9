"""The Spark engine: per-page extraction as a Spark job (`pubsift run --engine spark`).

Each task gets a slice of inputs (page name + path) and runs the very function the local
engine runs (`pipeline.read_and_extract`), so outputs are byte-identical by construction;
results come back to the driver as PageResult JSON strings. spaCy and the ingestors load once
per Python worker (module-level caches; Spark reuses workers), not once per page.

Executors read the pages by path: on a cluster the input folder must be on storage that every
node mounts at the same path (NFS, a shared volume), and pubsift must be importable on the
executors (see docs/engines.md). Dedupe runs on the driver afterwards, with the same code as
the local engine (measured: it is a few percent of a run; docs/engines.md).

Offline local mode needs PYSPARK_PYTHON = this interpreter, SPARK_LOCAL_IP=127.0.0.1 and
the UI off; they are set here unless the caller set them.
"""
from __future__ import annotations

import math
import os
import shutil
import sys
import threading
import uuid
from typing import Iterator

DEFAULT_MASTER = "local[*]"
PAGES_PER_TASK = 32  # small enough to balance uneven pages, large enough to amortise task overhead


def check() -> None:
    """Raise EngineUnavailable with a fix when pyspark or Java is missing."""
    from pubsift.engines import EngineUnavailable

    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise EngineUnavailable(
            "the Spark engine needs pyspark: pip install 'pubsift[spark]' (and Java 17+)") from None
    if not java_available():
        raise EngineUnavailable(
            "the Spark engine needs Java 17+ (install a JDK or set JAVA_HOME); or use --engine local")


def java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return True
    return shutil.which("java") is not None


def session(master: str | None = None):
    """(SparkSession, owned). An active session (spark-submit, a test fixture) is reused as is;
    otherwise a new one is made for `master` (default local[*]) and the caller must stop it."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    configure_environment(master or DEFAULT_MASTER)
    builder = (
        SparkSession.builder.appName("pubsift")
        .master(master or DEFAULT_MASTER)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # our own bar, on stderr, only on a terminal
        .config("spark.sql.shuffle.partitions", "8")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def configure_environment(master: str) -> None:
    # executors must run this very interpreter (same venv, same pubsift); no network lookups offline
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


def _extract_partition(items, limits_json: str) -> Iterator[str]:
    """Executor side: the local engine's reader+extractor on each input, as JSON."""
    from extract.core import Limits
    from pubsift.pipeline import read_and_extract

    limits = Limits.model_validate_json(limits_json)
    _cap_memory(limits.max_memory_mb)
    for item in items:
        yield read_and_extract(item, limits).model_dump_json()


def _cap_memory(megabytes: int) -> None:
    """The per-process address-space cap the local engine's workers get (a runaway page then
    fails with MemoryError instead of taking the executor down). Python workers are ours alone."""
    try:
        import resource

        cap = int(megabytes) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if (soft == resource.RLIM_INFINITY or soft > cap) and (hard == resource.RLIM_INFINITY or hard >= cap):
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def extract(items: list, limits, jobs: int, advance, options) -> Iterator:
    """Extract `items` on Spark; yields PageResults (any order; the pipeline sorts)."""
    from schemas.models import PageResult

    check()
    spark, owned = session(options.master)
    try:
        sc = spark.sparkContext
        n_parts = max(1, min(len(items), max(sc.defaultParallelism * 2, math.ceil(len(items) / PAGES_PER_TASK))))
        limits_json = limits.model_dump_json()
        rdd = sc.parallelize(items, n_parts).mapPartitions(lambda rows: _extract_partition(rows, limits_json))
        try:
            rows = _collect_with_progress(sc, rdd, len(items), n_parts, advance)
        except Exception as error:  # a Python worker died (memory cap, crash): isolate the page(s)
            if not _is_job_failure(error):
                raise
            rows = _collect_one_by_one(sc, items, limits_json)
        for row in rows:
            yield PageResult.model_validate_json(row)
    finally:
        if owned:
            spark.stop()


def _is_job_failure(error: Exception) -> bool:
    return type(error).__name__ in ("Py4JJavaError", "PythonException", "SparkException") or "Job aborted" in str(error)


def _collect_one_by_one(sc, items: list, limits_json: str) -> list[str]:
    from extract.core import failed

    rows = []
    for item in items:
        try:
            rows += sc.parallelize([item], 1).mapPartitions(lambda r: _extract_partition(r, limits_json)).collect()
        except Exception as error:
            if not _is_job_failure(error):
                raise
            rows.append(failed(item.page, None, None, "worker process died (memory or resource limit)").model_dump_json())
    return rows


def _collect_with_progress(sc, rdd, total: int, n_parts: int, advance) -> list[str]:
    """collect() in a thread while the driver turns completed tasks into progress ticks."""
    group = f"pubsift-{uuid.uuid4().hex[:8]}"
    box: dict = {}

    def work():
        try:
            sc.setJobGroup(group, "pubsift extraction")
            box["rows"] = rdd.collect()
        except BaseException as error:  # handed to the driver thread
            box["error"] = error

    thread = threading.Thread(target=work, name="pubsift-spark-collect", daemon=True)
    thread.start()
    shown = 0
    tracker = sc.statusTracker()
    while thread.is_alive():
        thread.join(0.5)
        done_tasks = 0
        for job_id in tracker.getJobIdsForGroup(group):
            job = tracker.getJobInfo(job_id)
            for stage_id in (job.stageIds if job else ()):
                stage = tracker.getStageInfo(stage_id)
                if stage:
                    done_tasks += stage.numCompletedTasks
        pages = min(total, round(done_tasks * total / n_parts))
        for _ in range(pages - shown):
            advance()
        shown = max(shown, pages)
    if "error" in box:
        raise box["error"]
    for _ in range(total - shown):
        advance()
    return box["rows"]
