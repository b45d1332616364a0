"""WARC: archived HTML and text responses become pages; everything else in a crawl is skipped."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.readers import ReadError, read_path

from .samples import ARABIC_NEWS

CRAWLED = "2024-03-05T10:00:00Z"
HTML_1256 = f"<html><body><h1>افتتاح مستشفى</h1><p>{ARABIC_NEWS}</p></body></html>"
HTML_UTF8 = "<html><body><p>بيان وزارة الصحة</p></body></html>"


def response(
    writer: WARCWriter, url: str, body: bytes, content_type: str | None, status: str = "200 OK"
):
    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": CRAWLED},
    )


def write_warc(path: Path, records: list[tuple], gzip: bool) -> Path:
    """``records``: (url, body, content type[, status]) responses, after a warcinfo record."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for record in records:
            writer.write_record(response(writer, *record))
    return path


CRAWL = [
    ("https://example.com/news/1", HTML_1256.encode("cp1256"), "text/html; charset=windows-1256"),
    ("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    ("https://example.com/news/2", HTML_UTF8.encode("utf-8"), "text/html"),
]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_pages_and_the_image_is_skipped(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), CRAWL, gzip)
    problems: list[ReadError] = []
    first, second = read_path(path, problems)
    assert problems == []
    assert (first.format, first.source, first.html, first.text) == (
        "warc",
        str(path),
        HTML_1256,
        None,
    )
    assert (first.encoding, second.encoding) == ("windows-1256", "utf-8")
    assert second.html == HTML_UTF8
    assert (first.position, second.position) == (2, 4)  # record 1 is the warcinfo
    assert first.meta["url"] == "https://example.com/news/1"
    assert first.meta["crawl_date"] == CRAWLED
    assert "date" not in first.meta  # crawling is not publishing
    assert first.meta["warc_record_id"].startswith("<urn:uuid:")


def test_a_wrong_http_charset_is_overruled(tmp_path):
    records = [
        ("https://example.com/1", HTML_1256.encode("iso8859_6"), "text/html; charset=cp1256")
    ]
    (page,) = read_path(write_warc(tmp_path / "crawl.warc", records, gzip=False))
    assert (page.html, page.encoding) == (HTML_1256, "iso-8859-6")


def test_plain_text_response_becomes_a_text_page(tmp_path):
    records = [("https://example.com/a.txt", ARABIC_NEWS.encode("utf-8"), "text/plain")]
    (page,) = read_path(write_warc(tmp_path / "crawl.warc", records, gzip=False))
    assert (page.text, page.html) == (ARABIC_NEWS, None)


def test_an_archived_resource_record_becomes_a_page(tmp_path):
    path = tmp_path / "files.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        record = writer.create_warc_record(
            "file:///scrape/page.html",
            "resource",
            payload=BytesIO(HTML_1256.encode("cp1256")),
            warc_content_type="text/html",
        )
        writer.write_record(record)
    (page,) = read_path(path)
    assert (page.html, page.encoding, page.position) == (HTML_1256, "windows-1256", 1)
    assert page.meta["url"] == "file:///scrape/page.html"


def test_redirects_errors_and_non_page_types_are_skipped_silently(tmp_path):
    records = [
        ("https://example.com/old", b"<html>moved</html>", "text/html", "301 Moved Permanently"),
        ("https://example.com/gone", b"<html>not found</html>", "text/html", "404 Not Found"),
        ("https://example.com/app.js", b"var x = 1;", "application/javascript"),
        ("https://example.com/style.css", b"body {}", "text/css"),
        ("https://example.com/ok", HTML_UTF8.encode("utf-8"), "text/html"),
    ]
    problems: list[ReadError] = []
    pages = list(read_path(write_warc(tmp_path / "crawl.warc", records, gzip=True), problems))
    assert [p.meta["url"] for p in pages] == ["https://example.com/ok"]
    assert problems == []


