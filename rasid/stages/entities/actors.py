"""Canonical actors within one document: every way the article names the same one, grouped.

An article names a person in full once ("خليفة حفتر") and then by surname ("حفتر"), or by
first name after a title ("الرئيس بشار"); an organisation in full ("حكومة الوفاق") and
then by its distinctive word ("الوفاق"). Mentions are grouped in reading order: a mention
joins the most recent actor of its type whose name it extends or is part of, where "part
of" is a surname or first name for people and a distinctive tail for organisations
("الوفاق" in "حكومة الوفاق", but never a general head such as "الحكومة").

The actor's name is its longest mention (most frequent on ties); its id is derived from
type and normalized name, so the same article always gives the same ids. Cross-document
linking (:mod:`rasid.stages.link`) later replaces ids with corpus-wide ones.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rasid.document import Document, Span
from rasid.stages.entities.recognize import Mention
from rasid.stages.entities.tokens import entity_words

ENTITY_LAYERS = ("headline_entities", "entities")  # the headline's mentions, then the body's


def entity_spans(doc: Document) -> Iterator[Span]:
    """Every mention span of a document, headline first (offsets are per layer)."""
    for layer in ENTITY_LAYERS:
        yield from doc.spans.get(layer, [])


MAX_HEADLINE = 400  # longer is a paragraph taken for a title, not a headline


def headline_text(doc: Document) -> str:
    """The headline when the body does not open with it (a page with no title has none)."""
    value = doc.headline.value if doc.headline else ""
    value = " ".join(value.split())
    if not value or doc.clean_text.startswith(value) or len(value) > MAX_HEADLINE:
        return ""
    return value


def actor_id(kind: str, name: str) -> str:
    """A stable, readable-length id from type and normalized name."""
    digest = hashlib.sha1(f"{kind}|{name}".encode()).hexdigest()[:10]
    return f"{kind.lower()}-{digest}"


def name_key(name: str) -> tuple[str, ...]:
    """Words of a normalized name without the article, so "الوفاق" ~ "وفاق"."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in name.split())


@dataclass
class DocActor:
    """The mentions of one actor in one document."""

    type: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.mentions]

    @property
    def name(self) -> str:
        """The longest name, most frequent among equals, first seen among those; a mention
        grouped here as another's alias ("(قسد)", "قوات حفتر") names the actor only alone."""
        names = [m.name for m in self.mentions if m.alias_of is None] or self.names
        counts = Counter(names)
        order = {n: i for i, n in reversed(list(enumerate(names)))}
        return max(counts, key=lambda n: (len(n.split()), counts[n], -order[n]))

    @property
    def keys(self) -> list[tuple[str, ...]]:
        return [name_key(n) for n in dict.fromkeys(self.names)]


def _same(m: tuple[str, ...], actor: DocActor, kind: str) -> bool:
    generic = entity_words()["generic"]
    for key in actor.keys:
        if key == m:
            return True
        short, long = (m, key) if len(m) < len(key) else (key, m)
        if len(short) == len(long):
            continue
        if kind == "PER":
            if len(short) == 1 and short[0] in (long[0], long[-1]):
                return True
            if len(short) >= 2 and set(short) <= set(long) and short[-1] == long[-1]:
                return True
        elif (
            len(short) >= 2
            and len(long) == len(short) + 1
            and long[: len(short)] == short
            and long[-1].endswith(("ي", "يه"))
        ):
            return True  # "مجلس الأمن" and "مجلس الأمن الدولي"
        elif long[-len(short) :] == short and not all(
            ("ال" + w) in generic or w in generic for w in short
        ):
            return True  # "الوفاق" in "حكومة الوفاق": a distinctive tail, not a general head
    return False


def group_mentions(mentions: Sequence[Mention]) -> list[DocActor]:
    """Actors of one document in order of first mention; see the module docstring."""
    actors: list[DocActor] = []
    # an alias whose name comes later ("قوات حفتر" before "قائد الجيش الوطني الليبي …")
    # waits for it
    later = [m for m in mentions if m.alias_of is not None and m.alias_of.first > m.first]
    waiting = {id(m) for m in later}
    for m in [*(m for m in mentions if id(m) not in waiting), *later]:
        key = name_key(m.name)
        if not key:
            continue
        target = None
        if m.alias_of is not None:  # "(قسد)" after its name is that actor, whatever it reads
            target = next((a for a in actors if any(x is m.alias_of for x in a.mentions)), None)
        for actor in reversed(actors):
            if target is None and actor.type == m.type and _same(key, actor, m.type):
                target = actor
                break
        if target is None:
            target = DocActor(m.type)
            actors.append(target)
        target.mentions.append(m)
    for actor in actors:
        ident = actor_id(actor.type, actor.name)
        for m in actor.mentions:
            m.actor = ident
    return actors
