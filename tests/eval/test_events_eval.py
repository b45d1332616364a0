"""The quotes/events scorer: the gold scores perfectly against itself, and errors cost.

Runs without the stages: predictions are built from the gold itself on the article body.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.events.build_gold import Paths, _records
from eval.events_eval import Counts, Prediction, place_gold, score_article, summary
from rasid.document import Span


def _gold_as_prediction(record: dict, body: str) -> tuple:
    gold = place_gold(record, [body])
    refs = lambda ids: [{"actor": i} for i in ids]  # noqa: E731 - gold ids map to themselves
    quotes = []
    for q in gold.quotes:
        raw = q.raw
        speakers = [] if raw["speaker"] is None else raw["speaker"]
        speakers = speakers if isinstance(speakers, list) else [speakers]
        chain = [{"kind": "outlet", "actor": raw["chain"][0]}]
        chain += [{"kind": "relay", "actor": a} for a in raw["chain"][1:-1]]
        attrs = {
            "id": raw["id"],
            "speaker_kind": raw["speaker_kind"],
            "speaker_actors": refs(speakers),
            "chain": chain,
        }
        quotes.append((0, Span(q.content[1], q.content[2], raw["kind"], "", attrs)))
    events = []
    for e in gold.events:
        raw = e.raw
        date = raw["date"]
        if isinstance(date, dict):
            date = {"value": None, **date}
        elif date is not None:
            date = {"value": date}
        attrs = {
            "id": raw["id"],
            "mode": raw["mode"],
            "source": refs(raw["source"]),
            "target": refs(raw["target"]),
            "place": {"actor": raw["place"]} if raw["place"] else None,
            "date": date,
            "modality": raw["modality"],
            "quote": raw["quote"],
        }
        events.append((0, Span(e.trigger[1], e.trigger[2], raw["type"], "", attrs)))
    ids = {i for r in (record["quotes"], record["events"]) for x in r for i in _all_ids(x)}
    return gold, Prediction([body], quotes, events, {i: i for i in ids}, record["published"])


def _all_ids(item: dict) -> list[str]:
    out = [*item.get("chain", [])]
    for key in ("speaker", "source", "target", "place"):
        v = item.get(key)
        out += v if isinstance(v, list) else [v] if v else []
    return [i for i in out if isinstance(i, str)]


def _first_records(n: int) -> list[tuple[dict, str]]:
    paths = Paths.default()
    out = []
    for r in _records(paths.gold)[:n]:
        text = (paths.articles / f"{r['doc']}.txt").read_text(encoding="utf-8")
        out.append((r, text[text.index("\n") + 1 :]))
    return out


def test_gold_against_itself_scores_perfectly() -> None:
    counts = Counts()
    for record, body in _first_records(4):
        gold, pred = _gold_as_prediction(record, body)
        assert not gold.unplaced
        score_article(gold, pred, counts)
    s = summary(counts)
    assert s["quotes"]["speaker_accuracy"] == 1.0
    assert s["quotes"]["chain_accuracy"] == 1.0
    assert s["events"]["strict"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert all(v["accuracy"] == 1.0 for v in s["events"]["arguments"].values())


def test_a_wrong_source_costs_a_strict_match_but_not_the_trigger() -> None:
    record, body = _first_records(1)[0]
    gold, pred = _gold_as_prediction(record, body)
    with_source = next(i for i, (_, s) in enumerate(pred.events) if s.attrs["source"])
    pred.events[with_source] = copy.deepcopy(pred.events[with_source])
    pred.events[with_source][1].attrs["source"] = [{"actor": "someone_else"}]
    counts = Counts()
    score_article(gold, pred, counts)
    s = summary(counts)
    n = s["events"]["gold"]
    assert s["events"]["strict"]["r"] == (n - 1) / n
    assert s["events"]["trigger_type"]["r"] == 1.0
    assert s["events"]["arguments"]["source"]["ok"] == n - 1


def test_a_missing_quote_counts_against_speaker_accuracy() -> None:
    record, body = _first_records(1)[0]
    gold, pred = _gold_as_prediction(record, body)
    pred.quotes.pop()
    counts = Counts()
    score_article(gold, pred, counts)
    q = summary(counts)["quotes"]
    assert q["speaker_accuracy"] == (q["gold"] - 1) / q["gold"]
    assert q["speaker_accuracy_paired"] == 1.0
