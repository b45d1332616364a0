"""NER evaluation: the shipped tagger against a most-frequent-tag baseline on three splits.

Splits: dev (whole AQMAR articles + NewsFANE blocks, every setting was chosen on it), a
NewsFANE held-out part never looked at while tuning, and the ANERcorp CAMeL Lab test split
(news from the same agency feed as NewsFANE, annotated by other people with other rules).

Why a baseline: an F1 alone does not say whether the tagger learned anything beyond memorising
names. The baseline tags every token with the tag it carried most often in the same training
data, so the gap between the two rows is what context and word-form features buy.

Metrics: CoNLL-style entity-level precision/recall/F1 (type and both ends exact) per type and
micro-averaged over PER, LOC and ORG; FAC (NewsFANE only) apart; ANERcorp's MISC is left out
(rasid has no such type); rasid's speed in sentences per second on one core. "document pass"
rows tag whole documents with :meth:`Tagger.tag_document` (ANERcorp, which has no document
marks, in blocks of 40 consecutive sentences).
Run ``python -m eval.ner_eval --help``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval import tables
from eval.machine import machine_info
from rasid.normalize import normalize_arabic
from rasid.stages.entities.clusters import default_path as clusters_path
from rasid.stages.entities.corpora import (
    TaggedSentence,
    repair_iob,
    split_corpus,
    training_corpus,
)
from rasid.stages.entities.tagger import Tagger, default_model_path
from rasid.stages.entities.train import (
    DATA_DIR,
    Score,
    evaluate,
    evaluate_documents,
    prepare,
    score_entities,
)

Scored = dict[str, Score]


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


def rows(split: str, system: str, scores: dict[str, Score]) -> list[list[str]]:
    out = []
    for kind, s in scores.items():
        out.append(
            [
                split,
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


# Published figures on ANERcorp-style data, for scale: all train on the corpus's own training
# split (not available here) and use pretrained transformers or neural taggers.
REFERENCES = [
    "BERT-based taggers (CAMeLBERT, AraBERT, mBERT) fine-tuned on ANERcorp's own training "
    "split: micro F1 about 0.81-0.89 depending on the split",
    "Stanza (Qi et al. 2020), Arabic NER trained and tested on AQMAR: F1 0.74",
]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--model", type=Path, default=None, help="default: the shipped model")
    parser.add_argument("--markdown", action="store_true", help="GitHub tables")
    args = parser.parse_args(argv)

    corpus, test, _ = training_corpus(args.data_dir)
    splits = split_corpus(corpus)
    train, dev, heldout = prepare(splits.train), prepare(splits.dev), prepare(splits.heldout)
    model = args.model or default_model_path()
    tagger = Tagger.load(model)
    baseline = MostFrequentTag(train)

    info = machine_info()
    print(" · ".join(f"{k}: {v}" for k, v in info.items()))
    print(
        f"\ntraining: {len(train)} sentences (NewsFANE + AQMAR train part); dev {len(dev)} "
        f"(whole AQMAR articles + NewsFANE blocks), NewsFANE held-out {len(heldout)}; "
        f"ANERcorp CAMeL test {len(test)} sentences, {sum(len(s.tokens) for s in test)} tokens; "
        f"model {model.name} {model.stat().st_size / 1e6:.2f} MB"
        f" + word clusters {clusters_path().name} {clusters_path().stat().st_size / 1e6:.2f} MB\n"
    )
    cells: list[list[str]] = []
    speeds: dict[str, float] = {}
    systems: list[tuple[str, Callable[[Sequence[TaggedSentence]], tuple[Scored, float]]]] = [
        ("rasid", lambda data: evaluate(tagger.tag, data)),
        ("most-frequent-tag", lambda data: evaluate(baseline.tag, data)),
    ]
    if tagger.has_document_pass:
        systems.insert(1, ("rasid, document pass", lambda data: evaluate_documents(tagger, data)))
    for split, data in [("dev", dev), ("NewsFANE held-out", heldout), ("ANERcorp test", test)]:
        for system, run in systems:
            scores, rate = run(data)
            if split == "ANERcorp test":
                speeds[system] = rate
            cells += rows(split, system, scores)
        if split == "NewsFANE held-out":  # FAC apart: only NewsFANE marks facilities
            predicted = [tagger.tag(s.tokens) for s in data]
            fac = score_entities([s.tags for s in data], predicted, ("FAC",))
            cells += rows(split, "rasid", {"FAC": fac["FAC"]})
    headers = ["split", "system", "type", "P", "R", "F1", "gold", "predicted"]
    print(tables.render_table(headers, cells, args.markdown))
    print(
        "\nspeed (one core, tagging only, ANERcorp test): "
        + "; ".join(f"{system} {rate:,.0f} sentences/s" for system, rate in speeds.items())
    )
    print("\nPublished references (not comparable setups: in-domain training data):")
    for line in REFERENCES:
        print(f"- {line}")


if __name__ == "__main__":
    main()
