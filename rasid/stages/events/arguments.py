"""Who did it, to whom, where: the arguments of a trigger, read inside its own sentence.

News Arabic puts the subject after the verb (التقى غوتيريش حفتر) or, in a fronted clause,
before it (قوات حفتر سيطرت على …). The subject is the first actor without a preposition
next to the verb; the target is the next bare actor when the trigger takes a direct object,
or the actor after one of the prepositions the lexicon gives it (التقى مع، رحب بـ، اتهم …).
Actors joined by و make one compound argument; an organisation inside a person's title
(رئيس حكومة الوفاق فائز السراج) is not an argument. A place is a LOC/FAC after في/بـ in the
clause that does not describe an actor (المجلس الأعلى للدولة في طرابلس).

What a bare reading gets wrong is guarded here: a name inside a prepositional phrase or
after a verbal noun is not the verb's subject or object (انسحبت من مواقع جنوب …، طالبت
بتصنيف …); a relative clause gives its antecedent as subject (فلان، الذي التقى) unless
its verb carries the object pronoun (القرار الذي فرضه المجلس); the owner of an object counts
as the target when no actor is named (بالموقف المصري، مشروع قرار قدمته …، مواقع لـ…).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.document import Actor
from rasid.normalize import normalize_arabic
from rasid.stages.events.lexicon import Entry, lookup
from rasid.stages.events.view import (
    PARTICIPANT_TYPES,
    PLACE_TYPES,
    Mention,
    SentenceView,
    event_words,
    is_head_word,
    pronoun_suffix,
)

SUBJECT_REACH = 10  # words between a verb and its subject (titles, a date, an adverb)
JOIN_REACH = 8  # words between و and the next member's name (its title)
SVO_GAP = 2
QUOTE_MARKS = frozenset('"«»“”')  # إن موسكو "مستعدة": a quote mark does not part them
_PLACE_PREPOSITIONS = ("في", "ب", "قرب", "داخل")  # إلى only for motion (MOTION_PLACES)


@dataclass
class Group:
    """A compound argument: mentions joined by و, from token ``first`` to ``stop``."""

    first: int
    stop: int
    members: list[Mention]

    def refs(self) -> list[dict]:
        seen: dict[str, dict] = {}
        for m in self.members:
            if m.actor and m.actor not in seen:
                seen[m.actor] = m.ref()
        return list(seen.values())


def _embedded(view: SentenceView, m: Mention) -> bool:
    """An organisation or place that is part of the title of the person named after it."""
    if m.type == "PER":
        return False
    for j in range(m.stop, min(len(view.tokens), m.stop + JOIN_REACH)):
        nxt = view.starts.get(j)
        if nxt is not None and nxt.type == "PER":
            return True
        if _stops(view, j) or view.is_word(j, "led_by"):
            return False  # (الحكومة برئاسة فلان: the organisation he heads, not his title)
    return False


def _stops(view: SentenceView, j: int) -> bool:
    """A token a compound argument or a title cannot run across."""
    tok = view.tokens[j]
    if not tok.norm[:1].isalpha():
        return True
    if j in view.boundaries or view.is_word(j, "complementizer") or view.is_word(j, "preposition"):
        return True
    return j not in view.inside and lookup(tok.norm) is not None


def participant_groups(view: SentenceView) -> list[Group]:
    """The sentence's compound arguments, in order."""
    groups: list[Group] = []
    current: Group | None = None
    for m in view.mentions:
        if m.type not in PARTICIPANT_TYPES or _embedded(view, m):
            continue
        if current is not None and _joins(view, current, m):
            current.members.append(m)
            current.stop = m.stop
            continue
        current = Group(m.first, m.stop, [m])
        groups.append(current)
    return groups


def _joins(view: SentenceView, group: Group, m: Mention) -> bool:
    gap = range(group.stop, m.first)
    if not gap or len(gap) > JOIN_REACH:
        return gap == range(0) and view.tokens[m.first].text.startswith("و")
    if not view.tokens[group.stop].text.startswith("و"):
        return False
    return not any(
        _stops(view, j) and j not in view.inside and not view._in_title(j, view.forms(j))
        for j in gap
    )


def preposition_of(view: SentenceView, group: Group) -> str | None:
    return view.preposition(group.members[0])


