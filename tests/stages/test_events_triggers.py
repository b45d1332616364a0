"""Trigger detection and typing of the events stage: context readings, look-alikes, typing
of speech events by what they say. Sentences are invented for the tests."""

from __future__ import annotations

from functools import lru_cache

import pytest

from rasid.document import Document, Page
from rasid.normalize import normalize_arabic
from rasid.pipeline import default_pipeline
from rasid.stages.events import events_stage
from rasid.stages.events.lexicon import lookup


@lru_cache(maxsize=1)
def _pipeline():
    return default_pipeline()


PAD = "ويشهد الإقليم توتراً متصاعداً منذ عدة أشهر في ظل أزمة اقتصادية خانقة."  # no trigger


def _events(body: str) -> list[dict]:
    """Events of ``body``; a neutral sentence keeps a one-line body from being cleaned away."""
    text = f"عنوان الخبر\n\n{body} {PAD}"
    page = Page(source="t.txt", format="txt", text=text, meta={"date": "2023-03-15"})
    doc: Document = events_stage(_pipeline().process(page)[0])
    return [s.attrs | {"trigger": s.text} for s in doc.spans["events"]]


def _types(body: str) -> list[tuple[str, str]]:
    return [(e["trigger"], e["type"]) for e in _events(body)]


@pytest.mark.parametrize("word", ["شكري", "سوريا"])
def test_a_verb_stem_with_nisba_ending_is_not_the_verb(word: str) -> None:
    assert lookup(normalize_arabic(word)) is None


def test_hamza_seat_before_a_pronoun_is_read_as_hamza() -> None:
    match = lookup(normalize_arabic("لقائه"))
    assert match is not None and match.entry.type == "CONSULT"


def test_adjective_in_ta_marbuta_is_not_a_verb_with_pronoun() -> None:
    types = _types('وقال الوزير إن لدى الطرفين "نية صادقة" للحل.')
    assert ("صادقة", "SUPPORT") not in types


def test_trust_vote_is_support_only_with_its_noun() -> None:
    assert ("منح", "SUPPORT") in _types("منح البرلمان المصري الثقة للحكومة الجديدة أمس.")
    assert ("منح", "AID") in _types("منح البنك الدولي قرضاً لمصر.")  # a loan is aid


def test_advance_with_an_initiative_is_an_offer_not_an_attack() -> None:
    assert ("تقدمت", "AGREE") in _types("تقدمت مصر بمشروع قرار إلى مجلس الأمن.")
    assert ("تقدمت", "ASSAULT") in _types("تقدمت قوات الجيش نحو مدينة الأبيض بدعم من الطيران.")
    assert not any(t == "تقدمت" for t, _ in _types("تقدمت فرنسا بطلب رسمي إلى الاتحاد الأوروبي."))


def test_arrival_of_reinforcements_is_mobilisation() -> None:
    types = _types("قال شهود إن تعزيزات عسكرية وصلت إلى مدينة سرت.")
    assert ("وصلت", "MOBILIZE") in types


def test_arrival_for_a_visit_is_one_event_on_the_visit() -> None:
    types = _types("وصل الرئيس التركي رجب طيب أردوغان إلى القاهرة، الأحد، في زيارة رسمية.")
    assert [t for t, ty in types if ty == "CONSULT"] == ["زيارة"]


def test_attending_needs_a_meeting_noun() -> None:
    assert any(ty == "CONSULT" for _t, ty in _types("وحضر المؤتمر وزير الخارجية المصري."))
    assert not any(ty == "CONSULT" for _t, ty in _types("صوت 120 نائباً حضروا الجلسة."))


def test_phrases_that_need_their_second_word() -> None:
    assert ("النقض", "REJECT") in _types("استخدمت روسيا حق النقض ضد مشروع قرار قدمته فرنسا.")
    assert ("إطلاق", "RETREAT") in _types("أعلنت الحكومة إطلاق سراح عشرين معتقلاً.")
    assert ("تعليق", "SANCTION") in _types("قرر الاتحاد الأفريقي تعليق عضوية النيجر.")


