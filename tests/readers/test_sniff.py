"""Declared charsets are found wherever pages put them (and then only used as hints)."""

from __future__ import annotations

import pytest

from rasid.readers.sniff import codec_name, header_charset, html_charset


@pytest.mark.parametrize(
    ("head", "declared"),
    [
        (b'<html><head><meta charset="windows-1256">', "windows-1256"),
        (b"<html><head><META CHARSET=iso-8859-6>", "iso-8859-6"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=Windows-1256" />',
            "Windows-1256",
        ),
        (b'<?xml version="1.0" encoding="ISO-8859-6"?><html>', "ISO-8859-6"),
        (b"<html><body>no declaration</body></html>", None),
    ],
)
def test_html_charset_is_read_from_meta_tags_and_xml_declarations(head, declared):
    assert html_charset(head) == declared


def test_a_charset_mentioned_far_into_the_page_is_not_a_declaration():
    assert html_charset(b"<html>" + b" " * 5000 + b'<meta charset="cp1256">') is None


def test_http_content_type_charset_is_extracted():
    assert header_charset('text/html; charset="windows-1256"') == "windows-1256"
    assert header_charset("text/html") is None
    assert header_charset(None) is None


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("windows-1256", "cp1256"),
        ("ISO-8859-6", "iso8859_6"),
        ("arabic", "iso8859_6"),
        ("iso-8859-1", "cp1252"),  # as browsers read it
        ("us-ascii", "cp1252"),
        ("UTF-8", "utf_8"),
        ("x-no-such-charset", None),
        (None, None),
    ],
)
def test_charset_labels_map_to_python_codecs(label, codec):
    assert codec_name(label) == codec
