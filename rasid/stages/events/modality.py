"""Whether an event is reported as done, planned, denied or conditional.

Markers are data (``rasid/data/event_modality.tsv``): negation and future particles stand
before the trigger in its clause (لم يلتقيا، من المقرر أن يزور), adjectives of expectation
right after a noun (زيارة مرتقبة), conditions anywhere after it in its clause (ستلتزم … ما
دام). ``claimed`` is not found here: it comes from the quote an event sits in.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic
from rasid.stages.events.arguments import new_clause
from rasid.stages.events.triggers import Trigger
from rasid.stages.events.view import SentenceView, function_forms

BEFORE_WINDOW = 4
AFTER_WINDOW = 2
Marker = tuple[tuple[str, ...], str, str]  # words, modality, where


@lru_cache(maxsize=1)
def markers() -> list[Marker]:
    text = resources.files("rasid.data").joinpath("event_modality.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words, modality, where = line.split("\t")
        out.append((tuple(normalize_arabic(words).split()), modality, where))
    return out


def _at(view: SentenceView, i: int, words: tuple[str, ...]) -> bool:
    if i < 0 or i + len(words) > len(view.tokens):
        return False
    first = view.tokens[i].norm
    if words[0] != first and words[0] not in function_forms(first):
        return False
    return all(view.tokens[i + k].norm == w for k, w in enumerate(words[1:], 1))


def find_modality(view: SentenceView, trig: Trigger, lo: int, hi: int) -> str:
    """asserted / planned / denied / conditional for a trigger whose clause is [lo, hi)."""
    i = trig.index
    anchor = trig.light if trig.light is not None else i
    found = "planned" if trig.future else None
    for words, modality, where in markers():
        if where == "before":
            span = range(max(lo, anchor - BEFORE_WINDOW), anchor)
        elif where == "after":
            span = range(i + 1, min(hi, i + 1 + AFTER_WINDOW))
        else:  # up to a new clause (رحبت بالاجتماع، وقالت إنها ستفرض … إذا …: not the welcome's)
            end = next((j for j in range(i + 1, hi) if new_clause(view, j)), hi)
            span = range(i + 1, end)
        if any(_at(view, j, words) for j in span) and (
            modality == "denied" or found is None or modality == "conditional"
        ):
            found = modality
    return found or "asserted"
