"""How the outlet names an actor: the role before the name and the epithet after it.

"وزير الخارجية الروسي سيرغي لافروف", "اللواء المتقاعد خليفة حفتر", "ميليشيا الوفاق",
"حكومة الوفاق المعترف بها دولياً": the words around a name carry the outlet's framing, and
later stages compare them across outlets. They are kept per mention as plain text, never
folded into the name, so "حفتر" stays one actor whatever he is called.

A role is the run of title words (``title``), their continuations (``mod``), adjectives of
the form ال…ي/ال…ية and other mentions (الجيش الوطني الليبي) just before the name, as long
as a title word begins it. A framing ``label`` (ميليشيا, مرتزقة) is a role of its own and is
cut off a mention that starts with it. An epithet is an apposition between commas that
opens with a title ("، قائد الجيش الوطني الليبي،") or a participle phrase that opens with a
``post`` word ("المعترف بها دولياً", "المدعومة من تركيا").
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rasid.stages.entities.recognize import Mention
from rasid.stages.entities.tokens import Token, bare, entity_words, is_adjective

_COMMAS = frozenset({"،", ",", "(", "-", "–"})
_STOPS = frozenset({"،", ",", ".", ":", ";", "؛", "(", ")", "«", "»", '"', "“", "”", "?", "!"})
MAX_ROLE = 8
MAX_APPOSITION = 10
MAX_POST = 4


def _definite(norm: str) -> bool:
    """A definite noun inside a role: "رئيس حكومة الوحدة الوطنية"."""
    return norm.startswith("ال") and len(norm) >= 4 and norm.isalpha()


def cut_labels(mentions: list[Mention], tokens: Sequence[Token]) -> None:
    """A mention that starts with a framing label loses it to its role ("ميليشيا الوفاق")."""
    labels = entity_words()["label"]
    for m in mentions:
        if m.type in ("ORG", "PER") and m.stop - m.first >= 2:
            found = bare(tokens[m.first].norm, labels)
            if found:
                m.role = tokens[m.first].text
                m.first += 1


def _title_groups(
    tokens: Sequence[Token], start: int, stop: int, text: str, cut: int, titles: frozenset[str]
) -> list[str]:
    """A role of stacked titles split into each title: "المتحدث باسم القوات المسلحة العميد"
    → ["المتحدث باسم القوات المسلحة", "العميد"]; a single title gives []."""
    bounds = [start]
    for p in range(start + 1, stop):
        if bare(tokens[p].norm, titles) and not bare(tokens[p - 1].norm, titles):
            bounds.append(p)
    if len(bounds) < 2:
        return []
    bounds.append(stop)
    groups = [_text(tokens, a, b, text) for a, b in pairwise(bounds)]
    groups[0] = groups[0][max(cut, 0) :]
    return groups


def _role_start(i: int, floor: int, tokens: Sequence[Token], inside: dict[int, Mention]) -> int:
    """Index where the role phrase ending before token ``i`` begins (``i``: no role)."""
    words = entity_words()
    titles, mods = words["title"], words["mod"]
    start = i
    k = i - 1
    steps = 0
    while k >= floor and steps < MAX_ROLE:
        norm = tokens[k].norm
        if k in inside:  # another mention inside the phrase: "رئيس المجلس الرئاسي الليبي"
            if inside[k].type == "PER":
                break  # another person's name ends the phrase
            k = inside[k].first - 1
            steps += 1
            continue
        if bare(norm, titles):
            start = k
            if norm[:1] in ("و", "ف") and bare(norm, titles) != norm:
                break  # "ووزير الدفاع …": the conjunction starts this person's phrase
        elif not (bare(norm, mods) or is_adjective(norm) or _definite(norm) or norm == "من"):
            break
        k -= 1
        steps += 1
    return start


def _text(tokens: Sequence[Token], first: int, stop: int, text: str) -> str:
    return text[tokens[first].start : tokens[stop - 1].end]


_PREPOSITIONS = frozenset({"من", "الي", "عن", "في", "علي", "مع", "لدي", "ضد"})
_PRONOUN_PREPOSITIONS = frozenset({"بها", "به", "لها", "له", "بهم", "لهم", "منها", "منه", "عليها"})


def _post_end(start: int, limit: int, tokens: Sequence[Token]) -> int:
    """End of a participle epithet: "المعترف بها دولياً", "المدعومة من تركيا", "الموالية لحفتر"."""
    k = start + 1
    while k < limit and k < start + MAX_POST:
        tok = tokens[k]
        if tok.text in _STOPS:
            break
        if tok.norm in _PREPOSITIONS:  # the preposition and its object, then done
            return min(k + 2, limit)
        if tok.norm in _PRONOUN_PREPOSITIONS:
            k += 1
            continue
        if tok.text.endswith(("ً", "اً")) or (tok.norm.endswith("يا") and len(tok.norm) > 4):
            return k + 1  # an adverb closes it: دولياً
        if tok.norm[:1] in ("ل", "ب") and k == start + 1:
            return k + 1  # "الموالية لحفتر"
        break
    return k


def attach_roles(
    mentions: list[Mention],
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    text: str,
) -> None:
    """Fill ``role`` and ``epithet`` of each mention from the words around it."""
    words = entity_words()
    titles, labels, posts = words["title"], words["label"], words["post"]
    sentence_of: dict[int, tuple[int, int]] = {}
    for indexes in sentences:
        if indexes:
            bounds = (indexes[0], indexes[-1] + 1)
            for i in indexes:
                sentence_of[i] = bounds
    by_last = {m.stop - 1: m for m in mentions}
    starts = {m.first: m for m in mentions}
    for m in mentions:
        floor, limit = sentence_of.get(m.first, (0, len(tokens)))
        if m.role is None:
            start = _role_start(m.first, floor, tokens, by_last) if m.type == "PER" else m.first
            if start < m.first:
                role = _text(tokens, start, m.first, text)
                # the clitic of the phrase's first word is not part of the role
                first = tokens[start]
                head = bare(first.norm, titles)
                cut = len(first.text) - len(head) if head and head != first.norm else 0
                if head and first.norm.startswith("لل") and head == "ا" + first.norm[1:]:
                    role = "ا" + role[1:]  # "للانقلابي حفتر": the title is "الانقلابي"
                m.role = role[max(cut, 0) :]
                m.titles = _title_groups(tokens, start, m.first, text, cut, titles)
            elif (
                m.type in ("PER", "ORG")
                and m.first - 1 >= floor
                and bare(tokens[m.first - 1].norm, labels)
            ):
                m.role = tokens[m.first - 1].text
        after = m.stop
        while after < limit and after < m.stop + 2 and is_adjective(tokens[after].norm):
            after += 1  # "حكومة الوفاق الوطني الليبية المعترف بها دولياً"
        if after < limit and after > m.stop and bare(tokens[after].norm, posts):
            m.epithet = _text(tokens, after, _post_end(after, limit, tokens), text)
            continue
        if m.stop >= limit:
            continue
        nxt = tokens[m.stop]
        if nxt.text in _COMMAS and m.stop + 1 < limit:
            opener = tokens[m.stop + 1]
            if (m.type == "PER" and bare(opener.norm, titles)) or bare(opener.norm, posts):
                k = m.stop + 1
                while (
                    k < limit
                    and k < m.stop + 1 + MAX_APPOSITION
                    and tokens[k].text not in _STOPS
                    and not (k in starts and starts[k].type == "PER")
                ):
                    k += 1
                m.epithet = _text(tokens, m.stop + 1, k, text)
        elif bare(nxt.norm, posts):
            m.epithet = _text(tokens, m.stop, _post_end(m.stop, limit, tokens), text)
