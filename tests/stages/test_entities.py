"""The entities stage's rule layers, pinned with a tagger that knows a fixed list of names.

The trained model is scored by eval/ner_eval.py; these tests pin what rasid does around it:
clitics, roles, epithets, labels, head-noun patterns, document consistency and grouping.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from rasid.document import Document
from rasid.normalize import normalize_arabic
from rasid.stages.entities import find_mentions, write_entities
from rasid.stages.entities.lexicon import Lexicon, WordStats
from rasid.stages.entities.recognize import clitic_cut
from rasid.stages.entities.tokens import tokenize, word_forms
from rasid.stages.segment import segment_stage


class ListTagger:
    """Tags the listed names (normalized word sequences) wherever they occur, clitics and all."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {tuple(normalize_arabic(k).split()): v for k, v in names.items()}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        words = [normalize_arabic(t) for t in tokens]
        tags = ["O"] * len(words)
        i = 0
        while i < len(words):
            for name, kind in sorted(self.names.items(), key=lambda x: -len(x[0])):
                size = len(name)
                window = tuple(words[i : i + size])
                if window == name:
                    tags[i : i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
                    i += size - 1
                    break
            i += 1
        return tags


def run(text: str, names: dict[str, str]) -> Document:
    doc = Document(id="d", page_id="d", article_index=0, source="t", format="txt")
    doc.clean_text = text
    segment_stage(doc)
    mentions, actors = find_mentions(doc, tagger=ListTagger(names))
    write_entities(doc, mentions, actors)
    return doc


def mentions(doc: Document) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in doc.spans["entities"]]


def test_offsets_point_at_the_mention_text() -> None:
    doc = run("وصل الوفد إلى بغداد أمس.", {"بغداد": "LOC"})
    (span,) = doc.spans["entities"]
    assert doc.clean_text[span.start : span.end] == "بغداد" == span.text


def test_conjunction_and_preposition_are_cut_but_name_initial_letters_stay() -> None:
    doc = run(
        "زار الوفد بغداد ثم انتقل إلى لبنان وبيروت، والتقى وليد جنبلاط.",
        {"بغداد": "LOC", "لبنان": "LOC", "وبيروت": "LOC", "وليد جنبلاط": "PER"},
    )
    assert mentions(doc) == [
        ("بغداد", "LOC"),
        ("لبنان", "LOC"),
        ("بيروت", "LOC"),
        ("وليد جنبلاط", "PER"),
    ]


def test_lil_drops_the_preposition_and_keeps_what_is_left_of_the_article() -> None:
    doc = run("قدم الوفد رسالة للأمم المتحدة.", {"للأمم المتحدة": "ORG"})
    (span,) = doc.spans["entities"]
    assert span.text == "لأمم المتحدة"
    assert span.attrs["name"] == "الامم المتحده"
    assert doc.actors[0].name == "الأمم المتحدة"


def test_clitic_is_cut_when_the_document_has_the_bare_name() -> None:
    lexicon = Lexicon({})
    assert clitic_cut("بحفتر", lexicon, {"حفتر"}) == (1, "حفتر")
    assert clitic_cut("بحفتر", lexicon, set()) == (0, "بحفتر")  # unknown: ب starts names too
    assert clitic_cut("وحفتر", lexicon, set()) == (1, "حفتر")  # و joins far more than it starts


def test_clitic_kept_when_the_whole_word_is_a_known_name() -> None:
    lexicon = Lexicon({"وليد": WordStats(0, 9, "PER"), "ليد": WordStats(3, 0, "")})
    assert clitic_cut("وليد", lexicon, set()) == (0, "وليد")


def test_title_before_a_person_is_their_role_not_their_name() -> None:
    doc = run(
        "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره أمس.",
        {"سيرغي لافروف": "PER"},
    )
    (span,) = doc.spans["entities"]
    assert span.text == "سيرغي لافروف"
    assert span.attrs["role"] == "وزير الخارجية الروسي"


def test_apposition_between_commas_is_the_epithet() -> None:
    doc = run(
        "قال المشير خليفة حفتر، قائد الجيش الوطني الليبي، إن قواته مستعدة.",
        {"خليفة حفتر": "PER"},
    )
    span = next(s for s in doc.spans["entities"] if s.label == "PER")
    assert span.attrs["role"] == "المشير"
    assert span.attrs["epithet"] == "قائد الجيش الوطني الليبي"


