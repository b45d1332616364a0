"""Quotes stage: speaker forms met on news outside the dev set (invented sentences)."""

from __future__ import annotations

from rasid.document import Span
from tests.stages.test_quotes import quotes, run

LEAD = "عقدت الأطراف المعنية اجتماعا مطولا في العاصمة أمس لمناقشة آخر التطورات الميدانية. "


def only(body: str) -> Span:
    found = quotes(run(LEAD + body))
    assert len(found) == 1, [q.attrs["cue"] for q in found]
    return found[0]


def test_a_bare_definite_title_refers_back_to_the_one_person_holding_it() -> None:
    doc = run(
        "استقبل وزير الخارجية المصري سامح شكري وفدا أوروبيا في القاهرة اليوم. "
        "وقال الوزير إن الحل السياسي هو الطريق الوحيد للأزمة."
    )
    q = quotes(doc)[-1]
    assert q.attrs["speaker_kind"] == "role"
    assert len(q.attrs["speaker_actors"]) == 1


def test_the_preposition_before_the_complementiser_is_not_part_of_the_speaker() -> None:
    q = only("وأشار مصدر في الجيش إلى أن القوات تقدمت نحو المدينة.")
    assert q.attrs["speaker"]["text"] == "مصدر في الجيش"


def test_one_of_a_group_is_an_anonymous_source() -> None:
    q = only("وقال أحد الشهود إن القصف استمر طوال الليل.")
    assert q.attrs["speaker_kind"] == "anonymous"


def test_media_without_a_name_are_an_anonymous_source() -> None:
    q = only("وبحسب وسائل إعلام محلية، فإن الجيش سيطر على الجسر.")
    assert q.attrs["speaker_kind"] == "anonymous"


def test_fa_inna_ends_the_speaker_of_an_opening_attribution() -> None:
    q = only("وبحسب مصادر محلية فإن الجيش سيطر على الجسر الرئيسي.")
    assert q.attrs["speaker"]["text"] == "مصادر محلية"


def test_a_feminine_official_is_an_anonymous_source() -> None:
    q = only("وقالت مسؤولة أممية إن الوضع الإنساني كارثي في المخيمات.")
    assert q.attrs["speaker_kind"] == "anonymous"


def test_an_unnamed_plural_of_people_is_a_collective() -> None:
    q = only("وقال مستهلكون في الرياض إن الأسعار ارتفعت كثيرا هذا العام.")
    assert q.attrs["speaker_kind"] == "collective"
    assert q.attrs["speaker_actors"] == []


def test_a_pronoun_subject_is_the_subject_of_the_sentence_before_not_an_older_speaker() -> None:
    doc = run(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الغرب. "
        "من جهة أخرى، استقبل الرئيس التركي رجب طيب أردوغان وفدا من حركة حماس في أنقرة. "
        "وقال إن بلاده تدعم وقف إطلاق النار."
    )
    last = quotes(doc)[-1]
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["رجب طيب أردوغان"]


def test_a_sentence_opening_with_a_place_does_not_change_the_speaker() -> None:
    doc = run(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الغرب. "
        "وفي موسكو أقيم معرض للكتاب بمشاركة واسعة. "
        "وأضاف أن الغرب يرفض أي تسوية."
    )
    last = quotes(doc)[-1]
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_a_single_untagged_word_before_the_complement_is_a_missed_name() -> None:
    doc = run(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الغرب. "
        "وأشار غروس إلى أن الفريق جاهز للموسم."
    )
    last = quotes(doc)[-1]
    assert last.attrs["speaker"]["text"] == "غروس"
    assert last.attrs["speaker_actors"] == []


def test_an_honorific_pronoun_keeps_the_previous_speaker() -> None:
    doc = run(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الغرب. "
        "وقال سماحته إن الصلاة عماد الدين."
    )
    last = quotes(doc)[-1]
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_an_adverb_after_the_cue_is_not_a_speaker() -> None:
    doc = run(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الغرب. "
        "وقال أيضا إن الغرب يرفض أي تسوية."
    )
    last = quotes(doc)[-1]
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_a_speaker_after_dhalika_follows_the_words_he_said() -> None:
    q = only(
        "الحل السياسي هو الطريق الوحيد للأزمة الحالية في المنطقة، "
        "ذكر ذلك وزير الخارجية المصري سامح شكري."
    )
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سامح شكري"]
    assert q.attrs["cue"]["text"] == "ذكر"


def test_hasbama_qala_attributes_the_clause_before_it() -> None:
    q = only(
        "الحل السياسي هو الطريق الوحيد للأزمة الحالية، حسبما قال وزير الخارجية المصري سامح شكري."
    )
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سامح شكري"]


def test_an_adverbial_opener_before_a_comma_is_not_a_postposed_quote() -> None:
    doc = run(LEAD + "وفي ريف إدلب الجنوبي، قال المرصد السوري لحقوق الإنسان إن القصف تجدد.")
    (q,) = quotes(doc)
    assert doc.clean_text[q.start : q.end] == "القصف تجدد"


def test_a_title_with_lada_still_reaches_the_name_after_it() -> None:
    q = only("وقال السفير الأمريكي لدى ليبيا ريتشارد نورلاند إن واشنطن تدعم الانتخابات.")
    assert q.attrs["speaker_kind"] == "actor"
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["ريتشارد نورلاند"]


def test_a_title_with_fi_still_reaches_the_name_after_it() -> None:
    q = only("وقال سفير روسيا في ليبيا حيدر أغانين إن موسكو تدعم الحوار بين الأطراف.")
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["حيدر أغانين"]


