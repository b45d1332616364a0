"""Speech events: what every quote of ``spans["quotes"]`` adds to the events.

The rules of the gold guidelines (eval/events/README.md): a cue that is itself an act (دعا،
اتهم، رحب، رفض) is that event, asserted, linked to its quote; actions reported inside the
content are the speaker's claims (modality ``claimed`` unless planned, denied or
conditional); a quote that gives neither is one STATEMENT event on its cue, by its speaker,
unless what it says is itself a threat, a rejection, an accusation or a demand (قال إن القرار
"باطل"): then the cue event takes that type (rule 3; the phrases are data,
``rasid/data/event_content.tsv``). The content of a call (دعا X إلى …) is not an event of its
own, and what a denial (نفى أن …) reports is denied. Without a quotes layer the stage still
codes the action events.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasid.document import Document, Span
from rasid.normalize import normalize_arabic
from rasid.stages.entities.tokens import tokenize
from rasid.stages.events.model import Event
from rasid.stages.events.triggers import back_references, one_per_act

DENYING = frozenset({"REJECT"})
CLITIC = 2  # letters glued before a quote's first word (بـ، وبـ)
Phrase = tuple[str, str | None, tuple[str, ...]]  # type, mode, words


@lru_cache(maxsize=1)
def content_phrases() -> dict[str, list[Phrase]]:
    """First word → the phrases of ``event_content.tsv`` starting with it, in file order."""
    text = resources.files("rasid.data").joinpath("event_content.tsv").read_text("utf-8")
    out: dict[str, list[Phrase]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        typ, mode, phrase = line.split("\t")
        words = tuple(normalize_arabic(phrase).split())
        out.setdefault(words[0], []).append((typ, None if mode == "-" else mode, words))
    return out


def content_type(text: str) -> tuple[str, str | None] | None:
    """(type, mode) of what a quote's content says when it is a threat, a rejection, an
    accusation or a demand; None for a plain statement."""
    phrases = content_phrases()
    norms = [t.norm for t in tokenize(text) if t.norm[:1].isalnum()]
    found: list[tuple[int, int, str, str | None]] = []
    for i, norm in enumerate(norms):
        firsts = [norm, norm[1:]] if norm[:1] in ("و", "ف") and len(norm) > 2 else [norm]
        for first in firsts:
            for rank, (typ, mode, words) in enumerate(phrases.get(first, ())):
                if tuple(norms[i + 1 : i + len(words)]) == words[1:]:
                    found.append((_rank(typ), rank, typ, mode))
    if not found:
        return None
    _r, _k, typ, mode = min(found)
    return typ, mode


_ORDER = ("THREATEN", "REJECT", "ACCUSE", "REQUEST")
_WHAT = frozenset({"ما", "بما", "لما"})
_NAMING = ("وصف", "سم", "اسم")  # وصفته، سمته، أسمته


def _named_so(text: str, cue: dict) -> bool:
    """ما وصفته بـ"…"، ما سمته "…": scare quotes around a term, not a statement (but بحسب ما
    أفادت … is one)."""
    words = text[max(0, cue["start"] - 12) : cue["start"]].split()
    naming = normalize_arabic(text[cue["start"] : cue["end"]]).startswith(_NAMING)
    return naming and bool(words) and normalize_arabic(words[-1]) in _WHAT


def _rank(typ: str) -> int:
    return _ORDER.index(typ) if typ in _ORDER else len(_ORDER)


def quotes_of(doc: Document) -> list[Span]:
    return doc.spans.get("quotes", [])


def quote_at(doc: Document, offset: int) -> Span | None:
    """The innermost quote whose content holds ``offset``; a word whose clitic sits just
    before the content (أفاد المرصد بقصف …, content from قصف) counts as inside."""
    best = None
    for q in quotes_of(doc):
        start = q.start
        if (
            offset < start
            and start - offset <= CLITIC
            and not doc.clean_text[offset:start].strip("وفبلك")
        ):
            start = offset
        if start <= offset < q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


AIMED = frozenset({"ACCUSE", "THREATEN"})  # a content type whose words name whom it aims at


def _aimed_at(doc: Document, q: Span, speakers: list[dict]) -> list[dict]:
    """Whom an accusation or a threat told in a quote aims at: the first actor its content
    names other than the speaker (قال إن أي تقدم لميليشيات X "خط أحمر" → X)."""
    own = {r.get("actor") for r in speakers}
    for m in doc.spans.get("entities", []):
        actor = m.attrs.get("actor")
        inside = q.start <= m.start < q.end and actor and actor not in own
        if inside and m.label in ("PER", "ORG"):  # a place named in it is where, not whom
            return [{"actor": actor, "text": m.text, "start": m.start, "end": m.end}]
    return []


def _cue_event(events: list[Event], cue: dict) -> Event | None:
    for e in events:
        if e.start < cue["end"] and cue["start"] < e.end:
            return e
    return None


_NEW_CLAUSE = re.compile(r"[،,]\s*$")


def _new_clause(text: str, event: Event) -> bool:
    """A و-word right after a comma opens a clause of its own (دعا إلى الحوار، وهدد بفرض
    عقوبات): not part of the call before it, though the quote's content may run on."""
    return text[event.start] == "و" and bool(
        _NEW_CLAUSE.search(text, max(0, event.start - 3), event.start)
    )


def apply_quotes(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` with every quote's cue act, content claims and STATEMENTs settled."""
    backrefs = back_references(doc.clean_text, events)
    events = one_per_act(
        doc.clean_text, doc.spans.get("entities", []), [e for e in events if id(e) not in backrefs]
    )
    drop: set[int] = set()  # fresh: ids of the events dropped above may be reused by now
    added: list[Event] = []
    for q in quotes_of(doc):
        qid = q.attrs.get("id")
        cue = q.attrs.get("cue") or {}
        if "start" not in cue:
            continue
        speakers = list(q.attrs.get("speaker_actors") or [])
        content = [e for e in events if q.start - CLITIC <= e.start < q.end and e.quote == qid]
        act = _cue_event(events, cue)
        if act is not None:
            act.quote, act.modality = qid, "asserted" if act.modality == "claimed" else act.modality
            speaker_ids = {r.get("actor") for r in speakers} - {None}
            target_ids = {r.get("actor") for r in act.target} - {None}
            # the quotes stage resolves speakers (المتحدث باسمه، مكتبه); a speaker who is the
            # act's own target (X الذي اتهم Y: Y read as the speaker) keeps the found source
            if speakers and not (act.source and speaker_ids & target_ids):
                act.source = speakers
            if act.type == "REQUEST":  # the call's content is the call, not more events
                for e in content:
                    if not _new_clause(doc.clean_text, e):
                        drop.add(id(e))
                    elif e.modality == "claimed":  # told in the outlet's voice
                        e.modality, e.quote = "asserted", None
                continue
            if act.type in DENYING:
                for e in content:
                    e.modality = "denied"
            continue
        if content or _named_so(doc.clean_text, cue):
            continue
        sentence = q.attrs.get("sentence") or [q.start, q.end]
        date = next((e.date for e in events if e.sentence == tuple(sentence) and e.date), None)
        typ, mode = content_type(doc.clean_text[q.start : q.end]) or ("STATEMENT", None)
        target = _aimed_at(doc, q, speakers) if typ in AIMED else []
        added.append(
            Event(
                cue["start"],
                cue["end"],
                typ,
                mode,
                q.attrs.get("cue_lemma") or "",
                (sentence[0], sentence[1]),
                speakers,
                target,
                None,
                date,
                "asserted",
                qid,
            )
        )
    return [e for e in events if id(e) not in drop] + added
