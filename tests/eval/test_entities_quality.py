"""Quality floors for entities and actor linking on a slice of rasid's own gold articles.

Runs what ``python -m eval.entities_eval --slice 12`` runs (the whole set is in bench/ and
BENCHMARKS.md). The floors sit below the measured figures with a margin, so a change that
finds, groups or links actors clearly worse fails CI; they are not the issue's targets.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.entities.build_gold import load_gold
from eval.entities_eval import GOLD_DIR, align, rasid_system, score

SLICE = 12


@pytest.fixture(scope="module")
def summary():
    golds = load_gold(GOLD_DIR, SLICE)
    system, why = rasid_system()
    assert system is not None, why
    outputs = system(golds)
    aligned = [align(g, texts, pred) for g, (texts, pred) in zip(golds, outputs, strict=True)]
    return score(aligned, golds).summary()


def test_mentions_are_found(summary):
    assert summary["lenient"]["f1"] >= 0.92
    assert summary["exact_typed"]["p"] >= 0.88


def test_actors_per_document_are_grouped(summary):
    assert summary["actors"]["micro_p"] >= 0.93
    assert summary["actors"]["micro_r"] >= 0.91


def test_documents_are_linked_without_merging_strangers(summary):
    assert summary["pairwise"]["p"] >= 0.97
    assert summary["pairwise"]["r"] >= 0.93
