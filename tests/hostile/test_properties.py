"""Property-based tests (hypothesis) for every normaliser and parser on hostile text: they never
raise, finish on pathological runs (commas, dots, initials, brackets, ...), and normalisation is
idempotent. Then a bounded fuzz of the whole page path (`extract_page`) on random bytes and
random page-shaped documents. Example counts are bounded so the suite stays fast in CI."""
from __future__ import annotations

import json
import signal
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.core import Limits, extract_page
from extract.fields import citation, dates, ids, names, text, venues
from schemas import normalize
from schemas.canonical import canonical_json

# pieces that have broken regex-heavy parsers before: runs of these are the hostile part
_PIECES = [",", ".", "A. ", "J.-P. ", " ", "(", ")", "[", "](", "*", "**", "_", "-", "a-", "&amp;", "&#", "\x00",
           "\u200b", "\r\n", "\n\n", "et al.", "and ", "10.1234/", "http://", "www.", "arXiv:", "2020 ", '"', "“",
           "\\", "\\'{", "{", "Smith, J., ", "<script>", "onerror=", "Ã©", "\ufeff", "\u202e"]
_RUN = st.tuples(st.sampled_from(_PIECES), st.integers(1, 3000)).map(lambda t: t[0] * t[1])
HOSTILE = st.lists(st.one_of(st.text(max_size=40), _RUN), min_size=1, max_size=4).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), HOSTILE)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True)
def finish_or_fail():
    """A catastrophic regex would hang forever: fail the test instead (a liveness bound, far
    above any normal run time, not a speed assertion)."""
    def _hung(signum, frame):
        raise AssertionError("did not finish within 300 s: catastrophic backtracking?")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@FAST
@given(ANY_TEXT)
def test_text_normalisers_are_total_and_idempotent(value):
    cleaned = text.clean_text(value)
    assert text.clean_text(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    line = text.one_line(value)
    assert "\n" not in line and text.one_line(line) == line
    folded = text.fold(value)
    assert text.fold(folded) == folded
    text.strip_markdown(value)
    text.strip_trailing_punct(value)


@FAST
@given(ANY_TEXT)
def test_name_parsers_are_total(value):
    name = names.clean_name(value)
    assert names.clean_name(name) == name
    names.split_name(name)
    names.looks_like_name(value)
    split = names.split_author_list(value)
    assert all(n and n == n.strip() for n in split.names)
    names.name_key(value)


@FAST
@given(ANY_TEXT)
def test_date_parsers_are_total_and_consistent(value):
    parsed = dates.parse_date(value)
    if parsed.date:
        assert parsed.year is not None and parsed.date.startswith(f"{parsed.year:04d}")
    year = dates.find_year(value)
    assert year is None or dates.MIN_YEAR <= year <= dates.MAX_YEAR
    dates.is_date_line(value)


@FAST
@given(ANY_TEXT)
def test_id_finders_are_total_and_normalisation_is_idempotent(value):
    arxiv = ids.find_arxiv(value)
    if arxiv:
        assert ids.normalise_arxiv(arxiv) in (arxiv, None)
    doi = ids.normalise_doi(value)
    if doi:
        assert ids.normalise_doi(doi) == doi and doi == doi.lower()
    ids.find_doi(value)
    ids.find_openreview(value)
    for url in ids.find_urls(value):
        assert url and not any(c.isspace() for c in url)


@FAST
@given(ANY_TEXT)
def test_entry_parsers_are_total(value):
    comment = venues.venue_from_comment(value)
    assert comment.venue is None or comment.venue.strip() == comment.venue
    venues.clean_venue(value)
    venues.venue_from_tail(value)
    entry = citation.parse_citation(value)
    assert entry.title is None or isinstance(entry.title, str)
    citation.split_sentences(value)


@FAST
@given(ANY_TEXT)
def test_match_keys_are_total_and_idempotent(value):
    folded = normalize.fold(value)
    assert normalize.fold(folded) == folded
    key = normalize.title_key(value)
    assert normalize.title_key(key) == key
    normalize.series_numbers(value)
    normalize.family_key(value)
    normalize.arxiv_key(value)
    normalize.doi_key(value)


# ------------------------------------------------------------------ the whole page path
_TITLE = st.one_of(st.text(min_size=1, max_size=80), HOSTILE.map(lambda s: s[:2000]))


def _html_page(entries):
    items = "".join(f"<li>{a}. {t}. In {v}, {y}.</li>\n" for a, t, v, y in entries)
    return f"<html><body><h1>Ada Quill</h1><h2>Publications</h2><ul>\n{items}</ul></body></html>"


def _json_page(entries):
    return json.dumps({"author": "Ada Quill", "works": [{"title": t, "authors": a, "venue": v, "year": y}
                                                         for a, t, v, y in entries]})


def _xml_page(entries):
    from xml.sax.saxutils import escape

    body = "".join(f"<entry><id>http://arxiv.org/abs/2101.0000{i}v1</id><title>{escape(t)}</title>"
                   f"<author><name>{escape(a)}</name></author><published>{y}-01-01T00:00:00Z</published></entry>"
                   for i, (a, t, v, y) in enumerate(entries))
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query</title>{body}</feed>'


def _bib_page(entries):
    return "\n".join(f"@article{{k{i},\n  title = {{{t}}},\n  author = {{{a}}},\n  journal = {{{v}}},\n  year = {{{y}}}\n}}"
                     for i, (a, t, v, y) in enumerate(entries))


def _text_page(entries):
    return "Ada Quill\n\nPublications\n\n" + "\n\n".join(f"{a}. {t}. {v}, {y}." for a, t, v, y in entries)


_ENTRY = st.tuples(st.one_of(st.just("Ada Quill, Borin Vask"), ANY_TEXT.map(lambda s: s[:500])), _TITLE,
                   st.one_of(st.just("Proc. of the Invented Workshop"), st.text(max_size=40)), st.integers(1990, 2030))
PAGE = st.tuples(st.sampled_from([(_html_page, "p.html"), (_json_page, "p.json"), (_xml_page, "p.xml"),
                                  (_bib_page, "p.bib"), (_text_page, "p.txt")]),
                 st.lists(_ENTRY, min_size=1, max_size=6),
                 st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]))


def _check(result, path):
    assert result.manifest.path == path
    assert result.manifest.status in ("ok", "not-a-profile", "failed")
    if result.manifest.status != "ok":
        assert result.manifest.reason
    canonical_json(result)  # serialisable as canonical JSON (valid text, no surrogates)
    assert all(r.page == path for r in result.records)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.binary(max_size=4000))
def test_extract_page_survives_random_bytes(data):
    _check(extract_page("fuzz.html", data, Limits(max_seconds=60)), "fuzz.html")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(PAGE)
def test_extract_page_survives_random_pages(page):
    (render, path), entries, encoding = page
    data = render(entries).encode(encoding, errors="replace")
    result = extract_page(path, data, Limits(max_seconds=60))
    _check(result, path)
    assert result.manifest.status != "failed" or "error" not in result.manifest.reason, result.manifest.reason