def test_a_reported_clause_is_not_the_light_verbs_object() -> None:
    types = _types("وأكد وزير الدفاع أن التنسيق مع الجيش مستمر.")
    assert not any(ty == "COOPERATE" for _t, ty in types)


@pytest.mark.parametrize(
    ("content", "type_"),
    [
        ('الاتفاق "باطل ولا يلزم أحداً"', "REJECT"),
        ('أي هجوم على أراضينا "خط أحمر"', "THREATEN"),
        ('الحكومة "يجب أن تستقيل فوراً"', "REQUEST"),
        ('بعض القادة "متورطون في تهريب السلاح"', "ACCUSE"),
        ("الميليشيات ارتكبت مجازر بحق المدنيين", "ACCUSE"),
        ("التقارير عن الاجتماع مفبركة", "REJECT"),
        ("كل الخيارات مطروحة للرد على الهجوم", "THREATEN"),
        ("هناك ضرورة لاستئناف المفاوضات", "REQUEST"),
        ("المحادثات كانت مثمرة وبناءة", None),
        ("بلاده لن تسمح بتكرار الأزمة", None),  # a resolve, not a threat (gold)
    ],
)
def test_what_a_quote_says_types_its_generic_cue(content: str, type_: str | None) -> None:
    from rasid.stages.events.speech import content_type

    found = content_type(content)
    assert (found[0] if found else None) == type_


def test_a_rejection_said_with_qala_is_a_reject_event() -> None:
    types = _types('وقال وزير الخارجية اليوناني نيكوس دندياس إن الاتفاق "باطل قانونياً".')
    assert ("وقال", "REJECT") in types and not any(ty == "STATEMENT" for _t, ty in types)


def test_a_later_definite_noun_names_the_reported_action_again() -> None:
    body = (
        "أعلن الرئيس المصري عبد الفتاح السيسي، الأحد، مبادرة لحل الأزمة الليبية. "
        "ورفض المجلس الأعلى للدولة في طرابلس المبادرة بعد ساعات."
    )
    assert [t for t, ty in _types(body) if ty == "AGREE"] == ["مبادرة"]


def test_a_noun_after_a_verb_of_its_type_is_that_verbs_object() -> None:
    body = "استضاف وزير الخارجية التركي، الخميس، اجتماعاً ثلاثياً في أنطاليا."
    assert [t for t, ty in _types(body) if ty == "CONSULT"] == ["استضاف"]


def test_clashes_that_occurred_are_not_a_signing() -> None:
    body = "قال مسؤول أمني إن الاشتباكات وقعت بين مجموعتين مسلحتين في طرابلس."
    assert not any(ty == "AGREE" for _t, ty in _types(body))


def test_a_definite_noun_after_a_frame_word_is_not_a_new_action() -> None:
    body = (
        "أجرى الرئيس التركي رجب طيب أردوغان، الأحد، اتصالاً هاتفياً مع فايز السراج. "
        "وأكد أردوغان خلال الاتصال أن بلاده ستواصل دعم الحكومة الشرعية."
    )
    assert [t for t, ty in _types(body) if ty == "CONSULT"] == ["اتصالاً"]


def test_a_counted_word_is_a_noun_not_a_verb() -> None:
    body = "صوت البرلمان على القانون بأغلبية 120 صوتاً من أصل 130 نائباً."
    assert [t for t, ty in _types(body) if ty == "SUPPORT"] == ["صوت"]


def test_what_someone_called_it_is_not_an_accusation() -> None:
    body = "انسحبت القوات الحكومية من مواقعها في إطار ما وصفته بإعادة التموضع."
    assert not any(ty == "ACCUSE" for _t, ty in _types(body))


def test_readiness_in_the_feminine_is_an_offer() -> None:
    body = 'وقال الرئيس الروسي فلاديمير بوتين إن موسكو "مستعدة للعمل مع كل الأطراف".'
    assert ("مستعدة", "AGREE") in _types(body)


