#!/usr/bin/env bash
# Install pubsift into .venv and run the main job on the sample pages in raw/ (output in out/).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/pubsift run raw --out out "$@"
