"""Document-level consistency: a name found once is the same name everywhere in the article.

A tagger decides word by word and misses repeats it saw with less context ("خليفة حفتر" in
the lead, a bare "حفتر" three paragraphs on, "وحفتر" in a list). Once a document has named
someone, every later occurrence of the full name, and of a person's surname, is that name
too; a first name alone counts only right after a title ("الرئيس بشار"). Words the learned
lexicon knows as ordinary vocabulary are never added this way, and every mention of the
same name gets the type most of them had.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rasid.stages.entities.aliases import person_slot
from rasid.stages.entities.lexicon import Lexicon
from rasid.stages.entities.recognize import Mention, function_words
from rasid.stages.entities.tokens import (
    COMPOUND_STARTS,
    Token,
    bare,
    clitic_candidates,
    entity_words,
    has_tanween,
    is_adjective,
    sentence_bounds,
    word_forms,
)

MIN_LETTERS = 3
# their type comes from where they stand, not a vote; a person after a title is one too
RULE_SOURCES = ("pattern", "dateline", "gazetteer", "title")
# a compound surname is two words: "صنع الله", "عبد السلام", "نور الدين", never "الله" alone
_COMPOUND_STARTS = COMPOUND_STARTS | {"صنع"}
_COMPOUND_ENDS = frozenset({"الله", "الدين", "الرحمن"})


def vote_types(mentions: Sequence[Mention]) -> None:
    """Model mentions sharing a name take the type most of them carry (first seen on ties)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.source not in RULE_SOURCES:
            votes[m.name][m.type] += 1
    for m in mentions:
        if m.source not in RULE_SOURCES and len(votes[m.name]) > 1:
            m.type = votes[m.name].most_common(1)[0][0]
    # a lone surname of a person the document names in full is that person: "السراج"
    surnames = {m.name.split()[-1] for m in mentions if m.type == "PER" and " " in m.name}
    for m in mentions:
        if m.source != "pattern" and " " not in m.name and m.name in surnames:
            m.type = "PER"


def _worded(norm: str, names: dict[str, str]) -> str | None:
    """The type of ``norm`` among ``names``, read bare or after a sure clitic ("والكبير")."""
    if norm in names:
        return names[norm]
    cut = clitic_candidates(norm)
    return names.get(cut[0][1]) if cut and cut[0][1].startswith("ال") else None


def _agrees(tokens: Sequence[Token], i: int, first: int) -> bool:
    """Token ``i`` is a nisba adjective right after a definite noun it describes."""
    if i == first or not is_adjective(tokens[i].norm):
        return False
    before = tokens[i - 1].norm
    return before.isalpha() and any(f.startswith("ال") for f in word_forms(before))


def find_repeats(
    mentions: list[Mention],
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    lexicon: Lexicon,
) -> list[Mention]:
    """New mentions for untagged repeats of names the document already has."""
    names: dict[tuple[str, ...], str] = {}
    first_names: dict[str, str] = {}
    for m in mentions:
        if m.source == "pattern":
            continue
        words = tuple(m.name.split())
        if not words:
            continue
        names.setdefault(words, m.type)
        if m.type == "PER" and len(words) >= 2:
            compound = words[-1] in _COMPOUND_ENDS or words[-2] in _COMPOUND_STARTS
            if len(words) >= 3 or not compound:
                names.setdefault(words[-2:] if compound else words[-1:], "PER")
            first_names.setdefault(words[0], "PER")
    usable = {
        words: kind
        for words, kind in names.items()
        if len(words) > 1 or (len(words[0]) >= MIN_LETTERS and not lexicon.is_common(words[0]))
    }
    # a surname that is also a word ("البرهان", "الكبير", "السوداني"), or a short name given
    # in brackets that is one ("(تقدم)"): only where an actor fits ("واتهم تقدم")
    bracketed = {m.name: m.type for m in mentions if m.alias_of is not None and " " not in m.name}
    worded = {
        words[0]: kind
        for words, kind in names.items()
        if (kind == "PER" or words[0] in bracketed)
        and len(words) == 1
        and words not in usable
        and len(words[0]) >= MIN_LETTERS
        and words[0] not in function_words()  # "أشارت إلى": a preposition a name ran into
    }
    if not usable and not worded:
        return []
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, kind in sorted(usable.items(), key=lambda item: -len(item[0])):
        by_first[words[0]].append((words, kind))  # longest first
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    titles = entity_words()["title"]
    added: list[Mention] = []
    for first, limit in sentence_bounds(sentences):
        i = first
        while i < limit:
            if i in covered:
                i += 1
                continue
            hit = None
            whole = tokens[i].norm
            for form in word_forms(whole):
                for words, kind in by_first.get(form, ()):
                    size = len(words)
                    if size == 1 and form != whole and lexicon.is_common(whole):
                        continue  # "لصالح" is "for the benefit of", not ل + the name صالح
                    if size == 1 and kind == "PER" and _agrees(tokens, i, first):
                        continue  # "الجيش الوطني": the adjective, not the surname الوطني
                    if i + size > limit or any(k in covered for k in range(i, i + size)):
                        continue
                    if has_tanween(tokens[i + size - 1].text):
                        continue  # "ليبياً" is "Libyan", not Libya
                    if all(tokens[i + n].norm == words[n] for n in range(1, size)):
                        hit = (size, kind)
                        break
                if hit:
                    break
            kind = _worded(whole, worded)
            if hit is None and kind and person_slot(tokens, i, first, limit):
                hit = (1, kind)
            if hit is None and i > first and bare(tokens[i - 1].norm, titles):
                kind = first_names.get(tokens[i].norm)
                if kind and not lexicon.is_common(tokens[i].norm):
                    hit = (1, kind)
            if hit:
                size, kind = hit
                added.append(Mention(i, i + size, kind, "document"))
                i += size
            else:
                i += 1
    return added
