"""The time eval's scoring on tiny hand-made cases, and the validity of every gold line.

A wrong metric or a malformed gold line silently skews every number the time stage reports;
these pin matching, value comparison and per-family aggregation to values worked out by hand,
and check the gold file against the spec's shapes (docs/timex.md).
"""

import itertools
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.time_eval import (
    GOLD,
    NONE_FAMILY,
    GoldTimex,
    Sentence,
    SysTimex,
    aggregate,
    dateparser_value_ok,
    locate,
    match,
    prf,
    rasid_value_ok,
    score_sentence,
)

TYPES = {"date", "time", "duration", "interval", "set"}
MODS = {None, "START", "MID", "END", "APPROX"}
FAMILIES = {
    "gregorian_month", "levantine_month", "maghrebi_month", "paired_month", "hijri",
    "eastern_digits", "numeric_date", "weekday", "relative_day", "relative_period", "part_of",
    "interval", "vague", "year_decade", "duration", "time", "set", "unanchored", "invalid",
}  # fmt: skip
POINT = r"\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|XXXX-\d{2}-\d{2}|XXXX-\d{2}"
VALUE = re.compile(
    rf"(?:{POINT})|(?:(?:{POINT}|\.\.)/(?:{POINT}|\.\.))|PAST_REF|FUTURE_REF"
    r"|P\d+[YMWD]|PT\d+[HMS]|T\d{2}:\d{2}|XXXX-WXX-[1-7]"
)


def g(start, end, family="f", value="2024-05-12", type_="date", mod=None, relative=None):
    return GoldTimex(start, end, "x" * (end - start), type_, value, family, mod, relative)


def s(start, end, value="2024-05-12", type_="date", mod=None, relative=None, when=None):
    return SysTimex(start, end, "x" * (end - start), type_, value, mod, relative, when)


# --- matching ---------------------------------------------------------------------------------


def test_strict_needs_equal_offsets_lenient_any_overlap():
    gold = [g(0, 5), g(10, 20)]
    out = [s(0, 5), s(12, 25), s(30, 35)]
    assert match(gold, out, strict=True) == [(0, 0)]
    assert match(gold, out, strict=False) == [(0, 0), (1, 1)]


def test_lenient_is_one_to_one_and_prefers_exact_then_larger_overlap():
    gold = [g(0, 10), g(12, 20)]
    # one output spans both golds: it pairs with the larger overlap only
    assert match(gold, [s(5, 20)], strict=False) == [(1, 0)]
    # an exact extent wins over a longer overlapping one
    assert match([g(0, 10)], [s(0, 12), s(0, 10)], strict=False) == [(0, 1)]


def test_prf_edge_cases():
    assert prf(1, 3, 2) == pytest.approx((1 / 3, 0.5, 0.4))
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)  # nothing to find, nothing found
    assert prf(0, 0, 2) == (0.0, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, 1.0, 0.0)  # false alarms on a trap sentence


# --- values -------------------------------------------------------------------------------------


def test_rasid_value_exact_and_mod_only_when_gold_has_one():
    assert rasid_value_ok(g(0, 5, value="2024-W18"), s(0, 5, value="2024-W18"))
    assert not rasid_value_ok(g(0, 5, value="2024-W18"), s(0, 5, value="2024-W19"))
    assert rasid_value_ok(g(0, 5, value="2024-W18"), s(0, 5, value="2024-W18", mod="MID"))
    gold_mid = g(0, 5, value="2024-W18", mod="MID")
    assert rasid_value_ok(gold_mid, s(0, 5, value="2024-W18", mod="MID"))
    assert not rasid_value_ok(gold_mid, s(0, 5, value="2024-W18"))
    invalid = g(0, 5, value=None)
    assert rasid_value_ok(invalid, s(0, 5, value=None))
    assert not rasid_value_ok(invalid, s(0, 5, value="2020-02-29"))