def _is_verb_at(view: SentenceView, j: int, skip: int, same: str | None = None) -> bool:
    """A verb at ``j`` other than ``skip``; one of type ``same`` restates the act and does
    not count (تبنى المجلس قراراً يطالب الحوثيين: the resolution's demand is the adoption's)."""
    if j == skip or j in view.inside:
        return False
    match = lookup(view.tokens[j].norm)
    return (
        match is not None
        and match.entry.pos in ("verb", "lightverb")
        and (same is None or match.entry.type != same)
    )


def subject_after(
    view: SentenceView, groups: list[Group], head: int, hi: int, skip: int
) -> Group | None:
    """VSO: the first bare actor after the verb, before any other verb or ``إن``."""
    for g in groups:
        if g.first <= head or g.first >= hi:
            continue
        if g.first - head > SUBJECT_REACH:
            return None
        between = range(head + 1, g.first)
        if any(view.is_word(j, "complementizer") or _is_verb_at(view, j, skip) for j in between):
            return None
        if _object_gap(view, between):
            return None  # نفى في بيان سيطرة القوات: the actor belongs to the noun
        if any(new_clause(view, j) or view.tokens[j].norm in QUOTE_MARKS for j in between):
            return None  # … السلطة، وقال فلان / ستلتزم بها "ما لم …": another clause's name
        if _crosses_phrase(view, between, g):
            return None  # انسحبت من مواقع جنوب مدينة …: the name belongs to the phrase
        if preposition_of(view, g) is None:
            return g
        return None
    return None


def _crosses_phrase(view: SentenceView, between: range, g: Group) -> bool:
    """A preposition between the verb and a name keeps the name in its phrase, unless a
    title opens the subject after the phrase's noun (وشاركت في المؤتمر نائبة الرئيس فلانة)."""
    preps = [
        j
        for j in between
        if j not in view.inside
        and view.is_word(j, "preposition")
        and not view.is_title(j - 1)  # المتحدث باسم …، النائب عن …: inside a title
        and not view._in_title(j, view.forms(j))  # الحكومة المكلفة من البرلمان فلان
    ]
    if not preps:
        return False
    titled = any(view.is_title(j) for j in range(preps[-1] + 2, g.first))
    return not (titled and g.members[0].type != "LOC")


def new_clause(view: SentenceView, j: int) -> bool:
    """A comma followed by و + a word that is not a title opens a new clause (، وقال)."""
    nxt = j + 1
    return (
        view.tokens[j].norm in (",", "،")
        and nxt < len(view.tokens)
        and nxt not in view.inside
        and view.tokens[nxt].text.startswith("و")
        and not view._leads_to_name(nxt)
    )


def subject_before(view: SentenceView, groups: list[Group], head: int, lo: int) -> Group | None:
    """SVO: a bare actor ending right before the verb, in its clause."""
    for g in reversed(groups):
        if g.stop > head:
            continue
        if g.first < lo or head - g.stop > SVO_GAP:
            return None
        if any(
            not (view.tokens[j].norm[:1].isalpha() or view.tokens[j].norm in QUOTE_MARKS)
            or view.is_word(j, "complementizer")
            for j in range(g.stop, head)
        ):  # قال فلان إن قواته سيطرت: the subject of the report is not the verb's
            return None
        if preposition_of(view, g) is None:
            return g
        return None
    return None


RELATIVE_REACH = 2  # tokens between the antecedent and الذي (a comma)


def antecedent(view: SentenceView, groups: list[Group], head: int) -> Group | None:
    """The subject of a verb opening a relative clause (فلان، الذي التقى …): the actor right
    before the relative pronoun, unless the verb carries an object pronoun that points back
    at it (القرار الذي فرضه المجلس: then the subject follows the verb)."""
    rel = head - 1
    if rel > 0 and view.is_word(rel, "particle"):
        rel -= 1
    if not view.is_word(rel, "relative") or object_pronoun(view, head):
        return None
    for g in reversed(groups):
        if g.stop <= rel:
            if rel - g.stop > RELATIVE_REACH - 1 or _owned_name(view, g.first):
                return None
            return g
    return None


def _owned_name(view: SentenceView, first: int) -> bool:
    """Is the name at ``first`` the genitive of a plain noun (بروتوكول موسكو الذي …), so that
    the relative clause describes that noun?"""
    k = first - 1
    if k < 0 or k in view.inside or view._leads_to_name(k):
        return False
    norm = view.tokens[k].norm
    return norm[:1].isalpha() and not view.is_word(k, "preposition") and lookup(norm) is None


