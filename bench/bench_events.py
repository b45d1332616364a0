"""Events stage throughput (sentences/s on one core) on real news text.

The stage reads what the earlier stages leave (sentences, entities, time expressions and,
unless --no-quotes, quotes), so those run first, untimed, over SaudiNewsNet article bodies read
from ../shared/data at run time (or rasid's own 40 gold articles repeated where that corpus
is absent). Only :func:`rasid.stages.events.find_events` is timed.

    python -m bench.bench_events [--documents 500] [--no-quotes] [--markdown]
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
from eval.machine import machine_info
from eval.tables import print_header
from rasid.document import Document
from rasid.stages.entities import entities_stage
from rasid.stages.events import find_events
from rasid.stages.quotes import quotes_stage
from rasid.stages.time import time_stage


def _prepared(doc: Document, quotes: bool) -> Document:
    doc = entities_stage(time_stage(doc))
    if not quotes:
        return doc
    return quotes_stage(doc)  # speech events come from the quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=500)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--no-quotes", action="store_true", help="run without the quotes stage")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs, origin = documents(args.data_dir, args.documents)
    docs = [_prepared(doc, not args.no_quotes) for doc in docs]
    for doc in docs[:20]:  # warm-up: lexicon, word lists
        find_events(doc)
    start = time.perf_counter()
    events = sum(len(find_events(doc)) for doc in docs)
    elapsed = time.perf_counter() - start
    sentences = sum(len(d.sentences) for d in docs)
    notes = [
        f"text: {len(docs)} documents, {sentences} sentences from {origin}",
        "process: single thread, pinned to one CPU; earlier stages run untimed",
        f"quotes stage: {'off' if args.no_quotes else 'on'}",
    ]
    print_header("Events stage speed", machine_info(), notes, args.markdown)
    print(
        f"{sentences / elapsed:,.0f} sentences/s, {len(docs) / elapsed:,.0f} documents/s, "
        f"{events} events ({elapsed:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
