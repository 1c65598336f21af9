"""Who is who: co-author person_ids and researchers (schemas.people, `pubsift explain-person`)."""
from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, GOLDEN, ROOT, shared_path
from schemas.models import Author, Profile, Record
from schemas.people import assign_people, compare_names, parse_person

PEOPLE_FIXTURES = FIXTURES / "people"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", str(text)).strip()


def score(gold: dict, out: Path) -> tuple[dict, list[str]]:
    """The metrics of ../shared/eval/score_people.py (same/different/owners), computed here so the
    test runs without ../shared; `works: null` leaves a count unpinned, a `name` must match."""
    ids_of = defaultdict(set)
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        for author in json.loads(line)["authors"]:
            ids_of[_nfc(author["name"])].add(author["person_id"])
    researchers = [json.loads(l) for l in (out / "researchers.jsonl").read_text(encoding="utf-8").splitlines()]
    misses = []
    same = 0
    for group in gold["same"]:
        ids = set().union(*(ids_of.get(_nfc(n), set()) for n in group))
        same += len(ids) == 1 and None not in ids
        if not (len(ids) == 1 and None not in ids):
            misses.append(f"same {group}: {sorted(map(str, ids))}")
    different = 0
    for a, b in gold["different"]:
        ia, ib = ids_of.get(_nfc(a), set()), ids_of.get(_nfc(b), set())
        ok = bool(ia and ib and not (ia & ib) and None not in ia | ib)
        different += ok
        if not ok:
            misses.append(f"different {a} / {b}: {sorted(map(str, ia))} {sorted(map(str, ib))}")
    owners = 0
    for owner in gold["owners"]:
        want = set(owner["pages"])
        hits = [r for r in researchers if want & set(r["pages"])]
        ok = (len(hits) == 1 and set(hits[0]["pages"]) == want
              and (owner["works"] is None or len(set(hits[0]["work_ids"])) == owner["works"])
              and (hits[0]["name"] == owner["name"]))
        owners += ok
        if not ok:
            misses.append(f"owner {sorted(want)}: {[(r['name'], r['pages'], len(r['work_ids'])) for r in hits]}")
    return {"same": same / len(gold["same"]), "different": different / len(gold["different"]),
            "owners": owners / len(gold["owners"])}, misses


# ------------------------------------------------------------------------------ names
@pytest.mark.parametrize("a,b,level", [
    ("Aaron van den Oord", "Aäron van den Oord", "exact"),
    ("Konrad Zolna", "Konrad Żołna", "exact"),
    ("Cyprien de Masson d'Autume", "Cyprien de Masson d’Autume", "exact"),
    ("Jack W Rae", "Jack W. Rae", "exact"),
    ("Daniel Toyama", "Daniel Kenji Toyama", "subset"),
    ("David Choi", "David H. Choi", "subset"),
    ("Tom L. Paine", "Tom Le Paine", "subset"),
    ("Ali Eslami", "S. M. Ali Eslami", "subset"),
    ("Wojciech M. Czarnecki", "Wojciech Marian Czarnecki", "subset"),
    ("Hong-Jiang Zhang", "HongJiang Zhang", "exact"),
    ("Hong Jiang Zhang", "HongJiang Zhang", "subset"),
    ("J. Dauwels", "Justin Dauwels", "initials"),
    ("Sasha Vezhnevets", "Alexander S. Vezhnevets", "nickname"),
    ("Wojtek Czarnecki", "Wojciech M. Czarnecki", "nickname"),
    ("Toby Pohlen", "Tobias Pohlen", "nickname"),
    ("Harri Edwards", "Harrison Edwards", "nickname"),
    ("Ed Lockhart", "Edward Lockhart", "nickname"),
    ("David Castro", "David Castro-Perez", "family-partial"),
    ("Sergio Gómez", "Sergio Gómez Colmenarejo", "family-partial"),
    ("Lino Coria-Mendoza", "Lino E. Coria", "family-partial"),
    ("Yujia Li", "Yazhe Li", None),
    ("Yan Chen", "Yang Chen", None),
    ("Nicolas Heess", "Nicholas Joseph", None),
    ("Alex Ray", "Alex Graves", None),
    ("John A. Smith", "John B. Smith", None),
    ("David Castro", "David Perez", None),
    ("Di Xu 0001", "Di Xu 0002", None),
    ("Di Xu 0001", "Di Xu", "subset"),
    ("Jean-Baptiste Lespiau", "Jean Baptiste Lespiau", "subset"),
    ("J.-B. Lespiau", "Jean-Baptiste Lespiau", "initials"),
    ("Yun-Wu Huang", "Y. Wu", None),
    ("C. Lee Giles", "Chiang Lee", None),
])
def test_name_levels(a, b, level):
    assert compare_names(parse_person(a), parse_person(b)).level == level
    assert compare_names(parse_person(b), parse_person(a)).level == level  # symmetric


