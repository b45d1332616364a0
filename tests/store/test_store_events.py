"""Events in the database: stored with their documents, found by type, actor and date."""

from __future__ import annotations

import json
import sqlite3

from rasid.document import Actor, Document
from rasid.report.events_table import EVENT_COLUMNS, event_rows
from rasid.store import Store
from tests.store.conftest import build_doc

TEXT = "التقى وزير الخارجية سامي النجار نظيره كريم العطار في عمّان أمس. ونفى العطار أن يكون الوفد قد زار دمشق."


def _ref(doc: Document, name: str, actor: str) -> dict:
    start = doc.clean_text.index(name)
    return {"actor": actor, "text": name, "start": start, "end": start + len(name)}


def event_doc(text: str = TEXT, headline: str = "لقاء في عمّان") -> Document:
    doc = build_doc(headline, text)
    doc.actors = [
        Actor("per-najjar", "PER", "سامي النجار", 1),
        Actor("per-attar", "PER", "كريم العطار", 2),
        Actor("loc-amman", "LOC", "عمّان", 1),
    ]
    for name, actor in (("سامي النجار", "per-najjar"), ("كريم العطار", "per-attar")):
        ref = _ref(doc, name, actor)
        doc.add_span("entities", ref["start"], ref["end"], "PER", actor=actor, name=name)
    first = doc.sentences[0]
    met = doc.clean_text.index("التقى")
    doc.add_span(
        "events", met, met + 5, "CONSULT",
        id="e1", type="CONSULT", mode="meet", sentence=[first.start, first.end],
        source=[_ref(doc, "سامي النجار", "per-najjar")],
        target=[_ref(doc, "كريم العطار", "per-attar")],
        place=_ref(doc, "عمّان", "loc-amman"),
        date={"value": "2024-03-04", "start": None, "end": None, "text": "أمس", "timex": None},
        modality="asserted", quote=None,
    )  # fmt: skip
    second = doc.sentences[1]
    denied = doc.clean_text.index("ونفى") + 1
    doc.add_span(
        "events", denied, denied + 3, "REJECT",
        id="e2", type="REJECT", mode=None, sentence=[second.start, second.end],
        source=[_ref(doc, "العطار", "per-attar")], target=[], place=None, date=None,
        modality="asserted", quote=None,
    )  # fmt: skip
    return doc


def test_event_rows_have_the_documented_columns_and_evidence() -> None:
    doc = event_doc()
    rows = list(event_rows(doc))
    assert [tuple(r) for r in rows] == [EVENT_COLUMNS, EVENT_COLUMNS]
    first = rows[0]
    assert first["event_id"] == f"{doc.id}:e1"
    assert first["source_names"] == "سامي النجار" and first["target_ids"] == "per-attar"
    assert first["place_name"] == "عمّان" and first["event_date"] == "2024-03-04"
    assert first["evidence"].startswith("التقى وزير الخارجية")
    assert doc.clean_text[first["trigger_start"] : first["trigger_end"]] == "التقى"


def test_events_are_found_by_type_actor_and_date(tmp_path) -> None:
    with Store(tmp_path / "r.db") as store:
        store.add([event_doc()])
        assert [r["type"] for r in store.events()] == ["CONSULT", "REJECT"]  # dated first
        assert [r["type"] for r in store.events(kind="reject")] == ["REJECT"]
        assert [r["event_id"][-2:] for r in store.events(actor="per-najjar")] == ["e1"]
        assert len(store.events(actor="العطار")) == 2  # by a spelling, normalized
        assert [r["type"] for r in store.events(since="2024-03-05")] == ["REJECT"]  # published
        assert [r["type"] for r in store.events(until="2024-03-04")] == ["CONSULT"]
        assert store.events(until="2024") != []  # a year keeps every date in it
        assert store.events(modality="denied") == []


def test_a_version_3_database_gains_event_tables_filled_from_stored_documents(tmp_path) -> None:
    path = tmp_path / "v3.db"
    with Store(path) as store:
        store.add([event_doc()])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE event_actors")
    conn.execute("DROP TABLE events")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with Store(path) as store:
        rows = store.events()
    assert len(rows) == 2
    assert json.loads(json.dumps(rows[0]))["place_id"] == "loc-amman"


def test_storing_the_same_document_twice_keeps_one_copy_of_its_events(tmp_path) -> None:
    with Store(tmp_path / "r.db") as store:
        assert store.add([event_doc()]) == (1, 0)
        assert store.add([event_doc()]) == (0, 1)
        assert len(store.events()) == 2
