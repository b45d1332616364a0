"""Train rasid's NER tagger on NewsFANE + AQMAR and score it on dev, held-out and test.

Why a script in the package: the shipped model (``rasid/models/ner.json.gz``) and the
gazetteer's stoplist (``rasid/data/ner_gazetteer_stop.txt``) must be reproducible from the
public corpora with one command, offline: ``python -m rasid.stages.entities.train``. It reads
the shipped word-cluster table (``rasid/models/ner_clusters.tsv.gz``), which
``python -m rasid.stages.entities.clusters`` rebuilds from unlabeled news.

The model is trained on the train part of :func:`split_corpus` only; every setting was chosen
on its dev part; the NewsFANE held-out part and the ANERcorp test split are for reporting.

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

from rasid.stages.entities.clusters import load_clusters
from rasid.stages.entities.corpora import (
    NEWSFANE_BLOCK,
    TaggedSentence,
    entity_spans,
    split_corpus,
    training_corpus,
)
from rasid.stages.entities.gazetteer import (
    STOPLIST as STOPLIST_NAME,
)
from rasid.stages.entities.gazetteer import (
    build_stoplist,
    city_names,
    filter_names,
    territory_names,
)
from rasid.stages.entities.tagger import FeatureConfig, Tagger, documents

REPO = Path(__file__).resolve().parents[3]
DATA_DIR = REPO.parent / "shared" / "data"
MODEL = REPO / "rasid" / "models" / "ner.json.gz"
STOPLIST = REPO / "rasid" / "data" / STOPLIST_NAME
# CRF settings chosen on the dev split (BENCHMARKS.md, "Entities")
C1 = 0.05
C2 = 0.01
ITERATIONS = 150
DOCUMENT = False  # the document pass (tag_document) did not gain on dev; see BENCHMARKS.md
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


def document_groups(data: Sequence[TaggedSentence]) -> list[list[int]]:
    """The documents of a split, as sentence indices in order.

    AQMAR articles and NewsFANE blocks as the readers mark them; the ANERcorp test split has
    no document marks, so its sentences go in blocks of consecutive sentences of the same
    size as NewsFANE's (a block may straddle two stories, as NewsFANE's blocks do).
    """
    if any(s.doc for s in data):
        return documents(data)
    size = NEWSFANE_BLOCK
    return [list(range(i, min(i + size, len(data)))) for i in range(0, len(data), size)]


def evaluate_documents(
    tagger: Tagger, data: Sequence[TaggedSentence]
) -> tuple[dict[str, Score], float]:
    """:func:`evaluate` with :meth:`Tagger.tag_document` over :func:`document_groups`."""
    predicted: list[list[str]] = [[] for _ in data]
    start = time.perf_counter()
    for group in document_groups(data):
        for i, tags in zip(
            group, tagger.tag_document([data[i].tokens for i in group]), strict=True
        ):
            predicted[i] = tags
    elapsed = time.perf_counter() - start
    scores = score_entities([s.tags for s in data], predicted)
    return scores, len(data) / elapsed if elapsed else float("inf")


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


def write_stoplist(words: Sequence[str], path: Path = STOPLIST) -> None:
    """The gazetteer's stoplist, with a header saying where it comes from."""
    header = (
        "# Words the gazetteer never takes as one-word place names: seen 3+ times in the NER\n"
        "# training split and mostly outside names there. Written by\n"
        "# python -m rasid.stages.entities.train; do not edit by hand.\n"
    )
    path.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")


def build(
    train: Sequence[TaggedSentence],
    *,
    config: FeatureConfig | None = None,
    c1: float = C1,
    c2: float = C2,
    iterations: int = ITERATIONS,
    document: bool = DOCUMENT,
    workers: int = 1,
    clusters: tuple[dict[str, tuple[str, ...]], str] | None = None,
) -> tuple[Tagger, list[str]]:
    """A tagger trained on ``train`` (already :func:`prepare`d) and the stoplist it used.

    ``clusters`` is a word-cluster table and its digest (:mod:`.clusters`); by default the
    shipped one, so rebuild that first when its recipe changes.
    """
    stop = build_stoplist((s.tokens, s.tags) for s in train)
    places = dict.fromkeys(sorted(filter_names(territory_names() | city_names(), set(stop))), "LOC")
    if clusters is None:
        clusters = load_clusters()
    tagger = Tagger(places=places, config=config, clusters=clusters)
    tagger.train(train, c1=c1, c2=c2, iterations=iterations, document=document, workers=workers)
    return tagger, stop


def report(name: str, tagger: Tagger, data: Sequence[TaggedSentence]) -> dict[str, Score]:
    """Print the scores of ``tagger`` on one split, sentence by sentence and by document."""
    scores, speed = evaluate(tagger.tag, data)
    print(f"\n{name} ({len(data)} sentences), CoNLL exact match; {speed:.0f} sentences/s")
    print("\n".join(score_lines(scores)))
    if tagger.has_document_pass:
        scores, speed = evaluate_documents(tagger, data)
        print(f"{name}, document pass; {speed:.0f} sentences/s")
        print("\n".join(score_lines(scores)))
    return scores


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument(
        "--document",
        action=argparse.BooleanOptionalAction,
        default=DOCUMENT,
        help="train the document pass too (tag_document)",
    )
    parser.add_argument("--workers", type=int, default=2, help="processes for the fold models")
    parser.add_argument(
        "--no-stoplist", action="store_true", help="do not rewrite rasid/data/" + STOPLIST.name
    )
    args = parser.parse_args(argv)

    corpus, test, corpus_report = training_corpus(args.data_dir)
    print("\n".join(corpus_report.lines()))
    splits = split_corpus(corpus)
    train, dev, heldout = prepare(splits.train), prepare(splits.dev), prepare(splits.heldout)
    print(f"\nsplit: train {len(train)}, dev {len(dev)}, NewsFANE held-out {len(heldout)}")
    start = time.perf_counter()
    tagger, stop = build(
        train,
        c1=args.c1,
        c2=args.c2,
        iterations=args.iterations,
        document=args.document,
        workers=args.workers,
    )
    print(
        f"trained on {len(train)} sentences in {time.perf_counter() - start:.1f} s; "
        f"{len(tagger.lexicon.places)} gazetteer names, {len(stop)} stop words"
    )
    if not args.no_stoplist:
        write_stoplist(stop)
    tagger.save(args.out)
    print(f"model: {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    loaded = Tagger.load(args.out)
    report("dev", loaded, dev)
    report("NewsFANE held-out", loaded, heldout)
    fac = score_entities(
        [s.tags for s in heldout], [loaded.tag(s.tokens) for s in heldout], ("FAC",)
    )
    print(f"NewsFANE held-out FAC: F1 {100 * fac['FAC'].f1:.1f} (gold {fac['FAC'].gold})")
    report("ANERcorp test", loaded, test)


if __name__ == "__main__":
    main()
