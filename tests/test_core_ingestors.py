"""Golden tests for the core ingestors on fixture pages we wrote ourselves (invented people)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, GOLDEN
from golden_util import assert_golden, page_snapshot

CORE_FIXTURES = sorted((FIXTURES / "core").iterdir())
EXPECTED_INGESTOR = {
    "markdown_list_homepage.md": "markdown_homepage",
    "markdown_with_style.md": "markdown_homepage",
    "listing_dump.txt": "listing_text",
    "aggregator_dump.txt": "aggregator_text",
    "html_cv_mixed_citation_styles.html": "generic_homepage",
}


@pytest.mark.parametrize("fixture", CORE_FIXTURES, ids=lambda p: p.name)
def test_core_fixture_matches_golden(fixture: Path):
    from extract import extract_page

    result = extract_page(fixture.name, fixture.read_bytes())
    assert result.manifest.ingestor == EXPECTED_INGESTOR[fixture.name]
    assert_golden(page_snapshot(result), GOLDEN / "core" / f"{fixture.stem}.json")


def test_with_style_homepage_semantics():
    from extract import extract_page

    fixture = FIXTURES / "core" / "markdown_with_style.md"
    result = extract_page(fixture.name, fixture.read_bytes())
    records = result.records
    assert [r.title for r in records] == [
        "Planning with Imperfect Maps",
        "Sparse Rewards in the Wild: Part I",
        "Sparse Rewards in the Wild: Part II",
        None,
    ]
    assert records[0].venue == "ICRA 2019" and records[0].year == 2019
    assert records[1].venue == "Autonomous Robots"
    assert records[2].venue == "CoRL 2020"
    assert all("owner-implicit" in r.flags for r in records)
    assert "untitled" in records[3].flags and records[3].abstract.startswith("An abstract whose title")
    assert result.profile.person is None
    assert "Example Labs" in result.profile.affiliations


def test_listing_dump_semantics():
    from extract import extract_page

    fixture = FIXTURES / "core" / "listing_dump.txt"
    result = extract_page(fixture.name, fixture.read_bytes())
    first, second = result.records
    assert result.profile.person == "Maria Gonzalez-Lopez" and result.profile.kind == "listing"
    assert first.venue == "ICML 2022" and first.date == "2022-03-02"
    assert second.title == "A Benchmark for Counting Things in Cluttered Scenes"
    assert second.ids.openreview == "AbC123xyz"
    assert "https://github.com/example/count" in second.urls
    assert second.note.startswith("12 pages, 4 figures")


def test_unknown_html_cv_styles_yield_titled_authored_records():
    """IEEE, APA and bold-owner styles on one hand-written page (the generic path: rules + model)."""
    from extract import extract_page

    fixture = FIXTURES / "core" / "html_cv_mixed_citation_styles.html"
    result = extract_page(fixture.name, fixture.read_bytes())
    titles = [r.title for r in result.records]
    assert titles == ["Streaming graph partitioning at scale", "Approximate triangle counting with sketches",
                      "Incremental view maintenance for property graphs", "Learned cardinality estimation revisited"]
    assert all(r.authors and r.year for r in result.records)
    assert result.records[0].ids.doi == "10.1109/tkde.2020.1234567"
    assert result.records[2].ids.arxiv == "1903.01234" and result.records[2].venue == "Proceedings of SIGMOD"
    assert result.profile.person == "Helga Sørensen"
    assert result.profile.affiliations == ["Aarhus Institute of Technology"]
