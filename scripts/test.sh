#!/usr/bin/env bash
# Install pubsift with its test extras into .venv and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# spark: the Spark engine tests run Spark in local mode (they skip where Java is missing)
.venv/bin/python -m pip install -q -e ".[test,spark]"
# The report's browser test needs Chromium. In CI (as root) install Debian's package when it is
# missing; if apt cannot, the browser test skips and says why.
if [ -n "${CI:-}" ] && [ "$(id -u)" = 0 ] && ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing chromium for the browser test" >&2
    { timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -qq chromium fonts-dejavu-core; } \
        >/tmp/pubsift-apt-chromium.log 2>&1 || echo "test.sh: chromium install failed (see /tmp/pubsift-apt-chromium.log); browser tests will skip" >&2
fi
# The Spark engine tests need Java 17+; install Debian's headless JRE in CI when it is missing
# (if apt cannot, those tests skip and say why).
if [ -n "${CI:-}" ] && [ "$(id -u)" = 0 ] && ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing a Java runtime for the Spark tests" >&2
    { timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -qq openjdk-17-jre-headless; } \
        >/tmp/pubsift-apt-java.log 2>&1 || echo "test.sh: Java install failed (see /tmp/pubsift-apt-java.log); Spark tests will skip" >&2
fi
exec .venv/bin/python -m pytest -q "$@"
