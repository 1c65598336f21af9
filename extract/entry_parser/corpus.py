"""Training data for the entry parser, rebuilt from ../shared on every training run.

Sources: AnyStyle core and the GROBID citation corpus (`../shared/data/refs/*.jsonl`, never
copied into the repo) plus invented homepage-style entries (`synth.py`). The held-out split is
a seeded 15 % of each corpus, chosen by record id, so it is the same on every machine.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator

from extract.entry_parser.align import TITLE, VENUE, Span, align, to_doc

SOURCES = ("anystyle_core", "grobid_corpus")
HELDOUT_SHARE = 0.15
SPLIT_SEED = 20240601
DEV_SHARE = 0.05  # of the training part: spaCy's model selection, never the held-out split
SYNTH_TRAIN = 3500
SWAPPED_COPIES = 0  # field-swapped copies per training reference (swap_fields); 0: measured no gain off-domain, see README
REPO = Path(__file__).resolve().parents[2]
DEFAULT_REFS = REPO.parent / "shared" / "data" / "refs"


def load_source(refs_dir: Path, source: str) -> list[dict]:
    with open(refs_dir / f"{source}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split_source(rows: list[dict], seed: int = SPLIT_SEED) -> tuple[list[dict], list[dict]]:
    """(train, heldout): a seeded share of the rows by id, deterministic."""
    ids = sorted(r["id"] for r in rows)
    random.Random(seed).shuffle(ids)
    held = set(ids[: round(len(ids) * HELDOUT_SHARE)])
    return [r for r in rows if r["id"] not in held], [r for r in rows if r["id"] in held]


def heldout(refs_dir: Path = DEFAULT_REFS) -> list[dict]:
    """The held-out gold rows of every source, in file order."""
    out = []
    for source in SOURCES:
        out.extend(split_source(load_source(refs_dir, source))[1])
    return out


def write_gold(rows: list[dict], path: Path) -> None:
    """Gold in score_refs.py's format (outside the repo: it is derived third-party data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for r in rows:
            keep = {k: r.get(k) for k in ("raw", "title", "authors", "year", "venue")}
            handle.write(json.dumps(keep, ensure_ascii=False) + "\n")


def aligned_examples(rows: list[dict]) -> list[tuple[str, list[Span]]]:
    """(raw, character spans) of the rows whose labels could be found in the raw text."""
    out = []
    for r in rows:
        spans = align(r["raw"], r.get("title"), r.get("authors") or [], r.get("year"), r.get("venue"))
        if spans is not None:
            out.append((r["raw"], sorted(spans)))
    return out


def labelled_docs(nlp, examples: list[tuple[str, list[Span]]]) -> Iterator:
    for raw, spans in examples:
        doc = to_doc(nlp, raw, spans)
        if doc is not None:
            yield doc


def swap_fields(examples: list[tuple[str, list[Span]]], rng: random.Random,
                copies: int = SWAPPED_COPIES) -> Iterator[tuple[str, list[Span]]]:
    """Copies of labelled references whose title (and every other time the venue) is another
    reference's, spliced into the same layout (mention replacement, as in Dai & Adel 2020).

    What marks a title's edges is the layout around it (its punctuation, quotes, position),
    not its words; a tagger that saw each layout with one title learns the words. Commas,
    parentheses and colons inside the swapped-in titles are what held-out titles cut short
    at those marks needed to see in every layout."""
    pools = {label: [raw[s.start:s.end] for raw, spans in examples for s in spans if s.label == label]
             for label in (TITLE, VENUE)}
    for raw, spans in examples:
        if not any(s.label == TITLE for s in spans) or any(a.end > b.start for a, b in zip(spans, spans[1:])):
            continue
        for _ in range(copies):
            swap = {TITLE, VENUE} if rng.random() < 0.5 else {TITLE}
            pieces, new_spans, pos, length = [], [], 0, 0
            for s in spans:
                text = rng.choice(pools[s.label]) if s.label in swap else raw[s.start:s.end]
                gap = raw[pos:s.start]
                pieces += [gap, text]
                start = length + len(gap)
                new_spans.append(Span(start, start + len(text), s.label))
                length = start + len(text)
                pos = s.end
            pieces.append(raw[pos:])
            yield "".join(pieces), new_spans


def synthetic_docs(nlp, n: int, seed: int) -> Iterator:
    from extract.entry_parser.synth import generate

    for text, spans in generate(n, seed):
        doc = to_doc(nlp, text, spans)
        if doc is not None:
            yield doc


def build(out_dir: Path, refs_dir: Path = DEFAULT_REFS, seed: int = SPLIT_SEED,
          swapped_copies: int = SWAPPED_COPIES) -> dict[str, int]:
    """Write train.spacy, dev.spacy and heldout.jsonl into out_dir; return counts."""
    from spacy.tokens import DocBin

    from extract.entry_parser.tokenizer import blank

    nlp = blank()
    train_rows, held_rows = [], []
    for source in SOURCES:
        train, held = split_source(load_source(refs_dir, source), seed)
        train_rows.extend(train)
        held_rows.extend(held)
    rng = random.Random(seed + 1)
    rng.shuffle(train_rows)
    n_dev = round(len(train_rows) * DEV_SHARE)
    dev_rows, fit_rows = train_rows[:n_dev], train_rows[n_dev:]

    train_bin, dev_bin = DocBin(), DocBin()
    counts = {"train": 0, "dev": 0}
    fit_examples = aligned_examples(fit_rows)
    swapped = list(swap_fields(fit_examples, random.Random(seed + 4), swapped_copies))
    for doc in labelled_docs(nlp, fit_examples + swapped):
        train_bin.add(doc)
        counts["train"] += 1
    for doc in synthetic_docs(nlp, SYNTH_TRAIN, seed + 2):
        train_bin.add(doc)
        counts["train"] += 1
    for doc in labelled_docs(nlp, aligned_examples(dev_rows)):
        dev_bin.add(doc)
        counts["dev"] += 1
    for doc in synthetic_docs(nlp, 200, seed + 3):
        dev_bin.add(doc)
        counts["dev"] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    train_bin.to_disk(out_dir / "train.spacy")
    dev_bin.to_disk(out_dir / "dev.spacy")
    write_gold(held_rows, out_dir / "heldout.jsonl")
    write_gold(dev_rows, out_dir / "dev.jsonl")  # for tuning decoding without touching heldout
    counts["heldout"] = len(held_rows)
    return counts
