"""The committed JSON Schemas (schemas/json/) match the pydantic models and the real output."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import ROOT
from schemas import jsonschema as js


def test_committed_schemas_match_models():
    stale = js.stale()
    assert stale == [], f"committed schemas drifted from schemas/models.py: {stale}; run `python -m schemas.jsonschema`"


def test_every_output_file_has_a_schema():
    from pubsift.pipeline import OUTPUT_FILES

    assert {name.split(".")[0] for name in OUTPUT_FILES} <= set(js.OUTPUT_MODELS)


@pytest.mark.parametrize("stem", sorted(js.OUTPUT_MODELS))
def test_committed_schema_is_valid_and_strict(stem):
    schema = json.loads(js.schema_path(stem).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False  # an unknown field in output is a contract change


def test_seed_outputs_validate_against_committed_schemas(seed_run):
    out, _ = seed_run
    checked = 0
    for stem in js.OUTPUT_MODELS:
        path = out / f"{stem}.jsonl"
        if not path.exists():
            continue
        validator = jsonschema.Draft202012Validator(json.loads(js.schema_path(stem).read_text(encoding="utf-8")))
        for line in path.read_text(encoding="utf-8").splitlines():
            errors = [e.message for e in validator.iter_errors(json.loads(line))]
            assert errors == [], (stem, errors)
            checked += 1
        assert js.validate_jsonl(path) == []
    assert checked >= 40


def test_schema_rejects_a_bad_row():
    validator = jsonschema.Draft202012Validator(json.loads(js.schema_path("works").read_text(encoding="utf-8")))
    assert not validator.is_valid({"work_id": "w1", "year": "2020x"})
    assert not validator.is_valid({"work_id": "w1", "surprise": 1})
    assert validator.is_valid({"work_id": "w1", "title": "ok", "year": 2020})


def test_check_command_detects_drift(tmp_path):
    js.write_all(tmp_path)
    check = [sys.executable, "-m", "schemas.jsonschema", "--check", "--dir", str(tmp_path)]
    assert subprocess.run(check, cwd=ROOT, capture_output=True, timeout=60).returncode == 0
    works = js.schema_path("works", tmp_path)
    schema = json.loads(works.read_text(encoding="utf-8"))
    del schema["properties"]["title"]  # what a model change without regeneration looks like
    works.write_text(json.dumps(schema), encoding="utf-8")
    result = subprocess.run(check, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "works.schema.json" in result.stderr


def test_validate_jsonl_reports_line_and_field(tmp_path):
    path = tmp_path / "works.jsonl"
    path.write_text('{"work_id": "w1"}\n{"work_id": "w2", "year": "soon"}\nnope\n', encoding="utf-8")
    problems = js.validate_jsonl(path)
    assert problems[0].startswith(f"{path}:2: year:") and problems[1] == f"{path}:3: not JSON (Expecting value)"
