"""Time-stage evaluation: temporal expressions found, their extents and their values.

Why: a wrong date is worse than no date: an analyst who filters "last week" gets the wrong
articles and never knows. This script scores rasid's ``find_timexes`` and, as the baseline,
``dateparser.search.search_dates`` on the same hand-written gold set
(``eval/time/gold.jsonl``, see ``eval/time/README.md``), overall and per family of
expressions (Levantine months, Hijri dates, weekdays, invalid dates ...).

Metrics, per system: extent precision/recall/F1, strict (exact offsets) and lenient (any
overlap, one-to-one); value accuracy among the gold expressions matched leniently, and over
all gold expressions (a missed one counts as wrong); type accuracy (rasid only: dateparser
has no types); sentences per second. Run ``python -m eval.time_eval --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.machine import machine_info
from eval.tables import print_header
from eval.tables import render_rows as render_table

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "time" / "gold.jsonl"
SYSTEMS = ("rasid", "dateparser")
NONE_FAMILY = "(none)"
FAMILY_ORDER = (
    "gregorian_month", "levantine_month", "maghrebi_month", "paired_month", "hijri",
    "eastern_digits", "numeric_date", "weekday", "relative_day", "relative_period", "part_of",
    "interval", "vague", "year_decade", "duration", "time", "set", "unanchored", "invalid",
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Gold and system outputs
# --------------------------------------------------------------------------------------------


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    family: str
    mod: str | None = None
    relative: dict[str, Any] | None = None
    reason: str | None = None


@dataclass
class Sentence:
    id: str
    anchor: str | None
    text: str
    timexes: list[GoldTimex]

    @property
    def anchor_date(self) -> date | None:
        return date.fromisoformat(self.anchor) if self.anchor else None


@dataclass
class SysTimex:
    """One expression a system found. dateparser fills ``when`` (its datetime) instead of
    ``type``/``value``: it has no types, precisions or intervals."""

    start: int
    end: int
    text: str
    type: str | None = None
    value: str | None = None
    mod: str | None = None
    relative: dict[str, Any] | None = None
    when: datetime | None = None


def load_gold(path: Path = GOLD, limit: int | None = None) -> list[Sentence]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            tx = [GoldTimex(**t) for t in r["timexes"]]
            out.append(Sentence(r["id"], r["anchor"], r["text"], tx))
            if limit and len(out) >= limit:
                break
    return out


System = Callable[[str, "date | None"], list[SysTimex]]


def rasid_system() -> tuple[System | None, str]:
    """rasid's stage, or None and why not (the stage may not exist yet)."""
    try:
        from rasid.stages.time import find_timexes
    except Exception as e:  # ImportError, or a broken module: report, don't crash
        return None, f"rasid.stages.time.find_timexes not available ({type(e).__name__}: {e})"

    def run(text: str, anchor: date | None) -> list[SysTimex]:
        out = []
        for t in find_timexes(text, anchor):
            d = t if isinstance(t, dict) else t.to_dict()
            out.append(
                SysTimex(
                    d["start"], d["end"], d["text"], d.get("type"), d.get("value"),
                    d.get("mod"), d.get("relative"),
                )
            )  # fmt: skip
        return out

    return run, "rasid.stages.time.find_timexes(text, anchor)"


