"""Events stage: who did what to whom, where and when, coded in PLOVER (docs/events.md).

Steps, each its own module: the sentence read once with its actors and clauses
(:mod:`.view`) → lexicon triggers (:mod:`.lexicon`, :mod:`.triggers`) → source, target and
place around each trigger (:mod:`.arguments`) → date of its clause (:mod:`.dates`) →
modality (:mod:`.modality`) → the speech events every quote gives (:mod:`.speech`).
Every argument comes from the sentence stating the event; the only reach outside it is a
subject or nominal the sentence leaves to its context: an implicit subject (وقال إن …) from
the sentence just before; الطرفان / الوفد from the latest matching event of the document
(الوزيران: two actors whose roles carry that title); a possessed body or country (قواته،
بلاده) and a titled nominal (المسؤول التركي) through the roles the entities stage gives the
owner or the last person so titled. Pronouns are resolved inside the sentence first:
a participle or إنه continues the clause's speaker, ترحيبه / محادثاتهما / استقبله point back
at the actors named before, and a meeting's parties named together are split into source
and target (وقعت روسيا وأوكرانيا).

Output: ``doc.spans["events"]``, one span per event over its trigger (label = type).
"""

from __future__ import annotations

from collections.abc import Iterator

from rasid.document import Actor, Document
from rasid.normalize import normalize_arabic
from rasid.pipeline import stage
from rasid.stages.events.arguments import (
    JOIN_REACH,
    NISBA_REACH,
    QUOTE_MARKS,
    Group,
    antecedent,
    between_parties,
    find_place,
    find_target,
    genitive,
    issuer,
    new_clause,
    nisba_after,
    nisba_country,
    object_nisba,
    object_owner,
    object_place,
    object_pronoun,
    owned_force,
    owned_kind,
    owner_actor,
    pair_words,
    participant_groups,
    possessor,
    preposition_of,
    subject_after,
    subject_before,
    title_organisation,
)
from rasid.stages.events.dates import find_date
from rasid.stages.events.lexicon import lookup
from rasid.stages.events.modality import find_modality
from rasid.stages.events.model import Event
from rasid.stages.events.speech import apply_quotes, quote_at
from rasid.stages.events.triggers import Trigger, find_triggers
from rasid.stages.events.view import (
    SentenceView,
    event_words,
    is_head_word,
    pronoun_suffix,
    sentence_views,
)
from rasid.stages.quotes.lexicon import words as quote_words

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ADJUNCT_WORDS = frozenset({"في", "خلال"})  # وصل … في زيارة: the act is the clause subject's
ADDRESSED = frozenset({"REQUEST", "ACCUSE"})  # speech acts whose object is a named addressee
OPENING_REACH = 3  # words before a sentence's opening subject (و + كان + قد)
REQUEST_REACH = 8  # a trigger this close after a request is the request's content
BACKREF_REACH = 2
CLAIMS = frozenset({"ACCUSE", "STATEMENT"})  # what a denial (وهو ما تنفيه X) answers


def _is_backref(view: SentenceView, trig: Trigger) -> bool:
    """A noun introduced by جاء/تأتي/تعد names an action already reported."""
    if trig.entry.pos not in ("noun", "light"):
        return False
    return any(view.is_word(j, "backref") for j in range(trig.index - BACKREF_REACH, trig.index))


def _in_request(view: SentenceView, trig: Trigger, done: list[Event]) -> bool:
    """The content of a call (دعا إلى وقف إطلاق النار) is not an event of its own; a new
    و-verb after a comma is (طالبوا بإجراء الانتخابات، ولوّحوا بفرض عقوبات)."""
    lo, _ = view.clause(trig.index)
    return any(
        e.type == "REQUEST"
        and lo <= e.index < trig.index <= e.index + REQUEST_REACH
        and not _new_clause(view, e.index, trig.index)
        for e in done
    )


def _new_clause(view: SentenceView, after: int, upto: int) -> bool:
    """A comma then a و-verb in (after, upto]: a coordinated clause of its own."""
    for j in range(after + 1, upto + 1):
        if new_clause(view, j - 1):
            match = lookup(view.tokens[j].norm)
            if match is not None and match.entry.pos in ("verb", "lightverb"):
                return True
    return False


def _coordinated(view: SentenceView, head: int, lo: int, done: list[Event]) -> bool:
    """و + verb continuing the clause of the sentence's previous event shares its subject
    (وصف مجلس النواب الاتفاق …، وطالب الجامعة العربية …): the actor after it is its object;
    so does a verb pointing back at that event (زيارة …، التقى خلالها فلاناً)."""
    if done and view.is_word(head + 1, "resume"):
        return True
    if done and view.is_word(head - 1, "resume_before") and not object_pronoun(view, head):
        return True  # زار فلان المدينة، حيث التقى فلاناً: the visitor met
    if not done or not view.tokens[head].text.startswith("و"):
        return False
    prev = done[-1].index
    return lo <= prev < head and prev != head


