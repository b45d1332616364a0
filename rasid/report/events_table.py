"""The event table: one row per event, stable columns, for spreadsheets and GDELT-style tools.

GDELT's event table is what analysts already load into pandas, R or a spreadsheet, so rasid
gives its events the same shape — one flat row per event with actor codes, names, event
type, place, date and the source article — but with what GDELT rows lack: the evidence
(the sentence and the trigger with their offsets into the clean text), the modality (a
denied or planned action is not a done one) and the quote the event was stated in.
Column names and order are part of the output's contract (documented in docs/events.md);
new columns are only ever added at the end.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from rasid.document import Document

#: Columns of the event table, in order (docs/events.md describes each).
EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "event_date",
    "date_start",
    "date_end",
    "date_text",
    "published",
    "type",
    "mode",
    "modality",
    "source_ids",
    "source_names",
    "target_ids",
    "target_names",
    "place_id",
    "place_name",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "evidence",
    "quote_id",
    "speaker_chain",
    "outlet",
    "url",
    "source_file",
)

_SEP = ";"


def _refs(refs: Iterable[dict] | None, names: dict[str, str]) -> tuple[str, str]:
    ids = [r.get("actor") or "" for r in refs or []]
    shown = [names.get(i) or r.get("text") or "" for i, r in zip(ids, refs or [], strict=True)]
    return _SEP.join(ids), _SEP.join(shown)


def _chain(doc: Document, quote_id: str | None, names: dict[str, str]) -> str:
    """The attribution chain of the event's quote, outermost first ("a ← b ← c")."""
    if not quote_id:
        return ""
    for span in doc.spans.get("quotes", []):
        if span.attrs.get("id") == quote_id:
            hops = span.attrs.get("chain") or []
            return " ← ".join(names.get(h.get("actor") or "") or h.get("text") or "" for h in hops)
    return ""


def event_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """The :data:`EVENT_COLUMNS` of each event of ``doc``, in text order."""
    names = {a.id: a.name for a in doc.actors}
    published = (doc.published.normalized or doc.published.value) if doc.published else ""
    for span in doc.spans.get("events", []):
        a = span.attrs
        date = a.get("date") or {}
        sentence = a.get("sentence") or [None, None]
        source_ids, source_names = _refs(a.get("source"), names)
        target_ids, target_names = _refs(a.get("target"), names)
        place = a.get("place") or {}
        evidence = doc.clean_text[sentence[0] : sentence[1]] if sentence[0] is not None else ""
        yield {
            "event_id": f"{doc.id}:{a.get('id', '')}",
            "doc_id": doc.id,
            "event_date": date.get("value") or "",
            "date_start": date.get("start") or "",
            "date_end": date.get("end") or "",
            "date_text": date.get("text") or "",
            "published": published or "",
            "type": span.label,
            "mode": a.get("mode") or "",
            "modality": a.get("modality") or "",
            "source_ids": source_ids,
            "source_names": source_names,
            "target_ids": target_ids,
            "target_names": target_names,
            "place_id": place.get("actor") or "",
            "place_name": names.get(place.get("actor") or "") or place.get("text") or "",
            "trigger": span.text,
            "trigger_start": span.start,
            "trigger_end": span.end,
            "sentence_start": "" if sentence[0] is None else sentence[0],
            "sentence_end": "" if sentence[1] is None else sentence[1],
            "evidence": " ".join(evidence.split()),
            "quote_id": a.get("quote") or "",
            "speaker_chain": _chain(doc, a.get("quote"), names),
            "outlet": doc.outlet.value if doc.outlet else "",
            "url": doc.url or "",
            "source_file": doc.source,
        }


def write_events_csv(documents: Iterable[Document], fh: IO[str], bom: bool = False) -> int:
    """The event table of ``documents`` as CSV with a header; returns the number of rows.

    ``fh`` must be opened with ``newline=""``; ``bom`` helps Excel read the Arabic as UTF-8.
    """
    if bom:
        fh.write("\ufeff")
    writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for doc in documents:
        for row in event_rows(doc):
            writer.writerow(row)
            n += 1
    return n
