"""Armed groups named by their leader: "قوات حفتر", "ميليشيات حفتر", "القوات الموالية لحفتر".

Arabic news names an armed group after the man who commands it, and what such a phrase does
(سيطرت، انسحبت، هاجمت) is done by the group, not the person. The phrase becomes one ORG
mention over its head, any titles and the leader's name. Its actor is the organisation the
article says the leader commands ("قائد الجيش الوطني الليبي خليفة حفتر": the LNA; "قائد قوات
الدعم السريع محمد حمدان دقلو": the RSF); when the article names none, it is an organisation of
its own called "قوات" + the leader's surname, whatever head the outlet used.

The head words (``force``), the participles that tie a definite head to its leader
(``loyal``) and the titles of command (``leader``) are lists in ``entity_words.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasid.normalize import normalize_arabic
from rasid.stages.entities.recognize import Mention
from rasid.stages.entities.tokens import (
    Token,
    bare,
    clitic_candidates,
    entity_words,
    is_adjective,
    raw_offset,
    word_forms,
)

FORCES_NAME = normalize_arabic("قوات")
MAX_TITLES = 3  # titles between "قائد ‹org›" and the commander's name ("المشير")
_COMMAS = frozenset({"،", ","})


def _bounds(sentences: Sequence[Sequence[int]]) -> dict[int, tuple[int, int]]:
    out: dict[int, tuple[int, int]] = {}
    for indexes in sentences:
        if indexes:
            for i in indexes:
                out[i] = (indexes[0], indexes[-1] + 1)
    return out


def _force_start(first: int, floor: int, tokens: Sequence[Token]) -> int | None:
    """Where the force phrase before a person's name starts, or None when there is none:
    an indefinite head right before it ("قوات حفتر", "لقوات حفتر"), or a definite head and a
    participle governing the name with ل ("القوات الموالية لحفتر").

    A title between them ("قوات الانقلابي خليفة حفتر", "الموالية للمشير خليفة حفتر") names
    the person in full, as the subject of a role, so the name stays a person's mention.
    """
    words = entity_words()
    heads, loyal = words["force"], words["loyal"]
    k = first - 1
    if k < floor:
        return None
    norm = tokens[k].norm
    head = bare(norm, heads)
    if head:
        return None if head.startswith("ال") else k
    if bare(norm, loyal) and k > floor and tokens[first].norm.startswith("ل"):
        found = bare(tokens[k - 1].norm, heads)
        if found and found.startswith("ال"):
            return k - 1
    return None


def force_mentions(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> list[Mention]:
    """``mentions`` with each person named as the leader of a force replaced by the force.

    An organisation already found as head + a surname the document gives a person ("قوات
    الأسد" next to "بشار الأسد") is marked as that leader's force too.
    """
    words = entity_words()
    heads = words["force"]
    bounds = _bounds(sentences)
    surnames = {
        tokens[m.stop - 1].norm for m in mentions if m.type == "PER" and m.stop - m.first >= 2
    }
    out: list[Mention] = []
    changed = False
    for m in mentions:
        if m.type == "PER":
            floor = bounds.get(m.first, (0, 0))[0]
            start = _force_start(m.first, floor, tokens)
            if start is not None:
                while out and out[-1].first >= start:
                    out.pop()  # a mention inside the phrase ("للمشير" taken for a name)
                if not (out and out[-1].stop > start):
                    leader = tokens[m.stop - 1].norm
                    if m.stop - m.first == 1 and start < m.first - 1:  # "الموالية لحفتر"
                        leader = next((r for d, r in clitic_candidates(leader) if d == 1), leader)
                    out.append(Mention(start, m.stop, "ORG", "force", leader=leader))
                    changed = True
                    continue
        elif (
            m.type == "ORG"
            and m.source != "force"
            and 2 <= m.stop - m.first <= 4
            and bare(tokens[m.first].norm, heads)
            and tokens[m.stop - 1].norm in surnames
            and not any(is_adjective(t.norm) for t in tokens[m.first + 1 : m.stop])
        ):
            m.source, m.leader = "force", tokens[m.stop - 1].norm  # "قوات الأسد"
            changed = True
        out.append(m)
    return out if changed else mentions


def _commanded(
    person: Mention, orgs: Sequence[Mention], tokens: Sequence[Token], floor: int, limit: int
) -> Mention | None:
    """The organisation the text makes ``person`` the commander of: "قائد ‹org› [title] name"
    before the name, or ", قائد ‹org›" in apposition after it."""
    words = entity_words()
    leader, titles, mods = words["leader"], words["title"], words["mod"]

    def commands(org: Mention) -> bool:
        k = org.first - 1
        for _ in range(2):  # "القائد العام لـ…": one role word may stand between
            if k < floor:
                return False
            if bare(tokens[k].norm, leader):
                return True
            if not bare(tokens[k].norm, mods):
                return False
            k -= 1
        return False

    for org in orgs:
        if org.type != "ORG" or org.source == "force" or not commands(org):
            continue
        gap = tokens[org.stop : person.first]
        if (
            org.stop <= person.first
            and len(gap) <= MAX_TITLES
            and all(bare(t.norm, titles) or bare(t.norm, mods) or is_adjective(t.norm) for t in gap)
        ):
            return org
        if (
            person.stop < limit
            and tokens[person.stop].text in _COMMAS
            and org.first - person.stop in (2, 3)
        ):
            return org  # "خليفة حفتر، قائد الجيش الوطني الليبي"
    return None


def link_forces(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> None:
    """Point each force at the organisation its leader commands, or name it "قوات" + leader.

    A force mention with a commanded organisation becomes that organisation's alias (the
    grouping puts it in the organisation's actor); otherwise every force of the same leader
    shares the name "قوات <surname>".
    """
    forces = [m for m in mentions if m.source == "force" and m.leader]
    if not forces:
        return
    bounds = _bounds(sentences)
    orgs = [m for m in mentions if m.type == "ORG"]
    commanded: dict[str, Mention] = {}
    for person in mentions:
        if person.type != "PER":
            continue
        surname = tokens[person.stop - 1].norm
        if surname in commanded or not any(f.leader == surname for f in forces):
            continue
        floor, limit = bounds.get(person.first, (0, len(tokens)))
        near = [o for o in orgs if floor <= o.first and o.stop <= limit]
        found = _commanded(person, near, tokens, floor, limit)
        if found is not None:
            commanded[surname] = found
    for f in forces:
        f.name = f"{FORCES_NAME} {f.leader}"
        last = tokens[f.stop - 1]
        cut = len(last.norm) - len(f.leader)  # "لحفتر" → "حفتر"
        f.display = f"قوات {last.text[raw_offset(last.text, cut) if cut > 0 else 0 :]}"
        if f.leader in commanded:
            f.alias_of = commanded[f.leader]


def follower_mentions(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> list[Mention]:
    """``mentions`` with a movement named by the plural of its family's name: "الحوثيين"
    after "جماعة الحوثي" or "عبد الملك الحوثي" — the group, as an alias of "جماعة …" when
    the article names it so. A plural of a nationality ("الليبيين") names a people, and its
    singular is no one's surname."""
    groups = entity_words()["group"]
    singulars: dict[str, Mention | None] = {}
    for m in mentions:
        last = tokens[m.stop - 1].norm
        if not is_adjective(last):
            continue
        if m.type == "ORG" and m.stop - m.first == 2 and bare(tokens[m.first].norm, groups):
            singulars[last] = m
        elif m.type == "PER" and m.stop - m.first >= 2:
            singulars.setdefault(last, None)
    if not singulars:
        return mentions
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    added: list[Mention] = []
    for indexes in sentences:
        for i in indexes:
            if i in covered:
                continue
            for form in word_forms(tokens[i].norm):
                if form.startswith("ال") and form.endswith(("يين", "يون")):
                    singular = form[:-2]  # الحوثيين → الحوثي
                    if singular in singulars:
                        group = singulars[singular]
                        added.append(Mention(i, i + 1, "ORG", "document", alias_of=group))
                        break
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.first, -m.stop))
