"""Scholar, ACL Anthology and homepage ingestor families.

1. Golden files: each fixture page under tests/fixtures/homepages/ (invented people and papers,
   written in the real formats' quirks) is extracted and compared with
   tests/golden/homepages/<fixture>.json (manifest + profile + records as extract_page makes them).
   Regenerate after an intended change with
       PUBSIFT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_ingestors_homepages.py -q
   and review `git diff tests/golden/homepages` before committing.
2. Hand-written expectations for the real dev pages in ../shared/pages (skipped when absent):
   counts we established by reading each page, and a few field values.
3. Unit and property tests: decode_bytes on encodings we produce ourselves, front-matter
   fallback, the flight-payload row reader, and that no seed page is claimed by these ingestors.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, GOLDEN, RAW, shared_path
from golden_util import assert_golden, page_snapshot

HOMEPAGE_FIXTURES = FIXTURES / "homepages"
HOMEPAGE_GOLDEN = GOLDEN / "homepages"

# fixture -> (ingestor, kind, number of records)
FIXTURE_EXPECTATIONS = {
    "scholar_profile_modern.html": ("scholar_html", "listing", 3),
    "scholar_profile_2014.html": ("scholar_html", "listing", 2),
    "scholar_profile_2012_cit.html": ("scholar_html", "listing", 2),
    "scholar_search.html": ("scholar_html", "search-results", 3),
    "scholar_more_rows.json": ("scholar_html", "listing", 1),
    "scholar_wall.html": ("scholar_html", "not-a-profile", 0),
    "acl_author_2021.html": ("acl_anthology_html", "listing", 2),
    "acl_author_current.html": ("acl_anthology_html", "listing", 2),
    "academicpages_pub.md": ("academicpages_md", "homepage", 1),
    "academicpages_broken_yaml.md": ("academicpages_md", "homepage", 1),
    "hugo_publication_index.md": ("hugo_academic_md", "homepage", 1),
    "hugo_publication_toml.md": ("hugo_academic_md", "homepage", 1),
    "jemdoc_publications.html": ("jemdoc", "homepage", 4),
    "jemdoc_publications.jemdoc": ("jemdoc", "homepage", 3),
    "jemdoc_homepage_oneline.html": ("jemdoc", "homepage", 2),
    "homepage_handwritten.html": ("generic_homepage", "homepage", 4),
    "homepage_br_style.html": ("generic_homepage", "homepage", 3),
    "homepage_mixed_styles.html": ("generic_homepage", "homepage", 4),
    "nextjs_publications.txt": ("nextjs_payload", "homepage", 2),
    "nextjs_bibtex_only.txt": ("nextjs_payload", "homepage", 2),
    "nextjs_page.html": ("nextjs_payload", "homepage", 2),
    "nextjs_flight_page.html": ("nextjs_payload", "homepage", 2),
    # markup sources converted to Markdown (extract/fields/markup.py)
    "org_publications.org": ("org_mode", "homepage", 4),
    "org_export_publications.html": ("org_html", "homepage", 3),
    "rst_lab_page.rst": ("restructuredtext", "homepage", 3),
    "latex_cv_source.tex": ("latex_cv", "homepage", 3),
    "asciidoc_cv.adoc": ("asciidoc", "homepage", 3),
    "mediawiki_group.wiki": ("mediawiki", "homepage", 3),
    # unknown styles no specific ingestor knows (all invented): the fallback and the trained
    # entry parser must still give titled, authored records
    "unknown_blocks_plain.txt": ("generic_homepage", "homepage", 3),
    "unknown_br_lines.html": ("generic_homepage", "homepage", 2),
    "unknown_cv_plaintext.txt": ("generic_homepage", "homepage", 4),
    "unknown_md_apa_bold.md": ("generic_homepage", "homepage", 3),
    "unknown_md_dashes.md": ("markdown_homepage", "homepage", 3),
    # a reference manager's CSV export saved as text (quoted fields, BOM, CRLF)
    "reference_manager_export.csv.txt": ("table_export", "listing", 3),
    "unknown_semantic_classes.html": ("generic_homepage", "homepage", 2),
    "unknown_table_by_year.html": ("generic_homepage", "homepage", 3),
}


def _extract(path: Path):
    from extract import extract_page

    return extract_page(path.name, path.read_bytes())


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in HOMEPAGE_FIXTURES.iterdir()) == sorted(FIXTURE_EXPECTATIONS)


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTATIONS))
def test_fixture_matches_golden(name: str):
    result = _extract(HOMEPAGE_FIXTURES / name)
    ingestor, kind, count = FIXTURE_EXPECTATIONS[name]
    assert result.manifest.ingestor == ingestor
    assert result.profile.kind == kind
    assert len(result.records) == count
    assert_golden(_snapshot(result), HOMEPAGE_GOLDEN / f"{name}.json")


def _snapshot(result) -> dict:
    """The golden view of a page. Other ingestors' detection scores ('name=0.15') are left out:
    they change whenever an unrelated ingestor is added, and are not this family's contract."""
    snapshot = page_snapshot(result)
    evidence = snapshot["profile"]["evidence"]
    snapshot["profile"]["evidence"] = [e for e in evidence if not re.match(r"^\w+=\d", e)]
    return snapshot


