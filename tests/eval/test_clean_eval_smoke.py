"""The clean eval's metrics on tiny pages whose right answers are worked out by hand.

A broken metric makes every number in BENCHMARKS.md wrong at once, silently; these pin the
arithmetic (token P/R/F1, alignment of several articles, leakage) to known values.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.clean_eval import (
    Case,
    GoldArticle,
    SysDoc,
    aggregate,
    align,
    baseline_system,
    chrome_lines,
    headline_match,
    leaked_lines,
    prf,
    score_page,
    strings_found,
    tokens,
    visible_text,
)

OIL = "ارتفعت أسعار النفط اليوم بعد تراجع المخزونات.\n\nوقال محللون إن الطلب قوي."
MATCH = "فاز الهلال على النصر بهدفين في المباراة.\n\nوسجل المهاجم الهدفين."


def test_tokens_fold_spelling_and_drop_punctuation():
    assert tokens("قال: «إنّ الأمرَ انتهى»، اقرأ أيضاً!") == [
        "قال",
        "ان",
        "الامر",
        "انتهي",
        "اقرا",
        "ايضا",
    ]


def test_prf_arithmetic_on_a_multiset():
    # gold 6 tokens, output 6 tokens, 4 shared -> P = R = F1 = 2/3
    case = Case(
        "t", "gold", "txt", "", [GoldArticle("عنوان", "قال الوزير إن المشروع سيكتمل قريباً.")]
    )
    sc = score_page(case, [SysDoc("قال الوزير ان المشروع. اقرأ أيضاً")])
    assert (sc.tp, sc.n_sys, sc.n_gold) == (4, 6, 6)
    assert sc.prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # repeated tokens count once per occurrence: "في" three times in gold, once in output
    assert prf(1, 1, 3) == pytest.approx((1.0, 1 / 3, 0.5))
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)


def test_two_articles_align_to_the_documents_that_hold_them():
    gold = [GoldArticle("النفط يرتفع", OIL), GoldArticle("الهلال يفوز", MATCH)]
    docs = [
        SysDoc(MATCH.replace("\n\nوسجل المهاجم الهدفين.", "") + "\n\nشارك الخبر", "الهلال يفوز"),
        SysDoc(OIL, "النفط يرتفع اليوم"),
        SysDoc("جميع الحقوق محفوظة"),
    ]
    from collections import Counter

    pairs = align([Counter(tokens(g.body)) for g in gold], [Counter(tokens(d.body)) for d in docs])
    assert pairs == [(0, 1, 12), (1, 0, 7)]
    sc = score_page(Case("p", "gold", "txt", "", gold), docs)
    # tp = 12 + 7; output = 9 + 12 + 3 tokens; gold = 12 + 10 tokens
    assert (sc.tp, sc.n_sys, sc.n_gold) == (19, 24, 22)
    assert sc.n_docs == 3 and sc.n_articles == 2
    assert (sc.headlines, sc.headline_exact, sc.headline_lenient) == (2, 1, 1)
    # paragraphs: both oil paragraphs match exactly, the match's first one too: 3 of 4 gold, 3 of 5 output
    assert (sc.para_tp, sc.para_gold, sc.para_sys) == (3, 4, 5)


def test_an_article_the_system_missed_scores_recall_zero():
    gold = [GoldArticle("النفط يرتفع", OIL), GoldArticle("الهلال يفوز", MATCH)]
    sc = score_page(Case("p", "gold", "txt", "", gold), [SysDoc(OIL, "النفط يرتفع")])
    assert sc.prf == pytest.approx((1.0, 12 / 22, 2 * (12 / 22) / (1 + 12 / 22)))
    assert (sc.headlines, sc.headline_exact) == (2, 1)
    assert sc.headline_pairs[1] == ("الهلال يفوز", None)


def test_must_not_contain_matches_normalized_whole_tokens():
    body = "وقال الوزير إن العمل مستمر.\n\nاقرا ايضا - الهلال يفوز\n\nوأكد حرصه على الحقوقيين."
    found = strings_found(["اقرأ أيضاً: الهلال يفوز", "جميع الحقوق محفوظة", "الحقوق"], [body])
    assert found == ["اقرأ أيضاً: الهلال يفوز"]
    case = Case("p", "gold", "txt", "", [GoldArticle("ع", "وقال الوزير إن العمل مستمر.")])
    case.must_not_contain = ["اقرأ أيضاً: الهلال يفوز", "جميع الحقوق محفوظة"]
    sc = score_page(case, [SysDoc(body)])
    assert (sc.mnc, len(sc.mnc_leaked)) == (2, 1)


def test_chrome_lines_and_their_leakage():
    raw = [
        "الرئيسية | محليات | رياضة",
        "الوزير يفتتح المشروع",
        "قال الوزير إن المشروع",  # a hard-wrapped piece of the body: article text
        "سيكتمل قريباً.",
        "مشاركة",
        "جميع الحقوق محفوظة 2015",
    ]
    gold = ["الوزير يفتتح المشروع", "قال الوزير إن المشروع سيكتمل قريباً."]
    lines = chrome_lines(raw, gold)
    assert lines == ["الرئيسية | محليات | رياضة", "مشاركة", "جميع الحقوق محفوظة 2015"]
    # a one-word chrome line leaks only as a whole line, not as a word inside a sentence
    assert leaked_lines(lines, ["قال الوزير إن المشروع سيكتمل قريباً.\n\nمشاركة"]) == ["مشاركة"]
    assert leaked_lines(lines, ["وأكد أن مشاركة القطاع الخاص مهمة."]) == []
    assert leaked_lines(lines, ["نص. جميع الحقوق محفوظة 2015"]) == ["جميع الحقوق محفوظة 2015"]


def test_headline_match_exact_and_lenient():
    assert headline_match("النفط يرتفع لأعلى مستوى", "النفط يرتفع لأعلى مستوى.") == (True, True)
    assert headline_match(
        "النفط يرتفع لأعلى مستوى في شهرين", "النفط يرتفع لاعلى مستوى في شهرين!!"
    ) == (True, True)
    assert headline_match("النفط يرتفع لأعلى مستوى في شهرين", "النفط يرتفع لأعلى مستوى في شهر") == (
        False,
        True,
    )
    assert headline_match("النفط يرتفع", "الهلال يفوز") == (False, False)
    assert headline_match("النفط يرتفع", None) == (False, False)


def test_aggregate_micro_and_per_page_mean_differ():
    a = Case("a", "gold", "txt", "", [GoldArticle(None, "واحد")])
    b = Case("b", "gold", "txt", "", [GoldArticle(None, "اثنان ثلاثة اربعة")])
    scores = [score_page(a, [SysDoc("واحد")]), score_page(b, [SysDoc("خمسة ستة سبعة")])]
    agg = aggregate(scores)
    assert agg["precision"] == pytest.approx(1 / 4)
    assert agg["recall"] == pytest.approx(1 / 4)
    assert agg["f1_page_mean"] == pytest.approx(0.5)
    assert agg["count_acc"] == 1.0
    assert agg["headline_exact"] is None


def test_visible_text_drops_scripts_and_puts_blocks_on_lines():
    markup = (
        "<html><head><title>عنوان الصفحة</title><style>p{}</style></head><body>"
        "<nav><a>الرئيسية</a><a>أخبار</a></nav><script>var x = 1;</script>"
        "<p>الفقرة <b>الأولى</b></p><p>الفقرة الثانية<br>سطر</p></body></html>"
    )
    assert visible_text(markup).splitlines() == [
        "الرئيسيةأخبار",
        "الفقرة الأولى",
        "الفقرة الثانية",
        "سطر",
    ]
    docs = baseline_system(Case("h", "gold", "html", markup, []))
    assert docs[0].headline == "الرئيسيةأخبار"
