"""`pubsift report`: the HTML is complete, escaped and self-contained (the browser test loads it)."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT
from pubsift.report import CSS, ReportError, load_outputs, render_report, write_report
from schemas.canonical import canonical_json
from schemas.models import Author, Ids, ManifestEntry, Profile, Record, Work, WorkVersion

# Each payload would change the page if it ever ran: the browser test looks for these marks.
PAYLOADS = [
    "<script>document.title='PWNED';document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
    "</td></tr></table><iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','iframe')</script>\"></iframe>",
    "'><style>body{display:none}</style><a href='javascript:alert(1)'>x</a>",
]
JS_URL = "javascript:document.body.setAttribute('data-pwned','href')"


def write_hostile_outputs(folder: Path) -> Path:
    """An output folder (as `pubsift run` writes it) whose every scraped value is an attack."""
    folder.mkdir(parents=True, exist_ok=True)
    page = "evil<script>alert('page')</script>.html"
    records = []
    for i, payload in enumerate(PAYLOADS):
        records.append(Record(
            record_id=f"r{i}", page=page, position=i, ingestor="generic_homepage", title=payload,
            authors=[Author(name=payload, given="X", family=payload), Author(name="Ada Lovelace")],
            year=2000 + i, venue=payload, ids=Ids(doi=f"10.1000/{payload}", arxiv="2101.0000" + str(i)),
            urls=[JS_URL, f"https://example.org/{i}\"onmouseover=\"alert(1)"],
            flags=["untitled", payload], work_id="w0" if i < 2 else f"w{i}", note=payload,
        ))
    works = []
    for work_id in sorted({r.work_id for r in records}):
        members = [r for r in records if r.work_id == work_id]
        works.append(Work(
            work_id=work_id, title=members[0].title, authors=members[0].authors, year=members[0].year,
            venue=members[0].venue, ids=members[0].ids, urls=members[0].urls, titles=[m.title for m in members],
            versions=[WorkVersion(record_id=m.record_id, page=m.page, title=m.title, year=m.year) for m in members],
            record_ids=[m.record_id for m in members], pages=[page], flags=["untitled"],
            provenance={"title": members[0].record_id, "year": members[-1].record_id},
        ))
    profiles = [Profile(page=page, kind="homepage", person=PAYLOADS[0], affiliations=PAYLOADS[1:3],
                        ingestor="generic_homepage", flags=["owner-inferred"], n_publications=len(records),
                        evidence=PAYLOADS)]
    manifest = [
        ManifestEntry(path=page, status="ok", records=len(records), kind="homepage", ingestor="generic_homepage"),
        ManifestEntry(path=PAYLOADS[1], status="failed", reason=PAYLOADS[0]),
        ManifestEntry(path="podcast.txt", status="not-a-profile", reason=PAYLOADS[2]),
    ]
    researchers = [{"researcher_id": "p1", "name": PAYLOADS[0], "pages": [page], "affiliations": [{"name": PAYLOADS[1], "page": page}],
                    "name_variants": PAYLOADS[:2], "n_works": 4, "counts_by_year": {"2000": 1}, "evidence": [PAYLOADS[3]]}]
    for stem, rows in (("records", records), ("works", works), ("profiles", profiles), ("manifest", manifest),
                       ("researchers", researchers)):
        (folder / f"{stem}.jsonl").write_text("".join(canonical_json(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def assert_inert(doc) -> None:
    """No element a scraped value could have created; no handler attribute; no script URL."""
    assert doc.xpath("//script|//img|//iframe|//object|//embed|//form|//input|//base|//link|//svg[not(@role='img')]") == []
    assert len(doc.xpath("//style")) == 1
    handlers = [(el.tag, name) for el in doc.iter() if isinstance(el.tag, str) for name in el.attrib if name.lower().startswith("on")]
    assert handlers == []
    for href in doc.xpath("//a/@href"):
        assert href.startswith(("https://", "http://", "#")), href
    assert doc.xpath("//body/@data-pwned") == []


def test_hostile_values_render_as_text(tmp_path):
    html = render_report(load_outputs(write_hostile_outputs(tmp_path / "out")))
    assert "<script" not in html.lower().replace("&lt;script", "")
    doc = lxml.html.fromstring(html)
    assert_inert(doc)
    text = doc.text_content()
    for payload in PAYLOADS:
        assert payload in text  # shown to the reviewer verbatim, as text
    for href in doc.xpath("//a/@href"):
        assert not re.search(r"[\s'\"<>]", href), href  # URL text is percent-encoded inside href
    # the failed page, the skipped page and the researcher are all there
    assert doc.xpath("//table[contains(@class,'failed')]//td")[0].text_content() == PAYLOADS[1]
    assert len(doc.xpath("//section[@id='researchers']//tbody/tr")) == 1


def test_content_security_policy_forbids_scripts():
    html = render_report({"records": [], "works": [], "profiles": [], "manifest": [], "researchers": None})
    doc = lxml.html.fromstring(html)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
    digest = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp  # the one inline style block, by hash
    assert doc.xpath("//style")[0].text == CSS
    # the CSP must come before anything it should govern
    head = [el.tag for el in doc.xpath("//head/*")]
    assert head.index("meta") == 0 and head.index("style") > 1


def test_seed_report_sections_and_counts(seed_run):
    out, _ = seed_run
    data = load_outputs(out)
    html = render_report(data)
    assert render_report(load_outputs(out)) == html  # deterministic
    doc = lxml.html.fromstring(html)
    assert_inert(doc)
    for section in ("summary", "charts", "failures", "flags", "clusters", "profiles"):
        assert doc.get_element_by_id(section) is not None
    clusters = [w for w in data["works"] if len(w["record_ids"]) > 1]
    assert len(clusters) >= 3
    assert len(doc.xpath("//article[@class='cluster']")) == len(clusters)
    assert len(doc.xpath("//article[@class='profile']")) == len(data["profiles"])
    assert doc.xpath("//div[@id='stat-records']/b")[0].text == str(len(data["records"]))
    assert len(doc.xpath("//table[contains(@class,'records')]/tbody/tr")) == len(data["records"])
    assert len(doc.xpath("//svg[@role='img']")) == 2  # records per year, per page


def test_cluster_highlights_conflicts_not_gaps(tmp_path):
    def record(rid, page, year, venue):
        return Record(record_id=rid, page=page, title="Same Paper", year=year, venue=venue, work_id="w1",
                      authors=[Author(name="Ada Lovelace")])

    records = [record("r1", "a.md", 2020, "NeurIPS"), record("r2", "b.md", 2021, None)]
    work = Work(work_id="w1", title="Same Paper", year=2020, venue="NeurIPS", record_ids=["r1", "r2"],
                provenance={"year": "r1", "venue": "r1", "title": "r1"})
    html = render_report({"records": [r.model_dump() for r in records], "works": [work.model_dump()],
                          "profiles": [], "manifest": [], "researchers": None})
    doc = lxml.html.fromstring(html)
    rows = {tr.xpath("td[1]")[0].text_content(): tr for tr in doc.xpath("//table[contains(@class,'compare')]/tbody/tr")}
    assert rows["year"].xpath("td[1]/span/@class") == ["differs"]
    assert [d.get("class") for d in rows["year"].xpath("td/div[@class='diff' or @class='same']")] == ["same", "diff"]
    assert rows["venue"].xpath("td[1]/span/@class") == [""]  # missing on one page: a gap, not a conflict
    assert "from a.md #0" in rows["year"].text_content()  # provenance of the merged value


def test_missing_or_empty_out_dir(tmp_path):
    with pytest.raises(ReportError, match="not a folder"):
        load_outputs(tmp_path / "nope")
    with pytest.raises(ReportError, match="no pubsift output"):
        load_outputs(tmp_path)


def test_cli_report(tmp_path):
    out = write_hostile_outputs(tmp_path / "out")
    target = tmp_path / "r" / "report.html"
    result = subprocess.run([sys.executable, "-m", "pubsift", "report", str(out), "--html", str(target)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == render_report(load_outputs(out), f"pubsift report — {out.name}")
    assert write_report(out) == out / "report.html"
    bad = subprocess.run([sys.executable, "-m", "pubsift", "report", str(tmp_path / "missing")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "not a folder" in bad.stderr and "Traceback" not in bad.stderr


def test_page_chart_caps_many_pages():
    records = [{"record_id": f"r{i}", "page": f"page{i:02d}.html", "position": 0, "title": "T", "year": 2000 + i % 3}
               for i in range(40)]
    doc = lxml.html.fromstring(render_report({"records": records, "works": [], "profiles": [], "manifest": []}))
    bars = doc.xpath("//figure[.//figcaption[text()='Records per source page']]//rect/title")
    assert len(bars) == 30 and bars[-1].text == "11 other pages: 11"
    years = doc.xpath("//figure[.//figcaption[text()='Records per year']]//rect/title")
    assert [t.text for t in years] == ["2000: 14", "2001: 13", "2002: 13"]
