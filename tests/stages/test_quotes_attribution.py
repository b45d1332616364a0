"""Quotes stage: attribution shapes met in unseen news — a statement issued by a body, a
speaker told someone, a speaker after the words, "على حد قوله", "…، كما قال X" (invented)."""

from __future__ import annotations

from tests.stages.test_quotes import quotes, run

LEAD = "عقدت الأطراف المعنية اجتماعا مطولا في العاصمة أمس لمناقشة آخر التطورات الميدانية. "


def _one(body: str) -> tuple[str, list[str], str]:
    found = quotes(run(LEAD + body))
    assert len(found) == 1, [q.attrs["cue"]["text"] for q in found]
    q = found[0]
    return q.attrs["speaker_kind"], [a["text"] for a in q.attrs["speaker_actors"]], q.text


def test_a_statement_issued_by_a_body_is_the_bodys() -> None:
    _, actors, _ = _one("وأفاد بيان صادر عن وزارة الدفاع الروسية بأن القوات سيطرت على القرية.")
    assert actors == ["وزارة الدفاع الروسية"]


def test_a_joint_statement_issued_by_two_states_is_both_of_theirs() -> None:
    _, actors, _ = _one("وقال بيان مشترك صادر عن مصر والأردن إن الحل سياسي.")
    assert actors == ["مصر", "الأردن"]


def test_the_one_who_informs_speaks_not_the_one_informed() -> None:
    body = (
        "وأبلغ وزير الخارجية المصري سامح شكري نظيره الأمريكي أنتوني بلينكن أن القاهرة ترفض التهجير."
    )
    _, actors, content = _one(body)
    assert actors == ["سامح شكري"]
    assert content == "القاهرة ترفض التهجير"


def test_a_short_quotation_before_its_speaker_is_a_direct_quote() -> None:
    body = '"لن نتراجع عن مواقفنا"، قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو.'
    found = quotes(run(LEAD + body))
    assert [(q.label, q.text) for q in found] == [("direct", "لن نتراجع عن مواقفنا")]
    assert [a["text"] for a in found[0].attrs["speaker_actors"]] == ["بنيامين نتنياهو"]


def test_a_weekday_after_the_cue_is_not_the_speaker() -> None:
    body = "وكان الرئيس الروسي فلاديمير بوتين حذر السبت من أن بلاده ستواصل دعم حلفائها."
    _, actors, _ = _one(body)
    assert actors == ["فلاديمير بوتين"]


def test_ala_hadd_qawlihi_gives_the_clause_before_to_the_last_speaker() -> None:
    body = (
        "وقال وزير الخارجية الروسي سيرغي لافروف إن الغرب يصعد. "
        'والحرب "لن تنتهي قريبا"، على حد قوله.'
    )
    last = quotes(run(LEAD + body))[-1]
    assert last.text == 'والحرب "لن تنتهي قريبا"'
    assert [a["text"] for a in last.attrs["speaker_actors"]] == ["سيرغي لافروف"]


def test_kama_qala_after_a_comma_attributes_the_clause_before() -> None:
    _, actors, content = _one("وقتل خمسة مدنيين في القصف، كما قال المرصد السوري لحقوق الإنسان.")
    assert content == "وقتل خمسة مدنيين في القصف"
    assert actors and actors[0].startswith("المرصد السوري")


def test_kama_qala_with_a_complement_is_an_ordinary_quote() -> None:
    _, _, content = _one("كما قال المرصد السوري لحقوق الإنسان إن القصف استمر.")
    assert content == "القصف استمر"


def test_the_resumptive_bihi_does_not_hide_the_source() -> None:
    kind, _, content = _one("وقتل خمسة مدنيين في القصف، وفق ما أفاد به مسؤول محلي.")
    assert kind == "anonymous"
    assert content == "وقتل خمسة مدنيين في القصف"


def test_a_plural_of_unnamed_people_is_an_anonymous_source() -> None:
    kind, actors, _ = _one("وقال مسعفون إن القصف استمر طوال الليل.")
    assert (kind, actors) == ("anonymous", [])


def test_a_title_with_no_office_or_name_after_it_is_an_anonymous_source() -> None:
    kind, actors, _ = _one("وقال ضابط في الجيش إن القصف استمر طوال الليل.")
    assert (kind, actors) == ("anonymous", [])


def test_a_title_before_a_name_is_the_named_person() -> None:
    _, actors, _ = _one("وقال ضابط الاتصال أحمد المسماري إن القصف استمر طوال الليل.")
    assert actors == ["أحمد المسماري"]


def test_an_unnamed_source_before_its_verb_speaks_not_the_last_speaker() -> None:
    body = (
        "وقال رئيس الوزراء العراقي محمد شياع السوداني إن الأمن مستتب. "
        "وكان شهود قد أفادوا بأن القصف استمر طوال الليل."
    )
    last = quotes(run(LEAD + body))[-1]
    assert last.attrs["speaker_kind"] == "anonymous"
    assert last.attrs["speaker"]["text"] == "شهود"
    assert last.attrs["speaker_actors"] == []


def test_wa_bayyana_with_a_complement_is_a_quote_and_bayna_alone_is_not() -> None:
    body = (
        "وأكد وزير الصحة فهد الجلاجل أن المستشفيات جاهزة. "
        "وبين معاليه أن الخدمات تحسنت. والتقى الوزير بين جلستين وفدا طبيا."
    )
    found = quotes(run(LEAD + body))
    assert [q.attrs["cue"]["text"] for q in found] == ["وأكد", "وبين"]
    assert [a["text"] for a in found[1].attrs["speaker_actors"]] == ["فهد الجلاجل"]


def test_a_fronted_definite_head_is_the_body_named_before() -> None:
    body = (
        "وعقدت وزارة الدفاع الروسية مؤتمرا صحفيا في موسكو. "
        "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن الهجوم فشل. "
        "لكن الوزارة قالت إن القوات تقدمت."
    )
    doc = run(LEAD + body)
    ministry = next(
        s.attrs["actor"] for s in doc.spans["entities"] if s.text == "وزارة الدفاع الروسية"
    )
    last = quotes(doc)[-1]
    assert [a["actor"] for a in last.attrs["speaker_actors"]] == [ministry]
