"""Duplicate detection: golden same/different pairs (invented papers), clustering robustness,
determinism, the `pubsift dedupe` command, and the DBLP-ACM F1 gate."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from itertools import combinations

import pytest

from schemas.dedupe import cluster, dedupe, explain
from conftest import ROOT, shared_path


def rec(rid, title, authors=(), venue=None, year=None, **ids):
    return {"record_id": rid, "title": title, "authors": [{"name": a} for a in authors], "venue": venue,
            "year": year, "ids": ids}


SAME = [
    (rec("a", "Sparse Kernel Routing for Stream Joins", ["Andrew Eisenberg", "Jim Melton"], "VLDB", 2001),
     rec("b", "sparse kernel routing for stream joins", ["a eisenberg", "j melton"], "Very Large Data Bases", 2001)),
    (rec("a", "Quorum Sketches over Lossy Channels", ["Toby Marrow", "Harri Quist"], "NeurIPS", 2020),
     rec("b", "Quorum Sketches over Lossy Channels", ["Tobias Marrow", "Harrison Quist"], None, 2019)),
    (rec("a", "Adaptive Frobnication of Tensor Meshes", ["Wojtek Zarembski", "Lena Ortiz", "Pia Bloom"]),
     rec("b", "Adaptive Frobnication of Tensor Meshses", ["Wojciech Zarembski", "et al."])),
    (rec("a", "Glacier Indexes", ["Ola Nordmann"], arxiv="2101.00001v1"),
     rec("b", "Cold Storage Indexes for Append-Only Logs", ["Ola Nordmann"], arxiv="2101.00001v3")),
    (rec("a", "Kestrel: Learned Caches for Tiered Storage Systems", ["Mia Chen", "Ravi Iyer"], "OSDI", 2022),
     rec("b", "Kestrel: Learned Caches for Tiered Storage", ["M. Chen", "R. Iyer"], "osdi '22", 2022)),
]

DIFFERENT = [
    (rec("a", "Harmonic Flows, Part I: Theory", ["Ana Ruiz"], "J. Flows", 2019),
     rec("b", "Harmonic Flows, Part II: Algorithms", ["Ana Ruiz"], "J. Flows", 2019)),
    (rec("a", "Erratum to: Sparse Kernel Routing for Stream Joins", ["Andrew Eisenberg"], "VLDB", 2002),
     rec("b", "Sparse Kernel Routing for Stream Joins", ["Andrew Eisenberg"], "VLDB", 2001)),
    (rec("a", "Editorial", ["Kim Lee"], "Journal of Plumbing", 2010),
     rec("b", "Editorial", ["Omar Haddad"], "Journal of Plumbing", 2012)),
    (rec("a", "Glacier Indexes", ["Ola Nordmann"], doi="10.1/aaa"),
     rec("b", "Glacier Indexes", ["Ola Nordmann"], doi="10.1/bbb")),
    (rec("a", "Learning to Rank Query Plans", ["Ines Varga"], "SIGMOD", 2018),
     rec("b", "Learning to Prune Query Plans", ["Tom Baker"], "ICDE", 2015)),
    (rec("a", "Sparse Kernel Routing", ["Andrew Eisenberg"], "VLDB J.", 2003),
     rec("b", "Sparse Kernel Routing", ["Andrew Eisenberg"], "VLDB", 2001)),
]


@pytest.mark.parametrize("a, b", SAME)
def test_golden_same(a, b):
    assert len(set(cluster([a, b]))) == 1, explain(a, b)
    assert explain(a, b)[0].startswith("same work")


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_golden_different(a, b):
    assert len(set(cluster([a, b]))) == 2, explain(a, b)
    assert explain(a, b)[0].startswith("different works")


def test_explain_names_fields_and_levels():
    a, b = SAME[0]
    reasons = explain(a, b)
    assert any(r.startswith("title exact") for r in reasons)
    assert any(r.startswith("authors all") for r in reasons)
    assert any(r.startswith("year exact") for r in reasons)
    assert any(r.startswith("venue same") for r in reasons)
    assert explain(*SAME[3])[1] == "same arxiv id"
    assert "series numbers differ" in explain(*DIFFERENT[0])[1]


def _corpus(seed=3, works=60):
    """Several noisy copies of invented works, plus generic-title items by different people."""
    rng = random.Random(seed)
    records, truth = [], {}
    syll = "ka ro mi ta ne lo su vi da re zo an el is ur ba".split()
    word = lambda: "".join(rng.choice(syll) for _ in range(3))
    for w in range(works):
        title = " ".join(word() for _ in range(rng.randint(4, 7))).title()
        authors = [f"{word().title()} {word().title()}" for _ in range(rng.randint(1, 4))]
        year = rng.randint(1995, 2020)
        for c in range(rng.randint(1, 6)):
            t = title.lower() if rng.random() < 0.5 else title
            names = [f"{n.split()[0][0]} {n.split()[1]}".lower() if rng.random() < 0.5 else n for n in authors]
            rid = f"s{len(records)}:{w}"
            records.append(rec(rid, t, names, rng.choice(["VLDB", "Very Large Data Bases"]),
                               year + (1 if rng.random() < 0.1 else 0)))
            truth[rid] = w
    for g in range(15):
        rid = f"g{g}:x"
        records.append(rec(rid, "Editorial", [f"{word().title()} {word().title()}"], "J. Plumbing", 2000 + g))
        truth[rid] = f"g{g}"
    return records, truth


def test_noisy_corpus_clusters_without_giants():
    records, truth = _corpus()
    work_ids = cluster(records)
    sizes = Counter(work_ids)
    assert max(sizes.values()) <= max(Counter(truth.values()).values())
    predicted = {(a["record_id"], b["record_id"]) for a, b in combinations(records, 2)
                 if work_ids[records.index(a)] == work_ids[records.index(b)]}
    actual = {(a["record_id"], b["record_id"]) for a, b in combinations(records, 2)
              if truth[a["record_id"]] == truth[b["record_id"]]}
    tp = len(predicted & actual)
    assert tp / len(predicted) >= 0.98 and tp / len(actual) >= 0.95


def test_clustering_ignores_input_order():
    records, _ = _corpus(seed=5, works=40)
    first = dict(zip((r["record_id"] for r in records), cluster(records)))
    shuffled = records[:]
    random.Random(1).shuffle(shuffled)
    second = dict(zip((r["record_id"] for r in shuffled), cluster(shuffled)))
    assert first == second


def test_empty_and_untitled_inputs():
    assert cluster([]) == []
    ids = cluster([rec("a", None), rec("b", None), rec("c", "")])
    assert len(set(ids)) == 3


def test_dedupe_command_writes_records_and_works(tmp_path):
    records, truth = _corpus(seed=7, works=10)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pubsift", "dedupe", str(source), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    works = [json.loads(line) for line in (out / "works.jsonl").read_text().splitlines()]
    assert sorted(r["record_id"] for r in rows) == sorted(truth)
    assert all(r["work_id"] for r in rows)
    members = defaultdict(set)
    for r in rows:
        members[r["work_id"]].add(r["record_id"])
    assert {w["work_id"] for w in works} == set(members)
    for w in works:
        assert set(w["record_ids"]) == members[w["work_id"]]
        assert w["provenance"]["title"] in members[w["work_id"]]


def test_dedupe_command_reports_bad_input(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text("{not json\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pubsift", "dedupe", str(source), "--out", str(tmp_path / "o")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "not JSON" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.shared
def test_dblp_acm_pair_f1_gate(tmp_path):
    bench = shared_path("bench", "dblp-acm")
    scorer = shared_path("eval", "score_pairs.py")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pubsift", "dedupe", str(bench / "records.jsonl"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    scored = subprocess.run([sys.executable, str(scorer), str(out / "records.jsonl"), str(bench / "matches.csv"),
                             "--json"], capture_output=True, text=True)
    metrics = json.loads(scored.stdout)
    assert metrics["f1"] >= 0.985, metrics
    assert metrics["largest_work"] <= 20, metrics


ODD_ROWS = [
    {"record_id": "x1", "title": "  Cafe\u0301 Joins  ", "authors": ["A. Writer", {"given": "Bo", "family": "Li"}],
     "year": "2019", "venue": "", "ids": {"doi": "10.1/X"}, "flags": ["authors-truncated"], "position": 3},
    {"record_id": "x2", "title": None, "authors": [{"name": "N\u0303u"}], "year": 99, "urls": ["https://a.b"]},
    {"title": "No id", "authors": [], "year": None, "note": " n "},
]


@pytest.mark.parametrize("row", ODD_ROWS)
def test_plain_record_matches_the_record_model(row):
    """The streaming path cleans rows exactly as the Record model would."""
    from pubsift.dedupe_cmd import plain_record
    from schemas.models import Record

    plain = plain_record(row, 7)
    assert Record.model_validate(plain).model_dump(mode="json") == plain


@pytest.mark.parametrize("row", ODD_ROWS + [{"record_id": "q", "title": 'Quote " \\ back\u2028slash \x01 \u00e9\U0001f600'}])
def test_fast_dump_is_canonical_json(row):
    from pubsift.dedupe_cmd import _dump, plain_record
    from schemas.canonical import canonical_json

    plain = plain_record(row, 1)
    assert _dump(plain) == canonical_json(plain)


def test_much_cited_paper_is_one_work_and_columns_stay_apart():
    """A messy citation set repeats a famous title dozens of times (one work), while a recurring
    column title by one editor is a different item every issue."""
    rng = random.Random(11)
    records = []
    for k in range(60):
        venue = rng.choice(["machine learning", "mach. learn.", "proc. of colt", "technical report, mit"])
        names = rng.choice([["r schapire"], ["schapire, r. e."], ["Robert E. Schapire"]])
        records.append(rec(f"c{k}", "the strength of weak learnability", names, venue, rng.choice([1989, 1990, 1990])))
    for k in range(12):
        records.append(rec(f"e{k}", "Editor's Notes", ["Ling Liu"], "SIGMOD Record", 1995 + k))
    for k in range(30):  # unrelated filler so the title counts have a typical value
        title = f"filler study number {k} of {rng.random():.6f}"
        records.append(rec(f"f{k}a", title, ["Ann Other"], "J. Filler", 2000))
        records.append(rec(f"f{k}b", title.upper(), ["A. Other"], "Journal of Filler", 2000))
    work_ids = dict(zip((r["record_id"] for r in records), cluster(records)))
    assert len({work_ids[f"c{k}"] for k in range(60)}) == 1
    assert len({work_ids[f"e{k}"] for k in range(12)}) == 12


def test_unsplit_author_list_still_matches():
    a = rec("a", "Sparse Kernel Routing for Stream Joins", ["a eisenberg , j melton"], "VLDB", 2001)
    b = rec("b", "Sparse Kernel Routing for Stream Joins", ["Andrew Eisenberg", "Jim Melton"], "VLDB", 2001)
    assert "authors all" in " ".join(explain(a, b))


def test_explain_work_command(tmp_path):
    a, b = SAME[0]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pubsift", "dedupe", str(source), "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    work_id = json.loads((out / "records.jsonl").read_text().splitlines()[0])["work_id"]
    done = subprocess.run([sys.executable, "-m", "pubsift", "explain-work", str(out / "records.jsonl"), work_id],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "title exact" in done.stdout and "authors all" in done.stdout
