from pathlib import Path

import pytest

from rasid.stages.entities.corpora import TaggedSentence, repair_iob
from rasid.stages.entities.tagger import (
    FeatureConfig,
    Tagger,
    default_model_path,
    document_features,
    load_default,
    name_roles,
    strip_clitics,
)
from rasid.stages.entities.train import score_entities

# (sentence, tags): tokens and tags separated by spaces
TINY = [
    ("وصل الرئيس عبد الفتاح السيسي إلى القاهرة", "O O B-PER I-PER I-PER O B-LOC"),
    ("قال وزير الخارجية سامح شكري في عمان", "O O O B-PER I-PER O B-LOC"),
    ("أعلنت وزارة الصحة في بغداد عن إصابات جديدة", "O B-ORG I-ORG O B-LOC O O O"),
    ("التقى الملك عبدالله الثاني بوفد من حركة حماس", "O O B-PER I-PER O O B-ORG I-ORG"),
    ("هبطت الطائرة في مطار بيروت الدولي", "O O O B-FAC I-FAC I-FAC"),
    ("انعقد مؤتمر القمة العربية في الرياض", "O B-EVENT I-EVENT I-EVENT O B-LOC"),
    ("صادق البرلمان على قانون الانتخابات الجديد", "O O O B-LAW I-LAW I-LAW"),
    ("زار الأمير محمد بن سلمان مدينة جدة", "O O B-PER I-PER I-PER O B-LOC"),
    ("ذكرت وكالة الأنباء الأردنية أن الوفد وصل إلى دمشق", "O B-ORG I-ORG I-ORG O O O O B-LOC"),
    ("أكد الشيخ تميم بن حمد دعم قطر لفلسطين", "O O B-PER I-PER I-PER O B-LOC B-LOC"),
    ("وفي دمشق اجتمع الرئيس بشار الأسد بالوفد", "O B-LOC O O B-PER I-PER O"),
    ("أصدر مجلس الأمن القرار 2254", "O B-ORG I-ORG B-LAW I-LAW"),
    ("ونقلت صحيفة الأهرام عن مصادر في القاهرة", "O B-ORG I-ORG O O O B-LOC"),
    ("قصف جيش الاحتلال مدينة غزة", "O B-ORG I-ORG O B-LOC"),
    ("سافر الدكتور أحمد زويل إلى واشنطن", "O O B-PER I-PER O B-LOC"),
    ("وقعت مصر وإسرائيل معاهدة السلام", "O B-LOC B-LOC B-LAW I-LAW"),
    ("اندلعت حرب أكتوبر بين مصر وإسرائيل", "O B-EVENT I-EVENT O B-LOC B-LOC"),
    ("افتتح السيد حسن نصر الله مسجدا في صيدا", "O O B-PER I-PER I-PER O O B-LOC"),
    ("تحدث المتحدث باسم حزب الله عن الهجوم", "O O O B-ORG I-ORG O O"),
    ("وصلت الوفود إلى قصر الإليزيه في باريس", "O O O B-FAC I-FAC O B-LOC"),
]


def words(text: str) -> list[str]:
    return text.split()


def tiny_corpus() -> list[TaggedSentence]:
    out = []
    for text, tags in TINY:
        tokens, labels = text.split(), tags.split()
        assert len(tokens) == len(labels), text
        out.append(TaggedSentence(tokens, labels, "tiny"))
    return out


@pytest.fixture(scope="module")
def tiny_tagger() -> Tagger:
    tagger = Tagger(places={"القاهره": "LOC", "بغداد": "LOC", "الاردن": "LOC"})
    tagger.train(tiny_corpus(), c1=0.0, c2=0.001, iterations=200)
    return tagger


def test_learns_its_training_sentences(tiny_tagger: Tagger) -> None:
    corpus = tiny_corpus()
    right = sum(tiny_tagger.tag(s.tokens) == s.tags for s in corpus)
    assert right == len(corpus)


def test_output_is_valid_iob2(tiny_tagger: Tagger) -> None:
    for text in [
        "الحكومة في عمان الدولي الدولي الثاني",
        "الثاني الدولي العربية",
        "قال قال قال",
        "",
    ]:
        tags = tiny_tagger.tag(text.split())
        assert len(tags) == len(text.split())
        assert tags == repair_iob(tags)


def test_save_load_round_trip(tiny_tagger: Tagger, tmp_path: Path) -> None:
    path = tmp_path / "ner.json.gz"
    tiny_tagger.save(path)
    loaded = Tagger.load(path)
    sentences = [s.tokens for s in tiny_corpus()] + [
        words("وصل الرئيس إلى مطار القاهرة"),
        words("أعلنت حركة فتح في رام الله"),
    ]
    for tokens in sentences:
        assert loaded.tag(tokens) == tiny_tagger.tag(tokens)


def test_load_rejects_other_versions(tmp_path: Path) -> None:
    import gzip
    import json

    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": "x", "version": 0}).encode()))
    with pytest.raises(ValueError, match="not a"):
        Tagger.load(path)


