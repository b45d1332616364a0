"""Quotes stage: spokesmen of a body named before, and outlets a speaker talked to (invented)."""

from __future__ import annotations

from tests.stages.test_quotes import actor_of, quotes, run

MINISTRY = (
    "أصدرت وزارة الخارجية القطرية بيانا حول الأزمة. "
    "وقال الرئيس التركي رجب طيب أردوغان إن بلاده تدعم الحوار. "
)


def test_a_spokesman_of_a_definite_head_speaks_for_the_body_named_before() -> None:
    doc = run(MINISTRY + "وأكد المتحدث باسم الخارجية أن الدوحة تواصل الوساطة.")
    last = quotes(doc)[-1]
    assert last.attrs["speaker_kind"] == "role"
    assert [a["actor"] for a in last.attrs["speaker_actors"]] == [
        actor_of(doc, "وزارة الخارجية القطرية")
    ]


def test_a_spokesman_of_a_body_never_named_is_not_the_last_speaker() -> None:
    doc = run(MINISTRY + "وأكد المتحدث باسم البرلمان أن الجلسة ستعقد غدا.")
    last = quotes(doc)[-1]
    assert last.attrs["speaker_kind"] == "role"
    assert last.attrs["speaker_actors"] == []


def test_a_named_spokesman_in_apposition_speaks_himself() -> None:
    doc = run(MINISTRY + "وأكد المتحدث باسم الوزارة ماجد الأنصاري أن الدوحة تواصل الوساطة.")
    last = quotes(doc)[-1]
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["ماجد الأنصاري"]


def _relays(body: str) -> list[str]:
    chain = quotes(run(body))[0].attrs["chain"]
    return [h["text"] for h in chain if h["kind"] == "relay"]


def test_the_agency_a_speaker_talked_to_is_cited_for_the_quote() -> None:
    body = "وقال الرئيس الأوكراني فولوديمير زيلينسكي لرويترز إن الهجوم فشل."
    assert _relays(body) == ["رويترز"]


def test_a_statement_to_a_headed_outlet_is_cited_for_the_quote() -> None:
    body = "وقال وزير الخارجية الإيراني عباس عراقجي في تصريح لوكالة تسنيم إن طهران لن تفاوض."
    assert _relays(body) == ["وكالة تسنيم"]


def test_the_pages_own_agency_is_not_a_relay_in_any_spelling() -> None:
    body = "كييف (أ ف ب) - قال الرئيس الأوكراني فولوديمير زيلينسكي لفرانس برس إن الهجوم فشل."
    assert _relays(body) == []


def test_words_said_to_a_body_that_is_not_an_outlet_cite_no_one() -> None:
    body = "وقال وزير الخارجية الأمريكي أنتوني بلينكن لمجلس الأمن إن الهدنة ضرورية."
    assert _relays(body) == []