def test_discussing_inside_a_meeting_already_told_is_not_a_new_meeting() -> None:
    body = (
        "التقى وزير الخارجية المصري سامح شكري، الاثنين، نظيره الروسي سيرغي لافروف في القاهرة، "
        "حيث بحث الجانبان ملف الأمن الغذائي."
    )
    assert [t for t, ty in _types(body) if ty == "CONSULT"] == ["التقى"]


def test_a_light_verb_after_the_noun_makes_it_an_act() -> None:
    body = "وجاء الإعلان بعد وساطة قادها الرئيس البيلاروسي ألكسندر لوكاشينكو."
    assert ("وساطة", "CONSULT") in _types(body)


def test_a_tour_listing_places_is_one_visit_per_place() -> None:
    body = (
        "عاد الرئيس الكيني وليام روتو، الأحد، من جولة أفريقية قام بها شملت أوغندا "
        "وإثيوبيا وجيبوتي، وفق بيان الرئاسة."
    )
    visits = [e for e in _events(body) if e["type"] == "CONSULT"]
    assert sorted(e["place"]["text"] for e in visits) == ["أوغندا", "إثيوبيا", "جيبوتي"]


def test_two_separate_meetings_on_one_trigger_are_two_events() -> None:
    body = "وأجرت المستشارة الألمانية أنجيلا ميركل، الأحد، لقاءين منفصلين مع كل من الطرفين."
    assert [t for t, ty in _types(body) if ty == "CONSULT"] == ["لقاءين", "لقاءين"]


def test_ta_marbuta_is_not_a_possessive_pronoun() -> None:
    body = (
        "أعلن الرئيس المصري عبد الفتاح السيسي، السبت، مبادرة لحل الأزمة. "
        'وقال السيسي إن المبادرة "تضمن وقف القتال".'
    )
    assert [t for t, ty in _types(body) if ty == "AGREE"] == ["مبادرة"]


def test_what_is_refused_is_not_an_act_of_its_own() -> None:
    body = "ورفض الطرفان الروسي والأوكراني التوقيع على وثيقة واحدة في إسطنبول."
    assert not any(ty == "AGREE" for _t, ty in _types(body))


def test_a_hypothetical_attack_after_ay_is_not_an_event() -> None:
    body = 'وحذر زعيم الجماعة من أن أي هجوم على أراضيها "سيقابل برد حاسم".'
    assert not any(ty == "ASSAULT" for _t, ty in _types(body))


def test_a_future_retaliation_in_a_quote_is_the_threat() -> None:
    body = 'وقال مصدر عسكري في الخرطوم إن الجيش "سيرد على أي خرق للهدنة".'
    types = _types(body)
    assert ("سيرد", "THREATEN") in types and not any(t == "قال" for t, _ty in types)


def test_scare_quotes_after_ma_give_no_statement() -> None:
    body = 'وانسحبت القوات الحكومية من مواقعها في إطار ما وصفته بـ"إعادة التموضع".'
    assert not any(ty == "STATEMENT" for _t, ty in _types(body))


def test_an_attack_told_as_a_noun_then_its_verb_is_one_event() -> None:
    body = "قتل ثلاثة مدنيين، الاثنين، في قصف صاروخي استهدف مدينة الباب شمال سوريا."
    assert [t for t, ty in _types(body) if ty == "ASSAULT"] == ["قصف"]


def test_a_content_claim_survives_an_earlier_split_event() -> None:
    body = (
        "وأجرت المستشارة الألمانية أنجيلا ميركل، الأحد، لقاءين منفصلين مع كل من الطرفين. "
        'وقال الوزير الروسي سيرغي لافروف إن بلاده "ستفي بكل التزاماتها".'
    )
    assert ("ستفي", "COOPERATE") in _types(body)


