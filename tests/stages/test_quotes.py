"""Quotes stage: quotes, speakers and attribution chains on invented news sentences."""

from __future__ import annotations

from functools import lru_cache

import pytest

from rasid.document import Document, Page, Span
from rasid.pipeline import default_pipeline
from rasid.stages.entities.tokens import tokenize
from rasid.stages.quotes import find_quotes, quotes_stage
from rasid.stages.quotes.cues import cue_of
from rasid.stages.quotes.lexicon import cue_forms


@lru_cache(maxsize=1)
def _pipeline():
    return default_pipeline()


def run(body: str) -> Document:
    page = Page(
        source="t.txt", format="txt", text=f"عنوان الخبر\n\n{body}", meta={"date": "2024-03-02"}
    )
    doc = _pipeline().process(page)[0]
    return doc if "quotes" in doc.stages else quotes_stage(doc)


def quotes(doc: Document) -> list[Span]:
    return doc.spans["quotes"]


def actor_of(doc: Document, name: str) -> str:
    return next(s.attrs["actor"] for s in doc.spans["entities"] if s.text == name)


BUREAU = (
    "الرباط (رويترز) - قال وزير الخارجية المغربي ناصر بوريطة إن الحوار بين الأطراف الليبية "
    '"يسير في الاتجاه الصحيح"، مضيفاً أن جولة جديدة ستعقد الشهر المقبل.\n\n'
    "وأضاف أن بلاده لا تدعم أي طرف على حساب آخر."
)


def test_reported_content_runs_from_after_the_complementiser_to_the_next_participle():
    doc = run(BUREAU)
    first = quotes(doc)[0]
    assert first.label == "reported"
    assert first.text == 'الحوار بين الأطراف الليبية "يسير في الاتجاه الصحيح"'
    assert first.attrs["cue"]["text"] == "قال"
    assert first.attrs["cue_lemma"] == "قال"
    assert doc.clean_text[first.start : first.end] == first.text


def test_participial_continuation_is_its_own_quote_with_the_same_speaker():
    doc = run(BUREAU)
    first, second = quotes(doc)[:2]
    assert second.text == "جولة جديدة ستعقد الشهر المقبل"
    assert second.attrs["cue"]["text"] == "مضيفاً"
    assert second.attrs["speaker_actors"] == first.attrs["speaker_actors"]
    assert second.attrs["speaker"] == first.attrs["speaker"]


def test_pronoun_subject_of_a_later_sentence_is_the_last_speaker():
    doc = run(BUREAU)
    third = quotes(doc)[2]
    assert third.text == "بلاده لا تدعم أي طرف على حساب آخر"
    assert [a["actor"] for a in third.attrs["speaker_actors"]] == [actor_of(doc, "ناصر بوريطة")]


def test_chain_starts_with_the_dateline_outlet_and_ends_with_the_speaker():
    doc = run(BUREAU)
    chain = quotes(doc)[0].attrs["chain"]
    assert [h["kind"] for h in chain] == ["outlet", "speaker"]
    assert chain[0]["actor"] == actor_of(doc, "رويترز")
    assert chain[0]["text"] == "رويترز" and chain[0]["start"] is not None
    assert chain[1]["actor"] == actor_of(doc, "ناصر بوريطة")


def test_direct_quote_content_excludes_the_quotation_marks():
    doc = run('القاهرة (أ ف ب) - قال وزير الخارجية سامح شكري إن "المرحلة المقبلة تتطلب الحكمة".')
    (q,) = quotes(doc)
    assert q.label == "direct"
    assert q.text == "المرحلة المقبلة تتطلب الحكمة"


def test_spokesman_of_x_resolves_to_x():
    doc = run(
        "طرابلس (رويترز) - وقال متحدث باسم البرلمان الليبي إن المجلس سيصوت على القانون "
        "الأسبوع المقبل."
    )
    (q,) = quotes(doc)
    assert q.attrs["speaker_kind"] == "role"
    assert q.attrs["speaker"]["text"] == "متحدث باسم البرلمان الليبي"
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [actor_of(doc, "البرلمان الليبي")]


def test_a_spokesman_named_in_apposition_after_a_long_title_speaks_for_himself():
    doc = run(
        "مصراتة (رويترز) - وقال المتحدث باسم غرفة عمليات تحرير الساحل الغربي، العقيد سالم "
        "الفيتوري، إن القوات استعادت السيطرة على الطريق الساحلي. وأضاف الفيتوري أن الوضع هادئ."
    )
    first = quotes(doc)[0]
    assert first.attrs["speaker_kind"] == "actor"
    assert [a["actor"] for a in first.attrs["speaker_actors"]] == [actor_of(doc, "الفيتوري")]


