"""Forces named by their leader, names that begin with و/ف, and people after titles.

Sentences are written for these tests; the tagger is the list tagger of test_entities, so
what is pinned is the rule layer around the model.
"""

from __future__ import annotations

from rasid.document import Document
from rasid.stages.entities.lexicon import Lexicon, WordStats
from rasid.stages.entities.recognize import clitic_cut
from tests.stages.test_entities import mentions, run


def actor_of(doc: Document, text: str) -> str:
    return next(s.attrs["actor"] for s in doc.spans["entities"] if s.text == text)


def names(doc: Document) -> dict[str, str]:
    return {a.id: a.name for a in doc.actors}


def test_force_named_by_its_leader_is_one_org_mention() -> None:
    doc = run(
        "قال شهود إن قوات عيسى المختار دخلت البلدة، وإن المختار نفسه لم يظهر.",
        {"عيسى المختار": "PER", "المختار": "PER"},
    )
    assert ("قوات عيسى المختار", "ORG") in mentions(doc)
    assert ("المختار", "PER") in mentions(doc)


def test_force_without_a_commanded_body_is_an_actor_of_its_own() -> None:
    doc = run(
        "التقى الوسيط سالم بوزيد أمس. وقالت مصادر إن ميليشيات بوزيد انسحبت من الميناء.",
        {"سالم بوزيد": "PER", "بوزيد": "PER"},
    )
    force = actor_of(doc, "ميليشيات بوزيد")
    assert names(doc)[force] == "قوات بوزيد"
    assert force != actor_of(doc, "سالم بوزيد")


def test_loyal_forces_join_the_body_their_leader_commands() -> None:
    doc = run(
        "وأكد قائد جيش التحرير الشعبي صابر الهادي أن الهدنة صامدة. "
        "غير أن القوات الموالية للهادي قصفت مواقع في الشمال، كما تقدمت قوات الهادي جنوباً.",
        {"جيش التحرير الشعبي": "ORG", "صابر الهادي": "PER", "الهادي": "PER"},
    )
    body = actor_of(doc, "جيش التحرير الشعبي")
    assert actor_of(doc, "القوات الموالية للهادي") == body
    assert actor_of(doc, "قوات الهادي") == body
    assert names(doc)[body] == "جيش التحرير الشعبي"  # the alias never names the actor


def test_a_title_between_head_and_name_keeps_the_person() -> None:
    doc = run(
        "وتراجعت قوات العقيد صابر الهادي إلى الضواحي.",
        {"صابر الهادي": "PER"},
    )
    assert ("صابر الهادي", "PER") in mentions(doc)


def test_commanded_body_of_ordinary_words_is_an_organisation() -> None:
    doc = run(
        "وقال قائد قوات النخبة الساحلية منير العباسي إن الطريق مفتوح.",
        {"منير العباسي": "PER"},
    )
    assert ("قوات النخبة الساحلية", "ORG") in mentions(doc)


def test_seat_of_power_that_speaks_is_an_organisation() -> None:
    doc = run("ونفى الكرملين صحة التقارير.", {"الكرملين": "LOC"})
    assert mentions(doc) == [("الكرملين", "ORG")]


def test_first_name_after_a_title_keeps_its_waw() -> None:
    """An unknown name after "المبعوث الأممي" has no conjunction on it: ويلبرت, not يلبرت."""
    doc = run("وقال المبعوث الأممي ويلبرت كارسون إن المحادثات مثمرة.", {"ويلبرت كارسون": "PER"})
    assert ("ويلبرت كارسون", "PER") in mentions(doc)


def test_unknown_name_joined_to_a_phrase_still_loses_its_conjunction() -> None:
    for text in (
        "وقع الاتفاق بين الحكومة الانتقالية ونافارو أمس.",
        "التقى الوزير بالسفير الفرنسي ونافارو في القصر.",
    ):
        doc = run(text, {"ونافارو": "PER"})
        assert ("نافارو", "PER") in mentions(doc), text


def test_a_name_the_corpora_know_is_not_cut_into_a_verb() -> None:
    """ "فيصل" is a name, though "يصل" (arrives) is the commoner word."""
    lexicon = Lexicon(
        {"فيصل": WordStats(o=1, named=8, kind="PER"), "يصل": WordStats(o=21, named=1, kind="PER")}
    )
    assert clitic_cut("فيصل", lexicon, set()) == (0, "فيصل")
    assert clitic_cut("فيصل", lexicon, set(), after_head=True) == (0, "فيصل")


def test_surname_of_a_person_after_a_title_is_found_again() -> None:
    """A person the rules found after a title counts for the document's repeats."""
    doc = run(
        "قال العقيد منصور القرقني إن الهجوم فشل. وأضاف القرقني أن الخسائر كبيرة.",
        {},
    )
    found = mentions(doc)
    assert ("منصور القرقني", "PER") in found and ("القرقني", "PER") in found


