"""Where the triggers are: lexicon words of a sentence that name an action.

A verb or a free verbal noun is a trigger wherever it stands; a ``light`` noun (سيطرة،
عملية، ترحيب) only after a light verb (أعلن سيطرته، شنت عملية) or with a possessive
pronoun, since alone it is usually a topic (التعاون العسكري) rather than a reported act.
Words inside an entity mention are never triggers (مؤتمر برلين is a name). Some words are
triggers only beside a context word (منح … الثقة، حق النقض، تعليق عضوية) or change type with
it (تقدم بمبادرة is an offer, تقدم alone an advance): the lexicon lists those readings first.

Once the document's events are built, two passes need them all (run from :mod:`.speech`):
:func:`back_references` drops the words that only name an act already told or its object
(بعد اللقاء، رفض التوقيع), :func:`one_per_act` splits a trigger naming several acts (جولة
شملت أوغندا وإثيوبيا، التقى بشكل منفصل X وY).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rasid.normalize import normalize_arabic, strip_diacritics
from rasid.stages.entities.tokens import tokenize
from rasid.stages.events.lexicon import (
    Entry,
    Match,
    bare_forms,
    candidates,
    frame_words,
    function_rows,
    load_entries,
)
from rasid.stages.events.model import Event
from rasid.stages.events.view import SentenceView

LIGHT_WINDOW = 10  # words between a light verb and its noun (its subject's title, a date)
OBJECT_TAKERS = frozenset({"REJECT", "AGREE"})  # REQUEST's content: __init__._in_request
OBJECT_REACH = 4  # words between a refusal or offer and its object (نفى الجيش في بيان سيطرة)
_CLAUSE_OPENERS = frozenset(
    {"ان", "بان", "انه", "انها", "انهم", "انهما", "الذي", "التي", "الذين", "اللذين", "اللتين"}
)
AFTER_LIGHT = 3  # words between a noun and a light verb after it (غارات جوية نفذها)
CONTEXT_REACH = 4  # words between a trigger and its context word (منح مجلس النواب الثقة)
_POSSESSIVE = ("ه", "ها", "هما", "هم")
_RELATIVE = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين", "اللذان", "اللتان"})
RELATIVE_REACH = 4  # words between an act noun and its الذي/التي (حظر توريد السلاح الذي فرضه)
_TAKEN_BACK = ("به", "بها", "بهما", "بهم")


@dataclass
class Trigger:
    """A trigger token; ``light`` is the light verb's token when one governs it."""

    index: int
    entry: Entry
    future: bool
    light: int | None = None


def _has(view: SentenceView, span: range, words: frozenset[str], names: bool = True) -> bool:
    """A context word in ``span``; with ``names=False`` the words of a name do not count (no
    دعم in قوات الدعم السريع), while a name's head may (محطة الضبعة … التي تبنيها)."""
    return any(
        (names or j not in view.inside) and bare_forms(view.tokens[j].norm) & words for j in span
    )


def _reading(view: SentenceView, i: int) -> Match | None:
    """The first reading of token ``i`` whose context words stand around it in its clause; a
    word spelled with ة (صادقة is an adjective, not صادق+ه) or counted (132 صوتاً) is never a
    verb."""
    found = candidates(view.tokens[i].norm)
    if not found:
        return None
    lo, hi = view.clause(i)
    after, before = (
        range(i + 1, min(hi, i + 1 + CONTEXT_REACH)),
        range(max(0, i - CONTEXT_REACH), i),  # across الذي/التي: محطة … التي تبنيها
    )
    noun_only = view.tokens[i].text.endswith("ة") or (
        i > 0 and view.tokens[i - 1].norm[:1].isdigit()  # 132 صوتاً: a counted noun
    )
    for match in found:
        entry = match.entry
        if entry.pos == "name":
            return None  # فيصل is the name, not ف + يصل
        if noun_only and entry.pos in ("verb", "lightverb") and not entry.form.endswith("ه"):
            continue  # … unless the lexicon lists the ة form itself (مستعدة)
        if entry.after and not (
            _has(view, after, entry.after) or _has(view, _antecedent(view, i), entry.after)
        ):
            continue
        if entry.before and not _has(view, before, entry.before):
            continue
        if entry.in_clause and not _has(view, range(i + 1, hi), entry.in_clause):
            continue
        if (
            (entry.not_after and _has(view, after, entry.not_after, names=False))
            or (entry.not_in_clause and _has(view, range(i + 1, hi), entry.not_in_clause, False))
            or (entry.not_before and _has(view, range(max(lo, i - 1), i), entry.not_before, False))
            or (
                entry.not_near_before
                and _has(view, range(max(lo, i - CONTEXT_REACH), i), entry.not_near_before, False)
            )
        ):
            return None  # ruled out here: no shorter reading either (مناطق سيطرتها ≠ سيطر+ها)
        return match
    return None


