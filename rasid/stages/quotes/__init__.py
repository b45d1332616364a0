"""Quotes stage: who said what, through whom — direct quotations and reported speech.

Each cue of ``rasid/data/quote_cues.tsv`` found in a body sentence is read by what its
complement looks like (:mod:`.readers`; content spans from :mod:`.content`): a clause
after إن/أن, a request (دعا X إلى …), a description (وصف X بأنه "…"), a relay (نقلت وكالة
X عن Y أن …) or an attribution that stands outside the cue (…، بحسب مصادر). The speaker is
read from the words after the cue or resolved from the context (:mod:`.speakers`); the
attribution chain runs from the page's outlet through the outlets it cites to the speaker
(:mod:`.chains`).

Output: ``doc.spans["quotes"]``, one span over each quote's content, as ``docs/events.md``
specifies.
"""

from __future__ import annotations

from bisect import bisect_left

from rasid.document import Document, Span
from rasid.normalize import normalize_arabic
from rasid.pipeline import stage
from rasid.stages.entities.tokens import tokenize
from rasid.stages.quotes.chains import (
    Hop,
    drop_own_outlet,
    outlet_hop,
    relayed_by,
    speaker_hops,
)
from rasid.stages.quotes.cues import cue_of
from rasid.stages.quotes.lexicon import words
from rasid.stages.quotes.readers import Quote, read_cue
from rasid.stages.quotes.speakers import Context, Speaker, read_speaker
from rasid.stages.quotes.text import COMMAS, Sentence, formula_heads, is_word

MAX_CHARS = 1_000_000  # as the other stages: a pathological page is not an article
_DATELINE_PUNCT = frozenset({")", "(", "-", "–", "—", ":", "»", "«", '"', "/"})
_OPENING_CHARS = 12  # characters: the inner cue opens the attributed clause ("وقالت")
_OPENER = 6  # tokens: an adverbial before the verb, up to its comma (وفي سياق متصل،)
_SUBJECT_REACH = 14  # tokens after the verb read for its subject (a title, then the name)
_SUBJECT_START = 6  # tokens: the subject's actor starts within this many words of the verb
_NOT_VERBS = frozenset(
    {
        "وفي",
        "في",
        "من",
        "ومن",
        "علي",
        "وعلي",
        "الي",
        "عن",
        "وكان",
        "كما",
        "وكما",
        "بعد",
        "وبعد",
        "قبل",
        "منذ",
        "ومنذ",
        "خلال",
        "وخلال",
        "لكن",
        "ولكن",
        "اما",
        "واما",
        "وهو",
        "وهي",
        "هذا",
        "وهذا",
        "هذه",
        "وهذه",
    }
)
_CITE_PREPS = frozenset({"فيهم", "فيه", "فيها", "عنهم", "عنه", "لهم", "له"})
_SKIP_BACK = frozenset({"انه", "ان", "ثم", "قد", "وقد"})  # "… صلى الله عليه وسلم أنه قال"
_STATEMENTS = frozenset({"بيان", "البيان", "بيانه", "بيانها"})  # "البيان" refers back to it


def find_quotes(doc: Document) -> list[Quote]:
    """Every quote of the document's body, in text order."""
    clean = doc.clean_text[:MAX_CHARS]
    entities = sorted(doc.spans.get("entities", []), key=lambda s: s.start)
    starts = [s.start for s in entities]
    sentences = doc.sentences or [Span(0, len(clean), "sentence")]
    ctx = Context(clean, doc.actors, entities, [(s.start, s.end) for s in sentences])
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
        if cue is None or sent.entity_of[i] is not None or is_word(token, "relayed_by"):
            continue  # "تصريحات نقلتها وكالة X": the outlet relays the sentence's quote
        if cue.kind == "participle" and (i == 0 or sent.tokens[i - 1].text not in COMMAS):
            continue  # a continuation follows a comma; elsewhere it is an adjective or noun
        if any(q.cue.start < token.start < q.start for q in out):
            continue  # between an earlier cue and its content: part of its speaker phrase
        inside = any(q.start <= token.start < q.end for q in out)
        if inside and cue.complement in ("request", "describe", "source", "told"):
            continue  # "حكومتها تطالب بـ…" inside a quote is what was said, not a new quote
        if _cites_scripture(sent, i):
            continue
        quote = read_cue(sent, i, cue, ctx, out, body)
        if quote is None or _sacred_speaker(quote):
            continue
        quote.relays += [h for h in carried if h not in quote.relays]
        out.append(quote)
        if quote.speaker is not None:
            ctx.last = quote.speaker
            if any(t.norm in _STATEMENTS for t in sent.tokens):
                ctx.last_statement = quote.speaker
    if not out:
        subject = _subject(sent, ctx, body)
        if subject is not None:
            ctx.last = subject
    return out