def test_rasid_value_unanchored_compares_relative():
    sunday = {"unit": "weekday", "offset": -1, "weekday": 7}
    gold = g(0, 5, value=None, relative=sunday)
    assert rasid_value_ok(gold, s(0, 5, value=None, relative=dict(sunday)))
    assert rasid_value_ok(gold, s(0, 5, value=None, relative={**sunday, "extra": 1}))
    assert not rasid_value_ok(gold, s(0, 5, value=None, relative={**sunday, "weekday": 6}))
    assert not rasid_value_ok(gold, s(0, 5, value=None, relative=None))
    week = g(0, 5, value=None, relative={"unit": "week", "offset": -1}, mod="MID")
    assert rasid_value_ok(
        week, s(0, 5, value=None, relative={"unit": "week", "offset": -1}, mod="MID")
    )
    assert not rasid_value_ok(
        week, s(0, 5, value=None, relative={"unit": "week", "offset": 1}, mod="MID")
    )


def _dp(when: datetime) -> SysTimex:
    return s(0, 5, value=None, type_=None, when=when)


def test_dateparser_values_read_generously():
    today = date(2024, 5, 12)
    ok = dateparser_value_ok
    assert ok(g(0, 5, value="2024-05-12"), _dp(datetime(2024, 5, 12)), today)
    assert not ok(g(0, 5, value="2024-05-12"), _dp(datetime(2024, 12, 5)), today)
    assert ok(g(0, 5, value="2020-06"), _dp(datetime(2020, 6, 12)), today)  # any day of June
    assert ok(g(0, 5, value="2015"), _dp(datetime(2015, 5, 12)), today)
    assert ok(g(0, 5, value="2024-W18"), _dp(datetime(2024, 5, 5)), today)  # Sunday of W18
    assert not ok(g(0, 5, value="2024-W18"), _dp(datetime(2024, 5, 6)), today)
    assert ok(g(0, 5, value="2019-04-04/.."), _dp(datetime(2019, 4, 4)), today)
    assert ok(g(0, 5, value="2011/2014"), _dp(datetime(2011, 3, 1)), today)  # the start year
    assert not ok(g(0, 5, value="2011/2014"), _dp(datetime(2013, 3, 1)), today)
    assert ok(g(0, 5, value="1990/1999"), _dp(datetime(1995, 1, 1)), today)  # a decade
    assert ok(g(0, 5, value="T22:30", type_="time"), _dp(datetime(2024, 5, 12, 22, 30)), today)
    assert ok(g(0, 5, value="XXXX-02-12"), _dp(datetime(2026, 2, 12)), today)
    for never in ("PAST_REF", "P3D", "XXXX-WXX-2", None):
        assert not ok(g(0, 5, value=never), _dp(datetime(2024, 5, 12)), today)
    yesterday = g(0, 5, value=None, relative={"unit": "day", "offset": -1})
    assert ok(yesterday, _dp(datetime(2024, 5, 11)), today)
    assert not ok(yesterday, _dp(datetime(2024, 5, 10)), today)


def test_locate_goes_left_to_right():
    text = "التقى أمس ثم أمس مرة أخرى"
    found = locate(
        text,
        [
            ("أمس", datetime(2024, 1, 1)),
            ("أمس", datetime(2024, 1, 2)),
            ("غدا", datetime(2024, 1, 3)),
        ],
    )
    assert [(t.start, t.end) for t in found] == [(6, 9), (13, 16)]


# --- aggregation ----------------------------------------------------------------------------------


def test_per_family_aggregation_by_hand():
    text = "x" * 40
    sent1 = Sentence(
        "a", "2024-05-12", text, [g(0, 5, "weekday"), g(10, 20, "hijri", "2024-04-16")]
    )
    out1 = [s(0, 5), s(10, 18, "2024-04-17"), s(30, 35)]  # right; partial & wrong; false alarm
    sent2 = Sentence(
        "b", None, text, [g(0, 5, "weekday", None, relative={"unit": "day", "offset": 0})]
    )
    out2 = [s(0, 5, None, relative={"unit": "day", "offset": 0})]
    scores = [
        score_sentence(sent1, "rasid", out1, rasid_value_ok, True),
        score_sentence(sent2, "rasid", out2, rasid_value_ok, True),
    ]
    assert scores[0].sys_family == ["weekday", "hijri", NONE_FAMILY]
    overall = aggregate(scores)
    assert (overall["gold"], overall["output"]) == (3, 4)
    assert (overall["strict_p"], overall["strict_r"]) == pytest.approx((2 / 4, 2 / 3))
    assert (overall["lenient_p"], overall["lenient_r"]) == pytest.approx((3 / 4, 1.0))
    assert overall["value_acc_matched"] == pytest.approx(2 / 3)
    assert overall["value_acc_all"] == pytest.approx(2 / 3)
    assert overall["type_acc"] == 1.0
    weekday = aggregate(scores, "weekday")
    assert (weekday["gold"], weekday["output"], weekday["strict_f1"], weekday["value_acc_all"]) == (
        2,
        2,
        1.0,
        1.0,
    )
    hijri = aggregate(scores, "hijri")
    assert (hijri["strict_r"], hijri["lenient_r"], hijri["value_acc_matched"]) == (0.0, 1.0, 0.0)
    none = aggregate(scores, NONE_FAMILY)
    assert (none["gold"], none["output"]) == (0, 1)


