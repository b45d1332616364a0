"""Cheap looks at raw bytes: is this binary, and what charset does the file claim?

Scrape folders collect PDFs, images and archives next to the pages; telling the user "PNG
image" beats "cannot decode". Declared charsets (HTTP headers, ``<meta charset>``, XML
declarations) are often wrong on Arabic sites, so they are only hints for
:mod:`rasid.readers.decode`, which verifies them.
"""

from __future__ import annotations

import codecs
import re

SNIFF_BYTES = 8192

# Signature → kind. Checked in order; the first match wins.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc/.xls)"),
    (b"\x7fELF", "ELF executable"),
)

# C0 controls that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.10


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text (a message), or ``None`` if its first 8 KB look like text.

    Callers check byte-order marks first: UTF-16 text is full of NUL bytes.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"binary file (not text): {kind}"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "binary file (not text): WebP image"
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary file (not text): found NUL bytes"
    controls = len(_CONTROL.findall(head))
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        share = 100 * controls / len(head)
        return f"binary file (not text): {share:.0f}% control characters"
    return None


_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its XML declaration or first ``<meta>`` tags."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` value."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do pages in the wild.
_AS_WINDOWS_1252 = {"ascii", "latin_1", "iso8859_1"}


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or ``None`` for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name
