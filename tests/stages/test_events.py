"""The events stage: PLOVER events with their trigger, actors, place, date and modality.

Sentences are invented in the style of Arabic political news and run through the real
pipeline (entities, time), so each test pins what the stage does with what it is given.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from rasid.document import Document, Page, Span
from rasid.normalize import normalize_arabic
from rasid.pipeline import default_pipeline
from rasid.stages.events import events_stage, find_events
from rasid.stages.events.lexicon import lookup


@lru_cache(maxsize=1)
def _pipeline():
    return default_pipeline()


def _doc(body: str, date: str = "2023-03-15") -> Document:
    text = f"عنوان الخبر\n\n{body}"
    doc = _pipeline().process(Page(source="t.txt", format="txt", text=text, meta={"date": date}))[0]
    return doc


def _events(body: str, date: str = "2023-03-15") -> tuple[Document, list[dict]]:
    doc = events_stage(_doc(body, date))
    return doc, [s.attrs | {"trigger": s.text} for s in doc.spans["events"]]


def _names(refs: list[dict]) -> list[str]:
    return [r["text"] for r in refs]


def _one(events: list[dict], type_: str) -> dict:
    found = [e for e in events if e["type"] == type_]
    assert len(found) == 1, events
    return found[0]


@pytest.mark.parametrize(
    ("word", "form"),
    [("وسيلتقيان", "يلتقي"), ("بزيارته", "زياره"), ("للغارات", "غاره"), ("أجرت", "اجري")],
)
def test_clitics_and_inflection_are_peeled_before_lookup(word: str, form: str) -> None:
    match = lookup(normalize_arabic(word))
    assert match is not None and match.entry.form == form


def test_words_that_only_look_like_triggers_are_not_matched() -> None:
    for word in ("قبل", "انتقال", "هنا", "فرق"):
        assert lookup(normalize_arabic(word)) is None


def test_verb_subject_object_meeting_has_source_and_target() -> None:
    _, events = _events(
        "التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس في باريس."
    )
    e = _one(events, "CONSULT")
    assert e["trigger"] == "التقى"
    assert _names(e["source"]) == ["إيمانويل ماكرون"]
    assert _names(e["target"]) == ["أولاف شولتس"]
    assert e["place"]["text"] == "باريس"
    assert e["modality"] == "asserted"


def test_light_verb_puts_trigger_on_the_verbal_noun() -> None:
    _, events = _events("أجرى الرئيس التركي رجب طيب أردوغان اتصالاً هاتفياً مع فلاديمير بوتين.")
    e = _one(events, "CONSULT")
    assert e["trigger"] == "اتصالاً"
    assert e["mode"] == "phone"
    assert _names(e["source"]) == ["رجب طيب أردوغان"]
    assert _names(e["target"]) == ["فلاديمير بوتين"]


def test_future_tense_visit_is_planned() -> None:
    _, events = _events("وسيزور وزير الخارجية الأمريكي أنتوني بلينكن القاهرة الأسبوع المقبل.")
    e = _one(events, "CONSULT")
    assert e["modality"] == "planned"
    assert e["mode"] == "visit"


def test_visit_to_a_city_puts_the_city_in_place_not_target() -> None:
    _, events = _events("زار وزير الخارجية الأمريكي أنتوني بلينكن القاهرة يوم الأحد.")
    e = _one(events, "CONSULT")
    assert e["place"]["text"] == "القاهرة"
    assert e["target"] == []


def test_negated_meeting_is_denied() -> None:
    _, events = _events("وحضر الاجتماع عبد الفتاح السيسي وأردوغان، لكنهما لم يلتقيا على انفراد.")
    denied = [e for e in events if e["trigger"] == "يلتقيا"]
    assert denied and denied[0]["modality"] == "denied"


def test_condition_after_the_trigger_makes_it_conditional() -> None:
    _, events = _events(
        "وقال مسؤول إن الجيش السوداني سيلتزم بالهدنة ما دام الطرف الآخر ملتزماً بها."
    )
    e = _one(events, "RETREAT")
    assert e["modality"] == "conditional"


def test_place_describing_an_actor_is_not_the_event_place() -> None:
    _, events = _events("ورحب المجلس الأعلى للدولة في طرابلس بالاتفاق الجديد.")
    e = _one(events, "SUPPORT")
    assert e["place"] is None


def test_fronted_place_is_the_event_place() -> None:
    _, events = _events("وفي بغداد، رحب رئيس الوزراء العراقي محمد شياع السوداني بالاتفاق.")
    e = _one(events, "SUPPORT")
    assert e["place"]["text"] == "بغداد"
    assert e["source"] and e["source"][0]["text"] != "بغداد"


def test_undated_sentence_gets_no_date_from_the_dateline() -> None:
    _, events = _events(
        "القاهرة - الأحد: استقبل عبد الفتاح السيسي رئيس الوزراء الإيطالي جورجيا ميلوني."
    )
    e = _one(events, "CONSULT")
    assert e["date"] is None or e["date"]["text"] != ""


def test_date_of_the_clause_is_the_event_date() -> None:
    _, events = _events("استقبل الرئيس المصري عبد الفتاح السيسي، الاثنين، الملك عبد الله الثاني.")
    e = _one(events, "CONSULT")
    assert e["date"]["value"] == "2023-03-13"


def test_background_interval_is_kept_as_an_interval() -> None:
    _, events = _events("ومنذ 4 أبريل 2019، تشن قوات الدعم السريع هجمات على مدينة الفاشر.")
    e = _one(events, "ASSAULT")
    assert (e["date"]["value"], e["date"]["start"], e["date"]["end"]) == (None, "2019-04-04", None)


def test_compound_subject_lists_every_member() -> None:
    _, events = _events("ودعا فلاديمير بوتين ورجب طيب أردوغان إلى وقف إطلاق النار في ليبيا.")
    e = _one(events, "REQUEST")
    assert _names(e["source"]) == ["فلاديمير بوتين", "رجب طيب أردوغان"]


def test_content_of_a_call_is_not_an_event_of_its_own() -> None:
    _, events = _events("ودعا الاتحاد الأوروبي إلى انسحاب القوات الأجنبية من ليبيا.")
    assert [e["type"] for e in events] == ["REQUEST"]


def _with_quote(doc: Document, cue: str, content: str, speaker: str, qid: str = "q1") -> None:
    text = doc.clean_text
    c0 = text.index(content)
    k0 = text.index(cue)
    s0 = text.index(speaker)
    actor = next(s for s in doc.spans["entities"] if s.start == s0).attrs["actor"]
    sentence = next(s for s in doc.sentences if s.start <= k0 < s.end)
    doc.spans["quotes"] = [
        Span(c0, c0 + len(content), "reported", content, {
            "id": qid, "cue": {"text": cue, "start": k0, "end": k0 + len(cue)},
            "cue_lemma": cue, "speaker_actors": [
                {"actor": actor, "text": speaker, "start": s0, "end": s0 + len(speaker)}
            ], "sentence": [sentence.start, sentence.end],
        })
    ]  # fmt: skip


def test_generic_quote_without_reported_action_is_a_statement_by_the_speaker() -> None:
    doc = _doc("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن الوضع في المنطقة خطير للغاية.")
    _with_quote(doc, "قال", "الوضع في المنطقة خطير للغاية", "أنتوني بلينكن")
    events = find_events(doc)
    assert [(e.type, e.quote, e.modality) for e in events] == [("STATEMENT", "q1", "asserted")]
    assert _names(events[0].source) == ["أنتوني بلينكن"]


def test_action_inside_a_quote_is_claimed_and_linked() -> None:
    doc = _doc("وقال أنتوني بلينكن إن واشنطن فرضت عقوبات على طهران.")
    _with_quote(doc, "قال", "واشنطن فرضت عقوبات على طهران", "أنتوني بلينكن")
    events = find_events(doc)
    assert [(e.type, e.quote, e.modality) for e in events] == [("SANCTION", "q1", "claimed")]


def test_act_cue_is_its_own_asserted_event_linked_to_its_quote() -> None:
    doc = _doc("واتهم أنتوني بلينكن طهران بتزويد موسكو بالطائرات المسيرة.")
    _with_quote(doc, "اتهم", "طهران بتزويد موسكو بالطائرات المسيرة", "أنتوني بلينكن")
    events = find_events(doc)
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].quote == "q1" and accuse[0].modality == "asserted"
    assert not [e for e in events if e.type == "STATEMENT"]


def test_stage_writes_spans_over_the_trigger() -> None:
    doc, events = _events("التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس.")
    span = doc.spans["events"][0]
    assert doc.clean_text[span.start : span.end] == span.text == "التقى"
    assert span.label == span.attrs["type"] == "CONSULT"
    assert events[0]["id"] == "e1"


def test_bare_noun_without_actors_or_date_is_not_an_event() -> None:
    _, events = _events("وقال مسؤول بعد الجولة إن الأجواء كانت إيجابية.")
    assert not [e for e in events if e["type"] == "CONSULT"]


def test_nothing_issued_from_an_actor_makes_it_the_source() -> None:
    _, events = _events("ولم يصدر تعليق رسمي من موسكو على الخطوة حتى مساء الأحد.")
    ev = _one(events, "STATEMENT")
    assert _names(ev["source"]) == ["موسكو"] and ev["target"] == []


def test_possessed_force_is_the_organisation_in_the_possessor_title() -> None:
    # the speaker before إن is not the subject of the reported verb; قواته is his force
    _, events = _events("وقال قائد الجيش الوطني الليبي خليفة حفتر إن قواته سيطرت على بلدة غريان.")
    ev = _one(events, "COERCE")
    assert _names(ev["source"]) == ["الجيش الوطني الليبي"]


@pytest.mark.parametrize("word", ["الحضرية", "توقعات", "لطلبة", "طلبات"])
def test_a_verb_trigger_is_not_read_into_a_noun(word: str) -> None:
    assert lookup(normalize_arabic(word)) is None or lookup(
        normalize_arabic(word)
    ).entry.pos not in (
        "verb",
        "lightverb",
    )


@pytest.mark.parametrize(("word", "form"), [("ليلتقي", "يلتقي"), ("بطلب", "طلب"), ("وقعت", "وقع")])
def test_a_verb_trigger_keeps_its_verbal_readings(word: str, form: str) -> None:
    match = lookup(normalize_arabic(word))
    assert match is not None and match.entry.form == normalize_arabic(form)
