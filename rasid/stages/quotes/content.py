"""Where a quote's content starts and ends, and whether it is a direct quotation.

Reported content runs from after a bare complementiser (قال إن …) to the end of its clause:
the end of the sentence, or a comma before a new clause (a participial cue that starts its
own quote, an attribution بحسب …, a contrast فيما …). Commas inside quotation marks never
end it. Content that is wholly one quotation is a direct quote without its marks.
"""

from __future__ import annotations

from rasid.stages.quotes.cues import cue_of
from rasid.stages.quotes.lexicon import words
from rasid.stages.quotes.text import CLOSING, COMMAS, ENDS, OPENING, Sentence, is_word

TRAILING = COMMAS | ENDS | {":", "-", "–", "—"}


def clause_end(sent: Sentence, first: int, breaks: bool = True) -> int:
    """Index after the last token of the clause starting at token ``first`` (of the
    sentence when not ``breaks``: an attribution that opens it governs all of it)."""
    toks = sent.tokens
    closing: str | None = None
    for i in range(first, len(toks)):
        text = toks[i].text
        if closing is not None:
            if text == closing or (closing == '"' and text in CLOSING):
                closing = None
            continue
        if text in OPENING:
            closing = OPENING[text]
            continue
        if text in ENDS:
            return i
        if breaks and text in COMMAS and i + 1 < len(toks) and _opens_clause(sent, i + 1):
            return i
    return len(toks)


def _opens_clause(sent: Sentence, i: int) -> bool:
    token = sent.tokens[i]
    if is_word(token, "clause_break"):
        return True
    cue = cue_of(token)
    if cue is not None and cue.kind in ("participle", "preposition"):
        return True
    # "…، لكنها أقرت بأن": a new speech verb one word into the clause
    after = cue_of(sent.tokens[i + 1]) if i + 1 < len(sent.tokens) else None
    return (cue or after) is not None and (cue or after).kind == "verb"


def trim(sent: Sentence, first: int, stop: int) -> tuple[int, int] | None:
    """Token range ``first``..``stop`` without trailing punctuation; None if empty."""
    while stop > first and sent.tokens[stop - 1].text in TRAILING:
        stop -= 1
    return (first, stop) if stop > first else None


def content_span(sent: Sentence, first: int, stop: int) -> tuple[str, int, int] | None:
    """``(label, start, end)``: "direct" with the marks cut off when the tokens are one
    quotation, else "reported" over the tokens."""
    found = trim(sent, first, stop)
    if found is None:
        return None
    first, stop = found
    toks = sent.tokens
    opening, last = toks[first].text, toks[stop - 1].text
    if opening in OPENING and stop - first > 2 and last in CLOSING:
        inner = [t.text for t in toks[first + 1 : stop - 1]]
        if not any(t in CLOSING or t in OPENING for t in inner):
            return "direct", toks[first].end, toks[stop - 1].start
    return "reported", toks[first].start, toks[stop - 1].end


def complement(sent: Sentence, cue_index: int, limit: int = 30) -> tuple[int, int] | None:
    """``(speaker_stop, content_first)`` for a cue taking a clause: the complementiser
    (bare: content after it; with a pronoun: content from it) or a colon, searched up to
    the sentence's end, the next cue or ``limit`` tokens."""
    toks = sent.tokens
    for k in range(cue_index + 1, min(len(toks), cue_index + 1 + limit)):
        token = toks[k]
        if token.text in ENDS:
            return None
        if token.text == ":":
            return k, k + 1
        if token.norm in words()["comp"]:
            if k > cue_index + 1 and is_word(toks[k - 1], "not_comp"):
                continue
            return k, k + 1
        if token.norm in words()["comp_pronoun"]:
            return k, k
        other = cue_of(token) if k > cue_index + 1 and not is_word(token, "relayed_by") else None
        if other is not None and other.kind == "participle" and toks[k - 1].text not in COMMAS:
            continue  # "وأضاف X قائلاً:": without a comma it is an adverb of this cue
        if other is not None and other.kind == "preposition" and other.complement == "relay":
            continue  # "ذكرت صحيفة X نقلاً عن Y أن": the relay sits inside the speaker phrase
        if other is not None and other.kind == "preposition" and toks[k - 1].text in COMMAS:
            continue  # "وأكد X، وفقاً لوكالة تاس، أن": an attribution set off by commas
        if other is not None and other.kind != "noun":
            return None
    return None
