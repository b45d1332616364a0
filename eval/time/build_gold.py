"""Build ``eval/time/gold.jsonl`` from the hand-written sentences in ``sentences.py``.

Why a builder: character offsets and anchor arithmetic (ISO weeks, "the most recent Sunday on
or before the anchor", Hijri conversion) are exactly where hand annotation goes wrong. The
sentences mark each expression with ``[...]`` and give its family, type and value; relative
values are written as small formulas (``@d-1``, ``@wd7``, ``@w-1`` …) that this script resolves
against the sentence's anchor, or turns into the spec's ``relative`` object when the anchor is
null. It then checks every line (offsets, shapes, weekday names against dates, edge cases
where the spec could be read two ways) and writes the JSONL.

Run ``python eval/time/build_gold.py`` (``--check`` only validates, writes nothing).

Value formulas (``k`` an integer, ``n`` an ISO weekday 1-7, ``MM``/``DD`` two digits):

``@d{k}``      anchor + k days                      relative {"unit": "day", "offset": k}
``@wd{n}``     most recent weekday n on or before   {"unit": "weekday", "offset": -1, "weekday": n}
``@wd{n}-``    most recent weekday n before (الماضي) same relative as ``@wd{n}``
``@wd{n}+``    next weekday n after the anchor      {"unit": "weekday", "offset": 1, "weekday": n}
``@night{n}``  the night from weekday n to n+1, the most recent one ending on or before the
               anchor: an interval of two days
``@w{k}``      ISO week of anchor + 7k days         {"unit": "week", "offset": k}
``@m{k}``      month of the anchor + k              {"unit": "month", "offset": k}
``@y{k}``      year of the anchor + k               {"unit": "year", "offset": k}
``@dec{k}``    decade of the anchor + k, as ``1990/1999``
``@mdMM-DD``   that day-month, nearest on or before the anchor (``+``: next after);
               no anchor: ``XXXX-MM-DD``
``@moMM``      that month, nearest on or before the anchor's month (``+``: next after);
               no anchor: ``XXXX-MM``
``@hY-M-D``, ``@hY-M``, ``@hY``  a Hijri day, month or year (months and years as intervals
               of Gregorian days), via hijridate
``a/b``        an interval whose sides are values or formulas; ``..`` is open
``null``       no value (an invalid date)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hijridate import Hijri

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sentences import SENTENCES  # noqa: E402

GOLD = HERE / "gold.jsonl"

FAMILIES = (
    "gregorian_month", "levantine_month", "maghrebi_month", "paired_month", "hijri",
    "eastern_digits", "numeric_date", "weekday", "relative_day", "relative_period", "part_of",
    "interval", "vague", "year_decade", "duration", "time", "set", "unanchored", "invalid",
)  # fmt: skip
TYPES = ("date", "time", "duration", "interval", "set")
MODS = ("START", "MID", "END", "APPROX")

_DAY = r"\d{4}-\d{2}-\d{2}"
_POINT = (
    rf"\d{{4}}|\d{{4}}-\d{{2}}|{_DAY}|\d{{4}}-W\d{{2}}|XXXX-\d{{2}}-\d{{2}}|XXXX-\d{{2}}"
    rf"|{_DAY}T\d{{2}}:\d{{2}}"
)
VALUE_SHAPE = re.compile(
    rf"(?:{_POINT})|(?:(?:{_POINT}|\.\.)/(?:{_POINT}|\.\.))|PAST_REF|FUTURE_REF"
    r"|P(?:\d+[YMWD])+|PT\d+[HMS]|T\d{2}:\d{2}|XXXX-WXX-[1-7]"
)

WEEKDAY_NAMES = {
    "الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الخميس": 4, "الجمعة": 5,
    "السبت": 6, "الأحد": 7,
}  # fmt: skip


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def hijri_value(spec: str) -> str:
    parts = [int(p) for p in spec.split("-")]
    if len(parts) == 3:
        return Hijri(*parts).to_gregorian().isoformat()
    if len(parts) == 2:
        y, m = parts
        first = Hijri(y, m, 1)
        last = Hijri(y, m, first.month_length())
        return f"{first.to_gregorian().isoformat()}/{last.to_gregorian().isoformat()}"
    (y,) = parts
    first = Hijri(y, 1, 1)
    end = Hijri(y, 12, 1)
    last = Hijri(y, 12, end.month_length())
    return f"{first.to_gregorian().isoformat()}/{last.to_gregorian().isoformat()}"


class Resolved:
    """A resolved value, its ``relative`` object (no anchor) and warnings about edge cases."""

    def __init__(self) -> None:
        self.value: str | None = None
        self.relative: dict[str, Any] | None = None
        self.warnings: list[str] = []


def resolve_point(spec: str, anchor: date | None, out: Resolved) -> str | None:
    """One side of a value: a literal, or a formula resolved against the anchor."""
    if not spec.startswith("@"):
        return spec
    f = spec[1:]
    if f.startswith("h"):
        return hijri_value(f[1:])
    if m := re.fullmatch(r"d(-?\d+)", f):
        k = int(m[1])
        if anchor is None:
            out.relative = {"unit": "day", "offset": k}
            return None
        return (anchor + timedelta(days=k)).isoformat()
    if m := re.fullmatch(r"wd([1-7])([-+]?)", f):
        n, how = int(m[1]), m[2]
        if anchor is None:
            out.relative = {"unit": "weekday", "offset": 1 if how == "+" else -1, "weekday": n}
            return None
        aw = anchor.isoweekday()
        if how == "+":
            delta = (n - aw) % 7 or 7
            return (anchor + timedelta(days=delta)).isoformat()
        delta = (aw - n) % 7
        if how == "-":
            if delta == 0:
                out.warnings.append("weekday الماضي on the anchor's own weekday")
            delta = delta or 7
        return (anchor - timedelta(days=delta)).isoformat()
    if m := re.fullmatch(r"night([1-7])", f):
        first = int(m[1])
        second = first % 7 + 1
        if anchor is None:
            raise ValueError("@night needs an anchor")
        if anchor.isoweekday() == first:
            out.warnings.append("night whose first day is the anchor")
        end = anchor - timedelta(days=(anchor.isoweekday() - second) % 7)
        return f"{(end - timedelta(days=1)).isoformat()}/{end.isoformat()}"
    if m := re.fullmatch(r"([wmy])(-?\d+)", f):
        unit, k = m[1], int(m[2])
        if anchor is None:
            out.relative = {"unit": {"w": "week", "m": "month", "y": "year"}[unit], "offset": k}
            return None
        if unit == "w":
            return iso_week(anchor + timedelta(days=7 * k))
        if unit == "m":
            y, mo = add_months(anchor.year, anchor.month, k)
            return f"{y}-{mo:02d}"
        return str(anchor.year + k)
    if m := re.fullmatch(r"dec(-?\d+)", f):
        if anchor is None:
            raise ValueError("@dec needs an anchor")
        start = anchor.year // 10 * 10 + 10 * int(m[1])
        return f"{start}/{start + 9}"
    if m := re.fullmatch(r"md(\d\d)-(\d\d)(\+?)", f):
        mo, d, future = int(m[1]), int(m[2]), m[3] == "+"
        if anchor is None:
            return f"XXXX-{mo:02d}-{d:02d}"
        this = date(anchor.year, mo, d)
        if future:
            got = this if this > anchor else date(anchor.year + 1, mo, d)
        else:
            got = this if this <= anchor else date(anchor.year - 1, mo, d)
            if anchor.year - got.year == 1 and (this - anchor).days < 31:
                out.warnings.append("day-month just after the anchor resolved to last year")
        return got.isoformat()
    if m := re.fullmatch(r"mo(\d\d)(\+?)", f):
        mo, future = int(m[1]), m[2] == "+"
        if anchor is None:
            return f"XXXX-{mo:02d}"
        if future:
            y = anchor.year if mo > anchor.month else anchor.year + 1
        else:
            y = anchor.year if mo <= anchor.month else anchor.year - 1
        return f"{y}-{mo:02d}"
    raise ValueError(f"unknown formula {spec}")


def resolve(spec: str, anchor: date | None) -> Resolved:
    out = Resolved()
    if spec == "null":
        return out
    if spec.startswith("@h") or "/" not in spec:
        out.value = resolve_point(spec, anchor, out)
        return out
    left, right = spec.split("/")
    a = resolve_point(left, anchor, out) if left != ".." else ".."
    b = resolve_point(right, anchor, out) if right != ".." else ".."
    out.value = None if a is None or b is None else f"{a}/{b}"
    return out


def parse_annotation(ann: str) -> dict[str, Any]:
    """``"family type value [mod=X] [reason=free_text]"``."""
    family, typ, value, *rest = ann.split()
    extra = dict(r.split("=", 1) for r in rest)
    return {
        "family": family,
        "type": typ,
        "value": value,
        "mod": extra.get("mod"),
        "reason": extra.get("reason", "").replace("_", " ") or None,
    }


Check = Callable[[str, str, dict[str, Any], Any, "date | None", str, int, int], list[str]]


def build(
    sentences: Sequence[tuple[str | None, str, Sequence[str]]] | None = None,
    prefix: str = "t",
    extra_check: Check | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every sentence as a gold record (ids ``t0001`` …), and every problem found on the way.

    ``extra_check(sid, span, annotation, resolved, anchor, text, start, end)`` lets another
    set (the held-out one) add checks of its own to every expression.
    """
    records, problems = [], []
    for i, (anchor_s, marked, anns) in enumerate(SENTENCES if sentences is None else sentences, 1):
        sid = f"{prefix}{i:04d}"
        anchor = date.fromisoformat(anchor_s) if anchor_s else None
        text, spans, pos = "", [], 0
        for m in re.finditer(r"\[([^\[\]]+)\]", marked):
            text += marked[pos : m.start()]
            spans.append((len(text), len(text) + len(m[1]), m[1]))
            text += m[1]
            pos = m.end()
        text += marked[pos:]
        if "[" in text or "]" in text:
            problems.append(f"{sid}: unbalanced brackets")
        if len(spans) != len(anns):
            problems.append(f"{sid}: {len(spans)} spans but {len(anns)} annotations: {marked}")
            continue
        timexes = []
        for (start, end, span), ann in zip(spans, anns, strict=True):
            a = parse_annotation(ann)
            try:
                r = resolve(a["value"], anchor)
            except (ValueError, OverflowError) as e:
                problems.append(f"{sid}: {span}: {e}")
                continue
            for w in r.warnings:
                problems.append(f"{sid}: {span}: {w} (anchor {anchor_s})")
            if extra_check is not None:
                problems += extra_check(sid, span, a, r, anchor, text, start, end)
            t = {
                "start": start,
                "end": end,
                "text": span,
                "type": a["type"],
                "value": r.value,
                "mod": a["mod"],
                "relative": r.relative,
                "family": a["family"],
            }
            if a["reason"]:
                t["reason"] = a["reason"]
            problems += [f"{sid}: {span}: {p}" for p in check_timex(t, text, anchor)]
            timexes.append(t)
        records.append({"id": sid, "anchor": anchor_s, "text": text, "timexes": timexes})
    return records, problems


