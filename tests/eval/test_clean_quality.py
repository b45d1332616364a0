"""Quality floors for the clean stage, so a change that makes extraction worse fails CI.

Runs the same evaluation as ``python -m eval.clean_eval`` on the hand-written pages (gold and
held-out) and, where ../shared/data is present, on a slice of the synthetic SaudiNewsNet pages.
The floors sit below today's figures (BENCHMARKS.md) by a margin for noise, and never below
the issue's targets: text-page body F1 ≥ 0.97, and rasid above trafilatura alone on HTML.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.clean_eval import (
    DEFAULT_DATA_DIR,
    GOLD_DIR,
    RasidSystem,
    aggregate,
    load_gold,
    load_synthetic,
    run_systems,
    trafilatura_system,
)


def _scores(cases):
    scores, _ = run_systems(cases, {"rasid": RasidSystem(), "trafilatura": trafilatura_system})
    return scores


def _agg(scores, system, split, fmt):
    return aggregate(
        [s for s in scores if s.system == system and s.set == split and s.format == fmt]
    )


@pytest.fixture(scope="module")
def written_pages():
    cases, _ = load_gold(GOLD_DIR)
    assert len(cases) >= 40
    return _scores(cases)


@pytest.mark.parametrize("split", ["gold", "heldout"])
def test_text_pages_body_f1_meets_the_target(written_pages, split):
    assert _agg(written_pages, "rasid", split, "txt")["f1"] >= 0.97


@pytest.mark.parametrize("split", ["gold", "heldout"])
def test_html_pages_beat_trafilatura_alone(written_pages, split):
    rasid = _agg(written_pages, "rasid", split, "html")
    alone = _agg(written_pages, "trafilatura", split, "html")
    assert rasid["f1"] > alone["f1"] + 0.05
    assert rasid["leak_mnc"] < alone["leak_mnc"]


def test_every_written_page_yields_the_right_number_of_articles(written_pages):
    wrong = [s.case for s in written_pages if s.system == "rasid" and s.n_docs != s.n_articles]
    assert wrong == []


def test_headlines_on_written_pages(written_pages):
    assert _agg(written_pages, "rasid", "gold", "txt")["headline_exact"] >= 0.95
    assert _agg(written_pages, "rasid", "heldout", "html")["headline_exact"] >= 0.85


def test_synthetic_pages_from_real_articles():
    if not (DEFAULT_DATA_DIR / "saudinewsnet").exists():
        pytest.skip("../shared/data/saudinewsnet not present")
    cases, origin = load_synthetic(DEFAULT_DATA_DIR, 120, 13)
    assert origin == "saudinewsnet"
    scores = _scores(cases)
    for fmt in ("txt", "html"):
        assert _agg(scores, "rasid", "synthetic", fmt)["f1"] >= 0.97
    assert (
        _agg(scores, "rasid", "synthetic", "html")["f1"]
        > _agg(scores, "trafilatura", "synthetic", "html")["f1"]
    )
