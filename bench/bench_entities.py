"""Entities stage throughput (sentences/s on one core) and the full actor evaluation.

The stage runs on real news text — SaudiNewsNet article bodies read from ../shared/data at
run time, one document per article — or, where that corpus is absent, on rasid's own 40
gold articles repeated. It is the whole stage (tagger, rules, consistency, roles, actors),
not the tagger alone (``bench/bench_ner.py`` times that). Then the full evaluation of
``python -m eval.entities_eval`` runs (CI runs a slice of it).

    python -m bench.bench_entities [--documents 1000] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval import entities_eval
from eval.machine import machine_info
from eval.synthetic_pages import load_saudinewsnet
from eval.tables import print_header
from rasid.document import Document
from rasid.stages.entities import find_mentions
from rasid.stages.segment import segment_stage

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"


def documents(data_dir: Path, n: int) -> tuple[list[Document], str]:
    """``n`` segmented documents of real news text (or the gold articles repeated)."""
    texts: list[str] = []
    origin = "saudinewsnet"
    if (data_dir / "saudinewsnet").exists():
        for article in load_saudinewsnet(data_dir):
            texts.append("\n\n".join(article.paragraphs))
            if len(texts) >= n:
                break
    if not texts:
        origin = "eval/entities/articles"
        gold = sorted((REPO / "eval" / "entities" / "articles").glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in gold]
    texts = (texts * (n // len(texts) + 1))[:n]
    docs = []
    for i, text in enumerate(texts):
        doc = Document(id=str(i), page_id=str(i), article_index=0, source="bench", format="txt")
        doc.clean_text = text
        docs.append(segment_stage(doc))
    return docs, origin


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs, origin = documents(args.data_dir, args.documents)
    for doc in docs[:20]:  # warm-up: model, lexicon, word lists
        find_mentions(doc)
    start = time.perf_counter()
    mentions = sum(len(find_mentions(doc)[0]) for doc in docs)
    elapsed = time.perf_counter() - start
    sentences = sum(len(d.sentences) for d in docs)
    notes = [
        f"text: {len(docs)} documents, {sentences} sentences from {origin}",
        "process: single thread, pinned to one CPU",
    ]
    print_header("Entities stage speed", machine_info(), notes, args.markdown)
    print(
        f"{sentences / elapsed:,.0f} sentences/s, {len(docs) / elapsed:,.0f} documents/s, "
        f"{mentions} mentions ({elapsed:.1f} s)"
    )
    print()
    return entities_eval.main(["--markdown"] if args.markdown else [])


if __name__ == "__main__":
    raise SystemExit(main())
