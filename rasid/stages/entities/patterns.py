"""Rule mentions the tagger cannot give: named events, resolutions, agreements, facilities.

No training corpus marks EVENT or LAW, and facilities are rare in them, but Arabic news
names them with a head noun and a name: "عملية بركان الغضب", "مؤتمر برلين", "القرار 2259",
"اتفاق الصخيرات", "مطار معيتيقة الدولي". A head (``rasid/data/entity_words.tsv``) makes a
mention when what follows is a name: a quoted phrase, a place the tagger found, a resolution
number, or words the learned lexicon does not know as ordinary vocabulary. Verbal nouns and
adjectives ("عملية اغتيال", "قاعدة عسكرية") are listed as ``notname`` and stop a match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rasid.normalize import normalize_arabic
from rasid.stages.entities.gazetteer import (
    MAX_WORDS,
    country_names,
    is_nationality,
    load_gazetteer,
    used_like_a_place,
)
from rasid.stages.entities.lexicon import Lexicon
from rasid.stages.entities.recognize import Mention, unknown_word
from rasid.stages.entities.tokens import (
    Token,
    bare,
    clitic_candidates,
    entity_words,
    has_tanween,
    is_adjective,
    is_definite_plural,
    sentence_bounds,
    word_forms,
)

_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "(": ")"}
_NUMBER = re.compile(r"^\d+(?:/\d+)?$")
_HEAD_TYPES = (("event", "EVENT"), ("law", "LAW"), ("fac", "FAC"))
# heads named only by a place or a quoted name: "إعلان القاهرة", never "إعلان التعبئة"
_PLACE_ONLY = frozenset({normalize_arabic("إعلان")})


@lru_cache(maxsize=16)
def _word_set(*kinds: str) -> frozenset[str]:
    """The union of some kinds of ``entity_words``, built once per combination."""
    words = entity_words()
    return frozenset().union(*(words[k] for k in kinds))


@lru_cache(maxsize=65536)
def head_type(norm: str) -> tuple[str, str] | None:
    """(entity type, bare head) when the word is an event, law or facility head."""
    kinds = entity_words()
    for kind, kind_type in _HEAD_TYPES:
        found = bare(norm, kinds[kind])
        if found:
            return kind_type, found
    return None


def _is_name_word(token: Token, lexicon: Lexicon) -> bool:
    """Not an ordinary word: unknown to the lexicon, or seen inside names often enough."""
    norm = token.norm
    words = entity_words()
    if not norm or not norm[0].isalpha() or norm in words["notname"] or norm in words["title"]:
        return False
    if len(norm) < 2 or token.text.endswith("ـ"):
        return False  # "الحكومة بـ": a preposition drawn out, not a name
    indefinite = not norm.startswith("ال")
    if indefinite and len(norm) > 4 and norm.endswith(_PRONOUNS) and not lexicon.get(norm):
        return False  # "مسار سفنها": a noun with its pronoun
    if is_definite_plural(norm):
        return False  # a definite masculine plural ("قاعدة الناشئين") is a common noun
    found = lexicon.get(norm)
    return found is None or found.name_share >= 0.3


_NEGATIONS = frozenset(normalize_arabic(w) for w in ("لا", "لن", "لم", "ليس", "ما"))


def _coordinated(k: int, limit: int, tokens: Sequence[Token], starts: dict[int, Mention]) -> bool:
    """A name joined by "و" after the place: "اتفاق أنقرة والوفاق" is between two parties."""
    if k >= limit or not tokens[k].norm.startswith("و") or len(tokens[k].norm) < 4:
        return False
    return k in starts or tokens[k].norm.startswith("وال")


def _quoted_name(kind: str, head: str, words: Sequence[Token]) -> bool:
    """Whether a quote after a head names it (عملية «بركان الغضب») rather than says
    something of it: a resolution is named by its number, a declaration by its place, a
    definite "الاتفاق" is the subject of what the quote says; a sentence (a negation, an
    indefinite accusative: "إنجاز يمنح … أفقاً واضحاً") is no name."""
    if head in ("القرار", "قرار") or head in _PLACE_ONLY:
        return False
    if kind == "LAW" and head.startswith("ال"):
        return False
    if words[0].norm in _NEGATIONS:
        return False
    return not any(has_tanween(t.text) for t in words)


def _described(norm: str, lexicon: Lexicon) -> bool:
    """An indefinite nisba adjective right after a head describes it: "مؤتمر صحافي",
    "قاعدة دستورية" are a kind of conference or base, not one named."""
    if norm.startswith("ال") or len(norm) < 4 or not norm.endswith(("ي", "يه")):
        return False
    return not lexicon.is_name(norm, 0.5)


def _tails(tokens: Sequence[Token], stop: int, limit: int) -> int:
    tails = entity_words()["tail"]
    while stop < limit and tokens[stop].norm in tails:
        stop += 1
    return stop


def _org_name(
    i: int, limit: int, tokens: Sequence[Token], starts: dict[int, Mention], lexicon: Lexicon
) -> int | None:
    """End of "حكومة الوفاق" / "ميليشيا الوفاق": a general head or label and a name word."""
    words = entity_words()
    national = _national_body(i, limit, tokens, starts)
    if national:
        return national
    if bare(tokens[i].norm, words["orghead"]):
        return _org_phrase(i, limit, tokens, starts)
    if not (bare(tokens[i].norm, words["generic"]) or bare(tokens[i].norm, words["label"])):
        return None
    j = i + 1
    if j >= limit or j in starts or not _is_name_word(tokens[j], lexicon):
        return None
    if bare(tokens[j].norm, words["generic"]):
        return None  # "قوات الجيش": two general heads name nobody
    if lexicon.get(tokens[j].norm) is None and not tokens[j].norm.startswith("ال"):
        return None  # "قوات فرنسية"? an unknown bare word after a head is too often a noun
    if _described(tokens[j].norm, lexicon):
        return None  # "مجلس رئاسي": a kind of council, not one named
    if is_adjective(tokens[j].norm) and not lexicon.is_name(tokens[j].norm, 0.5):
        return None  # "القوات الموالية", "قوات الانقلابي": a description, not a name
    stop = j + 1
    while stop < limit and stop < j + 3 and is_adjective(tokens[stop].norm):
        stop += 1  # "الجيش الوطني الليبي"
    return stop


_RELATIVES = frozenset(normalize_arabic(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان"))
# "القوات المسلحة" is how a state names its army; other participles describe (المشتركة)
_NAMED_FORCES = frozenset({normalize_arabic("المسلحة")})
_FORCES = frozenset({normalize_arabic("القوات"), normalize_arabic("قوات")})


def _national_body(
    i: int, limit: int, tokens: Sequence[Token], starts: dict[int, Mention]
) -> int | None:
    """End of "الجيش السوداني", "الجيش الوطني الليبي", "اللجنة الدستورية السورية",
    "القيادة المركزية الأمريكية", "القوات المسلحة (السودانية)": a definite organisation
    head and adjectives, the last naming a country. "القوات التركية" stays a description."""
    head = bare(tokens[i].norm, _word_set("generic", "orghead"))
    if not head or not head.startswith("ال") or i in starts:
        return None
    stop = i + 1
    while stop < limit and stop < i + 4 and stop not in starts:
        norm = tokens[stop].norm
        if not (is_adjective(norm) or (head in _FORCES and norm in _NAMED_FORCES)):
            break
        stop += 1
    if stop == i + 1:
        return None
    if head in _FORCES:
        return stop if tokens[i + 1].norm in _NAMED_FORCES else None
    return stop if is_nationality(tokens[stop - 1].norm) else None


def _org_phrase(
    i: int, limit: int, tokens: Sequence[Token], starts: dict[int, Mention]
) -> int | None:
    places = country_names()
    """End of "مصرف ليبيا المركزي", "حكومة الوحدة الوطنية", "المجلس الأعلى للدولة": a
    strong organisation head, then definite words, a place, adjectives (at most four)."""
    stops = _word_set("title", "post") | _RELATIVES
    k = i + 1
    described = False  # after an adjective only adjectives follow: "مصرف ليبيا المركزي"
    named = -1  # where a name inside the phrase ended
    while k < limit and k < i + 5:
        tok = tokens[k]
        if k in starts:
            if starts[k].type not in ("LOC", "ORG") or described:
                break
            if starts[k].type == "LOC" and k > i + 1:
                break  # "حكومة الوفاق [الإمارات]": a second name, not part of this one
            k = named = starts[k].stop  # "مصرف ليبيا المركزي", "حكومة [الوحدة] الوطنية"
            continue
        norm = tok.norm
        if bare(norm, places):
            if k > i + 1:
                break  # "حكومة الوفاق الإمارات": the next name
            k += 1
            continue
        if not norm.isalpha() or not (norm.startswith("ال") or norm.startswith("لل")):
            break
        if (
            norm in stops
            or head_type(norm)
            or (is_definite_plural(norm) and norm.endswith(("يين", "يون")))
        ):
            break  # "… المعترف بها", "… الفريق", "… الاتفاق", "… الليبيين", "… الذي"
        if norm.startswith("لل") and not (is_adjective(tokens[k - 1].norm) or k == named):
            break  # "المجلس الأعلى للدولة", "بعثة الأمم المتحدة للدعم", not "الوفاق للقبول"
        if described and not (is_adjective(norm) or norm.startswith("لل")):
            break  # "مصرف ليبيا المركزي الصديق": after an adjective only adjectives follow
        described = described or is_adjective(norm)
        if norm.startswith("لل") and k == i + 1:
            break  # "مجلس للسلام"? a preposition straight after the head is not a name
        k += 1
    return k if k > i + 1 else None


def outlet_types(mentions: list[Mention], tokens: Sequence[Token]) -> None:
    """A name right after "وكالة", "صحيفة", "قناة" … is the outlet, whatever it looks like
    ("وكالة الأناضول" is not the region, "صحيفة الشرق الأوسط" not the Middle East)."""
    outlets = entity_words()["outlet"]
    for m in mentions:
        if m.first > 0 and m.type != "ORG" and bare(tokens[m.first - 1].norm, outlets):
            m.type = "ORG"


def _family_group(
    i: int, tokens: Sequence[Token], starts: dict[int, Mention], lexicon: Lexicon
) -> bool:
    """ "جماعة الحوثي": an indefinite movement head and a family name shaped like a nisba that
    is no nationality and no ordinary adjective — whatever the tagger made of the name."""
    head = bare(tokens[i].norm, entity_words()["group"])
    if not head or head.startswith("ال") or i in starts:
        return False
    named = starts.get(i + 1)
    if named is not None and (named.stop != i + 2 or named.type not in ("PER", "ORG")):
        return False
    norm = tokens[i + 1].norm
    if not is_adjective(norm) or is_nationality(norm):
        return False
    return lexicon.get(norm) is None or lexicon.is_name(norm, 0.5)


def purpose_tails(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> None:
    """An organisation the tagger ended at its adjective takes the "لل…" of its purpose:
    "المؤسسة الوطنية [للنفط]", "المجلس الأعلى [للقوات المسلحة]" — a body named by head and
    adjective says what it is for, where a sentence would go on with a verb."""
    notname = entity_words()["notname"]
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    limit_of = {
        i: limit for first, limit in sentence_bounds(sentences) for i in range(first, limit)
    }
    for m in mentions:
        k = m.stop
        if (
            m.type != "ORG"
            or m.source != "model"
            or m.stop - m.first < 2
            or not is_adjective(tokens[k - 1].norm)
            or k >= limit_of.get(m.first, 0)
            or k in covered
        ):
            continue
        norm = tokens[k].norm
        if not (norm.startswith("لل") and norm.isalpha() and len(norm) >= 5) or norm in notname:
            continue
        if is_definite_plural("ا" + norm[1:]) or head_type(norm):
            continue  # "… للمدنيين", "… للاتفاق": an object, not the body's purpose
        stop = k + 1
        while stop < limit_of[m.first] and stop < k + 3 and is_adjective(tokens[stop].norm):
            stop += 1
        if any(i in covered for i in range(k, stop)):
            continue
        m.stop = stop
        covered.update(range(k, stop))


def paired_names(
    mentions: list[Mention], tokens: Sequence[Token], sentences: Sequence[Sequence[int]]
) -> None:
    """An organisation named by a head and two joined nouns keeps both: "حزب العدالة
    والتنمية", "وزارة الخارجية والمغتربين", "مجلس السلم والأمن الأفريقي". The second noun
    is no other body ("وزارة الداخلية والجيش") and no name of its own."""
    words = entity_words()
    bodies = _word_set("generic", "orghead", "seat", "label", "title", "force")
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    limit_of = {
        i: limit for first, limit in sentence_bounds(sentences) for i in range(first, limit)
    }
    for m in mentions:
        k, limit = m.stop, limit_of.get(m.first, 0)
        if (
            m.type != "ORG"
            or m.stop - m.first != 2
            or not bare(tokens[m.first].norm, words["generic"] | words["orghead"])
            or not tokens[k - 1].norm.startswith("ال")
            or k >= limit
            or k in covered
        ):
            continue
        norm = tokens[k].norm
        if not (norm.startswith("وال") and norm.isalpha() and len(norm) >= 6):
            continue
        rest = norm[1:]
        if (
            bare(rest, bodies)
            or head_type(rest)
            or rest in words["notname"]
            or is_nationality(rest)
        ):
            continue  # "… التركية والروسية": two adjectives, two bodies
        stop = k + 1
        while stop < limit and stop < k + 3 and is_adjective(tokens[stop].norm):
            stop += 1  # "… والأمن الأفريقي"
        if any(i in covered for i in range(k, stop)):
            continue
        m.stop = stop
        covered.update(range(k, stop))


def initials(tokens: Sequence[Token], sentences: Sequence[Sequence[int]]) -> list[Mention]:
    """Spaced initials of an agency: "أ ف ب", "ا ش ا" — three or four one-letter words."""
    out = []
    for first, limit in sentence_bounds(sentences):
        i = first
        while i < limit:
            k = i
            while k < limit and len(tokens[k].norm) == 1 and tokens[k].norm.isalpha():
                k += 1
            if 3 <= k - i <= 4:
                out.append(Mention(i, k, "ORG", "pattern"))
            i = max(k, i + 1)
    return out


def pattern_mentions(
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    mentions: list[Mention],
    lexicon: Lexicon,
) -> list[Mention]:
    """``mentions`` with rule mentions added (and the place inside "مؤتمر برلين" absorbed)."""
    outlet_types(mentions, tokens)
    purpose_tails(mentions, tokens, sentences)
    starts = {m.first: m for m in mentions}
    added: list[Mention] = initials(tokens, sentences)
    absorbed: set[int] = set()
    notname = entity_words()["notname"]
    for first, limit in sentence_bounds(sentences):
        i = first
        while i < limit:
            found = head_type(tokens[i].norm)
            if not found and i + 1 < limit and _family_group(i, tokens, starts, lexicon):
                added.append(Mention(i, i + 2, "ORG", "pattern"))
                absorbed.add(i + 1)
                i += 2
                continue
            if not found:
                stop = _org_name(i, limit, tokens, starts, lexicon)
                inner = [k for k in starts if i < k < (stop or 0)]
                if (
                    stop
                    and i not in starts
                    and all(starts[k].type in ("LOC", "ORG") for k in inner)
                ):
                    added.append(Mention(i, stop, "ORG", "pattern"))
                    absorbed.update(inner)  # "مصرف ليبيا المركزي" is the bank, not Libya
                    i = stop
                else:
                    i += 1
                continue
            kind, head = found
            j = i + 1
            stop = None
            if j < limit and tokens[j].text in _QUOTES:  # عملية «بركان الغضب»
                close = _QUOTES[tokens[j].text]
                k = j + 1
                while k < limit and k <= j + 5 and tokens[k].text != close:  # a name, not a quote
                    k += 1
                if (
                    k < limit
                    and tokens[k].text == close
                    and k > j + 1
                    and _quoted_name(kind, head, tokens[j + 1 : k])
                ):
                    stop = k + 1
            elif kind == "LAW" and head in ("القرار", "قرار"):  # القرار (رقم) 2259
                k = j
                while k < limit and k <= j + 6 and not _NUMBER.match(tokens[k].norm):
                    if tokens[k].norm in (".", "،", ","):
                        break
                    k += 1
                if k < limit and _NUMBER.match(tokens[k].norm):
                    stop = k + 1
            elif (
                j in starts
                and (starts[j].type == "LOC" or (kind == "FAC" and starts[j].type == "PER"))
                and (head in entity_words()["venue"] or kind == "FAC")
                and not (kind == "LAW" and _coordinated(starts[j].stop, limit, tokens, starts))
            ):
                stop = _tails(tokens, starts[j].stop, limit)
                absorbed.add(j)
            elif (
                j < limit
                and head not in _PLACE_ONLY
                and _is_name_word(tokens[j], lexicon)
                and j not in starts
                and (not clitic_candidates(tokens[j].norm) or lexicon.is_name(tokens[j].norm))
                and not _described(tokens[j].norm, lexicon)
            ):
                stop = j + 1
                while (
                    stop < limit
                    and stop < j + 3
                    and stop not in starts
                    and _is_name_word(tokens[stop], lexicon)
                    and not clitic_candidates(tokens[stop].norm)
                ):
                    stop += 1
                stop = _tails(tokens, stop, limit)
            elif (  # an idafa name: عملية درع الفرات, عملية نبع السلام
                kind == "EVENT"
                and j + 1 < limit
                and j not in starts
                and tokens[j].norm.isalpha()
                and not tokens[j].norm.startswith("ال")
                and tokens[j].norm not in notname
                and not bare(tokens[j].norm, entity_words()["title"])
                and not tokens[j].norm.endswith(("يه", "ي"))
                and tokens[j + 1].norm.startswith("ال")
                and tokens[j + 1].norm not in notname
            ):
                stop = j + 2
            if stop is None:
                i += 1
                continue
            added.append(Mention(i, stop, kind, "pattern"))
            i = stop
    added += commanded_bodies(tokens, sentences, [*mentions, *added], lexicon)
    added += headless_names(tokens, sentences, [*mentions, *added])
    if not added:
        paired_names(mentions, tokens, sentences)
        return seated(mentions, tokens)
    kept = [
        m
        for m in mentions
        if m.first not in absorbed
        and not any(a.first <= m.first and m.stop <= a.stop and a.type != "LAW" for a in added)
    ]
    # a model mention that half-overlaps a rule mention loses: the rule saw the head word
    kept = [
        m
        for m in kept
        if not any(m.overlaps(a) and not (a.first <= m.first and m.stop <= a.stop) for a in added)
    ]
    final = sorted([*kept, *added], key=lambda m: (m.first, -m.stop))
    paired_names(final, tokens, sentences)
    return seated(final, tokens)


def commanded_bodies(
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    mentions: Sequence[Mention],
    lexicon: Lexicon,
) -> list[Mention]:
    """The force a named commander leads: "قائد قوات الدعم السريع محمد حمدان دقلو", "القائد
    العام لقوات …" — a general head and the definite words between a title of command and
    the commander's name are the organisation's name, though each word is ordinary."""
    words = entity_words()
    heads, leader, mods = words["generic"], words["leader"], words["mod"]
    stops = words["title"] | words["notname"] | _RELATIVES
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    people = {m.first: m for m in mentions if m.type == "PER"}
    places = {m.first: m for m in mentions if m.type == "LOC"}
    out: list[Mention] = []
    for first, limit in sentence_bounds(sentences):
        for i in range(first + 1, limit - 2):
            if i in covered or not bare(tokens[i].norm, heads):
                continue
            before = i - 1
            if bare(tokens[before].norm, mods) and before > first:
                before -= 1  # "القائد العام لقوات …"
            if not bare(tokens[before].norm, leader):
                continue
            k = i + 1
            if k in places and places[k].stop < limit:  # "قوات [سوريا] الديمقراطية"
                k = places[k].stop
            while k < limit and k < i + 4 and k not in covered:
                norm = tokens[k].norm
                if not (norm.isalpha() and norm.startswith("ال")) or norm in stops:
                    break
                if head_type(norm) or bare(norm, heads):
                    break
                k += 1
            if (
                k > i + 1
                and k not in covered
                and k + 1 in people
                and unknown_word(tokens[k], lexicon, any_clitic=True)
            ):
                people[k + 1].first = k  # "… مظلوم [عبدي]": the first name the tagger left
                people[k] = people.pop(k + 1)
            if k > i + 1 and k in people and not all(j in places for j in range(i + 1, k)):
                out.append(Mention(i, k, "ORG", "pattern"))
                covered.update(range(i, k))
    return out


def headless_names(
    tokens: Sequence[Token], sentences: Sequence[Sequence[int]], mentions: Sequence[Mention]
) -> list[Mention]:
    """Organisations named with ordinary words: "قوات الدعم السريع" is a name when the
    article also says "الدعم السريع" without its head — a description never drops it.

    Candidates are a general head or label and two or three definite words; each place the
    phrase stands (with or without its head) becomes an ORG mention.
    """
    words = entity_words()
    heads = _word_set("generic", "label")
    stops = words["title"] | words["notname"] | _RELATIVES
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    bounds = sentence_bounds(sentences)
    phrases: dict[tuple[str, ...], list[int]] = {}
    for first, limit in bounds:
        for i in range(first, limit - 2):
            if i in covered or not bare(tokens[i].norm, heads):
                continue
            k = i + 1
            while k < limit and k < i + 4 and k not in covered:
                norm = tokens[k].norm
                if not (norm.isalpha() and norm.startswith("ال")) or norm in stops:
                    break
                if head_type(norm) or bare(norm, heads) or is_definite_plural(norm):
                    break
                k += 1
            if k - i >= 3:
                phrases.setdefault(tuple(t.norm for t in tokens[i + 1 : k]), []).append(i)
    if not phrases:
        return []
    bare_at: dict[tuple[str, ...], list[int]] = {}  # where each phrase stands headless
    for first, limit in bounds:
        i = first
        while i < limit:
            hit = None
            for phrase in phrases:
                size = len(phrase)
                if i + size > limit or any(k in covered for k in range(i, i + size)):
                    continue
                if phrase[0] in word_forms(tokens[i].norm) and all(
                    tokens[i + n].norm == phrase[n] for n in range(1, size)
                ):
                    hit = phrase
                    break
            if hit and (i - 1) not in phrases[hit]:
                bare_at.setdefault(hit, []).append(i)
            i += len(hit) if hit else 1
    out: list[Mention] = []
    for phrase, places in bare_at.items():
        out += [Mention(i, i + len(phrase) + 1, "ORG", "pattern") for i in phrases[phrase]]
        out += [Mention(i, i + len(phrase), "ORG", "document") for i in places]
    return out


_IN = normalize_arabic("في")


def seated(mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """An embassy or mission named by where it sits takes the place into its name: "السفارة
    الأمريكية في ليبيا", "البعثة الأممية للدعم في ليبيا" (the place is no mention)."""
    seats = entity_words()["seat"]
    ends = {m.stop: m for m in mentions}
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    dropped: set[int] = set()
    added: list[Mention] = []
    for place in mentions:
        q = place.first
        if place.type != "LOC" or q < 2 or tokens[q - 1].norm != _IN:
            continue
        body = ends.get(q - 1)
        if body is not None:
            if body.type == "ORG" and bare(tokens[body.first].norm, seats):
                body.stop = place.stop
                dropped.add(id(place))
            continue
        k = q - 2  # an unmarked "البعثة الأممية للدعم": definite words back to the head
        while k >= max(0, q - 6) and k not in covered and tokens[k].norm.startswith(("ال", "لل")):
            if bare(tokens[k].norm, seats):
                break
            k -= 1
        if k >= 0 and k < q - 2 and k not in covered and bare(tokens[k].norm, seats):
            added.append(Mention(k, place.stop, "ORG", "pattern"))
            dropped.add(id(place))
    if not dropped:
        return mentions
    kept = [m for m in mentions if id(m) not in dropped]
    return sorted([*kept, *added], key=lambda m: (m.first, -m.stop))


