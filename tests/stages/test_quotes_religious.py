"""Quotes stage: religious citations and blessing formulae in news text (invented sentences).

A Quran verse or a hadith a preacher cites is scripture, not a news actor's statement: it is
no quote, God or the Prophet is never a speaker, and the preacher stays the speaker of what
he says next. A blessing formula after a name (رحمه الله، حفظه الله) is not a name.
"""

from __future__ import annotations

from tests.stages.test_quotes import quotes, run

SERMON = (
    "وقال خطيب الجامع الكبير الشيخ سعود الشريم إن الأمن نعمة عظيمة. "
    'قال تعالى: "واعتصموا بحبل الله جميعا". '
    "وأضاف أن وحدة الصف واجبة على الجميع."
)


def _speakers(body: str) -> list[list[str]]:
    return [[a["text"] for a in q.attrs["speaker_actors"]] for q in quotes(run(body))]


def test_a_quran_verse_is_not_a_quote() -> None:
    found = quotes(run(SERMON))
    assert [q.attrs["cue"]["text"] for q in found] == ["وقال", "وأضاف"]


def test_the_preacher_stays_the_speaker_after_a_verse() -> None:
    assert _speakers(SERMON) == [["سعود الشريم"], ["سعود الشريم"]]


def test_a_hadith_after_the_prophets_formula_is_not_a_quote() -> None:
    body = (
        "وأكد مفتي المنطقة الشيخ عبدالرحمن السديس أن الاعتداء على المساجد جريمة. "
        'وعن النبي صلى الله عليه وسلم أنه قال: "المسلم من سلم الناس من لسانه". '
        "وقال إن الإرهاب لا دين له."
    )
    assert _speakers(body) == [["عبدالرحمن السديس"], ["عبدالرحمن السديس"]]


def test_the_prophet_named_after_the_cue_is_not_a_speaker() -> None:
    found = quotes(run('وقال رسول الله صلى الله عليه وسلم: "الدين النصيحة".'))
    assert found == []


def test_a_prayer_to_god_is_not_a_request_quote() -> None:
    body = "وقال خطيب الجامع الشيخ سعود الشريم إن البلاد بخير. ودعا الله أن يحفظ الوطن."
    assert [q.attrs["cue"]["text"] for q in quotes(run(body))] == ["وقال"]


def test_a_blessing_formula_after_a_kings_name_does_not_hide_the_speaker() -> None:
    body = "وقال خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز - حفظه الله - إن المملكة ماضية في الإصلاح."
    assert _speakers(body) == [["سلمان بن عبدالعزيز"]]
