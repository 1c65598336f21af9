"""Interrupted runs: SIGINT (Ctrl-C to the whole process group) and SIGKILL midway leave the
previous outputs untouched (same files, same inodes), leave no stray process or temporary
behind, and a re-run gives byte-identical outputs to an uninterrupted run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = ("records.jsonl", "works.jsonl", "profiles.jsonl", "manifest.jsonl")


def _write_inputs(folder: Path, pages: int = 80) -> None:
    folder.mkdir(parents=True)
    for p in range(pages):
        items = "".join(
            f"<li>Ada Quill, Borin Vask and Cela Marr. Invented Study {p}-{i} of Widgets. "
            f"In Proc. of the Invented Workshop, {2000 + (p + i) % 20}.</li>\n" for i in range(25)
        )
        (folder / f"page{p:03d}.html").write_text(f"<html><body><h1>Ada Quill</h1><ul>{items}</ul></body></html>")
    (folder / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))


def _start(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pubsift", "run", str(inputs), "--out", str(out), "--quiet"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(x) for x in handle.read().split()]
    except OSError:
        return []


def _wait_until_busy(proc: subprocess.Popen, limit: float = 60.0) -> None:
    """Until a worker process exists (extraction has started), then a moment more."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if _children(proc.pid):
            time.sleep(0.5)  # inside extraction, well before the end (80 pages take seconds)
            return
        time.sleep(0.05)
    pytest.fail("the run never started a worker")


def _group_gone(pgid: int, limit: float = 60.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    return {n: ((out / n).stat().st_ino, (out / n).read_bytes()) for n in OUTPUTS if (out / n).exists()}


def _outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    base = tmp_path_factory.mktemp("interrupt")
    inputs = base / "inputs"
    _write_inputs(inputs)
    out = base / "baseline"
    proc = _start(inputs, out)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 3, err  # the PNG page failed, as it should
    return inputs, _outputs(out)


@pytest.mark.parametrize("how", ["sigint-group", "sigkill-parent"])
def test_interrupted_run_keeps_previous_outputs_and_rerun_matches(baseline, tmp_path, how):
    inputs, expected = baseline
    out = tmp_path / "out"
    out.mkdir()
    for name, data in expected.items():  # a previous complete run's outputs
        (out / name).write_bytes(data)
    before = _snapshot(out)

    proc = _start(inputs, out)
    _wait_until_busy(proc)
    if how == "sigint-group":
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        os.kill(proc.pid, signal.SIGKILL)  # no cleanup at all in the parent
    _, err = proc.communicate(timeout=120)
    if how == "sigint-group":
        assert proc.returncode == 130, err
        assert "Traceback" not in err
        assert "interrupted" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    # orphaned or not, the workers go away by themselves
    assert _group_gone(proc.pid), "worker processes survived the interrupted run"

    assert _snapshot(out) == before  # untouched: same files (inodes) and bytes
    if how == "sigint-group":
        assert not [p.name for p in out.iterdir() if ".tmp-" in p.name]

    rerun = _start(inputs, out)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 3, err
    assert _outputs(out) == expected
    assert not [p.name for p in out.iterdir() if ".tmp-" in p.name]


def test_killed_first_run_then_rerun_matches(baseline, tmp_path):
    inputs, expected = baseline
    out = tmp_path / "fresh"
    proc = _start(inputs, out)
    _wait_until_busy(proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=120)
    assert not (out / "manifest.jsonl").exists()  # no output claims a completed run
    rerun = _start(inputs, out)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 3, err
    assert _outputs(out) == expected


def test_interrupt_while_writing_keeps_the_old_files(tmp_path, monkeypatch):
    """KeyboardInterrupt in the middle of writing: nothing published, temporaries removed."""
    from pubsift import pipeline
    from schemas.models import ManifestEntry, PageResult

    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text(f"old {name}\n")
    before = _snapshot(out)
    real = pipeline._write_jsonl_temp
    calls = []

    def interrupted_on_third(path, rows):
        calls.append(path.name)
        if len(calls) == 3:
            raise KeyboardInterrupt()
        return real(path, rows)

    monkeypatch.setattr(pipeline, "_write_jsonl_temp", interrupted_on_third)
    results = [PageResult(manifest=ManifestEntry(path="p.html", status="failed", reason="x"))]
    with pytest.raises(KeyboardInterrupt):
        pipeline.write_outputs(out, results, [], [])
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_stale_temporaries_of_dead_runs_are_removed(tmp_path):
    from pubsift import pipeline

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".records.jsonl.tmp-{dead.pid}"
    stale.write_text("half a file")
    live = tmp_path / f".works.jsonl.tmp-{os.getppid()}"  # a live process's file is left alone
    live.write_text("in progress")
    pipeline.remove_stale_temporaries(tmp_path)
    assert not stale.exists() and live.exists()
