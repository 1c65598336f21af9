"""Per-page limits: time (soft SIGALRM and hard kill), memory (RLIMIT_AS), size (refuse or
parse a bounded head, flagged partial), and worker deaths -- each turns one page into a
`failed` or `partial` result while the rest of the batch goes on."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from extract import registry
from extract.core import Limits, cut_head, extract_page
from extract.ingestors.base import PageParse
from extract.page import decode_bytes
from pubsift import pipeline
from pubsift.pipeline import InputFile, discover, extract_all, read_and_extract

LISTING = "".join(
    f"<li>Ada Quill, Borin Vask and Cela Marr. Invented Study {i} of Widgets. In Proc. of the Invented Workshop, {2000 + i % 20}.</li>\n"
    for i in range(400)
)
PAGE = f"<html><body><h1>Ada Quill</h1><ul>\n{LISTING}</ul></body></html>\n"


class _Misbehaving:
    """An ingestor that misbehaves on pages named after a behaviour, and is harmless otherwise."""

    NAME = "misbehaving"

    @staticmethod
    def detect(page):
        return 1.0

    @staticmethod
    def parse(page):
        name = page.path
        if name.startswith("spin"):
            while True:  # pure Python: the soft limit (SIGALRM) stops it
                pass
        if name.startswith("stuck"):
            # like C code that never returns to Python: the soft deadline's signal never lands
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                pass
        if name.startswith("hog"):
            hoard = []
            while True:
                hoard.append(bytearray(64 * 1024 * 1024))
        if name.startswith("crash"):
            import faulthandler

            faulthandler.disable()  # pytest's dump of the deliberate crash is noise
            os.kill(os.getpid(), signal.SIGSEGV)
        return PageParse(kind="not-a-profile", evidence=["harmless"])


@pytest.fixture
def misbehaving(monkeypatch):
    # workers are forked from this process, so they inherit the patch
    monkeypatch.setattr(registry, "choose", lambda page: (_Misbehaving, 1.0, []))


def _items(tmp_path: Path, names: list[str]) -> list[InputFile]:
    for name in names:
        (tmp_path / name).write_text("just some text that is a page\n")
    return [InputFile(name, str(tmp_path / name)) for name in names]


def _results(items, limits, jobs=1):
    return {r.manifest.path: r.manifest for r in extract_all(items, jobs, limits)}


def test_soft_time_limit_fails_the_page_and_the_batch_goes_on(tmp_path, misbehaving):
    results = _results(_items(tmp_path, ["spin.txt", "fine.txt"]), Limits(max_seconds=1))
    assert results["spin.txt"].status == "failed"
    assert results["spin.txt"].reason.startswith("time limit exceeded (1 s")
    assert results["fine.txt"].status == "not-a-profile"


def test_hard_time_limit_kills_a_worker_stuck_in_c_code(tmp_path, misbehaving):
    results = _results(_items(tmp_path, ["stuck.txt", "fine.txt"]), Limits(max_seconds=0.5))
    assert results["stuck.txt"].status == "failed"
    assert "worker stopped" in results["stuck.txt"].reason
    assert results["fine.txt"].status == "not-a-profile"


def test_memory_limit_fails_the_page_not_the_run(tmp_path, misbehaving):
    results = _results(_items(tmp_path, ["hog.txt", "fine.txt"]), Limits(max_memory_mb=300), jobs=2)
    assert results["hog.txt"].status == "failed"
    assert "memory" in results["hog.txt"].reason
    assert results["fine.txt"].status == "not-a-profile"


def test_a_crashing_worker_is_charged_to_its_page_only(tmp_path, misbehaving):
    results = _results(_items(tmp_path, ["a.txt", "crash.txt", "b.txt", "c.txt"]), Limits(), jobs=2)
    assert results["crash.txt"].status == "failed"
    assert results["crash.txt"].reason.startswith("worker process died: SIGSEGV")
    assert [results[n].status for n in ("a.txt", "b.txt", "c.txt")] == ["not-a-profile"] * 3


def test_big_page_is_refused_unread_above_max_bytes(tmp_path):
    path = tmp_path / "big.html"
    path.write_text(PAGE)
    result = read_and_extract(InputFile("big.html", str(path)), Limits(max_bytes=1000))
    assert result.manifest.status == "failed"
    assert result.manifest.reason.startswith("file too large (")
    assert result.manifest.bytes == path.stat().st_size


def test_big_page_head_is_parsed_and_flagged_partial(tmp_path):
    path = tmp_path / "big.html"
    path.write_text(PAGE)
    whole = read_and_extract(InputFile("big.html", str(path)), Limits())
    head = read_and_extract(InputFile("big.html", str(path)), Limits(max_parse_bytes=len(PAGE) // 4))
    assert whole.manifest.status == head.manifest.status == "ok"
    assert "partial" not in whole.profile.flags
    assert "partial" in head.profile.flags and all("partial" in r.flags for r in head.records)
    assert head.manifest.reason.startswith("partial: page too large: only the first")
    assert 0 < len(head.records) < len(whole.records)
    # the manifest describes the whole file, not the head
    assert head.manifest.sha256 == whole.manifest.sha256 and head.manifest.bytes == len(PAGE.encode())


def test_record_limit_flags_partial():
    result = extract_page("p.html", PAGE.encode(), Limits(max_records=10))
    assert result.manifest.records == 10
    assert "record limit reached" in result.manifest.reason
    assert "partial" in result.profile.flags


@pytest.mark.parametrize("text,encoding", [("Ådá Quill — “Widgets”\n" * 5000, "utf-8"),
                                           ("Ådá Quill — “Widgets”\n" * 5000, "utf-16-le"),
                                           ("Ådá Quill — “Widgets”\n" * 5000, "utf-16")])
def test_cut_head_keeps_the_text_decodable(text, encoding):
    data = text.encode(encoding)
    head = cut_head(data, 10_001)
    decoded, _ = decode_bytes(head)
    assert "\ufffd" not in decoded
    assert text.startswith(decoded.rstrip("\n")[:100])


def test_unreadable_file_fails_with_a_reason(tmp_path, monkeypatch):
    path = tmp_path / "p.html"
    path.write_text(PAGE)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipeline.os, "open", denied)
    result = read_and_extract(InputFile("p.html", str(path)), Limits())
    assert (result.manifest.status, result.manifest.reason) == ("failed", "unreadable: Permission denied")


def test_discover_refuses_every_way_out_of_the_input_folder(tmp_path):
    inputs, outside = tmp_path / "in", tmp_path / "out"
    (inputs / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_text("secret")
    (outside / "dir").mkdir()
    (outside / "dir" / "x.html").write_text("secret")
    (inputs / "page.html").write_text("page")
    os.symlink("../out/secret.html", inputs / "direct.html")
    os.symlink(str(outside / "secret.html"), inputs / "absolute.html")
    os.symlink("hop.html", inputs / "chain.html")
    os.symlink("sub/hop2.html", inputs / "hop.html")
    os.symlink("../../out/secret.html", inputs / "sub" / "hop2.html")
    os.symlink("../out/dir", inputs / "dirlink")
    os.symlink("sub", inputs / "inside_dir")
    os.symlink("page.html", inputs / "inside.html")
    os.mkfifo(inputs / "fifo.html")
    found = {i.page: i for i in discover([str(inputs)])}
    outside_reason = "symlink points outside the input folder"
    for name in ("direct.html", "absolute.html", "chain.html", "hop.html", "sub/hop2.html", "dirlink"):
        assert found[name].problem == outside_reason, name
    assert found["inside_dir"].problem == "symlink to a directory (not followed)"
    assert found["fifo.html"].problem == "not a regular file"
    assert found["inside.html"].problem is None
    assert found["inside.html"].path == str((inputs / "page.html").resolve())  # the checked target is read
    assert found["page.html"].problem is None
    assert not any("x.html" in p for p in found)


def test_symlinked_input_root_is_walked_but_links_out_of_it_are_not(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "page.html").write_text("page")
    (tmp_path / "secret.html").write_text("secret")
    os.symlink("../secret.html", real / "out.html")
    os.symlink(str(real), tmp_path / "alias")
    found = {i.page: i for i in discover([str(tmp_path / "alias")])}
    assert found["page.html"].problem is None
    assert found["out.html"].problem == "symlink points outside the input folder"


def test_non_utf8_file_names_become_stable_text(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.html"
    with open(name, "wb") as handle:
        handle.write(b"x")
    (page,) = discover([str(tmp_path)])
    assert page.page == "caf\\xe9.html"
    page.page.encode("utf-8")  # valid text, so JSON can hold it


def test_soft_deadline_is_not_swallowed_by_broad_except(monkeypatch):
    """PageTimeout must get through `except Exception` guards (registry.choose has one)."""
    from extract import core

    class Sleepy:
        NAME = "sleepy"

        @staticmethod
        def detect(page):
            try:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    pass
            except Exception:  # what a careless ingestor does
                pass
            return 1.0

        @staticmethod
        def parse(page):
            raise AssertionError("must not get here after the deadline")

    monkeypatch.setattr(registry, "all_ingestors", lambda: [Sleepy])
    result = core.extract_page("p.txt", b"some text", Limits(max_seconds=0.5))
    assert result.manifest.reason.startswith("time limit exceeded")
