"""Engines: the Spark engine writes byte-for-byte what the local engine writes.

Spark tests run Spark in local mode (one session for the whole test session) and are marked
`spark`; they skip cleanly where pyspark or Java is missing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import RAW, shared_path
from pubsift import pipeline
from pubsift.engines import EngineOptions, EngineUnavailable, get
from pubsift.ledger import LEDGER_NAME

COMPARED = ("records.jsonl", "works.jsonl", "profiles.jsonl", "manifest.jsonl", "researchers.jsonl")


def spark_ready() -> str | None:
    """Why Spark cannot run here, or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark not installed (pip install '.[spark]')"
    from pubsift.engines.spark import java_available

    return None if java_available() else "no Java runtime"


@pytest.fixture(scope="session")
def spark_session():
    reason = spark_ready()
    if reason:
        pytest.skip(reason)
    from pubsift.engines import spark as engine

    session, owned = engine.session("local[2]")
    yield session
    if owned:
        session.stop()


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in COMPARED if (out / name).exists()}


def both_engines(inputs: list[str], tmp_path: Path) -> tuple[dict, dict, pipeline.RunResult]:
    local, spark = tmp_path / "local", tmp_path / "spark"
    pipeline.run(inputs, str(local), jobs=2, incremental=False)
    result = pipeline.run(inputs, str(spark), engine="spark", incremental=False)
    return outputs(local), outputs(spark), result


def odd_pages(folder: Path) -> Path:
    """Pages of my own that exercise the failure paths (identical failures on both engines)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.pdf").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.md").write_text(
        "# Ada Fernwood\n\n## Publications\n\n"
        "- Ada Fernwood, Lu Chen. *Counting Invented Lattices*. Made-Up Symposium, 2018.\n"
        "- Ada Fernwood. *Counting Invented Lattices*. arXiv, 2017.\n",
        encoding="utf-8",
    )
    secret = folder.parent / "secret.txt"
    secret.write_text("not an input\n")
    (folder / "outside").symlink_to(secret)
    return folder


@pytest.mark.spark
def test_spark_matches_local_on_seeds(spark_session, tmp_path):
    extra = odd_pages(tmp_path / "odd")
    local, spark, result = both_engines([str(RAW), str(extra)], tmp_path)
    assert set(local) >= {"records.jsonl", "works.jsonl", "profiles.jsonl", "manifest.jsonl"}
    assert local["records.jsonl"].count(b"\n") > 10  # the seeds really produced records
    assert spark == local
    statuses = sorted(r.manifest.status for r in result.results)
    assert statuses.count("failed") >= 3  # empty, binary, escaping symlink


@pytest.mark.spark
@pytest.mark.shared
def test_spark_matches_local_on_dev_pages(spark_session, tmp_path):
    pages = shared_path("pages")
    local, spark, _ = both_engines([str(RAW), str(pages)], tmp_path)
    assert spark == local


@pytest.mark.spark
def test_spark_and_local_share_one_ledger(spark_session, tmp_path):
    """A Spark run's ledger serves a later local run (and the reverse): results are engine-free."""
    inputs = tmp_path / "in"
    shutil.copytree(RAW, inputs)
    out = tmp_path / "out"
    first = pipeline.run([str(inputs)], str(out), engine="spark")
    assert first.counts["extracted"] == 5 and (out / LEDGER_NAME).exists()
    before = outputs(out)
    (inputs / "extra.md").write_text("# Ada Fernwood\n\n## Publications\n\n"
                                     "- Ada Fernwood. *A Small Invented Result*. Made-Up Symposium, 2020.\n")
    again = pipeline.run([str(inputs)], str(out))
    assert again.counts["extracted"] == 1 and again.counts["reused"] == 5
    (inputs / "extra.md").unlink()
    last = pipeline.run([str(inputs)], str(out), engine="spark")
    assert last.counts["extracted"] == 0
    assert outputs(out) == before


@pytest.mark.spark
def test_cli_spark_engine(spark_session, tmp_path, capsys):
    from pubsift.cli import main

    out = tmp_path / "out"
    assert main(["run", str(RAW), "--out", str(out), "--engine", "spark", "--no-ledger"]) == 0
    assert "engine spark" in capsys.readouterr().out
    assert main(["run", str(RAW), "--out", str(tmp_path / "local"), "--no-ledger"]) == 0
    assert outputs(out) == outputs(tmp_path / "local")


def test_unknown_engine_is_a_clear_error(tmp_path):
    with pytest.raises(EngineUnavailable, match="unknown engine 'hadoop'"):
        get("hadoop")


def test_spark_without_java_says_how_to_fix(tmp_path, monkeypatch, capsys):
    pytest.importorskip("pyspark")
    from pubsift.cli import main
    from pubsift.engines import spark as engine

    monkeypatch.setattr(engine, "java_available", lambda: False)
    with pytest.raises(EngineUnavailable, match="Java"):
        pipeline.run([str(RAW)], str(tmp_path / "out"), engine="spark", engine_options=EngineOptions())
    assert main(["run", str(RAW), "--out", str(tmp_path / "cli"), "--engine", "spark"]) == 1
    assert "needs Java" in capsys.readouterr().err
    assert not (tmp_path / "cli" / "records.jsonl").exists()


def test_spark_without_pyspark_says_how_to_fix(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(EngineUnavailable, match=r"pubsift\[spark\]"):
        pipeline.run([str(RAW)], str(tmp_path / "out"), engine="spark")


def test_master_needs_spark_engine(tmp_path, capsys):
    from pubsift.cli import main

    assert main(["run", str(RAW), "--out", str(tmp_path / "o"), "--master", "local[2]"]) == 2
    assert "--master needs --engine spark" in capsys.readouterr().err


@pytest.mark.spark
def test_spark_progress_counts_every_page(spark_session, tmp_path):
    from extract.core import Limits
    from pubsift.engines import spark as engine

    items = pipeline.discover([str(RAW), str(odd_pages(tmp_path / "odd"))])
    ticks = []
    results = list(engine.extract(items, Limits(), 1, lambda: ticks.append(1), EngineOptions()))
    assert len(ticks) == len(items) == len(results)
    assert sorted(r.manifest.path for r in results) == sorted(i.page for i in items)
