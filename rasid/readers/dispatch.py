"""One entry point for any supported file, and one for whole folders of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rasid.document import Page
from rasid.readers.errors import ReadError
from rasid.readers.files import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, file_format, iter_files
from rasid.readers.jsonl import read_jsonl
from rasid.readers.text import read_single
from rasid.readers.warc import read_warc


def read_path(
    path: str | Path,
    problems: list[ReadError] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Page]:
    """The pages in one file, by extension: ``.txt`` and ``.html`` give one page, ``.jsonl``
    one per line, ``.warc``/``.warc.gz`` one per archived HTML or text page.

    Lazy: errors surface while iterating. A whole-file failure raises :class:`ReadError`
    (pages already yielded stay valid). A bad record inside a JSONL or WARC file is
    appended to ``problems`` and reading goes on; with ``problems=None`` it raises instead,
    so nothing is dropped silently. ``max_bytes`` caps a txt/html file and each JSONL line
    or WARC payload; JSONL and WARC files themselves are streamed and may be any size.
    """
    fmt = file_format(path)
    if fmt is None:
        supported = " ".join(SUPPORTED_EXTENSIONS)
        raise ReadError(path, f"unsupported file type (supported: {supported})")
    if fmt == "jsonl":
        yield from read_jsonl(path, problems, max_bytes)
    elif fmt == "warc":
        yield from read_warc(path, problems, max_bytes)
    else:
        yield read_single(path, fmt, max_bytes)


def read_paths(
    paths: Iterable[str | Path],
    problems: list[ReadError],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Page]:
    """Every page under ``paths`` (files and folders, see :func:`iter_files`), collecting
    every problem, whole-file or per-record, into ``problems`` instead of stopping."""
    for path in iter_files(paths, problems):
        try:
            yield from read_path(path, problems, max_bytes=max_bytes)
        except ReadError as err:
            problems.append(err)
