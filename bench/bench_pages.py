"""Extraction speed over the dev pages, side by side with bs4+lxml's bare parse of the same pages.

usage: .venv/bin/python bench/bench_pages.py [PAGES_DIR ...] [--repeat N]

Defaults to ../shared/pages plus raw/. One process, one core: prints pages/s and MB/s for
  - peer:    BeautifulSoup(text, "lxml").get_text() on every page (the named peer baseline)
  - pubsift: extract.extract_page on every page (decode, detect, parse, finalise)
and the ratio pubsift/peer. The first pass warms caches and lazy imports (spaCy, dateparser)
and is not timed; every memo cache is emptied before each timed pass.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_pages(dirs: list[Path]) -> list[tuple[str, bytes]]:
    pages = []
    for d in dirs:
        for p in sorted(d.rglob("*")):
            if p.is_file() and p.name != "MANIFEST.tsv":
                pages.append((p.relative_to(d).as_posix(), p.read_bytes()))
    return pages


def peer_parse(pages):
    from bs4 import BeautifulSoup

    for _, data in pages:
        BeautifulSoup(data.decode("utf-8", errors="replace"), "lxml").get_text()


def pubsift_extract(pages):
    from extract import extract_page

    for path, data in pages:
        extract_page(path, data)


def clear_caches():
    """Empty every lru_cache in the extract package, so repeats are not helped by memoised
    names/dates from the previous pass (a fresh batch would not be)."""
    import extract

    for name, module in list(sys.modules.items()):
        if not (name.startswith("extract") or name.startswith("schemas")):
            continue
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", "") == name:
                info = value.cache_info()
                # maxsize 1/None caches hold per-process singletons (spaCy pipeline, date parser,
                # models) that real runs also build once; only data memos are emptied
                if info.maxsize and info.maxsize > 1:
                    value.cache_clear()


def timed(fn, pages, repeat):
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        fn(pages)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    dirs = args.dirs or [p for p in (ROOT.parent / "shared" / "pages", ROOT / "raw") if p.exists()]
    pages = load_pages(dirs)
    megabytes = sum(len(d) for _, d in pages) / 1e6
    pubsift_extract(pages)  # warm-up: lazy imports, spaCy pipeline, caches
    peer_parse(pages)
    rows = []
    for name, fn in (("bs4+lxml parse+get_text (peer)", peer_parse), ("pubsift extract_page", pubsift_extract)):
        seconds = timed(fn, pages, args.repeat)
        rows.append((name, seconds))
    print(f"{len(pages)} pages, {megabytes:.2f} MB, best of {args.repeat}, one core")
    print(f"{'engine':34} {'seconds':>8} {'pages/s':>9} {'MB/s':>7}")
    for name, seconds in rows:
        print(f"{name:34} {seconds:8.3f} {len(pages) / seconds:9.1f} {megabytes / seconds:7.2f}")
    print(f"ratio pubsift/peer throughput: {rows[0][1] / rows[1][1]:.2f}x")


if __name__ == "__main__":
    main()
