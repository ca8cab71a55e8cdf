#!/usr/bin/env bash
# Run marsad's test suite on this machine, setting up whatever is missing first.
#
#   bash scripts/test.sh [pytest args...]
#
# Installs the package with its test and spark extras when missing, Debian's Chromium
# (browser tests), Java (the Spark test) and PostgreSQL (the store suite runs on SQLite and on PostgreSQL) when missing,
# starts a throwaway PostgreSQL server on 127.0.0.1, then runs ruff, mypy (strict on src/) and
# pytest on both cores, then (with no pytest args) the slow currency tests of the learned events
# weights. Tests that need ../shared skip when it is absent.
# MARSAD_SKIP_PG=1 runs without PostgreSQL (its cases skip); MARSAD_TEST_PG=URL uses a server you run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

if ! "$PY" -c "import marsad, pytest, hypothesis, datasketch, pyspark, torch" 2>/dev/null; then
  "$PY" -m pip install --quiet -e ".[test,train,spark]"
fi

apt_install() {  # apt_install PACKAGE: as root, with one retry after refreshing the package lists
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
}

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Chromium for the browser tests" >&2
  apt_install chromium || echo "test.sh: Chromium not installed; browser tests will skip" >&2
fi

# `marsad spark` runs on Java 17 (its test skips without java).
if ! command -v java >/dev/null 2>&1; then
  echo "test.sh: installing Java for the Spark test" >&2
  apt_install default-jre-headless || echo "test.sh: Java not installed; the Spark test will skip" >&2
fi

if [ -z "${MARSAD_TEST_PG:-}" ] && [ "${MARSAD_SKIP_PG:-0}" != 1 ]; then
  MARSAD_TEST_PG="$(bash scripts/pg_test_server.sh)"
  export MARSAD_TEST_PG
fi

"$PY" -m ruff check src tests bench scripts training
"$PY" -m mypy src/marsad
"$PY" -m pytest -q -n 2 -p no:cacheprovider "$@"
if [ $# -eq 0 ]; then
  # The learned events weights must be what their build scripts make of the current rules: these
  # slow tests (about 40 s; they skip without ../shared) went unnoticed outside the default run.
  "$PY" -m pytest -q -p no:cacheprovider -m slow -k weights_are_current \
    tests/test_events_filter.py tests/test_events_argmodel.py
fi