# ------------------------------------------------------------------ fixture specifics

# page -> (owner, [(title, author family names, year, venue)]) for the unknown-style pages
UNKNOWN_STYLES = {
    "unknown_cv_plaintext.txt": ("Tomasz Achterberg", [
        ("Groundwater recharge under invented drought regimes", ["Achterberg", "Nwosu", "Halvorsen"], 2023,
         "Journal of Made-Up Hydrology"),
        ("Sediment memory in braided rivers: a synthetic record", ["Halvorsen", "Achterberg"], 2021, "Earth Surface Fictions"),
        ("Why do floods cluster?", ["Achterberg"], 2019, "Invented Water Resources Research"),
        ("Low-cost sensors for alpine snowpack", ["Nwosu", "Achterberg", "Park", "Osei"], 2017,
         "Proceedings of the Pretend Hydroinformatics Conference"),
    ]),
    "unknown_md_dashes.md": ("Noor Vasquez-Lindahl", [
        ("Tone-aware tokenizers for Yoruba-like languages", ["Vasquez-Lindahl", "Udeh", "Rasmussen"], 2024,
         "Findings of the Pretend ACL"),
        ("Counting phonemes without labels", ["Udeh", "Vasquez-Lindahl"], 2022, "Interspeech-ish"),
        ("A tiny corpus of whistled speech", ["Vasquez-Lindahl"], 2020, "Language Resources and Invention"),
    ]),
    "unknown_table_by_year.html": ("Ruth Okonjo-Baptiste", [
        ("Railways and the price of salt in invented colonies", ["Okonjo-Baptiste", "Feldmann"], 2022,
         "Journal of Fictional Economic History"),
        ("Credit without banks: pawning in an imaginary port city", ["Okonjo-Baptiste"], 2020, "Invented History Review"),
        ("Counting coins: a new dataset of hoards", ["Feldmann", "Okonjo-Baptiste", "Marsh"], 2018,
         "Explorations in Made-Up History"),
    ]),
    "unknown_br_lines.html": ("Kofi Mensah-Arndt", [
        ("Learning to grasp transparent mugs from invented depth", ["Mensah-Arndt", "Schäfer", "Petrov"], 2023,
         "International Conference on Imaginary Robotics (ICIR)"),
        ("Tactile sensing with foam: a pretend study", ["Schäfer", "Mensah-Arndt"], 2022, "Workshop on Made-Up Manipulation at CoRL"),
    ]),
    "unknown_blocks_plain.txt": ("Alina Voronova", [
        ("Shallow water solvers on invented GPUs", ["Voronova", "Quintero", "Ibáñez"], 2022, "Journal of Pretend Computational Physics"),
        ("Adaptive meshes for fictional tsunamis", ["Quintero", "Voronova"], 2021, "SIAM Journal on Imaginary Computing"),
        ("A note on discretising nothing at all", ["Voronova"], 2021, "arXiv"),
    ]),
    "unknown_md_apa_bold.md": ("Y. Nakamura", [
        ("Soil microbes that do not exist: a census", ["Lindqvist", "Nakamura", "Osei"], 2024, "Pretend Ecology Letters"),
        ("Invented fungi and where to find them", ["Nakamura"], 2021, "Journal of Imaginary Mycology"),
        ("Root networks in toy forests", ["Nakamura", "Brandt"], 2019, "Proceedings of the Made-Up Botany Meeting"),
    ]),
    "unknown_semantic_classes.html": ("Ines Moreau", [
        ("Cold atoms in warm invented traps", ["Moreau", "Nakamura", "Lefèvre"], 2021, "Physical Review Pretend A"),
        ("Counting photons that were never emitted", ["Lefèvre", "Moreau"], 2020, "Optics Imaginary Letters"),
    ]),
}


@pytest.mark.parametrize("name", sorted(UNKNOWN_STYLES))
def test_unknown_styles_give_titled_authored_records(name: str):
    owner, expected = UNKNOWN_STYLES[name]
    result = _extract(HOMEPAGE_FIXTURES / name)
    assert result.profile.person == owner
    got = [(r.title, [a.family for a in r.authors], r.year, r.venue) for r in result.records]
    assert got == expected

def _records(name: str):
    result = _extract(HOMEPAGE_FIXTURES / name)
    return result, {r.title: r for r in result.records}


