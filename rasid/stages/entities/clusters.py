"""Word clusters learned from unlabeled Arabic news, as features for the NER tagger.

Why: the tagger's training corpora hold ~6,000 sentences, so most names and most of the words
around them are seen there once or never. Words that occur in the same contexts in millions
of words of news (city names, first names, ministries, verbs of saying) fall into the same
cluster, and a cluster seen in training carries its evidence to words that were not. This is
the classic cheap gain for CRF NER (Brown clusters, or k-means over word vectors).

How: word2vec (skip-gram, gensim, one thread, fixed seed) over clitic-stripped normalized
words of SaudiNewsNet (~31,000 articles in ../shared/data) and the text of the NER training
split, then k-means at several granularities (:data:`GRANULARITIES`). The text is read at
build time only; what ships is the table ``rasid/models/ner_clusters.tsv.gz`` — one word a line
with its cluster number at each granularity, words seen at least :data:`MIN_COUNT` times.
Rebuild it with ``python -m rasid.stages.entities.clusters`` (needs ``pip install -e
'.[train]'``); a rerun on the same machine writes the same bytes. At run time only the table
is read (:func:`load_clusters`), a dict lookup per word.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.normalize import normalize_arabic

CLUSTERS_FILE = "ner_clusters.tsv.gz"
GRANULARITIES = (64, 256, 1024)  # k of each k-means run, coarse to fine
MIN_COUNT = 5  # words seen fewer times get no vector and no cluster
VECTOR_SIZE = 100
WINDOW = 5
EPOCHS = 5
SEED = 1
KMEANS_ITERATIONS = 25
SAUDINEWSNET_DIR = Path("saudinewsnet") / "dataset"

Table = dict[str, tuple[str, ...]]


def _arabic_stem(token: str) -> str | None:
    """The clitic-stripped normalized form the tagger uses, or None for a non-word."""
    from rasid.stages.entities.tagger import strip_clitics

    word = normalize_arabic(token).strip()
    if not word:
        return None
    return strip_clitics(word)


def saudinewsnet_texts(data_dir: Path) -> Iterator[str]:
    """Titles and paragraphs of every SaudiNewsNet article, in file and article order."""
    for path in sorted((data_dir / SAUDINEWSNET_DIR).glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for article in json.loads(archive.read(name).decode("utf-8")):
                    yield article.get("title") or ""
                    yield from (article.get("content") or "").split("\n")


def text_sentences(texts: Iterable[str]) -> Iterator[list[str]]:
    """Each text as a list of stems (rasid's entity tokenizer, then :func:`_arabic_stem`)."""
    from rasid.stages.entities.tokens import tokenize

    cache: dict[str, str | None] = {}
    for text in texts:
        out = []
        for token in tokenize(text):
            stem = cache.get(token.text, "")
            if stem == "":
                stem = cache[token.text] = _arabic_stem(token.text)
            if stem:
                out.append(stem)
        if len(out) > 1:
            yield out


def _hash(text: str) -> int:
    """A hash that does not change between interpreter runs (Python's str hash does)."""
    return zlib.crc32(text.encode("utf-8"))


def train_vectors(
    sentences: Sequence[Sequence[str]],
    *,
    size: int = VECTOR_SIZE,
    window: int = WINDOW,
    min_count: int = MIN_COUNT,
    epochs: int = EPOCHS,
    seed: int = SEED,
):
    """Skip-gram vectors (words, unit-length matrix), one worker thread so reruns agree."""
    import numpy as np
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences=sentences,
        vector_size=size,
        window=window,
        min_count=min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=epochs,
        seed=seed,
        workers=1,
        hashfxn=_hash,
    )
    words = list(model.wv.index_to_key)
    matrix = np.asarray(model.wv.vectors, dtype=np.float64)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return words, matrix