def find_triggers(view: SentenceView) -> list[Trigger]:
    """Triggers of one sentence, in order."""
    out: list[Trigger] = []
    last_light: int | None = None
    for i, tok in enumerate(view.tokens):
        if i in view.inside:
            continue
        if last_light is not None and (
            view.is_word(i, "complementizer") or view.is_word(i, "condition")
        ):  # أكد أن التنسيق …، ستفرض عقوبات إذا استمر استهداف …: another clause's noun
            last_light = None
        match = _reading(view, i)
        if match is None:
            continue
        entry = match.entry
        if entry.pos == "lightverb":
            act = _relative_act(view, i, out)
            if act is not None:
                out.append(Trigger(i, replace(act, pos="verb"), match.future))
            last_light = i
            continue
        light = None
        if entry.pos == "verb":
            if last_light == i - 1:
                light = last_light  # حاولت منع، يعتزم زيارة: a verbal noun, not a second verb
            last_light = None  # a light verb governs only the nouns before the next verb
        if entry.pos in ("noun", "light") and last_light is not None:
            lo, _hi = view.clause(i)
            purpose = entry.pos == "light" and i - last_light > 1 and tok.norm.startswith("لل")
            if last_light >= lo and i - last_light <= LIGHT_WINDOW and not purpose:
                light = last_light  # (not حاولت إنزال جنود للسيطرة: a purpose, not its object)
        if entry.pos in ("noun", "light") and light is None:
            light = _light_after(view, i)
        if entry.pos == "light" and light is None and not _possessive(tok.text):
            continue
        if entry.pos in ("noun", "light") and _framed(view, i):
            continue
        out.append(Trigger(i, entry, match.future, light))
    return out


def _antecedent(view: SentenceView, i: int) -> range:
    """The words before الذي/التي when token ``i`` is the verb of a relative clause that takes
    them back as its object (المرتزقة الذين جلبتهم أنقرة: جلب + مرتزقة), else nothing: the
    object a context word stands for is then the antecedent."""
    if i < 2 or view.tokens[i - 1].norm not in _RELATIVE:
        return range(0)
    nxt = view.tokens[i + 1].norm if i + 1 < len(view.tokens) else ""
    if not (_possessive(view.tokens[i].text) or nxt in _TAKEN_BACK):
        return range(0)
    return range(max(0, i - 1 - RELATIVE_REACH), i - 1)


def _relative_act(view: SentenceView, i: int, found: list[Trigger]) -> Entry | None:
    """الحظر الذي فرضه مجلس الأمن، المحادثات التي أجراها: a light verb right after الذي/التي
    that takes back an act noun a few words before it states that act, with its own subject
    (the verb is the trigger, read as a verb); nothing when the noun is a trigger already."""
    taken = {t.index for t in found}
    for j in reversed(_antecedent(view, i)):
        if j in view.inside:
            continue
        match = _reading(view, j)
        if match is None or match.entry.pos not in ("noun", "light"):
            continue
        return None if j in taken else match.entry
    return None


