"""Readers of a cue's complement: one function per shape a quote takes after its cue.

A clause after إن/أن (:func:`_clause`), a request whose content keeps its addressee
(:func:`_request`), a description (:func:`_describe`), a relay through an outlet
(:func:`_relay`), an attribution standing outside the cue (:func:`_source`) and a report of a
noun after بـ (:func:`_bi_report`). :func:`read_cue` picks the reader the cue's lexicon row
names; each returns a :class:`Quote` or None when the cue introduces no quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rasid.stages.entities.tokens import Token, raw_offset
from rasid.stages.quotes.chains import Hop, relay_hop, told_to
from rasid.stages.quotes.content import clause_end, complement, content_span
from rasid.stages.quotes.cues import cue_of
from rasid.stages.quotes.lexicon import Cue, cue_forms
from rasid.stages.quotes.speakers import (
    Context,
    Speaker,
    antecedent,
    read_speaker,
    ref,
    unresolved,
)
from rasid.stages.quotes.text import CLOSING, COMMAS, OPENING, Sentence, is_word

_REQUEST_MARKS = frozenset({"الي", "علي", "ان", "بان"})
_DESCRIBE_MARKS = frozenset({"ب", "بانه", "بانها", "بانهم", "بانهما"})
_RELAY_FROM = "عن"
_PASSIVE_ASIDES = frozenset({"يذكر", "ويذكر", "يتوقع", "ويتوقع", "يرجح", "ويرجح", "يستبعد"})
_ASIDE_OPENERS = frozenset({"الجدير", "والجدير", "مما", "ومما"})  # الجدير ذكره، مما يذكر
_OCCASION = frozenset({"في", "خلال"})
_WITH = frozenset({"مع", "ومع", "بين"})
MAX_AFTER_OCCASION = 12  # tokens: the occasion, the outlet, the title, then the name
_AS_SAID = frozenset({"حسبما", "بحسبما", "وحسبما", "وفقما"})  # "…، حسبما قال X"
_AS = frozenset({"كما", "مثلما"})  # "…، كما قال X" (with no complement after it)
_WHAT = frozenset({"ما", "مما", "بما", "عما"})  # not فيما (while) nor لما (when)
_LABEL_WORDS = 3  # words of a quoted label (ما وصفته بـ"إعادة التموضع")
_NOT_CUE = Cue("", "", "", False)
_BIHI = frozenset({"به", "بها"})
_THAT = frozenset({"ذلك", "هذا"})  # "…، ذكر ذلك X": the words before are what was said
_POSTPOSED_CLAUSE = 6  # words before the comma: fewer are an opener, not what was said
_POSTPOSED_TITLE = 5  # words of title before a postposed speaker's name
_POSTPOSED_TAIL = 8  # words after a postposed speaker (an adjunct: "في تصريح صحفي")
_GOVERNING = frozenset({"الي", "عن", "من"})  # أشار إلى أن، كشف عن أن، حذر من أن
_THEN = frozenset({"فان", "فانه", "فانها"})  # "بحسب X، فإن …": the clause follows فإن


@dataclass
class Quote:
    """One quote before it becomes a span."""

    label: str
    start: int
    end: int
    cue: Token
    entry: Cue
    speaker: Speaker | None
    sentence: tuple[int, int]
    relays: list[Hop] = field(default_factory=list)
    parent: Quote | None = None
    attribution: bool = False  # "بحسب …": the content is the clause it attributes


def read_cue(
    sent: Sentence, i: int, cue: Cue, ctx: Context, before: list[Quote], body: int
) -> Quote | None:
    """The quote cue ``cue`` at token ``i`` introduces, or None (a cue with a bare noun
    object, a preposition that attributes nothing)."""
    toks = sent.tokens
    n = len(toks)
    if cue.complement == "as_put":
        if i >= 2 and toks[i - 1].norm == "حد" and toks[i - 2].norm in ("علي", "وعلي"):
            return _as_put(sent, i, cue, ctx, body)
        return None
    if cue.kind == "preposition":
        if cue.complement == "relay":
            if i + 1 < n and toks[i + 1].norm == _RELAY_FROM:
                return _source(sent, i, i, i + 2, cue, ctx, body)
            return None
        if i + 1 < n and toks[i + 1].norm == "ما":
            return None  # "بحسب ما أفادت X": the verb is the cue
        return _source(sent, i, i, i + 1, cue, ctx, body)
    if i >= 2 and toks[i - 1].norm in _AS_SAID:  # "…، حسبما قال X"
        return _source(sent, i - 1, i, _past_bihi(sent, i + 1), cue, ctx, body)
    if (
        i >= 3
        and toks[i - 1].norm in _AS
        and toks[i - 2].text in COMMAS
        and cue.complement in ("that", "any", "report")
        and complement(sent, i) is None
        and read_speaker(sent, i + 1, len(toks), ctx) is not None
    ):  # "…، كما قال المرصد": the clause before the comma is what was said
        return _source(sent, i - 1, i, i + 1, cue, ctx, body)
    if cue.kind == "verb" and i - 1 > body and toks[i - 1].text in COMMAS:
        after = _postposed(sent, i, cue, ctx, body)
        if after is not None:
            return after
    if i >= 2 and toks[i - 1].norm == "ما":
        prep = cue_of(toks[i - 2])
        if prep is not None and prep.kind == "preposition":
            if cue.complement == "relay":
                return _relayed_source(sent, i, cue, ctx, body)
            return _source(sent, i - 2, i, _past_bihi(sent, i + 1), cue, ctx, body)
    if cue.complement == "relay":
        return _relay(sent, i, cue, ctx)
    if cue.complement == "request":
        return _request(sent, i, cue, ctx, before)
    if cue.complement == "describe":
        return _describe(sent, i, cue, ctx, before)
    return _clause(sent, i, cue, ctx, before)


def _past_bihi(sent: Sentence, p: int) -> int:
    """The subject after "وفق ما أفاد به" follows the resumptive به/بها."""
    return p + 1 if p < len(sent.tokens) and sent.tokens[p].norm in _BIHI else p


def _as_put(sent: Sentence, i: int, cue: Cue, ctx: Context, body: int) -> Quote | None:
    """ "…، على حد قوله / تعبيره": the clause before is what the subject of the sentence (or
    the last speaker) said."""
    toks = sent.tokens
    prep = i - 2
    if prep <= body or toks[prep - 1].text not in COMMAS:
        return None
    speaker = antecedent(sent, prep, ctx)
    quote = _quote(sent, i, cue, speaker, body, prep - 1)
    if quote is not None:
        quote.attribution = True
    return quote


def _relay_inside(sent: Sentence, i: int, q: int) -> int | None:
    """Index of "نقلاً" followed by عن between the cue and its complementiser, or None."""
    toks = sent.tokens
    for r in range(i + 1, q - 1):
        found = cue_of(toks[r])
        if found is not None and found.kind == "preposition" and found.complement == "relay":
            return r if toks[r + 1].norm == _RELAY_FROM else None
    return None


def _relayed_clause(
    sent: Sentence, i: int, cue: Cue, ctx: Context, r: int, q: int, first: int
) -> Quote | None:
    """ "وذكرت صحيفة X نقلاً عن مسؤولين أن …": the subject relays, the one after عن speaks."""
    speaker = read_speaker(sent, r + 2, q, ctx) or unresolved(sent, r + 2, q, ctx)
    if speaker is None:
        return None
    quote = _quote(sent, i, cue, speaker, first, clause_end(sent, first))
    hop = relay_hop(sent, i + 1, r, ctx.clean)
    if quote is not None and hop is not None:
        quote.relays.append(hop)
    return quote


def _aside(sent: Sentence, i: int) -> bool:
    """ "يُذكر أن …", "يُتوقع أن …", "الجدير ذكره أن …": impersonal — the writer's own
    background or forecast, no one is reported."""
    toks = sent.tokens
    return toks[i].norm in _PASSIVE_ASIDES or (i > 0 and toks[i - 1].norm in _ASIDE_OPENERS)


def _after_statement(sent: Sentence, i: int, q: int, ctx: Context) -> Speaker | None:
    """ "وقال في تصريح لصحيفة X رئيس الحزب فلان إن": the subject follows the occasion; the
    first person named after it, before the complementiser, speaks."""
    toks = sent.tokens
    if i + 2 >= q or toks[i + 1].norm not in _OCCASION or not is_word(toks[i + 2], "statement"):
        return None
    for k in range(i + 3, min(q, i + 3 + MAX_AFTER_OCCASION)):
        if toks[k].norm in _WITH or toks[k].text in COMMAS:
            return None  # "في لقاء مع الرئيس X": the person met, not the speaker
        span = sent.agent_at(k)
        if span is not None and span.attrs.get("type") == "PER" and span.start == toks[k].start:
            return Speaker("actor", span.text, span.start, span.end, [ref(span)], None, q)
    return None


def _postposed(sent: Sentence, i: int, cue: Cue, ctx: Context, body: int) -> Quote | None:
    """ "…، ذكر ذلك مدير الإدارة X." / "…، قال X.": the speaker follows the words it said,
    which run from the sentence's start to the comma before the cue."""
    toks = sent.tokens
    if toks[i].norm not in cue_forms():
        return None  # "…، وطالب X بـ": a verb with a conjunction is coordinated, not postposed
    quoted = sent.opens(body) and toks[i - 2].text in CLOSING and i - 2 > body + 1
    if not quoted and sum(t.text.isalpha() for t in toks[body : i - 1]) < _POSTPOSED_CLAUSE:
        return None  # "وفي ريف إدلب، أفاد المرصد …": an adverbial opener, not the words
    p = i + 1
    if p < len(toks) and toks[p].norm in _THAT:
        p += 1
    elif complement(sent, i) is not None:
        return None  # "…، قال X إن …": an ordinary quote
    speaker = read_speaker(sent, p, len(toks), ctx)
    if speaker is None or speaker.kind not in ("actor", "role"):
        return None
    named = speaker.actors[0].get("start") if speaker.actors else speaker.start
    reach = _POSTPOSED_TITLE + (3 if p > i + 1 else 0)  # "ذكر ذلك" announces a long title
    if named is None or named > toks[min(len(toks) - 1, p + reach)].end:
        return None  # the name is far into the clause: an object, not the speaker
    rest = [t for t in toks[speaker.stop :] if t.text.isalpha()]
    if len(rest) > _POSTPOSED_TAIL or any(cue_of(t) is not None for t in rest):
        return None
    return _quote(sent, i, cue, speaker, body, i - 1)


