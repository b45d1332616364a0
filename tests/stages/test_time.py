"""The time stage: finding, normalizing and anchoring Arabic temporal expressions."""

from datetime import date

import pytest

from rasid.document import Document, Found
from rasid.stages.time import find_timexes

ANCHOR = date(2024, 5, 12)  # a Sunday


def _one(text: str, anchor: date | None = ANCHOR):
    found = find_timexes(text, anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    tx = found[0]
    assert text[tx.start : tx.end] == tx.text
    return tx


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("وصل الوفد يوم 3 يناير 2021 إلى العاصمة", "3 يناير 2021", "2021-01-03"),
        ("وقع الاتفاق في 9 كانون الثاني 2023", "9 كانون الثاني 2023", "2023-01-09"),
        ("انطلقت الحملة في 14 جويلية 2022 بالعاصمة", "14 جويلية 2022", "2022-07-14"),
        ("أعلنت الوزارة في 5 غشت 2015 عن الخطة", "5 غشت 2015", "2015-08-05"),
        ("جرى ذلك الأحد 1 مارس/آذار 2020 في دمشق", "الأحد 1 مارس/آذار 2020", "2020-03-01"),
        ("تعقد القمة في 4 إبريل/ نيسان 2019", "4 إبريل/ نيسان 2019", "2019-04-04"),
        ("صدر القرار بتاريخ ١٥ مارس ٢٠٢٣", "١٥ مارس ٢٠٢٣", "2023-03-15"),
        ("صدر العدد في 21/03/2022 صباحا", "21/03/2022", "2022-03-21"),
        ("وصل الحجاج في 07 شوال 1445 إلى مكة", "07 شوال 1445", "2024-04-16"),
        ("ارتفعت الأسعار في حزيران 2021", "حزيران 2021", "2021-06"),
        ("ذكرى الحادي عشر من سبتمبر 2001 مرت بهدوء", "الحادي عشر من سبتمبر 2001", "2001-09-11"),
    ],
)
def test_absolute_dates_in_every_regional_month_system(text, extent, value):
    tx = _one(text)
    assert (tx.text, tx.type, tx.value, tx.anchored) == (extent, "date", value, False)


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("قال الوزير أمس إن الخطة جاهزة", "2024-05-11", None),
        ("تبدأ الامتحانات غداً في كل المدارس", "2024-05-13", None),
        ("اجتمع المجلس يوم الثلاثاء لبحث الأزمة", "2024-05-07", None),
        ("وصل الوفد الأحد إلى الرياض", "2024-05-12", None),
        ("يزور الرئيس القاهرة الثلاثاء المقبل في جولة", "2024-05-14", None),
        ("تراجعت الأسعار الأسبوع الماضي بشكل حاد", "2024-W18", None),
        ("عقد الاجتماع منتصف الأسبوع الماضي في عمان", "2024-W18", "MID"),
        ("ارتفع التضخم الشهر الماضي إلى مستوى قياسي", "2024-04", None),
        ("نما الاقتصاد العام الماضي بنسبة ضعيفة", "2023", None),
        ("تفتتح المدارس بداية يونيو لاستقبال الطلاب", "2024-06", "START"),
        ("صادق المجلس على القرار في 12 فبراير/ شباط الجاري", "2024-02-12", None),
        ("تستأنف المفاوضات في يونيو (حزيران) المقبل", "2024-06", None),
    ],
)
def test_relative_expressions_resolve_against_the_anchor(text, value, mod):
    tx = _one(text)
    assert (tx.value, tx.mod, tx.anchored, tx.anchor) == (value, mod, True, "2024-05-12")


def test_weekday_in_past_news_is_the_latest_such_day_on_or_before_publication():
    assert _one("دان الأمين العام القصف الجمعة", date(2020, 3, 1)).value == "2020-02-28"
    assert _one("دان الأمين العام القصف الأحد", date(2020, 3, 1)).value == "2020-03-01"


def test_night_spanning_two_days_is_an_interval():
    tx = _one("توجه الوفد إلى دمشق ليل السبت الأحد", date(2020, 3, 1))
    assert (tx.type, tx.value) == ("interval", "2020-02-29/2020-03-01")


def test_without_an_anchor_relative_expressions_keep_a_structured_value_not_a_made_up_date():
    assert _one("قال الوزير أمس إن الخطة جاهزة", None).relative == {"unit": "day", "offset": -1}
    week = _one("تراجعت الأسعار الأسبوع الماضي", None)
    assert week.value is None and week.relative == {"unit": "week", "offset": -1}
    wd = _one("اجتمع المجلس يوم الثلاثاء", None)
    assert wd.value is None and wd.relative == {"unit": "weekday", "offset": -1, "weekday": 2}
    assert _one("وقع الاتفاق في 12 فبراير", None).value == "XXXX-02-12"


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("تشن القوات منذ 4 أبريل/نيسان 2019 هجوماً", "interval", "2019-04-04/.."),
        ("تراجعت الصادرات بين 2011 و2014 بشكل كبير", "interval", "2011/2014"),
        ("يقام المعرض من 3 إلى 5 مايو في جدة", "interval", "2024-05-03/2024-05-05"),
        ("تحسن الوضع خلال أيام ماضية بعد الهدنة", "date", "PAST_REF"),
        ("عاد الهدوء إلى المنطقة في عام 2015 بعد اتفاق", "date", "2015"),
        ("عاش البلد أزمة طويلة في التسعينيات", "date", "1990/1999"),
        ("استمرت المفاوضات ثلاثة أيام دون نتيجة", "duration", "P3D"),
        ("بقي في منصبه عشرين عاماً قبل استقالته", "duration", "P20Y"),
        ("انفجرت العبوة الساعة العاشرة صباحاً قرب السوق", "time", "T10:00"),
        ("تنعقد اللجنة كل يوم ثلاثاء في مقر الوزارة", "set", "XXXX-WXX-2"),
        ("رمضان 1445 شهد إقبالاً كبيراً", "date", "2024-03-11/2024-04-09"),
    ],
)
def test_intervals_vague_years_decades_durations_times_and_sets(text, type_, value):
    tx = _one(text)
    assert (tx.type, tx.value) == (type_, value)