def test_chain_lists_cited_agency_between_outlet_and_speaker():
    doc = run(
        "تونس (رويترز) - ونقلت وكالة الأناضول عن مصادر في الحكومة التونسية أن الرئيس سيزور "
        "الجزائر قريباً."
    )
    (q,) = quotes(doc)
    chain = q.attrs["chain"]
    assert [h["kind"] for h in chain] == ["outlet", "relay", "speaker"]
    assert chain[1]["actor"] == actor_of(doc, "وكالة الأناضول")
    assert chain[2]["text"] == "مصادر في الحكومة التونسية"


def test_anonymous_sources_have_no_actor_but_an_affiliation():
    doc = run(
        "تونس (رويترز) - ونقلت وكالة الأناضول عن مصادر في الحكومة التونسية أن الرئيس سيزور "
        "الجزائر قريباً."
    )
    (q,) = quotes(doc)
    assert q.attrs["speaker_kind"] == "anonymous"
    assert q.attrs["speaker_actors"] == []
    assert q.attrs["affiliation"]["actor"] == actor_of(doc, "الحكومة التونسية")


def test_request_content_keeps_the_addressee_and_the_preposition():
    doc = run('جنيف (رويترز) - ودعا الأمين العام أنطونيو غوتيريش الأطراف إلى "ضبط النفس".')
    (q,) = quotes(doc)
    assert q.text == 'الأطراف إلى "ضبط النفس"'
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [actor_of(doc, "أنطونيو غوتيريش")]


def test_cue_with_a_bare_noun_object_is_not_a_quote():
    doc = run("بنغازي (رويترز) - أعلن الجيش سيطرته الكاملة على المدينة بعد معارك عنيفة.")
    assert quotes(doc) == []


def test_attribution_after_the_clause_quotes_the_clause():
    doc = run(
        "عمان (أ ف ب) - وصل الوفد الأردني إلى بغداد مساء الأحد لبحث ملف الطاقة، بحسب مصادر "
        "دبلوماسية."
    )
    (q,) = quotes(doc)
    assert q.attrs["cue"]["text"] == "بحسب"
    assert q.text.startswith("وصل الوفد الأردني") and q.text.endswith("ملف الطاقة")
    assert q.attrs["speaker_kind"] == "anonymous"
    assert q.attrs["speaker"]["text"] == "مصادر دبلوماسية"


def test_minister_named_by_role_only_resolves_to_the_one_actor_with_that_role():
    doc = run(
        "عمان (أ ف ب) - استقبل وزير الخارجية الأردني أيمن الصفدي نظيره العراقي في عمان.\n\n"
        "وقال وزير الخارجية الأردني إن البلدين سيوقعان اتفاقاً للربط الكهربائي."
    )
    q = quotes(doc)[-1]
    assert q.attrs["speaker_kind"] == "role"
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [actor_of(doc, "أيمن الصفدي")]


def test_ids_are_in_text_order_and_spans_point_into_the_clean_text():
    doc = run(BUREAU)
    assert [q.attrs["id"] for q in quotes(doc)] == ["q1", "q2", "q3"]
    for q in quotes(doc):
        assert doc.clean_text[q.start : q.end] == q.text
        cue = q.attrs["cue"]
        assert doc.clean_text[cue["start"] : cue["end"]] == cue["text"]
        s, e = q.attrs["sentence"]
        assert s <= cue["start"] < e


def test_find_quotes_does_not_write_to_the_document():
    doc = _pipeline().process(Page(source="t.txt", format="txt", text=BUREAU))[0]
    doc.spans.pop("quotes", None)
    assert find_quotes(doc)
    assert "quotes" not in doc.spans


@pytest.mark.parametrize("word", ["وقال", "فأضافت", "وبحسب", "حثهما", "مؤكداً"])
def test_cues_are_found_with_clitics_and_object_pronouns(word):
    (token,) = tokenize(word)
    assert cue_of(token) is not None


def test_every_cue_form_is_normalized():
    from rasid.normalize import normalize_arabic

    assert all(normalize_arabic(form) == form for form in cue_forms())


def test_words_said_to_an_outlet_are_not_spoken_by_it():
    doc = run(
        "طرابلس (رويترز) - انتقد النائب الليبي سالم الورفلي التشكيلة الجديدة، وقال لقناة "
        'الجزيرة إن "الحكومة لا تمثل الجنوب".'
    )
    q = quotes(doc)[-1]
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [actor_of(doc, "سالم الورفلي")]


