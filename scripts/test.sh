#!/usr/bin/env bash
# Run marsad's test suite on this machine, setting up whatever is missing first.
#
#   bash scripts/test.sh [pytest args...]
#
# Installs the package with its test extras when `marsad` is not importable, then runs mypy
# (strict on src/), ruff and pytest on both cores. Tests that need ../shared skip when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

if ! "$PY" -c "import marsad, pytest, hypothesis" 2>/dev/null; then
  "$PY" -m pip install --quiet -e ".[test]"
fi

"$PY" -m ruff check src tests bench scripts
"$PY" -m mypy src/marsad
"$PY" -m pytest -q -n 2 -p no:cacheprovider "$@"
