"""The HTML cleaner: trafilatura's output post-processed, metadata preferred for header fields."""

from rasid.document import Page
from rasid.stages.clean import clean_page

HTML = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>انطلاق موسم قطف الزيتون في القرى الجبلية | شبكة الوادي</title>
<meta property="og:site_name" content="شبكة الوادي">
<meta property="article:published_time" content="2024-10-20T08:30:00+03:00">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/local">محليات</a></nav>
<div class="top-date">الأحد 20 أكتوبر 2024</div>
<article class="post">
<h1 class="post-title">انطلاق موسم قطف الزيتون في القرى الجبلية</h1>
<div class="entry-content">
<p>انطلق موسم قطف الزيتون في القرى الجبلية هذا الأسبوع وسط توقعات بإنتاج أعلى من العام الماضي بفضل الأمطار الغزيرة التي هطلت في الشتاء.</p>
<figure><img src="a.jpg" alt="مزارعون يقطفون الزيتون"><figcaption>مزارعون يقطفون الزيتون (أرشيفية)</figcaption></figure>
<p>وقال رئيس جمعية المزارعين إن الجمعية وفرت معاصر متنقلة للمرة الأولى، ما يخفف عن الأسر عناء نقل المحصول إلى المدينة.</p>
<p>اقرأ أيضاً: ارتفاع أسعار زيت الزيتون في الأسواق</p>
<p>وأضاف أن الجمعية تسعى إلى تصدير جزء من الإنتاج إلى الأسواق الأوروبية خلال العام المقبل بعد حصولها على شهادات الجودة.</p>
<p>زر الذهاب إلى الأعلى</p>
</div>
<div class="post-tags">الوسوم: زيتون، زراعة</div>
</article>
<div id="comments"><h3>اترك تعليقاً</h3><form id="commentform"><p>لن يتم نشر عنوان بريدك الإلكتروني.</p></form></div>
<footer>© 2024 شبكة الوادي. جميع الحقوق محفوظة</footer>
</body></html>"""


def _docs(html: str):
    return clean_page(Page(source="p.html", format="html", html=html))


def test_html_body_drops_arabic_chrome_trafilatura_keeps():
    (doc,) = _docs(HTML)
    assert "انطلق موسم قطف الزيتون" in doc.clean_text
    assert "إلى الأسواق الأوروبية" in doc.clean_text
    for chrome in ("زر الذهاب", "اقرأ أيضاً", "الوسوم", "بريدك", "جميع الحقوق"):
        assert chrome not in doc.clean_text
    assert len(doc.clean_text.split("\n\n")) == 3


def test_html_header_fields_come_from_markup_and_metadata():
    (doc,) = _docs(HTML)
    assert doc.headline.value == "انطلاق موسم قطف الزيتون في القرى الجبلية"
    assert doc.outlet.value == "شبكة الوادي"
    assert doc.outlet.method == "html-meta:og:site_name"
    assert doc.published.value == "2024-10-20T08:30:00+03:00"
    assert doc.page_date.value == "الأحد 20 أكتوبر 2024"


def test_html_page_with_two_article_containers_yields_two_documents():
    second = HTML.split("<article", 1)[1].split("</article>")[0]
    second = second.replace(
        "انطلاق موسم قطف الزيتون في القرى الجبلية", "افتتاح جسر جديد يربط ضفتي النهر"
    )
    second = second.replace("انطلق موسم قطف الزيتون", "افتتح محافظ المدينة جسرا جديدا")
    page = HTML.replace("</article>", "</article><article" + second + "</article>", 1)
    docs = _docs(page)
    assert len(docs) == 2
    assert docs[1].headline.value == "افتتاح جسر جديد يربط ضفتي النهر"
    assert "افتتح محافظ المدينة" in docs[1].clean_text
    assert "افتتح محافظ المدينة" not in docs[0].clean_text


def test_truncated_or_empty_html_does_not_raise():
    assert _docs(HTML[: len(HTML) // 2])
    (doc,) = _docs("")
    assert doc.clean_text == "" and doc.warnings
