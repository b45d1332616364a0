"""Quality floors for the time stage, so a change that normalizes dates worse fails CI.

Runs the evaluation of ``python -m eval.time_eval`` on the annotated sentences. The floors are
the issue's targets — value accuracy ≥ 0.95 overall and ≥ 0.9 in every family — on the
development set; the held-out set (written apart, eval/time/heldout.jsonl) must stay above
a looser floor, and rasid must beat dateparser on both.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.time_eval import (
    GOLD,
    aggregate,
    families_of,
    load_gold,
    rasid_system,
    rasid_value_ok,
    run_system,
)

HELDOUT = GOLD.parent / "heldout.jsonl"


def _run(path):
    sentences = load_gold(path)
    system, desc = rasid_system()
    assert system is not None, desc
    return sentences, run_system("rasid", desc, system, sentences, rasid_value_ok, True)


def test_development_set_meets_the_value_accuracy_targets():
    sentences, run = _run(GOLD)
    assert run.errors == 0
    assert aggregate(run.scores)["value_acc_all"] >= 0.95
    for family in families_of(sentences):
        acc = aggregate(run.scores, family)["value_acc_all"]
        assert acc is None or acc >= 0.9, family


def test_development_set_extents():
    _, run = _run(GOLD)
    agg = aggregate(run.scores)
    assert agg["strict_f1"] >= 0.95 and agg["lenient_p"] >= 0.97


def test_held_out_set_stays_above_its_floor():
    if not HELDOUT.exists():
        pytest.skip("no held-out set yet")
    _, run = _run(HELDOUT)
    assert run.errors == 0
    assert aggregate(run.scores)["value_acc_all"] >= 0.85