_GIVEN = ["John", "J.", "Jon", "Johnny", "Ali", "S. M. Ali", "Yan", "Yang", "Wojtek", "Wojciech M.", "Tobias",
          "Toby", "T.", "Le", "A. B.", "Anne-Marie", "Marie"]
_FAMILY = ["Smith", "van den Oord", "Castro-Perez", "Castro", "Żołna", "Le Paine", "Paine", "Li"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY), st.sampled_from(_GIVEN), st.sampled_from(_FAMILY))
def test_name_comparison_is_symmetric_and_reflexive(g1, f1, g2, f2):
    a, b = parse_person(f"{g1} {f1}"), parse_person(f"{g2} {f2}")
    assert compare_names(a, b).level == compare_names(b, a).level
    assert compare_names(a, a).level == "exact"


# ------------------------------------------------------------------------------ model level
def _rec(page: str, pos: int, title: str, names: list[str], work: str, year: int = 2020, flags=()) -> Record:
    return Record(page=page, position=pos, record_id=f"r-{page}-{pos}", title=title, year=year,
                  authors=[Author(name=n) for n in names], work_id=work, flags=list(flags))


def _ids(records: list[Record]) -> dict[str, set]:
    out = defaultdict(set)
    for r in records:
        for a in r.authors:
            out[a.name].add(a.person_id)
    return out


def test_authors_of_one_record_are_never_merged():
    records = [_rec("a.md", 0, "T1", ["J. Smith", "John Smith", "Ada Byron"], "w1"),
               _rec("a.md", 1, "T2", ["John Smith", "Ada Byron"], "w2")]
    assign_people(records, [], [])
    ids = _ids(records)
    assert ids["J. Smith"].isdisjoint(ids["John Smith"])


def test_initials_never_chain_two_given_names():
    # 'J. Smith' shares co-authors with both 'John Smith' and 'Jane Smith'; they must stay apart
    records = [_rec("a.md", 0, "T1", ["J. Smith", "Ada Byron"], "w1"),
               _rec("a.md", 1, "T2", ["John Smith", "Ada Byron"], "w2"),
               _rec("b.md", 0, "T3", ["Jane Smith", "Ada Byron"], "w3")]
    assign_people(records, [], [])
    ids = _ids(records)
    assert ids["John Smith"].isdisjoint(ids["Jane Smith"])
    assert len(ids["J. Smith"] | ids["John Smith"] | ids["Jane Smith"]) == 2


def test_nickname_needs_shared_context():
    records = [_rec("a.md", 0, "T1", ["Toby Frost", "Ada Byron"], "w1"),
               _rec("b.md", 0, "T2", ["Tobias Frost", "Grace Hopper"], "w2"),
               _rec("c.md", 0, "T3", ["Tobias Frost", "Ada Byron"], "w3")]
    assign_people(records, [], [])
    ids = _ids(records)
    assert ids["Toby Frost"] == ids["Tobias Frost"]  # linked through the shared co-author Ada Byron
    lone = [_rec("a.md", 0, "T1", ["Toby Frost", "Ada Byron"], "w1"),
            _rec("b.md", 0, "T2", ["Tobias Frost", "Grace Hopper"], "w2")]
    assign_people(lone, [], [])
    ids = _ids(lone)
    assert ids["Toby Frost"].isdisjoint(ids["Tobias Frost"])


def test_variant_spelling_decades_apart_needs_a_shared_work():
    near = [_rec("a.md", 0, "T1", ["Jon Frost", "Ada Byron"], "w1", year=2015),
            _rec("b.md", 0, "T2", ["Jonathan Frost", "Ada Byron"], "w2", year=2020)]
    far = [_rec("a.md", 0, "T1", ["Jon Frost", "Ada Byron"], "w1", year=1962),
           _rec("b.md", 0, "T2", ["Jonathan Frost", "Ada Byron"], "w2", year=2020)]
    assign_people(near, [], [])
    assign_people(far, [], [])
    assert _ids(near)["Jon Frost"] == _ids(near)["Jonathan Frost"]
    assert _ids(far)["Jon Frost"].isdisjoint(_ids(far)["Jonathan Frost"])