def _quote(
    sent: Sentence, i: int, cue: Cue, speaker: Speaker | None, first: int, stop: int
) -> Quote | None:
    found = content_span(sent, first, stop)
    if found is None:
        return None
    label, start, end = found
    return Quote(label, start, end, sent.tokens[i], cue, speaker, (sent.start, sent.end))


def _inherited(sent: Sentence, i: int, ctx: Context, before: list[Quote]) -> Speaker | None:
    """A participle's speaker: the previous quote's in the sentence, else the subject."""
    if before and before[-1].speaker is not None:
        return before[-1].speaker
    return antecedent(sent, i, ctx, first=True)


def _clause(sent: Sentence, i: int, cue: Cue, ctx: Context, before: list[Quote]) -> Quote | None:
    """قال/أكد/أضاف …: content after the complementiser, a colon or an opening quotation."""
    toks = sent.tokens
    comp = complement(sent, i)
    outlet = None
    if comp is not None and comp[0] == i + 1 and _aside(sent, i):
        return None
    if cue.kind == "participle":
        speaker = _inherited(sent, i, ctx, before)
        nxt = i + 1
    elif comp is not None:
        q = comp[0]
        if q - 1 > i + 1 and toks[q - 1].norm in _GOVERNING:
            q -= 1  # "أشار مصدر إلى أن": the preposition belongs to the cue, not the speaker
        relay = _relay_inside(sent, i, q)
        if relay is not None:
            return _relayed_clause(sent, i, cue, ctx, relay, q, comp[1])
        speaker = (
            read_speaker(sent, i + 1, q, ctx)
            or unresolved(sent, i + 1, q, ctx)
            or _after_statement(sent, i, q, ctx)
            or antecedent(sent, i, ctx)
        )
        nxt = comp[1]
        outlet = told_to(sent, i + 1, q, ctx.clean)
    else:
        read = read_speaker(sent, i + 1, clause_end(sent, i + 1), ctx)
        speaker = read or antecedent(sent, i, ctx)
        nxt = read.stop if read else i + 1
    if comp is None and cue.complement == "report" and cue.kind == "verb":
        reported = _bi_report(sent, i, cue, ctx)
        if reported is not None:
            return reported
    if comp is not None:
        first = comp[1]
    elif sent.quoted[i]:
        return None  # a speech verb inside a quotation reports speech only with its clause
    elif sent.opens(nxt) or (nxt < len(toks) and not cue.needs_comp):
        first = nxt
    else:
        return None
    quote = _quote(sent, i, cue, speaker, first, clause_end(sent, first))
    if quote is not None and outlet is not None:
        quote.relays.append(outlet)
    return quote