def print_counts(records: list[dict[str, Any]]) -> None:
    """Sentences, expressions, anchors and expressions per family of a built set."""
    counts: dict[str, int] = dict.fromkeys(FAMILIES, 0)
    for r in records:
        for t in r["timexes"]:
            counts[t["family"]] += 1
    n_exprs = sum(counts.values())
    n_null = sum(r["anchor"] is None for r in records)
    n_empty = sum(not r["timexes"] for r in records)
    print(
        f"{len(records)} sentences, {n_exprs} expressions, {n_null} without anchor, "
        f"{n_empty} without any expression"
    )
    for fam, n in counts.items():
        print(f"  {fam:16} {n}")


def check_timex(t: dict[str, Any], text: str, anchor: date | None) -> list[str]:
    """What is wrong with one gold expression (empty when nothing)."""
    bad = []
    if text[t["start"] : t["end"]] != t["text"] or t["text"] != t["text"].strip():
        bad.append("offsets/whitespace")
    if t["family"] not in FAMILIES:
        bad.append(f"family {t['family']}")
    if t["type"] not in TYPES:
        bad.append(f"type {t['type']}")
    if t["mod"] not in (None, *MODS):
        bad.append(f"mod {t['mod']}")
    v = t["value"]
    if v is not None and not VALUE_SHAPE.fullmatch(v):
        bad.append(f"value shape {v}")
    if v is None and t["relative"] is None and t["family"] != "invalid":
        bad.append("null value outside the invalid family")
    if t["family"] == "unanchored" and anchor is not None:
        bad.append("unanchored family in an anchored sentence")
    if t["family"] == "eastern_digits" and not re.search("[٠-٩]", t["text"]):
        bad.append("eastern_digits without eastern digits")
    if t["type"] == "interval" and v is not None and "/" not in v:
        bad.append("interval without /")
    if v and re.fullmatch(_DAY, v[:10]) and len(v) == 10:
        for name, n in WEEKDAY_NAMES.items():
            if name in t["text"] and date.fromisoformat(v).isoweekday() != n:
                bad.append(f"{name} but {v} is weekday {date.fromisoformat(v).isoweekday()}")
    if v and "/" in v and ".." not in v:
        a, b = v.split("/")
        if len(a) == len(b) and a > b:
            bad.append("interval ends before it starts")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only")
    args = ap.parse_args(argv)
    records, problems = build()
    for p in problems:
        print("PROBLEM", p)
    print_counts(records)
    if not args.check:
        with GOLD.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {GOLD}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
