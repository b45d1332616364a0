"""The text-page cleaner: chrome out, hard wraps joined, articles split, header fields found."""

from rasid.document import Page
from rasid.stages.clean import clean_page

PAGE = """آخر الأخبار
الرئيسية
اقتصاد
الأربعاء 15 مايو 2024 الموافق 07 ذو القعدة 1445
جريدة الساحل
عاجل: انقطاع الكهرباء عن أحياء في المدينة الشرقية

وزارة المالية تعلن خطة لخفض العجز خلال ثلاث سنوات

تتضمن الخطة مراجعة الدعم وتوسيع قاعدة الضرائب

كتب: سامي العتيبي

أعلنت وزارة المالية، اليوم الأربعاء، خطة متوسطة المدى تهدف إلى خفض عجز
الموازنة العامة إلى أقل من ثلاثة في المئة من الناتج المحلي بحلول نهاية
العقد، وذلك عبر مراجعة برامج الدعم وتحسين كفاءة الإنفاق.

وقال وزير المالية في مؤتمر صحافي إن الحكومة لن تمس رواتب الموظفين، مضيفا أن
الإصلاحات ستطبق على مراحل حتى لا تتأثر الأسر ذات الدخل المحدود.

صورة أرشيفية لمبنى وزارة المالية (أرشيفية)

صورة أرشيفية لمبنى وزارة المالية (أرشيفية)

اقرأ أيضاً: البنك المركزي يبقي أسعار الفائدة دون تغيير

وأوضح الوزير أن الخطة تشمل إطلاق منصة رقمية لمتابعة المشاريع الحكومية، وأن
التقارير الدورية ستنشر كل ثلاثة أشهر ليطلع عليها المواطنون والمستثمرون.

الوسوم: المالية، الموازنة، الضرائب

شارك
فيسبوك
تويتر
واتساب

مقالات ذات صلة
ارتفاع أسعار الذهب في السوق المحلية
افتتاح معرض الكتاب بمشاركة واسعة
تراجع معدلات البطالة في الربع الأول

اترك تعليقاً
لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *

© 2024 جريدة الساحل. جميع الحقوق محفوظة
زر الذهاب إلى الأعلى
"""

TWO = """الرئيسية
رياضة
نادي الشروق يفوز بكأس البطولة بعد مباراة مثيرة
فاز نادي الشروق بكأس البطولة المحلية مساء أمس بعد تغلبه على منافسه بهدفين مقابل هدف في مباراة حضرها أكثر من ثلاثين ألف متفرج.
وسجل المهاجم الشاب هدف الفوز في الدقيقة الأخيرة من الوقت بدل الضائع، لتنطلق احتفالات الجماهير في شوارع المدينة حتى ساعة متأخرة.
وقال مدرب الفريق إن اللاعبين أظهروا روحا عالية طوال الموسم، وإن هذا اللقب ثمرة عمل جماعي بدأ قبل ثلاث سنوات.
المصدر: وكالات
اترك تعليقاً
مهرجان المسرح يفتتح دورته العاشرة بعرض من تونس
الخميس 16 مايو 2024
افتتح مهرجان المسرح العربي دورته العاشرة مساء الأربعاء بعرض قدمته فرقة تونسية، بحضور عدد كبير من الفنانين والنقاد القادمين من عواصم عربية مختلفة.
ويشارك في المهرجان هذا العام أربعة عشر عرضا تتنافس على جوائزه، إلى جانب ندوات فكرية وورش تدريبية للشباب تستمر طوال أيام المهرجان.
"""


def _docs(text: str):
    return clean_page(Page(source="t.txt", format="txt", text=text))


def test_text_page_body_keeps_paragraphs_and_drops_chrome():
    (doc,) = _docs(PAGE)
    paras = doc.clean_text.split("\n\n")
    assert len(paras) == 3
    assert paras[0].startswith("أعلنت وزارة المالية")
    for chrome in (
        "آخر الأخبار",
        "اقرأ أيضاً",
        "الوسوم",
        "فيسبوك",
        "مقالات ذات صلة",
        "اترك تعليقاً",
        "بريدك الإلكتروني",
        "جميع الحقوق",
        "زر الذهاب",
        "أرشيفية",
        "ارتفاع أسعار الذهب",
        "كتب:",
    ):
        assert chrome not in doc.clean_text


def test_hard_wrapped_lines_are_rejoined_into_one_paragraph():
    (doc,) = _docs(PAGE)
    first = doc.clean_text.split("\n\n")[0]
    assert "\n" not in first
    assert "عجز الموازنة العامة" in first
    assert "بحلول نهاية العقد" in first


