"""Month, weekday, number and relative-time words, from CLDR (through babel) and rasid/data.

CLDR holds the Gregorian month names of every Arabic locale — Egyptian/Gulf (يناير…),
Levantine/Iraqi (كانون الثاني…), Algerian/Tunisian (جانفي…), Moroccan (يوليوز، غشت…) — so
those come from babel rather than a hand-typed list. What CLDR lacks (spelling variants such as
إبريل/يوليه/أغسطس, Hijri months, number words, relative phrases) is data in rasid/data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from babel import Locale
from babel.localedata import locale_identifiers

from rasid.normalize import normalize_arabic


def _rows(name: str) -> list[list[str]]:
    text = resources.files("rasid.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _norm(word: str) -> str:
    return normalize_arabic(word)


@lru_cache(maxsize=1)
def arabic_locales() -> list[str]:
    return sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_"))


@dataclass(frozen=True)
class Lexicon:
    gregorian: dict[str, int]  # normalized spelling → month number
    hijri: dict[str, int]
    weekdays: dict[str, int]  # normalized spelling (with and without ال) → ISO weekday
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, int]]  # spelling → (ISO designator, count implied: 1 or 2)
    offsets: dict[str, int]
    parts: dict[str, str]
    days: dict[str, int]
    vague: dict[str, str]
    sets: dict[str, str]
    decades: dict[str, int]
    dayparts: dict[str, int]
    approx: frozenset[str]
    future: frozenset[str]

    def alternation(self, words: dict[str, object] | frozenset[str]) -> str:
        """Regex alternation of normalized spellings, longest first, spaces flexible."""
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    gregorian: dict[str, int] = {}
    for ident in arabic_locales():
        for num, name in Locale.parse(ident).months["format"]["wide"].items():
            gregorian.setdefault(_norm(name), num)
    hijri: dict[str, int] = {}
    for calendar, num, spellings in _rows("months.tsv"):
        target = gregorian if calendar == "gregorian" else hijri
        for spelling in spellings.split("|"):
            if "/" not in spelling:
                target.setdefault(_norm(spelling), int(num))
    weekdays: dict[str, int] = {}
    for ident in ("ar",):
        names = Locale.parse(ident).days["format"]["wide"]
        for babel_num, name in names.items():  # babel: 0 = Monday
            weekdays[_norm(name)] = babel_num + 1
    for num, spellings in _rows("weekdays.tsv"):
        for spelling in spellings.split("|"):
            weekdays.setdefault(_norm(spelling), int(num))
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for kind, value, spellings in _rows("numbers.tsv"):
        target = cardinals if kind == "cardinal" else ordinals
        for spelling in spellings.split("|"):
            target[_norm(spelling)] = int(value)
    tables: dict[str, dict[str, str]] = {}
    for kind, key, spellings in _rows("time_words.tsv"):
        for spelling in spellings.split("|"):
            tables.setdefault(kind, {})[_norm(spelling)] = key
    units = {w: (k.rstrip("2"), 2 if k.endswith("2") else 1) for w, k in tables["unit"].items()}
    return Lexicon(
        gregorian=gregorian,
        hijri=hijri,
        weekdays=weekdays,
        cardinals=cardinals,
        ordinals=ordinals,
        units=units,
        offsets={w: int(k) for w, k in tables["offset"].items()},
        parts=tables["part"],
        days={w: int(k) for w, k in tables["day"].items()},
        vague=tables["vague"],
        sets=tables["set"],
        decades={w: int(k) for w, k in tables["decade"].items()},
        dayparts={w: int(k) for w, k in tables["daypart"].items()},
        approx=frozenset(tables["approx"]),
        future=frozenset(tables["future"]),
    )