def _owned(page: str, person, n: int, prefix: str, implicit=False, owner_in_lists=True):
    records = []
    for i in range(n):
        names = ([person] if owner_in_lists and person and not implicit else []) + [f"Coauthor{prefix}{i} Doe"]
        records.append(_rec(page, i, f"Paper {prefix}{i}", names, f"w{prefix}{i}",
                            flags=("owner-implicit",) if implicit else ()))
    profile = Profile(page=page, kind="homepage", person=None if implicit else person)
    return records, profile


def test_unnamed_owner_joins_only_on_strong_evidence():
    named, p1 = _owned("named.md", "Rosa Quint", 4, "x")
    # an implicit-owner page listing three of Rosa's four works (Rosa absent from its lists)
    unnamed = [_rec("anon.md", i, f"Paper x{i}", [f"Coauthorx{i} Doe"], f"wx{i}", flags=("owner-implicit",))
               for i in range(3)]
    p2 = Profile(page="anon.md", kind="homepage")
    records = named + unnamed
    _, researchers = assign_people(records, [p1, p2], [])
    assert [r.pages for r in researchers] == [["anon.md", "named.md"]]
    assert researchers[0].name == "Rosa Quint" and researchers[0].n_works == 4
    # one shared work is not enough: two researchers, the unnamed one with name null
    records = named + unnamed[:1] + [_rec("anon.md", 5, "Other", ["Zed Doe"], "wother", flags=("owner-implicit",))]
    _, researchers = assign_people(records, [p1, p2], [])
    assert sorted((r.pages, r.name) for r in researchers) == [(["anon.md"], None), (["named.md"], "Rosa Quint")]


def test_homonym_page_owners_stay_apart_and_namesakes_share_context():
    a, pa = _owned("a.md", "Rosa Quint", 3, "a")
    b, pb = _owned("b.md", "Rosa Quint", 3, "b")
    _, researchers = assign_people(a + b, [pa, pb], [])
    assert len(researchers) == 2  # same name, no shared work or co-author
    c = [_rec("c.md", i, f"Paper a{i}", ["Rosa Quint", f"Coauthora{i} Doe"], f"wa{i}") for i in range(2)]
    pc = Profile(page="c.md", kind="homepage", person="Rosa Quint")
    _, researchers = assign_people(a + b + c, [pa, pb, pc], [])
    assert sorted(r.pages for r in researchers) == [["a.md", "c.md"], ["b.md"]]
    # no shared work, but both pages state the same affiliation: one person
    pa.affiliations, pb.affiliations = ["Institute of Polar Studies"], ["Polar Studies"]
    _, researchers = assign_people(a + b, [pa, pb], [])
    assert [r.pages for r in researchers] == [["a.md", "b.md"]]
    assert any("affiliation (polar studies)" in e for e in researchers[0].evidence)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_person_ids_do_not_depend_on_record_order(rnd):
    def partition(records):
        groups = defaultdict(set)
        for r in records:
            for pos, a in enumerate(r.authors):
                groups[a.person_id].add((r.record_id, pos))
        return sorted(sorted(g) for g in groups.values()), {a.person_id for r in records for a in r.authors}

    base = [_rec("a.md", 0, "T1", ["J. Smith", "Ada Byron"], "w1"),
            _rec("a.md", 1, "T2", ["John Smith", "Ada Byron", "Toby Frost"], "w2"),
            _rec("b.md", 0, "T3", ["Jane Smith", "Ada Byron", "Tobias Frost"], "w3"),
            _rec("b.md", 1, "T4", ["S. M. Ali Eslami", "Grace Hopper"], "w4"),
            _rec("c.md", 0, "T5", ["Ali Eslami", "Grace Hopper", "Ada Byron"], "w5")]
    profiles = [Profile(page="a.md", kind="homepage"), Profile(page="b.md", kind="homepage")]
    expected = partition(assign_people([r.model_copy(deep=True) for r in base], profiles, [])[0].records)
    shuffled = [r.model_copy(deep=True) for r in base]
    rnd.shuffle(shuffled)
    # the pipeline sorts records before dedupe; the model must give the same answer for that order
    shuffled.sort(key=lambda r: (r.page, r.position, r.record_id))
    assert partition(assign_people(shuffled, list(reversed(profiles)), [])[0].records) == expected


