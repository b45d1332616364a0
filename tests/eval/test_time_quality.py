"""Quality floors for the time stage, so a change that normalizes dates worse fails CI.

Runs the evaluation of ``python -m eval.time_eval`` on the annotated sentences. The floors are
the issue's targets — value accuracy ≥ 0.95 overall and ≥ 0.9 in every family — on the
development set; the held-out set (written apart, eval/time/heldout.jsonl) must stay above
a looser floor, and rasid must beat dateparser on both.
"""

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.time_eval import (
    GOLD,
    aggregate,
    dateparser_system,
    dateparser_value_ok,
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


def test_rasid_beats_dateparser_on_the_same_sentences():
    sentences, run = _run(GOLD)
    system, desc = dateparser_system()
    if system is None:
        pytest.skip(desc)
    today = date.today()
    baseline = run_system(
        "dateparser", desc, system, sentences, lambda g, s: dateparser_value_ok(g, s, today), False
    )
    ours, theirs = aggregate(run.scores), aggregate(baseline.scores)
    assert ours["lenient_f1"] > theirs["lenient_f1"] + 0.1
    assert ours["value_acc_all"] > theirs["value_acc_all"] + 0.3
