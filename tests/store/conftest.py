"""Documents for store tests, built without readers or the clean stage.

The store's behaviour does not depend on how text was extracted, so these tests build
documents directly and run only the normalize and segment stages on them.
"""

from __future__ import annotations

import hashlib

import pytest

from rasid.document import Document, Found
from rasid.stages.normalize import normalize_stage
from rasid.stages.segment import segment_stage


def build_doc(headline: str, text: str, *, outlet: str | None = None, source: str = "x.txt"):
    page_id = hashlib.sha1((headline + text).encode()).hexdigest()[:16]
    doc = Document(
        id=Document.make_id(page_id, 0),
        page_id=page_id,
        article_index=0,
        source=source,
        format="txt",
        raw_text=headline + "\n" + text,
        clean_text=text,
        headline=Found(headline, "first-line", "raw", 0, len(headline)),
        outlet=Found(outlet, "test") if outlet else None,
        published=Found("2024-03-05", "test"),
    )
    return segment_stage(normalize_stage(doc))


@pytest.fixture
def make_doc():
    """``make_doc(headline, text, outlet=…)`` → a normalized, segmented Document."""
    return build_doc


@pytest.fixture
def docs():
    return [
        build_doc(
            "اشتباكات قرب طرابلس",
            "قالت مصادر محلية إن قوات موالية لحفتر تقدمت نحو الضواحي الجنوبية للعاصمة.\n\n"
            "وأعلنت الحكومةُ حالة الطوارئ في المدينة ودعت السكان إلى التزام منازلهم.",
            outlet="الوسط",
        ),
        build_doc(
            "تونس: حكومة جديدة تؤدي اليمين",
            "أدّت حكومة جديدة اليمين الدستورية أمام الرئيس في قصر قرطاج صباح الخميس.",
            outlet="الشروق",
        ),
        build_doc(
            "مصطفى يلتقي وفداً أممياً",
            "التقى رئيس المجلس مصطفى بن علي وفداً من الأمم المتحدة لبحث ملف الانتخابات.",
        ),
    ]
