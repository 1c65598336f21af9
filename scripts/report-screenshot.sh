#!/usr/bin/env bash
# Regenerate docs/report.png: run the seeds, render the review report, screenshot it in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/pubsift run raw --out "$work/seeds" --quiet || [ $? -eq 3 ]
.venv/bin/pubsift report "$work/seeds" --html "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1200,1500 --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
mkdir -p docs
cp "$work/report.png" docs/report.png
echo "wrote docs/report.png"
