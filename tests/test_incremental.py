"""Incremental runs: the run ledger reuses unchanged pages, and an incremental run always
writes exactly the bytes a from-scratch run writes (grown, edited, shrunk folders; a changed
extractor or limits re-extracts everything)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import RAW
from extract.core import Limits
from pubsift import pipeline
from pubsift.ledger import LEDGER_NAME, Ledger, extractor_fingerprint, reusable
from schemas.models import ManifestEntry, PageResult

BIB = """@article{{quill{n},
  title = {{Sparse Lattice Methods for {topic}}},
  author = {{Quill, Marta and Okonkwo, Tade and Lindqvist, Bo}},
  journal = {{Journal of Invented Results}},
  year = {{{year}}},
}}

@inproceedings{{okonkwo{n},
  title = {{Fast Approximate {topic} on Small Machines}},
  author = {{Okonkwo, Tade and Quill, Marta}},
  booktitle = {{Proceedings of the Imaginary Conference}},
  year = {{{year}}},
}}
"""

HOMEPAGE = """# Marta Quill

Associate professor, Department of Invented Sciences, University of Nowhere.

## Publications

- Marta Quill, Tade Okonkwo. *Sparse Lattice Methods for {topic}*. Journal of Invented Results, 2021.
- Marta Quill, Bo Lindqvist. *A Second Look at Lattice Sieves*. Imaginary Conference, 2019.
- Marta Quill. *Notes on Counting Things Twice*. arXiv:2101.00001, 2020.
"""


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(RAW.iterdir())[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "quill.bib").write_text(BIB.format(n=1, topic="Graph Colouring", year=2021), encoding="utf-8")
    (folder / "quill.md").write_text(HOMEPAGE.format(topic="Graph Colouring"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # a deterministic failure: remembered like any result


def output_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in pipeline.OUTPUT_FILES if (out / name).exists()}


def scratch(inputs: Path, out: Path) -> dict[str, bytes]:
    shutil.rmtree(out, ignore_errors=True)
    pipeline.run([str(inputs)], str(out), incremental=False)
    assert not (out / LEDGER_NAME).exists()
    return output_bytes(out)


@pytest.fixture
def fixed_fingerprint(monkeypatch):
    """Other work on the extractor's files must not invalidate the ledger mid-test."""
    state = {"value": "fp-1"}
    monkeypatch.setattr("pubsift.ledger.extractor_fingerprint", lambda limits=None: state["value"] + (
        limits.model_dump_json() if limits is not None else ""))
    monkeypatch.setattr("pubsift.ledger.code_fingerprint", lambda: "code-" + state["value"])
    return state


@pytest.fixture
def dedupe_spy(monkeypatch):
    calls: list[int] = []
    real = pipeline.dedupe_records

    def spy(records):
        calls.append(len(records))
        return real(records)

    monkeypatch.setattr(pipeline, "dedupe_records", spy)
    return calls


@pytest.fixture
def engine_spy(monkeypatch):
    """Counts the pages handed to the local engine (the only place extraction happens)."""
    from pubsift.engines import local

    seen: list[str] = []
    real = local.extract

    def spy(items, *args, **kwargs):
        seen.extend(item.page for item in items)
        return real(items, *args, **kwargs)

    monkeypatch.setattr(local, "extract", spy)
    return seen


