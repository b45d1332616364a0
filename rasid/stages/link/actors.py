"""Cross-document actor linking: one corpus-wide id for every way outlets spell an actor.

Each document's actors (:mod:`rasid.stages.entities.actors`) are joined when they are the
same type and

1. share a normalized name (أردوغان = إردوغان, فائز = فايز: :func:`normalize_arabic`);
2. share a full name's consonant frame (سيرغي/سيرجي, غوتيريش/جوتيريس:
   :func:`name_skeleton`), or are nearly the same by rapidfuzz on that frame with the same
   number of words — compared only within a block of the same type and surname frame, so
   the work grows with the corpus, not its square;
3. one is named only by a surname (or an organisation by its distinctive tail: "الوفاق")
   that belongs to exactly one full-named actor — or, when several fit (two different
   "المبروك"), to the one whose documents name the most of the same other actors.

A user's corrections (:class:`Corrections`) come first and override all of that. An id is
derived from the type and the actor's most used full name, so the same corpus gives the same
ids on every run.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rapidfuzz import fuzz

from rasid.document import Actor, Document
from rasid.normalize import name_skeleton, normalize_arabic
from rasid.stages.entities.actors import actor_id, entity_spans, name_key
from rasid.stages.entities.tokens import COMPOUND_STARTS

FUZZY_MIN = 90  # rapidfuzz ratio on skeletons of same-length names


@dataclass
class CorpusActor:
    """An actor across the corpus: its names, documents and the roles outlets gave it."""

    id: str
    type: str
    name: str
    aliases: Counter[str] = field(default_factory=Counter)  # surface form → mentions
    documents: set[str] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "documents": len(self.documents),
            "mentions": sum(self.aliases.values()),
            "aliases": [a for a, _ in self.aliases.most_common()],
            "roles": [r for r, _ in self.roles.most_common()],
        }


@dataclass
class Corrections:
    """A user's fixes: alias (normalized) and type → (actor id, canonical name).

    The file is the alias table rasid exports (``rasid entities --aliases FILE``), edited:
    give a row another actor's id (and name) to move that spelling to it, a new id to split
    it off, or change the name on an actor's rows to rename it.
    """

    rows: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Corrections:
        rows: dict[tuple[str, str], tuple[str, str]] = {}
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = {"id", "type", "name", "alias"} - set(reader.fieldnames or [])
            if missing:
                raise ValueError(f"{path}: missing columns {sorted(missing)}")
            for row in reader:
                alias = normalize_arabic(row["alias"] or "")
                if alias and row["id"]:
                    rows[(row["type"], alias)] = (row["id"].strip(), row["name"].strip())
        return cls(rows)

    def find(self, kind: str, names: Iterable[str]) -> tuple[str, str] | None:
        for name in names:
            found = self.rows.get((kind, name))
            if found:
                return found
        return None


@dataclass
class KnownActors:
    """Actors already in a database, so a new batch links to them instead of starting over.

    Built from (id, type, canonical name, normalized mention name) rows; a new document's
    actor whose full name, full-name frame or (for a person named by surname alone) unique
    surname matches takes the known id, exactly as a correction would.
    """

    names: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    frames: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    tails: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def add(self, ident: str, kind: str, name: str, mention_name: str) -> None:
        self.names.setdefault((kind, " ".join(name_key(mention_name))), (ident, name))
        words = name_skeleton(mention_name).split()
        if len(words) >= 2:
            self.frames.setdefault((kind, " ".join(words)), (ident, name))
            ends = (words[-1], words[0]) if kind == "PER" else (words[-1],)
            for word in ends:
                self.tails.setdefault((kind, word), {})[ident] = name

    def add_table(self, table: dict[str, CorpusActor], docs: Sequence[Document]) -> None:
        for doc in docs:
            for span in entity_spans(doc):
                actor = table.get(span.attrs["actor"])
                if actor is not None:
                    self.add(actor.id, actor.type, actor.name, span.attrs.get("name") or "")

    def find(self, kind: str, names: Sequence[str]) -> tuple[str, str] | None:
        full = names[0]
        found = self.names.get((kind, " ".join(name_key(full))))
        if found:
            return found
        frame = name_skeleton(full)
        if len(frame.split()) >= 2:
            return self.frames.get((kind, frame))
        if kind == "PER":
            owners = self.tails.get((kind, frame), {})
            if len(owners) == 1:
                return next(iter(owners.items()))
        return None


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Entry:
    doc: int
    index: int  # position in doc.actors
    type: str
    names: list[str]  # normalized names of its mentions, longest first
    forced: tuple[str, str] | None = None

    @property
    def full(self) -> str:
        return self.names[0]

    @property
    def words(self) -> int:
        return len(self.full.split())


def _entries(
    docs: Sequence[Document], corrections: Corrections | None, known: KnownActors | None
) -> list[_Entry]:
    out = []
    for d, doc in enumerate(docs):
        names: dict[str, list[str]] = defaultdict(list)
        for span in entity_spans(doc):
            names[span.attrs["actor"]].append(span.attrs.get("name") or span.text)
        for i, actor in enumerate(doc.actors):
            found = sorted(set(names.get(actor.id, [])), key=lambda n: (-len(n.split()), n))
            if not found:
                found = [normalize_arabic(actor.name)]
            forced = corrections.find(actor.type, found) if corrections else None
            if forced is None and known is not None:
                forced = known.find(actor.type, found)
            out.append(_Entry(d, i, actor.type, found, forced))
    return out


def _link(entries: list[_Entry]) -> _Union:
    union = _Union(len(entries))
    by_name: dict[tuple[str, str], int] = {}
    by_frame: dict[tuple[str, str], int] = {}
    forced: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.forced:
            if e.forced[0] in forced:
                union.join(forced[e.forced[0]], i)
            forced.setdefault(e.forced[0], i)
            continue
        if e.type == "PER" and e.words == 1:
            continue  # a surname alone is decided by _short_names
        key = (e.type, " ".join(name_key(e.full)))
        if key in by_name:
            union.join(by_name[key], i)
        by_name.setdefault(key, i)
        if e.words >= 2:
            frame = (e.type, name_skeleton(e.full))
            if frame in by_frame:
                union.join(by_frame[frame], i)
            by_frame.setdefault(frame, i)
    _fuzzy(entries, union)
    _aliases(entries, union)
    claimed = _short_names(entries, union)
    # surnames no full name claimed: the same surname is the same person across documents
    alone: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.type == "PER" and e.words == 1 and not e.forced and i not in claimed:
            frame = name_skeleton(e.full)
            if frame in alone:
                union.join(alone[frame], i)
            alone.setdefault(frame, i)
    return union


def _fuzzy(entries: list[_Entry], union: _Union) -> None:
    """Near-identical full names in the same block (type, words, surname frame)."""
    blocks: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if e.words >= 2 and not e.forced:
            frame = name_skeleton(e.full)
            blocks[(e.type, e.words, frame.split()[-1][:2])].append(i)
    for members in blocks.values():
        frames = {i: name_skeleton(entries[i].full) for i in members}
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if union.find(a) == union.find(b):
                    continue
                same_ends = entries[a].type == "PER" and _same_ends(frames[a], frames[b])
                if same_ends or fuzz.ratio(frames[a], frames[b]) >= FUZZY_MIN:
                    union.join(a, b)


def _aliases(entries: list[_Entry], union: _Union) -> None:
    """A name one document gives as another name of an organisation or place ("قوات سوريا
    الديمقراطية (قسد)") names it in documents that use only that name: aliases the corpus
    itself teaches. Persons are left to surname matching (two people share a surname)."""
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        if e.type != "PER" and not e.forced:
            for name in e.names[1:]:
                owners[(e.type, " ".join(name_key(name)))].add(i)
    for i, e in enumerate(entries):
        if e.type == "PER" or e.forced:
            continue
        found = {union.find(j) for j in owners.get((e.type, " ".join(name_key(e.full))), ())}
        found.discard(union.find(i))
        if len(found) == 1:
            union.join(found.pop(), i)


def _same_ends(a: str, b: str) -> bool:
    """Three-word names with the same first and last word differ in a transliterated middle:
    "مولود جاويش أوغلو" = "مولود تشاووش أوغلو"."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) >= 3 and wa[0] == wb[0] and wa[-1] == wb[-1]


# heads of an outlet's name, dropped by other outlets: "وكالة فرانس برس" = "فرانس برس"
_OUTLET_HEADS = frozenset(
    normalize_arabic(w) for w in ("وكالة", "صحيفة", "جريدة", "قناة", "موقع", "شبكة", "مجلة")
)
# first words that never stand for a person alone: compound starts, and a bare article
_COMPOUND_STARTS = COMPOUND_STARTS | {"ال"}


def _word_key(word: str) -> str:
    """One name word for surname matching: its consonant frame when long enough to be
    telling (جوتيريس = غوتيريش), else its normalized form (فتحي is not الفتاح)."""
    frame = name_skeleton(word)
    return frame if len(frame) >= 4 else " ".join(name_key(word))


def _without_adjectives(name: str) -> str:
    """A normalized name without a trailing nisba adjective: "مجلس الامن الدولي" → "مجلس الامن"."""
    words = name.split()
    if len(words) > 1 and words[-1].startswith("ال") and words[-1].endswith(("ي", "يه")):
        words.pop()  # one only: "مجلس الأمن القومي الأمريكي" is not "مجلس الأمن"
    return " ".join(words)


def _short_names(entries: list[_Entry], union: _Union) -> set[int]:
    """A short name joins the one fuller-named actor it is part of: a person's surname, an
    organisation's distinctive tail, a name without the adjective others add to it.

    Returns the entries that joined one.
    """
    claimed: set[int] = set()
    tails: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        if e.words >= 2 and not e.forced:
            words = e.full.split()
            tails[(e.type, _word_key(words[-1]))].add(union.find(i))
            if e.type == "PER" and words[0] not in _COMPOUND_STARTS:
                tails[(e.type, _word_key(words[0]))].add(union.find(i))
            else:  # "مجلس الأمن الدولي" is what a bare "مجلس الأمن" may stand for
                bare = _without_adjectives(e.full)
                if bare != e.full and len(bare.split()) >= 2:
                    tails[(e.type, name_skeleton(bare))].add(union.find(i))
            if e.type == "PER":  # "محمد حمدان" may stand for "محمد حمدان دقلو"
                for n in range(2, len(words)):
                    tails[("PER+", name_skeleton(" ".join(words[:n])))].add(union.find(i))
            elif e.type == "ORG" and words[0] in _OUTLET_HEADS and len(words) >= 2:
                tails[("ORG+", name_skeleton(" ".join(words[1:])))].add(union.find(i))
    context: dict[int, set[int]] = defaultdict(set)  # root → roots named in the same docs
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        by_doc[e.doc].append(i)
    for members in by_doc.values():
        roots = {union.find(i) for i in members}
        for r in roots:
            context[r] |= roots - {r}
    for i, e in enumerate(entries):
        if e.forced:
            continue
        if e.words == 1:
            key = (e.type, _word_key(e.full))
        elif e.type == "PER":
            key = ("PER+", name_skeleton(e.full))
        else:  # "قاعدة الوطية" may stand for "قاعدة الوطية الجوية" (whatever its last word)
            key = (e.type, name_skeleton(e.full))
            if e.type == "ORG" and not tails.get(key):  # "فرانس برس" = "وكالة فرانس برس"
                key = ("ORG+", name_skeleton(e.full))
        candidates = {union.find(c) for c in tails.get(key, ())}
        candidates.discard(union.find(i))
        if not candidates:
            continue
        if len(candidates) > 1:
            here = {union.find(j) for j in by_doc[e.doc]} - {union.find(i)}
            scored = sorted(((len(context[c] & here), c) for c in candidates), reverse=True)
            if scored[0][0] == 0 or scored[0][0] == scored[1][0]:
                continue  # no context decides between two people with this surname
            candidates = {scored[0][1]}
        union.join(next(iter(candidates)), i)
        claimed.add(i)
    return claimed


def link_documents(
    docs: Sequence[Document],
    corrections: Corrections | None = None,
    known: KnownActors | None = None,
) -> dict[str, CorpusActor]:
    """Give every mention and actor of ``docs`` a corpus-wide id; return the actor table.

    ``known`` holds actors linked earlier (a database being added to); they keep their ids.
    """
    entries = _entries(docs, corrections, known)
    union = _link(entries)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        groups[union.find(i)].append(i)
    table: dict[str, CorpusActor] = {}
    new_id: dict[tuple[int, int], str] = {}
    for members in groups.values():
        kind = entries[members[0]].type
        forced_rows = [entries[i].forced for i in members if entries[i].forced]
        forced = Counter(forced_rows).most_common(1)[0][0] if forced_rows else None
        counts: Counter[str] = Counter()
        shown: dict[str, Counter[str]] = defaultdict(Counter)
        for i in members:
            actor = docs[entries[i].doc].actors[entries[i].index]
            counts[entries[i].full] += 1
            shown[entries[i].full][actor.name] += 1
        full = max(counts, key=lambda n: (len(n.split()), counts[n], n))
        if forced:
            ident, name = forced[0], forced[1] or shown[full].most_common(1)[0][0]
        else:
            ident, name = actor_id(kind, full), shown[full].most_common(1)[0][0]
        corpus = table.setdefault(ident, CorpusActor(ident, kind, name))
        for i in members:
            doc = docs[entries[i].doc]
            actor = doc.actors[entries[i].index]
            new_id[(entries[i].doc, entries[i].index)] = ident
            corpus.documents.add(doc.id)
            for phrase in actor.roles:
                corpus.roles[phrase] += 1
    for d, doc in enumerate(docs):
        old_to_new = {a.id: new_id[(d, i)] for i, a in enumerate(doc.actors)}
        for span in entity_spans(doc):
            span.attrs["actor"] = old_to_new.get(span.attrs["actor"], span.attrs["actor"])
            table[span.attrs["actor"]].aliases[span.text] += 1
        _merge_doc_actors(doc, old_to_new, table)
    return table


def _merge_doc_actors(
    doc: Document, old_to_new: dict[str, str], table: dict[str, CorpusActor]
) -> None:
    """Rename a document's actors; two that linking joined become one."""
    merged: dict[str, Actor] = {}
    for actor in doc.actors:
        ident = old_to_new.get(actor.id, actor.id)
        kept = merged.get(ident)
        if kept is None:
            actor.id = ident
            actor.name = table[ident].name if ident in table else actor.name
            merged[ident] = actor
            continue
        kept.mentions += actor.mentions
        kept.aliases.extend(a for a in actor.aliases if a not in kept.aliases)
        kept.roles.extend(r for r in actor.roles if r not in kept.roles)
    doc.actors = list(merged.values())


def alias_rows(table: dict[str, CorpusActor]) -> list[dict[str, str | int]]:
    """The alias table users export, correct and hand back (:class:`Corrections`)."""
    rows = []
    for actor in sorted(table.values(), key=lambda a: (-len(a.documents), a.type, a.name)):
        for alias, count in actor.aliases.most_common():
            rows.append(
                {
                    "id": actor.id,
                    "type": actor.type,
                    "name": actor.name,
                    "alias": alias,
                    "mentions": count,
                    "documents": len(actor.documents),
                }
            )
    return rows


ALIAS_COLUMNS = ("id", "type", "name", "alias", "mentions", "documents")


def write_alias_rows(rows: Iterable[dict], fh: IO[str]) -> int:
    """Alias rows as TSV with a header; ``fh`` opened with ``newline=""``."""
    writer = csv.DictWriter(fh, fieldnames=ALIAS_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_aliases(table: dict[str, CorpusActor], path: Path) -> int:
    """The alias table of ``table`` as a TSV file; returns the number of rows."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        return write_alias_rows(alias_rows(table), fh)
