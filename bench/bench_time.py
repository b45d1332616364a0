"""Time stage throughput: sentences per second on one core.

Sentences are real news sentences (SaudiNewsNet article bodies, read from ../shared/data at
run time, split at terminal punctuation) or, where that corpus is absent, the sentences of
eval/time/gold.jsonl repeated. Each sentence is searched with an anchor date, as the stage
does for a dated document.

    python -m bench.bench_time [--sentences 20000] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.machine import machine_info
from eval.synthetic_pages import load_saudinewsnet
from rasid.stages.time import find_timexes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"
TARGET_SENTENCES_PER_S = 2000.0
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def real_sentences(data_dir: Path, n: int) -> tuple[list[str], str]:
    if (data_dir / "saudinewsnet").exists():
        sentences: list[str] = []
        for article in load_saudinewsnet(data_dir):
            for para in article.paragraphs:
                sentences.extend(s for s in _SENTENCE_END.split(para) if len(s.split()) >= 4)
            if len(sentences) >= n:
                return sentences[:n], "saudinewsnet"
        if sentences:
            return (sentences * (n // len(sentences) + 1))[:n], "saudinewsnet"
    gold = REPO / "eval" / "time" / "gold.jsonl"
    lines = [json.loads(x)["text"] for x in gold.read_text(encoding="utf-8").splitlines() if x]
    return (lines * (n // len(lines) + 1))[:n], "eval/time/gold.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sentences, origin = real_sentences(args.data_dir, args.sentences)
    anchor = date(2015, 8, 1)
    for s in sentences[:200]:  # warm-up: compile patterns, load CLDR
        find_timexes(s, anchor)
    t0 = time.perf_counter()
    found = sum(len(find_timexes(s, anchor)) for s in sentences)
    seconds = time.perf_counter() - t0
    rate = len(sentences) / seconds
    info = machine_info()
    verdict = "meets" if rate >= TARGET_SENTENCES_PER_S else "MISSES"
    rows = [
        ("sentences", f"{len(sentences)} ({origin})"),
        ("expressions found", str(found)),
        ("seconds", f"{seconds:.2f}"),
        ("sentences/s", f"{rate:.0f}"),
    ]
    if args.markdown:
        print("## Time stage benchmark\n")
        for k, v in info.items():
            print(f"- {k}: {v}")
        print("- process: single process, single thread, pinned to one CPU\n")
        print("| measure | value |\n|---|---:|")
        for k, v in rows:
            print(f"| {k} | {v} |")
        print(f"\n- target: {verdict} the target of {TARGET_SENTENCES_PER_S:.0f} sentences/s")
    else:
        for k, v in [*info.items(), *rows]:
            print(f"{k:>18}: {v}")
        print(f"{'target':>18}: {verdict} {TARGET_SENTENCES_PER_S:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
