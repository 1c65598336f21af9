"""Unit and property tests for the field extractors: names, dates, identifiers."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.fields.dates import find_year, is_date_line, parse_date
from extract.fields.ids import find_arxiv, find_doi, find_openreview, find_urls, normalise_arxiv, normalise_doi
from extract.fields.names import clean_name, split_author_list, split_name

# ------------------------------------------------------------------ names


@pytest.mark.parametrize("raw, name", [
    ("Babuschkin, Igor", "Igor Babuschkin"),
    ("Babuschkin,\u00a0Igor", "Igor Babuschkin"),
    ("Demis Hassabis.", "Demis Hassabis"),
    ("Yuan*, Zhihang", "Zhihang Yuan"),
    ("Lee^, Yong Jae", "Yong Jae Lee"),
    ("Kaixi Hou*", "Kaixi Hou"),
    ("J.Dauwels", "J. Dauwels"),
    ("S.M. Ali Eslami", "S.M. Ali Eslami"),
    ("Michae\u0308l Mathieu", "Michaël Mathieu"),
    ("  Ada   Lovelace\u202c ", "Ada Lovelace"),
])
def test_clean_name(raw, name):
    assert clean_name(raw) == name


@pytest.mark.parametrize("name, given, family", [
    ("Igor Babuschkin", "Igor", "Babuschkin"),
    ("Cyprien de Masson d’Autume", "Cyprien", "de Masson d’Autume"),
    ("Aaron van den Oord", "Aaron", "van den Oord"),
    ("Daniel J. Mankowitz", "Daniel J.", "Mankowitz"),
    ("Heidegger M", "M", "Heidegger"),
    ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
    ("Plato", None, "Plato"),
    ("J. E. Hopcroft", "J. E.", "Hopcroft"),
    ("Hado Van Hasselt", "Hado", "Van Hasselt"),
    ("Babuschkin, Igor", "Igor", "Babuschkin"),
    ("Xue Bin Peng", "Xue Bin", "Peng"),  # a capitalised "Bin" is a given name
    ("Ahmad bin Hassan", "Ahmad", "bin Hassan"),
    ("Mohammad Al Hasan", "Mohammad", "Al Hasan"),
    ("José Ortega y Gasset", "José", "Ortega y Gasset"),
])
def test_split_name(name, given, family):
    parts = split_name(name)
    assert (parts.given, parts.family) == (given, family)


@pytest.mark.parametrize("text, names, truncated", [
    ("Stanislas Polu, Jesse Michael Han, and Ilya Sutskever", ["Stanislas Polu", "Jesse Michael Han", "Ilya Sutskever"], False),
    ("J.Dauwels, F.Vialatte, T. Musha and A.Cichocki", ["J. Dauwels", "F. Vialatte", "T. Musha", "A. Cichocki"], False),
    ("Knuth, Donald E. and Lovelace, Ada", ["Donald E. Knuth", "Ada Lovelace"], False),
    ("Smith, J., Doe, A.", ["J. Smith", "A. Doe"], False),
    ("Ada Lovelace; Turing, Alan", ["Ada Lovelace", "Alan Turing"], False),
    ("A Author, B Writer, ...", ["A Author", "B Writer"], True),
    ("A Author, B Writer …", ["A Author", "B Writer"], True),
    ("A Author et al.", ["A Author"], True),
    ("", [], False),
    ("Elena Ruiz-Castellanos, Nicolás Echeverría y Lucía Barragán",
     ["Elena Ruiz-Castellanos", "Nicolás Echeverría", "Lucía Barragán"], False),
    ("H. Fensterheim e H.G. Birch", ["H. Fensterheim", "H.G. Birch"], False),
    ("de la Fuente, A. M. y Peñalver, J.", ["A. M. de la Fuente", "J. Peñalver"], False),
    ("José Ortega y Gasset, María Zambrano", ["José Ortega y Gasset", "María Zambrano"], False),
])
def test_split_author_list(text, names, truncated):
    result = split_author_list(text)
    assert result.names == names
    assert result.truncated is truncated


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_name_functions_never_raise_and_clean_is_idempotent(text):
    cleaned = clean_name(text)
    assert clean_name(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    split_name(cleaned)
    for name in split_author_list(text).names:
        assert name and name == name.strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}", fullmatch=True)
                .filter(lambda n: n.split()[0].lower() not in ("and", "et", "und")), min_size=1, max_size=8))
def test_split_author_list_recovers_joined_names(names):
    # (a given name spelled like the separator, "And Aa", is ambiguous by construction)
    assert split_author_list(", ".join(names)).names == names
    if len(names) > 1:
        joined = ", ".join(names[:-1]) + ", and " + names[-1]
        assert split_author_list(joined).names == names

# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("text, date, year", [
    ("Aug 07, 2023", "2023-08-07", 2023),
    ("March 2021", "2021-03", 2021),
    ("2019", None, 2019),
    ("2021-02-02T00:00:00Z", "2021-02-02", 2021),
    ("2014-06", "2014-06", 2014),
    ("7 August 2023", "2023-08-07", 2023),
    ("no date here", None, None),
    ("", None, None),
    ("3000", None, None),
])
def test_parse_date(text, date, year):
    assert parse_date(text) == (date, year)


def test_partial_dates_never_take_todays_day():
    # a month-precision date must not silently become "today's" day of that month
    assert parse_date("March 2021").date == "2021-03"


def test_is_date_line_and_find_year():
    assert is_date_line("Aug 07, 2023") and is_date_line("2021-03-04")
    assert not is_date_line("Published in 2021 at NeurIPS")
    assert find_year("NeurIPS 2016, pages 1-9") == 2016
    assert find_year("arXiv:2106.09608") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_date_never_raises_and_is_consistent(text):
    date, year = parse_date(text)
    if date:
        assert year is not None and date.startswith(f"{year:04d}")
    if year is not None:
        assert 1900 <= year <= 2100


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2090, 12, 31)))
def test_iso_dates_round_trip(day):
    assert parse_date(day.isoformat()) == (day.isoformat(), day.year)

# ------------------------------------------------------------------ ids


@pytest.mark.parametrize("text, arxiv", [
    ("https://arxiv.org/abs/2202.01344", "2202.01344"),
    ("https://arxiv.org/pdf/2202.01344v3.pdf", "2202.01344"),
    ("arXiv:1711.10433v2", "1711.10433"),
    ("http://arxiv.org/abs/astro-ph/0601001v1", "astro-ph/0601001"),
    ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
    ("see 2202.01344 somewhere", None),
])
def test_find_arxiv(text, arxiv):
    assert find_arxiv(text) == arxiv


def test_normalise_ids():
    assert normalise_arxiv("2106.09608v2") == "2106.09608"
    assert normalise_arxiv("not an id") is None
    assert normalise_doi("https://doi.org/10.1038/S41586-019-1724-Z.") == "10.1038/s41586-019-1724-z"
    assert find_doi("doi:10.1145/1234567.890 (2019)") == "10.1145/1234567.890"
    assert find_openreview("previous version: https://openreview.net/forum?id=Np8Pumfoty ") == "Np8Pumfoty"
    assert find_openreview("https://openreview.net/pdf?id=abc_D-1&noteId=x") == "abc_D-1"
    assert find_openreview("https://example.org/?id=nope") is None
    assert find_urls("Code at https://github.com/openai/grok. See www.x.org") == ["https://github.com/openai/grok", "http://www.x.org"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_id_finders_never_raise(text):
    for value in (find_arxiv(text), find_doi(text), find_openreview(text)):
        assert value is None or isinstance(value, str)
    for url in find_urls(text):
        assert not url.endswith((".", ","))
    doi = find_doi(text)
    if doi:
        assert doi == doi.lower() and normalise_doi(doi) == doi


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"(0[7-9]|1[0-9]|2[0-5])(0[1-9]|1[0-2])\.\d{5}", fullmatch=True), st.integers(1, 9))
def test_arxiv_versions_are_dropped(base, version):
    assert find_arxiv(f"https://arxiv.org/abs/{base}v{version}") == base
    assert normalise_arxiv(f"{base}v{version}") == base


def test_a_phrase_quoted_inside_a_title_is_not_the_title():
    from extract.fields.citation import parse_citation, title_quote

    inside = "Whitlock, G. P. and Roe, I. Inflation Expectations and the “Anchoring” Puzzle: Evidence. Econ. Inq. 60 (2022)."
    assert title_quote(inside) is None
    assert parse_citation(inside).title != "Anchoring"
    standing = 'Doe, J. (2020). "Quoted Titles Stand After Separators," Journal of Tests, 3.'
    assert title_quote(standing).group(1) == "Quoted Titles Stand After Separators"
    assert parse_citation(standing).title == "Quoted Titles Stand After Separators"


def test_an_owner_known_by_initials_is_spelled_out_from_the_page():
    from extract.fields.names import spelled_out

    text = "Papers by Ana Lucía Fernández, with students of Dr. Camille Dufresne-Hart. Also A. Lucas Fernández."
    assert spelled_out("A. L. Fernández", text) == "Ana Lucía Fernández"
    assert spelled_out("C. Dufresne-Hart", text) == "Camille Dufresne-Hart"
    assert spelled_out("B. Fernández", text) is None  # the initials must match
    assert spelled_out("Camille Dufresne-Hart", text) is None  # already written out


# ---- two-word surnames, the owner's inverted name, quoted title heads ----------------------------

@pytest.mark.parametrize("text, families", [
    ("Ochoa Villalba, M. F. y Brennan, K.", ["Ochoa Villalba", "Brennan"]),
    ("García Márquez, Gabriel and Vargas Llosa, Mario", ["García Márquez", "Vargas Llosa"]),
    ("Peña Saldívar, J., Núñez Castro, A., Quispe Mamani, R. y Schäfer, T.",
     ["Peña Saldívar", "Núñez Castro", "Quispe Mamani", "Schäfer"]),
    ("Smith, J., Doe, A.", ["Smith", "Doe"]),
    ("van der Berg, A., Smith, J.", ["van der Berg", "Smith"]),
])
def test_inverted_lists_keep_two_word_surnames(text, families):
    from extract.ingestors.base import Entry, finalise_entry

    record = finalise_entry(Entry(title="A title", authors_text=text), "p", 0, "test")
    assert [a.family for a in record.authors] == families


def test_an_inverted_family_hint_never_swallows_a_label():
    split = split_author_list("Recommended citation: Solvang-Okafor, I., Brennan, P.")
    assert not any(f and ":" in f for f in split.families)


@pytest.mark.parametrize("text, owner, names", [
    ("Achterberg, Tobias", "Tobias Achterberg", ["Tobias Achterberg"]),
    ("Achterberg, T.", "Tobias Achterberg", ["T. Achterberg"]),
    ("Smith, Jones", "Tobias Achterberg", ["Smith", "Jones"]),  # not the owner: left alone
])
def test_the_owners_inverted_name_is_one_person(text, owner, names):
    from extract.ingestors.base import Entry, finalise_entry

    record = finalise_entry(Entry(title="A title", authors_text=text), "p", 0, "test", owner=owner)
    assert [a.name for a in record.authors] == names


@pytest.mark.parametrize("text, names", [
    ("Kusuma, Siti Rahmawati, and Tobias Achterberg", ["Siti Rahmawati Kusuma", "Tobias Achterberg"]),
    ("Achterberg, Tobias, Jéssica Nogueira, and Wim de Vries-Albers", ["Tobias Achterberg", "Jéssica Nogueira", "Wim de Vries-Albers"]),
])
def test_mla_lists_invert_only_the_first_name(text, names):
    assert split_author_list(text).names == names


@given(st.lists(st.sampled_from(["Ochoa Villalba", "Smith", "García Márquez", "de la Fuente", "Núñez"]), min_size=1, max_size=5),
       st.lists(st.sampled_from(["M. F.", "J.", "A. B.", "K."]), min_size=5, max_size=5))
def test_family_hints_are_the_written_family_names(families, initials):
    text = ", ".join(f"{f}, {i}" for f, i in zip(families, initials))
    split = split_author_list(text)
    assert len(split.names) == len(families)
    for name, hint, family in zip(split.names, split.families or [None] * len(families), families):
        assert hint in (None, family)
        assert name.endswith(family)


@pytest.mark.parametrize("title, clean", [
    ("“Blue carbon” accounting in Irish estuaries", "“Blue carbon” accounting in Irish estuaries"),
    ("“A quoted title.”", "A quoted title"),
    ("'Single quoted'", "Single quoted"),
    ("“Outer “inner” title”", "Outer “inner” title"),
    ("Homer’s Iliad", "Homer’s Iliad"),
])
def test_title_quotes_wrapping_it_go_a_quoted_head_stays(title, clean):
    from extract.ingestors.base import _clean_title

    assert _clean_title(title) == clean


@given(st.text(alphabet=st.sampled_from(list("ab “”‘’\"'.")), max_size=30))
def test_title_quote_stripping_never_raises_and_only_trims(title):
    from extract.ingestors.base import _clean_title

    out = _clean_title(title)
    assert out is None or out in " ".join(title.split())


@pytest.mark.parametrize("line, service", [
    ("Peer Review (Conferences & Workshops): ICCD (2016), HPCC (2017)", True),
    ("Reviewer for Nature, Science", True),
    ("Program Committee: NeurIPS 2023", True),
    ("Peer review in science: a survey. J. Stuff 2020.", False),
    ("Reviewers, editors and the crisis of trust. Journal 2020", False),
])
def test_service_lines_are_no_papers(line, service):
    from extract.fields.sections import SERVICE_LINE_RE

    assert bool(SERVICE_LINE_RE.match(line)) == service


@pytest.mark.parametrize("title, position", [
    ("Profesora Asociada — Departamento de Suelos y Ambiente", True),
    ("Maître de conférences", True),
    ("Wissenschaftlicher Mitarbeiter", True),
    ("Professor of Economics — Department of Economics", True),
    ("Dinámica del carbono orgánico del suelo", False),
])
def test_positions_in_several_languages(title, position):
    from extract.fields.sections import POSITION_TITLE_RE

    assert bool(POSITION_TITLE_RE.fullmatch(title)) == position


@pytest.mark.parametrize("raw, name", [
    ("DELL'ACQUA Chiara", "Chiara Dell'Acqua"),
    ("MORISHITA Yui", "Yui Morishita"),
    ("Jean DUPONT", "Jean Dupont"),
    ("DELL'ACQUA CHIARA", "Dell'Acqua Chiara"),  # all capitals: the order is not known here
])
def test_owner_names_in_capitals(raw, name):
    from extract.fields.names import owner_name

    assert owner_name(raw) == name


@pytest.mark.parametrize("owner, families, natural", [
    ("Dell'Acqua Chiara", ["Dell'Acqua", "Bertolucci"], "Chiara Dell'Acqua"),
    ("Chiara Dell'Acqua", ["Dell'Acqua", "Bertolucci"], "Chiara Dell'Acqua"),
    ("Wei Chen", ["Chen", "Wei"], "Wei Chen"),  # both are family names here: left alone
])
def test_owner_in_the_order_the_entries_show(owner, families, natural):
    from extract.fields.names import owner_in_entry_order

    assert owner_in_entry_order(owner, families) == natural


def test_json_api_items_are_read_through_their_attributes():
    from extract.ingestors.json_records import entry_from_record, records_in

    data = {"data": [
        {"id": "a", "type": "outputs", "attributes": {"title": "One paper here", "category": "preprint",
                                                       "date_created": "2024-02-03T10:22:41",
                                                       "contributors": [{"given_name": "Ana", "family_name": "Lind"}]}},
        {"id": "b", "type": "outputs", "attributes": {"title": "Two paper here", "category": "article", "journal": "J. X",
                                                       "date_created": "2023-01-01", "contributors": [{"full_name": "Bo Ek"}]}},
        {"id": "c", "type": "outputs", "attributes": {"title": "A data set", "category": "dataset",
                                                       "contributors": [{"full_name": "Bo Ek"}]}},
    ]}
    entries = [entry_from_record(r) for r in records_in(data)]
    # (given and family parts come back as an Author that keeps them apart; a whole name as text)
    assert [(e.title, [getattr(a, "name", a) for a in e.authors], e.year, e.venue) for e in entries] == [
        ("One paper here", ["Ana Lind"], 2024, None), ("Two paper here", ["Bo Ek"], 2023, "J. X")]
    assert entries[0].authors[0].family == "Lind"


def test_table_headers_in_other_languages():
    from bs4 import BeautifulSoup

    from extract.fields.mdtable import html_table_entries

    html = ("<table><tr><th>Titolo</th><th>Autori</th><th>Anno</th><th>Rivista</th></tr>"
            "<tr><td>Piene nel bacino alto</td><td>Rossi, A.; Bianchi, B.</td><td>2023</td><td>QUADERNI DI IDRAULICA</td></tr>"
            "<tr><td>Erosione delle sponde</td><td>Bianchi, B.</td><td>2021</td><td>ACQUE</td></tr></table>")
    entries, _ = html_table_entries(BeautifulSoup(html, "html.parser"))
    assert [(e.title, e.year, e.venue) for e in entries] == [("Piene nel bacino alto", 2023, "QUADERNI DI IDRAULICA"),
                                                           ("Erosione delle sponde", 2021, "ACQUE")]


def test_inline_html_lists_in_markdown_read_as_markdown():
    from extract.fields.markup import inline_html_to_markdown

    md = ("## publications\n\n<ol>\n<li>\n<b>A Title Across\nTwo Lines</b><br>\n<b><u>Ana Lind</u></b>, Bo Ek<br>\n"
          "<i>Proc. of X</i>, 2024 &middot; <a href=\"/p.pdf\">PDF</a>\n</li>\n</ol>\n| a | b<br>c |\n")
    out = inline_html_to_markdown(md)
    assert "- **A Title Across\nTwo Lines**<br>" in out
    assert "**Ana Lind**, Bo Ek" in out and "*Proc. of X*, 2024 · [PDF](/p.pdf)" in out
    assert "| a | b<br>c |" in out  # a Markdown table row keeps its HTML


@pytest.mark.parametrize("text, expected", [
    ("Revue X, 2022, 63 (2), pp.211-238. ⟨10.5555/rfsu.632.0211⟩. ⟨halshs-03712290⟩",
     "Revue X, 2022, 63 (2), pp.211-238. doi:10.5555/rfsu.632.0211"),
    ("Un titre. 2024. ⟨halshs-04501126⟩", "Un titre. 2024"),
])
def test_hal_id_marks(text, expected):
    from extract.fields.citation import angle_ids_as_text

    assert angle_ids_as_text(text) == expected


@pytest.mark.parametrize("heading, skipped", [
    ("Alumni", True), ("Staff", True), ("Lab members", True), ("Principal Investigator", True),
    ("Research Papers", False), ("Selected Publications", False),
])
def test_people_sections_are_no_publications(heading, skipped):
    from extract.fields.sections import NON_PUBLICATION_SECTION_RE

    assert bool(NON_PUBLICATION_SECTION_RE.search(heading)) == skipped


def test_tab_separated_tables_pasted_from_a_spreadsheet():
    from extract.fields.mdtable import table_entries

    text = ("My publications\n\nYear\tAuthors\tTitle\tVenue\n"
            "2024\tLind, A.; Ek, B.\tEvidentiality in northern narratives\tJournal of Invented Linguistics\n"
            "under review\tLind, A.\tClause chaining in contact varieties\t\n")
    entries, used = table_entries(text)
    assert [(e.title, e.year, e.venue) for e in entries] == [
        ("Evidentiality in northern narratives", 2024, "Journal of Invented Linguistics"),
        ("Clause chaining in contact varieties", None, None)]
    assert used == {2, 3, 4}


def test_definition_lists_of_publications_and_their_news_portlets():
    from extract import extract_page

    html = ("<html><body><h1>Henrike Åström-Bauer</h1><dl class='publist'>"
            "<dt><a href='https://doi.org/10.5555/x.1'>Strain-tunable phonon transport in bilayers</a></dt>"
            "<dd>H. Åström-Bauer, P. Kowalczyk<br><em>Journal of Layered Materials</em> <strong>7</strong>, 14 (2023)</dd>"
            "<dt><a href='https://doi.org/10.5555/x.2'>Operando Raman mapping of lithium plating</a></dt>"
            "<dd>T. Nakagawa, H. Åström-Bauer<br><em>Energy &amp; Interfaces</em> <strong>4</strong>, 1120 (2022)</dd></dl>"
            "<dl><dt>News</dt><dd><a href='/n'>DFG grant awarded for the project on phonons</a> Sep 12, 2024</dd></dl>"
            "</body></html>")
    result = extract_page("p.html", html.encode("utf-8"))
    assert [(r.title, [a.family for a in r.authors], r.year, r.venue) for r in result.records] == [
        ("Strain-tunable phonon transport in bilayers", ["Åström-Bauer", "Kowalczyk"], 2023, "Journal of Layered Materials"),
        ("Operando Raman mapping of lithium plating", ["Nakagawa", "Åström-Bauer"], 2022, "Energy & Interfaces")]


# ---- venue tails, spelled-out owners, JSON keys by meaning (added with batch 17 / set 11)

def test_clean_venue_drops_year_volume_and_article_number():
    from extract.fields.venues import clean_venue

    assert clean_venue("Journal of Development Economics, 2022, 158, 102934") == "Journal of Development Economics"
    assert clean_venue("Economics Letters, 2021, 205, 109940") == "Economics Letters"
    assert clean_venue("NeurIPS 2022") == "NeurIPS 2022"


def test_spelled_out_owner_with_a_two_word_surname():
    from extract.fields.names import spelled_out

    page = "Dra. María Fernanda Quiroga Salinas | Publicaciones … M. F. Quiroga Salinas"
    assert spelled_out("M. F. Quiroga Salinas", page) == "María Fernanda Quiroga Salinas"
    assert spelled_out("M. F. Quiroga Salinas", "no full name here") is None


def test_json_keys_are_read_by_meaning():
    from extract.ingestors.json_records import key_meaning, person_name

    assert key_meaning("publicationDate") == "publication_date"
    assert key_meaning("outputTitle") == "title"
    assert key_meaning("hostTitle") == "host_title"  # the container, not the work
    assert person_name({"forename": "Niamh", "surname": "O'Connell"}) == "Niamh O'Connell"


def test_text_cv_year_column_lines_read_with_their_co_author_notes():
    from extract.fields.citation import parse_entry_text

    entry = parse_entry_text("2023  Kelp forest recovery after urchin removal in the Skagerrak. Marine Ecology "
                             "Progress Series. (with J. Haraldsen and P. Oduya)")
    assert entry.title == "Kelp forest recovery after urchin removal in the Skagerrak"
    assert entry.venue == "Marine Ecology Progress Series"
    assert entry.year == 2023
    assert "owner-implicit" in entry.flags and "Haraldsen" in entry.authors_text
    solo = parse_entry_text("2021  Seagrass carbon stocks along a salinity gradient. Estuarine, Coastal and Shelf Science.")
    assert solo.venue == "Estuarine, Coastal and Shelf Science" and not solo.authors_text  # a journal, not people


def test_iso_year_month_dates_give_their_year():
    from extract.fields.dates import find_year

    assert find_year("2022-11") == 2022
    assert find_year("Issued 2021-03-15") == 2021
    assert find_year("1998-2001") is None  # a range stays unread, as before


def test_clean_venue_drops_a_chicago_volume_tail():
    from extract.fields.venues import clean_venue

    assert clean_venue("Speculum 97, no. 3 (2022): 701–33") == "Speculum"
    assert clean_venue("Physical Review B 107 (2023)") == "Physical Review B"


# ---- two-column text (pdftotext -layout) ----------------------------------------------------------

_TWO_COLUMN_CV = """JANE ROE
Assistant Professor · Example University                              Curriculum Vitae

