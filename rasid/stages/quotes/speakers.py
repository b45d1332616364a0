"""Who speaks: the phrase after a cue read as a named actor, a role, an anonymous source or a
group, and the back-references (a pronoun subject, "مكتبه", "المصدر نفسه") resolved.

Arabic news puts the subject after the verb ("وقال وزير الخارجية X إن"), so the speaker is
read from the words between the cue and its complementiser. When there are none the
subject is a pronoun: the previous speaker, or for a relative clause ("… الذي قال مكتبه")
the entity just before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from rasid.document import Actor, Span
from rasid.normalize import normalize_arabic
from rasid.stages.entities.tokens import word_forms
from rasid.stages.quotes.lexicon import cue_forms, words
from rasid.stages.quotes.text import COMMAS, ENDS, OPENING, Sentence, is_word, sacred_span

Ref = dict[str, Any]
_RELATIVES = ("الذي", "التي", "الذين")
_AUTHORITIES = ("السلطات",)  # "السلطات الأوكرانية" speak for the country
_PEER = ("ونظيره", "ونظيرته", "ونظيريه")  # "X ونظيره التركي Y": a joint statement
_COMPLEMENT_PREPS = ("الي", "في", "لدي")
_AFTER_NAME = frozenset({"ان", "بان", "انه", "انها", "الي", "عن", "من", ":"})
_ONE_OF = ("احد", "احدي")  # "أحد السكان": anonymous unless a name follows
_OPENERS = frozenset({"لكن", "ولكن", "كان", "وكان", "ان", "بينما", "فيما", "كما", "وكما"})
_FRONTED = 4  # tokens between a fronted unnamed source and its verb (مسؤولا أمنيا قد)
_PAIR_REACH = 3  # sentences back to the meeting a dual ("الجانبان") refers to
_TITLE_WORDS = 3  # definite words of a partner's title (ووزير الخارجية الروسي)
MAX_PHRASE = 8
SPOKESMAN_PHRASE = 13  # المتحدث باسم غرفة عمليات X، العقيد فلان الفلاني: the name in apposition
MAX_NAMED = 14  # a person's name may follow a long title


@dataclass
class Speaker:
    """A quote's speaker: the phrase that names it and the actors it resolves to."""

    kind: str  # actor | role | anonymous | collective
    text: str | None
    start: int | None
    end: int | None
    actors: list[Ref] = field(default_factory=list)
    affiliation: Ref | None = None
    stop: int = 0  # token index after the phrase


@dataclass
class Context:
    """What the speaker rules need from the rest of the document."""

    clean: str
    actors: list[Actor]
    entities: list[Span]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    last: Speaker | None = None
    last_statement: Speaker | None = None  # the last speaker whose words were a statement


def ref(span: Span) -> Ref:
    return {
        "actor": span.attrs.get("actor"),
        "text": span.text,
        "start": span.start,
        "end": span.end,
    }


def _stops(sent: Sentence, i: int) -> bool:
    """Token ``i`` ends a speaker phrase (punctuation, a quotation, an adjunct)."""
    t = sent.tokens[i]
    return (
        t.text in COMMAS
        or t.text in ENDS
        or t.text in OPENING
        or t.text == ":"
        or (is_word(t, "adjunct") and sent.agent_at(i) is None)
    )


