"""Quotes stage: who said what, through whom — direct quotations and reported speech.

Each cue of ``rasid/data/quote_cues.tsv`` found in a body sentence is read by what its
complement looks like (:mod:`.content`): a clause after إن/أن, a request (دعا X إلى …), a
description (وصف X بأنه "…"), a relay (نقلت وكالة X عن Y أن …) or an attribution that
stands outside the cue (…، بحسب مصادر). The speaker is read from the words after the cue
or resolved from the context (:mod:`.speakers`); the attribution chain runs from the page's
outlet through the outlets it cites to the speaker (:mod:`.chains`).

Output: ``doc.spans["quotes"]``, one span over each quote's content, as ``docs/events.md``
specifies.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from rasid.document import Document, Span
from rasid.pipeline import stage
from rasid.stages.entities.tokens import Token, tokenize
from rasid.stages.quotes.chains import Hop, outlet_hop, relay_hop, relayed_by, speaker_hops
from rasid.stages.quotes.content import clause_end, complement, content_span
from rasid.stages.quotes.cues import cue_of
from rasid.stages.quotes.lexicon import Cue, words
from rasid.stages.quotes.speakers import Context, Speaker, antecedent, read_speaker, unresolved
from rasid.stages.quotes.text import CLOSING, COMMAS, OPENING, Sentence, is_word

MAX_CHARS = 1_000_000  # as the other stages: a pathological page is not an article
_DATELINE_PUNCT = frozenset({")", "(", "-", "–", "—", ":", "»", "«", '"', "/"})
_REQUEST_MARKS = frozenset({"الي", "علي", "ان", "بان"})
_DESCRIBE_MARKS = frozenset({"ب", "بانه", "بانها", "بانهم", "بانهما"})
_RELAY_FROM = "عن"
_OPENING_CHARS = 12  # characters: the inner cue opens the attributed clause ("وقالت")
_THEN = frozenset({"فان", "فانه", "فانها"})  # "بحسب X، فإن …": the clause follows فإن
_STATEMENTS = frozenset({"بيان", "البيان", "بيانه", "بيانها"})  # "البيان" refers back to it


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


def find_quotes(doc: Document) -> list[Quote]:
    """Every quote of the document's body, in text order."""
    clean = doc.clean_text[:MAX_CHARS]
    entities = sorted(doc.spans.get("entities", []), key=lambda s: s.start)
    starts = [s.start for s in entities]
    ctx = Context(clean, doc.actors, entities)
    sentences = doc.sentences or [Span(0, len(clean), "sentence")]
    quotes: list[Quote] = []
    for s in sentences:
        if s.start >= len(clean):
            break
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        sent = Sentence(s.start, s.end, tokenize(clean[s.start : s.end], s.start), entities[lo:hi])
        quotes += _sentence_quotes(sent, ctx)
    quotes.sort(key=lambda q: (q.start, q.cue.start))
    quotes = _fold_attributions(quotes)
    _nest(quotes)
    return quotes


def _sentence_quotes(sent: Sentence, ctx: Context) -> list[Quote]:
    out: list[Quote] = []
    carried = relayed_by(sent, ctx.clean)
    body = _body_start(sent)
    for i, token in enumerate(sent.tokens):
        cue = cue_of(token)
        if cue is None or sent.entity_of[i] is not None:
            continue
        if cue.kind == "participle" and (i == 0 or sent.tokens[i - 1].text not in COMMAS):
            continue  # a continuation follows a comma; elsewhere it is an adjective or noun
        inside = any(q.start <= token.start < q.end for q in out)
        if inside and cue.complement in ("request", "describe", "source"):
            continue  # "حكومتها تطالب بـ…" inside a quote is what was said, not a new quote
        quote = _read(sent, i, cue, ctx, out, body)
        if quote is None:
            continue
        quote.relays += [h for h in carried if h not in quote.relays]
        out.append(quote)
        if quote.speaker is not None:
            ctx.last = quote.speaker
            if any(t.norm in _STATEMENTS for t in sent.tokens):
                ctx.last_statement = quote.speaker
    return out


def _body_start(sent: Sentence) -> int:
    """First token after a dateline ("برلين (وكالة فرانس برس) -"), else 0."""
    for i, span in enumerate(sent.entity_of):
        if (
            span is not None
            and span.attrs.get("source") == "dateline"
            and span.attrs.get("type") == "ORG"
        ):
            k = sent.last_token_of(span, i) + 1
            while k < len(sent.tokens) and sent.tokens[k].text in _DATELINE_PUNCT:
                k += 1
            return k
    return 0


