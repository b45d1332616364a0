"""Bytes to text without silent wrong guesses.

Arabic scrapes arrive in UTF-8, Windows-1256 and ISO-8859-6, often with a wrong or missing
charset declaration. Any single-byte codec "decodes" any bytes, so a guess is accepted only
when the result reads as real text (:mod:`rasid.readers.plausible`); when nothing does, the
caller gets a :class:`ReadError` instead of mojibake that would poison every later stage.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from rasid.readers.errors import ReadError
from rasid.readers.plausible import arabic_score, reads_as_text, text_stats
from rasid.readers.sniff import binary_kind, codec_name

SAMPLE_BYTES = 256 * 1024
_ARABIC_CODECS = ("cp1256", "iso8859_6")
_FALLBACK = "cp1252"  # what "Latin-1" pages really are
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used (a label Python's codecs accept), and a note when
    the decoding lost something (invalid UTF-8 replaced, an incomplete last character)."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; see :func:`decode`."""
    decoded = decode(data, hint)
    return decoded.text, decoded.encoding


def decode(data: bytes, hint: str | None = None) -> Decoded:
    """Decode ``data``, trusting only what can be verified.

    Order: byte-order mark; UTF-8 (also when a few bytes are invalid: they are replaced and
    ``note`` says so; legacy encodings almost never form valid UTF-8 sequences); then
    ``hint`` (a declared charset), Windows-1256, ISO-8859-6, Windows-1252 and
    charset-normalizer's guesses, each kept only if its result reads as text (the Arabic
    codecs only if it reads as Arabic), Arabic readings first, the most Arabic-looking
    winning.
    Raises :class:`ReadError` (without a path) for binary data and for bytes that nothing
    reads plausibly.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data)
    kind = binary_kind(data)
    if kind:
        raise ReadError(None, kind)
    label = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    body = data[3:] if label == "utf-8-sig" else data
    decoded = _utf8(body, label) or _mostly_utf8(body, label)
    if decoded is not None:
        return decoded
    if label == "utf-8-sig":  # the mark rules out every other codec
        raise ReadError(None, "undecodable bytes: UTF-8 byte-order mark but not UTF-8")
    decoded, tried = _legacy(data, hint)
    if decoded is None:
        names = ", ".join(display_name(c) for c in tried)
        raise ReadError(None, f"undecodable bytes: not UTF-8, and no plausible reading as {names}")
    return decoded


def display_name(codec: str) -> str:
    """The usual label for a Python codec name: cp1256 → windows-1256, iso8859_6 → iso-8859-6."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[8:]
    return name.replace("_", "-")


def _utf16(data: bytes) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as err:
        message = f"undecodable bytes: UTF-16 byte-order mark but {err.reason}"
        raise ReadError(None, message) from None
    if _CONTROL_TEXT.search(text[:SAMPLE_BYTES]):
        raise ReadError(None, "binary file (not text): control characters after a UTF-16 mark")
    return Decoded(text, "utf-16")


def _utf8(data: bytes, label: str) -> Decoded | None:
    """Strict UTF-8; a character cut off by a truncated download is dropped, with a note."""
    try:
        return Decoded(data.decode("utf-8"), label)
    except UnicodeDecodeError as err:
        if err.reason != "unexpected end of data" or err.end != len(data):
            return None
        try:
            text = data[: err.start].decode("utf-8")
        except UnicodeDecodeError:
            return None
        return Decoded(text, label, "incomplete UTF-8 character at the end dropped")


def _mostly_utf8(data: bytes, label: str) -> Decoded | None:
    """UTF-8 with at most one invalid sequence per hundred good non-ASCII characters."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    ascii_bytes = len(data) - len(data.translate(None, bytes(range(128))))
    good = len(text) - ascii_bytes - replaced
    if good < 10 or replaced * 100 > good:
        return None
    return Decoded(text, label, f"{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD")


def _sample(data: bytes) -> bytes:
    """Up to 256 KB starting just before the first non-ASCII byte (the evidence), cut at a
    byte that cannot sit inside a multi-byte character."""
    first = _HIGH.search(data)
    if first is None:
        return data[:SAMPLE_BYTES]
    start = max(data.rfind(b"\n", 0, first.start()) + 1, first.start() - 2048)
    end = start + SAMPLE_BYTES
    if end < len(data):
        for sep in (b"\n", b" ", b">"):
            cut = data.rfind(sep, end - 4096, end)
            if cut > start:
                end = cut + 1
                break
    return data[start:end]


def _legacy(data: bytes, hint: str | None) -> tuple[Decoded | None, list[str]]:
    """The best plausible single-/multi-byte reading of ``data``, and the codecs tried.

    charset-normalizer is consulted only when the hint and the Arabic codecs gave no Arabic
    reading; its guesses are verified like everything else.
    """
    sample = _sample(data)
    tried: list[str] = []
    arabic: list[tuple[float, int, str]] = []
    textual: list[str] = []

    def judge(labels: Iterable[str | None]) -> None:
        for label in labels:
            codec = codec_name(label)
            if not codec or codec in tried or codec.startswith("utf_"):
                continue
            tried.append(codec)
            try:
                stats = text_stats(sample.decode(codec))
            except (UnicodeDecodeError, LookupError):
                continue
            score = arabic_score(stats)
            if score is not None:
                arabic.append((score, -len(tried), codec))
            elif codec not in _ARABIC_CODECS and reads_as_text(stats):
                textual.append(codec)

    judge([hint, *_ARABIC_CODECS])
    if not arabic:
        judge([_FALLBACK, *(m.encoding for m in list(from_bytes(sample))[:3])])
    for codec in [c for _, _, c in sorted(arabic, reverse=True)] + textual:
        try:
            return Decoded(data.decode(codec), display_name(codec)), tried
        except UnicodeDecodeError:
            continue
    return None, tried


def decode_for(
    path: str | Path,
    data: bytes,
    hint: str | None = None,
    position: int | None = None,
    unit: str | None = None,
) -> Decoded:
    """:func:`decode`, with any :class:`ReadError` located at ``path`` (and record)."""
    try:
        return decode(data, hint)
    except ReadError as err:
        raise err.at(path, position, unit) from None