def _implicit_subject(
    view: SentenceView, groups: list[Group], head: int, lo: int, quote,
    done: list[Event], previous: list[Event],
) -> list[dict]:  # fmt: skip
    """The subject a verb leaves to its context: the speaker after إنه/أنها or in the first
    person (نتراجع), a participle's clause subject (داعياً), the previous sentence's actor
    for a sentence-initial و + verb (وقال إن …); none when a plain noun is its subject."""
    tok = view.tokens[head]
    if head > lo and _noun_subject(view, head - 1):
        return []
    if pronoun_suffix(view.tokens[_word_before(view, head)].text or "") == "هما":
        pair = possessor(view, groups, head, 0, True)  # لكنهما لم يلتقيا: the two named before
        if pair is not None and _pronoun_subject(view, head):
            return pair.refs()
    if quote is not None:
        speakers = list(quote.attrs.get("speaker_actors") or [])
        pronoun = _pronoun_subject(view, head)
        first_person = tok.norm.lstrip("وف").startswith(("ن", "سن"))
        if pronoun or first_person:
            return speakers
        return []
    own_subject = _noun_after(view, head) or _subject_word(view, head + 1)
    if done and not own_subject:
        return list(done[-1].source)
    if previous and tok.text.startswith("و") and head - lo <= 1 and not own_subject:
        return list(previous[-1].source)
    if tok.text.startswith("و") and head > 0 and view.tokens[head - 1].norm in (",", "،"):
        first = _opening_subject(view, groups)
        if first is not None:
            return first.refs()  # وكان فلان قد …، وأشاد بـ…: the sentence's opening subject
    return []


OPENER_REACH = 4  # words of an opening adverbial before its comma (من جانبه، في المقابل،)


def _opening_subject(view: SentenceView, groups: list[Group]) -> Group | None:
    """The subject of a sentence's first verb: an actor right after it, past a particle or
    its title (وكان فلان قد …، من جانبه، نقل وزير الخارجية فلان …), once an opening
    adverbial with no actor in it is skipped."""
    start = 0
    for c in range(min(OPENER_REACH, len(view.tokens))):
        if view.tokens[c].norm in (",", "،"):
            if not any(g.first < c for g in groups):
                start = c + 1
            break
    first = next((g for g in groups if g.first >= start), None)
    if first is None or preposition_of(view, first) is not None:
        return None
    between = range(start + 1, first.first)
    if first.first - start > OPENING_REACH and not all(
        view._leads_to_name(j) or view.is_word(j, "particle") for j in between
    ):
        return None
    return first


LIGHT_REACH = 16  # a light verb's subject with its companions (أجرى فلان، برفقة …، زيارة)


def _light_subject(
    view: SentenceView, groups: list[Group], i: int, lo: int, hi: int
) -> Group | None:
    """The subject of a light verb further back than the trigger finder looks (a long
    subject with its companions or a date between): the verbal noun's actor."""
    for k in range(i - 1, max(lo, i - LIGHT_REACH) - 1, -1):
        if view.is_word(k, "complementizer"):
            return None
        match = lookup(view.tokens[k].norm) if k not in view.inside else None
        if match is None or match.entry.pos not in ("verb", "lightverb"):
            continue
        if match.entry.pos == "verb":
            return None
        subj = subject_before(view, groups, k, lo) or subject_after(view, groups, k, hi, i)
        if subj is not None:
            return subj if subj.stop <= i else None
        # no subject of its own: the light verb that governs it has one (لن تستغل … لشن هجمات)
    return None


def _pronoun_subject(view: SentenceView, head: int) -> bool:
    """إنه / أنها / لكنه right before the verb is its subject (أنه التقى فلاناً، إنه "يرحب"):
    the actor after the verb is then its object."""
    k = _word_before(view, head)
    return (
        k >= 0
        and (view.is_word(k, "complementizer") or view.is_word(k, "boundary"))
        and pronoun_suffix(view.tokens[k].text) is not None
    )


def _actors(refs: list[dict]) -> set[str]:
    return {r["actor"] for r in refs}


def _word_before(view: SentenceView, head: int) -> int:
    """The word before a verb, past quote marks and particles (أن حكومته لن تسلم، إنه "يرحب")."""
    k = head - 1
    while k >= 0 and (
        view.tokens[k].norm in QUOTE_MARKS
        or (view.is_word(k, "particle") and not view.is_word(k, "complementizer"))
    ):
        k -= 1
    return k


