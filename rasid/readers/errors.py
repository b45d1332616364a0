"""The one error type readers raise, and the rule for per-record problems.

A whole-file failure (empty, binary, undecodable, too large, unreadable) raises
:class:`ReadError`. A problem with one record of a multi-record file (a broken JSONL line, an
undecodable WARC payload) must not cost the other records, so readers hand it to
:func:`report`: appended to the caller's ``problems`` list when there is one, raised when
there is not, so that nothing is ever dropped silently.
"""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file, directory or record that could not be read, with a message for humans.

    ``position`` and ``unit`` locate a record inside a file ("line" 7 of a JSONL file,
    "record" 3 of a WARC file); both are ``None`` for whole-file problems. ``path`` is
    ``None`` only when raised by :func:`~rasid.readers.decode_bytes`, which sees bytes, not
    files; readers re-raise with the path filled in.
    """

    def __init__(
        self,
        path: str | Path | None,
        message: str,
        position: int | None = None,
        unit: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        super().__init__(self.path, message, position, unit)
        self.message = message
        self.position = position
        self.unit = unit

    def __str__(self) -> str:
        where = self.path or ""
        if self.position is not None:
            where += f" ({self.unit or 'position'} {self.position})"
        return f"{where}: {self.message}" if where else self.message

    def at(self, path: str | Path, position: int | None = None, unit: str | None = None):
        """The same problem located in ``path`` (and record ``position``)."""
        return ReadError(path, self.message, position, unit)


def report(problems: list[ReadError] | None, error: ReadError) -> None:
    """Collect ``error`` into ``problems``, or raise it when the caller keeps no list."""
    if problems is None:
        raise error
    problems.append(error)
