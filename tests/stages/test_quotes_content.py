"""Quotes stage: where a quote's content ends, and labels that are no quote (invented)."""

from __future__ import annotations

from tests.stages.test_quotes import quotes, run

LEAD = "عقدت الأطراف المعنية اجتماعا مطولا في العاصمة أمس لمناقشة آخر التطورات الميدانية. "


def _texts(body: str) -> list[str]:
    return [q.text for q in quotes(run(LEAD + body))]


def test_a_request_ends_before_the_speakers_next_act() -> None:
    body = "وطالب الاتحاد الأوروبي بالإفراج عن المعتقلين، وهدد بفرض عقوبات جديدة."
    assert _texts(body) == ["بالإفراج عن المعتقلين"]


def test_a_request_keeps_a_second_demand_joined_by_a_noun() -> None:
    body = "ودعا الاتحاد الأوروبي إلى وقف إطلاق النار، ورفع الحصار عن المدينة."
    assert _texts(body) == ["إلى وقف إطلاق النار، ورفع الحصار عن المدينة"]


def test_a_short_quoted_label_after_ma_is_no_quote() -> None:
    body = 'وانسحبت القوات الحكومية من المواقع في إطار ما وصفته بـ"إعادة التموضع" قرب المدينة.'
    assert _texts(body) == []


def test_a_description_after_ma_with_bi_annahu_is_still_a_quote() -> None:
    body = 'ورفض الاتحاد الأوروبي ما وصفه بأنه "تدخل سافر في الشؤون الداخلية".'
    assert _texts(body) == ["تدخل سافر في الشؤون الداخلية"]


def test_fima_wasafa_is_while_described_not_a_label() -> None:
    body = 'وقال الاتحاد الأوروبي إن الهجوم مدان، فيما وصف الرئيس الهجوم بأنه "عمل جبان".'
    assert "عمل جبان" in _texts(body)