def read_speaker(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """The speaker named by tokens ``p``..``q`` (exclusive), or None when they name none."""
    q = min(q, len(sent.tokens))
    if p >= q or _stops(sent, p) or _addressee(sent, p):
        return None
    tok = sent.tokens[p]
    if sent.agent_at(p) is None and _prepositional(tok.norm):
        return None  # "وطالبت بتصنيف X": the object of the cue, no subject
    if sent.agent_at(p) is None and tok.norm.startswith("ال"):
        back = _group_back_reference(sent, p, q, ctx)
        if back is not None:
            return back
    if (
        is_word(tok, "dual")
        and sent.agent_at(p) is None
        and not _person_in(_agents(sent, p + 1, _window(sent, p, q)))  # "الرئيسان X وY"
    ):
        pair = recent_pair(sent.tokens[p].start, ctx, people=is_word(tok, "dual_people"))
        if pair is not None:
            text, start, end = sent.text(ctx.clean, p, p)
            actors = [{**ref(s), "text": text, "start": start, "end": end} for s in pair]
            return Speaker("role", text, start, end, actors, None, p + 1)
    if _unnamed_title(sent, p, q):
        return _group(sent, p, q, "anonymous", ctx)
    if is_word(tok, "anonymous") and sent.agent_at(p) is None and not _named_one(sent, p, q):
        return _group(sent, p, q, "anonymous", ctx)
    if is_word(tok, "collective") and sent.agent_at(p) is None:
        return _group(sent, p, q, "collective", ctx)
    if is_word(tok, "spokesman") and sent.agent_at(p) is None:
        return _spokesman(sent, p, q, ctx)
    if is_word(tok, "statement") and sent.agent_at(p) is None:
        return _statement(sent, p, q, ctx)
    return _named(sent, p, q, ctx)


def _group_back_reference(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """ "وأضاف المسؤول / المصادر / الشهود": the definite form of an unnamed source refers back
    to it — still unnamed. "المصدر" may also mean a named source ("المصدر نفسه"): only
    anonymous when the last speaker was."""
    bare = sent.tokens[p].norm[2:]
    last = ctx.last
    group_last = last is not None and last.kind in ("anonymous", "collective")
    if bare in words()["anonymous"]:
        kind = last.kind if group_last and last is not None else "anonymous"
        if not group_last and is_word(sent.tokens[p], "statement"):
            return None
    elif bare in words()["collective"]:
        kind = "collective"
    else:
        return None
    stop = _window(sent, p, q, keep=("في", "من"))
    for k in range(p + 1, stop):
        span = sent.agent_at(k)
        norm = sent.tokens[k].norm
        if span is not None and span.attrs.get("type") == "PER":
            return None  # "الخبير الاقتصادي فلان": a title before a name
        if norm not in ("في", "من") and not norm.startswith(("ال", "بال", "لل", "وال")):
            return None  # a plain word: a name the tagger missed, or no back-reference
        if norm in _RELATIVES:
            stop = k
            break
    text, start, end = sent.text(ctx.clean, p, stop - 1)
    affiliation = last.affiliation if group_last and last is not None else None
    return Speaker(kind, text, start, end, [], affiliation, stop)


def _unnamed_title(sent: Sentence, p: int, q: int) -> bool:
    """ "قائد ميداني", "ضابط في الجيش", "نائب في البرلمان": a title with no office after it
    and no name is an unnamed source; "قائد الجيش" (an office) and "نائب الرئيس X" are not."""
    toks = sent.tokens
    if not is_word(toks[p], "unnamed_title") or sent.agent_at(p) is not None:
        return False
    if p + 1 < len(toks) and (
        toks[p + 1].norm.startswith(("ال", "باسم")) or sent.agent_at(p + 1) is not None
    ):
        return False
    stop = _window(sent, p, q, keep=("في", "من"))
    return not any(
        (s := sent.agent_at(k)) is not None and s.attrs.get("type") == "PER"
        for k in range(p + 1, stop)
    )


def _named_one(sent: Sentence, p: int, q: int) -> bool:
    """ "أحد السياح سلمان العطوي": one of a group, then named — a person, not a source."""
    if sent.tokens[p].norm not in _ONE_OF:
        return False
    stop = _window(sent, p, q)
    return any(
        (s := sent.agent_at(k)) is not None and s.attrs.get("type") == "PER"
        for k in range(p + 1, stop)
    )


def _prepositional(norm: str) -> bool:
    """بـ + a definite noun or a verbal noun (بالقرار، بتصنيف): never a subject."""
    return norm.startswith("ب") and (norm[1:3] == "ال" or (norm[1:2] == "ت" and len(norm) >= 5))


def _addressee(sent: Sentence, i: int) -> bool:
    """Token ``i`` is "لـ" + a name: whom the words were said to ("قال لبوابة الوسط")."""
    span = sent.agent_at(i)
    token = sent.tokens[i]
    if not token.norm.startswith("ل"):
        return False
    return (span is not None and span.start > token.start) or is_word(token, "outlet")


def _window(
    sent: Sentence, p: int, q: int, keep: tuple[str, ...] = (), size: int = MAX_PHRASE
) -> int:
    """Index after the phrase starting at ``p``: it ends at a stop (words in ``keep`` do
    not stop it) or after ``size`` tokens."""
    for i in range(p + 1, min(q, p + size)):
        if sent.tokens[i].norm not in keep and _stops(sent, i):
            return i
    return min(q, p + size)


def _group(sent: Sentence, p: int, q: int, kind: str, ctx: Context) -> Speaker:
    """An anonymous source or a group: no actor, perhaps an affiliation (مصادر في X)."""
    stop = _window(sent, p, q, keep=("في", "من"))
    stop = _before_addressee(sent, p, stop)
    affiliation = None
    for i in range(p + 1, stop):
        span = sent.agent_at(i)
        if span is not None:
            affiliation = ref(span)
            if kind == "anonymous":
                stop = sent.last_token_of(span, i) + 1
            break
    text, start, end = sent.text(ctx.clean, p, stop - 1)
    return Speaker(kind, text, start, end, [], affiliation, stop)


def _before_addressee(sent: Sentence, p: int, stop: int) -> int:
    """A phrase stops before a لـ word naming whom it spoke to ("مسؤول لرويترز")."""
    for i in range(p + 1, stop):
        norm = sent.tokens[i].norm
        if norm.startswith("ل") and not norm.startswith("لل") and sent.agent_at(i) is not None:
            return i
    return stop


def _spokesman(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker:
    """ "متحدث باسم X" / "مكتب X" speak for X; a named spokesman speaks for himself;
    "مكتبه" / "المتحدث باسمه" for the actor the pronoun refers to."""
    stop = _window(sent, p, q, keep=(",", "،"), size=SPOKESMAN_PHRASE)
    toks = sent.tokens
    if p + 1 < stop and not toks[p + 1].norm.startswith("باسم"):
        named = _alias(sent, p + 1, ctx)
        if named is not None:
            text, start, end = sent.text(ctx.clean, p, p + 1)
            actor = {**named.actors[0], "text": text, "start": start, "end": end}
            return Speaker("role", text, start, end, [actor], None, p + 2)
    pronoun = toks[p].norm.endswith(("ه", "ها", "هم")) and toks[p].norm not in ("متحدثه",)
    if p + 1 < stop and toks[p + 1].norm in ("باسمه", "باسمها", "باسمهم"):
        pronoun = True
    agents = [(i, sent.agent_at(i)) for i in range(p + 1, stop) if sent.agent_at(i) is not None]
    named = [(i, s) for i, s in agents if s.attrs.get("type") == "PER"]
    if named and (pronoun or len(agents) > 1 or agents[0][0] != named[0][0]):
        i, span = named[0]
        last = sent.last_token_of(span, i)
        return Speaker("actor", span.text, span.start, span.end, [ref(span)], None, last + 1)
    if agents and not pronoun:
        i, span = agents[0]
        last = sent.last_token_of(span, i)
        text, start, end = sent.text(ctx.clean, p, last)
        actor = {**ref(span), "text": text, "start": start, "end": end}
        return Speaker("role", text, start, end, [actor], None, last + 1)
    last = p + 1 if p + 1 < stop and _is_adjective(toks[p + 1].norm) else p
    if last + 1 < stop and toks[last + 1].norm.startswith("باسم"):
        last += 1
        body = _body_named(sent, last + 1, stop, ctx) if not pronoun else None
        if body is not None:  # "المتحدث باسم الوزارة": the ministry named before
            text, start, end = sent.text(ctx.clean, p, last + 1)
            actor = {**ref(body), "text": text, "start": start, "end": end}
            return Speaker("role", text, start, end, [actor], None, last + 2)
        if not pronoun and last + 1 < stop and toks[last + 1].norm.startswith("ال"):
            text, start, end = sent.text(ctx.clean, p, last + 1)  # a body the text never named
            return Speaker("role", text, start, end, [], None, last + 2)
    text, start, end = sent.text(ctx.clean, p, last)
    who = antecedent(sent, p, ctx, first=True)
    actors = [{**a, "text": text, "start": start, "end": end} for a in who.actors] if who else []
    return Speaker("role", text, start, end, actors, None, last + 1)


def _body_named(sent: Sentence, k: int, stop: int, ctx: Context) -> Span | None:
    """The organisation a definite head after "باسم" refers back to ("الحكومة", "الوزارة",
    "الخارجية"): the latest one before it whose name has that word."""
    if k >= stop or not sent.tokens[k].norm.startswith("ال") or len(sent.tokens[k].norm) < 5:
        return None
    bare = sent.tokens[k].norm[2:]
    before = sent.tokens[k].start
    for span in reversed(ctx.entities):
        if span.start >= before or span.attrs.get("type") != "ORG":
            continue
        if any(bare in {w, w.removeprefix("ال")} for w in normalize_arabic(span.text).split()):
            return span
    return None


def _is_adjective(norm: str) -> bool:
    return norm.startswith("ال") and norm.endswith(("ي", "يه"))


def _statement(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """ "بيان لوزارة X" names X; "البيان" / "المصدر نفسه" refer back to the last speaker."""
    stop = _window(sent, p, q, keep=("نفسه", "نفسها", "ذاته"))
    # only an indefinite head takes its owner after it ("بيان لوزارة X", "بيان الخارجية");
    # after "النص" a name is the object ("ودعا النص قائد …")
    owner = p + 1 if not sent.tokens[p].norm.startswith("ال") else p
    while owner < stop and owner > p and is_word(sent.tokens[owner], "issued_by"):
        owner += 1  # "بيان مشترك صادر عن X"
    for i in range(p + 1, min(stop, owner + 1)):
        if is_word(sent.tokens[i], "spokesman") and sent.agent_at(i) is None:
            return _spokesman(sent, i, q, ctx)
        span = sent.agent_at(i)
        if span is not None:
            return _named(sent, i, q, ctx)
    if not sent.tokens[p].norm.startswith("ال") and not (
        p + 1 < stop and is_word(sent.tokens[p + 1], "same")
    ):
        return None
    last = p + 1 if p + 1 < stop and is_word(sent.tokens[p + 1], "same") else p
    text, start, end = sent.text(ctx.clean, p, last)
    prior = ctx.last_statement or ctx.last
    actors = (
        [{**a, "text": text, "start": start, "end": end} for a in prior.actors] if prior else []
    )
    return Speaker("role", text, start, end, actors, None, last + 1)


def _named(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """The first entity of the phrase (a person after his title: "رئيس المجلس الرئاسي X" is
    X), with the partners of a joint statement; else a role the document resolves."""
    stop = _window(sent, p, q, keep=("لدي",), size=MAX_NAMED)  # السفير لدى X فلان
    missed = _alias(sent, p, ctx)
    if missed is not None:
        return missed
    agents = _agents(sent, p, stop)
    if stop < q and sent.tokens[stop].norm == "في" and not _person_in(agents):
        wider = _window(sent, p, q, keep=("لدي", "في"), size=MAX_NAMED)
        more = _agents(sent, p, wider)
        if _person_in(more):  # "سفير روسيا في ليبيا X", "المسؤول في وزارة الخارجية X"
            stop, agents = wider, more
    if not agents:
        return _role(sent, p, stop, ctx)
    i, span = agents[0]
    if span.attrs.get("type") != "PER" and i > p:
        for j, other in agents[1:]:
            if other.attrs.get("type") == "PER" and not sent.tokens[j].norm.startswith("و"):
                i, span = j, other
                break
    last = sent.last_token_of(span, i)
    chosen = [span]
    k = last + 1
    while k < stop:
        nxt = sent.agent_at(k)
        if (
            nxt is not None
            and sent.tokens[k].norm.startswith("و")
            and nxt.start > sent.tokens[k].start
        ):
            chosen.append(nxt)
            k = sent.last_token_of(nxt, k) + 1
            last = k - 1
            continue
        titled = _titled_partner(sent, k, stop) if chosen[0].attrs.get("type") == "PER" else None
        if titled is not None:  # "X ووزير الدفاع Y": a second speaker after his title
            chosen.append(titled[1])
            k = last = sent.last_token_of(titled[1], titled[0])
            k += 1
            continue
        if sent.tokens[k].norm in _PEER:
            peer = next(
                ((j, s) for j in range(k + 1, min(stop, k + 6)) if (s := sent.agent_at(j))), None
            )
            if peer is not None:
                chosen.append(peer[1])
                k = last = sent.last_token_of(peer[1], peer[0])
                k += 1
                continue
        break
    start, end = chosen[0].start, chosen[-1].end
    return Speaker(
        "actor", ctx.clean[start:end], start, end, [ref(s) for s in chosen], None, last + 1
    )


def _titled_partner(sent: Sentence, k: int, stop: int) -> tuple[int, Span] | None:
    """ "… ووزير الدفاع Y" / "… والرئيس التركي Y" at token ``k``: a و-joined title (definite
    words only) before a person, who speaks with the one before."""
    toks = sent.tokens
    if not toks[k].norm.startswith("و") or sent.agent_at(k) is not None or len(toks[k].norm) < 4:
        return None
    for j in range(k + 1, min(stop, k + _TITLE_WORDS + 1)):
        span = sent.agent_at(j)
        if span is not None:
            return (j, span) if span.attrs.get("type") == "PER" else None
        if not toks[j].norm.startswith("ال") or _stops(sent, j):
            return None
    return None


def _agents(sent: Sentence, p: int, stop: int) -> list[tuple[int, Span]]:
    """The entities of tokens ``p``..``stop`` that can speak, each once, in order."""
    agents: list[tuple[int, Span]] = []
    for i in range(p, stop):
        span = sent.agent_at(i)
        if span is None or (agents and agents[-1][1] is span):
            continue
        if (
            i > p
            and sent.tokens[i - 1].norm in _COMPLEMENT_PREPS
            and span.start >= sent.tokens[i].start
        ):
            continue  # "المبعوث الأممي إلى سوريا X": the place is part of the title
        agents.append((i, span))
    return agents


def _person_in(agents: list[tuple[int, Span]]) -> bool:
    return any(span.attrs.get("type") == "PER" for _i, span in agents)


def _alias(sent: Sentence, p: int, ctx: Context) -> Speaker | None:
    """A speaker the entity tagger missed at this mention: a word that is, alone, the
    surname (last word) of exactly one person the document names elsewhere."""
    token = sent.tokens[p]
    if sent.entity_of[p] is not None or len(token.norm) < 3:
        return None
    hits = {
        a.id
        for a in ctx.actors
        if a.type == "PER"
        and any(_surname(token.norm, normalize_arabic(alias).split()) for alias in a.aliases)
    }
    if len(hits) != 1:
        return None
    actor = {"actor": hits.pop(), "text": token.text, "start": token.start, "end": token.end}
    return Speaker("actor", token.text, token.start, token.end, [actor], None, p + 1)


def _surname(norm: str, name: list[str]) -> bool:
    """``norm`` is a word of ``name`` after its first (a one-word name: the word itself)."""
    return norm in name[1:] or name == [norm]


def _role(sent: Sentence, p: int, stop: int, ctx: Context) -> Speaker | None:
    """A speaker named only by a role or a head noun ("ولي العهد", "وزير الخارجية",
    "الجيش") that one actor of the document answers to."""
    phrase = [sent.tokens[i].norm for i in range(p, min(stop, p + 4))]
    if not phrase:
        return None
    if len(phrase) >= 2 and phrase[0] in _AUTHORITIES and _is_adjective(phrase[1]):
        country = _country(ctx.actors, phrase[1])
        if country is not None:
            text, start, end = sent.text(ctx.clean, p, p + 1)
            actor = {"actor": country.id, "text": text, "start": start, "end": end}
            return Speaker("role", text, start, end, [actor], None, p + 2)
    found = None
    for n in range(len(phrase), 0, -1):
        key = " ".join(phrase[:n])
        found = _unique_role(ctx.actors, key) or (_unique_head(ctx.actors, key) if n <= 2 else None)
        if found is not None:
            text, start, end = sent.text(ctx.clean, p, p + n - 1)
            actor = {"actor": found.id, "text": text, "start": start, "end": end}
            return Speaker("role", text, start, end, [actor], None, p + n)
    return None


def _country(actors: list[Actor], nisba: str) -> Actor | None:
    """The one place whose name the adjective is made from (الأوكرانية → أوكرانيا)."""
    stem = nisba[2:].removesuffix("يه").removesuffix("ي")
    if len(stem) < 3:
        return None
    hits = [
        a
        for a in actors
        if a.type == "LOC" and normalize_arabic(a.name).removeprefix("ال").startswith(stem)
    ]
    return hits[0] if len(hits) == 1 else None


def _unique_role(actors: list[Actor], key: str) -> Actor | None:
    """The one person whose role begins with ``key``; a bare definite head ("الوزير") also
    matches the title it shortens ("وزير الخارجية المصري"), as news refers back to it."""
    if len(key.split()) < 2 and not key.startswith("ال"):
        return None
    keys = (key, key[2:]) if key.startswith("ال") and " " not in key else (key,)
    hits = [
        a
        for a in actors
        if a.type == "PER"
        and any(
            normalize_arabic(r) == k or normalize_arabic(r).startswith(k + " ")
            for r in a.roles
            for k in keys
        )
    ]
    return hits[0] if len(hits) == 1 else None


def _unique_head(actors: list[Actor], key: str) -> Actor | None:
    """The one organisation whose name begins with ``key``'s head ("الجيش" → "الجيش السوداني")."""
    head = key.split()[0] if key.strip() else ""
    if not head.startswith("ال") or len(head) < 5:
        return None
    bare = head[2:]
    hits = []
    for a in actors:
        if a.type not in ("ORG",):
            continue
        first = normalize_arabic(a.name).split()[0]
        if first in (head, bare) or bare in word_forms(first):
            hits.append(a)
    if not hits:  # "التنسيقية" → "الهيئة القيادية لتنسيقية القوى …"
        hits = [
            a
            for a in actors
            if a.type == "ORG"
            and any(bare in word_forms(w) for w in normalize_arabic(a.name).split()[1:])
        ]
    return hits[0] if len(hits) == 1 else None


def unresolved(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """A subject the text names but the document does not resolve ("قال الكرملين" with no
    such entity): the phrase, kind ``role``, no actor — better than guessing one."""
    q = min(q, len(sent.tokens))
    if p >= q or _stops(sent, p) or _addressee(sent, p) or sent.agent_at(p) is not None:
        return None
    toks = sent.tokens
    if _is_adjective(toks[p].norm) and (p + 1 >= q or _stops(sent, p + 1)):
        return None  # "وقال السوداني": a surname the tagger missed; the context knows better
    construct = p + 1 < q and toks[p + 1].norm.startswith("ال")  # "دائرة الاتصال"
    if not (toks[p].norm.startswith("ال") or construct):
        return _missed_name(sent, p, q, ctx)
    stop = _window(sent, p, q, size=4)
    text, start, end = sent.text(ctx.clean, p, stop - 1)
    return Speaker("role", text, start, end, [], None, stop)


def _missed_name(sent: Sentence, p: int, q: int, ctx: Context) -> Speaker | None:
    """One plain word alone between the cue and its complement ("وأشار غروس إلى
    أن"): a name the tagger missed — the speaker, unresolved, rather than an older one."""
    toks = sent.tokens
    if q - p != 1 or q >= len(toks) or toks[q].norm not in _AFTER_NAME:
        return None
    t = toks[p]
    if (
        not t.text.isalpha()
        or len(t.norm) < 3
        or t.norm[0] in "لب"  # "قال للمسؤول", "بالقول": a preposition, no subject
        or t.text.endswith(("ه", "ها", "هم", "هما", "نا", "كم"))  # "اسمه", "فيها": a pronoun
        or _stops(sent, p)
        or any(is_word(t, kind) for kind in ("honorific", "statement", "adverb", "comp"))
    ):
        return None
    text, start, end = sent.text(ctx.clean, p, p)
    return Speaker("actor", text, start, end, [], None, q)


def recent_pair(before: int, ctx: Context, people: bool) -> tuple[Span, Span] | None:
    """The two actors "الجانبان" / "الوزيران" / a dual verb refer to: the first two distinct
    ones of the nearest sentence (from the one holding ``before``, back over a few) that
    names two — people for a dual of persons, else people first, then bodies or countries
    that are not just the place of the meeting ("في بكين")."""
    bounds = [(s, e) for s, e in ctx.sentences if s < before][-_PAIR_REACH:] or [(0, before)]
    for s_start, s_end in reversed(bounds):
        spans = [
            e
            for e in ctx.entities
            if s_start <= e.start < min(s_end, before)
            and e.attrs.get("source") != "dateline"
            and not sacred_span(e)
        ]
        kinds = (("PER",),) if people else (("PER",), ("ORG", "LOC"))
        for types in kinds:
            found: list[Span] = []
            for e in spans:
                if e.attrs.get("type") not in types or _a_place(e, ctx.clean):
                    continue
                if all(e.attrs.get("actor") != f.attrs.get("actor") for f in found):
                    found.append(e)
            if len(found) >= 2:
                return found[0], found[1]
    return None


def _a_place(span: Span, clean: str) -> bool:
    """A place named after في / بـ: where something happened, not a party to it."""
    if span.attrs.get("type") != "LOC":
        return False
    before = clean[max(0, span.start - 4) : span.start]
    return before.endswith(("في ", "ب")) or before.endswith("في")


def _dual(norm: str) -> bool:
    """A dual verb form (قالتا، أكدا): its unexpressed subject is two actors."""
    return norm.endswith(("تا", "ا")) and not norm.endswith(("وا", "اا"))


def _dual_verb(norm: str) -> bool:
    """A cue verb in the dual (قالا، أكدتا، وأضافا): the form without its final alef is
    another form of a cue ("دعا" is not a dual: "دع" is no form)."""
    forms = cue_forms()
    return (
        any(w.endswith("ا") and w[:-1] in forms and w in forms for w in (norm, norm[1:]))
        and norm[:1] != "ا"
    )


def _pair(sent: Sentence, cue: int) -> tuple[Span, Span] | None:
    """The last "X وY" of two entities before token ``cue``."""
    found = None
    prev: Span | None = None
    for i in range(cue):
        span = sent.agent_at(i)
        if span is None or span is prev:
            continue
        token = sent.tokens[i]
        joined = token.norm.startswith("و") and span.start > token.start
        if prev is not None and joined and sent.entity_of[i - 1] is prev:
            found = (prev, span)
        prev = span
    return found


def _fronted_source(sent: Sentence, cue: int, ctx: Context) -> Speaker | None:
    """An unnamed source put before its verb ("لكن مسؤولاً أمنياً قال …", "غير أن مصادر
    محلية قالت …", "وكان شهود قد أفادوا …"): that source speaks, not the last speaker."""
    toks = sent.tokens
    for j in range(cue - 1, max(-1, cue - 1 - _FRONTED), -1):
        t = toks[j]
        if t.text in COMMAS or t.text in ENDS or sent.entity_of[j] is not None:
            return None
        if t.norm.startswith("ال") and (j == 0 or toks[j - 1].norm in _OPENERS):
            found = _role(sent, j, cue, ctx)  # "لكن الوزارة قالت": the body named before
            if found is not None:
                return replace(found, stop=cue)
        for kind in ("anonymous", "collective"):
            if is_word(t, kind) and not _named_one(sent, j, cue):
                end = cue
                while end > j + 1 and toks[end - 1].norm in ("قد", "لقد"):
                    end -= 1  # "وكان شهود قد أفادوا"
                return replace(_group(sent, j, end, kind, ctx), stop=cue)
    return None


def antecedent(sent: Sentence, cue: int, ctx: Context, first: bool = False) -> Speaker | None:
    """Whom an unexpressed subject or a pronoun at token ``cue`` refers to: a person or body
    named earlier in the sentence (after a relative pronoun the one just before it; the
    first — the main clause's subject — when ``first``, else the nearest; people before
    organisations), a surname the tagger missed there, the subject of the sentence's opening
    verb named by a role ("ونفى الجيش …، وقال إن"); else the last speaker."""
    before = [
        (i, s)
        for i, s in enumerate(sent.entity_of[:cue])
        if s is not None
        and s.attrs.get("type") in ("PER", "ORG")
        and s.attrs.get("source") != "dateline"
        and not _addressee(sent, i)
    ]
    relative = cue > 0 and sent.tokens[cue - 1].norm in _RELATIVES
    fronted = _fronted_source(sent, cue, ctx)
    if fronted is not None:
        return fronted
    people = [(i, s) for i, s in before if s.attrs.get("type") == "PER"]
    pair = _pair(sent, cue) if _dual(sent.tokens[cue].norm) else None
    if pair is None and _dual_verb(sent.tokens[cue].norm):
        earlier = recent_pair(sent.tokens[cue].start, ctx, people=False)
        if earlier is not None:  # named in an earlier sentence: no phrase of this one
            return Speaker("actor", None, None, None, [ref(x) for x in earlier], None, cue)
    if pair is not None:
        start, end = pair[0].start, pair[1].end
        return Speaker("actor", ctx.clean[start:end], start, end, [ref(x) for x in pair], None, cue)
    if before:
        if relative:
            _i, span = before[-1]
        else:
            pool = people or before
            _i, span = pool[0] if first else pool[-1]
        return Speaker("actor", span.text, span.start, span.end, [ref(span)], None, cue)
    for i in range(cue):
        found = _alias(sent, i, ctx)
        if found is not None:
            return found
    if cue > 1 and sent.tokens[0].norm.startswith("و") and len(sent.tokens[0].norm) > 3:
        found = _role(sent, 1, min(cue, _window(sent, 1, cue)), ctx)
        if found is not None:
            return found
    prior = ctx.last
    if prior is None:
        return None
    return Speaker(
        prior.kind, prior.text, prior.start, prior.end, list(prior.actors), prior.affiliation, cue
    )
