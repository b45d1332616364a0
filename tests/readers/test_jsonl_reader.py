"""JSONL: one page per good line, whatever the scraper named its fields; bad lines reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.readers import ReadError, read_path

from .samples import ARABIC_NEWS


def write_lines(path: Path, lines: list[str | dict]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_field_aliases_fill_text_html_and_meta(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            {
                "content": ARABIC_NEWS,
                "link": "https://example.com/a/1",
                "headline": "افتتاح مستشفى في الزرقاء",
                "published_at": "2024-03-05",
                "site_name": "صحيفة المثال",
            },
            {
                "raw_html": "<p>خبر</p>",
                "url": "https://example.com/a/2",
                "pubDate": "Tue, 05 Mar 2024 10:00:00 GMT",
                "publisher": "وكالة المثال",
            },
            {"body": "نص الخبر", "date_published": "2024-03-06", "source": {"name": "BBC"}},
        ],
    )
    first, second, third = read_path(path)
    assert (first.format, first.text, first.html, first.position) == (
        "jsonl",
        ARABIC_NEWS,
        None,
        1,
    )
    assert first.meta == {
        "url": "https://example.com/a/1",
        "title": "افتتاح مستشفى في الزرقاء",
        "date": "2024-03-05",
        "outlet": "صحيفة المثال",
    }
    assert (second.text, second.html) == (None, "<p>خبر</p>")
    assert second.meta["date"] == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert second.meta["outlet"] == "وكالة المثال"
    assert third.meta == {"date": "2024-03-06", "outlet": "BBC"}
    assert {page.source for page in (first, second, third)} == {str(path)}


def test_field_names_match_ignoring_case_and_separators(tmp_path):
    record = {"Article": "نص", "publishedAt": "2024-03-05", "siteName": "المثال", "Title": "ع"}
    (page,) = read_path(write_lines(tmp_path / "feed.ndjson", [record]))
    assert page.text == "نص"
    assert page.meta == {"date": "2024-03-05", "outlet": "المثال", "title": "ع"}


def test_a_record_may_carry_both_text_and_html(tmp_path):
    record = {"text": "نص", "html": "<p>نص</p>"}
    (page,) = read_path(write_lines(tmp_path / "feed.jsonl", [record]))
    assert (page.text, page.html) == ("نص", "<p>نص</p>")


def test_the_first_non_blank_alias_wins(tmp_path):
    record = {"text": "  ", "content": None, "body": ["فقرة أولى", "فقرة ثانية"]}
    (page,) = read_path(write_lines(tmp_path / "feed.jsonl", [record]))
    assert page.text == "فقرة أولى\n\nفقرة ثانية"


def test_bad_lines_are_reported_and_the_other_lines_still_read(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            {"text": "الخبر الأول"},
            '{"text": "مقطوع',  # broken JSON
            {"title": "عنوان بلا نص", "url": "https://example.com/x"},
            "[1, 2]",
            {"text": "الخبر الأخير"},
        ],
    )
    problems: list[ReadError] = []
    pages = list(read_path(path, problems))
    assert [(p.text, p.position) for p in pages] == [("الخبر الأول", 1), ("الخبر الأخير", 5)]
    assert [(e.position, e.unit) for e in problems] == [(2, "line"), (3, "line"), (4, "line")]
    assert problems[0].message.startswith("invalid JSON: Unterminated string")
    assert problems[1].message.startswith("no text or html field (looked for: text, content")
    assert problems[2].message == "expected a JSON object, found list"
    assert str(problems[1]).startswith(f"{path} (line 3): no text or html field")


def test_an_empty_text_field_is_reported_as_empty_not_missing(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [{"text": " ", "title": "عنوان"}])
    problems: list[ReadError] = []
    assert list(read_path(path, problems)) == []
    assert problems[0].message == "no text: the text/html field is empty or not a string"


def test_without_a_problem_list_the_first_bad_line_raises(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [{"text": "الأول"}, "{oops", {"text": "الثالث"}])
    pages = read_path(path)
    assert next(pages).text == "الأول"
    with pytest.raises(ReadError, match=r"\(line 2\): invalid JSON"):
        next(pages)


def test_blank_lines_are_skipped_and_positions_stay_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "\xd8\xa3"}\r\n\r\n   \n{"text": "\xd8\xa8"}')
    assert [(p.text, p.position) for p in read_path(path)] == [("أ", 1), ("ب", 4)]


def test_a_windows_1256_line_is_decoded_and_labelled(tmp_path):
    path = tmp_path / "feed.jsonl"
    line = json.dumps({"text": ARABIC_NEWS}, ensure_ascii=False).encode("cp1256")
    path.write_bytes(b'{"text": "utf8 line"}\n' + line + b"\n")
    first, second = read_path(path)
    assert (first.encoding, second.encoding) == ("utf-8", "windows-1256")
    assert second.text == ARABIC_NEWS


def test_a_line_over_the_limit_is_reported_and_skipped(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [{"text": "x" * 5000}, {"text": "قصير"}])
    problems: list[ReadError] = []
    pages = list(read_path(path, problems, max_bytes=1000))
    assert [p.text for p in pages] == ["قصير"]
    assert [(e.position, e.message) for e in problems] == [
        (1, "line too long: over the limit of 1000 bytes")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\n  \n\n", "no records: the file holds only blank lines"),
        (b'{"text": "a"}\x00\x00\x00', "binary file (not text): found NUL bytes"),
        (b"PK\x03\x04rest-of-a-zip", "binary file (not text): ZIP archive (or .docx/.xlsx/.epub)"),
    ],
)
def test_whole_file_failures_raise(tmp_path, content, message):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        list(read_path(path, []))
    assert (caught.value.message, caught.value.position) == (message, None)