# ------------------------------------------------------------------------------ pipeline level
@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    from pubsift.pipeline import run

    out = tmp_path_factory.mktemp("people-fixtures")
    run([str(PEOPLE_FIXTURES)], str(out), jobs=1)
    return out


def test_fixture_pages_identities(fixture_run):
    gold = json.loads((GOLDEN / "people_fixture.json").read_text(encoding="utf-8"))
    metrics, misses = score(gold, fixture_run)
    assert metrics == {"same": 1.0, "different": 1.0, "owners": 1.0}, misses


def test_researchers_file_contract(fixture_run):
    rows = [json.loads(l) for l in (fixture_run / "researchers.jsonl").read_text(encoding="utf-8").splitlines()]
    person_ids = {a["person_id"] for l in (fixture_run / "records.jsonl").read_text(encoding="utf-8").splitlines()
                  for a in json.loads(l)["authors"]}
    assert rows == sorted(rows, key=lambda r: (r["pages"], r["researcher_id"]))
    marta = next(r for r in rows if r["name"] == "Marta Kowalczyk-Nowak")
    assert marta["person_id"] in person_ids  # the owner's own entries carry the researcher's person_id
    assert marta["name_variants"] == ["Marta Kowalczyk", "Marta Kowalczyk-Nowak"]
    assert sum(marta["counts_by_year"].values()) == marta["n_works"] == len(marta["work_ids"]) == 7
    assert any(e.startswith("site owner") for e in marta["evidence"])
    homonym = next(r for r in rows if r["pages"] == ["other/home_homonym.md"])
    assert any("possible homonyms" in e for e in homonym["evidence"])


def test_people_output_identical_across_jobs(tmp_path):
    from pubsift.pipeline import run

    run([str(PEOPLE_FIXTURES)], str(tmp_path / "one"), jobs=1)
    run([str(PEOPLE_FIXTURES)], str(tmp_path / "two"), jobs=2)
    for name in ("records.jsonl", "works.jsonl", "researchers.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pubsift", *args], capture_output=True, text=True, cwd=ROOT)


def test_explain_person_cli(fixture_run):
    result = _cli("explain-person", str(fixture_run), "Yan Chen", "Yang Chen")
    assert result.returncode == 0, result.stderr
    assert "given names differ (yan / yang)" in result.stdout and "DIFFERENT people" in result.stdout
    result = _cli("explain-person", str(fixture_run), "Bartek Zielinski", "Bartłomiej Zieliński")
    assert "[nickname]" in result.stdout and "SAME person" in result.stdout
    assert "shared co-authors" in result.stdout
    records = [json.loads(l) for l in (fixture_run / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    first = records[0]
    spec = f"{first['record_id']}:0"
    result = _cli("explain-person", str(fixture_run), spec, "Marta Kowalczyk")
    assert "SAME person" in result.stdout
    bad = _cli("explain-person", str(fixture_run), "Nobody Here", "Yan Chen")
    assert bad.returncode == 2 and "no author named" in bad.stderr


# ------------------------------------------------------------------------------ ../shared
def test_seed_people_scores(seed_run):
    scorer = shared_path("eval", "score_people.py")
    gold = shared_path("gold", "seeds", "people.json")
    out, _ = seed_run
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--min", "same=1", "--min",
                             "different=1", "--min", "owners=1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("same=1.000 different=1.000 owners=1.000")
    # the owner's own author entries carry the researcher's person_id
    igor = next(json.loads(l) for l in (out / "researchers.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(l)["name"] == "Igor Babuschkin")
    ids = {a["person_id"] for l in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
           for a in json.loads(l)["authors"] if a["name"] == "Igor Babuschkin"}
    assert ids == {igor["person_id"]} and igor["n_works"] == 15


@pytest.mark.shared
def test_dev_pages_identities(tmp_path):
    from pubsift.pipeline import run

    pages = shared_path("pages")
    run([str(pages)], str(tmp_path), jobs=2)
    gold = json.loads((GOLDEN / "people_dev.json").read_text(encoding="utf-8"))
    metrics, misses = score(gold, tmp_path)
    assert metrics == {"same": 1.0, "different": 1.0, "owners": 1.0}, misses
    # different labelled owners never share a researcher
    owner_of = {p: i for i, o in enumerate(gold["owners"]) for p in o["pages"]}
    for line in (tmp_path / "researchers.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        assert len({owner_of[p] for p in r["pages"] if p in owner_of}) <= 1, r["pages"]
