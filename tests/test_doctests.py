"""The documented Python API: every docstring example and docs/api.md run as tests.

Only the public modules are listed (pytest's --doctest-modules would import every module)."""
from __future__ import annotations

import doctest
import importlib

import pytest

from conftest import ROOT

PUBLIC_MODULES = ("extract", "schemas", "schemas.export", "schemas.jsonschema", "pubsift.report")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_module_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, verbose=False)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


def test_api_guide_examples():
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=FLAGS, verbose=False)
    assert result.attempted >= 10
    assert result.failed == 0