def object_pronoun(view: SentenceView, j: int) -> bool:
    """Does the verb at ``j`` carry an object pronoun (استقبله، فرضه، حثهما)?"""
    match = lookup(view.tokens[j].norm)
    suffix = pronoun_suffix(view.tokens[j].text)
    return (
        match is not None
        and match.entry.pos == "verb"
        and suffix is not None
        and not match.entry.form.endswith(suffix)
    )


POSSESSOR_REACH = 20  # words between a possessed verbal noun and the actor it refers back to


def possessor(view: SentenceView, groups: list[Group], i: int, lo: int, dual: bool) -> Group | None:
    """Whom the pronoun of a verbal noun points back at (أكد فلان ترحيبه، عقب محادثاتهما): the
    nearest bare actor before it in its clause, the nearest pair of actors for a dual."""
    for g in reversed(groups):
        if g.stop > i:
            continue
        if g.first < lo or (i - g.stop > POSSESSOR_REACH and not dual):
            return None
        if preposition_of(view, g) is None and (not dual or len(g.refs()) == 2):
            return g
    return None


BETWEEN_REACH = 12  # words between a verbal noun and the بين that names its parties


def between_parties(view: SentenceView, groups: list[Group], i: int, hi: int) -> Group | None:
    """The parties of a verbal noun named after بين (الاشتباكات … بين الجيش والدعم السريع،
    الحوار بين وفدي المجلسين): a compound of two or more."""
    for g in groups:
        if g.first <= i or g.first >= hi or g.first - i > BETWEEN_REACH:
            continue
        if preposition_of(view, g) == "بين" and len(g.refs()) >= 2:
            return g
    return None


def genitive(view: SentenceView, groups: list[Group], i: int) -> Group | None:
    """The actor right after a noun (زيارة أردوغان، غارات التحالف)."""
    for g in groups:
        if g.first == i + 1 and preposition_of(view, g) is None:
            return g
    return None


def find_target(
    view: SentenceView, groups: list[Group], entry: Entry, after: int, hi: int,
    source: Group | None, skip: int,
) -> Group | None:  # fmt: skip
    """The first actor after ``after`` that the trigger's lexicon entry takes as target."""
    for g in groups:
        if g.first <= after or g is source:
            continue
        if g.first >= hi:
            return None
        between = range(after + 1, g.first)
        if view.is_word(g.first - 1, "led_by") and g.first - 2 > after:
            between = range(after + 1, g.first - 2)  # اتهم التحالف بقيادة السعودية
        if any(
            view.is_word(j, "complementizer") or _is_verb_at(view, j, skip, entry.type)
            for j in between
        ):
            return None
        prep = preposition_of(view, g)
        if prep is None and "obj" in entry.target and not _object_gap(view, between):
            return g
        if prep == "ل" and _owned_object(view, entry, g.first):
            return g  # غارات على مواقع لقوات X: the owner of the attacked object
        if prep is not None and (prep in entry.target or (prep == "مع" and _meets(entry))):
            return g
    return None


def _object_gap(view: SentenceView, between: range) -> bool:
    """A verbal noun between the verb and a bare actor makes the actor that noun's genitive,
    not the verb's object (طالبت بتصنيف الجماعة، دعا إلى وقف هجمات الجيش)."""
    for j in between:
        if j in view.inside:
            continue
        match = lookup(view.tokens[j].norm)
        phrase = view.is_word(j - 1, "preposition") and view.is_title(j + 1)
        if match is not None and match.entry.pos in ("noun", "light") and not phrase:
            return True  # (وشاركت في الاجتماع نائبة الرئيس: a phrase, then the subject)
    return any(_governing_noun(view, j) for j in between)


def _governing_noun(view: SentenceView, j: int) -> bool:
    """A noun with ب/ل glued on (بتصنيف، لإبعاد): what follows is its complement."""
    if j in view.inside or view._leads_to_name(j) or view.is_word(j, "preposition"):
        return False
    norm = view.tokens[j].norm.lstrip("وف")
    if norm.endswith("ا"):  # لاحقاً، مجدداً: an adverb, not a noun governing the actor
        return False
    return norm[:1] in ("ب", "ل") and len(norm) > 4


def _owned_object(view: SentenceView, entry: Entry, first: int) -> bool:
    """Is the actor at ``first`` (with ل glued) the owner of a plain noun that the trigger's
    own preposition governs (على مواقع لـ…، ضد مصالح لـ…)?"""
    noun, prep = first - 1, first - 2
    if noun < 0 or prep < 0 or noun in view.inside or view.is_word(noun, "preposition"):
        return False
    return view.is_word(prep, "preposition") and bool(view.forms(prep) & set(entry.target))