def test_framing_label_is_cut_off_the_name_and_kept_as_role() -> None:
    doc = run(
        "اتهمت ميليشيا الوفاق قوات الجيش، بينما نفت حكومة الوفاق المعترف بها دولياً ذلك.",
        {"ميليشيا الوفاق": "ORG", "حكومة الوفاق": "ORG"},
    )
    first, second = doc.spans["entities"][:2]
    assert (first.text, first.attrs["role"]) == ("الوفاق", "ميليشيا")
    assert (second.text, second.attrs["epithet"]) == ("حكومة الوفاق", "المعترف بها دولياً")
    assert first.attrs["actor"] == second.attrs["actor"]  # one actor, two framings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أطلقت القوات عملية «بركان الغضب» فجراً.", ("عملية «بركان الغضب»", "EVENT")),
        ("دعا مجلس الأمن في القرار 2259 إلى التهدئة.", ("القرار 2259", "LAW")),
        ("أكد التزامه باتفاق الصخيرات الموقع سابقاً.", ("اتفاق الصخيرات", "LAW")),
        ("تعرض مطار معيتيقة الدولي لقصف صاروخي.", ("مطار معيتيقة الدولي", "FAC")),
    ],
)
def test_head_noun_patterns(text: str, expected: tuple[str, str]) -> None:
    assert expected in mentions(run(text, {}))


def test_ordinary_words_after_a_head_are_not_names() -> None:
    found = mentions(run("نفذت القوات عملية عسكرية واسعة قرب قاعدة عسكرية.", {}))
    assert not [m for m in found if m[1] in ("EVENT", "FAC")]


def test_a_place_after_a_conference_head_becomes_the_event() -> None:
    assert mentions(run("انطلق مؤتمر برلين اليوم.", {"برلين": "LOC"})) == [("مؤتمر برلين", "EVENT")]


def test_repeats_the_tagger_missed_are_found_and_grouped() -> None:
    doc = run(
        "التقى خليفة حفتر بالوفد. وأضاف أن حفتر سيزور القاهرة.",
        {"خليفة حفتر": "PER", "القاهرة": "LOC"},
    )
    people = [s for s in doc.spans["entities"] if s.label == "PER"]
    assert [s.text for s in people] == ["خليفة حفتر", "حفتر"]
    assert people[1].attrs["source"] == "document"
    assert len({s.attrs["actor"] for s in people}) == 1
    (actor,) = [a for a in doc.actors if a.type == "PER"]
    assert actor.name == "خليفة حفتر" and actor.mentions == 2


def test_first_name_after_a_title_joins_the_full_name() -> None:
    doc = run(
        "أعلن بشار الأسد العفو. وقال الرئيس بشار إن القرار نهائي.",
        {"بشار الأسد": "PER"},
    )
    people = [s for s in doc.spans["entities"] if s.label == "PER"]
    assert [s.text for s in people] == ["بشار الأسد", "بشار"]
    assert people[1].attrs["role"] == "الرئيس"
    assert len({s.attrs["actor"] for s in people}) == 1


def test_a_general_head_alone_is_not_the_organisation() -> None:
    doc = run(
        "رفضت حكومة الوفاق البيان، وقالت الحكومة إنها ستدرسه.",
        {"حكومة الوفاق": "ORG", "الحكومة": "ORG"},
    )
    assert mentions(doc) == [("حكومة الوفاق", "ORG")]  # "الحكومة" alone is a reference


def test_nisba_adjective_is_not_a_place() -> None:
    doc = run("وصل الوفد الليبي إلى القاهرة.", {"الليبي": "LOC", "القاهرة": "LOC"})
    assert mentions(doc) == [("القاهرة", "LOC")]


def test_tokens_keep_offsets_and_split_sentence_dots() -> None:
    tokens = tokenize("قال د. أحمد: نعم.", offset=10)
    assert [(t.text, t.start) for t in tokens] == [
        ("قال", 10),
        ("د.", 14),
        ("أحمد", 17),
        (":", 21),
        ("نعم", 23),
        (".", 26),
    ]


