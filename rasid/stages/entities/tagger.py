"""A greedy averaged-perceptron NER tagger, trained offline on rasid's own corpora.

Why this model: it is pure Python (no new dependency), trains in a couple of minutes on one
core, tags tens of thousands of tokens a second and ships as a file of a few megabytes. The
decoder is left to right with the previous two tags as features (Honnibal's POS tagger);
I- tags that cannot continue the previous tag are never chosen, and :func:`repair_iob` makes
the output valid IOB2 whatever the weights say.

Features are Arabic-aware: every comparison goes through :func:`normalize_arabic`, and the
token with its leading clitics stripped (وال, بال, لل, و, ب ...) is a feature of its own, so
"وبغداد" and "بغداد" share evidence. Words that announce an entity ("الرئيس", "وزارة",
"مطار") come from ``rasid/data/ner_triggers.tsv`` and are stored in the model file, so a
model always extracts the features it was trained with.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from rasid.normalize import normalize_arabic
from rasid.stages.entities.corpora import TaggedSentence, repair_iob

FORMAT = "rasid-ner-perceptron"
FORMAT_VERSION = 2
# longest first: "وال" must win over "و"
CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
MIN_STEM = 2  # characters left after stripping an article group ("الم" is not ال + م)
MIN_STEM_AFTER_LETTER = 3  # after و ف ب ل ك alone: "ولد" is not و + لد
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a]")
_LEXICAL = ("w=", "s=", "w-1w=", "ww+1=")  # the token's own identity
START = ("<s>", "<s2>")  # padding for words, stems and shapes
END = ("</s>", "</s2>")


def load_triggers(path: Path | None = None) -> dict[str, str]:
    """normalized trigger word → entity type, from ``ner_triggers.tsv``."""
    if path is None:
        text = resources.files("rasid.data").joinpath("ner_triggers.tsv").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    triggers: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")
        triggers[normalize_arabic(word.strip())] = kind
    return triggers


def strip_clitics(word: str) -> str:
    """A normalized word without its leading clitics (at most one group, longest first)."""
    for clitic in CLITICS:
        least = MIN_STEM_AFTER_LETTER if len(clitic) == 1 else MIN_STEM
        if word.startswith(clitic) and len(word) - len(clitic) >= least:
            rest = word[len(clitic) :]
            # و/ف/ب/ك/ل before the article: "وبال" is rare, "بال" is taken whole above
            if len(clitic) == 1 and rest.startswith("ال") and len(rest) - 2 >= MIN_STEM:
                return rest[2:]
            return rest
    return word


def shape(word: str) -> str:
    """Coarse form: digits, Latin, Arabic letters, punctuation, and a length bucket."""
    if _DIGIT.search(word):
        kind = "num" if word.replace(".", "").replace(",", "").isdigit() else "hasnum"
    elif _LATIN.search(word):
        kind = "latin"
    elif _ARABIC.search(word):
        kind = "ar"
    else:
        return "punct"
    size = len(word)
    bucket = "1" if size <= 1 else "2-3" if size <= 3 else "4-6" if size <= 6 else "7+"
    return f"{kind}{bucket}"


class Tagger:
    """Averaged perceptron over IOB2 tags; see the module docstring."""

    def __init__(self, triggers: dict[str, str] | None = None) -> None:
        self.triggers = load_triggers() if triggers is None else triggers
        self.weights: dict[str, dict[str, float]] = {}
        self.tags: list[str] = []
        # words seen often and always O: skip scoring them (speed, as in Honnibal's tagger)
        self.always_o: set[str] = set()
        self._cache: dict[str, tuple[str, str, str]] = {}
        # normalized words seen at least twice in training; the rest look like unseen names
        self.known: set[str] = set()

    # ----------------------------------------------------------------------------------------
    # Features

    def token_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """The features of every position that do not depend on predicted tags."""
        info = [self._word_info(t) for t in tokens]
        words = [w for w, _, _ in info]
        stems = [s for _, s, _ in info]
        shapes = [*START, *(h for _, _, h in info), *END]
        padded_w = [*START, *words, *END]
        padded_s = [*START, *stems, *END]
        trig = self.triggers
        out: list[list[str]] = []
        for i, word in enumerate(words):
            j = i + 2
            stem = stems[i]
            prev_w, prev2_w = padded_w[j - 1], padded_w[j - 2]
            next_w, next2_w = padded_w[j + 1], padded_w[j + 2]
            prev_trigger = trig.get(prev_w) or trig.get(padded_s[j - 1])
            feats = [
                "b",
                "w=" + word,
                "s=" + stem,
                "p1=" + stem[:1],
                "p2=" + stem[:2],
                "p3=" + stem[:3],
                "x1=" + stem[-1:],
                "x2=" + stem[-2:],
                "x3=" + stem[-3:],
                "sh=" + shapes[j],
                "cl=" + word[: len(word) - len(stem)],
                "w-1=" + prev_w,
                "w-2=" + prev2_w,
                "w+1=" + next_w,
                "w+2=" + next2_w,
                "s-1=" + padded_s[j - 1],
                "s-2=" + padded_s[j - 2],
                "s+1=" + padded_s[j + 1],
                "s+2=" + padded_s[j + 2],
                "w-1w=" + prev_w + "|" + word,
                "ww+1=" + word + "|" + next_w,
                "sh-1=" + shapes[j - 1] + "|sh+1=" + shapes[j + 1],
            ]
            if prev_trigger:
                feats.append("t-1=" + prev_trigger)
                feats.append("t-1s=" + prev_trigger + "|" + stem[:2])
            trigger2 = trig.get(prev2_w) or trig.get(padded_s[j - 2])
            if trigger2:
                feats.append("t-2=" + trigger2)
            known = self.known
            if known:
                rare = ("u" if word not in known else "k") + ("u" if stem not in known else "k")
                prev_rare = "u" if prev_w not in known else "k"
                next_rare = "u" if next_w not in known else "k"
                feats.append("r=" + rare)
                feats.append("r3=" + prev_rare + rare + next_rare)
                feats.append("rw-1=" + rare + "|" + prev_w)
                feats.append("rw+1=" + rare + "|" + next_w)
                feats.append("rp2=" + rare + "|" + stem[:2] + "|" + stem[-2:])
            own = trig.get(word) or trig.get(stem)
            if own:
                feats.append("t0=" + own)
            out.append(feats)
        return out

    def _word_info(self, token: str) -> tuple[str, str, str]:
        """Normalized form, clitic-stripped form and shape of a token, cached (speed)."""
        found = self._cache.get(token)
        if found is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            word = normalize_arabic(token) or token
            found = (word, strip_clitics(word), shape(word))
            self._cache[token] = found
        return found

    @staticmethod
    def _history(prev: str, prev2: str, word_feature: str) -> tuple[str, str, str]:
        return ("y-1=" + prev, "y-2=" + prev2 + "|" + prev, "y-1w=" + prev + "|" + word_feature)

    def _scores(self, feats: Iterable[str]) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        weights = self.weights
        for feat in feats:
            row = weights.get(feat)
            if row:
                for tag, value in row.items():
                    scores[tag] += value
        return scores

    def _best(self, scores: dict[str, float], prev: str) -> str:
        """The highest-scoring tag that may follow ``prev`` in IOB2 (O on ties/no evidence)."""
        best, best_score = "O", scores.get("O", 0.0)
        for tag in self.tags:
            score = scores.get(tag, 0.0)
            if score > best_score and (tag[0] != "I" or prev[2:] == tag[2:]):
                best, best_score = tag, score
        return best

    # ----------------------------------------------------------------------------------------
    # Tagging

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one tokenized sentence."""
        static = self.token_features(tokens)
        prev, prev2 = "<s>", "<s2>"
        out: list[str] = []
        always_o = self.always_o
        for feats in static:
            word_feature = feats[1]
            if word_feature[2:] in always_o:
                guess = "O"
            else:
                scores = self._scores(feats)
                for feat in self._history(prev, prev2, word_feature):
                    row = self.weights.get(feat)
                    if row:
                        for tag, value in row.items():
                            scores[tag] += value
                guess = self._best(scores, prev)
            out.append(guess)
            prev2, prev = prev, guess
        return repair_iob(out)

    # ----------------------------------------------------------------------------------------
    # Training

    def train(
        self,
        sentences: Sequence[TaggedSentence],
        iterations: int = 5,
        seed: int = 0,
        prune: float = 0.05,
        dropout: float = 0.0,
    ) -> None:
        """Fit the averaged perceptron; ``prune`` drops averaged weights smaller than it.

        ``dropout`` hides a token's own word features on that share of training steps, so
        context, affixes and triggers learn to find names never seen in training.
        """
        self.tags = sorted({t for s in sentences for t in s.tags} | {"O"})
        self._build_always_o(sentences)
        self.known = {w for w, n in self._counts(sentences).items() if n >= 2}
        prepared = [(self.token_features(s.tokens), s.tags) for s in sentences]
        totals: dict[tuple[str, str], float] = defaultdict(float)
        stamps: dict[tuple[str, str], int] = defaultdict(int)
        weights: dict[str, dict[str, float]] = {}
        self.weights = weights
        always_o_prev = self.always_o
        self.always_o = set()  # learn weights for every word; the shortcut is for tagging
        clock = 0

        def update(truth: str, guess: str, feats: Iterable[str]) -> None:
            for feat in feats:
                row = weights.setdefault(feat, {})
                for tag, delta in ((truth, 1.0), (guess, -1.0)):
                    key = (feat, tag)
                    value = row.get(tag, 0.0)
                    totals[key] += (clock - stamps[key]) * value
                    stamps[key] = clock
                    row[tag] = value + delta

        rng = random.Random(seed)
        order = list(range(len(prepared)))
        for _ in range(iterations):
            rng.shuffle(order)
            for index in order:
                static, gold = prepared[index]
                prev, prev2 = "<s>", "<s2>"
                for feats, truth in zip(static, gold, strict=True):
                    clock += 1
                    history = self._history(prev, prev2, feats[1])
                    if dropout and rng.random() < dropout:
                        own = [f for f in feats if not f.startswith(_LEXICAL)]
                        all_feats = [*own, history[0], history[1]]
                    else:
                        all_feats = [*feats, *history]
                    guess = self._best(self._scores(all_feats), prev)
                    if guess != truth:
                        update(truth, guess, all_feats)
                    prev2, prev = prev, guess
        # average, round and prune
        averaged: dict[str, dict[str, float]] = {}
        for feat, row in weights.items():
            kept = {}
            for tag, value in row.items():
                key = (feat, tag)
                total = totals[key] + (clock - stamps[key]) * value
                mean = round(total / clock, 3)
                if abs(mean) >= prune:
                    kept[tag] = mean
            if kept:
                averaged[feat] = kept
        self.weights = averaged
        self.always_o = always_o_prev

    def _counts(self, sentences: Sequence[TaggedSentence]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for sentence in sentences:
            for token in sentence.tokens:
                word, stem, _ = self._word_info(token)
                counts[word] += 1
                if stem != word:
                    counts[stem] += 1
        return counts

    def _build_always_o(self, sentences: Sequence[TaggedSentence], min_count: int = 5) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for sentence in sentences:
            for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
                counts[normalize_arabic(token) or token][tag] += 1
        self.always_o = {
            word
            for word, tags in counts.items()
            if sum(tags.values()) >= min_count and set(tags) == {"O"}
        }

    # ----------------------------------------------------------------------------------------
    # Files

    def save(self, path: Path) -> None:
        """gzip-compressed JSON; tags are stored by index to keep the file small."""
        index = {tag: i for i, tag in enumerate(self.tags)}
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "tags": self.tags,
            "triggers": self.triggers,
            "always_o": sorted(self.always_o),
            "known": sorted(self.known),
            "weights": {
                feat: {str(index[tag]): value for tag, value in row.items()}
                for feat, row in sorted(self.weights.items())
            },
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path) -> Tagger:
        """A tagger saved by :meth:`save`; another format or version is an error."""
        data = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
        if data.get("format") != FORMAT or data.get("version") != FORMAT_VERSION:
            raise ValueError(
                f"{path}: not a {FORMAT} v{FORMAT_VERSION} model "
                f"({data.get('format')} v{data.get('version')})"
            )
        tagger = cls(triggers=data["triggers"])
        tagger.tags = data["tags"]
        tagger.always_o = set(data["always_o"])
        tagger.known = set(data["known"])
        tagger.weights = {
            feat: {tagger.tags[int(i)]: value for i, value in row.items()}
            for feat, row in data["weights"].items()
        }
        return tagger


def default_model_path() -> Path:
    """Where the shipped model lives inside the installed package."""
    return Path(str(resources.files("rasid").joinpath("models", "ner.json.gz")))


def load_default() -> Tagger:
    """The model shipped with rasid (``rasid/models/ner.json.gz``)."""
    return Tagger.load(default_model_path())