def test_scholar_profile_quirks():
    result, by_title = _records("scholar_profile_modern.html")
    assert result.profile.person == "Ottilie Brennan-Vasquez"  # bidi marks gone
    assert result.profile.affiliations == ["Université de Nordhaven"]
    bench = by_title["A community benchmark of ice-sheet surface mass balance models"]
    assert "authors-truncated" in bench.flags and "venue-truncated" in bench.flags
    assert "…" not in (bench.venue or "")
    basal = by_title["Basal melt of tidewater glaciers under warming fjords"]
    assert basal.venue == "Journal of Glaciological Studies" and basal.year == 2023
    assert by_title["Crevasse detection from sparse radar soundings"].year is None


def test_scholar_2014_markup_and_title_owner():
    result, by_title = _records("scholar_profile_2014.html")
    assert result.profile.person == "Joaquín Oyelaran-Mäkinen"
    modems = by_title["Acoustic modems for shallow reefs"]
    assert modems.year is None and modems.venue == "Reef Engineering Handbook"


def test_scholar_wall_is_not_a_profile():
    result = _extract(HOMEPAGE_FIXTURES / "scholar_wall.html")
    assert result.manifest.status == "not-a-profile"
    assert "wall" in (result.manifest.reason or "")


def test_jemdoc_duplicate_kept_and_talk_skipped():
    result, _ = _records("jemdoc_publications.html")
    titles = [r.title for r in result.records]
    assert titles.count("Certified Randomness from Two Untrusted Clocks") == 2
    assert "Why Clocks Drift: A Tutorial" not in titles
    assert result.profile.person == "Saoirse Nakagawa-Petit"


def test_handwritten_homepage_fields():
    result, by_title = _records("homepage_handwritten.html")
    assert result.profile.person == "Mei-Ling Aranda"
    assert "Efficient Tiling for Heterogeneous Memory" in by_title  # U+FB01 ligature decoded
    pldi = by_title["Vectorizing Irregular Loops with Speculative Masks"]
    assert pldi.year == 2021  # from the [PLDI'21] tag
    assert [a.name for a in pldi.authors] == ["Tomasz Wiśniewski", "Mei-Ling Aranda", "Oren Gal"]


def test_nextjs_payload_counts_each_paper_once():
    result, by_title = _records("nextjs_publications.txt")
    assert result.profile.person == "Yuki Nakamura"
    eigen = by_title["Eigenvalue Bounds for Random Lattice Graphs"]
    assert eigen.abstract.startswith("We bound the $k$-th eigenvalue")
    assert eigen.date == "2023-03"
    result, by_title = _records("nextjs_bibtex_only.txt")
    fast = by_title["Fast Recognition of Imaginary Graph Classes"]
    assert [a.name for a in fast.authors] == ["Frédéric Schön", "Adaeze Okoro"]  # LaTeX accents


# ------------------------------------------------------------------ real dev pages (../shared)

DEV_LABELS = {
    "scholar_profile_2025_amIMrIEAAAAJ.html": dict(
        ingestor="scholar_html", kind="listing", count=20, person="Bangar Raju Cherukuri",
        titles={"AI-powered personalization: How machine learning is shaping the future of user experience": (2024, "BR Cherukuri")}),
    "scholar_profile_2014_browser_saved_schreij.html": dict(
        ingestor="scholar_html", kind="listing", count=15, person="Daniël Schreij",
        titles={"What is top-down about contingent capture?": (2010, "AV Belopolsky"),
                "Attention to Emerging Objects": (2012, "DBB Schreij")}),
    "scholar_negative_signin_wall.html": dict(ingestor="scholar_html", kind="not-a-profile", count=0, person=None, titles={}),
    "acl_anthology_person_2021_madsack.html": dict(
        ingestor="acl_anthology_html", kind="listing", count=5, person="Andreas Madsack",
        titles={"A working, non-trivial, topically indifferent NLG System for 17 languages": (2017, "Robert Weißgraeber")}),
    "academicpages_castro_2010-prole.md": dict(
        ingestor="academicpages_md", kind="homepage", count=1, person=None,
        titles={"A Case Study on Verifying a Supervisor Component Using McErlang": (2010, "David Castro")}),
    "academicpages_castro_2019-popl.md": dict(ingestor="academicpages_md", kind="homepage", count=1, person=None, titles={}),
    "academicpages_castro_2026-popl-toappear.md": dict(
        ingestor="academicpages_md", kind="homepage", count=1, person=None,
        titles={"A Synthetic Reconstruction of Multiparty Session Types": (2026, "David Castro-Perez")}),
    "hugo_academic_feng_2021NatCommun_index.md": dict(ingestor="hugo_academic_md", kind="homepage", count=1, person=None, titles={}),
    "homepage_jemdoc_coudron_publications_txt_is_html.txt": dict(
        ingestor="jemdoc", kind="homepage", count=6, person="Matthew Coudron",
        titles={"Robust Randomness Amplifiers: Upper and Lower Bounds": (2013, "Matthew Coudron")}),
    "homepage_jemdoc_coudron_source.jemdoc": dict(
        ingestor="jemdoc", kind="homepage", count=5, person="Matthew Coudron",
        titles={"Unfrustration Condition and Degeneracy of Qudits on Trees": (2013, "Matthew Coudron")}),
    "homepage_html_khou_2020_handwritten.html": dict(
        ingestor="generic_homepage", kind="homepage", count=13, person="Kaixi Hou",
        titles={"Highly Efficient Compensation-based Parallelism for Wavefront Loops on GPUs": (2018, "Kaixi Hou"),
                "A Framework for the Automatic Vectorization of Parallel Sort on x86-based Processors": (2018, "Kaixi Hou")}),
    "homepage_nextjs_rsc_payload_dallard_publications.txt": dict(
        ingestor="nextjs_payload", kind="homepage", count=35, person="Clément Dallard",
        titles={"Awesome graph parameters": (2025, "Kenny Bešter Štorgel")}),
}


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(DEV_LABELS))
def test_dev_page_labels(name: str):
    labels = DEV_LABELS[name]
    result = _extract(shared_path("pages", name))
    assert result.manifest.ingestor == labels["ingestor"]
    assert result.profile.kind == labels["kind"]
    assert len(result.records) == labels["count"]
    assert result.profile.person == labels["person"]
    by_title = {r.title: r for r in result.records}
    for title, (year, first_author) in labels["titles"].items():
        assert title in by_title, title
        assert by_title[title].year == year
        assert by_title[title].authors[0].name == first_author


