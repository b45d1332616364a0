"""Find temporal expressions in Arabic news text and normalize them (docs/timex.md).

Why rasid's own finder: dateparser reads Levantine months only under a Levantine locale and
never in the same call as the default one, fails on "مارس/آذار" pairs, and its search_dates
misses or mis-splits expressions in running news text (eval/time_eval.py measures it). So the
finding is done here, with patterns over the folded text (:func:`normalize_with_offsets`
keeps every match's place in the original), and each pattern has a resolver that turns its
groups into a value, using the anchor (the publication date) only where the text needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rasid.normalize import DROPPED, fold_letters, normalize_with_offsets
from rasid.stages.time import calendar as cal
from rasid.stages.time.lexicon import Lexicon, lexicon
from rasid.stages.time.model import Timex

B = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وبلف]))"  # word start, or after a one-letter clitic
E = r"(?![^\W_])"  # word end
YEAR_MIN, YEAR_MAX = 1800, 2100
# month names that are also ordinary words or names ("مارس" practised, "آب" father, "نيسان"
# the car maker): found only beside a day, a year, a preposition or "شهر"
AMBIGUOUS_MONTHS = frozenset({"مارس", "ماي", "اب", "نيسان", "جوان", "اوت"})

Fields = dict[str, object]
BARRIER = "¦"  # stands for a line break in the folded text: not a space, not a letter
SENTENCE_ENDS = ".!?" + BARRIER


@dataclass
class Context:
    text: str  # folded text
    anchor: date | None

    def future_near(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) speaks of the future (المقبل، سوف…)."""
        left = max(self.text.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1
        rights = [i for i in (self.text.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
        sentence = self.text[left : min(rights) if rights else len(self.text)]
        return bool(_future_rx().search(sentence))


@lru_cache(maxsize=1)
def _future_rx() -> re.Pattern[str]:
    return re.compile(rf"{B}(?:{lexicon().alternation(lexicon().future)}){E}")


@dataclass
class Pattern:
    name: str
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Fields | None]
    needs: frozenset[str] = frozenset()  # trigger kinds the text must contain (all of them)


# Which trigger words each pattern cannot match without. One pass of the trigger regex over a
# sentence tells which kinds occur, and only the patterns they allow are run: most news
# sentences hold no date at all, and this keeps the stage fast on them.
NEEDS: dict[str, tuple[str, ...]] = {
    "night": ("weekday",),
    "day_range": ("digit", "gmonth"),
    "year_range": ("digit",),
    "year_range_to": ("digit",),
    "year_dash": ("digit",),
    "hijri_date": ("digit", "hmonth"),
    "full_date": ("gmonth",),
    "numeric_dmy": ("digit",),
    "numeric_ymd": ("digit",),
    "part_month": ("part", "gmonth"),
    "part_year": ("part", "digit"),
    "part_period": ("part", "period"),
    "part_this": ("part", "period"),
    "hijri_month": ("hmonth", "digit"),
    "hijri_year": ("digit",),
    "month_year": ("gmonth", "digit"),
    "month_rel": ("gmonth",),
    "month_named": ("gmonth",),
    "month_prep": ("gmonth",),
    "month_alone": ("gmonth",),
    "period": ("period",),
    "this_period": ("period",),
    "decade": ("decade",),
    "decade_rel": ("period",),
    "year_word": ("digit",),
    "year_prep": ("digit",),
    "year_coord": ("digit",),
    "year_paren": ("digit",),
    "time_clock": ("digit",),
    "time_dot": ("digit",),
    "time_hour": ("hour",),
    "weekday": ("weekday",),
    "rel_day": ("day",),
    "vague": ("vague",),
    "set_weekday": ("every",),
    "set": ("set",),
    "set_every": ("every",),
    "duration_dual": ("unit",),
    "duration": ("unit",),
    "duration_one": ("unit",),
    "duration_some": ("unit",),
    "duration_fraction": ("unit",),
    "time_named": ("part",),
    "time_ordinal": ("daypart",),
}


@lru_cache(maxsize=1)
def trigger_regexes() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    kinds = {
        "digit": r"\d",
        "gmonth": lex.alternation(lex.gregorian),
        "hmonth": lex.alternation(lex.hijri),
        "weekday": lex.alternation(lex.weekdays),
        "part": lex.alternation(lex.parts),
        "period": "الاسبوع|الشهر|العام|السنه|العقد",
        "day": lex.alternation(lex.days),
        "vague": lex.alternation(lex.vague),
        "set": lex.alternation(lex.sets),
        "every": "كل",
        "decade": lex.alternation(lex.decades),
        "unit": lex.alternation(lex.units),
        "hour": "الساعه",
        "daypart": lex.alternation({w: 1 for w in lex.dayparts if len(w) > 1}),
    }
    return {k: re.compile(fold_letters(v)) for k, v in kinds.items()}


def triggers(folded: str) -> set[str]:
    """The kinds of trigger words present in ``folded`` (inside words too: "بالأمس")."""
    return {kind for kind, rx in trigger_regexes().items() if rx.search(folded)}


# --------------------------------------------------------------------------------------------
# Resolvers: regex groups → type/value/mod/anchored/relative/calendar/reason
# --------------------------------------------------------------------------------------------


def _month_of(text: str, lex: Lexicon) -> int:
    """The month named in ``text`` ("فبراير/ شباط" → 2): the longest name, first found."""
    return _named(text, lex.gregorian, _month_rx("gregorian"), "no month")


def _hmonth_of(text: str, lex: Lexicon) -> int:
    return _named(text, lex.hijri, _month_rx("hijri"), "no Hijri month")


def _named(text: str, names: dict[str, int], rx: re.Pattern[str], missing: str) -> int:
    m = rx.search(text)
    if m is None:
        raise cal.InvalidDate(missing)
    return names[" ".join(m.group().split())]


@lru_cache(maxsize=2)
def _month_rx(calendar: str) -> re.Pattern[str]:
    """All month names of a calendar in one regex, compiled once (this runs per match)."""
    lex = lexicon()
    names = lex.gregorian if calendar == "gregorian" else lex.hijri
    return re.compile(rf"(?<![^\W_])(?:{lex.alternation(names)})(?![^\W_])")


def _offset(word: str | None) -> int | None:
    if not word:
        return None
    return lexicon().offsets.get(" ".join(word.split()))


def _day_number(m: re.Match[str]) -> int:
    if m.group("day"):
        return int(m.group("day"))
    return lexicon().ordinals[" ".join(m.group("ord").split())]


def _year_for(month: int, day: int | None, off: int | None, ctx: Context, m: re.Match[str]) -> int:
    """The year of a month (and day) the text gives without one, from the anchor.

    "الجاري" is the anchor's year; "الماضي" the last such month before the anchor's month;
    "المقبل" the next one after it; otherwise the occurrence on or before the anchor (news
    reports what happened), or on or after it when the sentence speaks of the future.
    """
    a = ctx.anchor
    assert a is not None
    if off == 0:
        return a.year
    if off is not None and off < 0:
        return a.year if month < a.month else a.year - 1
    if off is not None and off > 0:
        return a.year if month > a.month else a.year + 1
    key, now = (month, day or 1), (a.month, a.day if day else 1)
    if ctx.future_near(m.start(), m.end()):
        return a.year if key >= now else a.year + 1
    return a.year if key <= now else a.year - 1


def _invalid(reason: str, kind: str = "date", calendar: str = "gregorian") -> Fields:
    return {"type": kind, "value": None, "reason": reason, "calendar": calendar}


def r_full_date(m: re.Match[str], ctx: Context) -> Fields | None:
    lex = lexicon()
    try:
        month = _month_of(m.group("month"), lex)
        day = _day_number(m)
        if m.group("year"):
            return {
                "type": "date",
                "value": cal.make_date(int(m.group("year")), month, day).isoformat(),
            }
        cal.make_date(2000, month, day)  # 29 February exists in a leap year
        if ctx.anchor is None:
            return {"type": "date", "value": f"XXXX-{month:02d}-{day:02d}", "anchored": True}
        year = _year_for(month, day, _offset(m.group("off")), ctx, m)
        return {
            "type": "date",
            "value": cal.make_date(year, month, day).isoformat(),
            "anchored": True,
        }
    except cal.InvalidDate as err:
        return _invalid(str(err))


def r_month_year(m: re.Match[str], ctx: Context) -> Fields | None:
    month = _month_of(m.group("month"), lexicon())
    fields: Fields = {"type": "date", "value": cal.month_value(int(m.group("year")), month)}
    if m.groupdict().get("part"):
        fields["mod"] = lexicon().parts[" ".join(m.group("part").split())]
    return fields


def r_month_rel(m: re.Match[str], ctx: Context) -> Fields | None:
    month = _month_of(m.group("month"), lexicon())
    fields: Fields = {"type": "date", "anchored": True}
    off = _offset(m.groupdict().get("off"))
    if m.groupdict().get("part"):
        fields["mod"] = lexicon().parts[" ".join(m.group("part").split())]
        off = 0 if off is None else off  # "نهاية ديسمبر": December of the anchor's year
    if ctx.anchor is None:
        return {**fields, "value": f"XXXX-{month:02d}"}
    year = _year_for(month, None, off, ctx, m)
    return {**fields, "value": cal.month_value(year, month)}


def r_part_year(m: re.Match[str], ctx: Context) -> Fields | None:
    return {
        "type": "date",
        "value": m.group("year"),
        "mod": lexicon().parts[" ".join(m.group("part").split())],
    }


_PERIOD_UNIT = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}


def r_period(m: re.Match[str], ctx: Context) -> Fields | None:
    unit = _PERIOD_UNIT[m.group("period")]
    off = _offset(m.groupdict().get("off"))
    off = 0 if off is None else off
    fields: Fields = {"type": "date", "anchored": True}
    if m.groupdict().get("part"):
        fields["mod"] = lexicon().parts[" ".join(m.group("part").split())]
    a = ctx.anchor
    if a is None:
        return {**fields, "value": None, "relative": {"unit": unit, "offset": off}}
    if unit == "week":
        value = cal.iso_week(a + timedelta(weeks=off))
    elif unit == "month":
        value = cal.month_value(*cal.add_months(a, off))
    else:
        value = f"{a.year + off:04d}"
    return {**fields, "value": value}


def r_day(m: re.Match[str], ctx: Context) -> Fields | None:
    off = lexicon().days[" ".join(m.group("rday").split())]
    if ctx.anchor is None:
        return {
            "type": "date",
            "value": None,
            "anchored": True,
            "relative": {"unit": "day", "offset": off},
        }
    return {
        "type": "date",
        "value": (ctx.anchor + timedelta(days=off)).isoformat(),
        "anchored": True,
    }


def _weekday_date(weekday: int, off: int | None, ctx: Context, m: re.Match[str]) -> date:
    a = ctx.anchor
    assert a is not None
    if off is not None and off > 0:
        return cal.weekday_after(a, weekday)
    if off is not None and off < 0:
        return cal.weekday_on_or_before(a - timedelta(days=1), weekday)
    if ctx.future_near(m.start(), m.end()):
        return cal.weekday_after(a - timedelta(days=1), weekday)
    return cal.weekday_on_or_before(a, weekday)


def r_weekday(m: re.Match[str], ctx: Context) -> Fields | None:
    name = " ".join((m.group("wd1") or m.group("wd2")).split())
    weekday = lexicon().weekdays[name]
    off = _offset(m.group("off"))
    if ctx.anchor is None:
        future = (off is not None and off > 0) or (
            off is None and ctx.future_near(m.start(), m.end())
        )
        rel = {"unit": "weekday", "offset": 1 if future else -1, "weekday": weekday}
        return {"type": "date", "value": None, "anchored": True, "relative": rel}
    return {
        "type": "date",
        "value": _weekday_date(weekday, off, ctx, m).isoformat(),
        "anchored": True,
    }


def r_night(m: re.Match[str], ctx: Context) -> Fields | None:
    lex = lexicon()
    second = lex.weekdays[" ".join(m.group("wb").split())]
    if ctx.anchor is None:
        rel = {"unit": "weekday", "offset": -1, "weekday": second}
        return {"type": "interval", "value": None, "anchored": True, "relative": rel}
    end = _weekday_date(second, None, ctx, m)
    return {"type": "interval", "value": f"{end - timedelta(days=1)}/{end}", "anchored": True}


def r_hijri_date(m: re.Match[str], ctx: Context) -> Fields | None:
    try:
        month = _hmonth_of(m.group("hmonth"), lexicon())
        day = cal.hijri_day(int(m.group("hyear")), month, int(m.group("day")))
        return {"type": "date", "value": day.isoformat(), "calendar": "hijri"}
    except cal.InvalidDate as err:
        return _invalid(str(err), calendar="hijri")


def r_hijri_month(m: re.Match[str], ctx: Context) -> Fields | None:
    try:
        month = _hmonth_of(m.group("hmonth"), lexicon())
        first, last = cal.hijri_month_span(int(m.group("hyear")), month)
        return {"type": "date", "value": f"{first}/{last}", "calendar": "hijri"}
    except cal.InvalidDate as err:
        return _invalid(str(err), calendar="hijri")


def r_hijri_year(m: re.Match[str], ctx: Context) -> Fields | None:
    try:
        first, last = cal.hijri_year_span(int(m.group("hyear")))
        return {"type": "date", "value": f"{first}/{last}", "calendar": "hijri"}
    except cal.InvalidDate as err:
        return _invalid(str(err), calendar="hijri")


def r_numeric(m: re.Match[str], ctx: Context) -> Fields | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    hijri = bool(m.groupdict().get("h")) or y < 1600
    try:
        if hijri:
            return {
                "type": "date",
                "value": cal.hijri_day(y, mo, d).isoformat(),
                "calendar": "hijri",
            }
        return {"type": "date", "value": cal.make_date(y, mo, d).isoformat()}
    except cal.InvalidDate as err:
        return _invalid(str(err), calendar="hijri" if hijri else "gregorian")


def r_year(m: re.Match[str], ctx: Context) -> Fields | None:
    year = int(m.group("year"))
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    return {"type": "date", "value": f"{year:04d}"}


def r_year_range(m: re.Match[str], ctx: Context) -> Fields | None:
    a, b = int(m.group("ya")), int(m.group("yb"))
    if not (YEAR_MIN <= a <= b <= YEAR_MAX):
        return None
    return {"type": "interval", "value": f"{a:04d}/{b:04d}"}


def r_day_range(m: re.Match[str], ctx: Context) -> Fields | None:
    month = _month_of(m.group("month"), lexicon())
    da, db = int(m.group("da")), int(m.group("db"))
    try:
        if m.group("year"):
            year = int(m.group("year"))
        elif ctx.anchor is not None:
            year = _year_for(month, da, _offset(m.groupdict().get("off")), ctx, m)
        else:
            return {
                "type": "interval",
                "value": f"XXXX-{month:02d}-{da:02d}/XXXX-{month:02d}-{db:02d}",
                "anchored": True,
            }
        first, last = cal.make_date(year, month, da), cal.make_date(year, month, db)
    except cal.InvalidDate as err:
        return _invalid(str(err), kind="interval")
    return {"type": "interval", "value": f"{first}/{last}", "anchored": not m.group("year")}


def r_decade(m: re.Match[str], ctx: Context) -> Fields | None:
    dec = lexicon().decades[m.group("dec")]
    century = m.group("cent")
    if century and century.split()[0] in ("الماضي", "العشرين"):
        start = 1900 + dec
    elif century:
        start = 2000 + dec
    else:
        ref = (ctx.anchor or date.today()).year
        start = 2000 + dec if 2000 + dec <= ref else 1900 + dec
    return {"type": "date", "value": f"{start}/{start + 9}"}


def r_decade_rel(m: re.Match[str], ctx: Context) -> Fields | None:
    off = _offset(m.group("off")) or 0
    if ctx.anchor is None:
        return {
            "type": "date",
            "value": None,
            "anchored": True,
            "relative": {"unit": "decade", "offset": off},
        }
    start = (ctx.anchor.year // 10 + off) * 10
    return {"type": "date", "value": f"{start}/{start + 9}", "anchored": True}


def r_vague(m: re.Match[str], ctx: Context) -> Fields | None:
    return {"type": "date", "value": lexicon().vague[" ".join(m.group("vague").split())]}


def _number(text: str) -> int | None:
    text = " ".join(text.split())
    if text.isdigit():
        return int(text)
    return lexicon().cardinals.get(text)


_DESIGNATOR = {"D": "D", "W": "W", "M": "M", "Y": "Y", "H": "H", "MIN": "M", "DEC": "Y", "C": "Y"}


def _duration(n: int | str, unit: str) -> str:
    """ISO 8601 duration; ``n`` may be "X" for an unspecified count ("بضعة أيام")."""
    if isinstance(n, int) and unit in ("DEC", "C"):
        n *= 10 if unit == "DEC" else 100
    time_part = unit in ("H", "MIN")
    return f"P{'T' if time_part else ''}{n}{_DESIGNATOR[unit]}"


def r_duration(m: re.Match[str], ctx: Context) -> Fields | None:
    unit, implied = lexicon().units[" ".join(m.group("unit").split())]
    n = _number(m.group("num")) if m.groupdict().get("num") else implied
    if not n:
        return None
    return {"type": "duration", "value": _duration(n, unit)}


def r_duration_one(m: re.Match[str], ctx: Context) -> Fields | None:
    """ "لمدة أسبوع", "طوال شهر": a unit alone after a word of duration is one of it."""
    unit, implied = lexicon().units[" ".join(m.group("unit").split())]
    return {"type": "duration", "value": _duration(implied, unit)}


def r_duration_some(m: re.Match[str], ctx: Context) -> Fields | None:
    """ "بضعة أيام", "عدة أشهر": a duration of unspecified length (TIMEX3 "PXD")."""
    unit, _ = lexicon().units[" ".join(m.group("unit").split())]
    return {"type": "duration", "value": _duration("X", unit)}


NIGHT = 24  # the daypart value of "ليلاً" in time_words.tsv
_FRACTIONS = {
    ("نصف", "H"): "PT30M",
    ("ربع", "H"): "PT15M",
    ("نصف", "C"): "P50Y",
    ("ربع", "C"): "P25Y",
}


def r_duration_fraction(m: re.Match[str], ctx: Context) -> Fields | None:
    unit, _ = lexicon().units[" ".join(m.group("unit").split())]
    value = _FRACTIONS.get((m.group("frac"), unit))
    return {"type": "duration", "value": value} if value else None


def r_time_named(m: re.Match[str], ctx: Context) -> Fields | None:
    return {"type": "time", "value": "T00:00" if m.group("named") == "الليل" else "T12:00"}


def r_time(m: re.Match[str], ctx: Context) -> Fields | None:
    gd = m.groupdict()
    hour = (
        int(gd["h"])
        if gd.get("h")
        else lexicon().ordinals.get(" ".join((gd.get("hw") or "").split()))
    )
    if hour is None:
        return None
    minute = (
        int(gd["mi"])
        if gd.get("mi")
        else {"النصف": 30, "الربع": 15, "الثلث": 20}.get(gd.get("frac") or "", 0)
    )
    part = gd.get("dp")
    if part:
        add = lexicon().dayparts[" ".join(part.split())]
        if add == NIGHT:  # "الحادية عشرة ليلاً" is 23:00, "الثانية ليلاً" 02:00
            add = 12 if 6 <= hour < 12 else 0
        if add and hour < 12:
            hour += add
        if not add and hour == 12:
            hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return _invalid("invalid time", kind="time")
    return {"type": "time", "value": f"T{hour:02d}:{minute:02d}"}


def r_set_every(m: re.Match[str], ctx: Context) -> Fields | None:
    """ "كل أربع سنوات" → P4Y, "كل ساعة" → PT1H, "كل شهرين" → P2M."""
    word = m.group("unit") or m.group("unit2")
    unit, implied = lexicon().units[" ".join(word.split())]
    n = _number(m.group("num")) if m.group("num") else implied
    if not n:
        return None
    return {"type": "set", "value": _duration(n, unit)}


def r_set_weekday(m: re.Match[str], ctx: Context) -> Fields | None:
    weekday = lexicon().weekdays[" ".join(m.group("wd").split())]
    return {"type": "set", "value": f"XXXX-WXX-{weekday}"}


def r_set(m: re.Match[str], ctx: Context) -> Fields | None:
    return {"type": "set", "value": lexicon().sets[" ".join(m.group("set").split())]}


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def patterns() -> list[Pattern]:
    lex = lexicon()
    gm = lex.alternation(lex.gregorian)
    hm = lex.alternation(lex.hijri)
    wd_al = lex.alternation({w: 1 for w in lex.weekdays if w.startswith("ال")})
    wd_any = lex.alternation(lex.weekdays)
    ordinal = lex.alternation(lex.ordinals)
    card = lex.alternation(lex.cardinals)
    off = lex.alternation(lex.offsets)
    part = lex.alternation(lex.parts)
    units = lex.alternation({w: 1 for w, (_, n) in lex.units.items() if n == 1})
    units_all = lex.alternation(lex.units)
    duals = lex.alternation({w: 1 for w, (_, n) in lex.units.items() if n == 2})
    days = lex.alternation(lex.days)
    vague = lex.alternation(lex.vague)
    sets = lex.alternation(lex.sets)
    decades = lex.alternation(lex.decades)
    dayparts = lex.alternation(lex.dayparts)
    dayparts_long = lex.alternation({w: 1 for w in lex.dayparts if len(w) > 1})
    # "صباح اليوم", "مساء أمس", "فجر الخميس": the part of the day belongs to the expression;
    # the value stays the day (ليلة is left out: "ليلة الاثنين" is the night before Monday)
    daypart_of = r"(?:(?:فجر|صباح|ظهر|عصر|مساء)\s+)?"
    clear_months = lex.alternation({w: 1 for w in lex.gregorian if w not in AMBIGUOUS_MONTHS})
    pair = rf"(?:{gm})(?:\s*[/\-(]\s*(?:{gm})\s*\)?)?"
    year = r"(?:1[89]|20|21)\d\d"
    wd_opt = rf"(?:(?:يوم\s+)?(?:{wd_al})\s*[,،-]?\s*)?"
    day = rf"(?:(?P<day>\d{{1,2}})|(?P<ord>{ordinal})\s+من)"
    greg_suffix = r"(?:\s*(?:م|ميلاديه|ميلادي)(?![^\W_]))?"
    hijri_suffix = r"(?:\s*(?:ه|هجريه|هجري)(?![^\W_]))?"
    specs: list[tuple[str, str, Callable[[re.Match[str], Context], Fields | None]]] = [
        (
            "night",
            rf"{B}(?:ليل|ليله|ليلة)\s+(?:يوم\s+)?(?P<wa>{wd_al})\s*(?:[-/]|و)?\s*(?P<wb>{wd_al}){E}",
            r_night,
        ),
        (
            "day_range",
            rf"{B}(?:من\s+|بين\s+)(?P<da>\d{{1,2}})\s*(?:الى|حتي|-|و)\s*(?P<db>\d{{1,2}})\s+(?:من\s+)?(?P<month>{pair})(?:\s*[,،]?\s*(?P<year>{year}))?(?:\s+(?P<off>{off}))?{E}",
            r_day_range,
        ),
        (
            "year_range",
            rf"{B}بين\s+(?:عامي\s+|العامين\s+)?(?P<ya>{year})\s+و\s*(?P<yb>{year}){E}",
            r_year_range,
        ),
        (
            "year_range_to",
            rf"{B}من\s+(?:عام\s+)?(?P<ya>{year})\s+(?:الى|حتي)\s+(?:عام\s+)?(?P<yb>{year}){E}",
            r_year_range,
        ),
        ("year_dash", rf"{B}(?P<ya>{year})\s*[-–/]\s*(?P<yb>{year}){E}", r_year_range),
        (
            "hijri_date",
            rf"{B}{wd_opt}(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{hm})\s*[,،]?\s*(?:عام\s+|سنه\s+)?(?P<hyear>\d{{3,4}}){hijri_suffix}{E}",
            r_hijri_date,
        ),
        (
            "full_date",
            rf"{B}{wd_opt}{day}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{pair})(?:\s*[,،]?\s*(?:عام\s+|سنه\s+)?(?P<year>{year}){greg_suffix})?(?:\s+(?P<off>{off}))?{E}",
            r_full_date,
        ),
        (
            "numeric_dmy",
            rf"{B}{wd_opt}(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>\d{{4}})(?:\s*(?P<h>ه(?![^\W_])|هجري)|{greg_suffix}){E}",
            r_numeric,
        ),
        (
            "numeric_ymd",
            rf"{B}(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?:T[\d:.+\-Z]+)?(?:\s*(?P<h>ه(?![^\W_])|هجري))?{E}",
            r_numeric,
        ),
        (
            "part_month",
            rf"{B}(?P<part>{part})\s+(?:شهر\s+)?(?P<month>{pair})(?:\s*[,،]?\s*(?P<year>{year}))?(?:\s+(?P<off>{off}))?{E}",
            lambda m, c: r_month_year(m, c) if m.group("year") else r_month_rel(m, c),
        ),
        (
            "part_year",
            rf"{B}(?P<part>{part})\s+(?:عام\s+|العام\s+|سنه\s+)?(?P<year>{year}){E}",
            r_part_year,
        ),
        (
            "part_period",
            rf"{B}(?P<part>{part})\s+(?P<period>الاسبوع|الشهر|العام|السنه)\s+(?P<off>{off}){E}",
            r_period,
        ),
        (
            "part_this",
            rf"{B}(?P<part>{part})\s+(?:هذا|هذه)\s+(?P<period>الاسبوع|الشهر|العام|السنه){E}",
            r_period,
        ),
        (
            "hijri_month",
            rf"{B}(?:شهر\s+)?(?P<hmonth>{hm})\s*[,،]?\s*(?:عام\s+)?(?P<hyear>\d{{3,4}}){hijri_suffix}{E}",
            r_hijri_month,
        ),
        (
            "hijri_year",
            rf"{B}(?:عام\s+|العام\s+|سنه\s+)?(?P<hyear>\d{{3,4}})\s*(?:ه|هجريه|هجري)(?![^\W_])",
            r_hijri_year,
        ),
        (
            "month_year",
            rf"{B}(?:شهر\s+)?(?P<month>{pair})\s*[,،]?\s*(?:عام\s+)?(?P<year>{year}){greg_suffix}{E}",
            r_month_year,
        ),
        ("month_rel", rf"{B}(?:شهر\s+)?(?P<month>{pair})\s+(?P<off>{off}){E}", r_month_rel),
        ("month_named", rf"{B}شهر\s+(?P<month>{pair}){E}", r_month_rel),
        (
            "month_prep",
            rf"(?<![^\W_])(?:في|خلال|منذ|حتي|قبل|بعد|مع|بحلول)\s+(?P<x>(?P<month>{pair})){E}",
            r_month_rel,
        ),
        ("month_alone", rf"{B}(?P<month>{clear_months}){E}", r_month_rel),
        ("period", rf"{B}(?P<period>الاسبوع|الشهر|العام|السنه)\s+(?P<off>{off}){E}", r_period),
        ("this_period", rf"{B}(?:هذا|هذه)\s+(?P<period>الاسبوع|الشهر|العام|السنه){E}", r_period),
        (
            "decade",
            rf"{B}(?P<dec>{decades})(?:\s+(?:من\s+)?القرن\s+(?P<cent>الماضي|العشرين|الحالي|الحادي\s+والعشرين))?{E}",
            r_decade,
        ),
        ("decade_rel", rf"{B}العقد\s+(?P<off>{off}){E}", r_decade_rel),
        ("year_word", rf"{B}(?:عام|العام|سنه)\s+(?P<year>{year}){greg_suffix}{E}", r_year),
        (
            "year_prep",
            rf"(?<![^\W_])(?:في|منذ|حتي|قبل|بعد|الى|بين|خلال|مطلع|اواخر|بحلول)\s+(?P<x>(?P<year>{year})){greg_suffix}{E}",
            r_year,
        ),
        ("year_coord", rf"(?<=\d\d\d\d)\s+و\s*(?P<x>(?P<year>{year})){E}", r_year),
        ("year_paren", rf"\(\s*(?P<x>(?P<year>{year}))\s*\)", r_year),
        (
            "time_clock",
            rf"{B}(?:الساعه\s+)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?:\s*(?P<dp>{dayparts}))?{E}",
            r_time,
        ),
        (
            "time_dot",
            rf"{B}(?:الساعه\s+)?(?P<h>\d{{1,2}})\.(?P<mi>\d{{2}})\s*(?P<dp>{dayparts}){E}",
            r_time,
        ),
        (
            "time_hour",
            rf"{B}الساعه\s+(?:(?P<h>\d{{1,2}})|(?P<hw>{ordinal}|الواحده))(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?(?:\s+(?P<dp>{dayparts}))?{E}",
            r_time,
        ),
        (
            "weekday",
            rf"{B}{daypart_of}(?:(?P<yawm>يوم)\s+(?P<wd1>{wd_any})|(?P<wd2>{wd_al}))(?!\s+عشر)(?:\s+(?P<off>{off}))?{E}",
            r_weekday,
        ),
        (
            "rel_day",
            rf"{B}{daypart_of}(?P<rday>{days}){E}(?!\s*[”\"»'])(?!\s+(?:الوطني|العالمي|الدولي|التالي|نفسه|ذاته|الاول|الثاني|الاخير|السابع))",
            r_day,
        ),
        ("vague", rf"{B}(?P<vague>{vague}){E}", r_vague),
        ("set_weekday", rf"{B}كل\s+(?:يوم\s+)?(?P<wd>{wd_any}){E}", r_set_weekday),
        ("set", rf"{B}(?P<set>{sets}){E}", r_set),
        (
            "set_every",
            rf"{B}كل\s+(?:(?P<num>\d+|{card})\s+(?P<unit>{units})|(?P<unit2>{units_all}))(?![^\W_])",
            r_set_every,
        ),
        ("duration_dual", rf"{B}(?P<unit>{duals}){E}", r_duration),
        ("duration", rf"{B}(?P<num>\d+|{card})\s+(?P<unit>{units}){E}", r_duration),
        (
            "duration_one",
            rf"(?<![^\W_])(?:لمده|مده|طيله|طوال|قرابه|زهاء)\s+(?P<x>(?P<unit>{units})(?:\s+(?:واحد|واحده|كامل|كامله))?){E}",
            r_duration_one,
        ),
        ("duration_some", rf"{B}(?:بضعه|بضع|عده)\s+(?P<unit>{units_all}){E}", r_duration_some),
        (
            "duration_fraction",
            rf"{B}(?P<frac>نصف|ربع)\s+(?P<unit>ساعه|قرن){E}",
            r_duration_fraction,
        ),
        ("time_named", rf"{B}منتصف\s+(?P<named>الليل|النهار){E}", r_time_named),
        (
            "time_ordinal",
            rf"(?<![^\W_])(?:في|عند|حتي|قرابه|نحو|حوالي)\s+(?P<x>(?P<hw>{ordinal}|الواحده)(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?\s+(?P<dp>{dayparts_long})){E}",
            r_time,
        ),
    ]
    # literals above are in ordinary spelling; fold them like the text they are matched against
    return [
        Pattern(name, re.compile(fold_letters(rx)), fn, frozenset(NEEDS[name]))
        for name, rx, fn in specs
    ]


_NOT_TODAY_BEFORE = re.compile(
    fold_letters(
        r"(?:روسيا|مصر|الشرق|اخبار|العالم|تونس|السودان|المغرب|الخليج|البحرين|لبنان|فلسطين|اليمن|ليبيا|صحيفه|جريده|موقع|قناه|وكاله|بوابه)\s+$"
    )
)


def _accept(name: str, m: re.Match[str], ctx: Context) -> bool:
    """Context checks a regex cannot express well."""
    if name == "rel_day" and m.group("rday") == "اليوم":
        return not _NOT_TODAY_BEFORE.search(ctx.text, 0, m.start())
    return True


@dataclass
class _Cand:
    start: int
    end: int
    fields: Fields
    order: int


def find_timexes(text: str, anchor: date | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, normalized against ``anchor`` where needed."""
    folded, where = normalize_with_offsets(text)
    folded = folded.replace("\n", BARRIER)  # no expression runs across a line break
    ctx = Context(folded, anchor)
    cands: list[_Cand] = []
    present = triggers(folded)
    for order, pat in enumerate(patterns()):
        if not pat.needs <= present:
            continue
        for m in pat.regex.finditer(folded):
            if not _accept(pat.name, m, ctx):
                continue
            fields = pat.resolve(m, ctx)
            if fields is None:
                continue
            span = m.span("x") if "x" in pat.regex.groupindex and m.group("x") else m.span()
            cands.append(_Cand(span[0], span[1], fields, order))
    chosen = _approximate(folded, _join_ranges(folded, _select(cands)))
    out = []
    for c in chosen:
        start, end = _since(folded, c)
        o_start, o_end = where[start], where[end - 1] + 1
        while o_end < len(text) and DROPPED.match(text[o_end]):  # "غداً", "1445 هـ"
            o_end += 1
        out.append(_timex(text, o_start, o_end, c.fields, anchor))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest expressions first; a shorter one inside a longer one is part of it."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


_RANGE_LINK = re.compile(fold_letters(r"\s*(?:الى|إلى|حتى|-|–)\s*"))
_RANGE_OPEN = re.compile(fold_letters(r"(?<![^\W_])(?:من|بين)\s+$"))


def _join_ranges(folded: str, chosen: list[_Cand]) -> list[_Cand]:
    """ "من 22 جوان إلى 1 جويلية": two dates joined into the interval they bound."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.fields.get("type") == "date"
            and c.fields.get("type") == "date"
            and isinstance(prev.fields.get("value"), str)
            and isinstance(c.fields.get("value"), str)
            and _RANGE_LINK.fullmatch(folded, prev.end, c.start)
        ):
            opener = _RANGE_OPEN.search(folded, max(0, prev.start - 8), prev.start)
            if opener:
                value = f"{prev.fields['value']}/{c.fields['value']}"
                anchored = bool(prev.fields.get("anchored") or c.fields.get("anchored"))
                fields = {"type": "interval", "value": value, "anchored": anchored}
                out[-1] = _Cand(opener.start(), c.end, fields, prev.order)
                continue
        out.append(c)
    return out


def _approximate(folded: str, chosen: list[_Cand]) -> list[_Cand]:
    """ "حوالي الساعة 10:30", "نحو ثلاثة أيام": the word joins the extent, mod APPROX."""
    for c in chosen:
        if c.fields.get("type") not in ("time", "duration"):
            continue
        m = _approx_rx().search(folded, max(0, c.start - 10), c.start)
        if m:
            c.start = m.start()
            c.fields = {**c.fields, "mod": "APPROX"}
    return chosen


@lru_cache(maxsize=1)
def _approx_rx() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{lexicon().alternation(lexicon().approx)})\s+$")


_SINCE = re.compile(r"(?<![^\W_])[وف]?(?P<since>منذ)\s+$")  # ومنذ: the clitic stays outside


def _since(folded: str, c: _Cand) -> tuple[int, int]:
    """ "منذ 4 أبريل 2019": an open interval from that date; "منذ" joins the extent."""
    m = _SINCE.search(folded, max(0, c.start - 12), c.start)
    value = c.fields.get("value")
    if m and c.fields.get("type") in ("date", "interval") and isinstance(value, str):
        first = value.split("/")[0]
        if not first.endswith("_REF"):
            c.fields = {**c.fields, "type": "interval", "value": f"{first}/.."}
            return m.start("since"), c.end
    return c.start, c.end


def _timex(text: str, start: int, end: int, fields: Fields, anchor: date | None) -> Timex:
    anchored = bool(fields.get("anchored"))
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=str(fields.get("type", "date")),
        value=fields.get("value"),  # type: ignore[arg-type]
        mod=fields.get("mod"),  # type: ignore[arg-type]
        anchored=anchored,
        anchor=anchor.isoformat() if anchored and anchor is not None else None,
        relative=fields.get("relative"),  # type: ignore[arg-type]
        calendar=str(fields.get("calendar", "gregorian")),
        reason=fields.get("reason"),  # type: ignore[arg-type]
    )
