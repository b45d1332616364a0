from pathlib import Path

import pytest

from rasid.stages.entities.corpora import (
    TaggedSentence,
    entity_spans,
    load_type_map,
    near_duplicate_matches,
    near_duplicates,
    read_anercorp,
    read_aqmar,
    read_newsfane,
    repair_iob,
    split_corpus,
    training_corpus,
)

LRM = "\u200e"
RLM = "\u200f"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def write_newsfane(path: Path) -> Path:
    rows = [
        ("وصل", "O"),
        ("الرئيس", "O"),
        ("سمير", "B-Politician"),
        ("حداد", "I-Politician"),
        ("الى", "O"),
        ("مطار", "B-Airport"),
        ("عمان", "I-Airport"),
        ("قادما", "O"),
        ("من", "O"),
        ("تونس", "B-Nation"),
        (".", "O"),
        None,
        ("و", "O"),
        ("التقى", "O"),
        ("العرب", "B-Group"),
        ("في", "O"),
        ("الصناعة", "I-Government"),
        ("و", "O"),
        ("قرا", "O"),
        ("رواية", "B-Book"),
        (".", "O"),
    ]
    lines = [
        "\t" if row is None else f"{'' if row[0] in '.(' else LRM}{row[0]}\t{row[1]}"
        for row in rows
    ]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_newsfane_strips_bom_crlf_and_marks_and_maps_fine_types(tmp_path: Path) -> None:
    sentences = read_newsfane(write_newsfane(tmp_path / "fane.txt"))
    assert len(sentences) == 2
    first, second = sentences
    assert first.source == "newsfane"
    assert first.tokens[:4] == ["وصل", "الرئيس", "سمير", "حداد"]
    assert all(LRM not in t and "\r" not in t and "\ufeff" not in t for t in first.tokens)
    assert first.tags == ["O", "O", "B-PER", "I-PER", "O", "B-FAC", "I-FAC", "O", "O", "B-LOC", "O"]
    # Group (peoples) and Book are not rasid entities; the orphan I-Government becomes B-ORG
    assert second.tags == ["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"]


def test_newsfane_raw_keeps_fine_tags(tmp_path: Path) -> None:
    first = read_newsfane(write_newsfane(tmp_path / "fane.txt"), raw=True)[0]
    assert first.tags[2:7] == ["B-Politician", "I-Politician", "O", "B-Airport", "I-Airport"]


def test_aqmar_maps_mis_classes_and_typo_tags(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "درس O\nالعالم O\nجابر B-PER\nبن I-PER\nحيان I-PER\nالكيمياء B-MIS1\n"
        "في O\nبغداد B-LOC\n\n"
        f"كلفت O\nالحكومة B-ORG\nالعراقية I--ORG\nلجنة B-MIS-1\n{RLM} O\nLinux B-ENGLISH\n",
        encoding="utf-8",
    )
    (articles / "b.txt").write_text(
        "الساحل IO\nالشمالي I-PER\n12 OO\nمن B-MISS1\nالنص B-MIS1`\n", encoding="utf-8"
    )
    sentences = read_aqmar(articles)
    assert [s.tags for s in sentences] == [
        ["O", "O", "B-PER", "I-PER", "I-PER", "O", "O", "B-LOC"],
        ["O", "B-ORG", "I-ORG", "O", "O"],  # the RLM-only token is dropped
        ["O", "B-PER", "O", "O", "O"],  # an I- after O starts an entity
    ]
    assert sentences[1].tokens == ["كلفت", "الحكومة", "العراقية", "لجنة", "Linux"]
    assert {s.source for s in sentences} == {"aqmar"}


