"""What rasid learned about words from its NER corpora: how often each is a name, and as what.

Why a lexicon beside the tagger: several decisions after tagging need word knowledge the
tagger does not expose — is the "و" of "وليد" a conjunction (no: وليد is a name) while the
"و" of "وحفتر" is one; is "الأسد" in this document a surname that should be found again
(yes: it is a name far more often than a common word in news); is the word after "مطار" a
place name or an adjective. The counts come from the same public training corpora as the
tagger (never the evaluation split) and ship as ``rasid/data/entity_lexicon.tsv``;
``python -m rasid.stages.entities.lexicon`` rebuilds it.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.normalize import normalize_arabic

MIN_COUNT = 2  # a word seen once says little and would bloat the file
LEXICON_FILE = "entity_lexicon.tsv"


@dataclass(frozen=True)
class WordStats:
    """How often a normalized word was outside any name (``o``) and inside one, by type."""

    o: int
    named: int
    kind: str  # the entity type it carried most often, "" if never a name

    @property
    def name_share(self) -> float:
        total = self.o + self.named
        return self.named / total if total else 0.0


class Lexicon:
    """Lookups over :class:`WordStats`; unknown words get ``None``."""

    def __init__(self, stats: dict[str, WordStats]) -> None:
        self.stats = stats

    def get(self, word: str) -> WordStats | None:
        return self.stats.get(normalize_arabic(word))

    def known(self, word: str) -> bool:
        return normalize_arabic(word) in self.stats

    def is_name(self, word: str, share: float = 0.5) -> bool:
        """Seen inside names at least ``share`` of the time."""
        found = self.get(word)
        return found is not None and found.named > 0 and found.name_share >= share

    def is_common(self, word: str, share: float = 0.2) -> bool:
        """An ordinary word: seen, and inside names less than ``share`` of the time."""
        found = self.get(word)
        return found is not None and found.name_share < share


def count_words(sentences: Iterable[tuple[list[str], list[str]]]) -> dict[str, WordStats]:
    """Per normalized token: O count, entity count and most frequent entity type."""
    o_counts: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            word = normalize_arabic(token)
            if not word:
                continue
            if tag == "O":
                o_counts[word] += 1
            else:
                kinds[word][tag[2:]] += 1
    stats: dict[str, WordStats] = {}
    for word in set(o_counts) | set(kinds):
        named = sum(kinds[word].values()) if word in kinds else 0
        o = o_counts[word]
        if o + named < MIN_COUNT:
            continue
        kind = kinds[word].most_common(1)[0][0] if named else ""
        stats[word] = WordStats(o, named, kind)
    return stats


def write_lexicon(stats: dict[str, WordStats], path: Path) -> None:
    lines = ["# word\tO-count\tname-count\tmost frequent type (learned; see lexicon.py)"]
    for word in sorted(stats):
        s = stats[word]
        lines.append(f"{word}\t{s.o}\t{s.named}\t{s.kind}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_lexicon(text: str) -> dict[str, WordStats]:
    stats: dict[str, WordStats] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, o, named, kind = line.split("\t")
        stats[word] = WordStats(int(o), int(named), kind)
    return stats


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon (read once per process)."""
    text = resources.files("rasid.data").joinpath(LEXICON_FILE).read_text("utf-8")
    return Lexicon(read_lexicon(text))


def main(argv: list[str] | None = None) -> None:
    from rasid.stages.entities.corpora import training_corpus
    from rasid.stages.entities.train import DATA_DIR, prepare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(str(resources.files("rasid.data").joinpath(LEXICON_FILE))),
    )
    args = parser.parse_args(argv)
    train, _test, _report = training_corpus(args.data_dir)
    stats = count_words((s.tokens, s.tags) for s in prepare(train))
    write_lexicon(stats, args.out)
    names = sum(1 for s in stats.values() if s.named)
    print(f"wrote {args.out}: {len(stats)} words, {names} seen inside names")


if __name__ == "__main__":
    main()