CONTACT                              EDUCATION
1 Example Road                       2016–2021   PhD, Hydrology, Example University
Exampletown                                      Advisor: Prof. A. Person
jane@example.org                     2014–2016   MSc Water Management

LANGUAGES                            PUBLICATIONS
English (native)                     [J2] Roe, J., & Doe, A. (2024). Snowmelt timing shifts in
German (C1)                               a made-up basin. Water Resources Research, 60(3), 1–9.
                                     [J1] Doe, A., & Roe, J. (2020). Ice jams on an invented
SKILLS                                    river. Journal of Hydrology, 617, 12–19.
Python, R, Julia
"""


def test_two_column_text_is_read_one_column_after_the_other():
    from extract.fields.text_columns import unfold_columns

    text = unfold_columns(_TWO_COLUMN_CV)
    assert "SKILLS\nPython, R, Julia" in text  # the sidebar whole, in its own order
    assert "[J2] Roe, J., & Doe, A. (2024). Snowmelt timing shifts in\n     a made-up basin." in text
    assert text.index("LANGUAGES") < text.index("PUBLICATIONS")  # left column first
    assert "Curriculum Vitae" in text  # a line crossing the gutter stays whole


@pytest.mark.parametrize("text", [
    # a year column is no sidebar
    "\n".join(f"20{10 + k}   Award number {k} from an example society for good work" for k in range(12)),
    # a search listing's date column beside each entry's first line only
    "\n".join(f"{k}  [ ]  2023ApJ...945..112Q                        Mar 2023   cited: 4\n"
              f"        A title of paper {k} that runs along\n        Author, A.; Other, B.\n" for k in range(8)),
])
def test_one_column_text_is_left_alone(text):
    from extract.fields.text_columns import unfold_columns

    assert unfold_columns(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab  .,\t1"), max_size=90), max_size=40))
def test_unfold_columns_keeps_every_character(lines):
    from extract.fields.text_columns import unfold_columns

    text = "\n".join(lines)
    out = unfold_columns(text)
    # columns are only laid out again: no visible character is lost or made up
    assert sorted(c for c in out if not c.isspace()) == sorted(c for c in text if not c.isspace())


@pytest.mark.parametrize("text, names", [
    ("Bell, Marcus, et al.", ["Marcus Bell"]),  # MLA: the first author inverted, the rest cut
    ("Smith, J., et al.", ["J. Smith"]),
    ("Anna Bell, Marc Li, et al.", ["Anna Bell", "Marc Li"]),
    ("Senthil Subramaniam, Priyanka Raghunathan, Harpreet Kaur, and 3 more authors",
     ["Senthil Subramaniam", "Priyanka Raghunathan", "Harpreet Kaur"]),  # al-folio's truncation
    ("van der Linden, Joost, Anke de Vries & Pieter Hoekstra", ["Joost van der Linden", "Anke de Vries", "Pieter Hoekstra"]),
    ("A. Ferri - L. Mancini", ["A. Ferri", "L. Mancini"]),
])
def test_author_lists_of_the_blind_sets(text, names):
    assert split_author_list(text).names == names