def test_a_coordinated_description_keeps_the_sentence_speaker_and_its_object_is_not_it():
    doc = run(
        "الخرطوم (أ ف ب) - قال الفريق ياسر العطا إن الجيش يتقدم في أم درمان، ووصف قوات "
        'الدعم السريع بأنها "ميليشيا متمردة".'
    )
    second = quotes(doc)[-1]
    assert second.label == "direct" and second.text == "ميليشيا متمردة"
    assert second.attrs["speaker_actors"] == quotes(doc)[0].attrs["speaker_actors"]


def test_a_dual_verb_without_subject_is_said_by_the_pair_named_before():
    doc = run(
        "واشنطن (رويترز) - فرضت فرنسا وألمانيا عقوبات على ثلاثة أشخاص قالتا إنهم يمولون "
        "جماعات مسلحة."
    )
    (q,) = quotes(doc)
    assert {a["actor"] for a in q.attrs["speaker_actors"]} == {
        actor_of(doc, "فرنسا"),
        actor_of(doc, "ألمانيا"),
    }


def test_authorities_of_a_country_speak_for_that_country():
    doc = run(
        "كييف (رويترز) - تعرضت أوكرانيا لهجوم واسع ليلاً. وقالت السلطات الأوكرانية إن "
        "الدفاعات الجوية أسقطت معظم الطائرات."
    )
    q = quotes(doc)[-1]
    assert q.attrs["speaker_kind"] == "role"
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [actor_of(doc, "أوكرانيا")]


def test_an_attribution_opening_the_sentence_covers_all_of_it():
    doc = run(
        "أنقرة (أ ف ب) - وبحسب مصادر تركية، طلبت أنقرة وقف الغارات على المدينة، فيما طالبت "
        "موسكو بإبعاد الفصائل عن الطريق."
    )
    (q,) = quotes(doc)
    assert q.text.startswith("طلبت أنقرة") and q.text.endswith("عن الطريق")
    assert q.attrs["speaker_kind"] == "anonymous"


def test_a_speech_verb_inside_a_quotation_needs_its_own_clause():
    doc = run(
        'دمشق (سانا) - قال الوزير فيصل المقداد إن القوات دخلت المدينة "دون مقاومة تذكر" '
        "بعد انسحاب المسلحين."
    )
    assert len(quotes(doc)) == 1


def test_content_stops_before_the_reporting_sentence_adds_its_own_context():
    doc = run(
        "الدوحة (رويترز) - قال الوزير محمد الخليفي إن المحادثات ستستأنف الأسبوع المقبل، وذلك "
        "بعد يومين من زيارة الوفد الأمريكي."
    )
    (q,) = quotes(doc)
    assert q.text == "المحادثات ستستأنف الأسبوع المقبل"


def test_request_content_skips_the_reporting_adjuncts():
    doc = run('بروكسل (أ ف ب) - وحث الاتحاد الأوروبي في بيان على "وقف التصعيد فوراً".')
    (q,) = quotes(doc)
    assert q.label == "direct" and q.text == "وقف التصعيد فوراً"


def test_an_outlet_cited_for_a_quoted_clause_is_a_relay_of_that_quote():
    doc = run(
        "الرباط (رويترز) - وقالت مصادر متطابقة إن الاجتماع تأجل، بحسب ما أفادت صحيفة الشرق الأوسط."
    )
    (q,) = quotes(doc)
    assert q.text == "الاجتماع تأجل"
    chain = q.attrs["chain"]
    assert [h["kind"] for h in chain] == ["outlet", "relay", "speaker"]
    assert chain[1]["actor"] == actor_of(doc, "صحيفة الشرق الأوسط")
    assert chain[2]["text"] == "مصادر متطابقة"


def test_quotes_share_no_reference_dict_so_linking_can_rename_in_place():
    doc = run(BUREAU)
    refs = [id(x) for q in quotes(doc) for x in (*q.attrs["speaker_actors"], *q.attrs["chain"])]
    assert len(refs) == len(set(refs))


def test_a_prepositional_object_after_a_request_verb_is_not_its_subject():
    doc = run(
        "الخرطوم (أ ف ب) - ورحبت وزارة الخارجية السودانية بالقرار، وطالبت بتصنيف قوات "
        'الدعم السريع "جماعة إرهابية".'
    )
    q = quotes(doc)[-1]
    assert [a["actor"] for a in q.attrs["speaker_actors"]] == [
        actor_of(doc, "وزارة الخارجية السودانية")
    ]


def test_reported_by_a_noun_after_bi_is_a_quote_without_the_preposition():
    doc = run("بيروت (أ ف ب) - أفاد المرصد السوري لحقوق الإنسان بمقتل ثلاثة مدنيين في قصف مدفعي.")
    (q,) = quotes(doc)
    assert q.text == "مقتل ثلاثة مدنيين في قصف مدفعي"
    assert q.attrs["cue_lemma"] == "افاد"
