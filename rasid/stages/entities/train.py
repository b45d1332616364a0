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
# NewsFANE writes clitics as tokens of their own ("و قال", "ان ه"); ANERcorp and running text
# keep them on the word. Letters that can only be a proclitic or only an enclitic here:
PROCLITIC_TOKENS = frozenset({"و", "ف", "ب", "ل"})
ENCLITIC_TOKENS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ي", "كم", "كما", "كن"})


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


def join_clitics(sentence: TaggedSentence) -> TaggedSentence:
    """NewsFANE's split-off clitics put back on their words, so training text looks like test text.

    A proclitic token tagged O joins the next token (and takes its tag); an enclitic token
    tagged O joins the previous token when that one is O too (a pronoun is never inside a name).
    """
    tokens: list[str] = []
    tags: list[str] = []
    pending = ""
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        if tag == "O" and token in PROCLITIC_TOKENS:
            pending += token
            continue
        if pending:
            tokens.append(pending + token)
            tags.append(tag)
            pending = ""
        elif tag == "O" and token in ENCLITIC_TOKENS and tags and tags[-1] == "O":
            tokens[-1] += token
        else:
            tokens.append(token)
            tags.append(tag)
    if pending:
        tokens.append(pending)
        tags.append("O")
    return TaggedSentence(tokens, tags, sentence.source)


def prepare(sentences: Sequence[TaggedSentence]) -> list[TaggedSentence]:
    """Training sentences as the tagger should see them (NewsFANE's clitics rejoined)."""
    return [join_clitics(s) if s.source == "newsfane" else s for s in sentences]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--prune", type=float, default=0.05)
    parser.add_argument("--dropout", type=float, default=0.0)
    args = parser.parse_args(argv)

    train, test, report = training_corpus(args.data_dir)
    print("\n".join(report.lines()))
    tagger = Tagger()
    start = time.perf_counter()
    tagger.train(
        prepare(train),
        iterations=args.iterations,
        seed=args.seed,
        prune=args.prune,
        dropout=args.dropout,
    )
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
