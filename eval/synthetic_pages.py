"""Synthetic Arabic news pages with known gold: real article bodies wrapped in site chrome.

Why: a hand-written gold set is small, and one site template teaches a cleaner nothing. Here
real bodies (SaudiNewsNet, read only at eval time: its license forbids shipping the text) are
wrapped in chrome written for this project in the styles of Saudi, Gulf, Egyptian, Levantine
and Maghrebi sites, as plain text and as HTML, so the gold (title, outlet, paragraphs) is
known exactly for hundreds of pages. When the corpus is absent (CI, the benchmark), bodies
come from a built-in word list instead.

Nothing built here is written into the repository; the eval and the benchmark call
:func:`build_pages` each run.
"""

from __future__ import annotations

import html
import json
import random
import re
import textwrap
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rasid.normalize import normalize_arabic

# --------------------------------------------------------------------------------------------
# Data: outlet names, calendars and the chrome text of each template (all written for rasid).
# --------------------------------------------------------------------------------------------

OUTLETS: dict[str, str] = {
    "aawsat": "الشرق الأوسط",
    "aleqtisadiya": "الاقتصادية",
    "aljazirah": "الجزيرة",
    "almadina": "المدينة",
    "alriyadh": "الرياض",
    "alwatan": "الوطن",
    "alweeam": "الوئام",
    "alyaum": "اليوم",
    "arreyadi": "الرياضي",
    "arriyadiyah": "الرياضية",
    "okaz": "عكاظ",
    "sabq": "سبق",
    "was": "واس",
    "3alyoum": "عاجل",
}

WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS_GREGORIAN = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
MONTHS_LEVANT = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
MONTHS_TUNIS = (
    "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
    "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
MONTHS_MOROCCO = (
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
)  # fmt: skip
MONTHS_HIJRI = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip
EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# Headlines of other stories (read-also lines, related lists, tickers): invented.
OTHER_HEADLINES: dict[str, tuple[str, ...]] = {
    "gulf": (
        "أمير المنطقة الشرقية يدشن مشروعات تنموية بتكلفة 3 مليارات ريال",
        "هيئة الطيران المدني تعلن جدول الرحلات الإضافية خلال موسم الصيف",
        "أمانة جدة ترفع جاهزيتها لمواجهة الأمطار المتوقعة",
        "الهلال يتعاقد مع مدافع برازيلي لمدة موسمين",
        "النصر يبدأ معسكره الإعدادي في النمسا الأسبوع المقبل",
        "سوق الأسهم يغلق على ارتفاع بدعم من قطاع المصارف",
        "الدفاع المدني يحذر من السباحة في الأودية والمستنقعات",
        "جامعة الملك سعود تفتح باب القبول للفصل الدراسي الأول",
        "المرور يطلق حملة توعوية للحد من استخدام الجوال أثناء القيادة",
        "افتتاح مهرجان الورد الطائفي بمشاركة أربعين مزرعة",
        "شرطة مكة تطيح بعصابة سرقة سيارات في حي العزيزية",
        "تمديد فترة التسجيل في برنامج الابتعاث حتى نهاية الشهر",
        "بلدية الخبر تزيل 200 لوحة إعلانية مخالفة",
    ),
    "egypt": (
        "محافظ الجيزة يتفقد أعمال تطوير ميدان الرماية",
        "الأرصاد: طقس شديد الحرارة على القاهرة الكبرى غدا",
        "البورصة تربح 4 مليارات جنيه في ختام تعاملات اليوم",
        "الزمالك يواجه الأهلي في قمة الدوري مساء الخميس",
        "وزير التموين يعلن صرف مقررات الشهر بالأسعار الجديدة",
        "ضبط 12 طن دقيق مدعم قبل بيعه في السوق السوداء",
        "تفاصيل حفل زفاف نجمة شهيرة في الساحل الشمالي",
        "تعرف على مواعيد القطارات الإضافية خلال إجازة العيد",
        "بالفيديو.. لحظة انهيار عقار قديم في حي شعبي",
        "نقابة الأطباء تطالب بزيادة بدل العدوى",
    ),
    "levant": (
        "مجلس الوزراء يرجئ البت في ملف النفايات إلى الأسبوع المقبل",
        "انقطاع الكهرباء يطال مناطق واسعة من بيروت وضواحيها",
        "وزير العمل يبحث مع نقابة المهندسين فرص التشغيل",
        "حريق يلتهم مساحات زراعية في سهل البقاع",
        "مهرجانات بعلبك الدولية تختتم دورتها بحفل موسيقي",
        "ارتفاع أسعار المحروقات للشهر الثالث على التوالي",
        "إشكال مسلح في طرابلس يوقع جريحين",
        "الجامعة الأردنية تعلن أسماء المقبولين في البرنامج الموازي",
        "زحمة سير خانقة على أوتوستراد الضبية",
    ),
    "maghreb": (
        "وزارة التربية تعلن نتائج الدورة الرئيسية للباكالوريا",
        "الترجي يفوز على النجم الساحلي ويبتعد بصدارة البطولة",
        "إضراب في قطاع النقل يشل حركة المرور بالعاصمة",
        "الرجاء البيضاوي يتعاقد مع مهاجم إيفواري",
        "الحكومة تصادق على مشروع قانون المالية التكميلي",
        "موجة حر تضرب عدة ولايات والحرارة تتجاوز 45 درجة",
        "افتتاح الدورة الجديدة لمهرجان قرطاج الدولي",
        "حجز كميات من السلع المدعمة في حملة مراقبة اقتصادية",
        "انطلاق عملية مرحبا لاستقبال أفراد الجالية المقيمة بالخارج",
    ),
    "any": (
        "10 نصائح لتجنب ضربات الشمس في فصل الصيف",
        "دراسة: النوم المبكر يحسن الذاكرة لدى الأطفال",
        "بالصور.. أجمل الوجهات السياحية العربية لعطلة الصيف",
        "تعرف على أسعار العملات اليوم",
        "خبراء: أسعار النفط مرشحة للتراجع مع زيادة المعروض",
        "فيديو.. طفل يبهر لجنة التحكيم بصوته في برنامج مواهب",
        "5 أطعمة تساعدك على خسارة الوزن دون رجيم",
    ),
}

CAPTIONS = (
    "جانب من الاجتماع",
    "صورة أرشيفية",
    "خلال تدشين المشروع - تصوير: خالد الحربي",
    "من موقع الحادث",
    "جانب من الحضور في الحفل",
    "الوزير يتحدث للصحفيين عقب اللقاء",
    "لقطة من المباراة - تصوير: سامي العنزي",
    "(أ ف ب)",
    "صورة من الأرشيف (رويترز)",
    "أرشيفية - من المصدر",
)
CAPTION_PREFIXES = ("", "الصورة: ", "صورة: ", "📷 ", "▲ ")

AUTHORS = (
    "محمد العتيبي", "فهد الشمري", "نورة القحطاني", "عبدالله الغامدي", "أحمد عبد الحميد",
    "مروة السيد", "ريم خليل", "جورج حداد", "سامي الطرابلسي", "خديجة بنعلي",
    "يوسف المرزوقي", "هالة منصور", "بدر الدوسري", "ليلى الزعبي",
)  # fmt: skip

READER_COMMENTS = {
    "gulf": (
        "أبو فهد: الله يعطيهم العافية على هذا المجهود",
        "مواطن: نتمنى أن يطبق القرار على أرض الواقع وليس على الورق فقط",
        "متابع: أين الرقابة من قبل؟ الموضوع يتكرر كل سنة",
        "سارة: خبر مفرح، شكراً للصحيفة على المتابعة",
    ),
    "egypt": (
        "أحمد: ربنا يستر على البلد",
        "زائر: الكلام ده بيتقال كل سنة ومفيش حاجة بتتغير",
        "محمود: برافو على التغطية",
    ),
    "levant": (
        "زائر: كل سنة نفس الحكي وما في شي عم يتغير",
        "رامي: الله يحمي البلد",
        "متابعة: شكراً على التغطية الدقيقة",
    ),
    "maghreb": (
        "مواطن غيور: نتمنى أن يتحسن الوضع في أقرب الآجال",
        "عبد الرحيم: صافي الله يهدي ما خلق",
        "زائر: برافو على المقال",
    ),
}


@dataclass(frozen=True)
class Template:
    """One site style: the chrome text a page of that style carries, and how it is laid out."""

    name: str
    region: str
    mastheads: tuple[str, ...]  # {outlet}
    nav: tuple[str, ...]  # " | " separates menu items
    date_style: str
    bylines: tuple[str, ...]  # {city} {author}
    cities: tuple[str, ...]
    top: tuple[str, ...] = ()  # tickers and widgets above the article
    crumbs: tuple[str, ...] = ()
    stamps: tuple[str, ...] = ()  # {d} {m} {y} {hh} {mm} {ampm} {month}
    read_also: tuple[str, ...] = ("اقرأ أيضاً: ",)
    related: tuple[str, ...] = ("أخبار ذات صلة",)
    most_read: tuple[str, ...] = ()
    share: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()  # heading of the reader-comments block
    form: tuple[tuple[str, ...], ...] = ()  # one comment form's lines, per variant
    footers: tuple[tuple[str, ...], ...] = ()  # {outlet} {year}
    body_markup: str = "p"  # "p" | "br" | "div": how HTML pages hold paragraphs
    css: str = "article"
    blank_line_paragraphs: bool = True  # text form separates paragraphs with blank lines
    eastern_digits: bool = False  # chrome dates in ٠-٩


TEMPLATES: tuple[Template, ...] = (
    Template(
        name="gulf_broadsheet",
        region="gulf",
        mastheads=("جريدة {outlet}", "صحيفة {outlet} اليومية", "{outlet}"),
        nav=(
            "الرئيسية | محليات | اقتصاد | رياضة | ثقافة وفنون | كتاب وآراء | الأخيرة",
            "الرئيسية | الوطن | دوليات | المال والأعمال | الرياضة | الرأي | منوعات",
        ),
        date_style="hijri",
        bylines=("{city} - {author}", "{city}: {author}", "{author}"),
        cities=("الرياض", "جدة", "الدمام", "مكة المكرمة", "أبها", "تبوك"),
        top=(
            "مواقيت الصلاة: الفجر 4:12 الظهر 12:05 العصر 3:28 المغرب 6:58 العشاء 8:28",
            "تسجيل الدخول | اشترك الآن | النسخة الورقية",
        ),
        crumbs=("الرئيسية > محليات", "الرئيسية » الاقتصاد", "الرئيسية > الرياضة"),
        stamps=("نشر في: {d}/{m}/{y} - {hh}:{mm}", "تاريخ النشر: {d} {month} {y}"),
        read_also=("اقرأ أيضاً: ", "اقرأ أيضا: ", "إقرأ أيضاً | "),
        related=("أخبار ذات صلة", "اقرأ في هذا الموضوع"),
        most_read=("الأكثر قراءة", "الأكثر مشاهدة"),
        share=("شارك الخبر: تويتر | فيسبوك | واتساب | البريد", "طباعة | أرسل لصديق | حفظ"),
        tags=("الكلمات المفتاحية: ", "الوسوم: "),
        comments=("تعليقات القراء",),
        form=(
            (
                "أضف تعليقك",
                "الاسم",
                "البريد الإلكتروني",
                "نص التعليق",
                "إرسال",
                "التعليقات المنشورة تعبر عن آراء أصحابها ولا تعبر عن رأي الصحيفة",
            ),
        ),
        footers=(
            ("جميع الحقوق محفوظة © {year} جريدة {outlet}", "من نحن | اتصل بنا | أعلن معنا"),
            ("© {outlet} {year}. جميع الحقوق محفوظة", "سياسة الخصوصية | شروط الاستخدام"),
        ),
        css="news-details",
    ),
    Template(
        name="gulf_electronic",
        region="gulf",
        mastheads=("صحيفة {outlet} الإلكترونية", "{outlet} الإلكترونية"),
        nav=("الرئيسية | محليات | سياسة | اقتصاد | رياضة | تقنية | فيديو | إنفوجرافيك",),
        date_style="hijri",
        bylines=("{author} - {outlet} - {city}", "فريق التحرير", "{city} - {outlet}"),
        cities=("الرياض", "جدة", "القصيم", "الطائف", "حائل"),
        top=(
            "عاجل | {ticker}",
            "عاجل: {ticker}",
            "تابعونا على تويتر | سناب شات | انستقرام | يوتيوب",
        ),
        stamps=(
            "{hh}:{mm} {ampm} - {d}/{m}/{y}",
            "منذ {hh} ساعات",
            "عدد المشاهدات: {views}",
        ),
        read_also=("اقرأ أيضاً: ", "شاهد أيضاً: ", "اقرأ المزيد: "),
        related=("أخبار قد تعجبك", "أخبار ذات صلة", "المزيد من الأخبار"),
        most_read=("الأكثر قراءة",),
        share=("مشاركة", "شارك: واتساب تويتر فيسبوك تيليجرام نسخ الرابط", "حجم الخط: أ+ أ-"),
        tags=("#", "وسوم: "),
        comments=("التعليقات ({n})", "تعليقات الزوار"),
        form=(
            (
                "اترك تعليقاً",
                "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
                "الاسم *",
                "البريد الإلكتروني *",
                "إرسال التعليق",
            ),
        ),
        footers=(
            ("جميع الحقوق محفوظة لصحيفة {outlet} الإلكترونية © {year}", "زر الذهاب إلى الأعلى"),
        ),
        body_markup="div",
        css="entry-content",
        eastern_digits=True,
    ),
    Template(
        name="gulf_agency",
        region="gulf",
        mastheads=("وكالة الأنباء | {outlet}", "{outlet} | الأخبار المحلية"),
        nav=("الأخبار المحلية | الأخبار الدولية | الاقتصاد | الرياضة | الصور | الفيديو",),
        date_style="gulf_numeric",
        bylines=("{city} {hijri_short}هـ الموافق {d} {month} {y}م {outlet}",),
        cities=("الرياض", "جدة", "المدينة المنورة", "نجران"),
        stamps=("{hh}:{mm} {ampm} بتوقيت مكة المكرمة",),
        read_also=(),
        related=("أخبار ذات علاقة",),
        share=("طباعة | إرسال | حفظ | تكبير الخط | تصغير الخط",),
        footers=(("حقوق النشر محفوظة لـ {outlet} {year}", "خريطة الموقع | اتصل بنا"),),
        body_markup="br",
        css="newsDetails",
    ),
    Template(
        name="gulf_sports",
        region="gulf",
        mastheads=("{outlet} | كل أخبار الرياضة", "موقع {outlet} الرياضي"),
        nav=("الرئيسية | دوري المحترفين | كأس الملك | المنتخب | محترفون | أندية | فيديو",),
        date_style="hijri",
        bylines=("{author} - {city}", "{city} - {outlet}"),
        cities=("الرياض", "جدة", "الدمام", "بريدة"),
        top=("الهلال 2 - 1 النصر | الأهلي 0 - 0 الاتحاد | الشباب 3 - 2 الفتح", "مباشر"),
        stamps=("{d} {month} {y}",),
        read_also=("اقرأ أيضا: ", "شاهد: "),
        related=("أخبار متعلقة",),
        most_read=("الأكثر قراءة اليوم",),
        share=("شارك عبر: تويتر واتساب", "0 تعليق"),
        tags=("كلمات دلالية: ",),
        footers=(("© {year} {outlet} - جميع الحقوق محفوظة",),),
        css="sport-article",
    ),
    Template(
        name="cairo_portal",
        region="egypt",
        mastheads=("بوابة {outlet}", "{outlet} نيوز"),
        nav=(
            "الرئيسية | أخبار مصر | حوادث | رياضة | اقتصاد | فن ومشاهير | المرأة | فيديو",
            "أخبار | محافظات | سياسة | رياضة | فن | صحة | توك شو | بث مباشر",
        ),
        date_style="egypt",
        bylines=("كتب: {author}", "كتبت: {author}", "{author}"),
        cities=("القاهرة", "الإسكندرية", "الجيزة"),
        top=(
            "الدولار 7.83 جنيه | اليورو 8.60 | الذهب عيار 21: 285 جنيها",
            "حالة الطقس: القاهرة 36° مشمس",
        ),
        stamps=(
            "{weekday}، {d} {month} {y} - {hh}:{mm} {ampm}",
            "آخر تحديث: {d} {month} {y} {hh}:{mm}",
        ),
        read_also=("اقرأ أيضا: ", "اقرأ أيضًا.. ", "شاهد أيضا: ", "اقرأ أيضاً: "),
        related=("أخبار متعلقة", "موضوعات متعلقة", "الأكثر قراءة في القسم"),
        most_read=("الأكثر قراءة", "الأكثر تعليقا"),
        share=("شارك | تويتر | فيسبوك | واتساب", "طباعة"),
        tags=("الكلمات المفتاحية ",),
        comments=("أضف تعليقك",),
        form=(("الاسم", "البريد الإلكتروني", "عنوان التعليق", "التعليق", "إرسال"),),
        footers=(
            ("جميع الحقوق محفوظة لـ {outlet} {year}", "من نحن | اتصل بنا | سياسة الخصوصية"),
            ("{outlet} © {year}", "يمنع النسخ أو إعادة النشر دون إذن مسبق"),
        ),
        body_markup="br",
        css="article-text",
    ),
    Template(
        name="cairo_daily",
        region="egypt",
        mastheads=("جريدة {outlet}", "{outlet} اليوم"),
        nav=("الرئيسية | أخبار | مصر | عرب وعالم | اقتصاد | رياضة | ثقافة | رأي | العدد اليومي",),
        date_style="egypt",
        bylines=("كتب - {author}", "{city} - {author}"),
        cities=("القاهرة", "المنصورة", "أسيوط"),
        crumbs=("الرئيسية / أخبار", "الرئيسية / اقتصاد"),
        stamps=("العدد {issue}", "نُشر في {d}/{m}/{y}"),
        read_also=("اقرأ أيضاً: ",),
        related=("أخبار متعلقة",),
        share=("شارك الخبر", "A+ A-"),
        footers=(("جميع الحقوق محفوظة © {year} جريدة {outlet}",),),
        css="story-body",
        blank_line_paragraphs=False,
    ),
    Template(
        name="beirut_daily",
        region="levant",
        mastheads=("{outlet}", "جريدة {outlet} - لبنان"),
        nav=(
            "سياسة | لبنان | عربي ودولي | اقتصاد | مجتمع | رياضة | ثقافة | رأي",
            "محليات | إقليميات | دوليات | مال وأعمال | منوعات | صحة | تكنولوجيا",
        ),
        date_style="levant",
        bylines=("{author}", "{city} - {author}", "كتب {author}"),
        cities=("بيروت", "صيدا", "طرابلس", "زحلة"),
        top=("بيروت 31° | طرابلس 29° | زحلة 27°",),
        stamps=("{d} {levmonth} {y} | {hh}:{mm}", "{weekday} {d} {levmonth} {y}"),
        read_also=("اقرأ أيضاً: ", "إقرأ أيضاً: "),
        related=("مواضيع ذات صلة",),
        most_read=("الأكثر قراءة", "الأكثر مشاركة"),
        share=("شارك المقال", "Facebook Twitter WhatsApp"),
        tags=("الكلمات الدالة: ",),
        comments=("التعليقات",),
        form=(("أضف تعليقاً", "الإسم", "البريد الإلكتروني", "أرسل"),),
        footers=(("© جميع الحقوق محفوظة - {outlet} {year}", "إتصل بنا | من نحن | أعلن معنا"),),
        css="article-content",
    ),
    Template(
        name="amman_site",
        region="levant",
        mastheads=("موقع {outlet} الإخباري", "{outlet} نت"),
        nav=("الرئيسية | محليات | عربي دولي | اقتصاد | رياضة | فن | وفيات | مقالات",),
        date_style="levant",
        bylines=("{city} - {outlet} - {author}", "{outlet} - {city}"),
        cities=("عمان", "إربد", "الزرقاء", "دمشق"),
        top=("تابعونا على فيسبوك", "آخر الأخبار: {ticker}"),
        stamps=("{weekday}، {d} {levmonth} {y} {hh}:{mm} {ampm}",),
        read_also=("اقرأ أيضاً: ",),
        related=("مواضيع ذات صلة", "اقرأ المزيد"),
        share=("Share | Tweet", "طباعة المقال"),
        tags=("وسوم: ",),
        comments=("تعليقات",),
        footers=(("جميع الحقوق محفوظة {outlet} {year} ©", "تطوير وتصميم الموقع"),),
        body_markup="div",
        css="details-body",
        blank_line_paragraphs=False,
    ),
    Template(
        name="tunis_daily",
        region="maghreb",
        mastheads=("جريدة {outlet}", "{outlet} - تونس"),
        nav=("الرئيسية | الوطنية | جهات | دولية | اقتصاد | رياضة | ثقافة | آراء | فيديو",),
        date_style="tunis",
        bylines=("{author}", "بقلم: {author}", "{city} - {outlet}"),
        cities=("تونس", "صفاقس", "سوسة", "الجزائر", "وهران"),
        top=("تونس 32° غائم جزئيا", "الجزائر 34° صحو", "أسعار صرف الدينار"),
        stamps=("{weekday} {d} {tnmonth} {y}", "{d} {tnmonth} {y} على {hh}:{mm}"),
        read_also=("اقرأ أيضا: ", "للاطلاع أيضا: "),
        related=("مقالات ذات صلة",),
        most_read=("الأكثر قراءة",),
        share=("شارك على فيسبوك", "أرسل إلى صديق | طباعة"),
        comments=("إضافة تعليق جديد",),
        form=(
            (
                "الاسم",
                "البريد الإلكتروني",
                "التعليق *",
                "أرسل التعليق",
                "تخضع التعليقات للمراقبة قبل نشرها",
            ),
        ),
        footers=(
            ("© {outlet} {year} كل الحقوق محفوظة", "الاتصال بنا | الإشهار"),
            ("جميع الحقوق محفوظة لدار {outlet} {year}",),
        ),
        css="field-item",
    ),
    Template(
        name="rabat_portal",
        region="maghreb",
        mastheads=("{outlet} بريس", "{outlet} 24"),
        nav=("الرئيسية | سياسة | اقتصاد | مجتمع | جهات | رياضة | فن وثقافة | مغاربة العالم",),
        date_style="morocco",
        bylines=("{author}", "{author} من {city}"),
        cities=("الرباط", "الدار البيضاء", "فاس", "مراكش"),
        top=("الرباط 27° | الدار البيضاء 24° | فاس 33°", "عاجل: {ticker}"),
        stamps=("{weekday} {d} {mamonth} {y} - {hh}:{mm}",),
        read_also=("اقرأ أيضا: ",),
        related=("مقالات مرتبطة", "أخبار ذات صلة"),
        most_read=("الأكثر قراءة",),
        share=("شارك | تويتر | فيسبوك", "تعليقات الزوار ({n})"),
        comments=("تعليقات الزوار",),
        form=(("أضف تعليقك", "الاسم", "التعليق", "إرسال"),),
        footers=(("© {year} {outlet} - جميع الحقوق محفوظة", "هيئة التحرير | اتصل بنا | إشهار"),),
        body_markup="br",
        css="article-post",
    ),
    Template(
        name="minimal",
        region="gulf",
        mastheads=("{outlet}",),
        nav=(),
        date_style="none",
        bylines=(),
        cities=(),
        read_also=(),
        related=(),
        footers=(("© {year} {outlet}",),),
        css="content",
    ),
)

# Built-in vocabulary for bodies when the real corpus is absent (benchmark, CI).
_BUILTIN_TEXT = """
    أعلن وزير الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المنطقة الشرقية وقال إن الوزارة
    تعمل على رفع كفاءة الخدمات المقدمة للمواطنين والمقيمين وأضاف أن المشروع يشمل بناء مراكز
    صحية جديدة في المحافظات وتدريب الكوادر الوطنية وأكد المتحدث الرسمي باسم الهيئة أن العمل
    سيبدأ خلال الأسابيع المقبلة بالتعاون مع القطاع الخاص وأوضح مدير عام الإدارة أن الميزانية
    المخصصة تبلغ ملايين الريالات وأشار إلى أن اللجنة عقدت اجتماعها الأول في مقر الوزارة
    بحضور عدد من المسؤولين والخبراء وناقش المجلس خلال الجلسة تقارير الأداء السنوية وتوصيات
    الدراسة التي أعدتها الجامعة حول أسعار النفط والأسواق العالمية والطلب المتزايد على الطاقة
    في دول الخليج العربي ومصر والأردن ولبنان وتونس والمغرب وشهدت العاصمة مؤتمرا دوليا شارك
    فيه ممثلون عن الحكومات والمنظمات الإقليمية لبحث سبل التعاون الاقتصادي والاستثمار في
    البنية التحتية والتعليم والتقنية وفي سياق متصل نفذت الفرق الميدانية جولات تفتيشية على
    المحلات التجارية والأسواق الشعبية ورصدت عددا من المخالفات وتم تحرير محاضر بحق المخالفين
    من جهة أخرى فاز الفريق الأول بنتيجة كبيرة في المباراة التي جرت مساء أمس على ملعب المدينة
    الرياضية أمام جمهور غفير وسجل المهاجم هدفين في الشوط الثاني
"""
BUILTIN_WORDS = tuple(_BUILTIN_TEXT.split())


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One real (or built-in) article: the gold a synthetic page is built around."""

    title: str
    paragraphs: tuple[str, ...]
    outlet_id: str
    author: str = ""
    day: date = date(2015, 7, 21)
    url: str = ""

    @property
    def outlet(self) -> str:
        return OUTLETS.get(self.outlet_id, self.outlet_id)


# What the corpus's own scraper left in the text: HTML entities, the agency's end marker and
# time stamp ("// انتهى //", "19:12 ت م NNNN"), a "رابط الخبر بصحيفة …" self-link, a slider's "Next Previous", control characters. No human would mark
# them as article text, so the gold does not either.
_RESIDUE_LINE = re.compile(
    r"//\s*انتهى\s*//|\d{1,2}:\d{2}\s*ت\s*م(\s*NNNN)?|NNNN|رابط الخبر بصحيفة .*"
)
_RESIDUE_PREFIX = re.compile(r"^(?:Next\s+Previous\s+)+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def split_paragraphs(content: str) -> tuple[str, ...]:
    """Paragraphs of a corpus body: one per non-empty line, stripped, spaces collapsed,
    scraper residue removed."""
    out = []
    for line in _CONTROL.sub(" ", html.unescape(content)).splitlines():
        line = _RESIDUE_PREFIX.sub("", " ".join(line.split()))
        if line and not _RESIDUE_LINE.fullmatch(line):
            out.append(line)
    return tuple(out)


def load_saudinewsnet(
    data_dir: Path, seed: int = 13, min_words: int = 80, max_words: int = 1500
) -> list[Article]:
    """All usable SaudiNewsNet articles, in a seeded order that rotates through the outlets.

    Very short items (briefs, photo captions) and duplicated titles (agency copy printed by
    several papers) are skipped so that every synthetic page has a distinct, real article.
    """
    zips = sorted((data_dir / "saudinewsnet" / "dataset").glob("*.zip"))
    if not zips:
        raise FileNotFoundError(f"no SaudiNewsNet zips under {data_dir}")
    by_outlet: dict[str, list[Article]] = {}
    seen_titles: set[str] = set()
    for path in zips:
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                for rec in json.loads(zf.read(name)):
                    article = _article_from_record(rec, min_words, max_words)
                    if article is None:
                        continue
                    key = normalize_arabic(article.title)
                    if key in seen_titles:
                        continue
                    seen_titles.add(key)
                    by_outlet.setdefault(article.outlet_id, []).append(article)
    rng = random.Random(seed)
    queues = []
    for outlet in sorted(by_outlet):
        items = by_outlet[outlet]
        rng.shuffle(items)
        queues.append(items)
    out: list[Article] = []
    while queues:
        for queue in queues:
            out.append(queue.pop())
        queues = [q for q in queues if q]
    return out


def _article_from_record(rec: dict[str, Any], min_words: int, max_words: int) -> Article | None:
    title = " ".join(_CONTROL.sub(" ", html.unescape(rec.get("title") or "")).split())
    paragraphs = split_paragraphs(rec.get("content") or "")
    words = sum(len(p.split()) for p in paragraphs)
    if len(title.split()) < 3 or not (min_words <= words <= max_words):
        return None
    try:
        day = datetime.strptime(rec.get("date_extracted", ""), "%Y-%m-%d %H:%M:%S").date()
    except ValueError:
        day = date(2015, 7, 21)
    return Article(
        title=title,
        paragraphs=paragraphs,
        outlet_id=rec.get("source", ""),
        author=" ".join((rec.get("author") or "").split()),
        day=day,
        url=rec.get("url", ""),
    )


def builtin_articles(n: int, seed: int = 13) -> list[Article]:
    """Articles of shuffled built-in vocabulary: same shape as news, no corpus needed."""
    rng = random.Random(seed)
    outlets = sorted(OUTLETS)
    out = []
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(3, 9)):
            sentences = [
                " ".join(rng.choices(BUILTIN_WORDS, k=rng.randint(8, 22))) + "."
                for _ in range(rng.randint(1, 4))
            ]
            paragraphs.append(" ".join(sentences))
        title = " ".join(rng.choices(BUILTIN_WORDS, k=rng.randint(5, 10)))
        out.append(
            Article(
                title=title,
                paragraphs=tuple(paragraphs),
                outlet_id=outlets[i % len(outlets)],
                author=rng.choice(AUTHORS),
                day=date(2015, 7, 1 + i % 28),
            )
        )
    return out


def load_articles(data_dir: Path | None, n: int, seed: int = 13) -> tuple[list[Article], str]:
    """Real articles when the corpus is there, else built-in ones; also says which."""
    if data_dir is not None:
        try:
            return load_saudinewsnet(data_dir, seed=seed), "saudinewsnet"
        except FileNotFoundError:
            pass
    return builtin_articles(n, seed=seed), "builtin"


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


@dataclass
class SyntheticPage:
    """A generated page and its gold, in the same JSON shape as ``eval/clean/gold``."""

    id: str
    format: str
    content: str
    gold: dict[str, Any]

    @property
    def filename(self) -> str:
        return f"{self.id}.{self.format}"


@dataclass
class _ArticleParts:
    headline: str
    body: tuple[str, ...]
    crumb: str | None = None
    byline: str | None = None
    stamp: str | None = None
    caption: str | None = None
    inserts: dict[int, str] = field(default_factory=dict)  # read-also line after paragraph i
    share: str | None = None
    tags: str | None = None


@dataclass
class _PageParts:
    template: Template
    outlet: str
    nav: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)
    masthead: str | None = None
    date_line: str | None = None
    articles: list[_ArticleParts] = field(default_factory=list)
    related_head: str | None = None
    related: list[str] = field(default_factory=list)
    comments_head: str | None = None
    comments: list[str] = field(default_factory=list)
    form: list[str] = field(default_factory=list)
    most_read_head: str | None = None
    most_read: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    phenomena: set[str] = field(default_factory=set)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """Tabular (arithmetic) Hijri date: within a day of Umm al-Qura, enough for chrome."""
    jd = day.toordinal() + 1721425
    n = jd - 1948440 + 10632
    cycle = (n - 1) // 10631
    n = n - 10631 * cycle + 354
    j = ((10985 - n) // 5316) * ((50 * n) // 17719) + (n // 5670) * ((43 * n) // 15238)
    n = n - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * n) // 709
    return 30 * cycle + j - 30, month, n - (709 * month) // 24


def _date_fields(day: date, rng: random.Random) -> dict[str, Any]:
    hy, hm, hd = gregorian_to_hijri(day)
    hour = rng.randint(1, 12)
    return {
        "d": day.day,
        "m": day.month,
        "y": day.year,
        "year": day.year,
        "hh": f"{hour:02d}",
        "mm": f"{rng.randint(0, 59):02d}",
        "ampm": rng.choice(("ص", "م")),
        "weekday": WEEKDAYS[day.weekday()],
        "month": MONTHS_GREGORIAN[day.month - 1],
        "levmonth": MONTHS_LEVANT[day.month - 1],
        "tnmonth": MONTHS_TUNIS[day.month - 1],
        "mamonth": MONTHS_MOROCCO[day.month - 1],
        "hijri_short": f"{hd} {MONTHS_HIJRI[hm - 1]} {hy}",
        "hd": hd,
        "hmonth": MONTHS_HIJRI[hm - 1],
        "hy": hy,
        "views": rng.randint(120, 48000),
        "n": rng.randint(0, 40),
        "issue": rng.randint(12000, 17999),
    }


_DATE_LINES = {
    "hijri": (
        "{weekday} {hd} {hmonth} {hy}هـ - الموافق {d} {month} {y}م",
        "{weekday} {hd} {hmonth} {hy} هـ الموافق {d} {month} {y} م - العدد {issue}",
        "{weekday} {d} {month} {y}م - {hd} {hmonth} {hy}هـ",
    ),
    "gulf_numeric": ("{hd}/{hm2}/{hy}هـ الموافق {d}/{m}/{y}م",),
    "egypt": ("{weekday}، {d} {month} {y}", "{weekday} {d} {month} {y} - {hh}:{mm} {ampm}"),
    "levant": ("{weekday} {d} {levmonth} {y}", "{weekday}، {d} {levmonth} ({month}) {y}"),
    "tunis": ("{weekday} {d} {tnmonth} {y}", "تونس في {d} {tnmonth} {y}"),
    "morocco": ("{weekday} {d} {mamonth} {y}", "{weekday} {d} {mamonth} {y} - {hh}:{mm}"),
}


def _fill(text: str, fields: dict[str, Any]) -> str:
    return text.format(**fields)


def _headline_pool(region: str) -> tuple[str, ...]:
    return OTHER_HEADLINES.get(region, ()) + OTHER_HEADLINES["any"]


def _wrap(paragraph: str, width: int) -> str:
    return "\n".join(
        textwrap.wrap(paragraph, width=width, break_long_words=False, break_on_hyphens=False)
    )


def _plan_article(
    article: Article, tpl: Template, fields: dict[str, Any], rng: random.Random, parts: _PageParts
) -> _ArticleParts:
    pool = _headline_pool(tpl.region)
    art = _ArticleParts(headline=article.title, body=article.paragraphs)
    if tpl.crumbs and rng.random() < 0.7:
        art.crumb = rng.choice(tpl.crumbs)
        parts.phenomena.add("breadcrumb")
    if tpl.bylines and rng.random() < 0.85:
        # The corpus's author field sometimes holds a sentence of the article; a byline doesn't.
        author = article.author if 0 < len(article.author.split()) <= 6 else rng.choice(AUTHORS)
        city = rng.choice(tpl.cities) if tpl.cities else ""
        art.byline = _fill(rng.choice(tpl.bylines), {**fields, "author": author, "city": city})
        parts.phenomena.add("byline")
    if tpl.stamps and rng.random() < 0.8:
        art.stamp = _fill(rng.choice(tpl.stamps), fields)
        parts.phenomena.add("timestamp")
    if rng.random() < 0.45:
        art.caption = rng.choice(CAPTION_PREFIXES) + rng.choice(CAPTIONS)
        parts.phenomena.add("caption_twice")
    if tpl.read_also and len(article.paragraphs) > 2 and rng.random() < 0.7:
        slots = range(1, len(article.paragraphs) - 1)
        for i in rng.sample(slots, k=min(len(slots), rng.randint(1, 2))):
            art.inserts[i] = rng.choice(tpl.read_also) + rng.choice(pool)
        parts.phenomena.add("read_also")
    if tpl.share and rng.random() < 0.8:
        art.share = rng.choice(tpl.share).format(**fields)
        parts.phenomena.add("share")
    if tpl.tags and rng.random() < 0.6:
        words = [w for w in article.title.split() if len(w) > 3][:4] or ["أخبار"]
        prefix = rng.choice(tpl.tags)
        sep = " #" if prefix == "#" else "، "
        art.tags = prefix + sep.join(words)
        parts.phenomena.add("tags")
    return art


def _plan_page(
    articles: Sequence[Article], tpl: Template, rng: random.Random
) -> tuple[_PageParts, dict[str, Any]]:
    first = articles[0]
    fields = _date_fields(first.day, rng)
    fields["hm2"] = f"{gregorian_to_hijri(first.day)[1]:02d}"
    fields["outlet"] = first.outlet
    pool = _headline_pool(tpl.region)
    fields["ticker"] = rng.choice(pool)
    parts = _PageParts(template=tpl, outlet=first.outlet)
    digits = tpl.eastern_digits and rng.random() < 0.6

    def chrome(text: str) -> str:
        return text.translate(EASTERN_DIGITS) if digits else text

    if tpl.nav and rng.random() < 0.9:
        parts.nav = rng.choice(tpl.nav).split(" | ")
        parts.phenomena.add("nav")
    for line in tpl.top:
        if rng.random() < 0.6:
            parts.top.append(chrome(_fill(line, fields)))
            parts.phenomena.add("ticker" if "{ticker}" in line else "widget")
    # The outlet is always recoverable: from the masthead, the copyright line, or both.
    footer = list(rng.choice(tpl.footers)) if tpl.footers else []
    has_outlet_footer = any("{outlet}" in line for line in footer)
    if tpl.mastheads and (rng.random() < 0.8 or not has_outlet_footer):
        parts.masthead = _fill(rng.choice(tpl.mastheads), fields)
        parts.phenomena.add("masthead")
    if tpl.date_style in _DATE_LINES and rng.random() < 0.85:
        parts.date_line = chrome(_fill(rng.choice(_DATE_LINES[tpl.date_style]), fields))
        parts.phenomena.add(
            "hijri_date" if tpl.date_style.startswith(("hijri", "gulf")) else "date"
        )
    for article in articles:
        art = _plan_article(article, tpl, fields, rng, parts)
        art.stamp = chrome(art.stamp) if art.stamp else None
        parts.articles.append(art)
    if len(articles) > 1:
        parts.phenomena.add("multi_article")
    if tpl.related and rng.random() < 0.7:
        parts.related_head = rng.choice(tpl.related)
        parts.related = rng.sample(pool, k=min(len(pool), rng.randint(2, 5)))
        parts.phenomena.add("related")
    if tpl.most_read and rng.random() < 0.6:
        parts.most_read_head = rng.choice(tpl.most_read)
        parts.most_read = rng.sample(pool, k=min(len(pool), rng.randint(3, 6)))
        parts.phenomena.add("most_read")
    if tpl.comments and rng.random() < 0.6:
        parts.comments_head = _fill(rng.choice(tpl.comments), fields)
        comments = READER_COMMENTS.get(tpl.region, READER_COMMENTS["gulf"])
        parts.comments = rng.sample(comments, k=rng.randint(0, min(2, len(comments))))
        parts.phenomena.add("reader_comments" if parts.comments else "comments_head")
    if tpl.form and rng.random() < 0.7:
        parts.form = list(rng.choice(tpl.form))
        parts.phenomena.add("comment_form")
    parts.footer = [_fill(line, fields) for line in footer]
    if parts.footer:
        parts.phenomena.add("footer")
    return parts, fields


def _render_txt(parts: _PageParts, rng: random.Random, wrap_width: int | None) -> str:
    """The page as a text dump: what copying a browser window or a scraper's text gives."""
    tpl = parts.template
    para_sep = "\n\n" if (tpl.blank_line_paragraphs or wrap_width) else "\n"
    chrome_sep = rng.choice(("\n", "\n\n"))
    chunks: list[str] = []
    if parts.nav:
        chunks.append(" | ".join(parts.nav) if rng.random() < 0.5 else "\n".join(parts.nav))
    chunks.extend(parts.top)
    chunks.extend(x for x in (parts.masthead, parts.date_line) if x)
    head = chrome_sep.join(chunks)
    blocks = [head] if head else []
    for art in parts.articles:
        lines = [x for x in (art.crumb, art.headline, art.byline, art.stamp, art.caption) if x]
        blocks.append(chrome_sep.join(lines))
        body = []
        for i, para in enumerate(art.body):
            body.append(_wrap(para, wrap_width) if wrap_width else para)
            if i in art.inserts:
                body.append(art.inserts[i])
        blocks.append(para_sep.join(body))
        tail = [x for x in (art.caption, art.share, art.tags) if x]
        if tail:
            blocks.append(chrome_sep.join(tail))
        if art is parts.articles[0] and parts.related_head:
            blocks.append(chrome_sep.join([parts.related_head, *parts.related]))
    rest: list[str] = []
    if parts.most_read_head:
        rest.append("\n".join([parts.most_read_head, *parts.most_read]))
    if parts.comments_head:
        rest.append("\n".join([parts.comments_head, *parts.comments]))
    if parts.form:
        rest.append("\n".join(parts.form))
    if parts.footer:
        rest.append("\n".join(parts.footer))
    blocks.extend(rest)
    return "\n\n".join(b for b in blocks if b) + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _render_html(parts: _PageParts, rng: random.Random) -> str:
    """The page as a site would serve it: head, header, article, asides, footer, scripts."""
    tpl = parts.template
    css = tpl.css
    first = parts.articles[0]
    title = f"{first.headline} | {parts.outlet}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f'<meta property="og:title" content="{html.escape(first.headline)}">',
        f'<meta property="og:site_name" content="{html.escape(parts.outlet)}">',
        '<link rel="stylesheet" href="/assets/css/main.css">',
        f"<style>.{css} p{{line-height:1.8}}.ticker{{overflow:hidden}}</style>",
        "<script>window.dataLayer=window.dataLayer||[];"
        "function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>",
        "</head>",
        '<body class="rtl">',
        '<header id="site-header">',
    ]
    if parts.masthead:
        out.append(f'<div class="logo"><a href="/">{_e(parts.masthead)}</a></div>')
    if parts.nav:
        items = "".join(
            f'<li><a href="/section/{i}">{_e(x)}</a></li>' for i, x in enumerate(parts.nav)
        )
        out.append(f'<nav class="main-menu"><ul>{items}</ul></nav>')
    if parts.date_line:
        out.append(f'<div class="today-date">{_e(parts.date_line)}</div>')
    for line in parts.top:
        out.append(f'<div class="ticker"><span>{_e(line)}</span></div>')
    out.append("</header>")
    sidebar = _render_sidebar(parts)
    sidebar_first = rng.random() < 0.3
    if sidebar_first:
        out.append(sidebar)
    out.append('<main id="content">')
    for n, art in enumerate(parts.articles):
        out.append(f'<article class="{css}-wrap" id="post-{rng.randint(1000, 99999)}">')
        if art.crumb:
            out.append(f'<div class="breadcrumb">{_e(art.crumb)}</div>')
        tag = "h1" if n == 0 else "h2"
        out.append(f'<{tag} class="{css}-title">{_e(art.headline)}</{tag}>')
        meta = [x for x in (art.byline, art.stamp) if x]
        if meta:
            out.append(
                '<div class="meta">' + " ".join(f"<span>{_e(x)}</span>" for x in meta) + "</div>"
            )
        if art.caption:
            out.append(
                f'<figure><img src="/uploads/{rng.randint(1, 9999)}.jpg" alt="">'
                f"<figcaption>{_e(art.caption)}</figcaption></figure>"
            )
        out.append(_render_body(art, tpl))
        if art.caption:
            out.append(f'<div class="gallery"><p class="caption">{_e(art.caption)}</p></div>')
        if art.share:
            out.append(f'<div class="share-buttons"><a href="#">{_e(art.share)}</a></div>')
        if art.tags:
            out.append(f'<div class="tags">{_e(art.tags)}</div>')
        out.append("</article>")
        if n == 0 and parts.related_head:
            items = "".join(
                f'<li><a href="/news/{i}">{_e(x)}</a></li>' for i, x in enumerate(parts.related)
            )
            out.append(
                f'<section class="related"><h3>{_e(parts.related_head)}</h3><ul>{items}</ul></section>'
            )
    if parts.comments_head or parts.form:
        out.append('<section id="comments">')
        if parts.comments_head:
            out.append(f"<h3>{_e(parts.comments_head)}</h3>")
        for comment in parts.comments:
            out.append(f'<div class="comment"><p>{_e(comment)}</p></div>')
        if parts.form:
            labels = "".join(f"<label>{_e(x)}</label>" for x in parts.form[:-1])
            out.append(
                f'<form method="post">{labels}<textarea></textarea><button>{_e(parts.form[-1])}</button></form>'
            )
        out.append("</section>")
    out.append("</main>")
    if not sidebar_first:
        out.append(sidebar)
    if parts.footer:
        out.append("<footer>" + "".join(f"<p>{_e(x)}</p>" for x in parts.footer) + "</footer>")
    out.append('<script src="/assets/js/app.min.js"></script>')
    out.append("</body>\n</html>")
    return "\n".join(out) + "\n"