_PRONOUNS = ("ها", "هم", "هما")  # "وشرقها", "واستقرارهم": a noun with its pronoun


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First words of the gazetteer's names: most tokens start none and need no lookup."""
    return frozenset(name.split()[0] for name in load_gazetteer())


def _gazetteer_size(i: int, limit: int, tokens: Sequence[Token], lexicon: Lexicon) -> int:
    """Words of the longest gazetteer place starting at token ``i`` (0: none).

    A one-word name counts only when rasid's corpora do not know the word mostly as
    ordinary vocabulary: GeoNames spells many towns like plain words.
    """
    places = load_gazetteer()
    firsts = _first_words()
    forms = [form for form in word_forms(tokens[i].norm) if form in firsts]
    if not forms:
        return 0
    for size in range(min(MAX_WORDS, limit - i), 0, -1):
        rest = " ".join(t.norm for t in tokens[i + 1 : i + size])
        for form in forms:
            name = f"{form} {rest}" if rest else form
            if name not in places:
                continue
            if size > 1:
                return size
            stats = lexicon.get(form)
            if has_tanween(tokens[i].text):
                return 0  # "كبيراً": an indefinite adjective, whatever GeoNames says
            if (
                len(form) >= 3
                and not is_adjective(form)
                and (stats is None or (stats.kind == "LOC" and stats.name_share >= 0.5))
                and used_like_a_place(form) is not False
            ):
                return 1
    return 0


