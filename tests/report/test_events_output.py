"""Quotes and events in the machine-readable outputs: the schema and the event table CSV."""

from __future__ import annotations

import csv
import io

import jsonschema

from rasid.report.events_table import EVENT_COLUMNS, write_events_csv
from rasid.report.json_export import corpus_dict, corpus_schema
from tests.store.test_store_events import event_doc


def _with_quote(doc):
    start = doc.clean_text.index("أن يكون")
    cue = doc.clean_text.index("نفى")
    doc.add_span(
        "quotes", start + 3, len(doc.clean_text) - 1, "reported",
        id="q1", cue={"text": "نفى", "start": cue, "end": cue + 3}, cue_lemma="نفى",
        speaker=None, speaker_kind="actor",
        speaker_actors=[{"actor": "per-attar", "text": "العطار", "start": cue + 4, "end": cue + 10}],
        affiliation=None,
        chain=[
            {"kind": "outlet", "actor": None, "text": "وكالة الأنباء", "start": None, "end": None},
            {"kind": "speaker", "actor": "per-attar", "text": "العطار", "start": cue + 4, "end": cue + 10},
        ],
        parent=None, sentence=[doc.sentences[1].start, doc.sentences[1].end],
    )  # fmt: skip
    doc.spans["events"][1].attrs["quote"] = "q1"
    return doc


def test_a_document_with_quotes_and_events_is_a_valid_corpus() -> None:
    jsonschema.validate(corpus_dict([_with_quote(event_doc())]), corpus_schema())


def test_an_event_with_a_bad_modality_is_rejected_by_the_schema() -> None:
    doc = event_doc()
    doc.spans["events"][0].attrs["modality"] = "rumoured"
    try:
        jsonschema.validate(corpus_dict([doc]), corpus_schema())
    except jsonschema.ValidationError as exc:
        assert "rumoured" in str(exc)
    else:
        raise AssertionError("a bad modality passed the schema")


def test_event_csv_has_a_header_and_one_row_per_event_with_the_quote_chain() -> None:
    fh = io.StringIO()
    assert write_events_csv([_with_quote(event_doc())], fh) == 2
    rows = list(csv.DictReader(io.StringIO(fh.getvalue())))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert rows[1]["quote_id"] == "q1"
    assert rows[1]["speaker_chain"] == "وكالة الأنباء ← كريم العطار"
