"""NER evaluation: the shipped tagger against a most-frequent-tag baseline on ANERcorp test.

Why: an F1 alone does not say whether the perceptron learned anything beyond memorising
names. The baseline tags every token with the tag it carried most often in the same training
data (NewsFANE + AQMAR without the test text), so the gap between the two rows is what
context and word-form features buy.

Metrics: CoNLL-style entity-level precision/recall/F1 (type and both ends exact) per type and
micro-averaged over PER, LOC and ORG; ANERcorp's MISC is left out (rasid has no such type);
rasid's speed in sentences per second on one core. Run ``python -m eval.ner_eval --help``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval import tables
from eval.machine import machine_info
from rasid.normalize import normalize_arabic
from rasid.stages.entities.corpora import TaggedSentence, repair_iob, training_corpus
from rasid.stages.entities.tagger import Tagger, default_model_path
from rasid.stages.entities.train import DATA_DIR, SCORED_TYPES, Score, evaluate


class MostFrequentTag:
    """Each normalized token gets its most frequent training tag; unseen tokens get O."""

    def __init__(self, sentences: Sequence[TaggedSentence]) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for sentence in sentences:
            for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
                counts[normalize_arabic(token)][tag] += 1
        self.best = {word: tags.most_common(1)[0][0] for word, tags in counts.items()}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return repair_iob([self.best.get(normalize_arabic(t), "O") for t in tokens])


def rows(system: str, scores: dict[str, Score]) -> list[list[str]]:
    out = []
    for kind in [*SCORED_TYPES, "micro"]:
        s = scores[kind]
        out.append(
            [
                system,
                kind,
                f"{100 * s.precision:.1f}",
                f"{100 * s.recall:.1f}",
                f"{100 * s.f1:.1f}",
                str(s.gold),
                str(s.predicted),
            ]
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--model", type=Path, default=None, help="default: the shipped model")
    parser.add_argument("--markdown", action="store_true", help="GitHub tables")
    args = parser.parse_args(argv)

    train, test, _ = training_corpus(args.data_dir)
    model = args.model or default_model_path()
    tagger = Tagger.load(model)
    rasid_scores, speed = evaluate(tagger.tag, test)
    baseline_scores, baseline_speed = evaluate(MostFrequentTag(train).tag, test)

    info = machine_info()
    print(" · ".join(f"{k}: {v}" for k, v in info.items()))
    print(
        f"\nANERcorp CAMeL test split: {len(test)} sentences, "
        f"{sum(len(s.tokens) for s in test)} tokens; training: {len(train)} sentences "
        f"(NewsFANE + AQMAR); model {model.name} {model.stat().st_size / 1e6:.2f} MB\n"
    )
    headers = ["system", "type", "P", "R", "F1", "gold", "predicted"]
    cells = rows("rasid", rasid_scores) + rows("most-frequent-tag", baseline_scores)
    print(tables.render_table(headers, cells, args.markdown))
    print(
        f"\nspeed (one core, tagging only): rasid {speed:,.0f} sentences/s; "
        f"baseline {baseline_speed:,.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
