"""Which files to read: formats by extension, and a folder walk that survives bad folders.

A scrape folder is messy (hidden editor files, images, unreadable subfolders left by another
user, symlink loops); the walk yields what rasid can read in a stable order and reports the
rest instead of stopping, so one bad folder never costs a whole corpus.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rasid.readers.errors import ReadError, report

# Longest suffix first, so that "x.warc.gz" is a WARC file and not something else.
FORMATS: dict[str, str] = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SUPPORTED_EXTENSIONS = tuple(FORMATS)
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def file_format(path: str | Path) -> str | None:
    """The format the file name says (case-insensitive): txt, html, jsonl, warc or None."""
    name = Path(path).name.lower()
    for suffix, fmt in FORMATS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return fmt
    return None


def iter_files(
    paths: Iterable[str | Path], errors: list[ReadError] | None = None
) -> Iterator[Path]:
    """Readable-format files among ``paths``; folders are walked recursively.

    Entries of a folder come in sorted name order, each subfolder walked where it sorts;
    hidden entries (names starting with ".") and unsupported extensions inside folders are
    skipped; a file reached twice is yielded once.

    Problems: a path given explicitly that is missing or of an unsupported type, a folder
    that cannot be listed, a readable-format name that cannot be followed (a dangling or
    looping symlink). Each is appended to ``errors`` when given, and the walk goes on;
    without a list the first one raises :class:`ReadError`. Whether a file's content can be
    read is found out by :func:`~rasid.readers.read_path`, which opens it anyway.
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except OSError as err:
            report(errors, ReadError(path, os_message(err)))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, info, errors, seen)
        elif file_format(path) is None:
            supported = " ".join(SUPPORTED_EXTENSIONS)
            report(errors, ReadError(path, f"unsupported file type (supported: {supported})"))
        elif _first_visit(info, seen):
            yield path


def _walk(
    folder: Path, info: os.stat_result, errors: list[ReadError] | None, seen: set
) -> Iterator[Path]:
    if not _first_visit(info, seen):
        return  # a symlink back to a folder already walked
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        report(errors, ReadError(folder, f"cannot list folder: {os_message(err)}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            entry_info = entry.stat()
        except OSError as err:  # a dangling or looping symlink (or a file deleted meanwhile)
            if file_format(path):
                report(errors, ReadError(path, f"cannot read file: {os_message(err)}"))
            continue
        if stat.S_ISDIR(entry_info.st_mode):
            yield from _walk(path, entry_info, errors, seen)
        elif (
            stat.S_ISREG(entry_info.st_mode)
            and file_format(path)
            and _first_visit(entry_info, seen)
        ):
            yield path


def _first_visit(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def os_message(err: OSError) -> str:
    """The OS reason alone, e.g. "permission denied", without errno and path."""
    return err.strerror.lower() if err.strerror else str(err)


def open_file(path: str | Path) -> BinaryIO:
    """The file opened for binary reading, or :class:`ReadError` saying why it cannot be."""
    try:
        return open(path, "rb")
    except OSError as err:
        raise ReadError(path, f"cannot read file: {os_message(err)}") from None


def read_file_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The whole file, refusing empty files and files over ``max_bytes`` before reading."""
    with open_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise ReadError(path, f"file too large: {_size(size)} > limit {_size(max_bytes)}")
        try:
            # read what stat promised (a buffer of max_bytes would be allocated per file)
            data = handle.read(size + 1)
            if len(data) > size:  # the file is growing: read on, up to the limit
                data += handle.read(max_bytes + 1 - len(data))
        except OSError as err:
            raise ReadError(path, f"cannot read file: {os_message(err)}") from None
    if len(data) > max_bytes:  # grew while we read it
        raise ReadError(path, f"file too large: over the limit of {_size(max_bytes)}")
    if not data:
        raise ReadError(path, "empty file")
    return data


def _size(size: int) -> str:
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
