"""Dedupe benchmark: pubsift vs splink on DBLP-ACM, plus synthetic scale runs.

    python bench/bench_dedupe.py [--scale 100000,1000000] [--skip-splink]

Each tool runs in its own process; wall seconds and that process's peak RSS (os.wait4) are
reported with the pair precision/recall/F1 from ../shared/eval/score_pairs.py. Scale runs
generate synthetic records with bench/synth.py and time `pubsift dedupe` on them (scored against
the generator's `true_work`).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PUBSIFT_SHARED", ROOT.parent / "shared"))
PY = sys.executable


def timed(cmd: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit code) of one child process. CPU seconds are
    reported too because this machine's 2 cores are often shared: wall time then overstates."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            os.waitstatus_to_exitcode(status))


def score_pairs(out_records: Path, matches: Path) -> dict:
    result = subprocess.run([PY, str(SHARED / "eval" / "score_pairs.py"), str(out_records), str(matches), "--json"],
                            capture_output=True, text=True)
    return json.loads(result.stdout) if result.returncode == 0 else {"error": result.stdout.strip()}


def score_synthetic(source: Path, out_records: Path) -> dict:
    truth = {}
    with open(source) as handle:
        for line in handle:
            row = json.loads(line)
            truth[row["record_id"]] = row["true_work"]
    predicted = {}
    with open(out_records) as handle:
        for line in handle:
            row = json.loads(line)
            predicted[row["record_id"]] = row["work_id"]

    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())

    tp = pairs(Counter((truth[k], predicted[k]) for k in truth))
    p = tp / max(1, pairs(Counter(predicted.values())))
    r = tp / max(1, pairs(Counter(truth.values())))
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "largest_work": max(Counter(predicted.values()).values())}


def row(name: str, seconds: float, cpu: float, mb: float, metrics: dict) -> str:
    head = f"{name:<24} wall={seconds:7.1f}s cpu={cpu:7.1f}s peak={mb:6.0f}MB"
    if "error" in metrics:
        return f"{head}  {metrics['error']}"
    return (f"{head}  F1={metrics['f1']:.4f} P={metrics['precision']:.4f} R={metrics['recall']:.4f} "
            f"largest_work={metrics['largest_work']}")


def main(argv: list[str]) -> int:
    scale = [int(x) for x in argv[argv.index("--scale") + 1].split(",")] if "--scale" in argv else []
    tmp = Path(tempfile.mkdtemp(prefix="pubsift-bench-"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (CPU seconds are load-independent)")
    bench = SHARED / "bench" / "dblp-acm"
    if bench.exists():
        print(f"DBLP-ACM ({bench})")
        out = tmp / "pubsift"
        seconds, cpu, mb, code = timed([PY, "-m", "pubsift", "dedupe", str(bench / "records.jsonl"), "--out", str(out)])
        print(row("pubsift", seconds, cpu, mb, score_pairs(out / "records.jsonl", bench / "matches.csv") if code == 0
                  else {"error": f"exit {code}"}))
        if "--skip-splink" not in argv:
            out = tmp / "splink"
            seconds, cpu, mb, code = timed([PY, "bench/splink_run.py", str(bench / "records.jsonl"), str(out)])
            print(row("splink (duckdb)", seconds, cpu, mb, score_pairs(out / "records.jsonl", bench / "matches.csv")
                      if code == 0 else {"error": f"exit {code} (is `pip install -e .[bench]` done?)"}))
    else:
        print(f"DBLP-ACM skipped: {bench} not found")
    for n in scale:
        source = tmp / f"synth-{n}.jsonl"
        subprocess.run([PY, "bench/synth.py", str(n), str(source)], cwd=ROOT, check=True)
        out = tmp / f"pubsift-{n}"
        seconds, cpu, mb, code = timed([PY, "-m", "pubsift", "dedupe", str(source), "--out", str(out)])
        print(row(f"pubsift synthetic {n}", seconds, cpu, mb, score_synthetic(source, out / "records.jsonl")
                  if code == 0 else {"error": f"exit {code}"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
