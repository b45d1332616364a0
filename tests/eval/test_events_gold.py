"""The quotes/events gold set is sound, and its loader places spans where the strings are.

A gold string that has drifted from its article, an unknown actor id or a chain that does not
end with its speaker would skew every quote and event score computed against it; the check
turns any of them into a failing build.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.events.build_gold import HERE, MODES, Paths, check, load_gold, main, valid_date

GOLD = load_gold(HERE)


def test_committed_gold_passes_its_check():
    assert check() == []
    assert main(["--check"]) == 0


def test_spans_are_where_the_strings_are():
    assert GOLD
    for d in GOLD:
        for q in d.quotes:
            for span in (q.content, q.cue, q.speaker_text):
                assert d.text[span.start : span.end] == span.text
                assert span.start >= d.body_start  # the headline is never annotated
        for e in d.events:
            assert d.text[e.sentence.start : e.sentence.end] == e.sentence.text
            assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
            assert e.type in MODES


def test_every_quote_yields_an_event():
    for d in GOLD:
        linked = {e.quote for e in d.events}
        assert all(q.id in linked for q in d.quotes), d.doc


def test_dates():
    assert valid_date("2020-01-19") and valid_date("2020-01") and valid_date("2019")
    assert valid_date("2021-W11") and valid_date({"start": "2019-04-04", "end": None})
    assert not valid_date("2020-13") and not valid_date({"start": None, "end": None})
    assert not valid_date("19-01-2020")


def test_check_reports_a_broken_gold(tmp_path):
    lines = (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    broken = lines[0].replace('"trigger": "', '"trigger": "ZZZ', 1)
    (tmp_path / "gold.jsonl").write_text(broken + "\n", encoding="utf-8")
    paths = Paths.default()
    paths.gold = tmp_path / "gold.jsonl"
    problems = check(paths)
    assert any("trigger" in p for p in problems)
