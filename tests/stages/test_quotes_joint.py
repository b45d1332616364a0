"""Quotes stage: joint statements — dual back-references and titled partners (invented)."""

from __future__ import annotations

from tests.stages.test_quotes import quotes, run

MEETING = "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي في بكين يوم الاثنين. "


def _speakers(body: str) -> list[list[str]]:
    doc = run(body)
    names = {s.attrs["actor"]: s.text for s in doc.spans["entities"]}
    return [sorted(names[a["actor"]] for a in q.attrs["speaker_actors"]) for q in quotes(doc)]


def test_al_janiban_speaks_for_the_two_who_met() -> None:
    body = MEETING + "وأكد الجانبان أن الحوار هو السبيل الوحيد لحل الخلافات."
    assert _speakers(body) == [["أنتوني بلينكن", "وانغ يي"]]


def test_a_dual_of_persons_skips_the_meeting_place() -> None:
    body = (
        "اجتمع وزير الخارجية السعودي فيصل بن فرحان مع نظيره الإيراني حسين أمير عبد اللهيان في بكين. "
        "وقال الوزيران إن العلاقات ستعود قريبا."
    )
    assert _speakers(body) == [["حسين أمير عبد اللهيان", "فيصل بن فرحان"]]


def test_a_dual_verb_without_subject_refers_to_the_pair_of_the_sentence_before() -> None:
    body = MEETING + "وقالا إن الحوار مستمر."
    assert _speakers(body) == [["أنتوني بلينكن", "وانغ يي"]]


def test_a_second_speaker_after_a_joined_title_speaks_too() -> None:
    body = "وقال الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني أولاف شولتس إن أوروبا موحدة."
    assert _speakers(body) == [["أولاف شولتس", "إيمانويل ماكرون"]]


def test_a_clause_after_the_speaker_is_not_a_partner() -> None:
    body = "وقال وزير الخارجية الأمريكي أنتوني بلينكن وهو يغادر القاعة إن الدعم مستمر."
    assert _speakers(body) == [["أنتوني بلينكن"]]


def test_an_accusative_dual_after_a_call_is_the_addressee_not_the_speaker() -> None:
    body = MEETING + "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين إلى التهدئة."
    assert _speakers(body)[-1] == ["أنطونيو غوتيريش"]


def test_a_dual_followed_by_the_names_is_those_named() -> None:
    body = MEETING + "وأكد الرئيسان فلاديمير بوتين ورجب طيب أردوغان أن الهدنة صامدة."
    assert _speakers(body)[-1] == ["رجب طيب أردوغان", "فلاديمير بوتين"]
