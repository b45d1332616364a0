"""The dateline: "طرابلس (رويترز) -", "بغداد - واع:", "دمشق-سانا:", "أنطاليا / الأناضول -".

Why a rule: wire copy opens with the city it was filed from and the outlet or agency that
filed it. The outlet is often an acronym or a plain word the tagger cannot know ("واع",
"العربية", "بوابة الوسط", "سبأ") and the city a small town; the position alone says what
they are. Only the opening of the first paragraphs is read, and only in the shapes wire
services use: city, a dash/slash/bracket, the outlet (optionally in «» "" or ()), then a
dash, colon or full stop; or the outlet alone in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasid.stages.entities.recognize import Mention
from rasid.stages.entities.tokens import Token

_WORD = r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+"
_NAME = rf"{_WORD}(?:[ \u00a0]{_WORD}){{0,2}}"
_OUTLET = r"[^\s()«»\"“”\-–—/:.،,][^\n()«»\"“”\-–—/:.،,]{0,38}?"
_OPEN, _CLOSE = r"[(«\"“]", r"[)»\"”]"
_DATELINE = re.compile(
    rf"(?P<city>{_NAME})[ \u00a0]*(?:\(|[-–—/][ \u00a0]*{_OPEN}?)[ \u00a0]*"
    rf"(?P<outlet>{_OUTLET})[ \u00a0]*{_CLOSE}?[ \u00a0]*[-–—:.]"
)
_BARE = re.compile(rf"\([ \u00a0]*(?P<outlet>{_OUTLET})[ \u00a0]*\)[ \u00a0]*[-–—:]")
MAX_OUTLET_WORDS = 5
# an outlet never ends in the particle of reported speech: "واشنطن - قال مسؤول إن."
_NOT_OUTLET_END = ("إن", "أن", "ان")
PARAGRAPHS = 2  # the dateline opens the first paragraph, after a byline at most


def _spans(text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) of the city and the outlet of each dateline found."""
    out = []
    start = 0
    for _ in range(PARAGRAPHS):
        line_end = text.find("\n", start)
        line = text[start : line_end if line_end >= 0 else len(text)]
        m = _DATELINE.match(line) or _BARE.match(line)
        outlet = m.group("outlet").split() if m else []
        if m and len(outlet) <= MAX_OUTLET_WORDS and outlet[-1] not in _NOT_OUTLET_END:
            if "city" in m.groupdict():
                out.append(("LOC", start + m.start("city"), start + m.end("city")))
            out.append(("ORG", start + m.start("outlet"), start + m.end("outlet")))
            break
        if line_end < 0:
            break
        start = line_end + 1
        while start < len(text) and text[start] == "\n":
            start += 1
    return out


def dateline_mentions(text: str, tokens: Sequence[Token], shift: int = 0) -> list[Mention]:
    """The dateline's city (LOC) and outlet (ORG) in the body ``text`` as mentions of
    source ``dateline``; ``tokens`` have offsets ``shift`` characters further on."""
    out = []
    for kind, start, end in ((k, s + shift, e + shift) for k, s, e in _spans(text)):
        inside = []
        for i, t in enumerate(tokens):
            if t.start >= end:
                break
            if t.start >= start and t.end <= end:
                inside.append(i)
        if inside:
            out.append(Mention(inside[0], inside[-1] + 1, kind, "dateline"))
    return out


def merge_dateline(
    mentions: list[Mention], found: Sequence[Mention], tokens: Sequence[Token]
) -> list[Mention]:
    """``mentions`` with the dateline's mentions in place of any they overlap; the outlet's
    name quoted again in the body ("مع «الشرق الأوسط»") is the outlet, not the region."""
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.overlaps(d) for d in found)]
    outlets = {_words(tokens, d) for d in found if d.type == "ORG"}
    for m in kept:
        if m.type != "ORG" and _words(tokens, m) in outlets and _quoted(tokens, m):
            m.type, m.source = "ORG", "dateline"  # typed by where it stands, not by votes
    return sorted([*kept, *found], key=lambda m: (m.first, -m.stop))


def _words(tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens[m.first : m.stop])


def _quoted(tokens: Sequence[Token], m: Mention) -> bool:
    return m.first > 0 and m.stop < len(tokens) and tokens[m.first - 1].text in ("«", '"')
