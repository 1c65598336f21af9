"""Dedupe a records.jsonl with splink (DuckDB backend) and write records.jsonl with work_id.

    python bench/splink_run.py RECORDS.jsonl OUT_DIR

Configuration (no labels used): comparisons on title (folded; Jaro-Winkler 0.95/0.88/0.7, with
splink's term-frequency adjustment so 'Editorial' counts less than a rare title), authors (family
names normalised by pubsift's name keys: array intersection of size 3/2/1, and exact first-author
family), venue (pubsift's venue key, so abbreviations agree; Jaro-Winkler 0.8) and year (exact,
+-1, +-2). Blocking for prediction: exact folded title, first 12 title characters, first-author
family + year. u by random sampling, the match prior from exact-title blocking (recall 0.8), m by
EM in two sessions (blocked on title -> authors/venue/year; blocked on venue + year -> title and
authors), as splink's tutorials recommend. Pairs at match probability >= 0.9 are clustered by
connected components (splink's clustering).
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path


def load_frame(path: str):
    import pandas as pd

    from schemas.names import parse_name
    from schemas.normalize import fold, venue_key

    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            r = json.loads(line)
            names = [a.get("name") if isinstance(a, dict) else str(a) for a in r.get("authors") or []]
            title = fold(r.get("title"))
            year = r.get("year")
            families = [parse_name(n).family for n in names if n]
            rows.append({
                "unique_id": str(r["record_id"]),
                "title": title or None,
                "title_prefix": title[:12] or None,
                "author_families": [f for f in families if f] or None,
                "first_author": families[0] if families and families[0] else None,
                "venue": venue_key(r.get("venue")) or None,
                "year": int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None,
            })
    return pd.DataFrame(rows)


def run(records: str, out_dir: str) -> int:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = load_frame(records)
    db_api = DuckDBAPI()
    table = db_api.register(frame)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("title", [0.95, 0.88, 0.7]).configure(term_frequency_adjustments=True),
            cl.ArrayIntersectAtSizes("author_families", [3, 2, 1]),
            cl.ExactMatch("first_author"),
            cl.JaroWinklerAtThresholds("venue", [0.8]),
            cl.CustomComparison(
                [cll.NullLevel("year"), cll.ExactMatchLevel("year"), cll.AbsoluteDifferenceLevel("year", 1),
                 cll.AbsoluteDifferenceLevel("year", 2), cll.ElseLevel()],
                output_column_name="year"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("title"),
            block_on("title_prefix"),
            block_on("first_author", "year"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(table, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match([block_on("title")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("title"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("venue", "year"))
    if os.environ.get("SPLINK_DEBUG"):
        print(json.dumps(linker.misc.save_model_to_json(), indent=1)[:6000], file=sys.stderr)
    predictions = linker.inference.predict(threshold_match_probability=0.9)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9)
    result = clusters.as_pandas_dataframe()
    work_of = dict(zip(result["unique_id"].astype(str), result["cluster_id"].astype(str)))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "records.jsonl", "w", encoding="utf-8") as handle:
        for uid in frame["unique_id"]:
            handle.write(json.dumps({"record_id": uid, "work_id": work_of.get(uid, uid)}) + "\n")
    print(f"splink: {len(frame)} records -> {len(set(work_of.values()))} works in {out}/")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(run(sys.argv[1], sys.argv[2]))