def test_surname_glued_to_a_common_word_is_not_repeated() -> None:
    """ "لصالح" is "in favour of", not ل + the surname صالح."""
    doc = run(
        "قال النائب حامد صالح إن التصويت جاء لصالح الحكومة.",
        {"حامد صالح": "PER"},
    )
    assert [m for m in mentions(doc) if m[0] == "صالح"] == []


def test_first_name_that_is_also_a_particle_starts_a_name_after_a_title() -> None:
    """ "علي" is also على: after a title, with a family name the article repeats, a name."""
    doc = run("وقال العميد علي الزنتاني، إن الطريق آمن. وأضاف الزنتاني أن الدوريات مستمرة.", {})
    assert ("علي الزنتاني", "PER") in mentions(doc)


def test_preposition_before_a_word_said_once_is_no_name() -> None:
    doc = run("وشدد الوزير على ترشيدها في الموازنة.", {})
    assert [m for m in mentions(doc) if m[1] == "PER"] == []


def test_nisba_family_name_closing_a_full_name_is_kept() -> None:
    doc = run("استقبل رئيس الوزراء كامل جواد البصري، الأحد، وفداً تجارياً.", {"كامل جواد": "PER"})
    assert ("كامل جواد البصري", "PER") in mentions(doc)


def test_unknown_definite_family_name_after_a_first_name_is_kept() -> None:
    doc = run("والتقى الوزير هادي القرمزلي، في جنيف.", {"هادي": "PER"})
    assert ("هادي القرمزلي", "PER") in mentions(doc)


def test_compound_name_cut_after_abd_takes_its_second_half() -> None:
    doc = run("وقال الوزير معين عبد الرزاق إن الخطة جاهزة.", {"معين عبد": "PER"})
    assert ("معين عبد الرزاق", "PER") in mentions(doc)


def test_rare_family_name_after_a_titled_first_name_is_kept() -> None:
    doc = run("وحضر الرئيس الإيراني إبراهيم رئيسي في العاصمة.", {"إبراهيم": "PER"})
    assert ("إبراهيم رئيسي", "PER") in mentions(doc)


def test_verb_after_a_titled_first_name_is_not_a_family_name() -> None:
    doc = run("وقال إن الرئيس إبراهيم يستقبل الوفد غداً.", {"إبراهيم": "PER"})
    assert ("إبراهيم", "PER") in mentions(doc)


def test_ambiguous_first_name_after_a_role_complement_needs_a_recurring_surname() -> None:
    """ "غير" after "المبعوث الخاص إلى …" starts a name only when the article keeps coming
    back to the unknown word after it."""
    text = (
        "وقال المبعوث الخاص إلى اليمن غير هالفورسن، إن الجولة انتهت. "
        "وأضاف هالفورسن أن الوفدين تقاربا، فيما غادر هالفورسن مساء."
    )
    assert ("غير هالفورسن", "PER") in mentions(run(text, {"اليمن": "LOC"}))
    once = "وقال المبعوث الخاص إلى اليمن غير هالفورسن، إن الجولة انتهت."
    assert ("غير هالفورسن", "PER") not in mentions(run(once, {"اليمن": "LOC"}))


def test_verb_glued_to_a_conjunction_ends_a_name() -> None:
    doc = run("أما الفريق صابر الهادي فأعلن رفضه.", {"صابر الهادي فأعلن": "PER"})
    assert ("صابر الهادي", "PER") in mentions(doc)


def test_plain_noun_after_a_full_name_is_cut_off() -> None:
    doc = run(
        "وغادر رئيس الحكومة نبيل جواد الساعدي العاصمة صباحاً.",
        {"نبيل جواد الساعدي العاصمة": "PER"},
    )
    assert ("نبيل جواد الساعدي", "PER") in mentions(doc)


def test_country_that_ends_a_role_is_not_the_first_name() -> None:
    doc = run(
        "وقال المبعوث الأممي إلى ليبيا سامي العوني إن الهدنة صامدة.",
        {"ليبيا سامي العوني": "PER"},
    )
    assert ("سامي العوني", "PER") in mentions(doc)


def test_nisba_plural_is_no_person() -> None:
    doc = run("وقتل جنود سوريون في القصف.", {"سوريون": "PER"})
    assert mentions(doc) == []


def test_unknown_name_is_not_cut_into_a_rare_word() -> None:
    doc = run("وقال الوزير كمال جواد الساعدي إن الخطة جاهزة.", {"كمال جواد الساعدي": "PER"})
    assert ("كمال جواد الساعدي", "PER") in mentions(doc)


def test_first_name_between_a_role_and_the_tagged_surname_is_pulled_in() -> None:
    doc = run("ووصل وزير الخارجية نيلس تشيليكجي إلى العاصمة.", {"تشيليكجي": "PER"})
    assert ("نيلس تشيليكجي", "PER") in mentions(doc)


def test_two_unknown_words_after_a_role_are_a_foreign_name() -> None:
    doc = run(
        "وقال رئيس شركة الموانئ الأوكرانية فيكتور دوبرين إن العمل مستمر.",
        {"شركة الموانئ الأوكرانية": "ORG"},
    )
    assert ("فيكتور دوبرين", "PER") in mentions(doc)


