"""rasid's Arabic NER tagger: a linear-chain CRF (CRFsuite) over Arabic-aware features.

Why a CRF: on the development split it beat the greedy averaged perceptron this module used to
hold by about five F1 points (Viterbi decoding over whole sentences, L1/L2-regularized
training) and tags faster, because decoding runs in C. CRFsuite ships as a wheel
(python-crfsuite); training takes about a minute on one core.

Features go through :func:`normalize_arabic`; the token with its leading clitics stripped
(وال, بال, لل, و, ب ...) is a feature of its own, so "وبغداد" and "بغداد" share evidence.
Beyond word forms, affixes and shapes: trigger words (``rasid/data/ner_triggers.tsv``), place
names (:mod:`.gazetteer`), nationality adjectives derived from those names (المصري ← مصر), and
name lists learned from the training corpora (first and last words of people's names...),
and word clusters learned from unlabeled news (:mod:`.clusters`: k-means over word vectors at
three granularities, for the word and its neighbours), which carry evidence from words seen in
training to words that were not. All of these but the cluster table (shipped beside the model,
checked by digest) are stored in the model file, so a model always extracts the features it was
trained with.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

import pycrfsuite

from rasid.normalize import normalize_arabic
from rasid.stages.entities.clusters import load_clusters
from rasid.stages.entities.corpora import TaggedSentence, entity_spans, repair_iob
from rasid.stages.entities.gazetteer import MAX_WORDS, nationality_base, nationality_stems

FORMAT = "rasid-ner-crf"
FORMAT_VERSION = 2  # 2: word-cluster features (the table's digest); 1 still loads
READABLE_VERSIONS = (1, 2)
# longest first: "وال" must win over "و"
CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
MIN_STEM = 2  # characters left after stripping an article group ("الم" is not ال + م)
MIN_STEM_AFTER_LETTER = 3  # after و ف ب ل ك alone: "ولد" is not و + لد
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a]")
START = ("<s>", "<s2>", "<s3>")  # padding for words, stems and shapes
END = ("</s>", "</s2>", "</s3>")
PAD = len(START)


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


@dataclass
class FeatureConfig:
    """Which feature families are on; chosen on the development split (see train.py)."""

    gazetteer: bool = True
    nationality: bool = True
    name_lists: bool = True
    trigger_window: int = 2  # triggers looked for this many words to the left
    trigger_right: bool = True  # and one word to the right (الجزيرة نت, X الدولي)
    rare: bool = True  # seen-in-training flags of the word and its neighbours
    name_window: int = 1  # name-list roles of this many neighbours each side
    affix4: bool = False  # four-letter prefix and suffix of the stem
    stem_bigrams: bool = False  # stem pairs with each neighbour
    cluster_levels: int = 3  # word-cluster granularities used, coarse first (0: none)
    cluster_window: int = 1  # cluster features of this many neighbours each side
    cluster_pairs: bool = False  # the word's coarsest cluster paired with each neighbour's
    cluster_rare: bool = False  # the word's finest cluster joined with its seen-in-training flag
    cluster_names: float = 0.0  # name-list role of the finest cluster (min share of it; 0: off)


@dataclass
class Lexicon:
    """Everything feature extraction looks up, stored in the model file."""

    triggers: dict[str, str] = field(default_factory=load_triggers)
    known: set[str] = field(default_factory=set)  # words seen twice or more in training
    places: dict[str, str] = field(default_factory=dict)  # gazetteer: name → type
    names: dict[str, str] = field(default_factory=dict)  # word → its role in training names
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stem → cluster ids
    clusters_digest: str = ""  # which table (:mod:`.clusters`): a model reads only its own

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """Derived lookups: first words of multiword places, nationality stems."""
        self.heads = {name.split()[0] for name in self.places if " " in name}
        self.nationality_stems = nationality_stems(n for n, t in self.places.items() if t == "LOC")


class Features:
    """Feature strings for each token of a sentence; see the module docstring."""

    def __init__(self, lexicon: Lexicon, config: FeatureConfig) -> None:
        self.lexicon = lexicon
        self.config = config
        self._cache: dict[str, tuple[str, str, str]] = {}
        self._roles_of: tuple[int, int] = (0, 0)  # which names and table _cluster_roles reflect
        self._cluster_roles: dict[str, str] = {}

    def cluster_roles(self) -> dict[str, str]:
        """Finest cluster → the name-list role most of its named words play (see config).

        Recomputed when the lexicon's names or table are replaced (training swaps the
        name lists fold by fold).
        """
        lex = self.lexicon
        key = (id(lex.names), id(lex.clusters))
        if key != self._roles_of:
            self._roles_of = key
            self._cluster_roles = cluster_roles(
                lex.names, lex.clusters, self.config.cluster_levels, self.config.cluster_names
            )
        return self._cluster_roles

    def word_info(self, token: str) -> tuple[str, str, str]:
        """Normalized form, clitic-stripped form and shape of a token, cached (speed)."""
        found = self._cache.get(token)
        if found is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            word = normalize_arabic(token) or token
            found = (word, strip_clitics(word), shape(word))
            self._cache[token] = found
        return found

    def place_tags(self, words: Sequence[str], stems: Sequence[str]) -> list[str]:
        """B/I marks of the longest gazetteer name at each position ("" outside names)."""
        places = self.lexicon.places
        heads = self.lexicon.heads
        marks = [""] * len(words)
        i = 0
        while i < len(words):
            firsts = {words[i], stems[i], "ال" + stems[i]}
            found = 0
            if firsts & heads:
                for size in range(min(MAX_WORDS, len(words) - i), 1, -1):
                    rest = " ".join(words[i + 1 : i + size])
                    if any(f"{first} {rest}" in places for first in firsts):
                        found = size
                        break
            if not found and any(first in places for first in firsts):
                found = 1
            if found:
                marks[i] = "B"
                for k in range(i + 1, i + found):
                    marks[k] = "I"
                i += found
            else:
                i += 1
        return marks

    def nationality(self, stem: str) -> bool:
        base = nationality_base(stem)
        return base is not None and base in self.lexicon.nationality_stems

    def __call__(self, tokens: Sequence[str]) -> list[list[str]]:
        info = [self.word_info(t) for t in tokens]
        words = [w for w, _, _ in info]
        stems = [s for _, s, _ in info]
        shapes = [*START, *(h for _, _, h in info), *END]
        padded_w = [*START, *words, *END]
        padded_s = [*START, *stems, *END]
        lex, config = self.lexicon, self.config
        trig = lex.triggers
        triggers = [
            *([""] * PAD),
            *(trig.get(w) or trig.get(s) or "" for w, s in zip(words, stems, strict=True)),
            *([""] * PAD),
        ]
        known = lex.known
        rare = [""] * (len(words) + 2 * PAD)
        if config.rare and known:
            for k, (w, s) in enumerate(zip(words, stems, strict=True)):
                rare[k + PAD] = ("k" if w in known else "u") + ("k" if s in known else "u")
        places = [*([""] * PAD), *self.place_tags(words, stems), *([""] * PAD)]
        if not config.gazetteer:
            places = [""] * len(places)
        nationality = [False] * len(places)
        if config.nationality:
            for k, s in enumerate(stems):
                nationality[k + PAD] = self.nationality(s)
        names = lex.names if config.name_lists else {}
        levels = config.cluster_levels if lex.clusters else 0
        table = lex.clusters
        none: tuple[str, ...] = ()
        cids = [none] * PAD + [table.get(s, none) for s in stems] + [none] * PAD
        croles = self.cluster_roles() if levels and config.cluster_names and names else {}
        out: list[list[str]] = []
        for i, word in enumerate(words):
            j = i + PAD
            stem = stems[i]
            prev_w, next_w = padded_w[j - 1], padded_w[j + 1]
            feats = [
                "b",
                "w=" + word,
                "s=" + stem,
                "p2=" + stem[:2],
                "p3=" + stem[:3],
                "x1=" + stem[-1:],
                "x2=" + stem[-2:],
                "x3=" + stem[-3:],
                "sh=" + shapes[j],
                "cl=" + word[: len(word) - len(stem)],
                "w-1=" + prev_w,
                "w-2=" + padded_w[j - 2],
                "w+1=" + next_w,
                "w+2=" + padded_w[j + 2],
                "s-1=" + padded_s[j - 1],
                "s-2=" + padded_s[j - 2],
                "s+1=" + padded_s[j + 1],
                "s+2=" + padded_s[j + 2],
                "w-1w=" + prev_w + "|" + word,
                "ww+1=" + word + "|" + next_w,
                "sh-1=" + shapes[j - 1] + "|sh+1=" + shapes[j + 1],
            ]
            for k in range(1, config.trigger_window + 1):
                if triggers[j - k]:
                    feats.append(f"t-{k}=" + triggers[j - k])
            if triggers[j - 1]:
                feats.append("t-1s=" + triggers[j - 1] + "|" + stem[:2])
            if config.trigger_right and triggers[j + 1]:
                feats.append("t+1=" + triggers[j + 1])
            if triggers[j]:
                feats.append("t0=" + triggers[j])
            if rare[j]:
                r = rare[j]
                feats.append("r=" + r)
                feats.append("r3=" + (rare[j - 1] or "-") + r + (rare[j + 1] or "-"))
                feats.append("rw-1=" + r + "|" + prev_w)
                feats.append("rw+1=" + r + "|" + next_w)
                feats.append("rp2=" + r + "|" + stem[:2] + "|" + stem[-2:])
            if places[j]:
                feats.append("gz=" + places[j])
            if places[j - 1]:
                feats.append("gz-1=" + places[j - 1])
            if places[j + 1]:
                feats.append("gz+1=" + places[j + 1])
            if nationality[j]:
                feats.append("nat")
            if nationality[j - 1]:
                feats.append("nat-1")
            if nationality[j + 1]:
                feats.append("nat+1")
            if names:
                role = names.get(word) or names.get(stem)
                if role:
                    feats.append("nl=" + role)
                for k in range(1, config.name_window + 1):
                    role = names.get(padded_w[j - k])
                    if role:
                        feats.append(f"nl-{k}=" + role)
                    role = names.get(padded_w[j + k])
                    if role:
                        feats.append(f"nl+{k}=" + role)
            if levels:
                own = cids[j]
                for level in range(min(levels, len(own))):
                    feats.append(f"c{level}=" + own[level])
                if not own:
                    feats.append("c=none")
                for k in range(1, config.cluster_window + 1):
                    for side, ids in ((f"-{k}", cids[j - k]), (f"+{k}", cids[j + k])):
                        for level in range(min(levels, len(ids))):
                            feats.append(f"c{level}{side}=" + ids[level])
                finest = own[min(levels, len(own)) - 1] if own else ""
                if config.cluster_pairs:
                    left, here, right = (c[0] if c else "-" for c in cids[j - 1 : j + 2])
                    feats.append("cc-1=" + left + "|" + here)
                    feats.append("cc+1=" + here + "|" + right)
                if croles and finest and (role := croles.get(finest)):
                    feats.append("cn=" + role)
                if config.cluster_rare and rare[j] and finest:
                    feats.append("cr=" + rare[j] + "|" + finest)
            if config.affix4:
                feats.append("p4=" + stem[:4])
                feats.append("x4=" + stem[-4:])
            if config.stem_bigrams:
                feats.append("s-1s=" + padded_s[j - 1] + "|" + stem)
                feats.append("ss+1=" + stem + "|" + padded_s[j + 1])
            out.append(feats)
        return out


def name_roles(sentences: Iterable[TaggedSentence], min_share: float = 0.2) -> dict[str, str]:
    """Normalized word → role it mostly plays inside names (PERf first, PERl last, LOC1 ...).

    Kept only for words that are inside a name at least ``min_share`` of the times they occur,
    so "عبد" is a first name and "في" nothing (0.2 chosen on dev: 0.1-0.3 score alike, 0.5
    and 0.7 lower, since many names are also words: حسن, امل, الجزيره).
    """
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    seen: Counter[str] = Counter()
    for sentence in sentences:
        words = [normalize_arabic(t) or t for t in sentence.tokens]
        seen.update(words)
        for start, end, kind in entity_spans(sentence.tags):
            if end - start == 1:
                roles[words[start]][kind + "1"] += 1
                continue
            roles[words[start]][kind + "f"] += 1
            roles[words[end - 1]][kind + "l"] += 1
            for k in range(start + 1, end - 1):
                roles[words[k]][kind + "m"] += 1
    out = {}
    for word, counts in roles.items():
        if sum(counts.values()) >= min_share * seen[word]:
            out[word] = counts.most_common(1)[0][0]
    return out


def cluster_roles(
    names: dict[str, str], table: dict[str, tuple[str, ...]], levels: int, min_share: float
) -> dict[str, str]:
    """Cluster (at granularity ``levels``) → most common name-list role of its words.

    Only clusters where at least ``min_share`` of the table's words are in the name lists:
    a cluster of first names passes its role on to first names never seen in training.
    """
    if not levels or not table or not names:
        return {}
    level = levels - 1
    size: Counter[str] = Counter(ids[level] for ids in table.values() if len(ids) > level)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for word, role in names.items():
        ids = table.get(word) or table.get(strip_clitics(word))
        if ids and len(ids) > level:
            roles[ids[level]][role] += 1
    return {
        cluster: counts.most_common(1)[0][0]
        for cluster, counts in sorted(roles.items())
        if sum(counts.values()) >= min_share * size[cluster]
    }


def word_counts(features: Features, sentences: Iterable[TaggedSentence]) -> Counter[str]:
    """How often each normalized word and clitic-stripped stem occurs."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for token in sentence.tokens:
            word, stem, _ = features.word_info(token)
            counts[word] += 1
            if stem != word:
                counts[stem] += 1
    return counts


