"""Rebuild the training data from ../shared and train the entry parser, reproducibly.

    python -m extract.entry_parser.train [--refs ../shared/data/refs] [--work /tmp/pubsift-entry-parser]
                                         [--out extract/models/entry_parser] [--max-steps N]
                                         [--seeds 1729 7]

Everything derived from the third-party corpora (DocBins, the held-out gold) goes to --work,
outside the repo; only the trained weights land in --out. Seeds: the split (corpus.SPLIT_SEED),
the synthetic entries and spaCy's [system] seed, one model per seed in ENSEMBLE_SEEDS (the
first is the pipeline, the others go to --out/members/ and are averaged with it at run time).
Bounded: max_steps/patience in the config (about 5 to 20 minutes per seed on two shared CPU cores).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
DEFAULT_OUT = HERE.parent / "models" / "entry_parser"
DEFAULT_WORK = Path("/tmp/pubsift-entry-parser")
# one model per seed: the first is the pipeline, the others its ensemble members (see
# extract.entry_parser.ensemble_scores); 1729 is the config's [system] seed
ENSEMBLE_SEEDS = (1729, 7)
MEMBERS_DIR = "members"
# files of a spaCy pipeline directory that loading does not need
_UNNEEDED = ("README.md",)


def write_transitions(train_path: Path, model_dir: Path) -> None:
    """Tag-bigram statistics of the training data for the Viterbi decoder (decode.py)."""
    import spacy
    from spacy.tokens import DocBin

    from extract.entry_parser import decode

    nlp = spacy.load(model_dir)
    labels = nlp.get_pipe("tagger").labels
    docs = DocBin().from_disk(train_path).get_docs(nlp.vocab)
    decode.save(decode.estimate(([t.tag_ for t in doc] for doc in docs), labels), model_dir)


def prune_strings(model_dir: Path) -> None:
    """Keep only the tag labels in the saved string table. spaCy stores every token string it
    saw in training (here: words of the third-party references); the model works on hashes,
    so they are not needed to run it, and they must not ship with the package."""
    path = model_dir / "vocab" / "strings.json"
    labels = set(json.loads((model_dir / "tagger" / "cfg").read_text())["labels"])
    strings = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps([s for s in strings if s in labels]), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from extract.entry_parser import corpus

    p = argparse.ArgumentParser(prog="python -m extract.entry_parser.train", description=__doc__.split("\n")[0])
    p.add_argument("--refs", type=Path, default=corpus.DEFAULT_REFS, help="folder with anystyle_core.jsonl, grobid_corpus.jsonl")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch folder for derived data (outside the repo)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the trained pipeline is installed")
    p.add_argument("--max-steps", type=int, default=None, help="override [training] max_steps")
    p.add_argument("--swapped-copies", type=int, default=corpus.SWAPPED_COPIES,
                   help="field-swapped copies of each training reference (corpus.swap_fields)")
    p.add_argument("--seeds", type=int, nargs="+", default=None,
                   help=f"one model per seed, averaged at run time (default {' '.join(map(str, ENSEMBLE_SEEDS))})")
    p.add_argument("--set", dest="settings", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override one config value for an experiment, e.g. components.tok2vec.model.encode.depth=4")
    args = p.parse_args(argv)
    if not (args.refs / "anystyle_core.jsonl").exists():
        print(f"train: no labelled references in {args.refs}", file=sys.stderr)
        return 2

    started = time.time()
    counts = corpus.build(args.work / "data", args.refs, swapped_copies=args.swapped_copies)
    print(f"train: data {json.dumps(counts)} -> {args.work / 'data'}", flush=True)

    import spacy
    from spacy.cli.train import train as spacy_train

    import extract.entry_parser.features  # noqa: F401  registers the context-feature component
    import extract.entry_parser.tokenizer  # noqa: F401  registers the tokenizer callback

    spacy.util.fix_random_seed(1729)
    overrides = {"paths.train": str(args.work / "data" / "train.spacy"), "paths.dev": str(args.work / "data" / "dev.spacy")}
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    for setting in args.settings:
        key, sep, value = setting.partition("=")
        if not sep:
            p.error(f"--set wants SECTION.KEY=VALUE, got {setting!r}")
        overrides[key.strip()] = json.loads(value) if value.strip()[:1] in "[{0123456789-tfn\"" else value
    seeds = args.seeds if args.seeds is not None else list(ENSEMBLE_SEEDS)
    if "system.seed" in overrides:  # an experiment with one explicit seed trains one model
        seeds = [overrides.pop("system.seed")]
    if args.out.exists():
        shutil.rmtree(args.out)
    for n, seed in enumerate(seeds):
        # the first seed's model is the pipeline; the others are ensemble members beside it
        target = args.out if n == 0 else args.out / MEMBERS_DIR / f"seed-{seed}"
        model_dir = args.work / ("model" if n == 0 else f"model-seed-{seed}")
        spacy.util.fix_random_seed(1729)
        spacy_train(CONFIG, model_dir, use_gpu=-1, overrides={**overrides, "system.seed": seed})
        shutil.copytree(model_dir / "model-best", target, ignore=shutil.ignore_patterns(*_UNNEEDED))
        if n == 0:
            write_transitions(args.work / "data" / "train.spacy", target)
        prune_strings(target)
        print(f"train: seed {seed} -> {target}", flush=True)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"train: installed {args.out} ({size / 1e6:.1f} MB) in {(time.time() - started) / 60:.1f} min")
    print(f"train: held-out gold for scoring: {args.work / 'data' / 'heldout.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