@pytest.mark.shared
def test_dev_page_details():
    result = _extract(shared_path("pages", "scholar_profile_2014_browser_saved_schreij.html"))
    assert result.profile.affiliations == ["VU University Amsterdam"]
    truncated = [r.title for r in result.records if "authors-truncated" in r.flags]
    assert truncated == ["OpenSesame Opens the Door to Open-Source and User-Friendly Eye-Tracking Research"]

    acl = _extract(shared_path("pages", "acl_anthology_person_2021_madsack.html"))
    assert [r.year for r in acl.records] == [2019, 2018, 2018, 2018, 2017]
    assert sum(r.abstract is not None for r in acl.records) == 4

    prole = _extract(shared_path("pages", "academicpages_castro_2010-prole.md")).records[0]
    assert [a.name for a in prole.authors][1:4:2] == ["Víctor M. Gulías", "Lars-Åke Fredlund"]
    assert prole.venue == "PROLE" and prole.abstract.startswith("In this paper we present")
    popl = _extract(shared_path("pages", "academicpages_castro_2019-popl.md")).records[0]
    assert popl.venue == "PACMPL 3(POPL)" and "\n\n" in popl.abstract  # paragraphs kept
    thesis = _extract(shared_path("pages", "academicpages_castro_2018-thesis.md")).records[0]
    assert thesis.venue == "University of St Andrews, UK"
    toappear = _extract(shared_path("pages", "academicpages_castro_2026-popl-toappear.md")).records[0]
    assert toappear.abstract is None and "to appear" in (toappear.note or "")

    hugo = _extract(shared_path("pages", "hugo_academic_feng_2021NatCommun_index.md")).records[0]
    assert hugo.venue == "Nature Communications" and hugo.date == "2021-02-02"
    assert hugo.ids.doi == "10.1038/s41467-021-21007-8" and len(hugo.authors) == 5

    jemdoc = _extract(shared_path("pages", "homepage_jemdoc_coudron_publications_txt_is_html.txt"))
    titles = [r.title for r in jemdoc.records]
    assert titles.count("Infinite Randomness Expansion with a Constant Number of Devices") == 2
    assert "Testing Untrusted Devices via Quantum Mechanics" not in titles

    khou = _extract(shared_path("pages", "homepage_html_khou_2020_handwritten.html"))
    assert all(r.year for r in khou.records) and all(r.venue for r in khou.records)
    assert "NVIDIA" in khou.profile.affiliations

    dallard = _extract(shared_path("pages", "homepage_nextjs_rsc_payload_dallard_publications.txt"))
    assert all(r.abstract for r in dallard.records)
    titles = [r.title for r in dallard.records]
    assert titles.count("Computing Tree Decompositions with Small Independence Number") == 2  # journal + ICALP


@pytest.mark.shared
def test_seed_pages_are_not_claimed():
    from extract import registry
    from extract.page import Page

    mine = {"scholar_html", "acl_anthology_html", "academicpages_md", "hugo_academic_md", "jemdoc", "nextjs_payload"}
    for seed in sorted(RAW.iterdir()):
        module, _, _ = registry.choose(Page.from_bytes(seed.read_bytes(), seed.name))
        assert module.NAME not in mine, seed.name


# ------------------------------------------------------------------ decode_bytes

_WESTERN = "José Ramírez, Zoë Müller – “Naïve façades”, Straße 2019"