def _read(
    sent: Sentence, i: int, cue: Cue, ctx: Context, before: list[Quote], body: int
) -> Quote | None:
    """The quote cue ``cue`` at token ``i`` introduces, or None (a cue with a bare noun
    object, a preposition that attributes nothing)."""
    toks = sent.tokens
    n = len(toks)
    if cue.kind == "preposition":
        if cue.complement == "relay":
            if i + 1 < n and toks[i + 1].norm == _RELAY_FROM:
                return _source(sent, i, i, i + 2, cue, ctx, body)
            return None
        if i + 1 < n and toks[i + 1].norm == "ما":
            return None  # "بحسب ما أفادت X": the verb is the cue
        return _source(sent, i, i, i + 1, cue, ctx, body)
    if i >= 2 and toks[i - 1].norm == "ما":
        prep = cue_of(toks[i - 2])
        if prep is not None and prep.kind == "preposition":
            return _source(sent, i - 2, i, i + 1, cue, ctx, body)
    if cue.complement == "relay":
        return _relay(sent, i, cue, ctx)
    if cue.complement == "request":
        return _request(sent, i, cue, ctx, before)
    if cue.complement == "describe":
        return _describe(sent, i, cue, ctx, before)
    return _clause(sent, i, cue, ctx, before)


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
    if cue.kind == "participle":
        speaker = _inherited(sent, i, ctx, before)
        nxt = i + 1
    elif comp is not None:
        speaker = (
            read_speaker(sent, i + 1, comp[0], ctx)
            or unresolved(sent, i + 1, comp[0], ctx)
            or antecedent(sent, i, ctx)
        )
        nxt = comp[1]
    else:
        read = read_speaker(sent, i + 1, clause_end(sent, i + 1), ctx)
        speaker = read or antecedent(sent, i, ctx)
        nxt = read.stop if read else i + 1
    if comp is not None:
        first = comp[1]
    elif sent.quoted[i]:
        return None  # a speech verb inside a quotation reports speech only with its clause
    elif sent.opens(nxt) or (nxt < len(toks) and not cue.needs_comp):
        first = nxt
    else:
        return None
    return _quote(sent, i, cue, speaker, first, clause_end(sent, first))


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
    stop = clause_end(sent, first)
    if (
        first + 1 < stop
        and toks[first].norm in ("الي", "علي", "ب")
        and toks[first + 1].text in OPENING
    ):
        inner = content_span(sent, first + 1, stop)
        if inner is not None and inner[0] == "direct":
            return _quote(sent, i, cue, speaker, first + 1, stop)
    return _quote(sent, i, cue, speaker, first, stop)


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
    """وصف X Y بأنه "…": the description, direct when it is quoted."""
    toks = sent.tokens
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


def _fold_attributions(quotes: list[Quote]) -> list[Quote]:
    """ "وقالت مصادر إن …، بحسب ما أفادت صحيفة X": when the attributed clause is itself a
    quote, the attribution is a relay of that quote, not a quote of its own."""
    dropped = set()
    for a in quotes:
        if not a.attribution:
            continue
        inner = [q for q in quotes if q is not a and a.start <= q.cue.start and q.end <= a.end]
        if inner and inner[0].cue.start - a.start <= _OPENING_CHARS:
            for q in inner:
                q.relays[:0] = [*a.relays, *speaker_hops(a.speaker, "relay")]
            dropped.add(id(a))
    return [q for q in quotes if id(q) not in dropped]


def _nest(quotes: list[Quote]) -> None:
    """A quote whose cue lies inside another quote's content is nested in it.

    Only a longer content (or, at equal length, an earlier quote) can hold a quote, so two
    quotes whose cues lie in each other's content never hold each other: parents form a
    tree and :func:`_chain` always ends.
    """
    order = {id(q): (q.end - q.start, -n) for n, q in enumerate(quotes)}
    for q in quotes:
        holders = [
            p
            for p in quotes
            if p is not q and p.start <= q.cue.start < p.end and order[id(p)] > order[id(q)]
        ]
        if holders:
            q.parent = min(holders, key=lambda p: order[id(p)])


def _chain(q: Quote, outlet: Hop | None) -> list[Hop]:
    inner: list[Hop] = []
    p = q.parent
    while p is not None:
        inner = [*p.relays, *speaker_hops(p.speaker, "relay"), *inner]
        p = p.parent
    hops = [*([outlet] if outlet else []), *inner, *q.relays, *speaker_hops(q.speaker)]
    return [dict(h) for h in hops]  # no dict shared between quotes: linking renames in place


def write_quotes(doc: Document, quotes: list[Quote]) -> None:
    """``quotes`` as ``doc.spans["quotes"]`` (ids in text order)."""
    doc.spans["quotes"] = []
    outlet = outlet_hop(doc)
    ids = {id(q): f"q{n}" for n, q in enumerate(quotes, 1)}
    for q in quotes:
        sp = q.speaker
        doc.add_span(
            "quotes",
            q.start,
            q.end,
            q.label,
            id=ids[id(q)],
            cue={"text": q.cue.text, "start": q.cue.start, "end": q.cue.end},
            cue_lemma=q.entry.stem,
            speaker=None
            if sp is None or sp.text is None
            else {"text": sp.text, "start": sp.start, "end": sp.end},
            speaker_kind=sp.kind if sp is not None else "anonymous",
            speaker_actors=[dict(a) for a in sp.actors] if sp is not None else [],
            affiliation=dict(sp.affiliation) if sp is not None and sp.affiliation else None,
            chain=_chain(q, outlet),
            parent=ids[id(q.parent)] if q.parent is not None else None,
            sentence=list(q.sentence),
        )


@stage("quotes", requires={"clean_text", "sentences", "entities"}, provides={"quotes"})
def quotes_stage(doc: Document) -> Document:
    write_quotes(doc, find_quotes(doc))
    return doc


__all__ = ["Quote", "find_quotes", "quotes_stage", "words", "write_quotes"]