def test_fi_after_the_speaker_still_ends_the_phrase() -> None:
    q = only(
        "وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي مع نظيره التركي "
        "هاكان فيدان إن العلاقات قوية."
    )
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_the_definite_form_of_an_unnamed_source_stays_anonymous() -> None:
    doc = run(
        LEAD + "وقال مسؤول أمريكي إن واشنطن تدرس فرض عقوبات جديدة. "
        "وأضاف المسؤول أن القرار سيصدر قريبا."
    )
    last = quotes(doc)[-1]
    assert last.attrs["speaker_kind"] == "anonymous"
    assert last.attrs["speaker_actors"] == []


def test_the_source_same_after_a_named_speaker_is_not_made_anonymous() -> None:
    doc = run(
        LEAD + "وقالت وزارة الخارجية السودانية في بيان إن الحكومة ترحب بالمبادرة. "
        "وأضاف المصدر نفسه أن الخرطوم مستعدة للحوار."
    )
    last = quotes(doc)[-1]
    assert last.attrs["speaker_kind"] != "anonymous"


def test_a_definite_title_before_a_name_is_not_an_anonymous_back_reference() -> None:
    q = only("وقال الخبير الاقتصادي فهد العتيبي إن الأسعار سترتفع خلال الأشهر المقبلة.")
    assert q.attrs["speaker_kind"] != "anonymous"


def test_the_subject_after_an_occasion_and_an_outlet_speaks() -> None:
    q = only(
        "وقال في تصريح لصحيفة الشرق الأوسط وزير الخارجية الروسي سيرغي لافروف إن الحرب يجب أن تتوقف."
    )
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_a_passive_aside_is_the_writers_background_not_a_quote() -> None:
    doc = run(LEAD + "يذكر أن الجيش سيطر على المدينة الشهر الماضي بعد معارك عنيفة.")
    assert quotes(doc) == []


def test_mubayyinan_continues_the_speaker() -> None:
    doc = run(
        LEAD + "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار، "
        "مبينا أن الغرب يرفض أي تسوية."
    )
    assert [q.attrs["cue"]["text"] for q in quotes(doc)] == ["وقال", "مبينا"]


def test_yara_with_a_complement_is_reported_opinion() -> None:
    q = only("ويرى وزير الخارجية الروسي سيرغي لافروف أن الغرب يرفض أي تسوية.")
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_nawwaha_ila_anna_is_a_quote() -> None:
    q = only("ونوه وزير الخارجية الروسي سيرغي لافروف إلى أن الغرب يرفض أي تسوية.")
    assert q.attrs["speaker"]["text"] == "سيرغي لافروف"


def test_qailan_after_a_comma_is_a_quote_of_the_same_speaker() -> None:
    q = only(
        "وانتقد وزير الخارجية الروسي سيرغي لافروف السياسة الأمريكية، قائلا إن واشنطن تسعى للهيمنة."
    )
    assert q.attrs["cue"]["text"] == "قائلا"
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_qailan_without_a_comma_is_part_of_the_cue_before_it() -> None:
    doc = run(LEAD + 'وأضاف وزير الخارجية الروسي سيرغي لافروف قائلا: "لن نقبل بذلك أبدا".')
    (q,) = quotes(doc)
    assert doc.clean_text[q.start : q.end] == "لن نقبل بذلك أبدا"


def test_a_relative_relaying_verb_is_a_relay_not_a_quote_of_its_own() -> None:
    q = only(
        "وقال وزير الخارجية الروسي سيرغي لافروف، في تصريحات نقلتها وكالة رويترز، "
        "إن موسكو مستعدة للحوار."
    )
    assert q.attrs["cue"]["text"] == "وقال"
    assert [h["kind"] for h in q.attrs["chain"]][-2:] == ["relay", "speaker"]


def test_bihasab_ma_naqalat_x_an_y_makes_x_the_relay_and_y_the_speaker() -> None:
    q = only("وبحسب ما نقلت قناة الجزيرة عن مصدر عسكري، فإن القوات تقدمت نحو المدينة.")
    assert q.attrs["speaker_kind"] == "anonymous"
    assert [h["kind"] for h in q.attrs["chain"]][-2:] == ["relay", "speaker"]


def test_an_attribution_between_commas_does_not_cut_the_complement() -> None:
    q = only("وأكد وزير الخارجية الروسي سيرغي لافروف، وفقا لوكالة تاس، أن موسكو مستعدة للحوار.")
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_naqlan_an_inside_the_speaker_phrase_is_a_relay() -> None:
    q = only("وذكرت صحيفة نيويورك تايمز نقلا عن مسؤولين أمريكيين أن واشنطن تدرس خيارات.")
    assert q.attrs["speaker_kind"] == "anonymous"
    assert [h["kind"] for h in q.attrs["chain"]][-2:] == ["relay", "speaker"]


def test_tawaqqa_with_a_subject_is_a_forecast_quote() -> None:
    q = only("وتوقع وزير الخارجية الروسي سيرغي لافروف أن تستأنف المفاوضات قريبا.")
    assert [a["text"] for a in q.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_impersonal_yutawaqqa_anna_is_not_a_quote() -> None:
    doc = run(LEAD + "وافق الصندوق على القرض الجديد، يتوقع أن يحفز تمويلات إضافية كبيرة للبلاد.")
    assert quotes(doc) == []
