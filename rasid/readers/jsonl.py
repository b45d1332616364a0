"""JSONL / NDJSON exports: one article per line, under whatever field names the scraper used.

Scrapers disagree on names (``content`` or ``body``, ``pubDate`` or ``published_at``), so
field names are matched case-insensitively with ``_``/``-`` ignored against the alias lists
below. A broken line is one lost record, not a lost file: it goes to ``problems`` and the
next line is read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rasid.document import Page
from rasid.readers.decode import decode_for
from rasid.readers.errors import ReadError, report
from rasid.readers.files import DEFAULT_MAX_BYTES, open_file
from rasid.readers.sniff import binary_kind

TEXT_FIELDS = ("text", "content", "body", "article")
HTML_FIELDS = ("html", "raw_html")
META_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "date_published", "pubDate"),
    "outlet": ("outlet", "source", "site", "site_name", "publisher"),
}
_SEPARATORS = re.compile(r"[_\-\s]")


def read_jsonl(
    path: str | Path,
    problems: list[ReadError] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Page]:
    """A :class:`Page` per good line; ``position`` is the 1-based line number.

    Whole-file failures (unreadable, empty, binary, only blank lines) raise
    :class:`ReadError`. A bad line (not JSON, not an object, undecodable, longer than
    ``max_bytes``, no text or html) is reported through ``problems`` (see
    :func:`~rasid.readers.errors.report`). Blank lines are skipped.
    """
    with open_file(path) as handle:
        head = handle.read(8192)
        if not head:
            raise ReadError(path, "empty file")
        kind = binary_kind(head)
        if kind:
            raise ReadError(path, kind)
        handle.seek(0)
        records = 0
        for number, line in _lines(handle, max_bytes):
            records += 1
            if line is None:
                message = f"line too long: over the limit of {max_bytes} bytes"
                report(problems, ReadError(path, message, number, "line"))
                continue
            try:
                yield _page(path, number, line)
            except ReadError as err:
                report(problems, err)
    if not records:
        raise ReadError(path, "no records: the file holds only blank lines")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Non-blank lines with their numbers; ``None`` for a line longer than ``max_bytes``."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if len(line) > max_bytes:
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = handle.readline(max_bytes + 1)
            yield number, None
        elif line.strip():
            yield number, line


def _page(path: str | Path, number: int, line: bytes) -> Page:
    def problem(message: str) -> ReadError:
        return ReadError(path, message, number, "line")

    try:
        decoded_line, encoding, note = line.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        decoded = decode_for(path, line, position=number, unit="line")
        decoded_line, encoding, note = decoded.text, decoded.encoding, decoded.note
    try:
        record = json.loads(decoded_line.strip())
    except json.JSONDecodeError as err:
        raise problem(f"invalid JSON: {err.msg} (column {err.colno})") from None
    if not isinstance(record, dict):
        raise problem(f"expected a JSON object, found {type(record).__name__}")
    fields: dict[str, Any] = {}
    for key, value in record.items():
        fields.setdefault(_norm(str(key)), value)
    text, html = _first(fields, TEXT_FIELDS, _as_text), _first(fields, HTML_FIELDS, _as_text)
    if text is None and html is None:
        content_fields = TEXT_FIELDS + HTML_FIELDS
        if any(_norm(name) in fields for name in content_fields):
            raise problem("no text: the text/html field is empty or not a string")
        raise problem(f"no text or html field (looked for: {', '.join(content_fields)})")
    meta = {}
    for name, aliases in META_FIELDS.items():
        value = _first(fields, aliases, _as_meta)
        if value:
            meta[name] = value
    if note:
        meta["decode_note"] = note
    return Page(
        source=str(path),
        format="jsonl",
        text=text,
        html=html,
        encoding=encoding,
        meta=meta,
        position=number,
    )


def _norm(key: str) -> str:
    return _SEPARATORS.sub("", key).lower()


def _first(
    fields: dict[str, Any], aliases: tuple[str, ...], convert: Callable[[Any], str | None]
) -> str | None:
    """The first alias whose value converts to a non-blank string."""
    for alias in aliases:
        value = convert(fields.get(_norm(alias)))
        if value and not value.isspace():
            return value
    return None


def _as_text(value: Any) -> str | None:
    """A string, or a list of strings (paragraphs) joined by blank lines."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def _as_meta(value: Any) -> str | None:
    """A string or number; for an object like ``{"name": "BBC"}``, its name."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return value.strip() if isinstance(value, str) else None
