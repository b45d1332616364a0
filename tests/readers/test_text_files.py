"""read_path on .txt and .html files: one page per file, or a ReadError that says why not."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from rasid.readers import ReadError, read_path

from .samples import ARABIC_NEWS, ENGLISH_NEWS


def read_one(path: Path, **kwargs):
    pages = list(read_path(path, **kwargs))
    assert len(pages) == 1
    return pages[0]


def refusal(path: Path, **kwargs) -> str:
    with pytest.raises(ReadError) as caught:
        list(read_path(path, **kwargs))
    assert caught.value.path == str(path)
    return caught.value.message


def test_txt_file_becomes_one_text_page_with_the_path_as_source(tmp_path):
    path = tmp_path / "news.txt"
    path.write_bytes(ARABIC_NEWS.encode("utf-8"))
    page = read_one(path)
    assert (page.source, page.format, page.encoding) == (str(path), "txt", "utf-8")
    assert (page.text, page.html, page.position, page.meta) == (ARABIC_NEWS, None, None, {})


def test_source_keeps_a_relative_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news.text").write_text(ARABIC_NEWS, encoding="utf-8")
    assert read_one("news.text").source == "news.text"


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1256", "windows-1256"),
        ("iso8859_6", "iso-8859-6"),
    ],
)
def test_arabic_text_files_round_trip_in_every_supported_encoding(tmp_path, codec, reported):
    path = tmp_path / "news.txt"
    path.write_bytes(ARABIC_NEWS.encode(codec))
    page = read_one(path)
    assert (page.text, page.encoding) == (ARABIC_NEWS, reported)


def test_html_file_keeps_its_markup_for_the_clean_stage(tmp_path):
    html = f"<html><head><title>خبر</title></head><body><p>{ARABIC_NEWS}</p></body></html>"
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    page = read_one(path)
    assert (page.format, page.html, page.text) == ("html", html, None)


def test_html_declared_charset_is_checked_not_trusted(tmp_path):
    declared_wrongly = '<html><head><meta charset="windows-1256"></head><body><p>'
    html = declared_wrongly + ARABIC_NEWS + "</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("iso8859_6"))
    page = read_one(path)
    assert (page.html, page.encoding) == (html, "iso-8859-6")


def test_truncated_html_still_yields_a_page(tmp_path):
    html = "<html><head><title>الزرقاء</title></head><body><article><p>" + ARABIC_NEWS + "وقال"
    data = html.encode("utf-8")[:-1]  # cut inside the last character, no closing tags
    path = tmp_path / "cut.xhtml"
    path.write_bytes(data)
    page = read_one(path)
    assert page.html == html[:-1]
    assert page.meta == {"decode_note": "incomplete UTF-8 character at the end dropped"}


def test_english_page_is_read_not_rejected(tmp_path):
    path = tmp_path / "english.html"
    html = f"<html><body><p>{ENGLISH_NEWS}</p></body></html>"
    path.write_bytes(html.encode("cp1252"))
    page = read_one(path)
    assert (page.html, page.encoding) == (html, "windows-1252")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refusal(path) == "empty file"


def test_byte_order_mark_alone_counts_as_no_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8)
    assert refusal(path) == "no text: the file holds only whitespace"


def test_whitespace_only_file_is_refused(tmp_path):
    path = tmp_path / "blank.html"
    path.write_bytes(b"  \n\t\r\n  \n")
    assert refusal(path) == "no text: the file holds only whitespace"


def test_file_with_nul_bytes_is_refused_as_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(ARABIC_NEWS.encode("utf-8") + b"\x00\x01\x02\x00")
    assert refusal(path) == "binary file (not text): found NUL bytes"


def test_image_saved_as_html_is_refused_naming_the_image_type(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert refusal(path) == "binary file (not text): PNG image"


def test_undecodable_file_is_refused(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(ARABIC_NEWS.encode("cp1256") + ARABIC_NEWS.encode("utf-8"))
    assert refusal(path).startswith("undecodable bytes: not UTF-8, and no plausible reading as")


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"news " * 300_000)  # 1.4 MB
    assert refusal(path, max_bytes=2**20) == "file too large: 1.4 MB > limit 1 MB"
    assert read_one(path, max_bytes=2 * 2**20).text.startswith("news news")


def test_unsupported_extension_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert refusal(path).startswith("unsupported file type (supported: .warc.gz .warc .txt")


def test_file_that_cannot_be_opened_is_refused(tmp_path, make_unreadable):
    path = tmp_path / "secret.txt"
    path.write_text(ARABIC_NEWS, encoding="utf-8")
    make_unreadable(path)
    assert refusal(path) == "cannot read file: permission denied"


def test_missing_file_is_refused(tmp_path):
    assert refusal(tmp_path / "gone.txt") == "cannot read file: no such file or directory"
