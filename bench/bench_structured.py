"""Per-page timing of the structured-format ingestors (arXiv, DBLP, BibTeX, S2, OpenAlex, ORCID).

usage: .venv/bin/python bench/bench_structured.py [PAGES_DIR ...] [--repeat N]

Defaults to ../shared/pages plus tests/fixtures/structured. For every page one of these
ingestors claims, prints: records, the chosen ingestor's own detect+parse+finalise time, and
the whole `extract_page` time (which also runs every other detector). Best of N runs after a
warm-up pass (lazy imports: spaCy, dateparser).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STRUCTURED = ("arxiv_atom", "arxiv_listing", "arxiv_abs", "dblp_xml", "dblp_html", "bibtex", "semantic_scholar",
              "openalex", "orcid")


def own_time(name: str, path: str, data: bytes) -> tuple[float, int]:
    from extract import registry
    from extract.core import Limits, build_result
    from extract.page import Page

    start = time.perf_counter()
    page = Page.from_bytes(data, path)
    module = registry.load(name)
    module.detect(page)
    parsed = module.parse(page)
    result = build_result(page, parsed, name, "-", Limits())
    return time.perf_counter() - start, len(result.records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path,
                        default=[ROOT.parent / "shared" / "pages", ROOT / "tests" / "fixtures" / "structured"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from extract import extract_page

    rows = []
    for d in args.dirs:
        if not d.exists():
            continue
        for p in sorted(d.iterdir()):
            if not p.is_file() or p.name == "MANIFEST.tsv":
                continue
            data = p.read_bytes()
            result = extract_page(p.name, data)  # warm-up, and which ingestor claims it
            if result.manifest.ingestor not in STRUCTURED:
                continue
            own = min(own_time(result.manifest.ingestor, p.name, data)[0] for _ in range(args.repeat))
            whole = min(_timed(extract_page, p.name, data) for _ in range(args.repeat))
            rows.append((p.name, len(data), result.manifest.ingestor, result.manifest.kind, result.manifest.records, own, whole))
    print(f"{'page':52s} {'KB':>6s} {'ingestor':17s} {'kind':15s} {'recs':>5s} {'own ms':>8s} {'all ms':>8s}")
    for name, size, ingestor, kind, records, own, whole in rows:
        print(f"{name[:52]:52s} {size / 1024:6.0f} {ingestor:17s} {kind:15s} {records:5d} {own * 1000:8.1f} {whole * 1000:8.1f}")


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