def test_a_response_without_content_type_is_kept_only_if_it_is_html(tmp_path):
    records = [
        ("https://example.com/1", HTML_UTF8.encode("utf-8"), None),
        ("https://example.com/2", b"just some bytes", None),
    ]
    pages = list(read_path(write_warc(tmp_path / "crawl.warc", records, gzip=False)))
    assert [p.meta["url"] for p in pages] == ["https://example.com/1"]


def test_bad_payloads_are_reported_per_record_and_the_rest_is_read(tmp_path):
    mixed = ARABIC_NEWS.encode("cp1256") + ARABIC_NEWS.encode("utf-8")
    records = [
        ("https://example.com/mixed", mixed, "text/html"),
        ("https://example.com/empty", b"", "text/html"),
        ("https://example.com/fake", b"%PDF-1.4 ...", "text/html"),
        ("https://example.com/ok", HTML_UTF8.encode("utf-8"), "text/html"),
    ]
    problems: list[ReadError] = []
    pages = list(read_path(write_warc(tmp_path / "crawl.warc", records, gzip=True), problems))
    assert [p.position for p in pages] == [5]
    assert [(e.position, e.unit) for e in problems] == [(2, "record"), (3, "record"), (4, "record")]
    assert problems[0].message.startswith("undecodable bytes")
    assert problems[1].message == "empty payload"
    assert problems[2].message == "binary file (not text): PDF document"


def test_a_payload_over_the_limit_is_reported(tmp_path):
    records = [("https://example.com/big", b"<p>" + b"x" * 5000 + b"</p>", "text/html")]
    path = write_warc(tmp_path / "crawl.warc", records, gzip=False)
    problems: list[ReadError] = []
    assert list(read_path(path, problems, max_bytes=1000)) == []
    assert problems[0].message == "payload too large: over the limit of 1000 bytes"


def test_without_a_problem_list_a_bad_record_raises(tmp_path):
    records = [("https://example.com/empty", b"", "text/html")]
    with pytest.raises(ReadError, match=r"\(record 2\): empty payload"):
        list(read_path(write_warc(tmp_path / "crawl.warc", records, gzip=False)))


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_an_archive_cut_inside_a_record_header_keeps_the_pages_before(tmp_path, gzip):
    path = write_warc(tmp_path / "crawl.warc", CRAWL, gzip)
    path.write_bytes(path.read_bytes()[:-200])  # the last record loses its HTTP headers
    problems: list[ReadError] = []
    pages = list(read_path(path, problems))
    assert [p.position for p in pages] == [2]
    assert [(e.position, e.message) for e in problems] == [
        (4, "archive damaged: unreadable data after the last complete record")
    ]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_an_archive_cut_inside_a_payload_keeps_the_partial_page_and_says_so(tmp_path, gzip):
    path = write_warc(tmp_path / "crawl.warc", CRAWL, gzip)
    path.write_bytes(path.read_bytes()[:-50])  # the last page loses its end
    problems: list[ReadError] = []
    pages = list(read_path(path, problems))
    assert [p.position for p in pages] == [2, 4]
    assert HTML_UTF8.startswith(pages[1].html)
    assert pages[1].meta["warc_note"] == "payload cut off: the archive ends inside this record"
    assert [(e.position, e.message) for e in problems] == [
        (4, "archive cut off inside this record")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"just a text file\n", "not a WARC file (no 'WARC/' header)"),
        (b"%PDF-1.4\n", "binary file (not text): PDF document"),
    ],
)
def test_files_that_are_not_warc_archives_are_refused(tmp_path, content, message):
    path = tmp_path / "crawl.warc"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        list(read_path(path, []))
    assert caught.value.message == message


def test_a_gzip_file_that_is_not_a_warc_is_refused(tmp_path):
    import gzip

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"hello, not an archive\n"))
    with pytest.raises(ReadError, match="not a readable WARC file"):
        list(read_path(path, []))
