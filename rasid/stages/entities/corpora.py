"""The NER training and evaluation corpora, read into rasid's tag set.

Three public corpora with three formats and three taxonomies (NewsFANE's ~45 fine classes,
AQMAR's per-article MIS classes, ANERcorp's PERS/LOC/ORG/MISC) become one list of sentences
tagged in IOB2 over PER ORG LOC FAC EVENT LAW. The mapping lives in
``rasid/data/ner_type_map.tsv`` so it can be read and argued about without reading code.

NewsFANE re-annotates ANERcorp's newswire, so training on it and scoring on the ANERcorp test
split would score memorised sentences. :func:`near_duplicates` finds every training sentence
that shares its text with a test sentence and :func:`training_corpus` drops them.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rasid.normalize import normalize_arabic

TYPES = ("PER", "ORG", "LOC", "FAC", "EVENT", "LAW")
NEWSFANE_FILE = Path("newsfane_gold") / "NewsFANE_Gold_2014_170K.txt"
AQMAR_DIR = Path("aqmar") / "articles"
ANERCORP_TEST_FILE = Path("anercorp_camellab") / "ANERCorp_CamelLab_test.txt"

# NewsFANE puts U+200E before most tokens; AQMAR has a few stray U+200E/U+200F.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
SHINGLE = 5  # characters; see near_duplicates
# NewsFANE has no document marks; a block of this many consecutive sentences stands for one
# (a few stories), so a split never separates a sentence from its neighbours.
NEWSFANE_BLOCK = 40
SPLIT_EVERY = 10  # one unit in ten to dev, one in ten (NewsFANE only) to the held-out test
DEV_SLOT = 4
HELDOUT_SLOT = 9
MIN_CONTAINED_SHINGLES = 30  # about six words: shorter pieces ("يوليو") recur by chance


@dataclass
class TaggedSentence:
    """One sentence: tokens and their IOB2 tags, and the corpus it came from."""

    tokens: list[str]
    tags: list[str]
    source: str
    doc: str = ""  # AQMAR article or NewsFANE block: the unit a split keeps whole


TypeMap = dict[str, dict[str, str]]


def load_type_map(path: Path | None = None) -> TypeMap:
    """corpus → source type → rasid type (or ``O``), from ``ner_type_map.tsv``."""
    if path is None:
        text = resources.files("rasid.data").joinpath("ner_type_map.tsv").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    table: TypeMap = defaultdict(dict)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        corpus, source, target = line.split("\t")
        if target != "O" and target not in TYPES:
            raise ValueError(f"ner_type_map.tsv: unknown rasid type {target!r} for {source!r}")
        table[corpus][source] = target
    return dict(table)


def map_tag(tag: str, corpus: str, type_map: TypeMap) -> str:
    """A source IOB2 tag as a rasid IOB2 tag; a tag missing from the table is an error."""
    table = type_map[corpus]
    prefix, kind = (tag[:2], tag[2:]) if tag[:2] in ("B-", "I-") else ("", tag)
    if kind not in table:
        raise ValueError(f"{corpus}: tag {tag!r} is not in ner_type_map.tsv")
    target = table[kind]
    if target == "O":
        return "O"
    if not prefix:
        raise ValueError(f"{corpus}: tag {tag!r} maps to {target} but has no B-/I- prefix")
    return prefix + target


def repair_iob(tags: Sequence[str]) -> list[str]:
    """IOB2 with every I- that does not continue an entity of its type turned into B-.

    Mapping merges and drops classes (and the sources have slips), so an I- can follow O or
    a different type; left alone, a decoder would learn spans that cannot start.
    """
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in repaired IOB2 tags, end exclusive."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == i and spans[-1][2] == tag[2:]:
            spans[-1] = (spans[-1][0], i + 1, tag[2:])
    return spans


def _columns(lines: Iterable[str], separator: str | None) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, raw tag) from one-token-a-line text with blank-line breaks.

    Invisible marks are stripped from tokens and a token that was nothing else is skipped.
    """
    sentence: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():  # NewsFANE's breaks are a lone TAB
            if sentence:
                yield sentence
                sentence = []
            continue
        token, tag = line.rsplit(separator, 1) if separator else line.rsplit(maxsplit=1)
        token = _INVISIBLE.sub("", token).strip()
        if token:
            sentence.append((token, tag.strip()))
    if sentence:
        yield sentence


