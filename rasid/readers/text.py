"""Single-page files: ``.txt`` and ``.html`` (one file, one :class:`Page`).

HTML metadata (title, canonical URL, dates) is left to the clean stage, which parses the
markup anyway; the reader's job is only to get the characters right. Truncated HTML is kept:
the extractor copes with unclosed tags, and a cut-off page still holds an article.
"""

from __future__ import annotations

from pathlib import Path

from rasid.document import Page
from rasid.readers.decode import decode_for
from rasid.readers.errors import ReadError
from rasid.readers.files import DEFAULT_MAX_BYTES, read_file_bytes
from rasid.readers.sniff import html_charset


def read_single(path: str | Path, fmt: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """The page in a ``txt`` or ``html`` file; :class:`ReadError` if there is none."""
    data = read_file_bytes(path, max_bytes)
    decoded = decode_for(path, data, html_charset(data) if fmt == "html" else None)
    text = decoded.text
    if not text or text.isspace():
        raise ReadError(path, "no text: the file holds only whitespace")
    page = Page(source=str(path), format=fmt, encoding=decoded.encoding)
    if fmt == "html":
        page.html = text
    else:
        page.text = text
    if decoded.note:
        page.meta["decode_note"] = decoded.note
    return page
