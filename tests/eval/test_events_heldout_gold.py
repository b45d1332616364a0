"""The held-out quotes/events gold (eval/heldout/events.jsonl) is sound.

The same check as the dev gold (tests/eval/test_events_gold.py), run on the held-out files:
every string placed in its article, every id known, chains ending with their speaker, every
quote linked from an event. Only the annotation is checked, never rasid's score on it: the
held-out set is for reporting, and a quality floor on it would turn it into a tuning target.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.events.build_gold import MODES, Paths, check, load_gold, main

HELDOUT = Path(__file__).resolve().parents[2] / "eval" / "heldout"
GOLD_FILE = HELDOUT / "events.jsonl"
ARTICLES = HELDOUT / "articles"
ACTORS = HELDOUT / "actors.tsv"
# the held-out entities gold (gold.jsonl; entities.jsonl if it is ever renamed)
ENTITIES = next(
    (p for p in (HELDOUT / "entities.jsonl", HELDOUT / "gold.jsonl") if p.exists()),
    HELDOUT / "gold.jsonl",
)

missing = [p for p in (GOLD_FILE, ARTICLES, ACTORS, ENTITIES) if not p.exists()]
pytestmark = pytest.mark.skipif(bool(missing), reason=f"held-out files missing: {missing}")


def _paths() -> Paths:
    return Paths(GOLD_FILE, ARTICLES, [ACTORS], ENTITIES)


def test_heldout_events_gold_passes_its_check():
    assert check(_paths()) == []
    argv = ["--check", "--gold", str(GOLD_FILE), "--articles", str(ARTICLES)]
    argv += ["--entities", str(ENTITIES), "--actors", str(ACTORS)]
    assert main(argv) == 0


def test_heldout_events_cover_every_article():
    docs = load_gold(paths=_paths())
    assert [d.doc for d in docs] == sorted(p.stem for p in ARTICLES.glob("h*.txt"))
    assert len(docs) == 20


def test_heldout_spans_are_where_the_strings_are():
    for d in load_gold(paths=_paths()):
        for q in d.quotes:
            for span in (q.content, q.cue, q.speaker_text):
                assert d.text[span.start : span.end] == span.text
                assert span.start >= d.body_start  # the headline is never annotated
        for e in d.events:
            assert d.text[e.sentence.start : e.sentence.end] == e.sentence.text
            assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
            assert e.type in MODES
        linked = {e.quote for e in d.events}
        assert all(q.id in linked for q in d.quotes), d.doc