def _render_sidebar(parts: _PageParts) -> str:
    if not parts.most_read_head:
        return '<aside class="sidebar"><div class="ad-slot"></div></aside>'
    items = "".join(
        f'<li><a href="/most/{i}">{_e(x)}</a></li>' for i, x in enumerate(parts.most_read)
    )
    return f'<aside class="sidebar"><h3>{_e(parts.most_read_head)}</h3><ol>{items}</ol></aside>'


def _render_body(art: _ArticleParts, tpl: Template) -> str:
    pieces = []
    for i, para in enumerate(art.body):
        if tpl.body_markup == "br":
            pieces.append(_e(para))
        elif tpl.body_markup == "div":
            pieces.append(f'<div class="paragraph">{_e(para)}</div>')
        else:
            pieces.append(f"<p>{_e(para)}</p>")
        if i in art.inserts:
            link = f'<a href="/news/{i}">{_e(art.inserts[i])}</a>'
            pieces.append(
                link
                if tpl.body_markup == "br"
                else f'<p class="read-also"><strong>{link}</strong></p>'
            )
    joiner = "<br><br>\n" if tpl.body_markup == "br" else "\n"
    return f'<div class="{tpl.css}">\n' + joiner.join(pieces) + "\n</div>"


def _must_not_contain(parts: _PageParts, rng: random.Random) -> list[str]:
    """A handful of the chrome strings on the page that the clean body must not contain."""
    candidates = [
        *parts.top,
        *(x for x in (parts.date_line,) if x),
        *parts.related[:2],
        *parts.most_read[:2],
        *parts.comments,
        *parts.form[:2],
        *parts.footer[:1],
    ]
    if parts.nav:
        candidates.append(" ".join(parts.nav[:3]))
    for art in parts.articles:
        candidates.extend(art.inserts.values())
        # Bylines stay out: whether "city - author" belongs to the lead is a judgement call.
        candidates.extend(x for x in (art.caption, art.share, art.tags) if x)
    gold = " \x00 ".join(_norm(x) for art in parts.articles for x in (art.headline, *art.body))
    gold = f" {gold} "
    picked = []
    for text in dict.fromkeys(candidates):
        key = _norm(text)
        if key and f" {key} " not in gold:
            picked.append(text)
    rng.shuffle(picked)
    return sorted(picked[:6])


