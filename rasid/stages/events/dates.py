"""An event's date: the time expression of its own clause, never the dateline's.

Only expressions that name a calendar date or an interval count (not durations, sets or the
vague "recently"); the nearest one in the trigger's clause wins. A sentence without one
gives ``null`` — the publication date is not copied (docs/events.md).
"""

from __future__ import annotations

from rasid.document import Span
from rasid.normalize import normalize_arabic

_VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def usable(tx: Span) -> bool:
    value = tx.attrs.get("value")
    return tx.label in ("date", "interval") and bool(value) and value not in _VAGUE


def date_value(tx: Span, since: bool = False) -> dict:
    """The ``date`` attribute of an event dated by ``tx`` (docs/events.md: ``value`` for a
    date, ``start``/``end`` for an interval); ``since`` when منذ opens it and the time stage
    left the word out of the expression (ومنذ 4 أبريل)."""
    value = tx.attrs["value"]
    if since and "/" not in value:
        value = f"{value}/.."
    start = end = None
    if tx.label == "interval" or "/" in value:
        first, _, last = value.partition("/")
        start = None if first in ("", "..") else first
        end = None if last in ("", "..") else last
        value = None
    return {"value": value, "start": start, "end": end, "text": tx.text,
            "timex": [tx.start, tx.end]}  # fmt: skip


def find_date(text: str, timexes: list[Span], lo: int, hi: int, at: int) -> dict | None:
    """The usable time expression in [lo, hi) (characters of ``text``) nearest to ``at``."""
    inside = [tx for tx in timexes if lo <= tx.start and tx.end <= hi and usable(tx)]
    if not inside:
        return None
    best = min(inside, key=lambda tx: min(abs(tx.start - at), abs(tx.end - at)))
    before = normalize_arabic(text[max(0, best.start - 6) : best.start]).split()
    return date_value(best, since=bool(before) and before[-1].lstrip("وف") == "منذ")