def test_no_change_rerun_extracts_nothing(tmp_path, fixed_fingerprint, engine_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    first = pipeline.run([str(inputs)], str(out))
    assert first.counts["extracted"] == 6 and first.counts["reused"] == 0
    assert (out / LEDGER_NAME).exists()
    before = output_bytes(out)
    engine_spy.clear()

    again = pipeline.run([str(inputs)], str(out))
    assert engine_spy == []  # the engine never ran
    assert again.counts["extracted"] == 0 and again.counts["reused"] == 6
    assert output_bytes(out) == before == scratch(inputs, tmp_path / "scratch")
    assert [r.manifest.status for r in again.results].count("failed") == 1  # empty.txt, reused


def test_grow_edit_delete_equals_from_scratch(tmp_path, fixed_fingerprint, engine_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    pipeline.run([str(inputs)], str(out))
    engine_spy.clear()

    # grow: a new page whose works duplicate existing ones (dedupe must re-cluster across old and new)
    (inputs / "sub").mkdir()
    (inputs / "sub" / "okonkwo.bib").write_text(BIB.format(n=2, topic="Graph Colouring", year=2021), encoding="utf-8")
    # edit: same name, new content
    (inputs / "quill.md").write_text(HOMEPAGE.format(topic="Planar Maps"), encoding="utf-8")
    # delete
    deleted = sorted(RAW.iterdir())[0].name
    (inputs / deleted).unlink()

    result = pipeline.run([str(inputs)], str(out))
    assert sorted(engine_spy) == ["quill.md", "sub/okonkwo.bib"]
    assert result.counts["extracted"] == 2 and result.counts["reused"] == 4
    got = output_bytes(out)
    assert deleted.encode() not in got["records.jsonl"] and deleted.encode() not in got["manifest.jsonl"]
    assert b"Planar Maps" in got["records.jsonl"] and b"sub/okonkwo.bib" in got["records.jsonl"]
    assert got == scratch(inputs, tmp_path / "scratch")
    with Ledger(out / LEDGER_NAME, "unused") as ledger:
        assert ledger.count() == 6  # the deleted page is forgotten too


def test_reverting_an_edit_reuses_nothing_stale(tmp_path, fixed_fingerprint, engine_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    original = (inputs / "quill.bib").read_bytes()
    pipeline.run([str(inputs)], str(out))
    (inputs / "quill.bib").write_text(BIB.format(n=1, topic="Knots", year=2022), encoding="utf-8")
    pipeline.run([str(inputs)], str(out))
    (inputs / "quill.bib").write_bytes(original)
    engine_spy.clear()
    pipeline.run([str(inputs)], str(out))
    assert engine_spy == ["quill.bib"]  # keyed by content: the old result was replaced, not kept
    assert output_bytes(out) == scratch(inputs, tmp_path / "scratch")


def test_extractor_change_re_extracts_everything(tmp_path, fixed_fingerprint, engine_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    pipeline.run([str(inputs)], str(out))
    engine_spy.clear()
    fixed_fingerprint["value"] = "fp-2"  # a new extractor
    result = pipeline.run([str(inputs)], str(out))
    assert result.counts["extracted"] == 6 and len(engine_spy) == 6
    engine_spy.clear()
    result = pipeline.run([str(inputs)], str(out), limits=Limits(max_records=2))  # other limits: other results
    assert result.counts["extracted"] == 6
    assert b'"partial"' in (out / "records.jsonl").read_bytes()


def test_full_flag_re_extracts_and_refreshes(tmp_path, fixed_fingerprint, engine_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    pipeline.run([str(inputs)], str(out))
    engine_spy.clear()
    result = pipeline.run([str(inputs)], str(out), full=True)
    assert result.counts["extracted"] == 6 and len(engine_spy) == 6
    engine_spy.clear()
    assert pipeline.run([str(inputs)], str(out)).counts["extracted"] == 0


def test_fingerprint_follows_version_source_and_limits(monkeypatch):
    base = extractor_fingerprint(Limits())
    assert extractor_fingerprint(Limits(max_records=5)) != base
    monkeypatch.setattr("extract.core.EXTRACTOR_VERSION", "9.9.9-test")
    assert extractor_fingerprint(Limits()) != base


def test_fingerprint_covers_source_files(monkeypatch, tmp_path):
    import pubsift.ledger as ledger

    fake = tmp_path / "pkg"
    fake.mkdir()
    (fake / "a.py").write_text("X = 1\n")
    monkeypatch.setattr(ledger, "_package_files", lambda package: (fake, sorted(fake.iterdir())))
    first = extractor_fingerprint()
    (fake / "a.py").write_text("X = 2\n")
    assert extractor_fingerprint() != first


def test_transient_failures_are_not_remembered():
    def result(status, reason, sha="ab" * 32):
        return PageResult(manifest=ManifestEntry(path="p", sha256=sha, status=status, reason=reason))

    assert reusable(result("ok", None))
    assert reusable(result("failed", "empty file"))
    assert not reusable(result("failed", "time limit exceeded (60 s)"))
    assert not reusable(result("failed", "worker process died (memory or resource limit)"))
    assert not reusable(result("ok", None, sha=None))


def test_corrupt_ledger_is_rebuilt(tmp_path, fixed_fingerprint):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    out.mkdir()
    (out / LEDGER_NAME).write_bytes(b"this is not a database" * 100)
    result = pipeline.run([str(inputs)], str(out))
    assert result.counts["extracted"] == 6
    assert pipeline.run([str(inputs)], str(out)).counts["extracted"] == 0


def test_cli_reports_reuse_and_rate(tmp_path, capsys, fixed_fingerprint):
    from pubsift.cli import main

    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    assert main(["run", str(inputs), "--out", str(out)]) == 3  # empty.txt failed
    assert main(["run", str(inputs), "--out", str(out)]) == 3
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert "6 unchanged (reused)" in line and "pages/s" in line
    assert main(["run", str(inputs), "--out", str(tmp_path / "o2"), "--no-ledger"]) == 3
    assert not (tmp_path / "o2" / LEDGER_NAME).exists()


def test_unchanged_rerun_skips_dedupe_and_writing(tmp_path, fixed_fingerprint, dedupe_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    first = pipeline.run([str(inputs)], str(out))
    before = output_bytes(out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl")}
    assert len(dedupe_spy) == 1
    again = pipeline.run([str(inputs)], str(out))
    assert len(dedupe_spy) == 1  # nothing changed: the last run's files stand as they are
    assert again.counts["outputs_current"] is True
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl")} == mtimes
    assert output_bytes(out) == before
    assert [r.model_dump() for r in again.records] == [r.model_dump() for r in first.records]
    assert [w.model_dump() for w in again.works] == [w.model_dump() for w in first.works]
    assert again.exit_code == first.exit_code


def test_tampered_or_foreign_outputs_are_rewritten(tmp_path, fixed_fingerprint, dedupe_spy):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_corpus(inputs)
    pipeline.run([str(inputs)], str(out))
    before = output_bytes(out)
    (out / "works.jsonl").write_text("{}\n")  # edited by hand
    result = pipeline.run([str(inputs)], str(out))
    assert len(dedupe_spy) == 2 and result.counts["extracted"] == 0
    assert output_bytes(out) == before
    (out / "records.jsonl").unlink()
    pipeline.run([str(inputs)], str(out))
    assert len(dedupe_spy) == 3 and output_bytes(out) == before
    fixed_fingerprint["value"] = "fp-3"  # new code (e.g. a dedupe change): everything runs again
    pipeline.run([str(inputs)], str(out))
    assert len(dedupe_spy) == 4
    pipeline.run([str(inputs)], str(out), limits=Limits(max_records=1))  # other settings
    assert len(dedupe_spy) == 5


@pytest.mark.shared
def test_incremental_equals_full_on_seeds_and_dev_pages(tmp_path, fixed_fingerprint, engine_spy):
    from conftest import shared_path

    pages = shared_path("pages")
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs / "seeds")
    pipeline.run([str(inputs)], str(out))
    shutil.copytree(pages, inputs / "dev")  # the folder grows by the dev pages
    engine_spy.clear()
    pipeline.run([str(inputs)], str(out))
    assert engine_spy and all(p.startswith("dev/") for p in engine_spy)
    assert output_bytes(out) == scratch(inputs, tmp_path / "scratch")