def _cites_scripture(sent: Sentence, i: int) -> bool:
    """The cue at ``i`` cites the Quran or a hadith, not a news actor: God or the Prophet is
    its subject or object ("قال تعالى"، "يقول الله"، "ودعا الله أن"، "قال صلى الله عليه
    وسلم"), or it follows the Prophet's or a Companion's formula ("عن النبي صلى الله عليه
    وسلم أنه قال"). The preacher quoting it keeps his own quotes and stays the last
    speaker."""
    toks = sent.tokens
    k = i + 1
    if k < len(toks) and toks[k].norm in _CITE_PREPS:
        k += 1  # "قال فيهم الله تعالى"
    if k < len(toks) and (is_word(toks[k], "sacred") or toks[k].norm in words()["scripture"]):
        return True
    j = i - 1
    while j >= 0 and (toks[j].norm in _SKIP_BACK or not toks[j].text[:1].isalpha()):
        j -= 1
    return any(
        stop == j + 1 and toks[first].norm in words()["scripture"]
        for first, stop in sent.formula_spans
    )


def _sacred_speaker(quote: Quote) -> bool:
    """A speaker phrase that names God or the Prophet ("الرسول صلى الله عليه وسلم")."""
    sp = quote.speaker
    head = normalize_arabic(sp.text).split()[:1] if sp is not None and sp.text else []
    return bool(head) and head[0] in words()["sacred"] | formula_heads()


def _subject(sent: Sentence, ctx: Context, body: int) -> Speaker | None:
    """The named subject of a sentence that opens with a verb ("والتقى الرئيس التركي X …"):
    a pronoun subject in the next sentence ("وقال إن …") is this actor, not an older
    speaker. Only a named actor or resolved role right after the verb counts."""
    toks = sent.tokens
    v = body
    comma = next((k for k in range(v, min(len(toks), v + _OPENER)) if toks[k].text in COMMAS), None)
    if comma is not None:
        v = comma + 1  # "من جهة أخرى، استقبل …"
    if v + 1 >= len(toks) or not _verb_like(sent, v):
        return None
    found = read_speaker(sent, v + 1, min(len(toks), v + 1 + _SUBJECT_REACH), ctx)
    if found is None or not found.actors or found.kind not in ("actor", "role"):
        return None
    first = found.actors[0].get("start")
    if first is None or first > toks[min(len(toks) - 1, v + _SUBJECT_START)].end:
        return None
    return found


def _verb_like(sent: Sentence, i: int) -> bool:
    """A sentence-opening word that can be a verb: not a name, not definite, no digit."""
    t = sent.tokens[i]
    return (
        sent.entity_of[i] is None
        and t.text.isalpha()
        and len(t.norm) >= 3
        and not t.norm.startswith(("ال", "وال", "فال", "بال", "لل"))
        and t.norm not in _NOT_VERBS
    )


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
    hops = [
        *([outlet] if outlet else []),
        *drop_own_outlet([*inner, *q.relays], outlet),
        *speaker_hops(q.speaker),
    ]
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


__all__ = ["Quote", "find_quotes", "quotes_stage", "write_quotes"]
