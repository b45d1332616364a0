#!/usr/bin/env bash
# Set rasid up and run its main job on the bundled sample corpus.
# Writes out/demo/corpus.json and out/demo/report.html, and a SQLite store out/demo/rasid.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/rasid analyze examples/corpus --out out/demo
.venv/bin/rasid ingest examples/corpus --db out/demo/rasid.db
echo
echo "Open out/demo/report.html in a browser; try: .venv/bin/rasid search 'مكتبه رقميه' --db out/demo/rasid.db  (finds «مكتبة رقمية»)"