def test_empty_document_has_no_entities() -> None:
    doc = run("", {})
    assert doc.spans["entities"] == [] and doc.actors == []


def test_a_lone_surname_tagged_as_something_else_follows_the_full_name() -> None:
    doc = run(
        "استقبل فائز السراج الوفد، وقال السراج إن الحوار مستمر.",
        {"فائز السراج": "PER", "السراج": "FAC"},
    )
    assert [s.label for s in doc.spans["entities"]] == ["PER", "PER"]
    assert len({s.attrs["actor"] for s in doc.spans["entities"]}) == 1


def test_an_organisation_run_into_a_person_is_split() -> None:
    doc = run(
        "التقى الوفد بالأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك.",
        {"للأمم المتحدة أنطونيو غوتيريش": "ORG"},
    )
    assert mentions(doc)[:2] == [("لأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PER")]


def test_preposition_on_a_common_word_is_cut() -> None:
    doc = run("أعلن الجيش التابع لحكومة الوفاق تقدمه.", {"لحكومة الوفاق": "ORG"})
    assert mentions(doc) == [("حكومة الوفاق", "ORG")]


def test_epithet_found_past_the_adjectives_of_a_name() -> None:
    doc = run(
        "أعلنت حكومة الوفاق الوطني الليبية المعترف بها دولياً النفير.",
        {"حكومة الوفاق": "ORG"},
    )
    assert doc.spans["entities"][0].attrs["epithet"] == "المعترف بها دولياً"


def test_a_name_does_not_end_in_a_title_or_a_prepositional_word() -> None:
    doc = run(
        "قال مجلس النواب المستشار عقيلة صالح إن وزارة الداخلية لرويترز أكدت ذلك.",
        {"مجلس النواب المستشار": "ORG", "وزارة الداخلية لرويترز": "ORG"},
    )
    assert [m for m in mentions(doc) if m[1] == "ORG"] == [
        ("مجلس النواب", "ORG"),
        ("وزارة الداخلية", "ORG"),
    ]


def test_a_name_after_an_outlet_head_is_an_organisation() -> None:
    doc = run("ونقلت وكالة الأناضول عن مصدر قوله.", {"الأناضول": "LOC"})
    assert mentions(doc) == [("الأناضول", "ORG")]


def test_spaced_agency_initials_are_one_organisation() -> None:
    doc = run("طرابلس (أ ف ب) - أعلن الجيش النفير.", {"طرابلس": "LOC"})
    assert ("أ ف ب", "ORG") in mentions(doc)


def test_stacked_titles_are_kept_whole_and_one_by_one() -> None:
    doc = run(
        "وقال وزير الطاقة الأمير عبد العزيز بن سلمان إن السوق مستقرة.",
        {"عبد العزيز بن سلمان": "PER"},
    )
    (span,) = doc.spans["entities"]
    assert span.attrs["role"] == "وزير الطاقة الأمير"
    assert span.attrs["titles"] == ["وزير الطاقة", "الأمير"]
    assert doc.actors[0].roles == ["وزير الطاقة", "الأمير"]


def test_a_role_phrase_stops_at_another_person() -> None:
    doc = run(
        "وصل وزير الخارجية مولود أوغلو ووزير الدفاع التركي خلوصي أكار إلى طرابلس.",
        {"مولود أوغلو": "PER", "خلوصي أكار": "PER"},
    )
    roles = [s.attrs["role"] for s in doc.spans["entities"] if s.label == "PER"]
    assert roles == ["وزير الخارجية", "وزير الدفاع التركي"]


def test_titles_taken_into_a_name_go_back_to_the_role() -> None:
    doc = run("استقبل المشير خليفة حفتر الوفد.", {"المشير خليفة حفتر": "PER"})
    (span,) = doc.spans["entities"]
    assert (span.text, span.attrs["role"]) == ("خليفة حفتر", "المشير")


def test_a_person_after_a_title_is_found_without_the_tagger() -> None:
    doc = run("ورد القائد العام خليفة حفتر بإعلان التعبئة.", {})
    assert mentions(doc) == [("خليفة حفتر", "PER")]
    assert doc.spans["entities"][0].attrs["role"] == "القائد العام"


