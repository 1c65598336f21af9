"""`pubsift export`: CSL-JSON validates against the official schema, BibTeX re-reads intact."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from bibtexparser import middlewares as mw
from hypothesis import example, given, settings, strategies as st
from pylatexenc import latex2text
from pylatexenc.latex2text import LatexNodes2Text

from conftest import ROOT, shared_path
from schemas.export import (
    ExportError, base_key, citation_keys, csl_type, latex_escape, name_parts, read_works, render, to_bibtex, to_csl,
)
from schemas.models import Author, Ids, Work

CSL_SCHEMA = ROOT / "tests" / "data" / "csl-data.json"
KEY_RE = re.compile(r"^[a-z0-9]+$")


@lru_cache(maxsize=1)
def csl_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def csl_errors(items) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in csl_validator().iter_errors(items)]


# ---------------------------------------------------------------- BibTeX reading (the consumer's side)
def _latex_reader() -> LatexNodes2Text:
    # pylatexenc lacks the LaTeX text macros for braces that unbalanced titles are written with
    context = latex2text.get_default_latex_context_db()
    context.add_context_category("tex-braces", prepend=True, macros=[
        latex2text.MacroTextSpec("textbraceleft", "{"), latex2text.MacroTextSpec("textbraceright", "}")])
    return LatexNodes2Text(latex_context=context)


_LATEX = _latex_reader()


def _decode(text: str) -> str:
    # pylatexenc renders \textasciicircum as the modifier letter; TeX prints "^"
    return " ".join(_LATEX.latex_to_text(text).replace("\u02c6", "^").split())


def read_bibtex(text: str) -> dict[str, dict]:
    """key -> {title, authors, year, venue, doi, eprint} as a BibTeX user would get them."""
    library = bibtexparser.parse_string(text, append_middleware=[mw.SeparateCoAuthors(), mw.SplitNameParts()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    out = {}
    for entry in library.entries:
        fields = {f.key.lower(): f.value for f in entry.fields}
        authors = []
        for parts in fields.get("author", []):
            given = " ".join(_decode(p) for p in parts.first)
            family = " ".join(_decode(p) for p in parts.von + parts.last)
            authors.append((given, family))
        venue = next((fields[k] for k in ("journal", "booktitle", "howpublished") if k in fields), None)
        out[entry.key] = {
            "title": _decode(fields["title"]) if "title" in fields else None,
            "authors": authors,
            "year": int(fields["year"]) if "year" in fields else None,
            "venue": _decode(venue) if venue else None,
            "doi": _decode(fields["doi"]) if "doi" in fields else None,
            "eprint": fields.get("eprint"),
        }
    return out


def expected_author(author: Author) -> tuple[str, str]:
    parts = name_parts(author)
    return (parts[0], parts[1]) if parts else ("", author.name)


def assert_bibtex_roundtrip(works: list[Work]) -> int:
    keys = citation_keys(works)
    parsed = read_bibtex(to_bibtex(works))
    assert sorted(parsed) == sorted(keys.values())
    for work in works:
        got = parsed[keys[work.work_id]]
        want_title = " ".join(work.title.split()) if work.title else None
        assert got["title"] == want_title, work.work_id
        authors = [a for a in got["authors"] if a != ("", "others")]
        assert authors == [expected_author(a) for a in work.authors], work.work_id
        assert got["year"] == work.year
        assert got["venue"] == (" ".join(work.venue.split()) if work.venue else None)
        assert got["doi"] == work.ids.doi
        assert got["eprint"] == work.ids.arxiv
    return len(works)


# ---------------------------------------------------------------- on real runs
def test_seed_export_csl_validates_and_bibtex_roundtrips(seed_run):
    out, _ = seed_run
    works = read_works(out / "works.jsonl")
    assert len(works) >= 20
    items = to_csl(works)
    assert csl_errors(items) == []
    assert len({i["id"] for i in items}) == len(items)
    assert all(KEY_RE.match(i["id"]) for i in items)
    assert assert_bibtex_roundtrip(works) == len(works)
    # the seeds have arXiv ids, venues and multi-author works: the checks above saw real values
    assert sum(bool(w.ids.arxiv) for w in works) >= 3 and sum(bool(w.venue) for w in works) >= 5


@pytest.mark.shared
def test_dev_pages_export(tmp_path):
    from pubsift.pipeline import run

    pages = shared_path("pages")
    run([str(pages)], str(tmp_path), jobs=1)
    works = read_works(tmp_path / "works.jsonl")
    assert works
    assert csl_errors(to_csl(works)) == []
    assert_bibtex_roundtrip(works)


def test_records_jsonl_exports_too(seed_run):
    out, _ = seed_run
    works = read_works(out / "records.jsonl")
    assert len(works) == sum(1 for line in open(out / "records.jsonl") if line.strip())
    assert csl_errors(to_csl(works)) == []


# ---------------------------------------------------------------- hostile and tricky values
TRICKY = Work(
    work_id="w-tricky", year=2020, date="2020-05-03",
    title="50% of {A}&B_c: $x^2$ ~ #1 \\ back -- dash ``q'' {unbalanced GPU-4 Part I",
    authors=[Author(name="Jörg Müller", given="Jörg", family="Müller"),
             Author(name="Ann van der Berg", given="Ann", family="van der Berg"),
             Author(name="Research and Development Team"),
             Author(name="Søren O'Neil-Ørsted", given="Søren", family="O'Neil-Ørsted")],
    venue="Proc. of R&D_Conf #3 (100%)",
    ids=Ids(doi="10.1000/a_b%c", arxiv="2101.00001v2"),
    urls=["https://example.org/paper.pdf", "https://doi.org/10.1000/a_b%c"],
    abstract="Line one\n\nline two with 5% and a } brace",
    flags=["authors-truncated"],
)


def test_tricky_work_roundtrips_and_validates():
    assert assert_bibtex_roundtrip([TRICKY]) == 1
    bib = to_bibtex([TRICKY])
    assert "and others" in bib  # authors-truncated -> "and others"
    assert "{GPU-4}" in bib and "{I}" in bib  # case protected
    assert "{\\textbraceleft}" in bib  # unbalanced brace cannot be \{ in BibTeX
    item = to_csl([TRICKY])[0]
    assert csl_errors([item]) == []
    assert item["type"] == "paper-conference"
    assert item["URL"] == "https://doi.org/10.1000/a_b%c"  # a landing page beats a PDF
    assert item["issued"] == {"date-parts": [[2020, 5, 3]]}
    assert item["author"][2] == {"literal": "Research and Development Team"}


@pytest.mark.parametrize("name, parts", [
    ("A. Lovelace", ("A.", "Lovelace")), ("Ann van der Berg", ("Ann", "van der Berg")),
    ("Jean-Luc O'Neil", ("Jean-Luc", "O'Neil")), ("DeepMind", None), ("The AlphaStar Team", None),
    ("R2 D2", None), ("Research and Development", None),
])
def test_name_parts_for_unsplit_names(name, parts):
    assert name_parts(Author(name=name)) == parts


_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, venue=_TEXT, family=_TEXT, given_name=_TEXT)
@example(title="Why?`", venue="?`", family="B", given_name="A")  # TeX reads "?`" as "¿" unless split
def test_bibtex_roundtrip_property(title, venue, family, given_name):
    # BibTeX itself cannot hold everything: leading/trailing space and TeX's own whitespace rules
    title, venue = " ".join(title.split()), " ".join(venue.split())
    family, given_name = " ".join(family.split()), " ".join(given_name.split())
    if not (title and venue and family and given_name):
        return
    work = Work(work_id="w", title=title, venue=venue, year=2001,
                authors=[Author(name=f"{given_name} {family}", given=given_name, family=family)])
    keys = citation_keys([work])
    got = read_bibtex(to_bibtex([work]))[keys["w"]]
    assert got["title"] == title
    assert got["venue"] == venue
    if got["authors"] != [(given_name, family)]:
        # names BibTeX cannot split as given/family are written braced whole: still intact
        assert got["authors"] == [("", f"{given_name} {family}")]


def test_latex_escape_covers_specials():
    escaped = latex_escape("& % $ # _ { } ~ ^ \\")
    for raw in "&%$#_~^":
        assert f"\\{raw}" in escaped or raw in ("~", "^")
    assert "{\\textasciitilde}" in escaped and "{\\textasciicircum}" in escaped and "{\\textbackslash}" in escaped
    assert re.search(r"(?<!\\)[&%$#_]", escaped) is None


# ---------------------------------------------------------------- citation keys
def _work(work_id, family, year, title):
    return Work(work_id=work_id, title=title, year=year, authors=[Author(name=f"X {family}", given="X", family=family)])


def test_citation_keys_stable_with_suffixes():
    works = [_work("w3", "Lovelace", 2021, "Deep nets"), _work("w1", "Lovelace", 2021, "Deeper nets"),
             _work("w2", "Lovelace", 2021, "The deep one"), _work("w4", "Müller", None, "Über alles")]
    keys = citation_keys(works)
    assert keys == {"w1": "lovelace2021deeper", "w2": "lovelace2021deepa", "w3": "lovelace2021deepb",
                    "w4": "mullernduber"}
    assert citation_keys(list(reversed(works))) == keys  # input order does not matter


def test_suffix_never_collides_with_another_base_key():
    works = [_work("w1", "Li", 2020, "B"), _work("w2", "Li", 2020, "Nets"), _work("w3", "Li", 2020, "Nets")]
    keys = citation_keys(works)
    assert keys["w1"] == "li2020b"
    assert sorted(keys.values()) == ["li2020b", "li2020netsa", "li2020netsb"]
    many = [_work(f"w{i:02d}", "Li", 2020, "Same") for i in range(30)]
    many_keys = citation_keys(many)
    assert len(set(many_keys.values())) == 30 and many_keys["w29"] == "li2020samead"


def test_base_key_without_authors_title_or_year():
    assert base_key(Work(work_id="w")) == "anonnduntitled"


@pytest.mark.parametrize("venue, kind", [
    (None, "article"), ("arXiv preprint arXiv:2101.00001", "article"), ("NeurIPS 2021", "paper-conference"),
    ("Proceedings of the 38th ICML", "paper-conference"), ("Neural Computation", "article-journal"),
    ("PhD thesis, MIT", "thesis"), ("Technical Report TR-12", "report"),
])
def test_csl_type_from_venue(venue, kind):
    assert csl_type(Work(work_id="w", venue=venue)) == kind


# ---------------------------------------------------------------- CLI
def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "pubsift", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_export_formats(seed_run, tmp_path):
    out, _ = seed_run
    works_path = out / "works.jsonl"
    csl = _cli("export", str(works_path), "--format", "csl-json")
    assert csl.returncode == 0, csl.stderr
    assert csl_errors(json.loads(csl.stdout)) == []
    target = tmp_path / "sub" / "refs.bib"
    bib = _cli("export", str(works_path), "--format", "bibtex", "--out", str(target))
    assert bib.returncode == 0 and bib.stdout == ""
    assert target.read_text(encoding="utf-8") == render(read_works(works_path), "bibtex")
    assert [p.name for p in target.parent.iterdir()] == ["refs.bib"]  # no temporary file left behind
    jsonl = _cli("export", "-", "--format", "jsonl", stdin=works_path.read_text(encoding="utf-8"))
    assert jsonl.returncode == 0
    assert jsonl.stdout == works_path.read_text(encoding="utf-8")  # canonical in, canonical out


def test_cli_export_errors(tmp_path):
    missing = _cli("export", str(tmp_path / "nope.jsonl"), "--format", "bibtex")
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"work_id": "w1"}\nnot json\n', encoding="utf-8")
    result = _cli("export", str(bad), "--format", "csl-json")
    assert result.returncode == 2 and f"{bad}:2: not JSON" in result.stderr
    wrong = _cli("export", "-", "--format", "bibtex", stdin='{"title": 3}\n')
    assert wrong.returncode == 2 and "<stdin>:1:" in wrong.stderr
    with pytest.raises(ExportError, match="unknown format"):
        render([], "ris")


# ---------------------------------------------------------------- a real consumer: Pandoc (optional)
def _pandoc(*args, stdin: str) -> str:
    import shutil

    if not shutil.which("pandoc"):
        pytest.skip("pandoc not installed (optional consumer check: apt-get install pandoc)")
    result = subprocess.run(["pandoc", *args], input=stdin, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return result.stdout


def _fold(text):
    # pandoc, like TeX, typesets ' as ’ and -- as –
    return " ".join((text or "").replace("\u2019", "'").replace("\u2013", "--").casefold().split())


def test_pandoc_reads_both_exports(seed_run):
    out, _ = seed_run
    works = read_works(out / "works.jsonl")
    keys = citation_keys(works)
    by_key = {keys[w.work_id]: w for w in works}
    from_csl = {i["id"]: i for i in json.loads(_pandoc("-f", "csljson", "-t", "csljson", stdin=render(works, "csl-json")))}
    from_bib = {i["id"]: i for i in json.loads(_pandoc("-f", "biblatex", "-t", "csljson", stdin=render(works, "bibtex")))}
    assert set(from_csl) == set(from_bib) == set(by_key)
    for key, work in by_key.items():
        for item in (from_csl[key], from_bib[key]):
            # pandoc sentence-cases BibTeX titles except braced words: compare case-folded
            assert _fold(item.get("title")) == _fold(work.title), key
            families = [" ".join(a[k] for k in ("dropping-particle", "non-dropping-particle", "family", "literal") if a.get(k))
                        for a in item.get("author", [])]
            assert [_fold(f) for f in families] == [_fold((name_parts(a) or ("", a.name))[1]) for a in work.authors], key
            issued = item.get("issued", {}).get("date-parts", [[None]])[0][0]
            assert (int(issued) if issued else None) == work.year, key
            assert item.get("DOI") == work.ids.doi


def test_balanced_braces_judged_on_the_whole_title():
    # "$N_{\rm" alone is unbalanced; the title is not, so plain \{ \} are used (pandoc reads those)
    work = Work(work_id="w", title=r"Precision of $N_{\rm eff}$ in the Standard Model IV", year=2024)
    bib = to_bibtex([work])
    assert "textbrace" not in bib
    assert_bibtex_roundtrip([work])