def _force_of(doc: Document, view: SentenceView, j: int, quote, done: list[Event]) -> list[dict]:
    """قواته / حكومتها / بلاده as a subject: the organisation in the title of the possessor,
    the speaker of the quote or the subject of the clause before (قال قائد قوات X فلان إن
    قواته …); else what the possessor's roles in the document name (بلاده → the country of
    وزير الخارجية اليوناني)."""
    if quote is not None:
        owners = list(quote.attrs.get("speaker_actors") or [])
    else:
        owners = list(done[-1].source) if done else []
    ids = [r["actor"] for r in owners if r.get("actor")]
    kind = owned_kind(view, j)
    if kind == "force":
        org = title_organisation(view, set(ids))
        if org is not None:
            return [org.ref()]
    actor = owner_actor(ids, kind or "force", doc.actors)
    if actor is None:
        return []
    tok = view.tokens[j]
    return [{"actor": actor, "text": tok.text, "start": tok.start, "end": tok.end}]


def _owned_by(doc: Document, view: SentenceView, j: int, owners: list[dict]) -> list[dict]:
    """The organisation a possessed force after a verbal noun stands for (استعداد قواته):
    the one in its owner's title in the sentence, else in the owner's roles."""
    ids = [r["actor"] for r in owners if r.get("actor")]
    org = title_organisation(view, set(ids))
    actor = org.actor if org is not None else owner_actor(ids, "force", doc.actors)
    if actor is None:
        return []
    tok = view.tokens[j]
    return [{"actor": actor, "text": tok.text, "start": tok.start, "end": tok.end}]


def _noun_after(view: SentenceView, head: int) -> bool:
    """A definite common noun right after the verb is its subject (وأكد البيان الختامي …)."""
    j = head + 1
    if j >= len(view.tokens) or j in view.inside or j in view.dates:
        return False
    norm = view.tokens[j].norm
    return (
        norm.startswith("ال")
        and not view._leads_to_name(j)
        and not view.is_word(j, "pair")
        and not view.is_word(j, "delegation")
    )


def _subject_word(view: SentenceView, j: int) -> bool:
    """A word after a verb that opens a subject the entities stage did not name: a force
    (وأطلقت قوات …), a title (وقال مسؤول …) or an unnamed source (وصفها مراقبون)."""
    if j >= len(view.tokens) or j in view.inside:
        return False
    norm = view.tokens[j].norm
    return (
        view.is_word(j, "force")
        or view.is_title(j)
        or norm in quote_words()["anonymous"]  # the quotes stage's unnamed sources
    )


def _nominal_subject(view: SentenceView, head: int, actors: list) -> dict | None:
    """A definite common noun as subject (ونفى الجيش، البعثة ستعقد) names the one
    organisation of the document whose name it heads (الجيش السوداني، البعثة الأممية …)."""
    k = _word_before(view, head)
    for j in (head + 1, k):
        if j < 0 or j >= len(view.tokens) or j in view.inside or j in view.dates:
            continue
        if j == head + 1 and not (_noun_after(view, head) or _lone_noun(view, j)):
            continue
        if j == k and not (k > 0 and _noun_subject(view, k) and not view._leads_to_name(k)):
            continue
        key = view.tokens[j].norm.lstrip("وف").removeprefix("ال")
        if len(key) < 3:
            continue
        hits = {
            a.id
            for a in actors
            if a.type == "ORG"
            and normalize_arabic(a.name).split()[0].removeprefix("ال").removeprefix("لل") == key
        }
        if len(hits) == 1:
            tok = view.tokens[j]
            return {"actor": hits.pop(), "text": tok.text, "start": tok.start, "end": tok.end}
    return None


def _national_subject(view: SentenceView, head: int, actors: list) -> dict | None:
    """An unnamed national force as subject (القوات الأوكرانية حاولت، استهدفت القوات
    الروسية): the country its adjective names, when the document names that country. A
    force that is a named organisation (الجيش السوداني) is already a mention and never
    reaches here."""
    k = _word_before(view, head)
    for j in (head + 1, k - 2, k - 1):
        if j < 0 or j >= len(view.tokens) or j in view.inside:
            continue
        norm = view.tokens[j].norm.lstrip("وف")
        if not norm.startswith("ال") or norm[2:] not in event_words()["force"]:
            continue
        for adj in range(j + 1, min(j + 1 + NISBA_REACH, len(view.tokens))):
            ref = nisba_country(view, adj, actors)  # (الطائرات الحربية التركية)
            if ref is None:
                continue
            nxt = adj + 1
            named = nxt < len(view.tokens) and (nxt in view.starts or view.is_word(nxt, "led_by"))
            if named or (j < head and adj != k):
                break  # القوات الروسية بقيادة فلان: a named body, not the country
            return ref
    return None


