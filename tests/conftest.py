"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs property tests with a fixed seed: a failure there is reproducible, never a flake;
# local runs keep exploring new examples
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PUBSIFT_SHARED", ROOT.parent / "shared"))
RAW = ROOT / "raw"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not available ({path})")
    return path


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One `pubsift run raw` for the whole session (the seeds are committed in raw/)."""
    from pubsift.pipeline import run

    out = tmp_path_factory.mktemp("seed-run")
    result = run([str(RAW)], str(out), jobs=1)
    return out, result