def test_ordinary_words_after_a_title_are_not_a_person() -> None:
    assert mentions(run("وقال الرئيس إن الحكومة ستدرس المقترح.", {})) == []


def test_a_country_is_a_place_whatever_the_tagger_says() -> None:
    doc = run("وصل الوفد إلى ليبيا أمس.", {"ليبيا": "PER"})
    assert mentions(doc) == [("ليبيا", "LOC")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال محافظ مصرف ليبيا المركزي إن السيولة متوفرة.", "مصرف ليبيا المركزي"),
        ("ورحبت حكومة الوحدة الوطنية بالقرار.", "حكومة الوحدة الوطنية"),
        ("وأعلن المجلس الأعلى للدولة رفضه.", "المجلس الأعلى للدولة"),
    ],
)
def test_organisation_heads_with_definite_words(text: str, name: str) -> None:
    assert (name, "ORG") in mentions(run(text, {"ليبيا": "LOC"}))


def test_dateline_gives_the_city_and_the_outlet_whatever_the_tagger_says() -> None:
    doc = run("زرنوقة - واكس: افتتح الوزير المعرض أمس.\n\nوقال الوزير إن المعرض كبير.", {})
    assert mentions(doc)[:2] == [("زرنوقة", "LOC"), ("واكس", "ORG")]
    doc = run("زرنوقة (وكالة البرق) - افتتح الوزير المعرض.", {"زرنوقة": "PER"})
    assert mentions(doc)[:2] == [("زرنوقة", "LOC"), ("وكالة البرق", "ORG")]


def test_dateline_outlet_is_found_again_later_in_the_article() -> None:
    doc = run(
        "زرنوقة - بوابة النهرين: بدأ الاجتماع.\n\nوقال مسؤول لبوابة النهرين إن الاجتماع انتهى.", {}
    )
    assert [m for m in mentions(doc) if m[1] == "ORG"] == [("بوابة النهرين", "ORG")] * 2


def test_a_sentence_that_merely_starts_with_a_city_is_no_dateline() -> None:
    doc = run("واشنطن - قال مسؤول أمريكي إن الوفد وصل.", {})
    assert ("مسؤول أمريكي إن الوفد وصل", "ORG") not in mentions(doc)
    assert all(label != "ORG" for _, label in mentions(doc))


def test_name_after_a_town_head_is_a_place_even_when_it_is_a_plain_word() -> None:
    doc = run("سقطت قذيفة على مدينة الحصاد صباح اليوم.", {})
    assert ("الحصاد", "LOC") in mentions(doc)
    doc = run("وقعت الاشتباكات في المدينة الكبيرة.", {})  # definite head: a description
    assert mentions(doc) == []


def test_area_head_needs_a_name_not_an_adjective() -> None:
    doc = run("تقدمت القوات في جبال زغروان وأقامت منطقة عازلة.", {})
    assert mentions(doc) == [("زغروان", "LOC")]


def test_unknown_word_joined_by_waw_to_a_place_is_a_place() -> None:
    doc = run("امتد القتال إلى مديريات زغروطة والقرنفيلة أمس.", {})
    assert mentions(doc) == [("زغروطة", "LOC"), ("القرنفيلة", "LOC")]


def test_title_after_lil_is_read_with_its_article() -> None:
    assert "اللواء" in word_forms("للواء")
    doc = run("أبقت القوات الموالية للواء المتقاعد زهران قرطبي على الحصار.", {})
    assert ("زهران قرطبي", "PER") in mentions(doc)
    assert ("القوات الموالية", "ORG") not in mentions(doc)


def test_compound_surname_repeats_as_two_words_never_as_allah_alone() -> None:
    doc = run(
        "قال رئيس المؤسسة زاهر صنع الله إن الإنتاج توقف. وأضاف صنع الله أن الخسائر كبيرة "
        "والحمد لله، وإن شاء الله تعود.",
        {"زاهر صنع الله": "PER"},
    )
    assert [m for m in mentions(doc) if m[1] == "PER"] == [
        ("زاهر صنع الله", "PER"),
        ("صنع الله", "PER"),
    ]