def _named_before(doc: Document, offset: int) -> Iterator[Actor]:
    """The actors of the entity mentions before ``offset``, the nearest first (one per
    mention): where a nominal (الوزير التركي، الطرفين) looks for whom it names."""
    by_id = {a.id: a for a in doc.actors}
    for span in sorted(doc.spans.get("entities", []), key=lambda s: -s.start):
        actor = by_id.get(span.attrs.get("actor") or "")
        if span.start < offset and actor is not None:
            yield actor


def _titled_subject(doc: Document, view: SentenceView, head: int) -> dict | None:
    """A title with a country adjective and no name (زار المسؤول التركي أربيل، الوزير الروسي
    قال): the last person named before the sentence whose role has that adjective (and that
    title, unless the title is the generic المسؤول). A nominal the text resolves."""
    k = _word_before(view, head)
    for j in (head + 1, k - 1):
        adj = j + 1
        if j < 0 or adj >= len(view.tokens) or j in view.inside or adj in view.inside:
            continue
        title = view.tokens[j].norm.lstrip("وف")
        nisba = view.tokens[adj].norm
        titled = view.is_title(j) or view.is_word(j, "generic_title")
        if not (title.startswith("ال") and titled and nisba.startswith("ال")):
            continue
        nxt = view.starts.get(adj + 1)
        if not nisba.endswith("ي") or (nxt is not None and nxt.type == "PER"):
            continue  # الوزير الروسي سيرغي لافروف: a named person, not a back-reference
        if nxt is None and adj + 1 < len(view.tokens) and view.is_title(adj + 1):
            continue
        wanted = {nisba.removeprefix("ال")}
        if not view.is_word(j, "generic_title"):
            wanted.add(title.removeprefix("ال"))
        for a in _named_before(doc, view.start):
            if a.type != "PER":
                continue
            words = [{w.removeprefix("ال") for w in normalize_arabic(r).split()} for r in a.roles]
            if any(wanted <= w for w in words):
                tok = view.tokens[j]
                return {"actor": a.id, "text": tok.text, "start": tok.start, "end": tok.end}
        return None
    return None


def _lone_noun(view: SentenceView, j: int) -> bool:
    """A definite head word with no name after it (رفضه المجلس في تصويت): the noun itself,
    not a title leading to a name."""
    nxt = j + 1
    return (
        view.tokens[j].norm.startswith("ال")
        and not view.is_word(j, "pair")
        and not view.is_word(j, "delegation")
        and (
            nxt >= len(view.tokens)
            or not (
                nxt in view.starts
                or (view._leads_to_name(nxt) and not view.is_word(nxt, "preposition"))
            )
        )
    )


def _noun_subject(view: SentenceView, j: int) -> bool:
    """A common noun right before a verb is its subject (المشاركون اتفقوا، اللجنة ستعقد)."""
    if j in view.inside or not view.tokens[j].norm[:1].isalpha():
        return False
    return not (
        view.is_word(j, "complementizer")
        or view.is_word(j, "preposition")
        or view.is_word(j, "boundary")
        or view.is_word(j, "particle")
    )


def _participle(view: SentenceView, trig: Trigger) -> bool:
    """A circumstantial participle (داعياً، مطالباً، متهماً، متهمةً) continues its clause: its
    subject is the clause's (the speaker), and the first actor after it is its object."""
    form = trig.entry.form
    if trig.entry.pos != "verb" or len(form) < 5 or form[-2] == "ه":
        return False
    if form.endswith("ه") and form.startswith("م"):  # …، متهمةً: after a comma, else a
        k = trig.index - 1  # predicate (موسكو مستعدة)
        return k >= 0 and view.tokens[k].norm in (",", "،")
    return form.endswith("ا")


def _participle_subject(doc: Document, view: SentenceView, i: int, done: list[Event]) -> list[dict]:
    """The subject of the clause a participle continues: the speaker of the quote opened
    before it in the sentence (قال فلان إن "…"، ملوحاً), else the last event's subject."""
    start = view.tokens[i].start
    cues = [
        q
        for q in doc.spans.get("quotes", [])
        if view.start <= (q.attrs.get("cue") or {}).get("start", -1) < start
    ]
    if cues:
        speakers = list(cues[-1].attrs.get("speaker_actors") or [])
        if speakers:
            return speakers
    return list(done[-1].source) if done else []


