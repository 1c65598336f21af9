"""Engines side by side: pages/s and peak memory of `pubsift run` with the local engine
(--jobs 1, --jobs 2) and Spark (local[2]) on one corpus, plus the incremental re-run figure.

usage: .venv/bin/python bench/bench_engines.py [--pages 2000] [--work DIR] [--runs jobs1,jobs2,spark,incremental]

The corpus repeats the dev pages (../shared/pages) and the seeds (raw/) under numbered folders
in a temporary directory (never in the repo); each copy gets a different run of trailing
whitespace, so every file has its own sha256 and is really extracted. Each run is a separate
`pubsift run` process; peak memory is the largest summed RSS of its whole process tree
(workers, JVM, Python workers), sampled every 0.2 s from /proc. Timings split into the
extraction and the dedupe stage come from one in-process run with the local engine.

Printed: a table (engine, seconds, pages/s, peak MB), the no-change re-run (seconds and the
fraction of the first run) and whether all engines wrote byte-identical outputs. Optional runs:
`split` (extraction vs dedupe time, in-process) and `spark-compare` (dedupe's pair comparisons
serially vs as a Spark job: the measurement behind keeping dedupe on the driver).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PUBSIFT_SHARED", ROOT.parent / "shared"))
COMPARED = ("records.jsonl", "works.jsonl", "profiles.jsonl", "manifest.jsonl")


def source_pages() -> list[Path]:
    dirs = [ROOT / "raw", SHARED / "pages"]
    return [p for d in dirs if d.is_dir() for p in sorted(d.rglob("*")) if p.is_file() and p.name != "MANIFEST.tsv"]


def _variant(data: bytes, i: int) -> bytes:
    """Unique trailing whitespace for copy i (spaces/tabs spelling i in binary), in the file's own encoding."""
    pad = "\n" + "".join(" " if bit == "0" else "\t" for bit in format(i, "b"))
    if data.startswith(b"\xff\xfe"):
        return data + pad.encode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return data + pad.encode("utf-16-be")
    return data + pad.encode("ascii")


def build_corpus(folder: Path, n_pages: int) -> int:
    pages = [(p.name, p.read_bytes()) for p in source_pages()]
    written = 0
    copy = 0
    while written < n_pages:
        sub = folder / f"copy{copy:05d}"
        sub.mkdir(parents=True, exist_ok=True)
        for name, data in pages:
            if written >= n_pages:
                break
            (sub / name).write_bytes(_variant(data, copy))
            written += 1
        copy += 1
    return written


def _tree_rss_mb(root_pid: int) -> float:
    """Summed RSS of root_pid and all its descendants (bench/tree_rss.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from tree_rss import tree_rss_kb

    return tree_rss_kb(root_pid) * 1024 / 1e6


def timed_run(args: list[str], env: dict) -> tuple[float, float, str]:
    """(seconds, peak MB of the process tree, last stdout line) of one `pubsift run`."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pubsift", "run", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=tempfile.gettempdir())  # not the repo: PYTHONPATH may point at a frozen copy
    peak = 0.0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_mb(proc.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"pubsift run {' '.join(args)} failed with exit {proc.returncode}")
    return seconds, peak, (out.strip().splitlines() or [""])[-1]