def _possessive(text: str) -> bool:
    """ترحيبه، سيطرتها: a pronoun suffix, read on the spelling (ة normalizes to ه too: المبادرة
    has none)."""
    return strip_diacritics(text).endswith(_POSSESSIVE)


def _light_after(view: SentenceView, i: int) -> int | None:
    """A light verb just after the noun that takes it back as a pronoun: غارات نفذها طيران
    مجهول، وساطة قادها لوكاشينكو، جولة قام بها حميدتي (its subject is the noun's agent)."""
    _lo, hi = view.clause(i)
    for j in range(i + 1, min(hi, i + 1 + AFTER_LIGHT)):
        if j in view.inside:
            return None
        match = _reading(view, j)
        if match is None or match.entry.pos != "lightverb":
            continue
        norm = view.tokens[j].norm
        nxt = view.tokens[j + 1].norm if j + 1 < hi else ""
        if norm.endswith(_POSSESSIVE) or nxt in ("به", "بها", "بهما", "بهم"):
            return j
        return None
    return None


def _framed(view: SentenceView, i: int) -> bool:
    """A definite noun right after خلال/بعد/عقب/على هامش names the frame of what is
    reported (خلال الاتصال، بعد اللقاء), an action already told, not a new one; after أي
    (أي هجوم على اليمن سيقابل …) an act that may never happen."""
    norm = view.tokens[i].norm.lstrip("وف")
    if i > 0 and view.tokens[i - 1].norm in _ANY:
        return True  # أي هجوم، أي خرق: a hypothetical act
    return i > 0 and norm.startswith(_DEFINITE) and bool(view.forms(i - 1) & frame_words())


_ANY = frozenset({"اي", "لاي", "باي"})
_DEFINITE = ("ال", "بال", "لل", "كال", "وال", "وبال", "ولل", "فال")


def _pos(e: Event) -> str:
    entries = load_entries().get(e.lemma)
    return entries[0].pos if entries else ""


def _cond(e: Event) -> str | None:
    entries = load_entries().get(e.lemma)
    return entries[0].cond if entries else None


def _actors(e: Event) -> set[str]:
    return {r["actor"] for r in [*e.source, *e.target] if r.get("actor")}


def _inside(e: Event, earlier: list[Event], sentences: list[tuple[int, int]]) -> bool:
    """بحث الجانبان / وبحث معه after التقى: what is done inside a meeting already told (in
    its sentence or the one before) with no new participant."""
    k = sentences.index(e.sentence)
    near = set(sentences[max(0, k - 1) : k + 1])
    return any(
        v.type == e.type and v.sentence in near and _actors(e) <= _actors(v) for v in earlier
    )


def back_references(text: str, events: list[Event]) -> set[int]:
    """ids of events that only name an action already reported or to be done (guidelines:
    a nominal back-reference, the object of a call, refusal or offer are not events): a
    verbal noun with the article or a pronoun after an earlier event of the same word
    (المبادرة، الاجتماع، توقيعه); a noun a few words after a verb of its own type in its
    sentence (استضاف … اجتماعاً، اختتمت … الجولة); the object right after a refusal or an
    offer (رفض الطرفان التوقيع، مستعد لاستضافته); a verb right after a noun of its type that
    it describes (قصف صاروخي استهدف …). A noun of the same type elsewhere is often a new
    action (تمهيداً للقاء بين الرئيسين) and stays."""
    out: set[int] = set()
    seen: set[str] = set()
    verbs = [v for v in events if _pos(v) == "verb"]
    ordered = sorted(events, key=lambda e: e.start)
    sentences = sorted({e.sentence for e in events})
    for n, e in enumerate(ordered):
        if _cond(e) == "inside" and _inside(e, ordered[:n], sentences):
            out.add(id(e))
        if _pos(e) in ("noun", "light"):
            word = text[e.start : e.end]
            named = normalize_arabic(word).startswith(_DEFINITE)
            same_act = any(
                v.sentence == e.sentence
                and v.type == e.type
                and 0 < e.index - v.index <= LIGHT_WINDOW
                for v in verbs
            )
            if (named and e.lemma in seen) or (same_act and _pos(e) == "noun"):
                out.add(id(e))
        if any(_object_of(text, v, e) for v in verbs):
            out.add(id(e))
        if _pos(e) == "verb" and any(
            v.sentence == e.sentence
            and v.type == e.type
            and _pos(v) == "noun"
            and 0 < e.index - v.index <= 3
            and not text[e.start : e.end].startswith("و")
            and id(v) not in out
            for v in ordered[:n]
        ):
            out.add(id(e))
        seen.add(e.lemma)
    return out