def _pair_subject(view: SentenceView, head: int, hi: int) -> int | None:
    """A "the two sides" subject: right after the verb (اتفق الجانبان) or right before it,
    a particle allowed between (إن الجانبين اتفقا، الرئيسان لم يصدرا)."""
    j = pair_words(view, head + 1, min(hi, head + 3))
    if j is not None:
        return j
    k = head - 1
    if k > 0 and view.is_word(k, "particle"):
        k -= 1
    return pair_words(view, k, k + 1) if k >= 0 else None


def _pronoun_object(
    doc: Document, view: SentenceView, groups: list[Group], i: int, source: list[dict],
    done: list[Event], previous: list[Event],
) -> list[dict]:  # fmt: skip
    """Whom an object pronoun (استقبله، حثهما، هنأه) points back at: the other party of the
    clause's last event, else the nearest bare actor before the verb, else the other party
    of the previous sentence's last event; a dual wants two actors. After ما or a relative
    pronoun it stands for the thing named (القرار الذي أقره), not a party: no target, except
    that a denial of what was just said (وهو ما تنفيه موسكو) rejects whoever said it."""
    tok = view.tokens[i]
    own = {r["actor"] for r in source}
    claims = [e for e in done if e.type in CLAIMS]
    if view.forms(i - 1) & {"ما"} and claims and lookup(tok.norm).entry.type == "REJECT":
        claimants = [r for r in claims[-1].source if r["actor"] not in own]
        return [{**r, "text": tok.text, "start": tok.start, "end": tok.end} for r in claimants]
    if view.is_word(i - 1, "relative") or view.forms(i - 1) & {"ما"} or _describes(view, i - 1):
        return []
    suffix = pronoun_suffix(tok.text)
    kinds = {a.id: a.type for a in doc.actors}

    def fits(refs: list[dict]) -> bool:
        actors = {r["actor"] for r in refs}
        if not refs or actors & own:
            return False
        if suffix == "هما":
            return len(actors) == 2
        if suffix == "هم":  # a group, or several: never one country or one person
            return len(actors) > 1 or all(kinds.get(a) == "ORG" for a in actors)
        if suffix == "ها" and any(kinds.get(a) == "PER" for a in actors):
            return False  # ها: a country, a body or a thing (وصفتها), hardly a man named
        return len(actors) == 1

    options: list[list[dict]] = []
    if done:
        options += [list(done[-1].target), list(done[-1].source)]
    g = possessor(view, groups, i, 0, suffix == "هما")
    if g is not None:
        options.append(g.refs())
    if previous:
        options += [list(previous[-1].target), list(previous[-1].source)]
    for refs in options:
        if fits(refs):
            return [{**r, "text": tok.text, "start": tok.start, "end": tok.end} for r in refs]
    return []


def _describes(view: SentenceView, k: int) -> bool:
    """Is token ``k`` an indefinite common noun, so that the verb after it describes it and
    its pronoun stands for it (في خطوة وصفها مراقبون، في بيان نشرته الوزارة)?"""
    if k < 0 or k in view.inside or k in view.dates:
        return False
    norm = view.tokens[k].norm.lstrip("وف")
    if not norm[:1].isalpha() or norm.startswith("ال") or len(norm) < 3:
        return False
    return not (
        any(view.is_word(k, kind) for kind in ("preposition", "particle", "complementizer"))
        or any(view.is_word(k, kind) for kind in ("boundary", "relative", "resume_before"))
        or lookup(norm) is not None
        or view._leads_to_name(k)
    )


def _symmetric(trig: Trigger) -> bool:
    """A meeting or an agreement between parties named together (وقعت روسيا وأوكرانيا):
    the first named is the source and the others the target. Only for acts done *with*
    someone (their lexicon entry takes مع): a joint proposal or a visit is not."""
    entry = trig.entry
    return entry.type in SYMMETRIC and "مع" in entry.target and entry.mode not in ("visit", "host")


def _party_word(view: SentenceView, lo: int, hi: int) -> int | None:
    """The token of a "the delegation" nominal in [lo, hi) (الوفد), if any."""
    for j in range(lo, hi):
        if j not in view.inside and view.is_word(j, "delegation") and j + 1 not in view.starts:
            return j
    return None


def _delegation_refs(view: SentenceView, j: int, earlier: list[Event]) -> list[dict]:
    """الوفد: the members of the latest party of several that acted together."""
    for e in reversed(earlier):
        if len({r["actor"] for r in e.source}) >= 2:
            tok = view.tokens[j]
            return [{**r, "text": tok.text, "start": tok.start, "end": tok.end} for r in e.source]
    return []