def dateparser_system() -> tuple[System | None, str]:
    """``search_dates`` with the anchor as RELATIVE_BASE; substrings located left to right."""
    try:
        from dateparser.search import search_dates
    except ImportError as e:
        return None, f"dateparser not installed ({e})"

    def run(text: str, anchor: date | None) -> list[SysTimex]:
        settings: dict[str, Any] = {
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        if anchor is not None:
            settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
        found = search_dates(text, languages=["ar"], settings=settings) or []
        return locate(text, found)

    import dateparser

    return run, f"dateparser {dateparser.__version__} search_dates(languages=['ar'])"


def locate(text: str, found: Iterable[tuple[str, datetime]]) -> list[SysTimex]:
    """Offsets for dateparser's substrings: the next occurrence after the previous one, else
    the first anywhere; a substring not in the text is dropped."""
    out, cursor = [], 0
    for sub, when in found:
        sub = sub.strip()
        if not sub:
            continue
        i = text.find(sub, cursor)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append(SysTimex(i, i + len(sub), sub, when=when))
        cursor = i + len(sub)
    return out


# --------------------------------------------------------------------------------------------
# Matching and value comparison
# --------------------------------------------------------------------------------------------


def overlap(a: GoldTimex | SysTimex, b: GoldTimex | SysTimex) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(
    gold: Sequence[GoldTimex], system: Sequence[SysTimex], strict: bool
) -> list[tuple[int, int]]:
    """One-to-one ``(gold_i, sys_j)`` pairs: equal offsets (strict), or overlapping, the
    largest overlap first and exact extents before partial ones (lenient)."""
    cands = []
    for gi, g in enumerate(gold):
        for sj, s in enumerate(system):
            exact = (g.start, g.end) == (s.start, s.end)
            if strict and not exact:
                continue
            ov = overlap(g, s)
            if ov > 0:
                cands.append((-int(exact), -ov, gi, sj))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, gi, sj in cands:
        if gi in used_g or sj in used_s:
            continue
        used_g.add(gi)
        used_s.add(sj)
        pairs.append((gi, sj))
    return sorted(pairs)


def relative_equal(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Same unit, offset and (for weekdays) ISO weekday; other keys are ignored."""
    if not a or not b:
        return False
    keys = ("unit", "offset", "weekday")
    return all(a.get(k) == b.get(k) for k in keys)


def rasid_value_ok(g: GoldTimex, s: SysTimex) -> bool:
    """The value the spec asks for: ``relative`` when the gold has no value because there is
    no anchor, else ``value``; and ``mod`` when the gold has one."""
    if g.mod and s.mod != g.mod:
        return False
    if g.value is None and g.relative is not None:
        return relative_equal(g.relative, s.relative)
    return s.value == g.value


def _point_span(v: str) -> tuple[date, date] | None:
    """First and last day a point value covers (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www)."""
    try:
        if len(v) == 4 and v.isdigit():
            y = int(v)
            return date(y, 1, 1), date(y, 12, 31)
        if len(v) == 7 and v[4] == "-" and v[5:].isdigit():
            y, m = int(v[:4]), int(v[5:])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        if len(v) == 10:
            d = date.fromisoformat(v)
            return d, d
        if len(v) == 8 and v[4:6] == "-W":
            monday = date.fromisocalendar(int(v[:4]), int(v[6:]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return None


def gold_span(value: str) -> tuple[date, date] | None:
    """The days a dateparser date may fall on to count as right: the gold day, month, year or
    ISO week; for an interval, its start (decades: the whole decade)."""
    if "/" in value:
        a, b = value.split("/", 1)
        if len(a) == 4 and len(b) == 4 and a.endswith("0") and b.endswith("9"):  # a decade
            sa, sb = _point_span(a), _point_span(b)
            return (sa[0], sb[1]) if sa and sb else None
        return _point_span(a)
    return _point_span(value)


def dateparser_value_ok(g: GoldTimex, s: SysTimex, today: date) -> bool:
    """A generous reading of one datetime against the gold value (README: "dateparser").

    The datetime's day must fall inside the gold's span (``gold_span``); a time must have
    the gold's hour and minute; ``XXXX-MM(-DD)`` needs month (and day) only; an unanchored
    relative gold is checked against the run date, which is dateparser's own base. Vague
    references, durations, sets and invalid dates (gold value null) cannot be expressed by a
    single datetime and count as wrong.
    """
    if s.when is None:
        return False
    d = s.when.date()
    v = g.value
    if v is None:
        if g.relative is None:
            return False
        return _relative_holds(g.relative, d, today)
    if v.startswith("T"):
        return s.when.strftime("%H:%M") == v[1:6]
    if v.startswith("XXXX-") and not v.startswith("XXXX-W"):
        parts = v.split("-")
        ok = d.month == int(parts[1])
        return ok and (len(parts) < 3 or d.day == int(parts[2]))
    span = gold_span(v)
    return span is not None and span[0] <= d <= span[1]


def _relative_holds(rel: dict[str, Any], d: date, today: date) -> bool:
    unit, k = rel.get("unit"), int(rel.get("offset", 0))
    if unit == "day":
        return d == today + timedelta(days=k)
    if unit == "week":
        return d.isocalendar()[:2] == (today + timedelta(days=7 * k)).isocalendar()[:2]
    if unit == "month":
        y, m = divmod(today.year * 12 + today.month - 1 + k, 12)
        return (d.year, d.month) == (y, m + 1)
    if unit == "year":
        return d.year == today.year + k
    if unit == "weekday":
        return d.isoweekday() == rel.get("weekday") and abs((d - today).days) <= 7
    return False


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing found is perfect only when there was nothing to find."""
    p = tp / n_sys if n_sys else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class SentenceScore:
    """One system on one sentence: pairs and per-expression verdicts, ready to aggregate."""

    id: str
    system: str
    strict: list[tuple[int, int]]
    lenient: list[tuple[int, int]]
    gold_family: list[str]
    sys_family: list[str]
    value_ok: dict[int, bool] = field(default_factory=dict)  # gold index -> right value
    type_ok: dict[int, bool] = field(default_factory=dict)
    error: str | None = None


def sys_families(
    gold: Sequence[GoldTimex], system: Sequence[SysTimex], lenient: Sequence[tuple[int, int]]
) -> list[str]:
    """The family each output is charged to for per-family precision: the gold it matches,
    else the first gold it overlaps, else ``(none)`` (a false alarm on non-temporal text)."""
    by_sys = {sj: gi for gi, sj in lenient}
    fams = []
    for sj, s in enumerate(system):
        if sj in by_sys:
            fams.append(gold[by_sys[sj]].family)
            continue
        hit = next((g.family for g in gold if overlap(g, s) > 0), NONE_FAMILY)
        fams.append(hit)
    return fams


def score_sentence(
    sent: Sentence,
    system_name: str,
    output: Sequence[SysTimex],
    value_ok: Callable[[GoldTimex, SysTimex], bool],
    with_types: bool,
) -> SentenceScore:
    strict = match(sent.timexes, output, strict=True)
    lenient = match(sent.timexes, output, strict=False)
    sc = SentenceScore(
        sent.id,
        system_name,
        strict,
        lenient,
        [g.family for g in sent.timexes],
        sys_families(sent.timexes, output, lenient),
    )
    for gi, sj in lenient:
        g, s = sent.timexes[gi], output[sj]
        sc.value_ok[gi] = value_ok(g, s)
        if with_types:
            sc.type_ok[gi] = s.type == g.type
    return sc


def aggregate(scores: Iterable[SentenceScore], family: str | None = None) -> dict[str, Any]:
    """Micro-averaged metrics over sentences, for all expressions or one family."""

    def keep(fam: str) -> bool:
        return family is None or fam == family

    n_gold = n_sys = tp_s = tp_l = v_ok = t_ok = t_n = 0
    for sc in scores:
        n_gold += sum(keep(f) for f in sc.gold_family)
        n_sys += sum(keep(f) for f in sc.sys_family)
        tp_s += sum(keep(sc.gold_family[gi]) for gi, _ in sc.strict)
        tp_l += sum(keep(sc.gold_family[gi]) for gi, _ in sc.lenient)
        v_ok += sum(ok for gi, ok in sc.value_ok.items() if keep(sc.gold_family[gi]))
        t_ok += sum(ok for gi, ok in sc.type_ok.items() if keep(sc.gold_family[gi]))
        t_n += sum(keep(sc.gold_family[gi]) for gi in sc.type_ok)
    sp, sr, sf = prf(tp_s, n_sys, n_gold)
    lp, lr, lf = prf(tp_l, n_sys, n_gold)
    return {
        "gold": n_gold,
        "output": n_sys,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "lenient_p": lp,
        "lenient_r": lr,
        "lenient_f1": lf,
        "matched": tp_l,
        "value_ok": v_ok,
        "value_acc_matched": v_ok / tp_l if tp_l else None,
        "value_acc_all": v_ok / n_gold if n_gold else None,
        "type_acc": t_ok / t_n if t_n else None,
    }


@dataclass
class Run:
    """Everything one system produced and scored, with its wall time."""

    system: str
    description: str
    scores: list[SentenceScore]
    outputs: dict[str, list[SysTimex]]
    seconds: float
    errors: int

    @property
    def rate(self) -> float:
        return len(self.scores) / self.seconds if self.seconds > 0 else float("inf")


def run_system(
    name: str,
    description: str,
    system: System,
    sentences: Sequence[Sentence],
    value_ok: Callable[[GoldTimex, SysTimex], bool],
    with_types: bool,
) -> Run:
    """Warm up once (lazy loading is not speed), then time the whole loop; score after."""
    with contextlib.suppress(Exception):
        system("جرى الاجتماع أمس في 12 مايو 2024.", date(2024, 5, 13))
    outputs: dict[str, list[SysTimex]] = {}
    errors: dict[str, str] = {}
    t0 = time.perf_counter()
    for s in sentences:
        try:
            outputs[s.id] = system(s.text, s.anchor_date)
        except Exception as e:  # a crash on one sentence scores as finding nothing there
            outputs[s.id] = []
            errors[s.id] = f"{type(e).__name__}: {e}"
    seconds = time.perf_counter() - t0
    scores = []
    for s in sentences:
        sc = score_sentence(s, name, outputs[s.id], value_ok, with_types)
        sc.error = errors.get(s.id)
        scores.append(sc)
    return Run(name, description, scores, outputs, seconds, len(errors))


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


SUMMARY_HEADERS = [
    "system", "sentences", "gold", "output", "strict P", "strict R", "strict F1", "lenient P",
    "lenient R", "lenient F1", "value (matched)", "value (all)", "type", "sent/s", "errors",
]  # fmt: skip
FAMILY_HEADERS = [
    "family", "gold", "output", "strict P", "strict R", "strict F1", "lenient P", "lenient R",
    "lenient F1", "value (matched)", "value (all)", "type",
]  # fmt: skip


def summary_rows(runs: Sequence[Run]) -> list[list[Any]]:
    rows = []
    for r in runs:
        a = aggregate(r.scores)
        rows.append(
            [r.system, len(r.scores), a["gold"], a["output"], a["strict_p"], a["strict_r"],
             a["strict_f1"], a["lenient_p"], a["lenient_r"], a["lenient_f1"],
             a["value_acc_matched"], a["value_acc_all"], a["type_acc"], f"{r.rate:.1f}",
             r.errors]
        )  # fmt: skip
    return rows


def families_of(sentences: Sequence[Sentence]) -> list[str]:
    """The gold's families in the order of the spec's list, any others after them."""
    seen = {t.family for s in sentences for t in s.timexes}
    known = [f for f in FAMILY_ORDER if f in seen]
    return known + sorted(seen - set(known))


def family_rows(run: Run, families: Sequence[str]) -> list[list[Any]]:
    rows = []
    for fam in [*families, NONE_FAMILY]:
        a = aggregate(run.scores, fam)
        if fam == NONE_FAMILY:  # no gold: only the false alarms are worth a number
            rows.append([fam, 0, a["output"], *["–"] * 9])
            continue
        rows.append(
            [fam, a["gold"], a["output"], a["strict_p"], a["strict_r"], a["strict_f1"],
             a["lenient_p"], a["lenient_r"], a["lenient_f1"], a["value_acc_matched"],
             a["value_acc_all"], a["type_acc"]]
        )  # fmt: skip
    return rows


def compare_rows(runs: Sequence[Run], families: Sequence[str]) -> tuple[list[str], list]:
    """One row per family, lenient F1 and value accuracy (all gold) side by side."""
    headers = ["family", "gold"]
    for r in runs:
        headers += [f"{r.system} strict F1", f"{r.system} lenient F1", f"{r.system} value (all)"]
    rows = []
    for fam in families:
        row: list[Any] = [fam, aggregate(runs[0].scores, fam)["gold"] if runs else 0]
        for r in runs:
            a = aggregate(r.scores, fam)
            row += [a["strict_f1"], a["lenient_f1"], a["value_acc_all"]]
        rows.append(row)
    return headers, rows


def describe(t: SysTimex) -> str:
    if t.when is not None:
        return f"«{t.text}» {t.when:%Y-%m-%d %H:%M}"
    extra = f" mod={t.mod}" if t.mod else ""
    rel = f" rel={t.relative}" if t.relative else ""
    return f"«{t.text}» {t.type} {t.value}{extra}{rel}"


def gold_desc(g: GoldTimex) -> str:
    extra = f" mod={g.mod}" if g.mod else ""
    rel = f" rel={g.relative}" if g.relative else ""
    return f"«{g.text}» {g.type} {g.value}{extra}{rel} [{g.family}]"


def error_lines(run: Run, sentences: Sequence[Sentence], n: int) -> list[str]:
    """Up to n sentences with something wrong: missed, spurious, extent or value errors."""
    out: list[str] = []
    by_id = {s.id: s for s in sentences}
    shown = 0
    for sc in run.scores:
        if shown >= n:
            break
        sent, output = by_id[sc.id], run.outputs[sc.id]
        strict = set(sc.strict)
        lines = []
        matched_g = {gi: sj for gi, sj in sc.lenient}
        matched_s = set(matched_g.values())
        for gi, g in enumerate(sent.timexes):
            if gi not in matched_g:
                lines.append(f"  - missed         {gold_desc(g)}")
                continue
            s = output[matched_g[gi]]
            extent_ok = (gi, matched_g[gi]) in strict
            value_ok = sc.value_ok.get(gi, False)
            if extent_ok and value_ok:
                continue
            what = " ".join(
                w for w, bad in (("extent", not extent_ok), ("value", not value_ok)) if bad
            )
            lines.append(f"  ≠ {what:<13}gold {gold_desc(g)}\n{'':17}got  {describe(s)}")
        for sj, s in enumerate(output):
            if sj not in matched_s:
                lines.append(f"  + spurious       {describe(s)}")
        if sc.error:
            lines.append(f"  ! error          {sc.error}")
        if lines:
            shown += 1
            out.append(f"{sc.id} (anchor {sent.anchor}) {sent.text}")
            out += lines
    return out


def print_report(
    info: dict[str, str],
    notes: Sequence[str],
    runs: Sequence[Run],
    sentences: Sequence[Sentence],
    md: bool,
) -> None:
    def heading(text: str) -> None:
        print(f"### {text}" if md else text.upper())

    print_header("Time stage", info, notes, md)
    n_gold = sum(len(s.timexes) for s in sentences)
    n_empty = sum(not s.timexes for s in sentences)
    print(
        f"{len(sentences)} sentences ({n_empty} without any expression), {n_gold} gold "
        f"expressions. strict: exact offsets; lenient: overlap, one-to-one. value (matched): "
        f"right value among leniently matched gold; value (all): over all gold (missed = wrong). "
        f"dateparser's values are read generously (eval/time/README.md)."
    )
    print()
    if not runs:
        print("no system could run")
        return
    heading("Summary")
    print(render_table(SUMMARY_HEADERS, summary_rows(runs), md))
    print()
    families = families_of(sentences)
    headers, rows = compare_rows(runs, families)
    heading("Per family, side by side")
    print(render_table(headers, rows, md))
    print()
    for r in runs:
        heading(f"Per family: {r.system}")
        print(render_table(FAMILY_HEADERS, family_rows(r, families), md))
        print()


def to_json(runs: Sequence[Run], sentences: Sequence[Sentence], info: dict[str, str]) -> dict:
    families = families_of(sentences)
    return {
        "machine": info,
        "summary": [dict(zip(SUMMARY_HEADERS, row, strict=True)) for row in summary_rows(runs)],
        "families": {
            r.system: {fam: aggregate(r.scores, fam) for fam in [*families, NONE_FAMILY]}
            for r in runs
        },
        "overall": {r.system: aggregate(r.scores) for r in runs},
        "sentences": {
            r.system: [
                {
                    "id": sc.id,
                    "output": [
                        {**asdict(t), "when": t.when.isoformat() if t.when else None}
                        for t in r.outputs[sc.id]
                    ],
                    "strict": sc.strict,
                    "lenient": sc.lenient,
                    "value_ok": {str(k): v for k, v in sc.value_ok.items()},
                    "error": sc.error,
                }
                for sc in r.scores
            ]
            for r in runs
        },
    }


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (eval/time/gold.jsonl)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="write aggregates and every output here")
    ap.add_argument(
        "--show-errors", type=int, nargs="?", const=20, default=0, metavar="N",
        help="up to N sentences with errors per system (20)",
    )  # fmt: skip
    ap.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {SYSTEMS}"
    )
    args = ap.parse_args(argv)
    sentences = load_gold(args.gold, args.limit)
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    today = date.today()

    gold_name = args.gold.relative_to(REPO) if args.gold.is_relative_to(REPO) else args.gold
    notes: list[str] = [f"gold: {gold_name}"]
    runs: list[Run] = []
    if "rasid" in wanted:
        system, desc = rasid_system()
        notes.append(f"rasid: {desc}")
        if system:
            runs.append(run_system("rasid", desc, system, sentences, rasid_value_ok, True))
    if "dateparser" in wanted:
        system, desc = dateparser_system()
        notes.append(f"dateparser: {desc}")
        if system:

            def dp_ok(g: GoldTimex, s: SysTimex) -> bool:
                return dateparser_value_ok(g, s, today)

            runs.append(run_system("dateparser", desc, system, sentences, dp_ok, False))

    info = machine_info()
    print_report(info, notes, runs, sentences, args.markdown)
    if args.show_errors:
        for r in runs:
            print(f"ERRORS: {r.system} (first {args.show_errors} sentences with any)")
            print("\n".join(error_lines(r, sentences, args.show_errors)))
            print()
    if args.json:
        args.json.write_text(
            json.dumps(to_json(runs, sentences, info), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
