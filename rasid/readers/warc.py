"""WARC archives (``.warc``, ``.warc.gz``): one :class:`Page` per archived HTML or text page.

Crawls archive everything (scripts, images, redirects, robots.txt), so only successful
(2xx) ``response`` and ``resource`` records with an HTML or plain-text content type become
pages; the rest is skipped without complaint. The WARC-Date is when the page was crawled,
not when it was published, so it goes to ``meta["crawl_date"]``, never ``meta["date"]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from rasid.document import Page
from rasid.readers.decode import decode_for
from rasid.readers.errors import ReadError, report
from rasid.readers.files import DEFAULT_MAX_BYTES, open_file
from rasid.readers.sniff import binary_kind, header_charset, html_charset

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_GZIP = b"\x1f\x8b"


def read_warc(
    path: str | Path,
    problems: list[ReadError] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Page]:
    """Pages of a WARC file; ``position`` is the 1-based number of the record in the file.

    Whole-file failures (unreadable, empty, not a WARC file) raise :class:`ReadError`. A
    page record that cannot be used (payload over ``max_bytes``, empty, binary or
    undecodable) and damage that ends the archive early are reported through
    ``problems`` (see :func:`~rasid.readers.errors.report`).
    """
    with open_file(path) as handle:
        head = handle.read(8192)
        if not head:
            raise ReadError(path, "empty file")
        if not head.startswith((_GZIP, b"WARC/")):
            raise ReadError(path, binary_kind(head) or "not a WARC file (no 'WARC/' header)")
        handle.seek(0)
        yield from _records(path, handle, problems, max_bytes)


def _records(
    path: str | Path, handle: BinaryIO, problems: list[ReadError] | None, max_bytes: int
) -> Iterator[Page]:
    """Walk the archive, noticing damage: warcio stops quietly at a cut-off gzip member and
    hands out a cut-off record as if it were whole, so both are checked here."""
    archive = ArchiveIterator(handle)
    records = iter(archive)
    number = end = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as err:  # a damaged archive fails in many ways inside warcio
            if number == 0:
                raise ReadError(path, f"not a readable WARC file: {_describe(err)}") from None
            damaged = f"archive damaged, rest skipped: {_describe(err)}"
            report(problems, ReadError(path, damaged, number + 1, "record"))
            return
        number += 1
        page = problem = damage = None
        try:
            page = _page(path, number, record, max_bytes)
        except ReadError as err:
            problem = err
        try:  # reads the rest of the record, so a missing tail shows in raw_stream.limit
            end = archive.get_record_offset() + archive.get_record_length()
        except Exception as err:
            damage = f"archive damaged, rest skipped: {_describe(err)}"
        if getattr(record.raw_stream, "limit", 0) > 0:
            damage = "archive cut off inside this record"
            if page is not None:
                page.meta["warc_note"] = "payload cut off: the archive ends inside this record"
        if page is not None:
            yield page
        if problem is not None:
            report(problems, problem)
        if damage is not None:
            report(problems, ReadError(path, damage, number, "record"))
            return
    if _unparsed_tail(handle, end):
        damaged = "archive damaged: unreadable data after the last complete record"
        report(problems, ReadError(path, damaged, number + 1, "record"))


def _unparsed_tail(handle: BinaryIO, end: int) -> bool:
    """Whether anything but blank lines follows the last record warcio could parse."""
    size = os.fstat(handle.fileno()).st_size
    if size - end > 4096:
        return True
    handle.seek(end)
    return bool(handle.read().strip())


def _content_type(record: ArcWarcRecord) -> str | None:
    """The payload's declared type for a page record worth reading, else ``None``."""
    if record.rec_type == "resource":
        return record.rec_headers.get_header("Content-Type") or ""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None  # redirects and error pages are not articles
    return record.http_headers.get_header("Content-Type") or ""


def _page(path: str | Path, number: int, record: ArcWarcRecord, max_bytes: int) -> Page | None:
    content_type = _content_type(record)
    if content_type is None:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES | TEXT_TYPES and mime:
        return None

    def problem(message: str) -> ReadError:
        return ReadError(path, message, number, "record")

    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as err:  # truncated or corrupt payload (gzip, chunking)
        raise problem(f"cannot read payload: {_describe(err)}") from None
    if len(data) > max_bytes:
        raise problem(f"payload too large: over the limit of {max_bytes} bytes")
    if not data.strip():
        raise problem("empty payload")
    if not mime:  # no declared type: accept only what is clearly HTML
        if b"<html" not in data[:2048].lower():
            return None
        mime = "text/html"
    kind = binary_kind(data)
    if kind:
        raise problem(kind)
    is_html = mime in HTML_TYPES
    hint = header_charset(content_type) or (html_charset(data) if is_html else None)
    decoded = decode_for(path, data, hint, number, "record")
    if decoded.text.isspace():
        raise problem("no text: the payload holds only whitespace")
    meta = {
        "url": record.rec_headers.get_header("WARC-Target-URI") or "",
        "crawl_date": record.rec_headers.get_header("WARC-Date") or "",
        "warc_record_id": record.rec_headers.get_header("WARC-Record-ID") or "",
    }
    meta = {key: value for key, value in meta.items() if value}
    if decoded.note:
        meta["decode_note"] = decoded.note
    page = Page(
        source=str(path), format="warc", encoding=decoded.encoding, meta=meta, position=number
    )
    if is_html:
        page.html = decoded.text
    else:
        page.text = decoded.text
    return page


def _describe(err: Exception) -> str:
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