def _pair_title(view: SentenceView, j: int) -> str | None:
    """The title a pair word is the dual of (الوزيران → وزير، الرئيسين → رئيس), if a title."""
    norm = view.tokens[j].norm.lstrip("وف").removeprefix("ال")
    for suffix in ("ان", "ين"):
        stem = norm.removesuffix(suffix)
        if stem != norm and is_head_word(stem):
            return stem
    return None


def _titled(actor: str | None, title: str, by_id: dict[str, Actor]) -> bool:
    """Does the document give ``actor`` a role with ``title`` in it (وزير الخارجية …)?"""
    a = by_id.get(actor or "")
    return a is not None and any(
        title in {w.removeprefix("ال") for w in normalize_arabic(r).split()} for r in a.roles
    )


def _pair_refs(
    view: SentenceView, j: int, earlier: list[Event], doc: Document | None = None
) -> list[dict]:
    """الطرفان / الجانبان: the two actors of the latest event that had two, back through the
    document; a titled pair (الوزيران، الرئيسين) wants two the document gives that title.
    With no such event, the last two so titled (any two people for الطرفين) named before the
    sentence: a nominal the text resolves; other actors come from the stating sentence only."""
    title = _pair_title(view, j) if doc is not None else None
    by_id = {a.id: a for a in doc.actors} if doc is not None else {}
    tok = view.tokens[j]
    for e in reversed(earlier):
        actors = {r["actor"]: r for r in [*e.source, *e.target]}
        if title is not None and not all(_titled(a, title, by_id) for a in actors):
            continue
        if len(actors) == 2:
            return [{**r, "text": tok.text, "start": tok.start, "end": tok.end}
                    for r in actors.values()]  # fmt: skip
    if doc is None:
        return []
    named: list[str] = []  # no event of theirs: the last two so titled, or two people
    for actor in _named_before(doc, view.start):
        a = actor.id
        if a in named:
            continue
        if _titled(a, title, by_id) if title is not None else actor.type == "PER":
            named.append(a)
            if len(named) == 2:
                return [{"actor": a, "text": tok.text, "start": tok.start, "end": tok.end}
                        for a in reversed(named)]  # fmt: skip
    return []