def _sentences(
    rows: Iterable[list[tuple[str, str]]],
    corpus: str,
    raw: bool,
    type_map: TypeMap | None,
    doc: str = "",
) -> list[TaggedSentence]:
    table = type_map if type_map is not None else load_type_map()
    out = []
    for row in rows:
        tokens = [token for token, _ in row]
        tags = [tag for _, tag in row]
        if not raw:
            tags = repair_iob([map_tag(tag, corpus, table) for tag in tags])
        out.append(TaggedSentence(tokens, tags, corpus, doc))
    return out


def read_newsfane(
    path: Path, *, raw: bool = False, type_map: TypeMap | None = None
) -> list[TaggedSentence]:
    """NewsFANE gold: UTF-8 with BOM, CRLF, ``token<TAB>TAG``; ``raw`` keeps the fine tags."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    sentences = _sentences(_columns(lines, "\t"), "newsfane", raw, type_map)
    for i, sentence in enumerate(sentences):
        sentence.doc = f"block{i // NEWSFANE_BLOCK:03d}"
    return sentences


def read_aqmar(
    directory: Path, *, raw: bool = False, type_map: TypeMap | None = None
) -> list[TaggedSentence]:
    """Every AQMAR article (``token<space>TAG``), in file-name order."""
    out: list[TaggedSentence] = []
    for path in sorted(directory.glob("*.txt")):
        rows = _columns(path.read_text(encoding="utf-8-sig").split("\n"), None)
        out.extend(_sentences(rows, "aqmar", raw, type_map, doc=path.stem))
    return out


def read_anercorp(
    path: Path, *, raw: bool = False, type_map: TypeMap | None = None
) -> list[TaggedSentence]:
    """ANERcorp (CAMeL Lab split) ``token<space>TAG``; ``raw`` keeps PERS/MISC as written."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    return _sentences(_columns(lines, None), "anercorp", raw, type_map)


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> set[str]:
    """Character n-grams of the normalized sentence with its spaces removed.

    Not a token set: NewsFANE splits clitics off ("ان ه", "صلات ها") where ANERcorp keeps
    "انه", "صلاتها", so the same sentence shares few tokens across the two corpora.
    """
    text = normalize_arabic("".join(tokens)).replace(" ", "")
    if len(text) <= size:
        return {text} if text else set()
    return {text[i : i + size] for i in range(len(text) - size + 1)}


@dataclass(frozen=True)
class Match:
    """Why a training sentence counts as test text: the test sentence and the rule."""

    test_index: int
    rule: str  # "jaccard", "train-in-test" or "test-in-train"
    score: float


