"""NER tagger throughput: sentences per second and peak memory on one core.

Sentences are the ANERcorp CAMeL Lab test split (925 news sentences, 25,008 tokens, read from
../shared/data at run time), tagged ``--rounds`` times by ``load_default().tag`` — exactly
what the rest of rasid calls. Where the corpus is absent, sentences written for the tests
are used instead (and the figure says so). Peak memory is the process's maximum resident
set size, model loaded; the model load time is reported apart.

    python -m bench.bench_ner [--rounds 5] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.machine import machine_info
from rasid.stages.entities.clusters import default_path as clusters_path
from rasid.stages.entities.corpora import ANERCORP_TEST_FILE, read_anercorp
from rasid.stages.entities.tagger import default_model_path, load_default

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"
TARGET_SENTENCES_PER_S = 1500.0
FALLBACK = [
    "وقال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن المحادثات ستستأنف الأسبوع المقبل .",
    "وأعلنت الشركة الوطنية للنفط أن صادراتها ارتفعت خلال الربع الأول من العام الجاري .",
    "والتقى رئيس الوزراء في مدينة الإسكندرية وفدا من رجال الأعمال القادمين من تونس .",
]


def sentences(data_dir: Path) -> tuple[list[list[str]], str]:
    path = data_dir / ANERCORP_TEST_FILE
    if path.exists():
        return [s.tokens for s in read_anercorp(path)], "ANERcorp CAMeL test split"
    return [s.split() for s in FALLBACK] * 300, "sentences written for rasid (no corpus)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    batch, origin = sentences(args.data_dir)
    t0 = time.perf_counter()
    tagger = load_default()
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    entities = 0
    for _ in range(args.rounds):
        for tokens in batch:
            entities += sum(tag.startswith("B-") for tag in tagger.tag(tokens))
    seconds = time.perf_counter() - t0
    count = len(batch) * args.rounds
    tokens = sum(len(s) for s in batch) * args.rounds
    rate = count / seconds
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "meets" if rate >= TARGET_SENTENCES_PER_S else "MISSES"
    size = default_model_path().stat().st_size / 1e6
    rows = [
        ("sentences tagged", f"{count} ({origin}, {args.rounds} rounds)"),
        ("tokens", str(tokens)),
        ("entities found", str(entities)),
        ("model file", f"{size:.2f} MB"),
        ("word-cluster table", f"{clusters_path().stat().st_size / 1e6:.2f} MB"),
        ("model load (s)", f"{load_seconds:.2f}"),
        ("seconds", f"{seconds:.2f}"),
        ("sentences/s", f"{rate:.0f}"),
        ("tokens/s", f"{tokens / seconds:.0f}"),
        ("peak RSS (MB)", f"{peak_mb:.0f}"),
    ]
    info = machine_info()
    if args.markdown:
        print("## NER tagger benchmark\n")
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
