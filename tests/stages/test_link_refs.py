"""Quote and event references follow the actor ids that cross-document linking gives."""

from __future__ import annotations

from rasid.stages.link import link_documents
from tests.stages.test_link import docs, ids


def test_event_and_quote_refs_are_renamed_with_their_actors() -> None:
    corpus = docs(
        ("قال خليفة حفتر إن الهدنة صامدة.", {"خليفة حفتر": "PER"}),
        ("قال حفتر إن قواته تقدمت.", {"حفتر": "PER"}),
    )
    second = corpus[1]
    old = ids(second)["حفتر"]
    ref = {"actor": old, "text": "حفتر", "start": 4, "end": 8}
    second.add_span("quotes", 12, 23, "reported", id="q1", speaker_actors=[dict(ref)])
    second.add_span("events", 0, 3, "STATEMENT", id="e1", source=[dict(ref)], place=None)
    link_documents(corpus)
    new = ids(second)["حفتر"]
    assert new != old and new == ids(corpus[0])["خليفة حفتر"]
    assert second.spans["quotes"][0].attrs["speaker_actors"][0]["actor"] == new
    assert second.spans["events"][0].attrs["source"][0]["actor"] == new
    assert second.spans["events"][0].attrs["place"] is None


def test_refs_to_unknown_ids_are_left_alone() -> None:
    corpus = docs(("قال خليفة حفتر إن الهدنة صامدة.", {"خليفة حفتر": "PER"}))
    corpus[0].add_span("events", 0, 3, "STATEMENT", id="e1", source=[{"actor": "elsewhere"}])
    link_documents(corpus)
    assert corpus[0].spans["events"][0].attrs["source"] == [{"actor": "elsewhere"}]
