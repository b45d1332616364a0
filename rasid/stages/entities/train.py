"""Train rasid's NER tagger on NewsFANE + AQMAR and score it on the ANERcorp test split.

Why a script in the package: the shipped model (``rasid/models/ner.json.gz``) must be
reproducible from the public corpora with one command, offline:
``python -m rasid.stages.entities.train [--data-dir DIR] [--out PATH] [--iterations N]``.

Scores are CoNLL-style: an entity counts only when its type and both ends match exactly;
micro P/R/F1 over PER, LOC and ORG (ANERcorp's MISC maps to nothing rasid tags).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasid.stages.entities.corpora import TaggedSentence, entity_spans, training_corpus
from rasid.stages.entities.tagger import Tagger

REPO = Path(__file__).resolve().parents[3]
DATA_DIR = REPO.parent / "shared" / "data"
MODEL = REPO / "rasid" / "models" / "ner.json.gz"
SCORED_TYPES = ("PER", "LOC", "ORG")


@dataclass
class Score:
    """Exact-match counts for one entity type (or all of them)."""

    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_entities(
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    types: Sequence[str] = SCORED_TYPES,
) -> dict[str, Score]:
    """Per type and ``"micro"``: CoNLL exact-match counts over the given types only."""
    scores = {kind: Score() for kind in [*types, "micro"]}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = {s for s in entity_spans(gold_tags) if s[2] in types}
        predicted_spans = {s for s in entity_spans(predicted_tags) if s[2] in types}
        hits = Counter(s[2] for s in gold_spans & predicted_spans)
        for kind in types:
            score = scores[kind]
            score.true_positive += hits[kind]
            score.gold += sum(1 for s in gold_spans if s[2] == kind)
            score.predicted += sum(1 for s in predicted_spans if s[2] == kind)
    micro = scores["micro"]
    for kind in types:
        micro.true_positive += scores[kind].true_positive
        micro.gold += scores[kind].gold
        micro.predicted += scores[kind].predicted
    return scores


def evaluate(
    tag: Callable[[Sequence[str]], list[str]], test: Sequence[TaggedSentence]
) -> tuple[dict[str, Score], float]:
    """Scores of a tagging function on ``test`` and its speed in sentences per second."""
    start = time.perf_counter()
    predicted = [tag(s.tokens) for s in test]
    elapsed = time.perf_counter() - start
    scores = score_entities([s.tags for s in test], predicted)
    return scores, len(test) / elapsed if elapsed else float("inf")


def score_lines(scores: dict[str, Score]) -> list[str]:
    """Scores as plain text, one type a line."""
    lines = [f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for kind, s in scores.items():
        lines.append(
            f"{kind:<6}{100 * s.precision:>7.1f}{100 * s.recall:>7.1f}{100 * s.f1:>7.1f}"
            f"{s.gold:>7}{s.predicted:>7}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    train, test, report = training_corpus(args.data_dir)
    print("\n".join(report.lines()))
    tagger = Tagger()
    start = time.perf_counter()
    tagger.train(train, iterations=args.iterations, seed=args.seed)
    print(
        f"\ntrained on {len(train)} sentences, {args.iterations} iterations, "
        f"in {time.perf_counter() - start:.1f} s; {len(tagger.weights)} features kept"
    )
    tagger.save(args.out)
    size = args.out.stat().st_size
    print(f"model: {args.out} ({size / 1e6:.2f} MB)")
    scores, speed = evaluate(Tagger.load(args.out).tag, test)
    print(f"\nANERcorp test ({len(test)} sentences), CoNLL exact match; {speed:.0f} sentences/s")
    print("\n".join(score_lines(scores)))


if __name__ == "__main__":
    main()