def test_features_strip_clitics() -> None:
    assert strip_clitics("والقاهره") == "قاهره"
    assert strip_clitics("بالعراق") == "عراق"
    assert strip_clitics("للحكومه") == "حكومه"
    assert strip_clitics("وبغداد") == "بغداد"
    assert strip_clitics("وبالعراق") == "بالعراق"  # one clitic group at a time
    assert strip_clitics("ولد") == "ولد"  # too short to be و + stem
    feats = Tagger(triggers={"الرييس": "PER"}).token_features(["الرئيس", "وبغداد"])
    assert "s=بغداد" in feats[1]
    assert "cl=و" in feats[1]
    assert "t-1=PER" in feats[1]


def test_scores_are_exact_match() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]
    scores = score_entities(gold, predicted)
    assert scores["LOC"].f1 == 1.0
    assert scores["PER"].true_positive == 0
    assert scores["micro"].precision == 0.5


def test_untrained_tagger_says_so_and_empty_input_is_empty() -> None:
    tagger = Tagger()
    assert tagger.tag([]) == []
    with pytest.raises(RuntimeError, match="no model"):
        tagger.tag(["القاهرة"])


def test_place_and_nationality_features() -> None:
    places = {"مصر": "LOC", "الامارات العربيه المتحده": "LOC", "العراق": "LOC"}
    tagger = Tagger(places=places)
    feats = tagger.token_features(words("زار الرئيس المصري الإمارات العربية المتحدة وبغداد"))
    assert "nat" in feats[2] and "nat+1" in feats[1]
    assert "gz=B" in feats[3] and "gz=I" in feats[4] and "gz=I" in feats[5]
    assert not any(f.startswith("gz=") for f in feats[6])
    # clitics and the article are stripped before the lookup: بالعراق, والعراقيين
    feats = tagger.token_features(words("بالعراق والعراقيين"))
    assert "gz=B" in feats[0] and "nat" in feats[1]
    off = Tagger(places=places, config=FeatureConfig(gazetteer=False, nationality=False))
    assert not any(f.startswith(("gz", "nat")) for f in off.token_features(["مصر", "المصري"])[0])


def test_name_roles_need_the_word_to_be_mostly_a_name() -> None:
    corpus = [
        TaggedSentence(words("قال عمر حسن في عمان"), words("O B-PER I-PER O B-LOC"), "t"),
        TaggedSentence(words("قال عمر في الندوة"), words("O B-PER O O"), "t"),
        TaggedSentence(words("في في في"), words("O O O"), "t"),
    ]
    roles = name_roles(corpus)
    assert roles["عمر"] == "PERf"
    assert roles["حسن"] == "PERl"
    assert roles["عمان"] == "LOC1"
    assert "في" not in roles and "قال" not in roles


@pytest.mark.skipif(not default_model_path().exists(), reason="no shipped model")
def test_shipped_model_finds_a_person_and_a_place() -> None:
    tagger = load_default()
    # written for this test: an invented minister, a real city and country
    tokens = words(
        "وقال وزير الخارجية المصري سامي عبد الرحيم في القاهرة إن المحادثات مع الأردن مستمرة"
    )
    tags = tagger.tag(tokens)
    assert tags == repair_iob(tags)
    assert len(tags) == len(tokens)
    assert "B-PER" in tags[4:6], tags
    assert tags[tokens.index("القاهرة")] == "B-LOC", tags
    assert tags[tokens.index("الأردن")] == "B-LOC", tags


def test_document_features_look_at_other_sentences_only() -> None:
    stems = [["قال", "بري"], ["نبيه", "بري", "قال"], ["بري"]]
    tags = [["O", "O"], ["B-PER", "I-PER", "O"], ["O"]]
    feats = document_features(stems, tags)
    assert feats[0][1] == ["d=PER", "dp=I-PER"]  # tagged inside a name in sentence 2
    assert feats[0][0] == ["d=O", "dp=O"]  # seen elsewhere, never in a name
    assert feats[1][0] == []  # نبيه occurs nowhere else
    assert feats[1][1] == ["d=O", "dp=O"]  # elsewhere only outside names


def test_document_pass_trains_saves_and_tags(tmp_path: Path) -> None:
    corpus = tiny_corpus()
    for i, sentence in enumerate(corpus):
        sentence.doc = f"d{i // 4}"
    tagger = Tagger()
    tagger.train(corpus, c1=0.0, c2=0.001, iterations=50, folds=2, document=True)
    assert tagger.has_document_pass
    path = tmp_path / "ner.json.gz"
    tagger.save(path)
    loaded = Tagger.load(path)
    assert loaded.has_document_pass
    sentences = [s.tokens for s in corpus[:4]] + [[]]
    tagged = loaded.tag_document(sentences)
    assert [len(t) for t in tagged] == [len(s) for s in sentences]
    assert all(t == repair_iob(t) for t in tagged)
    single = Tagger()
    single.train(corpus, c1=0.0, c2=0.001, iterations=50)
    assert not single.has_document_pass
    assert single.tag_document(sentences) == [single.tag(s) for s in sentences]
