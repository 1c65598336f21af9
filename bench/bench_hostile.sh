#!/usr/bin/env bash
# Peak memory and time of `pubsift run` on the hostile corpus with a 100 MB page of about a
# million entries, under three limit settings. Peak RSS comes from GNU time (`/usr/bin/time -v`:
# the largest single process, parent or worker); "tree peak" sums the RSS of the whole process
# group, sampled every 0.2 s, since workers are separate processes.
#
#   bash bench/bench_hostile.sh [BIG_MB] [WORKDIR]      (defaults: 100, /tmp/pubsift-bench-hostile)
#
# Needs GNU time: apt-get install -y time (Debian). Results are printed and kept in WORKDIR/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BIG_MB="${1:-100}"
WORK="${2:-/tmp/pubsift-bench-hostile}"
PY=.venv/bin/python
if [ ! -x /usr/bin/time ]; then
    echo "bench_hostile: /usr/bin/time missing (apt-get install -y time)" >&2
    exit 2
fi
rm -rf "$WORK"
mkdir -p "$WORK"
$PY -m tests.hostile.generate "$WORK/corpus" --big-mb "$BIG_MB"
RESULTS="$WORK/results.txt"
: > "$RESULTS"

run_case() {  # name, extra pubsift options...
    local name="$1"; shift
    local out="$WORK/out-$name" log="$WORK/$name.time" tree="$WORK/$name.tree"
    /usr/bin/time -v $PY -m pubsift run "$WORK/corpus/inputs" --out "$out" --no-ledger --quiet "$@" \
        > "$WORK/$name.stdout" 2> "$log" &
    local waiter=$!
    $PY bench/tree_rss.py "$waiter" > "$tree" &
    local sampler=$!
    local rc=0
    wait "$waiter" || rc=$?
    wait "$sampler" || true
    local peak wall big
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    big=$($PY - "$out/manifest.jsonl" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    if m["path"] == "big_listing.html":
        print(f'{m["status"]}, {m["records"]} records, reason: {m["reason"]}')
EOF
)
    if grep -q Traceback "$log" "$WORK/$name.stdout"; then big="$big  [TRACEBACK PRINTED]"; fi
    printf '%-28s exit %s  wall %s  peak RSS (largest process) %s MB  tree peak %s MB\n    big page: %s\n' \
        "$name" "$rc" "$wall" "$peak" "$(cat "$tree")" "$big" | tee -a "$RESULTS"
}

run_case "defaults"
run_case "max-page-mb-200" --max-page-mb 200
run_case "max-page-200-parse-200" --max-page-mb 200 --max-parse-mb 200
echo "results in $RESULTS"