def stage_split(corpus: Path, out: Path) -> tuple[float, float]:
    """(extraction s, dedupe s) of one in-process local run (--jobs 2), for the dedupe decision."""
    sys.path.append(str(ROOT))
    from extract.core import Limits
    from pubsift import pipeline
    from pubsift.engines import extract_pages

    items = pipeline.discover([str(corpus)])
    start = time.perf_counter()
    results, _ = extract_pages(items, out, Limits(), jobs=2, incremental=False)
    extracted = time.perf_counter() - start
    results.sort(key=lambda r: r.manifest.path)
    start = time.perf_counter()
    pipeline.dedupe_records([rec for r in results for rec in r.records])
    return extracted, time.perf_counter() - start


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / f).read_bytes() == (b / f).read_bytes() for f in COMPARED)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed after)")
    parser.add_argument("--runs", default="jobs1,jobs2,spark,incremental",
                        help="comma list of: jobs1, jobs2, spark, incremental, split, spark-compare")
    opts = parser.parse_args()
    if not source_pages():
        print("no source pages (raw/ or ../shared/pages)", file=sys.stderr)
        return 2
    work = opts.work or Path(tempfile.mkdtemp(prefix="pubsift-bench-"))
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    try:
        corpus = work / "corpus"
        if not corpus.exists():
            n = build_corpus(corpus, opts.pages)
        else:
            n = sum(1 for p in corpus.rglob("*") if p.is_file())
        size_mb = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
        print(f"corpus: {n} pages, {size_mb:.0f} MB ({len(source_pages())} dev pages repeated) in {corpus}")
        chosen = set(opts.runs.split(","))
        runs = [(label, extra) for key, label, extra in (
            ("jobs1", "local --jobs 1", ["--jobs", "1"]),
            ("jobs2", "local --jobs 2", ["--jobs", "2"]),
            ("spark", "spark local[2]", ["--engine", "spark", "--master", "local[2]"]),
        ) if key in chosen]
        outs = {}
        print(f"{'engine':<16} {'seconds':>8} {'pages/s':>8} {'peak MB':>8}")
        first = None
        for label, extra in runs:
            out = work / ("out-" + label.replace(" ", "_").replace("-", "").replace("[", "").replace("]", ""))
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak, _ = timed_run([str(corpus), "--out", str(out), "--no-ledger", *extra], env)
            outs[label] = out
            print(f"{label:<16} {seconds:8.1f} {n / seconds:8.1f} {peak:8.0f}", flush=True)
        if len(outs) > 1:
            identical = all(same_outputs(next(iter(outs.values())), o) for o in outs.values())
            print(f"outputs byte-identical across engines: {identical}")
        if "incremental" in chosen:
            incremental(corpus, work, env, outs)
        if "split" in chosen:
            extraction, dedupe = stage_split(corpus, work / "out-split")
            print(f"stage split (local --jobs 2, in-process): extraction {extraction:.1f} s, dedupe {dedupe:.1f} s "
                  f"({100 * dedupe / (extraction + dedupe):.1f}% of the two)")
        if "spark-compare" in chosen:
            spark_compare(work / "out-split" if (work / "out-split").exists() else next(iter(outs.values())))
    finally:
        if not opts.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def incremental(corpus: Path, work: Path, env: dict, outs: dict) -> None:
    inc = work / "out-incremental"
    shutil.rmtree(inc, ignore_errors=True)
    first, peak1, _ = timed_run([str(corpus), "--out", str(inc), "--jobs", "2"], env)
    again, peak2, line = timed_run([str(corpus), "--out", str(inc), "--jobs", "2"], env)
    same = all(same_outputs(inc, o) for o in outs.values()) if outs else "n/a"
    print(f"incremental (local --jobs 2): first run {first:.1f} s, no-change re-run {again:.1f} s "
          f"({100 * again / first:.1f}% of the first; peak {peak2:.0f} MB); same outputs as the engines: {same}")
    print(f"  {line}")


def spark_compare(out: Path) -> None:
    """The dedupe question: time the pairwise comparisons (the parallel part of dedupe) serially
    and as a Spark job over local[2], on the records of a run. Uses schemas.dedupe internals
    (features, candidate_pairs, compare), so it may need updating when dedupe changes."""
    sys.path.append(str(ROOT))
    import json

    import numpy as np

    from pubsift.engines import spark as engine
    from schemas import dedupe

    records = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
    start = time.perf_counter()
    items = dedupe._mark_common_titles([dedupe.features(r) for r in records])
    pairs = dedupe.candidate_pairs(items)
    prep = time.perf_counter() - start
    start = time.perf_counter()
    serial = [dedupe.compare(items[i], items[j]) for i, j in pairs.tolist()]
    serial_s = time.perf_counter() - start
    spark, owned = engine.session("local[2]")
    try:
        sc = spark.sparkContext
        sc.parallelize([0], 1).count()  # warm the JVM side
        start = time.perf_counter()
        shared = sc.broadcast(items)

        def score(chunks):
            from schemas.dedupe import compare

            local_items = shared.value
            for chunk in chunks:
                yield [tuple(compare(local_items[i], local_items[j])) for i, j in chunk.tolist()]

        chunks = np.array_split(pairs, max(1, len(pairs) // 20000))
        scored = [c for part in sc.parallelize(chunks, len(chunks)).mapPartitions(score).collect() for c in part]
        spark_s = time.perf_counter() - start
    finally:
        if owned:
            spark.stop()
    same = [tuple(c) for c in serial] == scored
    print(f"dedupe comparisons on {len(records)} records: features+blocking {prep:.1f} s (driver), "
          f"{len(pairs)} pair comparisons: serial {serial_s:.1f} s, Spark local[2] {spark_s:.1f} s "
          f"(incl. broadcast and collect); same decisions: {same}")


if __name__ == "__main__":
    raise SystemExit(main())