def test_headline_subheadline_outlet_and_dates_found_with_offsets():
    (doc,) = _docs(PAGE)
    assert doc.headline.value == "وزارة المالية تعلن خطة لخفض العجز خلال ثلاث سنوات"
    assert doc.subheadline.value == "تتضمن الخطة مراجعة الدعم وتوسيع قاعدة الضرائب"
    assert doc.outlet.value == "جريدة الساحل"
    assert doc.page_date.value == "الأربعاء 15 مايو 2024 الموافق 07 ذو القعدة 1445"
    assert PAGE[doc.page_date.start : doc.page_date.end] == doc.page_date.value
    assert PAGE[doc.headline.start : doc.headline.end] == doc.headline.value


def test_page_with_two_articles_yields_two_documents_with_own_headlines():
    first, second = _docs(TWO)
    assert first.headline.value.startswith("نادي الشروق يفوز")
    assert second.headline.value.startswith("مهرجان المسرح يفتتح")
    assert "المسرح" not in first.clean_text
    assert "الشروق" not in second.clean_text
    assert second.published.value == "الخميس 16 مايو 2024"
    assert first.id != second.id and first.page_id == second.page_id
    assert second.id.startswith(first.page_id)


def test_lines_without_blank_separators_still_split_into_paragraphs():
    first, _ = _docs(TWO)
    assert len(first.clean_text.split("\n\n")) == 3


def test_page_without_article_text_yields_one_empty_document_with_warning():
    (doc,) = _docs("الرئيسية\nسياسة\nاقتصاد\nزر الذهاب إلى الأعلى\n")
    assert doc.clean_text == ""
    assert doc.warnings


def test_interview_questions_between_paragraphs_are_kept():
    text = (
        "حوار مع وزيرة الثقافة حول خطط العام المقبل\n\n"
        "التقت الصحيفة وزيرة الثقافة في مكتبها للحديث عن المشاريع الجديدة التي تعتزم "
        "الوزارة إطلاقها خلال العام المقبل.\n\n"
        "ما أبرز المشاريع؟\n\n"
        "أهمها إنشاء مكتبات عامة في القرى البعيدة، وتدريب المعلمين على أنشطة القراءة، "
        "ودعم دور النشر الصغيرة.\n\n"
        "ومتى تبدأ؟\n\n"
        "نأمل أن تبدأ المرحلة الأولى في الربيع المقبل بعد إقرار الموازنة من البرلمان.\n"
    )
    (doc,) = _docs(text)
    assert "ما أبرز المشاريع؟" in doc.clean_text
    assert "ومتى تبدأ؟" in doc.clean_text
    assert doc.headline.value.startswith("حوار مع وزيرة الثقافة")


def test_same_page_gives_same_ids():
    assert [d.id for d in _docs(PAGE)] == [d.id for d in _docs(PAGE)]


def test_site_name_over_the_date_header_is_not_taken_for_the_headline():
    page = (
        "Accueil | Actualités | Sport\n"
        "صدى الأطلس 24\n"
        "الجمعة 15 نونبر 2024\n\n"
        "جهات\n\n"
        "افتتاح سوق أسبوعي جديد للمنتجات الفلاحية بضواحي مكناس\n\n"
        "مكناس: سعيد العلوي\n\n"
        "افتتحت السلطات المحلية بضواحي مكناس سوقاً أسبوعياً جديداً مخصصاً للمنتجات الفلاحية، "
        "في خطوة تهدف إلى تقريب الفلاحين الصغار من المستهلكين وتقليص عدد الوسطاء.\n\n"
        "ويضم السوق أكثر من مئتي محل مجهز، إضافة إلى فضاء لبيع المواشي ومرافق صحية وموقف "
        "للسيارات، على أن يفتح أبوابه كل يوم أحد ابتداء من الأسبوع المقبل.\n"
    )
    (doc,) = _docs(page)
    assert doc.headline.value == "افتتاح سوق أسبوعي جديد للمنتجات الفلاحية بضواحي مكناس"
    assert doc.subheadline is None
    assert doc.outlet is None or "صدى الأطلس" in doc.outlet.value
    assert "سعيد العلوي" not in doc.clean_text


def test_a_record_with_its_own_title_stays_one_article():
    record = Page(
        source="feed.jsonl",
        format="jsonl",
        text=TWO,
        meta={"title": "نشرة الرياضة والثقافة", "date": "2024-05-16", "outlet": "الساحل"},
        position=3,
    )
    (doc,) = clean_page(record)
    assert doc.headline.value == "نشرة الرياضة والثقافة" and doc.headline.method == "metadata:title"
    assert "فاز نادي الشروق" in doc.clean_text and "افتتح مهرجان المسرح" in doc.clean_text
    assert doc.published.value == "2024-05-16" and doc.outlet.value == "الساحل"
