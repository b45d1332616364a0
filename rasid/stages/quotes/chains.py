"""Attribution chains: the page's outlet ← the outlets it cites ← intermediaries ← the speaker.

The page's own outlet is the dateline's outlet entity ("برلين (وكالة فرانس برس) -") or,
failing that, the outlet the page's metadata gave. A cited outlet is the subject of a relay
verb ("نقلت وكالة إنترفاكس عن") or named after a relative verb anywhere in the sentence
("في تصريحات نقلتها صحيفة فايننشال تايمز").
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from rasid.document import Document
from rasid.normalize import normalize_arabic
from rasid.stages.quotes.lexicon import words
from rasid.stages.quotes.speakers import Ref, Speaker
from rasid.stages.quotes.text import CLOSING, OPENING, Sentence, is_word

Hop = dict[str, Any]


def outlet_hop(doc: Document) -> Hop | None:
    """The page's own outlet: its dateline mention, else the metadata's outlet."""
    for span in doc.spans.get("entities", []):
        if span.attrs.get("source") == "dateline" and span.attrs.get("type") == "ORG":
            return {
                "kind": "outlet",
                "actor": span.attrs.get("actor"),
                "text": span.text,
                "start": span.start,
                "end": span.end,
            }
    if doc.outlet is None:
        return None
    name = normalize_arabic(doc.outlet.value)
    actor = next((a.id for a in doc.actors if normalize_arabic(a.name) == name), None)
    where = doc.outlet.where == "clean"
    return {
        "kind": "outlet",
        "actor": actor,
        "text": doc.outlet.value,
        "start": doc.outlet.start if where else None,
        "end": doc.outlet.end if where else None,
    }


def relay_hop(sent: Sentence, p: int, q: int, clean: str) -> Hop | None:
    """The outlet or person named by tokens ``p``..``q`` as relaying the words: an entity,
    or an outlet's head word with the name after it (quoted or not)."""
    toks = sent.tokens
    for i in range(p, min(q, p + 6)):
        span = sent.agent_at(i)
        if span is not None:
            head = p if p < i and is_word(toks[p], "outlet") else i
            start = toks[head].start if head < i else span.start
            last = sent.last_token_of(span, i)
            if last + 1 < q and toks[last + 1].text in CLOSING:
                last += 1
            end = max(span.end, toks[last].end) if head < i else span.end
            return {
                "kind": "relay",
                "actor": span.attrs.get("actor"),
                "text": clean[start:end],
                "start": start,
                "end": end,
            }
    if p < q and is_word(toks[p], "outlet"):
        last = min(p + 1, q - 1)
        if toks[last].text in OPENING:
            close = next((k for k in range(last + 1, q) if toks[k].text in CLOSING), last)
            last = close
        start, end = toks[p].start, toks[last].end
        return {
            "kind": "relay",
            "actor": None,
            "text": clean[start:end],
            "start": start,
            "end": end,
        }
    return None


def told_to(sent: Sentence, p: int, q: int, clean: str) -> Hop | None:
    """The outlet the speaker talked to, between the cue's subject and its complement
    ("قال X لوكالة تسنيم إن"، "في تصريح لصحيفة الشرق الأوسط"، "قال لرويترز"): the page
    cites it for the quote. :func:`drop_own_outlet` removes it when it is the page's own."""
    toks = sent.tokens
    for k in range(p, q):
        t = toks[k]
        if not t.norm.startswith("ل") or t.norm.startswith("لل"):
            continue
        span = sent.agent_at(k)
        headed = is_word(t, "outlet") and t.norm[1:] in words()["outlet"]
        named = span is not None and span.start > t.start and _agency(span.text)
        if not (headed or named):
            continue
        hop = relay_hop(sent, k, q, clean)
        if hop is not None and hop["text"].startswith("ل") and hop["start"] == t.start:
            hop = {**hop, "text": hop["text"][1:], "start": hop["start"] + 1}
        return hop
    return None


def _agency(name: str) -> bool:
    norm = normalize_arabic(name)
    return norm in words()["agency"] or norm in _dateline_agencies()


@cache
def _dateline_agencies() -> frozenset[str]:
    text = resources.files("rasid.data").joinpath("agencies.txt").read_text("utf-8")
    return frozenset(
        normalize_arabic(line.strip()) for line in text.splitlines() if line.strip()[:1] != "#"
    )


def drop_own_outlet(hops: list[Hop], outlet: Hop | None) -> list[Hop]:
    """The page's own outlet is the chain's first hop, never also a relay ("رويترز" page:
    "قال لرويترز" adds nothing)."""
    if outlet is None:
        return hops
    own, names = outlet.get("actor"), _spellings(outlet.get("text") or "")
    return [
        h
        for h in hops
        if h.get("kind") != "relay"
        or not (
            (own is not None and h.get("actor") == own) or _spellings(h.get("text") or "") & names
        )
    ]


def _spellings(name: str) -> frozenset[str]:
    """``name`` and the other spellings of the same agency (``same_agency``)."""
    norm = normalize_arabic(name)
    for group in words()["same_agency"]:
        names = frozenset(group.split("|"))
        if norm in names:
            return names
    return frozenset({norm}) if norm else frozenset()


def relayed_by(sent: Sentence, clean: str) -> list[Hop]:
    """Outlets the sentence says carried the words ("تصريحات نقلتها صحيفة X")."""
    hops = []
    for i, token in enumerate(sent.tokens):
        if is_word(token, "relayed_by"):
            hop = relay_hop(sent, i + 1, len(sent.tokens), clean)
            if hop is not None:
                hops.append(hop)
    return hops


def speaker_hops(speaker: Speaker | None, kind: str = "speaker") -> list[Hop]:
    """The speaker as the chain's last hop(s): one per actor of a joint statement."""
    if speaker is None:
        return []
    if speaker.actors:
        return [{"kind": kind, **_hop_ref(a)} for a in speaker.actors]
    return [
        {
            "kind": kind,
            "actor": None,
            "text": speaker.text,
            "start": speaker.start,
            "end": speaker.end,
        }
    ]


def _hop_ref(actor: Ref) -> Hop:
    return {k: actor[k] for k in ("actor", "text", "start", "end")}
