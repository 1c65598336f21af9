"""The report in a real browser: headless Chromium loads it, we read the DOM it ends up with and
take a screenshot. Proves that no script from scraped text runs (a positive control shows the
harness does notice a script that runs). Skips when Chromium is not installed."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest

from pubsift.report import write_report
from test_report import PAYLOADS, assert_inert, write_hostile_outputs

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TITLE = "pubsift report — out"


def chromium() -> str:
    for name in ([os.environ["PUBSIFT_CHROMIUM"]] if os.environ.get("PUBSIFT_CHROMIUM") else []) + list(CHROMIUM_NAMES):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium not installed (scripts/test.sh installs Debian's chromium when run as root with CI set; "
                "or set PUBSIFT_CHROMIUM)")


def run_chromium(url: str, tmp_path: Path, *mode: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}",
        # let timers, image errors and onload handlers fire before the DOM is dumped
        "--virtual-time-budget=3000", *mode, url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def dump_dom(path: Path, tmp_path: Path):
    result = run_chromium(path.as_uri(), tmp_path, "--dump-dom")
    assert "<html" in result.stdout
    return lxml.html.fromstring(result.stdout)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_harness_notices_a_script_that_runs(tmp_path):
    # positive control: without escaping, a page like this would be changed by its script
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><html><head><title>ok</title></head><body><p>x</p>"
                    + PAYLOADS[0] + PAYLOADS[1] + "</body></html>", encoding="utf-8")
    doc = dump_dom(page, tmp_path)
    assert doc.xpath("//title")[0].text == "PWNED"
    assert doc.xpath("//body/@data-pwned") in (["script"], ["img"])


def test_hostile_report_runs_nothing(tmp_path):
    out = write_hostile_outputs(tmp_path / "out")
    report = write_report(out, tmp_path / "hostile.html")
    doc = dump_dom(report, tmp_path)
    assert doc.xpath("//title")[0].text == TITLE  # document.title='PWNED' did not run
    assert_inert(doc)  # no element, handler or javascript: link came from scraped text
    text = doc.text_content()
    for payload in PAYLOADS:
        assert payload in text  # the reviewer sees the hostile strings as text
    titles = [td.text_content() for td in doc.xpath("//table[contains(@class,'records')]/tbody/tr/td[2]")]
    assert titles == PAYLOADS
    assert doc.xpath("//article[@class='cluster']")  # the hostile duplicate cluster rendered
    shot = tmp_path / "hostile.png"
    run_chromium(report.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1000,1200")
    assert png_size(shot) == (1000, 1200)


def test_seed_report_in_browser(seed_run, tmp_path):
    out, _ = seed_run
    report = write_report(out, tmp_path / "seeds.html")
    doc = dump_dom(report, tmp_path)
    assert_inert(doc)
    import json

    works = [json.loads(line) for line in (out / "works.jsonl").read_text(encoding="utf-8").splitlines()]
    records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(doc.xpath("//article[@class='cluster']")) == sum(len(w["record_ids"]) > 1 for w in works)
    assert doc.xpath("//div[@id='stat-records']/b")[0].text == str(len(records))
    assert len(doc.xpath("//section[@id='charts']//svg//rect")) > 5
    shot = tmp_path / "seeds.png"
    run_chromium(report.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1280,1600")
    width, height = png_size(shot)
    assert (width, height) == (1280, 1600)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank image