def test_foreign_name_run_into_an_organisation_is_split_off() -> None:
    doc = run(
        "وقالت رئيسة صندوق النقد الدولي ماريكا سوريانوفا إن البرنامج جيد.",
        {"صندوق النقد الدولي ماريكا سوريانوفا": "ORG"},
    )
    found = mentions(doc)
    assert ("صندوق النقد الدولي", "ORG") in found
    assert ("ماريكا سوريانوفا", "PER") in found


def test_repeated_unknown_word_completes_a_name_and_its_forces() -> None:
    doc = run(
        "ودعا البيان القائد صابر نوري دغيم إلى الهدنة. واتهم الجيش قوات دغيم بقصف المدينة.",
        {"صابر نوري": "PER"},
    )
    found = mentions(doc)
    assert ("صابر نوري دغيم", "PER") in found
    assert ("قوات دغيم", "ORG") in found


def test_counterpart_is_a_title() -> None:
    doc = run("وقال الوزير في مؤتمر مع نظيرته الليبية سعاد الفيتوري إن الاتفاق قائم.", {})
    assert ("سعاد الفيتوري", "PER") in mentions(doc)


def test_body_named_by_head_and_adjective_takes_its_purpose() -> None:
    doc = run(
        "وأعلنت الهيئة الوطنية للمياه خطة جديدة للمرة الثانية.",
        {"الهيئة الوطنية": "ORG"},
    )
    assert ("الهيئة الوطنية للمياه", "ORG") in mentions(doc)


def test_adverb_in_lil_is_no_purpose() -> None:
    doc = run("واجتمعت الحكومة الليبية للمرة الثانية.", {"الحكومة الليبية": "ORG"})
    assert ("الحكومة الليبية", "ORG") in mentions(doc)


def test_organisation_named_by_two_joined_nouns_keeps_both() -> None:
    doc = run(
        "وأعلنت وزارة الزراعة والأغذية خطة جديدة، فيما انتقدت وزارة الداخلية والجيش الخطة.",
        {"وزارة الزراعة": "ORG", "وزارة الداخلية": "ORG", "والجيش": "ORG"},
    )
    found = mentions(doc)
    assert ("وزارة الزراعة والأغذية", "ORG") in found
    assert ("وزارة الداخلية", "ORG") in found


def test_facility_named_after_a_person_is_the_facility() -> None:
    doc = run("وتفقد الوزير قاعدة سالم العبيدي الجوية.", {"سالم العبيدي": "PER"})
    assert [m for m in mentions(doc) if m[1] == "PER"] == []
    assert any(t == "FAC" and "سالم العبيدي" in m for m, t in mentions(doc))


def test_ordinary_word_the_article_reuses_ends_a_name_after_a_role() -> None:
    text = (
        "وقال محافظ المصرف المركزي الصديق الطويل إنه باق. وأوضح الطويل أن القرار باطل، "
        "فيما دعا الطويل إلى الحوار."
    )
    assert ("الصديق الطويل", "PER") in mentions(run(text, {"المصرف المركزي": "ORG"}))


def test_commanded_body_with_a_place_in_its_name_and_the_first_name_left_out() -> None:
    doc = run(
        "وقال القائد العام لقوات تونس الحرة شهاب دروشي إن الهدنة صامدة.",
        {"تونس": "LOC", "دروشي": "PER"},
    )
    found = mentions(doc)
    assert ("قوات تونس الحرة", "ORG") in found
    assert ("شهاب دروشي", "PER") in found


def test_movement_named_after_a_family_and_its_plural_are_one_actor() -> None:
    doc = run(
        "وقالت جماعة البدراني إن الهدنة انتهت، فيما اتهمت الحكومة والبدرانيين بخرقها.",
        {},
    )
    found = mentions(doc)
    assert ("جماعة البدراني", "ORG") in found
    assert ("البدرانيين", "ORG") in found
    assert actor_of(doc, "جماعة البدراني") == actor_of(doc, "البدرانيين")


def test_plural_of_a_nationality_is_no_movement() -> None:
    doc = run("والتقى الرئيس الليبي نوري العبار الليبيين في المهجر.", {"نوري العبار": "PER"})
    assert [m for m in mentions(doc) if m[0] == "الليبيين"] == []


def test_process_named_by_its_venue_is_an_event() -> None:
    doc = run("وبحث الجانبان مسار سوتشي وسبل دعمه.", {"سوتشي": "LOC"})
    assert ("مسار سوتشي", "EVENT") in mentions(doc)


def test_name_after_a_role_stops_at_a_verb_glued_to_fa() -> None:
    doc = run("أما قائد الحرس الوطني العقيد سالم بوخزام فأعلن التعبئة.", {})
    assert ("سالم بوخزام", "PER") in mentions(doc)


def test_the_body_after_a_title_is_not_pulled_into_the_name() -> None:
    doc = run(
        "وقال مدير المرصد سامر عبد الرحيم إن الغارات استهدفت مواقع.",
        {"سامر عبد الرحيم": "PER"},
    )
    assert ("سامر عبد الرحيم", "PER") in mentions(doc)