@pytest.mark.parametrize("encoding,text", [
    ("cp1252", f"<html><body><p>{_WESTERN}</p></body></html>"),
    ("latin-1", "Müller, Jürgen. Über Straßen und Brücken. Zürich: Verlag, 1998. Señor Ñandú"),
    ("utf-16", f"Publications: {_WESTERN} 日本語"),  # with BOM
    ("utf-16-le", f"Publications: {_WESTERN}"),
    ("utf-16-be", f"Publications: {_WESTERN}"),
    ("utf-8-sig", _WESTERN),
    ("cp1250", "Zażółć gęślą jaźń. Paweł Świątek, Kraków 2019. Łódź i Wrocław, Gdańsk"),
    ("koi8-r", "Публикации: Иванов И. И., Петров П. П. Теория графов. Москва, 2015. Статьи и доклады"),
])
def test_decode_bytes_encodings(encoding: str, text: str):
    from extract.page import decode_bytes

    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_decode_bytes_declared_latin1_means_cp1252():
    from extract.page import decode_bytes

    page = '<html><head><meta charset="iso-8859-1"></head><body>Zoë “quoted” – 2019</body></html>'
    decoded, encoding = decode_bytes(page.encode("cp1252"))
    assert decoded == page and encoding == "cp1252"


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_decode_bytes_repairs_mojibake(wrong: str):
    from extract.page import decode_bytes

    text = "José Ramírez and Zoë Müller – Naïve"
    decoded, _ = decode_bytes(text.encode("utf-8").decode(wrong).encode("utf-8"))
    assert decoded == text
    assert decode_bytes("RamÃ­rez".encode("utf-8"))[0] == "Ramírez"


def test_decode_bytes_nfc_and_entities_through_html():
    from extract.fields.html import node_text
    from extract.page import Page

    nfd = unicodedata.normalize("NFD", "<p>Daniël Mathôt &#20399;&#20975;&#24076; Ef\ufb01cient</p>")
    page = Page.from_bytes(codecs.BOM_UTF8 + nfd.encode("utf-8"), "p.html")
    assert page.text == unicodedata.normalize("NFC", page.text)
    from extract.fields.text import clean_text

    assert clean_text(node_text(page.soup())) == "Daniël Mathôt 侯凯希 Efficient"


# ------------------------------------------------------------------ helpers

def test_front_matter_falls_back_line_wise():
    from extract.fields import frontmatter

    syntax, front, body = frontmatter.split("---\ntitle: A: broken\nauthors:\n- Ann Lee\n- 'Bo Chen'\nyear: 2020\n---\nBody\n")
    data, strict = frontmatter.parse(syntax, front)
    assert not strict
    assert data == {"title": "A: broken", "authors": ["Ann Lee", "Bo Chen"], "year": "2020"}
    assert body == "Body\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=6))
def test_flight_rows_read_text_chunks_back(chunks):
    from extract.ingestors.nextjs_payload import flight_rows

    payload = b'1:"$Sreact.fragment"\n'
    for i, chunk in enumerate(chunks):
        data = chunk.encode("utf-8", errors="surrogatepass")
        payload += f"{i + 2:x}:T{len(data):x},".encode() + data
    payload += b'0:["$","div",null,{}]\n'
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates cannot be a real page
    rows = [(rid, value) for rid, tag, value in flight_rows(text) if tag == "T"]
    assert rows == [(f"{i + 2:x}", chunk) for i, chunk in enumerate(chunks)]


@pytest.mark.parametrize("line,expected", [
    ("Research Scientist, Google DeepMind", ["Google DeepMind"]),
    ("Professor of Computer Science, Stanford University", ["Stanford University"]),
    ("PhD student at MIT", ["MIT"]),
    ("VU University Amsterdam", ["VU University Amsterdam"]),
    ("Senior .NET Web Developer", []),
])
def test_scholar_affiliation_line(line, expected):
    from bs4 import BeautifulSoup

    from extract.ingestors.scholar_html import _affiliations

    assert _affiliations(BeautifulSoup(f'<div class="gsc_prf_il">{line}</div>', "lxml")) == expected


def test_scholar_venue_split():
    from extract.ingestors.scholar_html import split_venue

    assert split_venue("Cognition 113 (1), 111-116") == ("Cognition", "113 (1), 111-116", False)
    assert split_venue("Sciences (WJAETS) 5 (1 …") == ("Sciences (WJAETS)", None, True)
    assert split_venue("Attention to Emerging Objects, 45, 0") == ("Attention to Emerging Objects", "45", False)


_WORDS = st.sampled_from(["Ana", "Lee", "and", ",", ".", "“", "”", "[PLDI'19]", "2019", "In", "Proceedings",
                          "of", "<b>", "</b>", "<i>", "</i>", "<br/>", "(to appear)", "…", "et al.", "Graphs", "—"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=40))
def test_html_entry_reader_never_raises(words):
    """Any mix of names, markup, tags and punctuation in a list item yields an Entry or None."""
    from extract.ingestors.homepage_html import parse_html_entry
    from extract.page import Page

    page = Page.from_text("<ul><li>" + " ".join(words) + "</li></ul>", "p.html")
    li = page.soup().find("li")
    entry = parse_html_entry(li, li.get_text(" "), [])
    assert entry is None or entry.title