def fold_slots(sentences: Sequence[TaggedSentence], folds: int) -> list[int]:
    """The fold of each sentence: whole documents (round robin in name order) per fold."""
    docs = sorted({(s.source, s.doc or str(i)) for i, s in enumerate(sentences)})
    fold_of = {doc: k % folds for k, doc in enumerate(docs)}
    return [fold_of[(s.source, s.doc or str(i))] for i, s in enumerate(sentences)]


def documents(sentences: Sequence[TaggedSentence]) -> list[list[int]]:
    """Indices of the sentences of each document, in order."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        groups[(s.source, s.doc or str(i))].append(i)
    return list(groups.values())


def document_features(
    stems: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], neighbours: bool = False
) -> list[list[list[str]]]:
    """For each token: how the first pass tagged the same word in the document's other sentences.

    ``d=`` is the type it got most often elsewhere (``d=O`` when it was seen only outside
    names), ``dp=`` that type with the position (B first word, I later word); with
    ``neighbours``, ``d-1=``/``d+1=`` the types of the words either side.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    own: list[dict[str, Counter[str]]] = []
    for words, labels in zip(stems, tags, strict=True):
        here: dict[str, Counter[str]] = defaultdict(Counter)
        for word, label in zip(words, labels, strict=True):
            if (len(word) >= 2 and _ARABIC.search(word)) or _LATIN.search(word):
                here[word][label] += 1
                counts[word][label] += 1
        own.append(here)
    out: list[list[list[str]]] = []
    for words, here in zip(stems, own, strict=True):
        labels: list[str] = []
        for word in words:
            elsewhere = counts.get(word, Counter()) - here.get(word, Counter())
            names = Counter({k: v for k, v in elsewhere.items() if k != "O"})
            labels.append(names.most_common(1)[0][0] if names else "O" if elsewhere else "")
        sentence: list[list[str]] = []
        for k, label in enumerate(labels):
            feats = ["d=" + (label[2:] or label), "dp=" + label] if label else []
            if neighbours and k > 0 and labels[k - 1] not in ("", "O"):
                feats.append("d-1=" + labels[k - 1][2:])
            if neighbours and k + 1 < len(labels) and labels[k + 1] not in ("", "O"):
                feats.append("d+1=" + labels[k + 1][2:])
            sentence.append(feats)
        out.append(sentence)
    return out