def _bi_report(sent: Sentence, i: int, cue: Cue, ctx: Context) -> Quote | None:
    """ "أفاد المرصد بقصف …": the content is the noun phrase after بـ (the letter left out)."""
    toks = sent.tokens
    for k in range(i + 2, min(len(toks), i + 8)):
        text = toks[k].text
        if text in COMMAS or text in OPENING or text in (".", ":"):
            return None
        norm = toks[k].norm
        if norm.startswith("ب") and len(norm) >= 4 and sent.entity_of[k] is None:
            speaker = read_speaker(sent, i + 1, k, ctx)
            found = content_span(sent, k, clause_end(sent, k))
            if speaker is None or found is None:
                return None
            start = toks[k].start + raw_offset(text, 1)
            span = (sent.start, sent.end)
            return Quote("reported", start, found[2], toks[i], cue, speaker, span)
    return None


def _request(sent: Sentence, i: int, cue: Cue, ctx: Context, before: list[Quote]) -> Quote | None:
    """دعا/طالب/حث/اتهم: the content is all after the speaker, the addressee included."""
    toks = sent.tokens
    if cue.kind == "participle" or _coordinated(sent, i, before):
        speaker, first = _inherited(sent, i, ctx, before), i + 1
    else:
        ahead = toks[i + 1 : i + 12]
        if not any(t.norm in _REQUEST_MARKS or t.norm.startswith("ب") for t in ahead):
            return None
        read = read_speaker(sent, i + 1, clause_end(sent, i + 1), ctx)
        speaker = read or antecedent(sent, i, ctx)
        first = _after_adjuncts(sent, read.stop if read else i + 1)
    stop = _own_clause(sent, first, clause_end(sent, first))
    if (
        first + 1 < stop
        and toks[first].norm in ("الي", "علي", "ب")
        and toks[first + 1].text in OPENING
    ):
        inner = content_span(sent, first + 1, stop)
        if inner is not None and inner[0] == "direct":
            return _quote(sent, i, cue, speaker, first + 1, stop)
    return _quote(sent, i, cue, speaker, first, stop)