def _object_of(text: str, v: Event, e: Event) -> bool:
    """Noun ``e`` is what ``v`` refuses or offers, right after it with no reported or
    relative clause between (رفض التوقيع، نفى سيطرة القوات) — not an act of its own."""
    if v.type not in OBJECT_TAKERS or v.sentence != e.sentence or _pos(e) == "verb":
        return False
    if not 0 < e.index - v.index <= OBJECT_REACH:
        return False
    between = {t.norm for t in tokenize(text[v.end : e.start])}
    return not between & _CLAUSE_OPENERS


_LIST_END = ("،", ",", ".", "؛", ";", ":")
_SEPARATE = ("منفصل", "كل")  # لقاءين منفصلين، مع كل منهما، بشكل منفصل
SEPARATE_REACH = 3


def _separate(text: str, e: Event) -> bool:
    """منفصلين، بشكل منفصل، مع كل منهما right after the trigger: separate acts."""
    after = [t.norm for t in tokenize(text[e.end : e.sentence[1]])][:SEPARATE_REACH]
    return any(w.startswith(_SEPARATE) for w in after)


def _dual(text: str, e: Event) -> bool:
    """لقاءين، زيارتين: a dual trigger."""
    word = normalize_arabic(text[e.start : e.end]).lstrip("وف")
    lemma = e.lemma
    stems = [lemma[:-1] + "ت", lemma] if lemma.endswith("ه") else [lemma]
    return any(word.endswith((s + "ين", s + "ان")) for s in stems)


def _stops(text: str, entities: list, e: Event) -> list[dict]:
    """The places listed after شملت/تشمل in a visit's sentence, up to the next comma."""
    lo, hi = e.sentence
    words = list(tokenize(text[lo:hi], lo))
    cue = next((w for w in words if w.norm.lstrip("و") in function_rows("list")), None)
    if cue is None:
        return []
    end = next((w.start for w in words if w.start > cue.end and w.norm in _LIST_END), hi)
    return [
        {"actor": m.attrs["actor"], "text": m.text, "start": m.start, "end": m.end}
        for m in entities
        if cue.end <= m.start < end
        and m.attrs.get("actor")
        and m.attrs.get("type", m.label) == "LOC"
    ]


def one_per_act(text: str, entities: list, events: list[Event]) -> list[Event]:
    """Two separate actions sharing a trigger are two events (guidelines): a tour listing
    places (جولة شملت أوغندا وإثيوبيا) is one visit per place, with that place; an act said
    separate (التقى بشكل منفصل X وY) one per target; a dual said separate (لقاءين منفصلين)
    two."""
    out: list[Event] = []
    for e in events:
        stops = _stops(text, entities, e) if (e.type, e.mode) == ("CONSULT", "visit") else []
        if len(stops) >= 2:
            places = {p["actor"] for p in stops}
            source = [r for r in e.source if r.get("actor") not in places]
            out += [replace(e, source=source, place=p, target=[]) for p in stops]
        elif len(e.target) >= 2 and _separate(text, e):
            out += [replace(e, target=[t]) for t in e.target]  # التقى بشكل منفصل X وY
        elif _dual(text, e) and _separate(text, e):
            out += [e, replace(e)]
        else:
            out.append(e)
    return out
