"""A small scrape folder as users have them: good pages in several formats, and some junk.

All text was written for these tests. Good inputs: a plain-text article, an HTML article, a
JSONL export with two articles (and one broken line), an English article. Junk: an empty
file and a binary file with an .html name. Assertions stay on what the reader and pipeline
contracts promise (which file gave which text, languages, failures), not on the cleaner's
current heuristics.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli import main

LIBYA_TXT = """\
اشتباكات متقطعة جنوب طرابلس وسط دعوات دولية للتهدئة

طرابلس - الثلاثاء 5 مارس 2024

قالت مصادر محلية إن قوات موالية لحفتر تقدمت نحو الضواحي الجنوبية للعاصمة الليبية فجر اليوم، بعد ليلة من الاشتباكات المتقطعة التي سُمعت أصواتها في أحياء عدة.

وأعلنت الحكومةُ في بيان مقتضب حالة الطوارئ في المدينة، ودعت السكان إلى التزام منازلهم وعدم الاقتراب من مناطق التماس حتى إشعار آخر.

من جهتها، طالبت بعثة الأمم المتحدة في ليبيا جميع الأطراف بوقف فوري لإطلاق النار، وحذّرت من أن استمرار القتال يهدد المسار السياسي الهش.
"""

TUNISIA_HTML = """\
<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>حكومة جديدة تؤدي اليمين الدستورية في تونس | الشروق</title>
<meta property="og:site_name" content="الشروق">
<meta property="og:title" content="حكومة جديدة تؤدي اليمين الدستورية في تونس">
<meta property="article:published_time" content="2024-02-11T09:30:00+01:00">
</head>
<body>
<nav><a href="/">الرئيسية</a> | <a href="/politics">سياسة</a> | <a href="/sport">رياضة</a></nav>
<article>
<h1>حكومة جديدة تؤدي اليمين الدستورية في تونس</h1>
<p>أدّت الحكومة التونسية الجديدة اليمين الدستورية صباح الأحد أمام رئيس الجمهورية في قصر قرطاج، بعد أسابيع من المشاورات بين الأحزاب والمنظمات الوطنية.</p>
<p>وتضم الحكومة أربعة وعشرين وزيراً وكاتب دولة، من بينهم ست نساء، فيما احتفظ وزير الخارجية بمنصبه للمرة الثانية على التوالي.</p>
<p>وقال رئيس الحكومة في كلمة مقتضبة عقب أداء اليمين إن الأولوية ستكون لمعالجة غلاء الأسعار وتحسين الخدمات العامة في المناطق الداخلية.</p>
</article>
<footer>جميع الحقوق محفوظة © 2024</footer>
</body>
</html>
"""

FEED = [
    {
        "url": "https://example.org/economy/1",
        "title": "ارتفاع أسعار النفط بعد قرار خفض الإنتاج",
        "date": "2024-04-02",
        "outlet": "الاقتصادية",
        "text": (
            "ارتفعت أسعار النفط في تعاملات الثلاثاء بعد إعلان عدد من الدول المنتجة تمديد "
            "خفض الإنتاج حتى نهاية العام.\n\nوقال محللون إن السوق تترقب بيانات المخزونات "
            "الأمريكية المتوقع صدورها غداً، والتي قد تحدد اتجاه الأسعار في الأسابيع المقبلة."
        ),
    },
    {
        "url": "https://example.org/culture/7",
        "title": "افتتاح معرض الكتاب بمشاركة ستمائة دار نشر",
        "date": "2024-04-03",
        "outlet": "الاقتصادية",
        "text": (
            "افتتح وزير الثقافة مساء الأربعاء الدورة الجديدة من معرض الكتاب بمشاركة نحو "
            "ستمائة دار نشر عربية وأجنبية.\n\nويستمر المعرض عشرة أيام، ويتضمن برنامجه "
            "ندوات فكرية وأمسيات شعرية وورشاً للأطفال في قاعات المعرض المختلفة."
        ),
    },
]

ENGLISH_TXT = """\
Port authority reopens northern terminal after repairs

The port authority said on Monday that the northern container terminal had reopened after three weeks of repairs to its cranes and quay walls.

Shipping agents welcomed the decision, saying that delays had pushed several carriers to divert vessels to neighbouring ports.
"""


def write_scrape(folder: Path) -> Path:
    """Write the sample scrape into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "libya.txt").write_text(LIBYA_TXT, encoding="utf-8")
    (folder / "tunisia.html").write_text(TUNISIA_HTML, encoding="utf-8")
    lines = [json.dumps(FEED[0], ensure_ascii=False), "{not json", json.dumps(FEED[1])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "port.txt").write_text(ENGLISH_TXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


@pytest.fixture
def scrape(tmp_path) -> Path:
    return write_scrape(tmp_path / "scrape")


@pytest.fixture
def run_cli(monkeypatch):
    """``run_cli(*args)`` → click Result; ``$RASID_DB`` unset so only ``--db`` counts."""
    monkeypatch.delenv("RASID_DB", raising=False)
    runner = CliRunner()

    def run(*args: object, **kwargs):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return run
