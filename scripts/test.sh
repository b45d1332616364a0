#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite plus lint. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check --output-format concise rasid tests eval bench
.venv/bin/ruff format --check --quiet rasid tests eval bench
.venv/bin/python -m pytest -q "$@"