def _norm(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in normalize_arabic(text)).split())


def build_page(
    index: int,
    articles: Sequence[Article],
    fmt: str,
    template: Template,
    rng: random.Random,
    wrap_width: int | None = None,
) -> SyntheticPage:
    """One page from one or two articles in the given template and format."""
    parts, _ = _plan_page(articles, template, rng)
    if fmt == "txt":
        content = _render_txt(parts, rng, wrap_width)
        if wrap_width:
            parts.phenomena.add("hard_wrap" if wrap_width >= 50 else "hard_wrap_narrow")
        if not (template.blank_line_paragraphs or wrap_width):
            parts.phenomena.add("no_blank_lines")
    else:
        content = _render_html(parts, rng)
        if template.body_markup == "br":
            parts.phenomena.add("br_layout")
    page_id = f"syn-{index:05d}-{template.name}-{fmt}"
    gold = {
        "id": page_id,
        "format": fmt,
        "region": template.region,
        "template": template.name,
        "phenomena": sorted(parts.phenomena),
        "articles": [
            {
                "headline": art.headline,
                "subheadline": None,
                "outlet": parts.outlet,
                "body": "\n\n".join(art.body),
            }
            for art in parts.articles
        ],
        "must_not_contain": _must_not_contain(parts, rng),
    }
    return SyntheticPage(page_id, fmt, content, gold)


def iter_pages(
    articles: Sequence[Article],
    n: int,
    seed: int = 13,
    html_share: float = 0.5,
    multi_share: float = 0.2,
    wrap_share: float = 0.35,
) -> Iterator[SyntheticPage]:
    """``n`` pages, each fixed by (seed, index): the first 60 of 600 are the same 60 pages.

    Templates rotate so every slice covers all of them; formats, hard wraps and second
    articles are drawn per page. Articles are reused (in another template) when ``n``
    exceeds the supply.
    """
    if not articles:
        raise ValueError("no articles to build pages from")
    total = len(articles)
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        template = TEMPLATES[i % len(TEMPLATES)]
        fmt = "html" if rng.random() < html_share else "txt"
        chosen = [articles[i % total]]
        if rng.random() < multi_share and total > 1:
            second = articles[(total - 1 - i) % total]
            if second.title != chosen[0].title:
                chosen.append(second)
        wrap = rng.randint(40, 90) if fmt == "txt" and rng.random() < wrap_share else None
        yield build_page(i, chosen, fmt, template, rng, wrap)