def near_duplicate_matches(
    train: Sequence[TaggedSentence],
    test: Sequence[TaggedSentence],
    threshold: float = 0.8,
    *,
    containment: bool = True,
) -> dict[int, Match]:
    """Training sentences whose text is (nearly) a test sentence's, with the best match.

    A pair matches when the Jaccard similarity of their shingle sets is ≥ ``threshold`` or,
    with ``containment``, when ≥ ``threshold`` of one sentence's shingles (at least
    ``MIN_CONTAINED_SHINGLES`` of them) lie in the other: ANERcorp's CAMeL Lab split broke
    sentences after every period, so one NewsFANE sentence often holds two test sentences.

    Candidates come from an inverted index on each sentence's rarest shingles: a set that
    keeps ≥ t of its n elements inside another must share one of any n - ceil(t·n) + 1 of
    them, and Jaccard ≥ t implies that containment, so no match is missed.
    """
    train_sets = [shingles(s.tokens) for s in train]
    test_sets = [shingles(s.tokens) for s in test]
    frequency: Counter[str] = Counter()
    for group in (train_sets, test_sets):
        for items in group:
            frequency.update(items)

    def prefix(items: set[str]) -> list[str]:
        keep = len(items) - math.ceil(threshold * len(items) - 1e-9) + 1
        return sorted(items, key=lambda g: (frequency[g], g))[: max(keep, 1)]

    def index(sets: list[set[str]]) -> dict[str, list[int]]:
        posting: dict[str, list[int]] = defaultdict(list)
        for i, items in enumerate(sets):
            for gram in items:
                posting[gram].append(i)
        return posting

    pairs: set[tuple[int, int]] = set()
    test_index = index(test_sets)
    for i, items in enumerate(train_sets):
        for gram in prefix(items):
            pairs.update((i, k) for k in test_index.get(gram, ()))
    if containment:
        train_index = index(train_sets)
        for k, items in enumerate(test_sets):
            if len(items) >= MIN_CONTAINED_SHINGLES:
                for gram in prefix(items):
                    pairs.update((i, k) for i in train_index.get(gram, ()))

    found: dict[int, Match] = {}
    for i, k in pairs:
        a, b = train_sets[i], test_sets[k]
        shared = len(a & b)
        scores = [("jaccard", shared / (len(a) + len(b) - shared))]
        if containment and len(a) >= MIN_CONTAINED_SHINGLES:
            scores.append(("train-in-test", shared / len(a)))
        if containment and len(b) >= MIN_CONTAINED_SHINGLES:
            scores.append(("test-in-train", shared / len(b)))
        passed = [Match(k, rule, score) for rule, score in scores if score >= threshold]
        # Jaccard first: a whole-sentence copy says more than a contained piece
        if passed and (i not in found or _rank(passed[0]) < _rank(found[i])):
            found[i] = passed[0]
    return found


def _rank(match: Match) -> tuple[bool, float]:
    return (match.rule != "jaccard", -match.score)


def near_duplicates(
    train: Sequence[TaggedSentence],
    test: Sequence[TaggedSentence],
    threshold: float = 0.8,
    *,
    containment: bool = True,
) -> set[int]:
    """Indices of training sentences to drop because their text is in the test split."""
    return set(near_duplicate_matches(train, test, threshold, containment=containment))


@dataclass
class SourceCounts:
    """Size of one corpus as used: sentences, tokens and entity mentions by type."""

    sentences: int = 0
    tokens: int = 0
    entities: Counter[str] = field(default_factory=Counter)

    def add(self, sentence: TaggedSentence) -> None:
        self.sentences += 1
        self.tokens += len(sentence.tokens)
        self.entities.update(kind for _, _, kind in entity_spans(sentence.tags))


@dataclass
class CorpusReport:
    """What :func:`training_corpus` read, kept and dropped, per source."""

    read: dict[str, SourceCounts]
    kept: dict[str, SourceCounts]
    dropped: dict[str, int]
    dropped_by_rule: Counter[str]
    threshold: float

    def lines(self) -> list[str]:
        """The report as text, one table row a line."""
        head = f"{'source':<10}{'read':>8}{'dropped':>9}{'kept':>8}{'tokens':>9}{'entities':>10}"
        out = ["NER corpora (sentences; tokens and entities after dropping)", head]
        for source, kept in self.kept.items():
            read = self.read[source].sentences
            dropped = self.dropped.get(source, 0)
            total = sum(kept.entities.values())
            row = f"{source:<10}{read:>8}{dropped:>9}{kept.sentences:>8}{kept.tokens:>9}"
            out.append(f"{row}{total:>10}")
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.dropped_by_rule.items()))
        out.append(
            f"dropped as near-duplicates of the test split (threshold {self.threshold}): "
            f"{sum(self.dropped.values())} ({rules or 'none'})"
        )
        out.append("")
        out.append(f"{'entities':<10}" + "".join(f"{t:>8}" for t in TYPES))
        for source, kept in self.kept.items():
            out.append(f"{source:<10}" + "".join(f"{kept.entities[t]:>8}" for t in TYPES))
        return out