def kmeans(matrix, k: int, *, seed: int = SEED, iterations: int = KMEANS_ITERATIONS):
    """Cluster index of each row: k-means++ start from a fixed seed, Lloyd iterations."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = matrix.shape[0]
    k = min(k, n)
    squared = (matrix * matrix).sum(axis=1)
    centers = [int(rng.integers(n))]
    closest = squared + squared[centers[0]] - 2 * matrix @ matrix[centers[0]]
    for _ in range(1, k):
        weights = np.maximum(closest, 0)
        pick = int(rng.choice(n, p=weights / weights.sum()))
        centers.append(pick)
        closest = np.minimum(closest, squared + squared[pick] - 2 * matrix @ matrix[pick])
    centroids = matrix[centers].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        distance = (centroids * centroids).sum(axis=1)[None, :] - 2 * matrix @ centroids.T
        labels = distance.argmin(axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, matrix)
        counts = np.bincount(labels, minlength=k)
        filled = counts > 0  # an emptied cluster keeps its old centre
        centroids[filled] = sums[filled] / counts[filled, None]
    return labels


def renumber(labels: Sequence[int]) -> list[int]:
    """Cluster numbers in order of first appearance (rows go most frequent word first)."""
    seen: dict[int, int] = {}
    return [seen.setdefault(int(label), len(seen)) for label in labels]


def build_table(
    words: Sequence[str], matrix, granularities: Sequence[int] = GRANULARITIES
) -> Table:
    """word → its cluster number (as text) at each granularity."""
    columns = [renumber(kmeans(matrix, k)) for k in granularities]
    return {word: tuple(str(col[i]) for col in columns) for i, word in enumerate(words)}


def write_table(table: Table, path: Path, granularities: Sequence[int] = GRANULARITIES) -> None:
    """gzip TSV sorted by word, fixed mtime: the same table gives the same bytes."""
    header = "# word\t" + "\t".join(f"k{k}" for k in granularities) + "\n"
    lines = [word + "\t" + "\t".join(ids) + "\n" for word, ids in sorted(table.items())]
    raw = (header + "".join(lines)).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def read_table(data: bytes) -> Table:
    """The table from the bytes :func:`write_table` wrote."""
    table: Table = {}
    with io.TextIOWrapper(io.BytesIO(gzip.decompress(data)), encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table


def default_path() -> Path:
    """Where the shipped table lives inside the installed package."""
    return Path(str(resources.files("rasid").joinpath("models", CLUSTERS_FILE)))


def digest(data: bytes) -> str:
    """Short content hash, stored in the NER model so it never reads another table."""
    return hashlib.sha256(data).hexdigest()[:16]


@lru_cache(maxsize=4)
def load_clusters(path: Path | None = None) -> tuple[Table, str]:
    """The cluster table and its digest (the shipped one by default), read once."""
    data = (path or default_path()).read_bytes()
    return read_table(data), digest(data)


def training_texts(data_dir: Path) -> Iterator[list[str]]:
    """Stem sentences for the vectors: SaudiNewsNet, then the NER train split's own text.

    The dev and held-out splits and the ANERcorp test split are left out, so no evaluation
    sentence shapes the clusters.
    """
    from rasid.stages.entities.corpora import split_corpus, training_corpus
    from rasid.stages.entities.train import prepare

    yield from text_sentences(saudinewsnet_texts(data_dir))
    corpus, _, _ = training_corpus(data_dir)
    for sentence in prepare(split_corpus(corpus).train):
        stems = [s for s in (_arabic_stem(t) for t in sentence.tokens) if s]
        if len(stems) > 1:
            yield stems


def main(argv: Sequence[str] | None = None) -> None:
    from rasid.stages.entities.train import DATA_DIR, REPO

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=REPO / "rasid" / "models" / CLUSTERS_FILE)
    parser.add_argument("--window", type=int, default=WINDOW)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--size", type=int, default=VECTOR_SIZE)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    # one BLAS thread: the k-means sums then come out the same on every run
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"

    start = time.perf_counter()
    sentences = list(training_texts(args.data_dir))
    tokens = sum(len(s) for s in sentences)
    print(f"{len(sentences)} texts, {tokens} words ({time.perf_counter() - start:.0f} s)")
    words, matrix = train_vectors(
        sentences, size=args.size, window=args.window, min_count=args.min_count, epochs=args.epochs
    )
    print(f"{len(words)} word vectors ({time.perf_counter() - start:.0f} s)")
    table = build_table(words, matrix)
    write_table(table, args.out)
    size = args.out.stat().st_size
    print(f"{args.out} ({size / 1e6:.2f} MB, {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