def _meets(entry: Entry) -> bool:
    """A meeting's partner may come with مع whatever the verb (استضاف اجتماعاً مع نظيريه)."""
    return entry.type == "CONSULT"


_OWNER_SUFFIXES = ("هما", "هم", "ها", "ه")


def owned_kind(view: SentenceView, j: int) -> str | None:
    """``force`` for a commanded body with a possessive pronoun (قواته، حكومتها، وحداته),
    ``homeland`` for the owner's country (بلاده، بلادها), else None."""
    if j < 0 or j in view.inside:
        return None
    norm = view.tokens[j].norm
    words = event_words()
    for suf in _OWNER_SUFFIXES:
        if norm.endswith(suf) and len(norm) > len(suf) + 1:
            base = norm[: -len(suf)]
            bases = {base, base[1:]} if base[:1] in ("و", "ف") else {base}  # وحداته، وقواته
            bases |= {b[:-1] + "ه" for b in bases if b.endswith("ت")}
            if bases & words["force"]:
                return "force"
            return "homeland" if bases & words["homeland"] else None
    return None


def owned_force(view: SentenceView, j: int) -> bool:
    """Is token ``j`` a possessed force or homeland (قواته، حكومتها، بلاده)?"""
    return owned_kind(view, j) is not None


def _nisba_hits(norm: str, actors: list[Actor]) -> set[str]:
    """The countries of the document a nisba word is made from (اليوناني → اليونان)."""
    norm = norm.lstrip("وف")
    if not norm.endswith(("ي", "يه")) or len(norm) < 4:
        return set()
    stem = norm.removeprefix("ال").removesuffix("يه").removesuffix("ي")
    if len(stem) < 3:
        return set()
    names = {stem, stem + "ا", stem + "يا", stem + "يه"}  # مصر، روسيا، تركيا، السعودية
    return {
        a.id
        for a in actors
        if a.type == "LOC"
        and any(normalize_arabic(n).removeprefix("ال") in names for n in (a.name, *a.aliases))
    }


def _named_in(text: str, actors: list[Actor], kind: str) -> set[str]:
    """The actors of type ``kind`` whose name is written inside ``text`` (a role)."""
    padded = f" {text} "
    return {
        a.id
        for a in actors
        if a.type == kind
        and any(f" {normalize_arabic(n)} " in padded for n in (a.name, *a.aliases) if len(n) > 2)
    }


def owner_actor(owners: list[str], kind: str, actors: list[Actor]) -> str | None:
    """What a possessed force or homeland stands for, read from the owner's own entry in the
    document: the organisation named in a person's role (رئيس حكومة الوحدة الوطنية) for a
    force; the country of a nisba in the role or name (وزير الخارجية اليوناني، وزارة الدفاع
    الروسية) or named in it for a homeland, and for a force an organisation has. One answer
    or none: an unresolved owner stays unnamed."""
    by_id = {a.id: a for a in actors}
    hits: set[str] = set()
    for owner in owners:
        a = by_id.get(owner)
        if a is None:
            continue
        texts = [normalize_arabic(r) for r in a.roles]
        if kind == "force" and a.type == "PER":
            for t in texts:  # the first title that names one (قائد الجيش …، رئيس مجلس …)
                named = _named_in(t, actors, "ORG") - {owner}
                if named:
                    hits |= named
                    break
            continue
        if a.type == "ORG":
            texts.append(normalize_arabic(a.name))
        elif a.type != "PER":
            continue
        for t in texts:
            for w in t.split():
                hits |= _nisba_hits(w, actors)
            hits |= _named_in(t, actors, "LOC")
    return hits.pop() if len(hits) == 1 else None


def title_organisation(view: SentenceView, actors: set[str]) -> Mention | None:
    """The organisation in the title of one of ``actors`` named in the sentence
    (قائد قوات الدعم السريع محمد حمدان دقلو → قوات الدعم السريع)."""
    for m in view.mentions:
        if m.type != "PER" or m.actor not in actors:
            continue
        for o in reversed(view.mentions):
            if o.type != "ORG" or o.stop > m.first or m.first - o.stop > JOIN_REACH:
                continue
            if _embedded(view, o):
                return o
            break
    return None


ISSUER_REACH = 4  # words between لم يصدر and من/عن + the actor (تعليق رسمي فوري)


