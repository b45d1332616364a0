from rasid.normalize import normalize_arabic
from rasid.stages.entities.gazetteer import (
    build_stoplist,
    filter_names,
    load_gazetteer,
    load_stoplist,
    nationality_base,
    nationality_stems,
    territory_names,
)


def test_gazetteer_has_countries_and_cities_normalized() -> None:
    gazetteer = load_gazetteer()
    for name in ["مصر", "الأردن", "الإمارات العربية المتحدة", "القاهرة", "بيروت", "الرياض"]:
        assert gazetteer.get(normalize_arabic(name)) == "LOC", name
    assert all(" " not in k or "  " not in k for k in gazetteer)
    assert all(k == normalize_arabic(k) for k in gazetteer)
    assert set(gazetteer.values()) <= {"LOC", "ORG"}
    assert load_gazetteer() is gazetteer  # cached


def test_stoplist_keeps_common_words_out() -> None:
    gazetteer = load_gazetteer()
    stop = load_stoplist()
    assert stop, "rasid/data/ner_gazetteer_stop.txt is missing or empty"
    assert not {k for k in gazetteer if " " not in k} & stop
    for word in ["في", "من", "العالم"]:
        assert word not in gazetteer, word


def test_build_stoplist_counts_words_outside_names() -> None:
    tagged = [
        (["العين", "في", "القاهرة"], ["O", "O", "B-LOC"]),
        (["العين", "في", "القاهرة"], ["O", "O", "B-LOC"]),
        (["العين", "في", "العين"], ["O", "O", "B-LOC"]),
        (["في", "القاهرة"], ["O", "B-LOC"]),
    ]
    stop = build_stoplist(tagged, min_count=3)
    assert stop == ["العين", "في"]
    assert filter_names({"العين", "القاهره", "العين السخنه"}, set(stop)) == {
        "القاهره",
        "العين السخنه",
    }


def test_territories_come_from_cldr() -> None:
    names = territory_names()
    assert "الاراضي الفلسطينيه" in names
    assert "المغرب" in names and "المملكه العربيه السعوديه" in names


def test_nationality_adjectives() -> None:
    stems = nationality_stems(["مصر", "العراق", "سوريا", "تركيا", "فلسطين", "الامم المتحده"])
    assert {"مصر", "عراق", "سور", "ترك", "فلسطين"} <= stems
    assert nationality_base("المصريين") == "مصر"
    assert nationality_base("العراقيه") == "عراق"
    assert nationality_base("السوري") == "سور"
    assert nationality_base("الفلسطينيون") == "فلسطين"
    assert nationality_base("كتب") is None
