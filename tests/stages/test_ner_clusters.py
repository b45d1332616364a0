import gzip
import json
from pathlib import Path

import pytest

from rasid.stages.entities.clusters import (
    default_path,
    digest,
    load_clusters,
    read_table,
    renumber,
    text_sentences,
    write_table,
)
from rasid.stages.entities.corpora import TaggedSentence
from rasid.stages.entities.tagger import FeatureConfig, Tagger

TABLE = {
    "قاهره": ("0", "1", "7"),
    "بغداد": ("0", "1", "8"),
    "قال": ("1", "2", "9"),
    "محمد": ("2", "3", "4"),
}


def test_table_round_trips_and_the_same_table_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    write_table(TABLE, first, (4, 16, 64))
    write_table(dict(reversed(TABLE.items())), second, (4, 16, 64))
    assert first.read_bytes() == second.read_bytes()
    assert read_table(first.read_bytes()) == TABLE
    assert load_clusters(first) == (TABLE, digest(first.read_bytes()))


def test_cluster_numbers_follow_first_appearance() -> None:
    # rows come most frequent word first, so cluster 0 holds the most frequent word
    assert renumber([5, 5, 2, 9, 2]) == [0, 0, 1, 2, 1]


def test_text_is_read_as_clitic_stripped_normalized_words() -> None:
    found = list(text_sentences(["وصل الرئيس إلى القاهرة.", "كلمة"]))
    assert found == [["وصل", "رييس", "الي", "قاهره", "."]]  # one-word texts are dropped


def test_kmeans_is_repeatable_and_separates_groups() -> None:
    np = pytest.importorskip("numpy")
    from rasid.stages.entities.clusters import kmeans

    rng = np.random.default_rng(0)
    matrix = np.vstack([rng.normal(0, 0.01, (20, 3)) + c for c in np.eye(3)])
    first, second = kmeans(matrix, 3), kmeans(matrix, 3)
    assert list(first) == list(second)
    assert [len(set(first[i : i + 20])) for i in (0, 20, 40)] == [1, 1, 1]
    assert len(set(first)) == 3


def test_cluster_features_of_the_word_and_its_neighbours() -> None:
    tagger = Tagger(config=FeatureConfig(cluster_levels=2), clusters=(TABLE, "x"))
    feats = tagger.token_features(["قال", "والقاهرة", "زززز"])
    assert {"c0=0", "c1=1", "c0-1=1", "c1-1=2"} <= set(feats[1])
    assert "c2=7" not in feats[1]  # only the configured number of granularities
    assert "c=none" in feats[2]  # a word outside the table says so
    assert "c0+1=0" in feats[0]
    assert not any(f.startswith(("c0=", "c1=")) for f in feats[2])


def test_a_tagger_without_a_table_has_no_cluster_features() -> None:
    feats = Tagger().token_features(["قال", "محمد"])
    assert not any(f.startswith("c0") or f == "c=none" for f in feats[1])


def test_model_refuses_a_cluster_table_it_was_not_trained_with(tmp_path: Path) -> None:
    table = tmp_path / "clusters.tsv.gz"
    write_table(TABLE, table, (4, 16, 64))
    tagger = Tagger(clusters=load_clusters(table))
    tokens = ["وصل", "محمد", "إلى", "القاهرة"]
    tagger.train(
        [TaggedSentence(tokens, ["O", "B-PER", "O", "B-LOC"], "t")], c1=0.0, c2=0.01, folds=1
    )
    model = tmp_path / "ner.json.gz"
    tagger.save(model)
    assert Tagger.load(model, clusters_path=table).tag(tokens) == tagger.tag(tokens)
    other = tmp_path / "other.tsv.gz"
    write_table({**TABLE, "جديد": ("3", "4", "5")}, other, (4, 16, 64))
    with pytest.raises(ValueError, match="cluster table"):
        Tagger.load(model, clusters_path=other)


def test_shipped_model_was_trained_with_the_shipped_table() -> None:
    data = json.loads(gzip.decompress((default_path().parent / "ner.json.gz").read_bytes()))
    assert data["clusters_digest"] == digest(default_path().read_bytes())
    assert data["config"]["cluster_levels"] > 0


def test_optional_cluster_features_pairs_rare_flags_and_cluster_name_roles() -> None:
    config = FeatureConfig(cluster_pairs=True, cluster_rare=True, cluster_names=0.5)
    tagger = Tagger(config=config, clusters=(TABLE, "x"))
    tagger.lexicon.known = {"قال"}
    # محمد is the only word of cluster 4 and a first name: a word of that cluster is PERf
    tagger.lexicon.names = {"محمد": "PERf"}
    feats = tagger.token_features(["قال", "محمد", "القاهرة"])
    assert {"cc-1=1|2", "cc+1=2|0"} <= set(feats[1])  # coarsest clusters of the neighbours
    assert "cr=uu|4" in feats[1] and "cr=kk|9" in feats[0]  # unseen vs seen in training
    assert "cn=PERf" in feats[1]
    assert not any(f.startswith("cn=") for f in feats[2])  # cluster 7 holds no names


def test_cluster_name_roles_need_a_share_of_the_cluster() -> None:
    from rasid.stages.entities.tagger import cluster_roles

    table = {"احمد": ("0",), "محمد": ("0",), "قال": ("0",), "ذكر": ("0",)}
    names = {"احمد": "PERf", "محمد": "PERf"}
    assert cluster_roles(names, table, 1, 0.5) == {"0": "PERf"}
    assert cluster_roles(names, table, 1, 0.6) == {}