def test_details_toggles_abstract_inside_an_entry_and_entries_inside_a_year():
    """A toggle of one entry's abstract belongs to that entry; a toggle named by a year holds
    entries of its own."""
    from extract import extract_page

    abstract_page = b"""<html><head><title>Ines Varga</title></head><body><h1>Ines Varga</h1><h2>Publications</h2><ul>
<li><strong>Tidal mixing in invented fjords</strong> (joint with Amaru Quispe)<br><em>Journal of Pretend Oceanography</em>, 2022.
<details><summary>Abstract</summary><p>We study mixing in fjords that do not exist, with instruments that were never built.</p></details></li>
<li><strong>Sediment pulses after imaginary floods</strong> (joint with Hanna Lind)<br><em>Earth Surface Fictions</em>, 2020.
<details><summary>Abstract</summary><p>Floods that never happened still move sediment in our models of them.</p></details></li>
</ul></body></html>"""
    result = extract_page("abstracts.html", abstract_page)
    assert sorted(r.title for r in result.records) == ["Sediment pulses after imaginary floods", "Tidal mixing in invented fjords"]
    assert all(r.venue for r in result.records)

    year_page = b"""<html><head><title>Ines Varga</title></head><body><h1>Ines Varga</h1><h2>Publications</h2><ul>
<li><details><summary>2021</summary>
<p>I. Varga, A. Quispe. Tidal mixing in invented fjords. Journal of Pretend Oceanography, 12:1-9, 2021.</p>
<p>H. Lind, I. Varga. Sediment pulses after imaginary floods. Earth Surface Fictions, 3:4-5, 2021.</p>
</details></li></ul></body></html>"""
    result = extract_page("years.html", year_page)
    assert len(result.records) == 2


# ---- shapes met in blind batches 22 and 23 (pages written here, inline) -----------------------------

def _page(name: str, text: str):
    from extract import extract_page

    return extract_page(name, text.encode("utf-8"))


def test_semantic_scholar_cards_copied_as_text():
    text = "\n".join([
        "Mira Olsen", "Example University", "Publications", "12", "h-index", "5", "Citations", "300",
        "Figure 1 for Sparse probes of tidal mixing in fjords",
        "Sparse probes of tidal mixing in fjords",
        "Mira Olsen, Ana Ruiz, +3 authors Kofi Mensah",
        "Environmental Science", "Journal of Marine Systems", "2024", "TLDR", "A sentence of summary.", "Expand",
        "37", "Citations", "Save", "Alert button", "Cite", "",
        "Eddy fluxes in a made-up shelf sea",
        "Ana Ruiz, Mira Olsen", "Computer Science", "15 May 2021", "Expand", "2", "Citations",
    ])
    result = _page("s2_profile.txt", text)
    works = {r.title: r for r in result.records}
    assert result.profile.person == "Mira Olsen"
    first = works["Sparse probes of tidal mixing in fjords"]
    assert [a.family for a in first.authors] == ["Olsen", "Ruiz", "Mensah"] and "authors-truncated" in first.flags
    assert (first.venue, first.year) == ("Journal of Marine Systems", 2024)
    second = works["Eddy fluxes in a made-up shelf sea"]
    assert (second.venue, second.year) == (None, 2021)  # "Computer Science" is a field of study


def test_html_year_paragraphs_badges_and_link_rows():
    html = """<html><body><h1>Jo Example</h1>
    <p><a href="https://scholar.example.org">Google Scholar</a> | <a href="cv.pdf">Curriculum Vitae (PDF)</a></p>
    <h2>Selected Publications</h2>
    <p><strong>2023</strong><br>
    Example, J., Doe, A.* and Roe, P. Fatigue of invented steel girders under made-up loads. <em>Engineering Structures</em>, 281, 115740.<br>
    Brandt, R.* and Example, J. A field study of thermal gradients in pretend bridges. <em>Journal of Bridge Engineering</em>, 28(4), 11.</p>
    <div class="card"><h4 class="card-title">Relightable fields from casual phone captures</h4>
    <p class="authors"><strong>Jo Example</strong>, Rohan Mehta</p>
    <span class="badge">CVPR 2024</span> <span class="badge">Oral</span></div>
    </body></html>"""
    result = _page("jo.html", html)
    works = {r.title: r for r in result.records}
    assert set(works) == {"Fatigue of invented steel girders under made-up loads",
                          "A field study of thermal gradients in pretend bridges",
                          "Relightable fields from casual phone captures"}
    assert works["A field study of thermal gradients in pretend bridges"].year == 2023  # from the bold year
    assert works["Relightable fields from casual phone captures"].venue == "CVPR"