def issuer(view: SentenceView, groups: list[Group], head: int, hi: int) -> Group | None:
    """Who a "nothing came out" verb is about: لم يصدر تعليق عن/من X → X is the source."""
    for g in groups:
        if g.first <= head or g.first >= hi:
            continue
        if g.first - head > ISSUER_REACH:
            return None
        return g if preposition_of(view, g) in ("من", "عن") else None
    return None


NISBA_REACH = 2  # words between a noun and the adjective of the country it belongs to


def nisba_country(view: SentenceView, j: int, actors: list[Actor]) -> dict | None:
    """The country a nisba adjective is made from, when the document names it (التركية →
    تركيا، المصري → مصر): as a ref whose evidence is the adjective."""
    if j >= len(view.tokens) or j in view.inside:
        return None
    hits = _nisba_hits(view.tokens[j].norm, actors)
    if len(hits) != 1:
        return None
    tok = view.tokens[j]
    return {"actor": hits.pop(), "text": tok.text, "start": tok.start, "end": tok.end}


def nisba_after(view: SentenceView, i: int, actors: list[Actor]) -> dict | None:
    """The country of a nisba adjective describing the noun at ``i`` (غارات جوية تركية)."""
    for j in range(i + 1, min(len(view.tokens), i + 1 + NISBA_REACH)):
        if j in view.inside or view.is_word(j, "preposition"):
            return None
        ref = nisba_country(view, j, actors)
        if ref is not None:
            after = j + 1  # بمشاركة الرئيس السوري فلان: the adjective is a person's title
            titled = any(view._leads_to_name(k) for k in range(i + 1, j))
            named = after < len(view.tokens) and (
                after in view.starts or view._leads_to_name(after)
            )
            return None if titled or named else ref
    return None


def object_nisba(view: SentenceView, entry: Entry, k: int, actors: list[Actor]) -> dict | None:
    """The country that owns the trigger's object (رحب بالموقف المصري → مصر، طلبت وقف
    الغارات الروسية → روسيا): the target when no actor is named."""
    if k >= len(view.tokens) or k in view.inside:
        return None
    prep = None
    if view.is_word(k, "preposition"):
        prep = min(view.forms(k) & event_words()["preposition"])
        k += 1
    elif view.tokens[k].norm.startswith(("بال", "لل")):
        prep = view.tokens[k].norm[0]
    if k >= len(view.tokens) or k in view.inside or view._leads_to_name(k):
        return None
    if (prep is None and "obj" in entry.target) or (prep is not None and prep in entry.target):
        return nisba_after(view, k, actors)
    return None


_CLAUSE_MARKS = frozenset({".", ":", "؛", ";", ",", "،", *QUOTE_MARKS})
OWNER_REACH = 12  # words between a trigger and the clause that says whose its object is


def _own_preposition(view: SentenceView, entry: Entry, lo: int, hi: int) -> int:
    """Where the trigger's object starts: at its own preposition when an adjunct comes first
    (حق النقض في مجلس الأمن ضد مشروع قرار …), else right after the trigger."""
    for r in range(lo, hi):
        if r in view.inside:
            continue
        if view.is_word(r, "complementizer") or view.tokens[r].norm in _CLAUSE_MARKS:
            break
        if view.is_word(r, "preposition") and view.forms(r) & set(entry.target) - {"obj"}:
            return r
    return lo


def object_owner(view: SentenceView, groups: list[Group], entry: Entry, after: int) -> Group | None:
    """Whose the trigger's object is, said by a relative clause after it (ضد مشروع قرار
    قدمته سويسرا، عن سياسة التي ينتهجها البنك): the actor right after that clause's verb,
    which carries the pronoun of the object."""
    stop = min(len(view.tokens), after + 1 + OWNER_REACH)
    start = _own_preposition(view, entry, after + 1, stop)
    for r in range(start, stop):
        tok = view.tokens[r]
        if r in view.inside:
            continue
        if (
            view.is_word(r, "complementizer")
            or tok.norm in _CLAUSE_MARKS
            or view.forms(r) & {"ما"}
            or (view.is_word(r, "preposition") and not view.forms(r) & set(entry.target))
            or (_is_verb_at(view, r, -1) and not object_pronoun(view, r))
        ):
            return None  # the object's clause ends: ، وهو ما تنفيه …
        suffix = pronoun_suffix(tok.text)
        relative = view.is_word(r - 1, "relative") and suffix is not None
        bare = (  # مشروع قرار قدمته سويسرا: an indefinite noun's clause needs no الذي
            suffix is not None
            and r + 1 in view.starts
            and r - 1 not in view.inside
            and not view.tokens[r - 1].norm.startswith("ال")
            and view.tokens[r - 1].norm[:1].isalpha()
            and not view.is_word(r - 1, "preposition")
        )
        if not (relative or bare or object_pronoun(view, r)):
            continue
        owner = next((g for g in groups if g.first == r + 1), None)
        return owner if owner is not None and preposition_of(view, owner) is None else None
    return None


