"""Machine-readable outputs: ``corpus.json``, JSON Lines and CSV.

``corpus.json`` and JSONL carry every field of every document (the shape is pinned by
``schema/corpus.schema.json``), so nothing rasid found is lost on the way out. CSV is for
spreadsheets: one row per document, the fields people sort and filter on, and the clean text.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rasid import __version__
from rasid.document import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    from rasid.run import Problem

#: Columns of ``rasid export --format csv``, in order.
CSV_COLUMNS = (
    "id",
    "page_id",
    "article_index",
    "source",
    "url",
    "outlet",
    "headline",
    "subheadline",
    "page_date",
    "published",
    "language",
    "n_sentences",
    "published_iso",
    "page_date_iso",
    "flags",
    "dates",
    "actors",
    "actor_ids",
    "clean_text",
)


def now_iso() -> str:
    """The current UTC time as ISO 8601, the timestamp format of every rasid output."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def corpus_schema() -> dict[str, Any]:
    """The JSON Schema of ``corpus.json`` (its ``$defs/document`` describes one document)."""
    text = resources.files("rasid.report").joinpath("schema/corpus.schema.json").read_text("utf-8")
    return json.loads(text)


def corpus_dict(
    documents: Iterable[Document],
    failures: Iterable[Problem] = (),
    warnings: Iterable[Problem] = (),
    generated_at: str | None = None,
    actors: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The ``corpus.json`` object; ``actors`` is the linked table (``CorpusActor.to_dict``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "rasid_version": __version__,
        "generated_at": generated_at or now_iso(),
        "documents": [d.to_dict() for d in documents],
        "failures": [f.to_dict() for f in failures],
        "warnings": [w.to_dict() for w in warnings],
        "actors": list(actors),
    }


@contextmanager
def atomic_write(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Write ``path`` through a temporary file renamed into place when complete.

    A run stopped half-way (or a crash) leaves the previous output untouched instead of a
    truncated file that looks finished.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_corpus(path: Path, corpus: dict[str, Any]) -> None:
    """Write a :func:`corpus_dict` as UTF-8 JSON, Arabic left readable (not \\u-escaped)."""
    with atomic_write(path) as fh:
        json.dump(corpus, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def write_jsonl(documents: Iterable[Document], fh: IO[str]) -> int:
    """One ``Document.to_dict()`` per line; returns how many were written."""
    n = 0
    for doc in documents:
        fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(doc: Document) -> dict[str, Any]:
    """The :data:`CSV_COLUMNS` of one document; a missing value is an empty cell."""

    def value(found: Any) -> str:
        return found.value if found is not None else ""

    return {
        "id": doc.id,
        "page_id": doc.page_id,
        "article_index": doc.article_index,
        "source": doc.source,
        "url": doc.url or "",
        "outlet": value(doc.outlet),
        "headline": value(doc.headline),
        "subheadline": value(doc.subheadline),
        "page_date": value(doc.page_date),
        "published": value(doc.published),
        "language": doc.language or "",
        "n_sentences": len(doc.sentences),
        "published_iso": (doc.published.normalized or "") if doc.published else "",
        "page_date_iso": (doc.page_date.normalized or "") if doc.page_date else "",
        "flags": ";".join(doc.flags),
        "dates": ";".join(
            f"{s.text}={s.attrs.get('value') or ''}" for s in doc.spans.get("timex", [])
        ),
        "actors": ";".join(f"{a.name} [{a.type}]" for a in doc.actors),
        "actor_ids": ";".join(a.id for a in doc.actors),
        "clean_text": doc.clean_text,
    }


def write_csv(documents: Iterable[Document], fh: IO[str], bom: bool = False) -> int:
    """CSV with a header row; ``bom`` prepends U+FEFF so Excel reads the Arabic as UTF-8.

    ``fh`` must be opened with ``newline=""`` (the csv module writes its own line ends).
    """
    if bom:
        fh.write("\ufeff")
    writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for doc in documents:
        writer.writerow(csv_row(doc))
        n += 1
    return n