def test_an_email_sending_a_list_and_a_cms_export_with_talks():
    email = ("From: Siobhán Example <s.example@uni.example.ie>\nSubject: Re: list\n\nHi,\n\nSelected publications\n\n"
             "1. Seasonal hypoxia in an invented fjord — with R. Castellanos and T. Lindahl.\n"
             "   Journal of Marine Systems, 2023.\n\n"
             "2. Eddy-driven transport on a made-up bank — sole author.\n   Progress in Oceanography, 2021.\n")
    result = _page("mail.txt", email)
    assert result.profile.person == "Siobhán Example"
    works = {r.title: r for r in result.records}
    assert [a.family for a in works["Seasonal hypoxia in an invented fjord"].authors] == ["Castellanos", "Lindahl"]
    assert works["Eddy-driven transport on a made-up bank"].authors == []
    import json

    cms = {"publications": [
        {"type": "journal-article", "title": "A made-up paper on diffusion metrics", "authors": ["Y. Demir"], "venue": "NeuroImage", "year": 2024},
        {"type": "preprint", "title": "Another invented preprint here", "authors": ["Y. Demir"], "venue": "bioRxiv", "year": 2025},
        {"type": "talk", "title": "Can we trust these metrics?", "authors": ["Y. Demir"], "venue": "OHBM", "year": 2023},
        {"type": "software", "title": "dwiprep-lite", "authors": ["Y. Demir"], "venue": "GitHub", "year": 2023,
         "counts_as_publication": False}]}
    result = _page("lab.json", json.dumps(cms))
    assert sorted(r.title for r in result.records) == ["A made-up paper on diffusion metrics", "Another invented preprint here"]


def test_shapes_of_batch_24():
    # an arXiv author listing copied as text: the Journal-ref gives venue and year
    listing = ("Ada Example's articles on arXiv\n[1] arXiv:2403.05561 [cs.LG]  [pdf, other]\n"
               "Title: Message passing with learned edge dropout for made-up molecules\n"
               "Authors: Ada Example, Jan van der Berg\nComments: 22 pages\n"
               "Journal-ref: Transactions on Machine Learning Research (TMLR), 2024\nSubjects: Machine Learning (cs.LG)\n\n"
               "[2] arXiv:2302.09876 [cs.LG]  [pdf, other]\nTitle: On the expressivity of invented transformers\n"
               "Authors: Jan van der Berg, Ada Example\nComments: Under review\nSubjects: Machine Learning (cs.LG)\n")
    works = {r.title: r for r in _page("arxiv.txt", listing).records}
    first = works["Message passing with learned edge dropout for made-up molecules"]
    assert (first.venue, first.year) == ("Transactions on Machine Learning Research (TMLR)", 2024)
    assert works["On the expressivity of invented transformers"].year is None
    # several entries in one <dd>, set apart by a blank line
    html = ("<html><body><h1>R. Example</h1><h2>Papers</h2><dl><dt><b>2023</b></dt><dd>"
            "R. Example, P. Varga.<br><b>Faster schemes for an invented forest problem.</b><br>"
            "In <i>Proceedings of SODA 2023</i>, pages 1-9.<br><br>"
            "R. Example.<br><b>A note on a made-up relaxation gap.</b><br>Preprint, <i>arXiv</i>:2305.01122, 2023.</dd></dl>"
            "</body></html>")
    titles = sorted(r.title for r in _page("dl.html", html).records)
    assert titles == ["A note on a made-up relaxation gap", "Faster schemes for an invented forest problem"]
    # Notion's "Title · Venue · Year · Authors", one author written in full, an award mark
    notion = ("# Tobias Example\n\n## Publications\n\n"
              "- Calm technology revisited: a made-up review · Interactions · 2024 · Tobias Example\n\n"
              "- Designing for invented interruptions · CHI Conference (CHI '23) · 2023 · Tobias Example, Elsa Lund ⭐ Honorable Mention\n")
    works = {r.title: r for r in _page("notion.md", notion).records}
    assert [a.family for a in works["Calm technology revisited: a made-up review"].authors] == ["Example"]
    assert [a.family for a in works["Designing for invented interruptions"].authors] == ["Example", "Lund"]


def test_a_workshop_programme_is_not_a_profile():
    people = [("Nadia Rahman", "Felipe Arroyo"), ("Hannah Osei", "Marcus Lindgren"), ("Tomasz Wiśniewski", "Laila Haddad"),
              ("Oliver Brandt", "Sun-hee Cho"), ("Amelia Rosetti", "David Kamau"), ("Wei Chen", "Rohan Mehta")]
    topics = ["ride-hailing forecasts", "satellite shift", "rain downscaling", "street-view privacy", "flood maps", "traffic graphs"]
    items = "".join(f"<li><span class='paper-title'>Auditing invented fairness in {t}</span><br>"
                    f"<span class='paper-authors'>{a}, {b}</span></li>" for t, (a, b) in zip(topics, people))
    html = (f"<html><body><h1>Accepted Papers</h1><h2>Oral Presentations</h2><ol>{items}</ol>"
            "<h2>Keynote Speakers</h2><ul><li><strong>Prof. Ann Example</strong> — “What makes AI trustworthy?”</li></ul>"
            "</body></html>")
    result = _page("workshop.html", html)
    assert result.profile.kind == "not-a-profile" and result.records == []