def test_meeting_two_people_separately_is_two_meetings() -> None:
    body = (
        "وقال المبعوث الأممي غير بيدرسن إنه التقى بشكل منفصل رئيس الحكومة السورية "
        "حسين عرنوس ورئيس هيئة التفاوض بدر جاموس."
    )
    meetings = [e for e in _events(body) if e["type"] == "CONSULT"]
    assert len(meetings) in (1, 2)
    if len(meetings) == 2:
        assert all(len(e["target"]) == 1 for e in meetings)


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وأعلنت الحكومة والمتمردون، الأحد، تبادل 300 أسير بوساطة قطرية.", "تبادل", "RETREAT"),
        ("وقال المحامي إن الدعوى بحق موكله ستسقط خلال أيام.", "ستسقط", "CONCEDE"),
        ("وأعلن الجيش السوداني، الأحد، التزامه بالهدنة لمدة أسبوع.", "التزامه", "RETREAT"),
    ],
)
def test_more_guideline_triggers(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


@pytest.mark.parametrize(
    "body",
    [
        "وقال قائد القوات إن الغارات تهدد جهود مكافحة الإرهاب في المنطقة.",
        "وأطلقت الصواريخ من مناطق تسيطر عليها الفصائل المسلحة شمال البلاد.",
        "وقال محافظ البنك المركزي إنه غادر البلاد مع عدد من الموظفين.",
    ],
)
def test_metaphors_states_and_travel_are_not_acts(body: str) -> None:
    assert not any(ty in ("THREATEN", "COERCE", "RETREAT") for _t, ty in _types(body))


def test_a_word_read_both_ways_tries_each_reading() -> None:
    body = "وبحث الوزيران تشغيل محطة الضبعة النووية التي تبنيها شركة روساتوم الروسية."
    assert ("تبنيها", "COOPERATE") in _types(body)


def test_a_ruled_out_reading_does_not_fall_back_to_a_shorter_one() -> None:
    body = "وبدأت القوات سحب مقاتليها من مناطق سيطرتها في الجنوب، الأحد."
    assert not any(ty == "COERCE" for _t, ty in _types(body))


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وافق صندوق النقد الدولي، الجمعة، على منح مصر قرضاً بثلاثة مليارات دولار.", "وافق", "AID"),
        ("ولم يعلق الكرملين على الهجوم حتى مساء الأحد.", "يعلق", "STATEMENT"),
        ("وتحدث رئيس الوزراء الليبي عن مخاطر تأجيل الانتخابات.", "وتحدث", "STATEMENT"),
    ],
)
def test_readings_that_need_a_word_later_or_a_negation(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وقال الوزير إن بلاده ستواصل جهودها لوقف الحرب في السودان.", "ستواصل", "CONSULT"),
        ("وأعلنت موسكو أنها ستمدد خفضها الطوعي للإنتاج حتى نهاية العام.", "ستمدد", "COOPERATE"),
        ("واختتمت الجولة الثالثة من المحادثات في جنيف دون اتفاق على موعد جديد.", "اتفاق", "AGREE"),
    ],
)
def test_guideline_phrases(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


def test_calling_ones_forces_to_get_ready_is_mobilisation() -> None:
    body = (
        "وتفقد الرئيس المصري عبد الفتاح السيسي، السبت، قاعدة عسكرية قرب الحدود، "
        'حيث دعا القوات إلى "الاستعداد لتنفيذ أي مهمة".'
    )
    assert ("دعا", "MOBILIZE") in _types(body)


def test_a_claim_whose_clitic_precedes_the_quote_is_its_content() -> None:
    body = "وفي ريف إدلب، أفاد المرصد السوري لحقوق الإنسان بقصف مدفعي متبادل بين الطرفين."
    types = _types(body)
    assert ("بقصف", "ASSAULT") in types and not any(ty == "STATEMENT" for _t, ty in types)


@pytest.mark.parametrize(
    "body",
    [
        'ودعا القائد القوات إلى "الاستعداد لتنفيذ أي مهمة إذا تطلب الأمر".',
        "وتجمع مئات المحتجين مرددين شعارات تطالب بانتخابات مبكرة.",
    ],
)
def test_requires_and_slogans_are_not_requests(body: str) -> None:
    assert not any(ty == "REQUEST" for t, ty in _types(body) if t != "ودعا")


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("واستنكرت وزارة الخارجية الأردنية، الأحد، اقتحام المسجد الأقصى.", "واستنكرت", "ACCUSE"),
        (
            "واعتقلت قوات الأمن العراقية، السبت، خمسة من قادة الاحتجاجات في البصرة.",
            "واعتقلت",
            "COERCE",
        ),
        ("وأغلقت السلطات التركية معبر باب الهوى أمام الشاحنات، الاثنين.", "وأغلقت", "COERCE"),
        ("وحشد الجيش الروسي آلاف الجنود قرب الحدود الأوكرانية.", "وحشد", "MOBILIZE"),
        ("وثمن العاهل الأردني الملك عبد الله الثاني جهود مصر في الوساطة.", "وثمن", "SUPPORT"),
    ],
)
def test_common_news_verbs(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


def test_a_new_clause_after_a_call_is_its_own_event_in_the_outlets_voice() -> None:
    events = _events(
        "دعا الرئيس الفرنسي إيمانويل ماكرون الأطراف الليبية إلى الحوار، وهدد بفرض عقوبات "
        "على المعرقلين."
    )
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert [r["text"] for r in threat["source"]] == ["إيمانويل ماكرون"]
    assert threat["modality"] == "asserted" and threat["quote"] is None


def test_what_a_call_asks_for_is_not_an_event_of_its_own() -> None:
    types = _types("دعا الرئيس الفرنسي إيمانويل ماكرون الأطراف الليبية إلى وقف إطلاق النار.")
    assert [t for _, t in types] == ["REQUEST"]


def _ref(text: str, words: str, actor: str) -> dict:
    start = text.index(words)
    return {"actor": actor, "text": words, "start": start, "end": start + len(words)}


def test_a_speaker_who_is_the_acts_own_target_does_not_replace_its_source() -> None:
    from rasid.stages.events.model import Event
    from rasid.stages.events.speech import apply_quotes

    text = "واتهم سامر العلي الحكومة بأنها أخفت الأرقام."
    doc = Document(id="d", page_id="d", article_index=0, source="t", format="txt", clean_text=text)
    cue = text.index("واتهم")
    content = text.index("بأنها")
    sentence = [0, len(text)]
    samer, government = _ref(text, "سامر العلي", "per-1"), _ref(text, "الحكومة", "org-1")
    doc.add_span(
        "quotes", content, len(text) - 1, "reported", id="q1", sentence=sentence,
        cue={"text": "واتهم", "start": cue, "end": cue + 5}, speaker_actors=[government],
    )  # fmt: skip
    act = Event(
        cue, cue + 5, "ACCUSE", "disapprove", "اتهم", (0, len(text)), [samer], [government],
        None, None, "asserted",
    )  # fmt: skip
    (out,) = apply_quotes(doc, [act])
    assert [r["actor"] for r in out.source] == ["per-1"]
    assert out.quote == "q1"


def test_a_light_verb_in_a_relative_clause_states_the_act_of_its_antecedent() -> None:
    body = "وتعهدت الدول باحترام حظر توريد السلاح الذي فرضه مجلس الأمن عام 2011."
    assert ("فرضه", "SANCTION") in _types(body)


def test_a_context_word_may_be_the_antecedent_of_a_relative_clause() -> None:
    body = "وقال إن قواته لن تتراجع أمام المرتزقة السوريين الذين جلبتهم أنقرة إلى طرابلس."
    assert ("جلبتهم", "AID") in _types(body)


@pytest.mark.parametrize(
    "body",
    [
        "ودفعت الحكومة ثمن سياساتها الخاطئة في الأشهر الماضية.",
        "واشترت الشركة الأرض بثمن باهظ في العام الماضي.",
    ],
)
def test_a_price_is_not_praise(body: str) -> None:
    assert not any(t.endswith("ثمن") for t, _ty in _types(body))


def test_praise_with_thamman_is_support() -> None:
    assert ("وثمن", "SUPPORT") in _types("وثمن وزير الخارجية جهود المملكة في دعم الاستقرار.")


def test_handing_over_needs_what_is_handed_over() -> None:
    assert ("يسلم", "CONCEDE") in _types("وقال الرئيس إن الجيش لن يسلم السلطة إلا لحكومة منتخبة.")
    assert lookup(normalize_arabic("سلمان")) is None


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وعبر وزير الخارجية الفرنسي عن قلقه من التصعيد في غزة.", "وعبر", "ACCUSE"),
        ("وهنأ الرئيس المصري نظيره التونسي بمناسبة فوزه في الانتخابات.", "وهنأ", "SUPPORT"),
        ("ووجه الرئيس الأمريكي انتقادات حادة للحكومة الإسرائيلية.", "انتقادات", "ACCUSE"),
    ],
)
def test_common_news_acts_in_other_words(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


def test_keeping_to_something_is_a_ceasefire_only_when_it_is_one() -> None:
    assert ("ستلتزم", "RETREAT") in _types("وقال المتحدث إن قواته ستلتزم بالهدنة طوال أيام العيد.")
    assert not _types("والتزم الوزير الصمت إزاء الانتقادات الموجهة إليه.")


def test_heading_to_a_city_is_a_visit_but_sending_an_invitation_a_request() -> None:
    assert ("توجه", "CONSULT") in _types("توجه وزير الخارجية السعودي أمس إلى موسكو.")
    assert ("ستوجه", "REQUEST") in _types("وقالت التنسيقية إنها ستوجه دعوة إلى البرهان.")


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وهاجم الرئيس التركي في كلمته أمس الحكومة اليونانية بشدة.", "وهاجم", "ACCUSE"),
        ("وحمل البيان الحكومة مسؤولية تدهور الأوضاع الأمنية.", "وحمل", "ACCUSE"),
        ("وعرضت قطر وساطتها بين الطرفين لإنهاء الأزمة.", "وعرضت", "AGREE"),
    ],
)
def test_verbs_that_change_type_with_their_object(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


def test_receiving_a_phone_call_is_the_call() -> None:
    body = "وتلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون."
    assert ("اتصالا", "CONSULT") in _types(body)


@pytest.mark.parametrize("word", ["التدريبية", "الهجومية", "الاحتجاجية"])
def test_an_adjective_in_iya_is_not_its_noun_with_a_pronoun(word: str) -> None:
    assert lookup(normalize_arabic(word)) is None


@pytest.mark.parametrize(
    "body",
    [
        "وتجمع المدينة بين الطابع التاريخي والحداثة في آن واحد.",
        "وتقرر سحب ترخيص الشركة بعد ثبوت المخالفات.",
        "وتفقد أمير المنطقة مشروعات الطرق الجديدة في المحافظة.",
        "ولا يفرق القانون بين المواطنين في الحقوق والواجبات.",
    ],
)
def test_everyday_senses_of_act_verbs_are_not_acts(body: str) -> None:
    assert not _types(body)


@pytest.mark.parametrize(
    ("body", "trigger", "type_"),
    [
        ("وتجمع مئات المحتجين أمام مقر البرلمان في بغداد.", "وتجمع", "PROTEST"),
        ("وبدأت القوات التركية سحب قواتها من مواقع في شمال سوريا.", "سحب", "RETREAT"),
        ("وأكدت وزارة الدفاع أن الدفاعات الجوية أسقطت 12 مسيرة فوق كييف.", "أسقطت", "ASSAULT"),
        ("وقالت الشرطة التركية إنها تجمعوا قرب الميدان قبل أن تفرقهم الشرطة.", "تفرقهم", "COERCE"),
    ],
)
def test_act_verbs_with_what_they_act_on(body: str, trigger: str, type_: str) -> None:
    assert (trigger, type_) in _types(body)


def test_a_name_spelled_like_a_clitic_and_a_verb_is_the_name() -> None:
    assert lookup(normalize_arabic("فيصل")) is None
    assert lookup(normalize_arabic("يصل")) is not None


@pytest.mark.parametrize(
    "body",
    [
        "وارتفع سعر النفط أمس ليصل إلى أعلى مستوى له منذ عامين.",
        "وأطلقت الجامعة برنامج تدريب للخريجين في مجال البرمجة.",
    ],
)
def test_amounts_reaching_a_level_and_job_training_are_not_acts(body: str) -> None:
    assert not _types(body)
