"""The one table of ingestors. Adding a format = one module in extract/ingestors + one line here
+ one golden test. Detectors run in table order; the first that is CERTAIN wins at once,
otherwise the most confident one (ties go to the earlier entry)."""
from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

# (module name under extract.ingestors) — most specific formats first.
INGESTORS: tuple[str, ...] = (
    # structured site formats: APIs, databases, BibTeX (cheap: gated on syntax)
    "arxiv_atom",
    "rss_feed",
    "arxiv_listing",
    "arxiv_abs",
    "dblp_xml",
    "tei_xml",
    "jats_xml",
    "dblp_html",
    "dblp_search",
    "bibtex",
    "ris",
    "refer",
    "semantic_scholar",
    "openalex",
    "csl_json",
    "orcid",
    "wikidata_json",
    "orcid_text",
    "researchgate_text",
    "linkedin_text",
    "openreview_text",
    "endnote_xml",
    "mods_xml",
    "zotero_rdf",
    "oai_dc",
    "citation_meta",
    "schema_org",
    "json_records",
    "xml_records",
    "repository_html",
    "vivo_html",
    # Scholar, ACL Anthology and homepage families
    "scholar_html",
    "acl_anthology_html",
    "frontmatter_list",
    "academicpages_md",
    "hugo_academic_md",
    "jemdoc",
    "nextjs_payload",
    # markup sources read through the Markdown reader (one converter each, extract/fields/markup.py)
    "latex_cv",
    "org_mode",
    "org_html",
    "restructuredtext",
    "asciidoc",
    "mediawiki",
    # text copied out of browsers and Markdown homepages
    "ads_text",
    "inspire_text",
    "arxiv_text",
    "dblp_text",
    "pubmed_text",
    "labelled_text",
    "ssrn_text",
    "diva_text",
    "profile_text",
    "listing_text",
    "aggregator_text",
    "table_export",
    "tagged_export",
    "stacked_cards",
    "markdown_homepage",
    # last: it reads the whole visible text, so it runs only when nothing above is certain
    "not_a_profile",
)

# Used when no ingestor claims a page with at least MIN_CONFIDENCE.
FALLBACK = "generic_homepage"
MIN_CONFIDENCE = 0.3
# A detector this sure ends the search: the remaining (costlier) detectors are not run.
CERTAIN = 0.9


@lru_cache(maxsize=None)
def load(name: str) -> ModuleType:
    module = importlib.import_module(f"extract.ingestors.{name}")
    for attr in ("NAME", "detect", "parse"):
        if not hasattr(module, attr):
            raise TypeError(f"ingestor {name} lacks {attr}")
    return module


def all_ingestors() -> list[ModuleType]:
    return [load(n) for n in INGESTORS]


def choose(page) -> tuple[ModuleType, float, list[str]]:
    """Pick the ingestor most confident about `page`; returns (module, confidence, evidence)."""
    best, best_score = None, 0.0
    scores = []
    for module in all_ingestors():
        try:
            score = float(module.detect(page))
        except Exception as error:  # a detector bug must not sink the page; record it
            scores.append(f"{module.NAME}: detect failed ({type(error).__name__})")
            continue
        if score > 0:
            scores.append(f"{module.NAME}={score:.2f}")
        if score > best_score:
            best, best_score = module, score
        if score >= CERTAIN:
            break
    if best is None or best_score < MIN_CONFIDENCE:
        return load(FALLBACK), best_score, scores + [f"fallback {FALLBACK}"]
    return best, best_score, scores