def test_missed_gold_counts_against_value_accuracy_over_all():
    sent = Sentence("a", "2024-05-12", "x" * 30, [g(0, 5), g(10, 15)])
    sc = score_sentence(sent, "rasid", [s(0, 5)], rasid_value_ok, True)
    a = aggregate([sc])
    assert (a["value_acc_matched"], a["value_acc_all"]) == (1.0, 0.5)


# --- the gold file ---------------------------------------------------------------------------------


def _gold_lines():
    return [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _valid_point(v: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            date.fromisoformat(v)
        elif re.fullmatch(r"\d{4}-\d{2}|XXXX-\d{2}", v):
            return 1 <= int(v[5:7]) <= 12
        elif re.fullmatch(r"XXXX-\d{2}-\d{2}", v):
            date.fromisoformat("2024" + v[4:])  # a leap year: 29 February is a date
        elif re.fullmatch(r"\d{4}-W\d{2}", v):
            date.fromisocalendar(int(v[:4]), int(v[6:]), 1)
    except ValueError:
        return False
    return True


def test_every_gold_line_is_valid():
    lines = _gold_lines()
    ids = [r["id"] for r in lines]
    assert len(ids) == len(set(ids))
    for r in lines:
        assert set(r) == {"id", "anchor", "text", "timexes"}, r["id"]
        if r["anchor"] is not None:
            date.fromisoformat(r["anchor"])
        spans = sorted((t["start"], t["end"]) for t in r["timexes"])
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), f"{r['id']}: overlapping"
        for t in r["timexes"]:
            where = f"{r['id']} «{t['text']}»"
            assert r["text"][t["start"] : t["end"]] == t["text"], where
            assert t["text"] == t["text"].strip() and t["text"], where
            assert t["type"] in TYPES, where
            assert t["family"] in FAMILIES, where
            assert t["mod"] in MODS, where
            v = t["value"]
            if v is None:
                assert t["relative"] is not None or t["family"] == "invalid", where
            else:
                assert VALUE.fullmatch(v), where
                for side in v.split("/"):
                    assert side == ".." or _valid_point(side), where
                if t["type"] == "interval":
                    assert "/" in v, where
            if t["relative"] is not None:
                rel = t["relative"]
                assert r["anchor"] is None and v is None, where
                assert rel["unit"] in {"day", "week", "month", "year", "weekday"}, where
                assert isinstance(rel["offset"], int), where
                assert (rel["unit"] == "weekday") == ("weekday" in rel), where
            if t["family"] == "unanchored":
                assert r["anchor"] is None, where
            if t["family"] == "eastern_digits":
                assert re.search("[٠-٩]", t["text"]), where


def test_gold_size_and_balance():
    lines = _gold_lines()
    families = Counter(t["family"] for r in lines for t in r["timexes"])
    assert sum(families.values()) >= 420
    assert set(families) == FAMILIES
    assert min(families.values()) >= 20, families
    assert sum(not r["timexes"] for r in lines) >= 30  # precision traps
    share_null = sum(r["anchor"] is None for r in lines) / len(lines)
    assert 0.10 <= share_null <= 0.20


def test_gold_is_what_the_builder_writes():
    """gold.jsonl is generated from eval/time/sentences.py: the two must not drift apart."""
    pytest.importorskip("hijridate")
    sys.path.insert(0, str(GOLD.parent))
    import build_gold

    records, problems = build_gold.build()
    assert problems == []
    assert records == _gold_lines()