def _event(
    doc: Document, view: SentenceView, groups: list[Group], trig: Trigger,
    done: list[Event], previous: list[Event],
) -> Event | None:  # fmt: skip
    entry, i = trig.entry, trig.index
    head = trig.light if trig.light is not None else i
    lo, hi = view.clause(head)[0], view.clause(i)[1]
    tok = view.tokens[i]
    quote = quote_at(doc, tok.start)
    verbal = entry.pos == "verb" or trig.light is not None
    participle = _participle(view, trig)
    coordinated = verbal and (participle or _coordinated(view, head, lo, done))
    if coordinated and not participle and _pair_subject(view, head, hi) is not None:
        coordinated = False  # واتفق الجانبان: a new subject of its own
    subj: Group | None = None
    patient: Group | None = None
    if participle:
        source = _participle_subject(doc, view, i, done)
    elif coordinated:
        source = list(done[-1].source)
    else:
        nominal_subject = (
            _party_word(view, head + 1, head + 2) is not None
            or pair_words(view, head + 1, min(hi, head + 2)) is not None
        )  # والتقى الوفد فلاناً، بحث الجانبان …: the nominal is the subject
        addressed = entry.type in ADDRESSED and trig.light is None and _noun_after(view, head)
        if verbal:  # (ودعا النص قائد …: the noun is the subject, the name the addressee)
            if not _pronoun_subject(view, head) and not nominal_subject:
                subj = antecedent(view, groups, head) or subject_before(view, groups, head, lo)
                if subj is None and not addressed:
                    subj = subject_after(view, groups, head, hi, i)
        else:
            subj = genitive(view, groups, i)
            if subj is not None and view.is_word(i, "objective"):
                patient, subj = subj, None  # بتعيين فلان، اعتقال فلان: the one it is done to
                subj = _light_subject(view, groups, i, lo, hi) or possessor(
                    view, groups, i, lo, False
                )
            suffix = pronoun_suffix(tok.text)
            if subj is None and suffix is not None:
                subj = possessor(view, groups, i, lo, suffix == "هما")
            if subj is None and suffix is None:
                subj = _light_subject(view, groups, i, lo, hi)
            if subj is None and suffix is None and view.forms(i - 1) & ADJUNCT_WORDS:
                subj = possessor(view, groups, i, lo, False)  # وصل فلان إلى … في زيارة
        if (
            subj is not None
            and entry.cond == "place"
            and subj.first > head
            and all(m.type == "LOC" for m in subj.members)
        ):
            subj = None  # زار المسؤول التركي أربيل: the city visited, not the visitor
        if subj is None and entry.cond == "neg":
            subj = issuer(view, groups, head, hi)
        source = subj.refs() if subj else []
    target: list[dict] = []
    pair = None
    if not source and not participle and not coordinated:
        j = pair = _pair_subject(view, head, hi)
        if j is not None:
            source = _pair_refs(view, j, [*previous, *done], doc)
            if entry.type in SYMMETRIC and len(source) == 2:
                source, target = source[:1], source[1:]
    if not source and not participle and not coordinated:
        j = _party_word(view, head + 1, min(hi, head + 3))
        if j is not None:  # والتقى الوفد لاحقاً فلاناً
            source = _delegation_refs(view, j, [*previous, *done])
    if source and entry.pos != "verb" and owned_kind(view, i + 1) == "force":
        source = _owned_by(doc, view, i + 1, source) or source  # أكد فلان استعداد قواته
    if not source and not verbal:  # الغارات الروسية، تعزيزات تركية
        ref = nisba_after(view, i, doc.actors)
        source = [ref] if ref is not None else []
    if not source and not participle and not coordinated and verbal:
        ref = _nominal_subject(view, head, doc.actors)
        source = [ref] if ref is not None else []  # ونفى الجيش …، البعثة ستعقد …
    if not source and trig.light is not None:
        chained = _light_subject(view, groups, trig.light, lo, hi)
        source = chained.refs() if chained is not None else []
    if not source and not participle and not coordinated and verbal:
        ref = _national_subject(view, head, doc.actors)
        source = [ref] if ref is not None else []  # القوات الأوكرانية حاولت …
    if not source and not participle and not coordinated and verbal:
        ref = _titled_subject(doc, view, head)
        source = [ref] if ref is not None else []  # زار المسؤول التركي أربيل
    if not source and not coordinated and verbal and owned_force(view, _word_before(view, head)):
        source = _force_of(doc, view, _word_before(view, head), quote, done)
    if not source and not coordinated and (verbal or pronoun_suffix(tok.text)):
        source = _implicit_subject(view, groups, head, lo, quote, done, previous)
    after = subj.stop - 1 if subj is not None and subj.first > head else i
    tgt = patient or find_target(view, groups, entry, after, hi, subj, i)
    if tgt is not None:
        target = tgt.refs()
    elif not target:
        j = pair_words(view, after + 1, min(hi, after + 3))
        if j is not None and j != pair:
            target = _pair_refs(view, j, [*previous, *done], doc)
        k = _party_word(view, after + 1, min(hi, after + 3))
        if not target and k is not None and "obj" in entry.target:
            target = _delegation_refs(view, k, [*previous, *done])  # استقبل فلان الوفد
    if not source and not verbal and tgt is not None and preposition_of(view, tgt) == "مع":
        owner = possessor(view, groups, i, lo, False)  # قال فلان بعد محادثات مع فلان
        source = owner.refs() if owner is not None else []
    if not target and tgt is None and verbal and object_pronoun(view, i):
        target = _pronoun_object(doc, view, groups, i, source, done, previous)
    if not target and tgt is None and verbal and trig.light is None:
        ref = object_nisba(view, entry, after + 1, doc.actors)
        target = [ref] if ref is not None and ref["actor"] not in _actors(source) else []
    if not target and tgt is None and entry.type not in ("STATEMENT",):
        owner = object_owner(view, groups, entry, max(after, i))
        if owner is not None and not _actors(owner.refs()) & _actors(source):
            target = owner.refs()
    if not source and not target and entry.pos != "verb":
        parties = between_parties(view, groups, i, hi)
        if parties is not None:  # الاشتباكات بين الجيش وقوات الدعم السريع
            source, target = parties.refs()[:1], parties.refs()[1:]
            tgt = parties
    if not target and len(source) >= 2 and _symmetric(trig):
        source, target = source[:1], source[1:]
    target = [r for r in target if r["actor"] not in _actors(source)]  # no act on oneself
    used = {id(m) for g in (subj, tgt) if g for m in g.members}
    place_m = None
    if entry.cond == "place" and tgt and all(m.type == "LOC" for m in tgt.members):
        place_m, target = tgt.members[-1], []
    if place_m is None and entry.mode == "visit":
        place_m = object_place(view, entry, i, lo, hi)
    place_m = place_m or find_place(view, lo, hi, i, used) or object_place(view, entry, i, lo, hi)
    date = find_date(
        doc.clean_text,
        doc.spans.get("timex", []),
        view.tokens[lo].start,
        view.tokens[hi - 1].end,
        tok.start,
    )
    modality = find_modality(view, trig, lo, hi)
    if entry.cond == "neg" and modality != "denied":
        return None
    located = place_m or find_place(view, lo, hi, i, used, own=False)
    if not verbal and not (source or target or date or located) and modality == "asserted":
        return None  # a bare noun (بعد الجولة، عقب التوقيع) names an action, it does not report one
    if quote is not None and modality == "asserted":
        modality = "claimed"
    return Event(
        tok.start, tok.end, entry.type, entry.mode, entry.form, (view.start, view.end),
        source, target, place_m.ref() if place_m else None, date, modality,
        quote.attrs.get("id") if quote is not None else None, i,
    )  # fmt: skip