def _own_clause(sent: Sentence, first: int, stop: int) -> int:
    """A request ends before "، و" + a verb of the outlet's narration (دعا إلى الحوار، وهدد
    بفرض عقوبات): that is the speaker's next act, not what he called for."""
    toks = sent.tokens
    for k in range(first + 1, stop - 1):
        nxt = toks[k + 1]
        if (
            toks[k].text in COMMAS
            and not sent.quoted[k]
            and nxt.norm.startswith("و")
            and (is_word(nxt, "act_verb") or (cue_of(nxt) or _NOT_CUE).kind == "verb")
        ):
            return k
    return stop


def _coordinated(sent: Sentence, i: int, before: list[Quote]) -> bool:
    """ "قال X إن …، ووصف Y بأنه …": a verb joined by و after a comma to a clause that already
    quoted someone keeps that subject; the name after it is the object."""
    return (
        bool(before)
        and i > 0
        and sent.tokens[i - 1].text in COMMAS
        and (sent.tokens[i].norm.startswith("و"))
    )


def _after_adjuncts(sent: Sentence, first: int) -> int:
    """Where a request's content starts once the reporting sentence's own adjuncts are
    skipped: "، الأربعاء،", "في بيان على …" (to the preposition of the request)."""
    toks = sent.tokens
    while first < len(toks) and toks[first].text in COMMAS:
        first += 1
    comma = next(
        (k for k in range(first, min(len(toks), first + 3)) if toks[k].text in COMMAS), None
    )
    if comma is not None and not any(sent.agent_at(k) for k in range(first, comma)):
        first = comma + 1
    if first < len(toks) and is_word(toks[first], "adjunct"):
        mark = next(
            (
                k
                for k in range(first + 1, min(len(toks), first + 10))
                if toks[k].norm in ("الي", "علي")
            ),
            None,
        )
        if mark is not None:
            first = mark
    return first


