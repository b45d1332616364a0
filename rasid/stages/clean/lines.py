"""The Arabic line classifier: what each line of a scraped page is.

Every line gets one tag: ``blank``, ``date`` (a line that is essentially a date, e.g. the
site's header "الثلاثاء 16 أبريل 2024 الموافق 07 شوال 1445"), ``dateline`` (a date signed by
an agency, which opens the article body), a chrome kind from
``rasid/data/chrome.tsv`` (``start``, ``end``, ``inline``, ``readalso``, ``byline``,
``caption``, ``source``), or ``text``. Text lines are classified later, once hard-wrapped
lines are joined, because a fragment like "أوضحت" says nothing on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.stages.clean.rules import (
    agency_names,
    chrome_rules,
    date_filler_regex,
    date_regex,
    norm_line,
)

CHROME_KINDS = frozenset(
    {"start", "ticker", "end", "inline", "readalso", "byline", "caption", "source"}
)
_TERMINAL = re.compile(r"[.!?؟…:؛]['\"”»)\]]*$|[.!?؟]['\"”»)\]]+$")
_DIGIT = re.compile(r"\d")
_BAR = re.compile(r"\s[|•·]\s|\s\|\s?|\s?\|\s")
_SYMBOLS_ONLY = re.compile(r"^[\W\d_]*$")


@dataclass
class Line:
    """One physical line of the page with its offsets into the raw text."""

    text: str
    start: int
    end: int
    norm: str
    words: int
    tag: str = "text"

    @property
    def is_chrome(self) -> bool:
        return self.tag in CHROME_KINDS


def split_lines(raw: str) -> list[Line]:
    """Physical lines with raw offsets; surrounding whitespace is trimmed from the span."""
    lines = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        text = body.strip()
        start = pos + lead
        norm = norm_line(text) if text else ""
        lines.append(Line(text, start, start + len(text), norm, len(norm.split())))
        pos += len(piece)
    return lines


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def is_date_line(norm: str) -> bool:
    """A line made of a date plus weekday, time, labels and separators, and nothing else."""
    if not norm or len(norm) > 120 or not _DIGIT.search(norm) or not date_regex().search(norm):
        return False
    n_dates = len(date_regex().findall(norm))
    if _leftover_words(norm) <= (1 if n_dates < 2 else 3):
        return True
    # "بتاريخ : 20-04-2024 | القراءات : 874 | نسخة للطباعة": a meta bar with a date in it
    parts = [p for p in _BAR.split(norm) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts)


def _leftover_words(norm: str) -> int:
    rest = date_regex().sub(" ", norm)
    return len(date_filler_regex().sub(" ", rest).split())


def _signed_by_agency(norm: str) -> bool:
    """ "طوكيو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس": an agency dateline."""
    bare = norm.strip(" ()[]-–:")
    return any(bare.endswith(a) or bare.startswith(a) for a in agency_names())


def is_bar_line(norm: str) -> bool:
    """ "الدولار 7.83 | اليورو 8.60 | الذهب 285", "FR | AR": strips of short items."""
    parts = [p for p in _BAR.split(norm) if p.strip()]
    if len(parts) >= 3:
        return all(len(p.split()) <= 6 for p in parts)
    return len(parts) == 2 and all(len(p.split()) <= 3 for p in parts)


def tag_line(line: Line) -> str:
    if not line.text:
        return "blank"
    if is_date_line(line.norm):
        return "dateline" if _signed_by_agency(line.norm) else "date"
    if _SYMBOLS_ONLY.match(line.norm):
        return "inline"
    if is_bar_line(line.norm):
        return "start"
    kind = chrome_rules().kind(line.norm, line.words)
    return kind or "text"


def tag_lines(lines: list[Line]) -> list[Line]:
    for line in lines:
        line.tag = tag_line(line)
    return lines
