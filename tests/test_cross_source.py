"""One paper on a Scholar profile, in DBLP person XML and on a homepage becomes one work,
while different papers of the same people stay apart (fixtures are invented pages)."""
from __future__ import annotations

import json

from conftest import FIXTURES


def test_same_paper_across_scholar_dblp_and_homepage_is_one_work(tmp_path):
    from pubsift.pipeline import run

    result = run([str(FIXTURES / "crosssource")], str(tmp_path), jobs=1)
    assert result.exit_code == 0
    records = [json.loads(l) for l in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds = {r.manifest.path: r.manifest.ingestor for r in result.results}
    assert kinds == {"dblp_person.xml": "dblp_xml", "homepage.md": "markdown_homepage", "scholar_profile.html": "scholar_html"}
    work_of = {}
    for r in records:
        work_of.setdefault(r["title"].lower().rstrip("."), set()).add((r["page"], r["work_id"]))
    learned = [w for t, pw in work_of.items() if t.startswith("learned index") for _, w in pw]
    assert len(learned) == 3 and len(set(learned)) == 1, work_of
    bitmaps = [w for t, pw in work_of.items() if t.startswith("compressed bitmaps") for _, w in pw]
    assert len(bitmaps) == 2 and len(set(bitmaps)) == 1
    joins = [w for t, pw in work_of.items() if t.startswith("interval joins") for _, w in pw]
    assert len(set(joins)) == 1 and set(joins).isdisjoint(bitmaps)
    works = [json.loads(l) for l in (tmp_path / "works.jsonl").read_text(encoding="utf-8").splitlines()]
    merged = next(w for w in works if w["work_id"] == learned[0])
    assert merged["ids"]["doi"] == "10.14778/3538598.3538600"
    assert len(merged["pages"]) == 3
    assert len(merged["authors"]) == 4  # the fullest list, not Scholar's truncated one
