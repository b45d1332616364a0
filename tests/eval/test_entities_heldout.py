"""The held-out entities gold (eval/heldout) is sound and agrees with the dev set's ids.

Only the annotation is checked here, never rasid's score on it: the held-out set is for
reporting, and a quality floor on it would turn it into a tuning target.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.entities.build_gold import HERE, bounded, check, load_gold, read_registry

HELDOUT = HERE.parent / "heldout"
GOLD = load_gold(HELDOUT)


def test_heldout_gold_passes_its_check():
    assert check(HELDOUT) == []
    sources = sorted(p.stem for p in (HELDOUT / "source").glob("*.txt"))
    assert [g.doc for g in GOLD] == sources
    assert len(GOLD) == 20
    assert sum(len(a.mentions) for g in GOLD for a in g.actors) > 500
    assert all(doc.startswith("h") for doc in sources)


def test_heldout_offsets_point_at_the_mention_text():
    for g in GOLD:
        for a in g.actors:
            assert a.mentions
            for m in a.mentions:
                assert g.text[m.start : m.end] == m.text
                assert bounded(g.text, m.start, m.end)


def test_shared_ids_mean_the_same_actor_in_both_sets():
    dev = read_registry(HERE / "actors.tsv")
    held = read_registry(HELDOUT / "actors.tsv")
    shared = set(dev) & set(held)
    assert len(shared) >= 8
    assert {i: held[i] for i in shared} == {i: dev[i] for i in shared}
    used = {a.id for g in GOLD for a in g.actors}
    assert set(held) == used  # the registry lists exactly the ids the set uses


def test_heldout_docs_do_not_collide_with_dev_docs():
    dev_docs = {g.doc for g in load_gold(HERE)}
    assert not dev_docs & {g.doc for g in GOLD}
