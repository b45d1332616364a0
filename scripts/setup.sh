#!/usr/bin/env bash
# Create .venv (if missing) and install rasid with its test tools. Safe to run again.
# pip's output goes to .venv/install.log and is shown only if the install fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
log=.venv/install.log
if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e '.[dev]'; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup failed: see $log" >&2
  exit 1
fi
