"""Calendar arithmetic the resolver needs: anchored days, ISO weeks, Hijri conversion."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

from hijridate import Gregorian, Hijri


class InvalidDate(ValueError):
    """A date the calendar does not have (31 February, month 13, a Hijri year out of range)."""


def make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as err:
        raise InvalidDate("invalid date") from err


def check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate("invalid month")


def month_value(year: int, month: int) -> str:
    check_month(month)
    return f"{year:04d}-{month:02d}"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """The latest date with ISO ``weekday`` on or before ``anchor``."""
    return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)


def weekday_after(anchor: date, weekday: int) -> date:
    """The first date with ISO ``weekday`` strictly after ``anchor``."""
    return anchor + timedelta(days=(weekday - anchor.isoweekday() - 1) % 7 + 1)


def hijri_day(year: int, month: int, day: int) -> date:
    try:
        return _to_date(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError) as err:
        raise InvalidDate(f"Hijri date out of the calendar's range: {err}") from err


def hijri_month_span(year: int, month: int) -> tuple[date, date]:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        return _to_date(first.to_gregorian()), _to_date(last.to_gregorian())
    except (ValueError, OverflowError) as err:
        raise InvalidDate(f"Hijri month out of the calendar's range: {err}") from err


def hijri_year_span(year: int) -> tuple[date, date]:
    first, _ = hijri_month_span(year, 1)
    _, last = hijri_month_span(year, 12)
    return first, last


def to_hijri(day: date) -> tuple[int, int, int]:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month, h.day


def _to_date(g: Gregorian) -> date:
    return date(g.year, g.month, g.day)


def days_in_month(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]