def _town_size(i: int, limit: int, tokens: Sequence[Token], lexicon: Lexicon, strong: bool) -> int:
    """Words of the name after a town or area head ("مدينة الباب", "منطقة الرجمة")."""
    words = entity_words()
    norm = tokens[i].norm
    if not norm.isalpha() or is_adjective(norm) or norm in words["notname"]:
        return 0
    if any(norm in words[k] for k in ("title", "mod", "town", "area", "generic")):
        return 0
    if not (strong or _is_name_word(tokens[i], lexicon)) or (strong and len(norm) < 3):
        return 0
    if not strong and not norm.startswith("ال") and norm.endswith("ه"):
        return 0  # "منطقة عازلة", "منطقة منزوعة السلاح": a feminine adjective
    if not strong and used_like_a_place(norm) is False:
        return 0  # "مناطق سيطرتها": news uses the word as a plain noun
    stop = i + 1
    while (
        stop < limit
        and stop < i + 3
        and tokens[stop].norm.isalpha()
        and lexicon.get(tokens[stop].norm) is None
        and not is_adjective(tokens[stop].norm)
        and not clitic_candidates(tokens[stop].norm)
    ):
        stop += 1  # "روستوف أون دون"
    return stop - i


def place_mentions(
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    mentions: list[Mention],
    lexicon: Lexicon,
) -> list[Mention]:
    """``mentions`` with the places the tagger missed: a gazetteer name that is not ordinary
    vocabulary, the name after a town or area head, and a name joined by "و" to a place."""
    words = entity_words()
    covered = {i for m in mentions for i in range(m.first, m.stop)}
    places = {m.stop for m in mentions if m.type == "LOC"}
    added: list[Mention] = []
    for first, limit in sentence_bounds(sentences):
        i = first
        while i < limit:
            if i in covered:
                i += 1
                continue
            size = _gazetteer_size(i, limit, tokens, lexicon)
            if not size and i > first and (i - 1) not in covered:
                head = tokens[i - 1].norm
                if bare(head, words["town"]):
                    size = _town_size(i, limit, tokens, lexicon, strong=True)
                elif bare(head, words["area"]):
                    size = _town_size(i, limit, tokens, lexicon, strong=False)
            if not size and i in places:
                size = _joined_place(tokens[i], lexicon)
            if size and any(k in covered for k in range(i, i + size)):
                size = 0
            if not size:
                i += 1
                continue
            added.append(Mention(i, i + size, "LOC", "gazetteer"))
            places.add(i + size)
            i += size
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.first, -m.stop))


def _joined_place(token: Token, lexicon: Lexicon) -> int:
    """1 when "وX" right after a place is another place: X unknown to the corpora."""
    norm = token.norm
    if not norm.startswith("و") or not norm.isalpha():
        return 0
    rest = norm[1:]
    if len(rest) < 4 or is_adjective(rest) or lexicon.known(norm) or rest.endswith(_PRONOUNS):
        return 0
    if any(rest in entity_words()[k] for k in ("town", "area", "title", "generic")):
        return 0
    stats = lexicon.get(rest)
    if used_like_a_place(rest) is False:
        return 0  # "العراق واستقراره": a plain noun with its pronoun
    return 1 if stats is None or (stats.kind == "LOC" and stats.name_share >= 0.5) else 0
