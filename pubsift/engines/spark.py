"""The Spark engine: per-page extraction as a Spark job (`pubsift run --engine spark`).

Each task gets a slice of inputs (page name + path) and runs the local engine's own loop over
them (`pipeline.extract_all` with one isolated child process: same reader, same extractor,
same memory cap and time limits), so outputs are byte-identical by construction; results
come back to the driver as PageResult JSON strings. spaCy, the ingestors and the models load
once per Python worker (Spark reuses workers) and the per-page children inherit them by fork.

Executors read the pages by path: on a cluster the input folder must be on storage that every
node mounts at the same path (NFS, a shared volume), and pubsift must be importable on the
executors (see docs/engines.md). Dedupe runs on the driver afterwards, with the same code as
the local engine (why, with measurements: docs/engines.md).

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
    import warnings

    # pyspark checks the installed pandas even though this engine never uses it: not the user's concern
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("pubsift")
    if submitted_by_spark_submit() and not master:
        pass  # spark-submit chose the master and the configuration (--master, --conf): keep them
    else:
        configure_environment(master or DEFAULT_MASTER)
        builder = (
            builder.master(master or DEFAULT_MASTER)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")  # our own bar, on stderr, only on a terminal
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_quiet_log_config()}")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


_QUIET_LOG4J2 = """\
rootLogger.level = warn
logger.hadoop.name = org.apache.hadoop
logger.hadoop.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
"""


def _quiet_log_config() -> str:
    """A log4j2 file that keeps Spark's start-up chatter (INFO/WARN) off the user's terminal.
    The root stays at WARN: Spark announces a "default log level" whenever it differs."""
    import tempfile

    path = os.path.join(tempfile.gettempdir(), f"pubsift-log4j2-{os.getuid() if hasattr(os, 'getuid') else 0}.properties")
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == _QUIET_LOG4J2:
                return path
    except OSError:
        pass
    tmp = f"{path}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(_QUIET_LOG4J2)
    os.replace(tmp, path)
    return path


def submitted_by_spark_submit() -> bool:
    # spark-submit starts the JVM first and hands its gateway to the Python driver via this variable
    return "PYSPARK_GATEWAY_PORT" in os.environ


def configure_environment(master: str) -> None:
    # executors must run this very interpreter (same venv, same pubsift); no network lookups offline
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


def _extract_partition(items, limits_json: str) -> Iterator[str]:
    """Executor side: the local engine's own loop over the task's pages, as JSON rows.

    `pipeline.extract_all` runs each page in a forked child with the memory cap and the hard
    time limit, exactly as the local engine does, so a page that kills its process fails alone
    (same manifest reason on both engines) instead of failing the Spark task."""
    from extract.core import Limits
    from pubsift.pipeline import extract_all

    limits = Limits.model_validate_json(limits_json)
    _warm_up(limits)
    for result in extract_all(list(items), 1, limits):
        yield result.model_dump_json()


_warm = False


def _warm_up(limits) -> None:
    """Load spaCy, the ingestors and the models once per Python worker, before the per-page
    children fork from it (they inherit them instead of loading them again for every task)."""
    global _warm
    if _warm:
        return
    _warm = True
    from extract.core import extract_page

    extract_page("warm-up.md", b"# Ada Fernwood\n\n## Publications\n\n- Ada Fernwood. *Warm Up*. 2020.\n", limits)


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
        rows = _collect_with_progress(sc, rdd, len(items), n_parts, advance)
        for row in rows:
            yield PageResult.model_validate_json(row)
    finally:
        if owned:
            spark.stop()


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
    try:
        return _follow(sc, thread, group, box, total, n_parts, advance)
    except BaseException:  # Ctrl-C (or anything else) on the driver: stop the running tasks too
        sc.cancelJobGroup(group)
        raise


def _follow(sc, thread, group: str, box: dict, total: int, n_parts: int, advance) -> list[str]:
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