def test_person_named_after_the_complement_of_a_title() -> None:
    doc = run(
        "قال الأمين العام لمنظمة البرق صالح زغلولي إن الإنتاج ارتفع.",
        {"منظمة البرق": "ORG"},
    )
    assert ("صالح زغلولي", "PER") in mentions(doc)


def test_two_people_side_by_side_join_but_not_across_waw() -> None:
    doc = run("التقى صالح زغلولي وصالح قرطبي أمس.", {"صالح زغلولي": "PER", "وصالح قرطبي": "PER"})
    assert [m for m in mentions(doc) if m[1] == "PER"] == [
        ("صالح زغلولي", "PER"),
        ("صالح قرطبي", "PER"),
    ]


def test_a_national_army_is_an_organisation_but_foreign_forces_are_a_description() -> None:
    doc = run("اشتبك الجيش السوداني مع مسلحين، بينما انسحبت القوات التركية.", {})
    assert mentions(doc) == [("الجيش السوداني", "ORG")]
    doc = run("أعلنت القوات المسلحة السودانية الهدنة.", {})
    assert mentions(doc) == [("القوات المسلحة السودانية", "ORG")]


def test_organisation_phrase_stops_at_a_relative_a_law_head_or_a_second_name() -> None:
    doc = run("وخفض البنك المركزي الذي يرأسه الوزير الفائدة.", {})
    assert ("البنك المركزي", "ORG") in mentions(doc)
    doc = run("وصف مجلس النواب الاتفاق بأنه خيانة.", {"مجلس النواب": "ORG"})
    assert ("مجلس النواب", "ORG") in mentions(doc)
    doc = run("اتهمت حكومة الوفاق للقبول بالمبادرة.", {})
    assert ("حكومة الوفاق", "ORG") in mentions(doc)


def test_short_name_in_brackets_after_a_long_one_is_the_same_actor() -> None:
    doc = run(
        "أعلنت قوات النهرين الديمقراطية (قند) السيطرة على القرية. وقالت قند إن القتال انتهى.",
        {"قوات النهرين الديمقراطية": "ORG"},
    )
    assert [m for m in mentions(doc)] == [
        ("قوات النهرين الديمقراطية", "ORG"),
        ("قند", "ORG"),
        ("قند", "ORG"),
    ]
    assert len({s.attrs["actor"] for s in doc.spans["entities"]}) == 1


def test_a_press_conference_is_a_kind_of_conference_not_a_named_one() -> None:
    doc = run(
        "وقال المتحدث في مؤتمر صحافي مساء الأحد إن مؤتمر فيينا سينعقد قريباً.",
        {"فيينا": "LOC"},
    )
    assert ("مؤتمر فيينا", "EVENT") in mentions(doc)
    assert not any(text.startswith("مؤتمر صحافي") for text, _ in mentions(doc))


def test_a_quote_said_of_a_resolution_or_an_agreement_is_not_its_name() -> None:
    doc = run(
        'ووصف الوزير الاتفاق "خطوة تاريخية للبلدين". وقال النائب إن القرار "لا يخدم '
        'السلام". وأطلق الجيش عملية "فجر الجبال" في الشمال.',
        {},
    )
    assert [(t, k) for t, k in mentions(doc) if k in ("LAW", "EVENT")] == [
        ('عملية "فجر الجبال"', "EVENT")
    ]


def test_a_gazetteer_word_news_uses_as_a_plain_noun_is_no_place() -> None:
    doc = run(
        "وطالب المجلس بفك حصار المدينة، وأكد حرصه على أمن لبنان واستقراره.",
        {"لبنان": "LOC"},
    )
    assert mentions(doc) == [("لبنان", "LOC")]


def test_a_country_name_with_tanween_is_an_adverb_not_a_repeat_of_the_country() -> None:
    doc = run("وصل الوفد إلى سوريا، وقال إن القرار يجب أن يبقى سورياً.", {"سوريا": "LOC"})
    assert mentions(doc) == [("سوريا", "LOC")]


