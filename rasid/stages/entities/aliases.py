"""Well-known aliases and nicknames: "حميدتي" is محمد حمدان دقلو, "قسد" is قوات سوريا الديمقراطية.

The tagger learned none of these (a nickname, an acronym written as a word, a transliteration
it never saw), and the document may never give the full name, so grouping and cross-document
linking have nothing to go on. ``rasid/data/entity_aliases.tsv`` lists them with the actor's
name; every mention read as an alias is named as that actor. An alias that is also an ordinary
word is taken only where a person fits (:func:`person_slot`) or when the article names the
actor itself ("المملكة" after "السعودية").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic
from rasid.stages.entities.recognize import Mention
from rasid.stages.entities.tokens import (
    Token,
    bare,
    clitic_candidates,
    entity_words,
    has_tanween,
    is_adjective,
    sentence_bounds,
    tokenize,
    word_forms,
)


@dataclass(frozen=True)
class Alias:
    """One row of the alias table: its words, the actor's name and where it applies."""

    words: tuple[str, ...]  # normalized tokens of the alias
    name: str  # normalized name of the actor
    type: str
    where: str  # "always" | "person" | "doc"


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, list[Alias]]:
    """``rasid/data/entity_aliases.tsv`` by the alias's first word, longest alias first."""
    text = resources.files("rasid.data").joinpath("entity_aliases.tsv").read_text("utf-8")
    by_first: dict[str, list[Alias]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, name, kind, where = line.split("\t")
        words = tuple(t.norm for t in tokenize(alias))
        row = Alias(words, normalize_arabic(name), kind, where)
        by_first.setdefault(words[0], []).append(row)
    for rows in by_first.values():
        rows.sort(key=lambda a: -len(a.words))
    return by_first


def alias_names() -> dict[str, str]:
    """Normalized alias → normalized actor name, for aliases that hold wherever they stand."""
    return {
        " ".join(a.words): a.name
        for rows in load_aliases().values()
        for a in rows
        if a.where == "always"
    }


def person_slot(tokens: Sequence[Token], i: int, first: int, limit: int) -> bool:
    """Token ``i`` stands where a person fits: after a title, after a reporting, meeting or
    accusing verb ("وقال", "ووصف", "للقاء" — list ``cue``), after "مقرب من", or as a subject
    joined by و before an imperfect verb ("والكبير يغادر"). After a definite noun the same
    word is its adjective ("الجيش السوداني", "العدد الكبير") and fits none of these."""
    words = entity_words()
    if i > first:
        before = tokens[i - 1].norm
        if word_forms(before) & words["cue"]:
            return True
        if word_forms(before) & words["title"] and not is_adjective(tokens[i].norm):
            return True  # "الرئيس السوداني" is a role, "الرئيس البرهان" a person
        if before == "من" and i - 1 > first and bare(tokens[i - 2].norm, words["near"]):
            return True
    norm = tokens[i].norm
    if norm.startswith(("وال", "فال")) and i + 1 < limit:
        nxt = tokens[i + 1].norm
        return len(nxt) >= 4 and nxt[0] in "يت" and nxt.isalpha()
    return False


def _match(
    tokens: Sequence[Token], i: int, limit: int, names: set[str], first: int
) -> tuple[int, Alias] | None:
    """The longest alias read at token ``i`` (its first word with clitics or not)."""
    aliases = load_aliases()
    for form in word_forms(tokens[i].norm):
        for alias in aliases.get(form, ()):
            size = len(alias.words)
            if i + size > limit or has_tanween(tokens[i + size - 1].text):
                continue
            if any(tokens[i + n].norm != alias.words[n] for n in range(1, size)):
                continue
            if alias.where == "person" and not person_slot(tokens, i, first, limit):
                continue
            if alias.where == "doc":
                after = tokens[i + size].norm if i + size < limit else ""
                if alias.name not in names or after.startswith("ال"):
                    continue  # "المملكة المتحدة", or an article that never names the kingdom
            return size, alias
    return None


def alias_mentions(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> list[Mention]:
    """``mentions`` with every alias of the table as a mention of its own type.

    A model mention inside an alias ("أوبك" of "أوبك+") gives way to it; one that runs from
    a head word into it ("تحالف أوبك") keeps what comes before (a bare head is dropped); a
    person's name run on after an organisation's alias ("فاغنر يفغيني بريغوجين") is split off.
    """
    names = {m.name for m in mentions} | {m.name.split()[-1] for m in mentions if m.name}
    covered = {i: m for m in mentions for i in range(m.first, m.stop)}
    words = entity_words()
    heads = words["group"] | words["generic"] | words["orghead"] | words["label"]
    added: list[Mention] = []
    dropped: set[int] = set()
    for first, limit in sentence_bounds(sentences):
        i = first
        while i < limit:
            hit = _match(tokens, i, limit, names, first)
            if hit is None:
                i += 1
                continue
            size, alias = hit
            stop = i + size
            over = list(
                {id(covered[k]): covered[k] for k in range(i, stop) if k in covered}.values()
            )
            moves = [_room(m, i, stop, alias) for m in over]
            if None not in moves:
                for m, move in zip(over, moves, strict=True):
                    if move == "drop":
                        dropped.add(id(m))
                    elif move == "after":
                        m.first = stop
                    else:
                        m.stop = i
                        if m.stop - m.first == 1 and bare(tokens[m.first].norm, heads):
                            dropped.add(id(m))
                added.append(Mention(i, stop, alias.type, "alias"))
            i = stop
    if not added and not dropped:
        return mentions
    kept = [m for m in mentions if id(m) not in dropped and m.stop > m.first]
    return sorted([*kept, *added], key=lambda m: (m.first, -m.stop))


def _room(m: Mention, i: int, stop: int, alias: Alias) -> str | None:
    """How model mention ``m`` makes room for the alias at ``i:stop``: "drop" it (inside the
    alias), "after" (a person run on after a group's alias), "before" (a head before the
    alias); None when ``m`` is a longer name the alias is part of ("حزب الله اللبناني") or a
    rule's name, kept whole."""
    if m.source != "model":
        return None
    if m.first >= i and m.stop <= stop:
        return "drop"
    if m.first >= i and alias.type != "PER" and m.type == "PER":
        return "after"  # "فاغنر يفغيني بريغوجين"
    if m.first < i and m.stop <= stop:
        return "before"  # "تحالف أوبك+"
    return None


def alias_cut(norm: str) -> tuple[int, str] | None:
    """(letters to drop, alias) when a word is an alias's first word with clitics on it."""
    aliases = load_aliases()
    if norm in aliases:
        return 0, norm
    return next(((d, r) for d, r in clitic_candidates(norm) if r in aliases), None)


def name_aliases(mentions: Sequence[Mention]) -> None:
    """Every mention whose name is an alias is named as its actor, for grouping and linking."""
    names = alias_names()
    for m in mentions:
        if m.source == "alias" or m.name in names:
            m.name = _actor_name(m.name, names)


def _actor_name(name: str, names: dict[str, str]) -> str:
    if name in names:
        return names[name]
    for rows in load_aliases().values():
        for a in rows:
            if " ".join(a.words) == name:
                return a.name
    return name