def fit_crf(
    items: Sequence[Sequence[Sequence[str]]],
    tags: Sequence[Sequence[str]],
    *,
    c1: float,
    c2: float,
    iterations: int,
) -> bytes:
    """A CRFsuite model (L-BFGS) trained on feature lists and tags, as bytes."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in zip(items, tags, strict=True):
        trainer.append(feats, labels)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ner.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def _fold_job(
    job: tuple[Tagger, list[TaggedSentence], list[TaggedSentence], dict[str, float]],
) -> list[list[str]]:
    template, train, held, params = job
    lex = template.lexicon
    tagger = Tagger(
        lex.triggers, lex.places, template.features.config, (lex.clusters, lex.clusters_digest)
    )
    tagger.train(train, c1=params["c1"], c2=params["c2"], iterations=int(params["iterations"]))
    return [tagger.tag(s.tokens) for s in held]


def out_of_fold_tags(
    template: Tagger,
    sentences: Sequence[TaggedSentence],
    folds: int,
    workers: int,
    params: dict[str, float],
) -> list[list[str]]:
    """First-pass tags of every sentence from a model trained on the other folds."""
    slots = fold_slots(sentences, max(folds, 2))
    lex = template.lexicon
    light = Tagger(
        lex.triggers, lex.places, template.features.config, (lex.clusters, lex.clusters_digest)
    )
    jobs = [
        (
            light,
            [s for s, f in zip(sentences, slots, strict=True) if f != k],
            [s for s, f in zip(sentences, slots, strict=True) if f == k],
            params,
        )
        for k in range(max(folds, 2))
    ]
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_fold_job, jobs)
    else:
        results = [_fold_job(job) for job in jobs]
    tags: list[list[str]] = [[] for _ in sentences]
    positions = [[i for i, f in enumerate(slots) if f == k] for k in range(len(jobs))]
    for indices, found in zip(positions, results, strict=True):
        for i, labels in zip(indices, found, strict=True):
            tags[i] = labels
    return tags


class Tagger:
    """CRF tagger over IOB2 tags; see the module docstring."""

    def __init__(
        self,
        triggers: dict[str, str] | None = None,
        places: dict[str, str] | None = None,
        config: FeatureConfig | None = None,
        clusters: tuple[dict[str, tuple[str, ...]], str] | None = None,
    ) -> None:
        lexicon = Lexicon(places=places or {})
        if triggers is not None:
            lexicon.triggers = triggers
        if clusters is not None:
            lexicon.clusters, lexicon.clusters_digest = clusters
        self.features = Features(lexicon, config or FeatureConfig())
        self._model: bytes = b""
        self._crf: pycrfsuite.Tagger | None = None
        self._model2: bytes = b""  # the document pass, when trained
        self._crf2: pycrfsuite.Tagger | None = None

    @property
    def has_document_pass(self) -> bool:
        """Whether :meth:`tag_document` runs a second, document-level pass."""
        return self._crf2 is not None

    @property
    def lexicon(self) -> Lexicon:
        return self.features.lexicon

    def token_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """The features of every position (tests and error analysis look at them)."""
        return self.features(tokens)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one tokenized sentence (no document context)."""
        if not tokens:
            return []
        if self._crf is None:
            raise RuntimeError("the tagger has no model: train or load one")
        return repair_iob(self._crf.tag(self.features(tokens)))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for the sentences of one document, in order.

        With a document model, a second pass sees how the first pass tagged the same words
        in the document's other sentences ("بري" alone after "نبيه بري"); without one this
        is :meth:`tag` on each sentence.
        """
        if self._crf is None:
            raise RuntimeError("the tagger has no model: train or load one")
        feats = [self.features(tokens) if tokens else [] for tokens in sentences]
        first = [repair_iob(self._crf.tag(f)) if f else [] for f in feats]
        if self._crf2 is None:
            return first
        extra = document_features(self._stems(sentences), first)
        return [
            repair_iob(self._crf2.tag([[*f, *e] for f, e in zip(fs, es, strict=True)]))
            if fs
            else []
            for fs, es in zip(feats, extra, strict=True)
        ]

    def _stems(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [[self.features.word_info(t)[1] for t in tokens] for tokens in sentences]

    def _training_items(
        self, sentences: Sequence[TaggedSentence], folds: int
    ) -> list[list[list[str]]]:
        """Features of every training sentence, name lists built from the other folds."""
        lex = self.lexicon
        items: list[list[list[str]]] = [[] for _ in sentences]
        if self.features.config.name_lists and folds > 1:
            slots = fold_slots(sentences, folds)
            for k in range(folds):
                lex.names = name_roles(s for s, f in zip(sentences, slots, strict=True) if f != k)
                for i, (sentence, slot) in enumerate(zip(sentences, slots, strict=True)):
                    if slot == k:
                        items[i] = self.features(sentence.tokens)
        else:
            items = [self.features(s.tokens) for s in sentences]
        lex.names = name_roles(sentences) if self.features.config.name_lists else {}
        return items

    def train(
        self,
        sentences: Sequence[TaggedSentence],
        *,
        c1: float = 0.1,
        c2: float = 0.01,
        iterations: int = 150,
        folds: int = 5,
        document: bool = False,
        workers: int = 1,
    ) -> None:
        """Fit the CRF (L-BFGS, L1 ``c1`` + L2 ``c2``), and with ``document`` a second pass.

        Name lists are learned from the same sentences, so a training sentence sees lists
        built from the other ``folds`` - 1 parts (by document): otherwise every training name
        would be in the list and the model would trust the list blindly. For the same reason
        the document pass learns from first-pass tags of models that did not see the
        sentence (``folds`` models, ``workers`` processes).
        """
        lex = self.lexicon
        lex.known = {w for w, n in word_counts(self.features, sentences).items() if n >= 2}
        items = self._training_items(sentences, folds)
        params = {"c1": c1, "c2": c2, "iterations": iterations}
        self._set_model(fit_crf(items, [s.tags for s in sentences], **params))
        if not document:
            return
        first = out_of_fold_tags(self, sentences, folds, workers, params)
        extra: list[list[list[str]]] = [[] for _ in sentences]
        for group in documents(sentences):
            found = document_features(
                self._stems([sentences[i].tokens for i in group]), [first[i] for i in group]
            )
            for i, feats in zip(group, found, strict=True):
                extra[i] = feats
        joined = [
            [[*f, *e] for f, e in zip(fs, es, strict=True)]
            for fs, es in zip(items, extra, strict=True)
        ]
        self._set_model(fit_crf(joined, [s.tags for s in sentences], **params), second=True)

    def _set_model(self, model: bytes, second: bool = False) -> None:
        crf = pycrfsuite.Tagger()
        crf.open_inmemory(model)
        if second:
            self._model2, self._crf2 = model, crf
        else:
            self._model, self._crf = model, crf

    # ----------------------------------------------------------------------------------------
    # Files

    def save(self, path: Path) -> None:
        """gzip-compressed JSON: the lexicon, the feature switches and the CRFsuite model."""
        lex = self.lexicon
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "config": asdict(self.features.config),
            "triggers": lex.triggers,
            "known": sorted(lex.known),
            "places": dict(sorted(lex.places.items())),
            "names": dict(sorted(lex.names.items())),
            "clusters_digest": lex.clusters_digest,
            "crfsuite": base64.b64encode(self._model).decode("ascii"),
            "crfsuite_document": base64.b64encode(self._model2).decode("ascii"),
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path, clusters_path: Path | None = None) -> Tagger:
        """A tagger saved by :meth:`save`; another format or version is an error.

        A model with cluster features reads the shipped cluster table (or ``clusters_path``)
        and refuses one whose digest differs from the table it was trained with.
        """
        data = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
        if data.get("format") != FORMAT or data.get("version") not in READABLE_VERSIONS:
            raise ValueError(
                f"{path}: not a {FORMAT} v{FORMAT_VERSION} model "
                f"({data.get('format')} v{data.get('version')})"
            )
        config = FeatureConfig(**data["config"])
        clusters = None
        if data.get("clusters_digest"):
            clusters = load_clusters(clusters_path)
            if clusters[1] != data["clusters_digest"]:
                raise ValueError(
                    f"{path}: trained with cluster table {data['clusters_digest']}, "
                    f"found {clusters[1]}: retrain (python -m rasid.stages.entities.train)"
                )
        tagger = cls(
            triggers=data["triggers"], places=data["places"], config=config, clusters=clusters
        )
        tagger.lexicon.known = set(data["known"])
        tagger.lexicon.names = data["names"]
        tagger._set_model(base64.b64decode(data["crfsuite"]))
        if data.get("crfsuite_document"):
            tagger._set_model(base64.b64decode(data["crfsuite_document"]), second=True)
        return tagger


def default_model_path() -> Path:
    """Where the shipped model lives inside the installed package."""
    return Path(str(resources.files("rasid").joinpath("models", "ner.json.gz")))


def load_default() -> Tagger:
    """The model shipped with rasid (``rasid/models/ner.json.gz``), loaded once per call."""
    return Tagger.load(default_model_path())