def test_an_embassy_or_mission_takes_the_place_it_sits_in_into_its_name() -> None:
    doc = run(
        "وقالت السفارة الفرنسية في لبنان إنها تتابع الوضع. ورحبت البعثة الأممية للدعم في "
        "لبنان بالاتفاق، ودعا سفير كندا في بيروت إلى الهدوء.",
        {"السفارة الفرنسية": "ORG", "لبنان": "LOC", "بيروت": "LOC", "كندا": "LOC"},
    )
    found = mentions(doc)
    assert ("السفارة الفرنسية في لبنان", "ORG") in found
    assert ("البعثة الأممية للدعم في لبنان", "ORG") in found
    assert ("لبنان", "LOC") not in found
    assert ("بيروت", "LOC") in found  # an ambassador is no body: the city stays a place


def test_the_body_after_a_title_is_not_taken_for_a_person() -> None:
    doc = run("وقال رئيس البعثة الأممية إن الحوار سيستأنف الأسبوع المقبل.", {})
    assert not [t for t, k in mentions(doc) if k == "PER"]


def test_a_framing_word_before_a_person_is_a_title() -> None:
    doc = run(
        "وتقدمت قوات المتمرد سالم الورفلي نحو المدينة. وقال الجيش إنه لن يسمح للمتمرد "
        "سالم الورفلي بالدخول إليها.",
        {},
    )
    people = [s for s in doc.spans["entities"] if s.label == "PER"]
    assert [s.text for s in people] == ["سالم الورفلي", "سالم الورفلي"]
    assert [s.attrs["role"] for s in people] == ["المتمرد", "المتمرد"]  # not "للمتمرد"


def test_the_datelines_outlet_quoted_again_in_the_body_is_the_outlet() -> None:
    doc = run(
        "عمّان - «الشرق الأوسط»: قال الوزير في حديث مع «الشرق الأوسط» إن أزمة الشرق الأوسط تتفاقم.",
        {"الشرق الأوسط": "LOC", "عمّان": "LOC"},
    )
    found = [(t, k) for t, k in mentions(doc) if t == "الشرق الأوسط"]
    assert found == [("الشرق الأوسط", "ORG"), ("الشرق الأوسط", "ORG"), ("الشرق الأوسط", "LOC")]


def test_an_agreement_between_a_capital_and_another_party_is_not_named_after_the_capital() -> None:
    doc = run(
        "وانتقد النائب اتفاق القاهرة والحكومة الانتقالية، ورحب باتفاق الرياض.",
        {"القاهرة": "LOC", "الرياض": "LOC"},
    )
    assert ("القاهرة", "LOC") in mentions(doc)
    assert ("اتفاق الرياض", "LAW") in mentions(doc)


def test_a_name_does_not_end_in_a_function_word_and_a_bare_head_is_no_name() -> None:
    doc = run(
        "وقال البنك الأهلي منذ أيام إن الحكومة بـ حاجة إلى قرض.",
        {"البنك الأهلي منذ": "ORG", "الحكومة بـ": "ORG"},
    )
    assert mentions(doc) == [("البنك الأهلي", "ORG")]


def test_a_noun_with_its_pronoun_after_a_head_is_no_name() -> None:
    doc = run("وغيرت الشركة مسار ناقلاتها بعد الهجمات.", {})
    assert not [t for t, k in mentions(doc) if k == "EVENT"]


def test_a_surname_starting_like_a_conjunction_keeps_its_letter_when_the_document_has_it() -> None:
    doc = run(
        "والتقى الوزير هاكان فيدان نظيره العراقي. ونقل فيدان رسالة إلى بغداد.",
        {"هاكان فيدان": "PER", "بغداد": "LOC"},
    )
    people = [s.text for s in doc.spans["entities"] if s.label == "PER"]
    assert people == ["هاكان فيدان", "فيدان"]


def test_an_organisation_named_with_plain_words_is_found_when_the_text_drops_its_head() -> None:
    doc = run(
        "واشتبكت قوات التدخل السريع مع مسلحين قرب المطار. وقال متحدث باسم التدخل السريع إن "
        "الوضع هادئ. وانتشرت قوات الأمن العام في الشوارع.",
        {},
    )
    found = mentions(doc)
    assert ("قوات التدخل السريع", "ORG") in found
    assert ("التدخل السريع", "ORG") in found
    assert ("قوات الأمن العام", "ORG") not in found  # never said without its head
    ids = {s.attrs["actor"] for s in doc.spans["entities"] if "التدخل" in s.text}
    assert len(ids) == 1
