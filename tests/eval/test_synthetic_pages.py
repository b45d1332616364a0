"""The synthetic pages are only worth scoring against if their gold is true to the page."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.clean_eval import token_join, visible_text
from eval.synthetic_pages import (
    TEMPLATES,
    builtin_articles,
    gregorian_to_hijri,
    iter_pages,
    split_paragraphs,
)


def _pages(n=60, **kw):
    return list(iter_pages(builtin_articles(40, seed=5), n, seed=5, **kw))


def test_same_seed_same_pages_and_a_slice_is_a_prefix():
    a, b = _pages(30), _pages(60)
    assert [(p.id, p.content, p.gold) for p in a] == [(p.id, p.content, p.gold) for p in b[:30]]


def test_every_template_and_both_formats_appear():
    pages = _pages(60)
    assert {p.gold["template"] for p in pages} == {t.name for t in TEMPLATES}
    assert {p.format for p in pages} == {"txt", "html"}
    assert any(len(p.gold["articles"]) == 2 for p in pages)
    assert any(x.startswith("hard_wrap") for p in pages for x in p.gold["phenomena"])


def test_gold_text_is_on_the_page_and_chrome_is_not_gold():
    for page in _pages(60):
        seen = token_join(page.content if page.format == "txt" else visible_text(page.content))
        for art in page.gold["articles"]:
            assert token_join(art["headline"]) in seen
            for para in art["body"].split("\n\n"):  # read-also lines may sit between them
                assert token_join(para) in seen, page.id
            assert token_join(art["outlet"]) in seen, page.id
            for bad in page.gold["must_not_contain"]:
                assert f" {token_join(bad)} " not in f" {token_join(art['body'])} "
        for bad in page.gold["must_not_contain"]:
            assert token_join(bad) in seen, (page.id, bad)


def test_hard_wraps_stay_inside_paragraphs_and_width():
    wrapped = [
        p for p in _pages(120) if {"hard_wrap", "hard_wrap_narrow"} & set(p.gold["phenomena"])
    ]
    assert wrapped
    for page in wrapped:
        blocks = [b for b in page.content.split("\n\n") if b.strip()]
        for art in page.gold["articles"]:
            for para in art["body"].split("\n\n"):
                # each paragraph is one blank-line block of lines no longer than 90 characters
                block = next(b for b in blocks if token_join(b) == token_join(para))
                assert "\n" in block or len(para) <= 90
                assert max(len(line) for line in block.splitlines()) <= 90


def test_hijri_conversion_is_within_a_day_of_umm_al_qura():
    from datetime import date

    assert gregorian_to_hijri(date(2015, 7, 21))[:2] == (1436, 10)  # 5 Shawwal 1436
    assert gregorian_to_hijri(date(2015, 7, 17)) in {(1436, 10, 1), (1436, 9, 30)}


def test_corpus_residue_is_not_gold():
    content = (
        "Next Previous الرياض - واس\n\n أعلن المجلس &quot;الخطة&quot; اليوم.\n\n"
        "// انتهى //\n\n19:12 ت م\n\n14:18 ت م NNNN\nرابط الخبر بصحيفة الوئام: عنوان\n"
    )
    assert split_paragraphs(content) == ("الرياض - واس", 'أعلن المجلس "الخطة" اليوم.')
