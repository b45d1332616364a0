"""Files on disk to documents: the one loop behind ``rasid analyze`` and ``rasid ingest``.

A corpus is thousands of files scraped from many sites, and some of them will be broken. The
rule here is that one bad file never costs the others: each file is read and processed on
its own, anything that goes wrong inside it (a :class:`~rasid.readers.ReadError`, a bug in a
stage) becomes a :class:`Problem` on that file's :class:`FileResult`, and the loop moves on.
A file either yields all its documents or none, so what is stored or written never holds half
a file. Broken records inside a multi-record file (a bad JSONL line) are reported without
failing the records around them, because the reader can tell exactly which record is bad.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasid.document import Document
from rasid.pipeline import Pipeline, default_pipeline
from rasid.readers import ReadError, iter_files, read_path


@dataclass
class Problem:
    """Something that went wrong (a failure) or looks wrong (a warning), and where."""

    path: str
    message: str
    position: int | None = None
    unit: str | None = None  # "line" of a JSONL file, "record" of a WARC file

    @classmethod
    def from_read_error(cls, error: ReadError, path: Path) -> Problem:
        return cls(error.path or str(path), error.message, error.position, error.unit)

    @property
    def where(self) -> str:
        """``path`` or ``path (line 7)``: how the problem is located for a person."""
        if self.position is None:
            return self.path
        return f"{self.path} ({self.unit or 'position'} {self.position})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "position": self.position,
            "unit": self.unit,
            "message": self.message,
        }


@dataclass
class FileResult:
    """What one input file gave: its documents, or the failure that stopped it.

    ``failures`` may be non-empty while ``documents`` is not, when some records of a
    multi-record file were unreadable; ``complete`` tells the two cases apart.
    """

    path: Path
    documents: list[Document] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    complete: bool = True

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def _unit(fmt: str) -> str:
    return "line" if fmt == "jsonl" else "record"


def process_file(path: Path, pipeline: Pipeline) -> FileResult:
    """Read and process one file; never raises for a problem with the file itself.

    ``KeyboardInterrupt`` still propagates: stopping a run is not a file failure.
    """
    result = FileResult(path)
    problems: list[ReadError] = []
    docs: list[Document] = []
    where: tuple[int | None, str | None] = (None, None)
    try:
        for page in read_path(path, problems=problems):
            where = (page.position, _unit(page.format) if page.position is not None else None)
            page_docs = pipeline.process(page)
            if not page_docs:
                result.warnings.append(Problem(str(path), "no article text found", *where))
            for doc in page_docs:
                if not doc.clean_text.strip():
                    message = f"document {doc.id} is empty after cleaning"
                    if doc.warnings:
                        message += f" ({'; '.join(doc.warnings)})"
                    result.warnings.append(Problem(str(path), message, *where))
            docs.extend(page_docs)
            where = (None, None)  # a later reader error is not about this page
    except ReadError as exc:
        result.failures.append(Problem.from_read_error(exc, path))
        result.complete = False
    except Exception as exc:  # a bug in a reader or stage: fail this file, keep going
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        result.failures.append(Problem(str(path), message, *where))
        result.complete = False
    result.failures[:0] = [Problem.from_read_error(p, path) for p in problems]
    if result.complete:
        result.documents = docs
    else:
        result.warnings.clear()  # about documents that are not kept
    return result


class Run:
    """The files under some paths, processed one by one as the run is iterated.

    Files are found up front (sorted, so runs are reproducible) so that a progress bar
    knows the total; directories or files that cannot even be listed come out first as
    failed results.
    """

    def __init__(self, paths: Iterable[str | Path], pipeline: Pipeline | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.pipeline = pipeline or default_pipeline()
        errors: list[ReadError] = []
        self.files: Sequence[Path] = list(iter_files(self.paths, errors=errors))
        self.errors = [Problem.from_read_error(e, Path(e.path or "")) for e in errors]

    def __len__(self) -> int:
        return len(self.files)

    def results(self, on_file: Callable[[Path], None] | None = None) -> Iterator[FileResult]:
        """Yield one :class:`FileResult` per listing error and per file, in order.

        ``on_file(path)`` is called before each file is processed (a progress bar hook).
        """
        for problem in self.errors:
            yield FileResult(Path(problem.path), failures=[problem], complete=False)
        for path in self.files:
            if on_file is not None:
                on_file(path)
            yield process_file(path, self.pipeline)


@dataclass
class Tally:
    """Totals of a run, for the summary line and the failure table."""

    files: int = 0
    documents: int = 0
    added: int = 0
    skipped: int = 0
    failed_files: int = 0
    not_arabic: int = 0
    failures: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def count(self, result: FileResult) -> None:
        self.files += 1
        self.documents += len(result.documents)
        self.not_arabic += sum(1 for d in result.documents if d.language not in (None, "ar", "und"))
        if result.failed:
            self.failed_files += 1
        self.failures.extend(result.failures)
        self.warnings.extend(result.warnings)

    def summary(self, stored: bool) -> str:
        """``N files, M documents (K new, S already stored), F failed``."""
        line = f"{plural(self.files, 'file')}, {plural(self.documents, 'document')}"
        if stored:
            line += f" ({self.added} new, {self.skipped} already stored)"
        elif self.skipped:
            line += f" ({self.skipped} duplicates left out)"
        return f"{line}, {self.failed_files} failed"


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
