"""JSON Schema for every .jsonl file `pubsift run` writes, generated from the pydantic models.

The committed copies live in `schemas/json/` for people who consume pubsift output without
Python; a test regenerates them and fails when models and files drift. Regenerate with:

    python -m schemas.jsonschema          # rewrite schemas/json/*.schema.json
    python -m schemas.jsonschema --check  # exit 1 if they are stale

>>> schema = output_schema("works")
>>> schema["title"], schema["type"], "work_id" in schema["required"]
('Work', 'object', True)
>>> validate_row("works", {"work_id": "w1", "title": "A Paper"})
[]
>>> validate_row("works", {"title": "No id"})
['work_id: Field required']
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from schemas import models

SCHEMA_DIR = Path(__file__).resolve().parent / "json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# output file stem -> model of one line. A new output file = one more entry here.
OUTPUT_MODELS: dict[str, type[BaseModel]] = {
    "records": models.Record,
    "works": models.Work,
    "profiles": models.Profile,
    "manifest": models.ManifestEntry,
}
if hasattr(models, "Researcher"):  # researchers.jsonl, when the people-identity feature is present
    OUTPUT_MODELS["researchers"] = models.Researcher


def output_schema(stem: str) -> dict[str, Any]:
    """The JSON Schema of one line of `<stem>.jsonl` (as written: serialisation mode)."""
    model = OUTPUT_MODELS[stem]
    schema = model.model_json_schema(mode="serialization")
    schema = {"$schema": DIALECT, "$id": f"{stem}.schema.json", **schema}
    schema["description"] = (f"One line of {stem}.jsonl written by `pubsift run`. "
                             + (schema.get("description") or "").strip()).strip()
    return schema


def schema_text(stem: str) -> str:
    """Canonical file text: sorted keys, 2-space indent, UTF-8, trailing newline."""
    return json.dumps(output_schema(stem), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path(stem: str, folder: Path = SCHEMA_DIR) -> Path:
    return folder / f"{stem}.schema.json"


def stale(folder: Path = SCHEMA_DIR) -> list[str]:
    """File names of committed schemas that differ from the models (or is missing), plus stray files."""
    problems = [schema_path(stem, folder).name for stem in OUTPUT_MODELS
                if not schema_path(stem, folder).exists() or schema_path(stem, folder).read_text(encoding="utf-8") != schema_text(stem)]
    known = {schema_path(stem, folder).name for stem in OUTPUT_MODELS}
    problems += [p.name for p in sorted(folder.glob("*.schema.json")) if p.name not in known]
    return problems


def write_all(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in OUTPUT_MODELS:
        path = schema_path(stem, folder)
        path.write_text(schema_text(stem), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def validate_row(stem: str, row: dict) -> list[str]:
    """Problems with one output row, as 'field.path: message' (empty when valid)."""
    try:
        OUTPUT_MODELS[stem].model_validate(row)
    except ValidationError as error:
        return [f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in error.errors()]
    return []


def validate_jsonl(path: str | Path, stem: str | None = None) -> list[str]:
    """Problems in a whole .jsonl output file, as 'file:line: field: message'.

    `stem` defaults to the file name (works.jsonl -> works).
    """
    path = Path(path)
    stem = stem or path.name.split(".")[0]
    if stem not in OUTPUT_MODELS:
        return [f"{path}: unknown output file (expected one of {', '.join(s + '.jsonl' for s in OUTPUT_MODELS)})"]
    problems = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{path}:{number}: not JSON ({error.msg})")
                continue
            problems += [f"{path}:{number}: {p}" for p in validate_row(stem, row)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schemas.jsonschema", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the committed schemas are stale")
    parser.add_argument("--dir", type=Path, default=SCHEMA_DIR, help=f"output folder (default {SCHEMA_DIR})")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(args.dir)
        for name in problems:
            print(f"stale: {name} (run: python -m schemas.jsonschema)", file=sys.stderr)
        return 1 if problems else 0
    for path in write_all(args.dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