def test_anercorp_maps_pers_and_drops_misc_unless_raw(tmp_path: Path) -> None:
    path = tmp_path / "test.txt"
    path.write_text(
        "أنان I-PERS\nقال O\nكوفي B-PERS\nأنان I-PERS\nفي O\nالأمم B-ORG\nالمتحدة I-ORG\n"
        "عن O\nالمونديال B-MISC\n\nعمان B-LOC\n",
        encoding="utf-8",
    )
    first, second = read_anercorp(path)
    assert first.tags == ["B-PER", "O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "O"]
    assert second.tags == ["B-LOC"]
    assert read_anercorp(path, raw=True)[0].tags[0] == "I-PERS"
    assert read_anercorp(path, raw=True)[0].tags[-1] == "B-MISC"


def test_unknown_tag_is_an_error_not_a_silent_o(tmp_path: Path) -> None:
    path = tmp_path / "test.txt"
    path.write_text("عمان B-CITY\n", encoding="utf-8")
    with pytest.raises(ValueError, match="B-CITY"):
        read_anercorp(path)


def test_type_map_lists_only_rasid_types() -> None:
    table = load_type_map()
    assert set(table) == {"newsfane", "aqmar", "anercorp"}
    assert len(table["newsfane"]) == 46  # 45 fine types and O
    assert table["newsfane"]["Non-Governmental"] == "ORG"
    assert table["newsfane"]["Police"] == "PER"
    assert table["aqmar"]["MIS2"] == "O"


def test_repair_iob_and_spans() -> None:
    tags = repair_iob(["I-LOC", "I-LOC", "O", "B-PER", "I-ORG", "I-ORG"])
    assert tags == ["B-LOC", "I-LOC", "O", "B-PER", "B-ORG", "I-ORG"]
    assert entity_spans(tags) == [(0, 2, "LOC"), (3, 4, "PER"), (4, 6, "ORG")]


def sentence(text: str, source: str = "newsfane") -> TaggedSentence:
    tokens = text.split()
    return TaggedSentence(tokens, ["O"] * len(tokens), source)


def test_near_duplicates_across_segmentations_and_sentence_splits() -> None:
    test = [
        sentence("وقال المتحدث إنه يتوقع أن تستمر المفاوضات حتى نهاية الشهر ."),
        sentence(
            "واستقبل وزير الخارجية نظيره الأردني في العاصمة اليوم . "
            "وبحث الجانبان سبل تعزيز التعاون الاقتصادي بين البلدين"
        ),
        sentence("وصلت الشحنة في يوليو الماضي الى الميناء"),
    ]
    train = [
        # the first test sentence, clitics split and hamza dropped as NewsFANE writes it
        sentence("و قال المتحدث ان ه يتوقع ان تستمر المفاوضات حتى نهاية الشهر ."),
        # the first half of the second test sentence, split off as its own sentence
        sentence("و استقبل وزير الخارجية نظير ه الاردني في العاصمة اليوم ."),
        # one short word of the third: too little text to count as a copy
        sentence("يوليو"),
        sentence("انخفضت اسعار النفط في الاسواق العالمية امس ."),
    ]
    matches = near_duplicate_matches(train, test)
    assert set(matches) == {0, 1}
    assert (matches[0].test_index, matches[0].rule) == (0, "jaccard")
    assert matches[0].score > 0.9
    assert (matches[1].test_index, matches[1].rule) == (1, "train-in-test")
    assert near_duplicates(train, test) == {0, 1}
    assert near_duplicates(train, test, containment=False) == {0}
    # the reverse: a training sentence holding a whole test sentence and more
    longer = [sentence(" ".join([*test[0].tokens, *train[3].tokens]))]
    assert near_duplicate_matches(longer, test)[0].rule == "test-in-train"


@pytest.mark.skipif(not DATA.is_dir(), reason="public corpora not available")
def test_real_corpora_counts() -> None:
    train, test, report = training_corpus(DATA)
    assert report.read["newsfane"].sentences > 4000
    assert report.read["aqmar"].sentences > 2500
    assert report.kept["anercorp"].tokens == 25_008
    assert len(test) == 925
    assert 500 < report.dropped["newsfane"] < 1000
    assert report.dropped.get("aqmar", 0) == 0
    assert len(train) == report.kept["newsfane"].sentences + report.kept["aqmar"].sentences
    assert report.kept["newsfane"].entities["FAC"] > 100
    for tags in (s.tags for s in [*train, *test]):
        assert all(t == "O" or t[2:] in ("PER", "ORG", "LOC", "FAC") for t in tags)
    assert any("dropped as near-duplicates" in line for line in report.lines())


def test_split_keeps_documents_whole_and_parts_disjoint() -> None:
    sentences = [
        TaggedSentence(["كلمة", str(i)], ["O", "O"], "newsfane", f"block{i // 3:03d}")
        for i in range(90)
    ]
    sentences += [
        TaggedSentence(["مقال", str(i)], ["O", "O"], "aqmar", f"article{i % 12:02d}")
        for i in range(60)
    ]
    splits = split_corpus(sentences)
    parts = {"train": splits.train, "dev": splits.dev, "heldout": splits.heldout}
    ids = {name: {id(s) for s in part} for name, part in parts.items()}
    assert not ids["train"] & ids["dev"] and not ids["train"] & ids["heldout"]
    assert not ids["dev"] & ids["heldout"]
    assert sum(len(p) for p in parts.values()) == len(sentences)
    docs = {name: {(s.source, s.doc) for s in part} for name, part in parts.items()}
    assert not docs["train"] & docs["dev"] and not docs["train"] & docs["heldout"]
    assert {s.doc for s in splits.dev if s.source == "newsfane"} == {
        "block004",
        "block014",
        "block024",
    }
    assert {s.doc for s in splits.heldout} == {"block009", "block019", "block029"}
    assert {s.doc for s in splits.dev if s.source == "aqmar"} == {"article04"}  # AQMAR: no held-out


def test_readers_record_documents(tmp_path: Path) -> None:
    assert {s.doc for s in read_newsfane(write_newsfane(tmp_path / "fane.txt"))} == {"block000"}
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "Cairo.txt").write_text("القاهرة B-LOC\n\nمدينة O\n", encoding="utf-8")
    assert [s.doc for s in read_aqmar(articles)] == ["Cairo", "Cairo"]


@pytest.mark.skipif(not DATA.is_dir(), reason="public corpora not available")
def test_real_split_is_about_a_tenth_and_disjoint() -> None:
    train, _, _ = training_corpus(DATA)
    splits = split_corpus(train)
    assert 0.08 < len(splits.dev) / len(train) < 0.14
    assert 0.04 < len(splits.heldout) / len(train) < 0.1
    assert {s.source for s in splits.heldout} == {"newsfane"}
    assert {s.source for s in splits.dev} == {"newsfane", "aqmar"}
    train_docs = {(s.source, s.doc) for s in splits.train}
    assert not train_docs & {(s.source, s.doc) for s in [*splits.dev, *splits.heldout]}
    texts = {" ".join(s.tokens) for s in splits.train}
    assert sum(" ".join(s.tokens) in texts for s in splits.dev) < 5  # stray repeated headlines