def training_corpus(
    data_dir: Path, threshold: float = 0.8
) -> tuple[list[TaggedSentence], list[TaggedSentence], CorpusReport]:
    """NewsFANE + AQMAR for training, ANERcorp test for evaluation, without shared text."""
    type_map = load_type_map()
    sources = {
        "newsfane": read_newsfane(data_dir / NEWSFANE_FILE, type_map=type_map),
        "aqmar": read_aqmar(data_dir / AQMAR_DIR, type_map=type_map),
    }
    test = read_anercorp(data_dir / ANERCORP_TEST_FILE, type_map=type_map)
    candidates = [s for group in sources.values() for s in group]
    matches = near_duplicate_matches(candidates, test, threshold)
    train = [s for i, s in enumerate(candidates) if i not in matches]

    read = {name: SourceCounts() for name in [*sources, "anercorp"]}
    kept = {name: SourceCounts() for name in read}
    for sentence in candidates:
        read[sentence.source].add(sentence)
    for sentence in [*train, *test]:
        kept[sentence.source].add(sentence)
    for sentence in test:
        read[sentence.source].add(sentence)
    dropped = Counter(candidates[i].source for i in matches)
    by_rule = Counter(match.rule for match in matches.values())
    report = CorpusReport(read, kept, dict(dropped), by_rule, threshold)
    return train, test, report


@dataclass
class Splits:
    """Training data cut by whole units: train, dev (for every choice) and NewsFANE held-out."""

    train: list[TaggedSentence]
    dev: list[TaggedSentence]
    heldout: list[TaggedSentence]


def split_slot(sentence: TaggedSentence, aqmar_articles: Sequence[str]) -> str:
    """ "train", "dev" or "heldout" for a sentence, decided by its document alone.

    AQMAR: every tenth article (in file-name order, from the fifth) is dev. NewsFANE: block
    numbers ending in DEV_SLOT are dev and in HELDOUT_SLOT the held-out test; the held-out
    part is NewsFANE only because the issue asks for a NewsFANE score and AQMAR is too small
    (28 articles) to give up more of it.
    """
    if sentence.source == "aqmar":
        rank = aqmar_articles.index(sentence.doc) if sentence.doc in aqmar_articles else 0
        return "dev" if rank % SPLIT_EVERY == DEV_SLOT else "train"
    if sentence.source == "newsfane" and sentence.doc.startswith("block"):
        slot = int(sentence.doc[5:]) % SPLIT_EVERY
        if slot == DEV_SLOT:
            return "dev"
        if slot == HELDOUT_SLOT:
            return "heldout"
    return "train"


def split_corpus(sentences: Sequence[TaggedSentence]) -> Splits:
    """:func:`training_corpus`'s sentences cut into train / dev / NewsFANE held-out."""
    articles = sorted({s.doc for s in sentences if s.source == "aqmar"})
    parts: dict[str, list[TaggedSentence]] = {"train": [], "dev": [], "heldout": []}
    for sentence in sentences:
        parts[split_slot(sentence, articles)].append(sentence)
    return Splits(parts["train"], parts["dev"], parts["heldout"])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path("../shared/data"),
        help="folder holding newsfane_gold/, aqmar/ and anercorp_camellab/",
    )
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args(argv)
    train, _, report = training_corpus(args.data_dir, args.threshold)
    print("\n".join(report.lines()))
    splits = split_corpus(train)
    print(
        "\nsplit (sentences): "
        + ", ".join(f"{name} {len(getattr(splits, name))}" for name in ("train", "dev", "heldout"))
    )


if __name__ == "__main__":
    main()