def _add_escorts(view: SentenceView, groups: list[Group], done: list[Event]) -> None:
    """برفقة فلان / يرافقهما فلان: the companions act with the party they escort, in every
    event of the sentence whose source that party is."""
    for p in range(len(view.tokens)):
        if not view.is_word(p, "escort"):
            continue
        escorts = next((g for g in groups if p < g.first <= p + JOIN_REACH), None)
        if escorts is None or preposition_of(view, escorts) is not None:
            continue
        starts = {m.span.start for m in view.mentions if m.first < p}
        for e in done:
            if e.source and e.type != "STATEMENT" and all(r["start"] in starts for r in e.source):
                have = {r["actor"] for r in e.source}
                e.source += [r for r in escorts.refs() if r["actor"] not in have]


def _add_delegations(
    doc: Document, view: SentenceView, groups: list[Group], done: list[Event]
) -> None:
    """وفد سعودي برئاسة فلان: a delegation keeps whom it belongs to, so the country of its
    adjective joins the leader in the events the leader's party acts in."""
    for p in range(1, len(view.tokens) - 1):
        if not view.is_word(p, "led_by"):
            continue
        k = p - 1
        country = nisba_country(view, k, doc.actors)
        if country is None or not view.is_word(k - 1, "delegation_head"):
            continue
        leader = next((g for g in groups if p < g.first <= p + JOIN_REACH), None)
        if leader is None:
            continue
        chief = _actors(leader.refs())
        for e in done:
            if chief & _actors(e.source) and country["actor"] not in _actors(e.source):
                e.source.insert(0, dict(country))


def _speech_places(doc: Document, views: list[SentenceView], events: list[Event]) -> None:
    """Where a statement was made (قال فلان في مؤتمر صحافي في قصر …، في عدن، قال …): a place
    of the cue's clause before the quoted content, for the speech events of the quotes."""
    quotes = {q.attrs.get("id"): q for q in doc.spans.get("quotes", [])}
    for e in events:
        q = quotes.get(e.quote)
        if e.place is not None or q is None or not q.end > e.start >= e.sentence[0]:
            continue
        cue = q.attrs.get("cue") or {}
        if cue.get("start") != e.start:
            continue
        view = next((v for v in views if v.start <= e.start < v.end), None)
        if view is None:
            continue
        i = next((k for k, t in enumerate(view.tokens) if t.start == e.start), None)
        if i is None:
            continue
        lo, hi = view.clause(i)
        if view.tokens[i].text.startswith("و") and view.tokens[i - 1].norm in (",", "،"):
            lo = i  # …، وقال: a new clause; the places before it are the last clause's
        if q.start > e.start:
            hi = min(hi, next((k for k, t in enumerate(view.tokens) if t.start >= q.start), hi))
        m = find_place(view, lo, hi, i, set())
        e.place = m.ref() if m is not None else None


def find_events(doc: Document) -> list[Event]:
    """Every event of the document's body, in text order (the stage without writing)."""
    events: list[Event] = []
    previous: list[Event] = []
    views = sentence_views(doc)
    for view in views:
        groups = participant_groups(view)
        done: list[Event] = []
        for trig in find_triggers(view):
            if _is_backref(view, trig) or _in_request(view, trig, done):
                continue
            ev = _event(doc, view, groups, trig, done, previous)
            if ev is not None:
                done.append(ev)
        _add_escorts(view, groups, done)
        _add_delegations(doc, view, groups, done)
        events += done
        previous = events  # the last is the previous sentence's; pairs reach further back
    events = apply_quotes(doc, events)
    _speech_places(doc, views, events)
    return sorted(events, key=lambda e: e.start)


def write_events(doc: Document, events: list[Event]) -> None:
    doc.spans["events"] = []
    for n, ev in enumerate(events, 1):
        doc.add_span("events", ev.start, ev.end, ev.type, **ev.attrs(n))


@stage(
    "events",
    requires={"clean_text", "sentences", "entities", "timex", "quotes"},
    provides={"events"},
)
def events_stage(doc: Document) -> Document:
    write_events(doc, find_events(doc))
    return doc


__all__ = ["Event", "events_stage", "find_events", "write_events"]
