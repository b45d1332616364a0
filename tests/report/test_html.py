"""report.html: self-contained, right-to-left, every document with how its facts were found."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from rasid.document import Document, Found, Span
from rasid.report.html import anchor, render_report
from rasid.run import Problem


def _doc(doc_id: str, headline: str, paragraphs: list[str], **kw) -> Document:
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for para in paragraphs:
        spans.append(Span(pos, pos + len(para), "paragraph", para))
        pos += len(para) + 2
    return Document(
        id=doc_id,
        page_id=doc_id,
        article_index=0,
        source=f"/data/scrape/{doc_id}.html",
        format="html",
        clean_text=text,
        headline=Found(headline, "html-h1"),
        paragraphs=spans,
        language=kw.pop("language", "ar"),
        **kw,
    )


@pytest.fixture
def documents():
    return [
        _doc(
            "a1",
            "البرلمان يقر موازنة العام المقبل",
            [
                "أقر البرلمان مساء الاثنين مشروع الموازنة العامة بأغلبية مريحة.",
                "وقال رئيس لجنة المالية إن العجز سينخفض إلى أقل من أربعة في المئة.",
            ],
            subheadline=Found("تصويت بعد جلسة استمرت تسع ساعات", "html-h2"),
            outlet=Found("النهار", "html-meta:og:site_name"),
            published=Found("2024-05-06T18:00:00+03:00", "html-meta:article:published_time"),
            page_date=Found("الثلاثاء 7 مايو 2024", "dateline", "clean", 0, 19),
            url="https://example.org/a1",
        ),
        _doc(
            "b2",
            "Floods close coastal road",
            ["Heavy rain closed the coastal road on Sunday."],
            language="other",
        ),
    ]


@pytest.fixture
def report(documents):
    failures = [Problem("/data/scrape/feed.jsonl", "invalid JSON: Expecting value", 4, "line")]
    warnings = [Problem("/data/scrape/menu.html", "document c3 is empty after cleaning")]
    return render_report(documents, failures, warnings, generated_at="2024-05-07T10:00:00+00:00")


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Collect()
    parser.feed(html)
    return parser.tags


def test_the_page_is_arabic_right_to_left(report):
    assert report.startswith('<!doctype html>\n<html lang="ar" dir="rtl">')
    assert '<meta charset="utf-8">' in report


def test_the_report_fetches_nothing(report):
    tags = _tags(report)
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe")]
    assert "@import" not in report and "url(" not in report
    for _, attrs in tags:
        assert not (attrs.get("src") or "").startswith(("http", "//"))
    # links to the outside appear only as text, never as something the browser loads
    assert all(not a.get("href", "#").startswith("http") for _, a in tags)


def test_each_document_shows_its_facts_with_how_they_were_found(report):
    for text in (
        "البرلمان يقر موازنة العام المقبل",
        "تصويت بعد جلسة استمرت تسع ساعات",
        "النهار",
        "html-meta:og:site_name",
        "2024-05-06T18:00:00+03:00",
        "html-meta:article:published_time",
        "الثلاثاء 7 مايو 2024",
        "dateline",
        "/data/scrape/a1.html",
        "https://example.org/a1",
    ):
        assert text in report, text


def test_the_clean_text_is_shown_paragraph_by_paragraph(report):
    assert "<p>أقر البرلمان مساء الاثنين مشروع الموازنة العامة بأغلبية مريحة.</p>" in report
    assert "<p>وقال رئيس لجنة المالية إن العجز سينخفض إلى أقل من أربعة في المئة.</p>" in report


def test_the_table_of_contents_links_to_every_document(report, documents):
    ids = {a.get("id") for _, a in _tags(report)}
    toc = re.search(r'<nav class="toc".*?</nav>', report, re.S).group()
    for doc in documents:
        assert f'href="#{anchor(doc)}"' in toc
        assert anchor(doc) in ids


def test_a_non_arabic_document_is_marked_and_keeps_its_own_direction(report):
    card = re.search(r'<article class="doc" id="doc-b2">.*?</article>', report, re.S).group()
    assert "ليست بالعربية" in card
    assert '<p dir="auto">Heavy rain closed the coastal road on Sunday.</p>' in card


def test_failures_and_warnings_are_listed(report):
    failures = re.search(r'<section id="failures">.*?</section>', report, re.S).group()
    assert "/data/scrape/feed.jsonl" in failures
    assert "السطر 4" in failures
    assert "invalid JSON: Expecting value" in failures
    assert (
        "/data/scrape/menu.html"
        in re.search(r'<section id="warnings">.*?</section>', report, re.S).group()
    )


def test_scraped_text_cannot_inject_markup():
    doc = _doc("x9", '<script>alert("x")</script>', ['<img src=x onerror="alert(1)"> نص'])
    doc.outlet = Found('"><b>', "meta")
    html = render_report([doc], [Problem("<i>.html", "<b>bad</b>")])
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert not [t for t, _ in _tags(html) if t in ("script", "img", "b", "i")]


def test_an_empty_corpus_still_renders(documents):
    html = render_report([], [])
    assert "لم يُعثر على أي وثيقة" in html
    assert 'id="failures"' not in html


def test_names_are_marked_and_link_to_the_corpus_actor_table():
    from rasid.document import Actor

    text = "قال المشير خليفة حفتر إن <الهدنة> صامدة."
    doc = _doc("e1", "عنوان", [text])
    start = text.index("خليفة")
    doc.spans["entities"] = [
        Span(
            start,
            start + len("خليفة حفتر"),
            "PER",
            "خليفة حفتر",
            {"type": "PER", "actor": "per-1", "role": "المشير", "epithet": None},
        )
    ]
    doc.actors = [Actor("per-1", "PER", "خليفة حفتر", 1, ["خليفة حفتر"], ["المشير"])]
    table = [
        {
            "id": "per-1",
            "type": "PER",
            "name": "خليفة حفتر",
            "documents": 1,
            "mentions": 1,
            "aliases": ["خليفة حفتر"],
            "roles": ["المشير"],
        }
    ]
    page = render_report([doc], actors=table)
    assert re.search(
        r'<a class="ent ent-PER" href="#actor-per-1" title="[^"]*المشير[^"]*">خليفة حفتر</a>', page
    )
    assert '<tr id="actor-per-1">' in page
    assert "الفاعلون (1)" in page  # the document's own actor list
    assert "&lt;الهدنة&gt;" in page  # the text around a name is still escaped
