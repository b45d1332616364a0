"""Aliases and nicknames from rasid/data/entity_aliases.tsv, and surnames that are words.

Sentences are written for these tests; the tagger is the list tagger of test_entities, so
what is pinned is the rule layer around the model.
"""

from __future__ import annotations

from rasid.document import Document
from rasid.stages.entities.aliases import load_aliases
from tests.stages.test_entities import mentions, run


def actor_of(doc: Document, text: str) -> str:
    return next(s.attrs["actor"] for s in doc.spans["entities"] if s.text == text)


def name_of(doc: Document, text: str) -> str:
    return next(s.attrs["name"] for s in doc.spans["entities"] if s.text == text)


def test_every_alias_row_has_a_known_type_and_place() -> None:
    rows = [a for group in load_aliases().values() for a in group]
    assert rows
    assert {a.type for a in rows} <= {"PER", "ORG", "LOC", "FAC", "EVENT", "LAW"}
    assert {a.where for a in rows} <= {"always", "person", "doc"}


def test_nickname_alone_is_the_person_it_names() -> None:
    doc = run("وطالب حميدتي المانحين بزيادة المساعدات للنازحين.", {})
    assert ("حميدتي", "PER") in mentions(doc)
    assert name_of(doc, "حميدتي") == "محمد حمدان دقلو"


def test_nickname_and_full_name_are_one_actor() -> None:
    doc = run(
        "التقى محمد حمدان دقلو الوسطاء في المدينة. وقال حميدتي إن قواته ستنسحب قريباً.",
        {"محمد حمدان دقلو": "PER"},
    )
    assert actor_of(doc, "حميدتي") == actor_of(doc, "محمد حمدان دقلو")


def test_spelling_variants_of_a_group_get_one_name() -> None:
    doc = run("انسحبت عناصر فاجنر من المدينة بعد ساعات من دخول مقاتلي فاغنر إليها.", {})
    assert name_of(doc, "فاجنر") == name_of(doc, "فاغنر")
    assert actor_of(doc, "فاجنر") == actor_of(doc, "فاغنر")


def test_trailing_nationality_stays_outside_the_group_alias() -> None:
    doc = run("وتتهم العواصم الغربية مجموعة فاغنر الروسية بإرسال مقاتلين إلى المنطقة.", {})
    assert ("فاغنر", "ORG") in mentions(doc)
    assert not any("الروسية" in text for text, _ in mentions(doc))


def test_person_run_on_after_a_group_alias_is_split_off() -> None:
    doc = run(
        "أعلن قائد مجموعة فاغنر يوري ستيبانوف انسحاب مقاتليه.",
        {"فاغنر يوري ستيبانوف": "PER"},
    )
    assert ("فاغنر", "ORG") in mentions(doc)
    assert ("يوري ستيبانوف", "PER") in mentions(doc)


def test_acronym_with_a_clitic_is_a_mention_without_it() -> None:
    doc = run("تبادلت الفصائل ووحدات قسد القصف قرب البلدة، واتهمت قسد الفصائل بالبدء.", {})
    assert mentions(doc).count(("قسد", "ORG")) == 2
    assert name_of(doc, "قسد") == "قوات سوريا الديمقراطيه"


def test_word_alias_is_a_person_only_where_a_person_fits() -> None:
    doc = run("وقال مصدر مقرب من البرهان إن الوفد سيصل غداً.", {})
    assert ("البرهان", "PER") in mentions(doc)
    doc = run("وقدم الادعاء البرهان على صحة روايته أمام المحكمة.", {})
    assert ("البرهان", "PER") not in mentions(doc)


def test_kingdom_is_the_country_only_when_the_article_names_it() -> None:
    named = run(
        "استضافت السعودية المحادثات. وقال الوزير إن المملكة ستواصل جهودها.", {"السعودية": "LOC"}
    )
    assert actor_of(named, "المملكة") == actor_of(named, "السعودية")
    unnamed = run("وقال الوزير إن المملكة ستواصل جهودها.", {})
    assert not any(text == "المملكة" for text, _ in mentions(unnamed))
    other = run("استضافت السعودية المحادثات بحضور وفد من المملكة المتحدة.", {"السعودية": "LOC"})
    assert not any(text == "المملكة" for text, _ in mentions(other))


def test_worded_surname_after_a_reporting_verb_is_the_person() -> None:
    doc = run(
        "استقبل رئيس الوزراء كريم جواد الوطني الوفد. وقال الوطني إن المباحثات كانت مثمرة.",
        {"كريم جواد الوطني": "PER"},
    )
    assert mentions(doc).count(("الوطني", "PER")) == 1
    assert actor_of(doc, "الوطني") == actor_of(doc, "كريم جواد الوطني")


def test_worded_surname_after_a_definite_noun_stays_a_word() -> None:
    doc = run(
        "استقبل رئيس الوزراء كريم جواد الوطني الوفد، وأشاد بدور الجيش الوطني في حماية الحدود.",
        {"كريم جواد الوطني": "PER"},
    )
    assert ("الوطني", "PER") not in mentions(doc)


def test_worded_surname_joined_by_and_before_a_verb_is_the_person() -> None:
    doc = run(
        "قال محافظ المصرف سالم الكبير إنه سيستقيل. والكبير يغادر البلاد غداً بعد الجزء الكبير"
        " من الأزمة.",
        {"سالم الكبير": "PER"},
    )
    assert mentions(doc).count(("الكبير", "PER")) == 1


def test_country_adjective_after_a_proper_name_stays_outside_it() -> None:
    doc = run(
        "وقال رئيس شركة فيرتوغاز الأوكرانية إن الإمدادات توقفت.",
        {"فيرتوغاز الأوكرانية": "ORG"},
    )
    assert ("فيرتوغاز", "ORG") in mentions(doc)


def test_country_adjective_of_a_ministry_stays_in_its_name() -> None:
    doc = run("وأعلنت وزارة الدفاع الروسية تدمير مستودع.", {"وزارة الدفاع الروسية": "ORG"})
    assert ("وزارة الدفاع الروسية", "ORG") in mentions(doc)


def test_bracketed_short_name_that_is_a_word_repeats_only_where_an_actor_fits() -> None:
    doc = run(
        "وقعت جبهة القوى الوطنية (صمود) البيان. واتهمت صمود الجيش بالانحياز، وسط صمود شعبي.",
        {"جبهة القوى الوطنية": "ORG"},
    )
    assert mentions(doc).count(("صمود", "ORG")) == 2  # "(صمود)" and "واتهمت صمود"
    assert actor_of(doc, "صمود") == actor_of(doc, "جبهة القوى الوطنية")


def test_nickname_in_brackets_after_a_person_is_the_same_actor() -> None:
    doc = run(
        "وصل قائد القوات سليمان حامد برقو (برقاوي) إلى المدينة. وقال برقاوي إن قواته انسحبت.",
        {"سليمان حامد برقو": "PER"},
    )
    assert mentions(doc).count(("برقاوي", "PER")) == 2
    assert actor_of(doc, "برقاوي") == actor_of(doc, "سليمان حامد برقو")


def test_party_or_country_in_brackets_after_a_person_is_not_his_alias() -> None:
    doc = run(
        "وقال القيادي سليمان حامد برقو (مصر) إن الوفد وصل.",
        {"سليمان حامد برقو": "PER", "مصر": "LOC"},
    )
    assert actor_of(doc, "مصر") != actor_of(doc, "سليمان حامد برقو")