def _describe(sent: Sentence, i: int, cue: Cue, ctx: Context, before: list[Quote]) -> Quote | None:
    """وصف X Y بأنه "…": the description, direct when it is quoted. After ما it is a scare
    quote, the writer's label for a thing ("ما وصفته بـ"…""): no quote."""
    toks = sent.tokens
    if i > 0 and toks[i - 1].norm in _WHAT and _labels(sent, i):
        return None
    k = next(
        (k for k in range(i + 1, min(len(toks), i + 12)) if toks[k].norm in _DESCRIBE_MARKS), None
    )
    if k is None or k + 1 >= len(toks):
        return None
    if _coordinated(sent, i, before):
        speaker = _inherited(sent, i, ctx, before)
    else:
        speaker = read_speaker(sent, i + 1, k, ctx) or antecedent(sent, i, ctx)
    stop = clause_end(sent, k + 1)
    if sent.opens(k + 1):
        close = next((j for j in range(k + 2, stop) if toks[j].text in CLOSING), None)
        if close is not None:
            return _quote(sent, i, cue, speaker, k + 1, close + 1)
    return _quote(sent, i, cue, speaker, k, stop)


def _labels(sent: Sentence, i: int) -> bool:
    """The description after "ما وصفه" is a short quoted term with بـ (بـ"إعادة التموضع"),
    a label; "بأنه" + a clause stays what the speaker said."""
    toks = sent.tokens
    for k in range(i + 1, min(len(toks), i + 6)):
        if toks[k].norm in _DESCRIBE_MARKS and toks[k].norm != "ب":
            return False
        if toks[k].norm == "ب" or (toks[k].norm.startswith("ب") and sent.opens(k + 1)):
            close = next((j for j in range(k + 2, len(toks)) if toks[j].text in CLOSING), len(toks))
            return sent.opens(k + 1) and close - k - 2 <= _LABEL_WORDS
    return False


def _relay(sent: Sentence, i: int, cue: Cue, ctx: Context) -> Quote | None:
    """نقلت وكالة X عن Y أن …: X relays, Y speaks."""
    toks = sent.tokens
    k = next((k for k in range(i + 1, min(len(toks), i + 10)) if toks[k].norm == _RELAY_FROM), None)
    if k is None:  # "نقلت مصادر أن …": the subject itself is the source
        return _clause(sent, i, replace(cue, complement="that", needs_comp=True), ctx, [])
    comp = complement(sent, k)
    if comp is None:
        return None
    speaker = read_speaker(sent, k + 1, comp[0], ctx)
    if speaker is None:
        return None
    quote = _quote(sent, i, cue, speaker, comp[1], clause_end(sent, comp[1]))
    hop = relay_hop(sent, i + 1, k, ctx.clean)
    if quote is not None and hop is not None:
        quote.relays.append(hop)
    return quote


def _relayed_source(sent: Sentence, i: int, cue: Cue, ctx: Context, body: int) -> Quote | None:
    """ "بحسب ما نقلت قناة X عن مصدر عسكري، فإن …": X relays, the one after عن speaks."""
    toks = sent.tokens
    k = None
    for j in range(i + 1, min(len(toks), i + 10)):
        if toks[j].text in COMMAS:
            break
        if toks[j].norm == _RELAY_FROM:
            k = j
            break
    if k is None:
        return _source(sent, i - 2, i, i + 1, cue, ctx, body)
    quote = _source(sent, i - 2, i, k + 1, cue, ctx, body)
    hop = relay_hop(sent, i + 1, k, ctx.clean)
    if quote is not None and hop is not None:
        quote.relays.append(hop)
    return quote


def _source(
    sent: Sentence, prep: int, i: int, p: int, cue: Cue, ctx: Context, body: int
) -> Quote | None:
    """بحسب/وفق/نقلاً عن X: the attributed clause is the rest of the sentence, before the
    attribution or after it when the attribution opens the sentence."""
    toks = sent.tokens
    end = clause_end(sent, p)
    speaker = read_speaker(sent, p, end, ctx)
    if speaker is None and cue.kind == "verb":  # "بحسب ما أفادت دائرة الاتصال": a subject
        speaker = unresolved(sent, p, end, ctx)
    if speaker is None:
        return None
    if prep <= body:
        first = speaker.stop
        comma = next((k for k in range(first, min(end, first + 8)) if toks[k].text in COMMAS), None)
        first = first if comma is None else comma + 1
        if first < len(toks) and toks[first].norm in _THEN:
            first += 1
        quote = _quote(sent, i, cue, speaker, first, clause_end(sent, first, breaks=False))
    else:
        quote = _quote(sent, i, cue, speaker, body, prep)
    if quote is not None:
        quote.attribution = True
    return quote
