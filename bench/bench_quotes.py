"""Quotes stage throughput (sentences/s on one core), the stage alone.

The stage runs on real news text — SaudiNewsNet article bodies read from ../shared/data at
run time, one document per article — or, where that corpus is absent, on rasid's own 40
gold articles repeated. Segmentation and entities run first and are not timed: the quotes
stage reads their spans. Then the quotes part of ``python -m eval.events_eval`` runs.

    python -m bench.bench_quotes [--documents 500] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_entities import DEFAULT_DATA_DIR, documents
from eval import events_eval
from eval.machine import machine_info
from eval.tables import print_header
from rasid.stages.entities import entities_stage
from rasid.stages.quotes import find_quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=500)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--no-eval", action="store_true", help="speed only")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs, origin = documents(args.data_dir, args.documents)
    docs = [entities_stage(doc) for doc in docs]
    for doc in docs[:20]:  # warm-up: word lists, caches
        find_quotes(doc)
    start = time.perf_counter()
    found = sum(len(find_quotes(doc)) for doc in docs)
    elapsed = time.perf_counter() - start
    sentences = sum(len(d.sentences) for d in docs)
    notes = [
        f"text: {len(docs)} documents, {sentences} sentences from {origin}",
        "process: single thread, pinned to one CPU; entities computed before timing",
    ]
    print_header("Quotes stage speed", machine_info(), notes, args.markdown)
    print(
        f"{sentences / elapsed:,.0f} sentences/s, {len(docs) / elapsed:,.0f} documents/s, "
        f"{found} quotes ({elapsed:.2f} s)"
    )
    print()
    if args.no_eval:
        return 0
    return events_eval.main(["--markdown"] if args.markdown else [])


if __name__ == "__main__":
    raise SystemExit(main())