@pytest.mark.parametrize("line, name", [
    ("Dr.-Ing. Konstantin Example", "Konstantin Example"),
    ("BABATUNDE A. EXAMPLE, PhD, MPH", "Babatunde A. Example"),
    ("森本 剛 モリモト タケシ (Takeshi Morimoto)", "Takeshi Morimoto"),
    ("ResearchGate Logo", None),
    ("Oral Presentations", None),
    ("Anna Ma", "Anna Ma"),  # a family name that is no degree
])
def test_owner_names_from_header_lines(line, name):
    from extract.fields.names import owner_name

    assert owner_name(line) == name


def test_shapes_of_batch_25():
    # a Chicago humanities list with the owner implicit: books in italics with their imprint, a
    # co-author note before a quoted title
    md = ("# Catriona Example\n\n## Books\n\n- *Kirk, Kin and Commerce: Highland Women and an Invented Trade, 1690–1760* "
          "(Edinburgh: Edinburgh University Press, 2019).\n\n## Journal articles\n\n"
          "- (with Ruaridh Grant) \"Gaelic letters and the language of made-up debt,\" *Northern Scotland* 14, no. 1 (2023): 1–26.\n"
          "- \"Credit, kinship and the invented parish,\" *Journal of Social History* 55, no. 1 (2021): 88–114.\n")
    works = {r.title: r for r in _page("historian.md", md).records}
    book = works["Kirk, Kin and Commerce: Highland Women and an Invented Trade, 1690–1760"]
    assert (book.authors, book.venue, book.year) == ([], "Edinburgh University Press", 2019)
    assert [a.family for a in works["Gaelic letters and the language of made-up debt"].authors] == ["Grant"]
    assert works["Credit, kinship and the invented parish"].venue == "Journal of Social History"
    # a workshop programme copied as text is nobody's profile
    programme = "EX 2024 — Workshop on Invented Things\n\nPROGRAM\n\n" + "\n".join(
        f"{9 + k:02d}:00 – {9 + k:02d}:45  Session {k}: a talk on invented topic {k}\n               Speaker Name{k}" for k in range(6))
    assert _page("programme.txt", programme).profile.kind == "not-a-profile"


def test_shapes_of_batch_27():
    # a 1990s page's list in <pre>, the owner implicit, "(with …)" notes
    html = ("<html><body><h1>Piotr Example</h1><h2>Papers</h2><pre>\n"
            "[1] Quasisymmetric maps between invented spaces, Ph.D. thesis,\n    University of Michigan, 1992.\n\n"
            "[2] Capacity estimates for condensers in made-up groups,\n    Proc. Amer. Math. Soc. 121 (1994), no. 4, 1129--1138.   MR 1204372\n\n"
            "[3] (with R. Castellanos) On the boundary behaviour of invented mappings,\n    J. Anal. Math. 67 (1995), 89--121.\n"
            "</pre><h2>Talks</h2><ul><li>Quasicircles, AMS Meeting, 1997.</li></ul></body></html>")
    works = {r.title: r for r in _page("math.html", html).records}
    assert set(works) == {"Quasisymmetric maps between invented spaces", "Capacity estimates for condensers in made-up groups",
                          "On the boundary behaviour of invented mappings"}
    assert works["Capacity estimates for condensers in made-up groups"].venue == "Proc. Amer. Math. Soc"
    assert [a.family for a in works["On the boundary behaviour of invented mappings"].authors] == ["Castellanos"]
    # an ADS export: "Pub Date: 02/2024" dates the record; software is no publication
    ads = ("Library owner: Mariana Example\n\n"
           "Bibcode:   2024arXiv240201234E\nTitle:     Dust temperatures in invented star-forming\n           galaxies at cosmic noon\n"
           "Authors:   Example, Mariana; Ferreira, Lucas; and 14 colleagues\nJournal:   arXiv e-prints, arXiv:2402.01234\n"
           "Pub Date:  02/2024\nDoctype:   eprint\n\n"
           "Bibcode:   2023ApJ...945..112E\nTitle:     A made-up view of obscured star formation\n"
           "Authors:   Example, Mariana; Nakamura, Rei\nJournal:   The Astrophysical Journal, Volume 945, id.112\n"
           "Pub Date:  03/2023\nDoctype:   article\n\n"
           "Bibcode:   2023ascl.soft01001E\nTitle:     protocubes: reduced invented data cubes\n"
           "Authors:   Example, Mariana\nJournal:   Astrophysics Source Code Library\nPub Date:  01/2023\nDoctype:   software\n")
    records = _page("ads.txt", ads).records
    assert [(r.title, r.year) for r in records] == [
        ("Dust temperatures in invented star-forming galaxies at cosmic noon", 2024),
        ("A made-up view of obscured star formation", 2023)]
    assert [a.family for a in records[0].authors] == ["Example", "Ferreira"]