def test_since_after_a_conjunction_opens_the_interval_without_the_conjunction():
    tx = _one("ومنذ 9 مايو 2021 تحاصر القوات المدينة")
    assert (tx.type, tx.value, tx.text) == ("interval", "2021-05-09/..", "منذ 9 مايو 2021")


@pytest.mark.parametrize(
    "text",
    ["حدد الموعد في 31 فبراير 2020 خطأً", "كتب على الوثيقة 13/13/2020", "وثيقة مؤرخة عام 1250 هـ"],
)
def test_impossible_dates_are_kept_unresolved_with_a_reason_and_never_raise(text):
    tx = _one(text)
    assert tx.value is None and tx.reason


@pytest.mark.parametrize(
    "text",
    [
        "قتل 12 شخصاً وأصيب 1445 مشاركاً في الحادث",
        "صادق المجلس على القرار 2510 بالإجماع",
        "انتهت المباراة بنتيجة 2-1 لصالح الفريق الضيف",
        "بلغ سعر البرميل 82.45 دولاراً",
        "نقلت صحيفة اليوم عن مصادر مطلعة",
        "مارس الضغط على الحكومة لتغيير موقفها",
        "رقم الهاتف 99999 للطوارئ",
    ],
)
def test_numbers_and_words_that_are_not_dates_are_left_alone(text):
    assert find_timexes(text, ANCHOR) == []


def _pipeline_doc(clean_text: str, published=None, page_date=None) -> Document:
    from rasid.stages.normalize import normalize_stage
    from rasid.stages.segment import segment_stage
    from rasid.stages.time import time_stage

    doc = Document(id="x", page_id="x", article_index=0, source="t", format="txt")
    doc.clean_text = clean_text
    doc.published, doc.page_date = published, page_date
    for st in (normalize_stage, segment_stage, time_stage):
        doc = st(doc)
    return doc


def test_publication_date_from_metadata_normalizes_and_anchors_relative_dates():
    doc = _pipeline_doc(
        "قال المتحدث أمس إن الوفد سيصل غداً.",
        published=Found("2024-05-12T09:00:00+03:00", "html-meta"),
    )
    assert doc.published.normalized == "2024-05-12"
    values = [s.attrs["value"] for s in doc.spans["timex"]]
    assert values == ["2024-05-11", "2024-05-13"]
    assert all(s.attrs["anchor_source"] == "published" for s in doc.spans["timex"])


def test_header_with_disagreeing_gregorian_and_hijri_dates_is_reported():
    header = Found("الثلاثاء 16 أبريل 2024 الموافق 20 شوال 1445", "site-header")
    doc = _pipeline_doc("أعلنت الوزارة خطة جديدة لدعم المزارعين.", page_date=header)
    assert "hijri_gregorian_mismatch" in doc.flags
    agreeing = Found("الثلاثاء 16 أبريل 2024 الموافق 07 شوال 1445", "site-header")
    doc = _pipeline_doc("أعلنت الوزارة خطة جديدة لدعم المزارعين.", page_date=agreeing)
    assert "hijri_gregorian_mismatch" not in doc.flags
    assert doc.page_date.normalized == "2024-04-16"


def test_old_article_under_a_new_header_is_flagged_and_not_dated_by_the_header():
    header = Found("الثلاثاء 16 أبريل 2024", "site-header")
    doc = _pipeline_doc(
        "وقع الطرفان الاتفاق في 12 فبراير 2020، وقال الوزير أمس إن التنفيذ بدأ.", page_date=header
    )
    assert "possible_republication" in doc.flags
    yesterday = next(s for s in doc.spans["timex"] if s.text == "أمس")
    assert yesterday.attrs["value"] is None and yesterday.attrs["relative"] == {
        "unit": "day",
        "offset": -1,
    }


def test_page_date_anchors_relative_dates_when_the_article_agrees_with_it():
    header = Found("الثلاثاء 16 أبريل 2024", "site-header")
    doc = _pipeline_doc("وقع الطرفان الاتفاق في 10 أبريل 2024، وبدأ التنفيذ أمس.", page_date=header)
    assert "possible_republication" not in doc.flags
    yesterday = next(s for s in doc.spans["timex"] if s.text == "أمس")
    assert (yesterday.attrs["value"], yesterday.attrs["anchor_source"]) == (
        "2024-04-15",
        "page_date",
    )


def test_spans_point_into_the_clean_text():
    doc = _pipeline_doc("اجتمع المجلس في 3 يناير 2021 ثم مجدداً في ٥ فبراير ٢٠٢١.")
    for span in doc.spans["timex"]:
        assert doc.clean_text[span.start : span.end] == span.text


def test_part_of_the_day_belongs_to_the_day_it_qualifies():
    found = find_timexes("وقع الانفجار فجر اليوم وقال المتحدث مساء أمس إن التحقيق بدأ", ANCHOR)
    assert [(t.text, t.value) for t in found] == [
        ("فجر اليوم", "2024-05-12"),
        ("مساء أمس", "2024-05-11"),
    ]
    assert find_timexes("صباح الخير للجميع", ANCHOR) == []