def _named_place(view: SentenceView, m: Mention) -> bool:
    """A place ب can introduce: a building, one named with its head (بمدينة سرت، بمنطقة
    الرجمة), or one glued to the place before it (قصر … بإسطنبول)."""
    if m.type == "FAC" or view.is_title(m.first - 1) or _head_word(view, m.first):
        return True
    prev = view.inside.get(m.first - 1)
    return prev is not None and prev.type in PLACE_TYPES


def _head_word(view: SentenceView, j: int) -> bool:
    """Does the mention's own first word name a kind of place (مدينة الحديدة)?"""
    return is_head_word(view.tokens[j].norm)


def _trigger_between(view: SentenceView, at: int, j: int) -> bool:
    """Is another act named between the trigger and token ``j``?"""
    return any(k not in view.inside and lookup(view.tokens[k].norm) for k in range(at + 1, j))


def find_place(
    view: SentenceView, lo: int, hi: int, at: int, used: set[int], own: bool = True
) -> Mention | None:
    """The LOC/FAC where it happened: after a place preposition, not describing an actor;
    with ``own``, not one that belongs to another act named after the trigger."""
    candidates = []
    for m in view.mentions:
        if m.type not in PLACE_TYPES or m.first < lo or m.first >= hi or id(m) in used:
            continue
        prep = view.preposition(m)
        if prep not in _PLACE_PREPOSITIONS:
            continue
        if prep == "ب" and not _named_place(view, m):
            continue  # المرتبطة بإسرائيل: ب + a country is rarely where it happened
        nxt = view.starts.get(m.stop)
        if nxt is not None and nxt.type == "PER":
            continue  # منسقة الشؤون الإنسانية في السودان فلانة: part of a title
        if own and m.first > at and _trigger_between(view, at, m.first):
            continue  # بنشر مقاتلات في قاعدة …: the place of the act named in between
        before = m.first - (1 if view.is_word(m.first - 1, "preposition") else 0) - 1
        owner = view.inside.get(before)
        if owner is not None and owner.type == "ORG" and owner is not m:
            continue
        candidates.append(m)
    if not candidates:
        return None
    fac = [m for m in candidates if m.type == "FAC"]
    if fac:
        return fac[0]
    after = [m for m in candidates if m.first > at]
    chain = after or candidates
    best = chain[0]
    for m in chain[1:]:  # في مقره بمنطقة الرجمة شرق بنغازي: the most specific, glued by بـ
        if m.first - best.stop <= 1 and view.preposition(m) == "ب":
            best = m
    return best


MOTION_PLACES = {  # where an act of force lands: سيطر على بلدة، تقدم نحو المطار، انسحب من …
    kind: tuple(normalize_arabic(p) for p in preps)
    for kind, preps in {
        "ASSAULT": ("على", "نحو", "إلى"),
        "COERCE": ("على",),
        "MOBILIZE": ("إلى", "نحو"),
        "RETREAT": ("من",),
        "visit": ("إلى",),  # a visit's destination (وصل إلى طرابلس في زيارة)
    }.items()
}


def object_place(view: SentenceView, entry: Entry, i: int, lo: int, hi: int) -> Mention | None:
    """The town, base or building an act of force is aimed at or leaves, or a visit's
    destination, named in the clause (after the trigger, or before it for a visit)."""
    preps = MOTION_PLACES.get(entry.mode or "") or MOTION_PLACES.get(entry.type)
    if not preps:
        return None
    start = lo if entry.mode == "visit" else i + 1
    found = [
        m
        for m in view.mentions
        if start <= m.first < hi
        and m.first != i
        and abs(m.first - i) <= SUBJECT_REACH
        and m.type in PLACE_TYPES
        and view.preposition(m) in preps
    ]
    return min(found, key=lambda m: abs(m.first - i)) if found else None


def pair_words(view: SentenceView, lo: int, hi: int) -> int | None:
    """The token of a "the two sides" nominal in [lo, hi), if any; not one the names follow
    (بين الرئيسين فلان وفلان names them itself)."""
    words = event_words()["pair"]
    for j in range(lo, hi):
        if j not in view.inside and view.forms(j) & words and j + 1 not in view.starts:
            return j
    return None
