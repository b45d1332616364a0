"""Model mentions: the tagger over each sentence, turned into character spans without clitics.

Why clitics need judgement: "و", "ف", "ب", "ل", "ك" glued to a name are conjunctions and
prepositions ("وبغداد", "لحفتر") — but they also begin many names (وليد، فرنسا، بغداد، لبنان،
كركوك). A letter is cut when the rest is a known name (learned lexicon, or the same name
elsewhere in the document without the letter), kept when the whole word is a known name or
an ordinary word, and otherwise cut only for و/ف, which start far fewer names than they
join — unless a title, a role's adjective or a head noun stands right before the word
("المبعوث الأممي فولكر", "مجموعة فاغنر"), where no conjunction goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic
from rasid.stages.entities.corpora import entity_spans
from rasid.stages.entities.gazetteer import country_names
from rasid.stages.entities.lexicon import Lexicon, WordStats
from rasid.stages.entities.tokens import (
    COMPOUND_STARTS,
    Token,
    bare,
    clitic_candidates,
    entity_words,
    has_tanween,
    is_adjective,
    is_definite_plural,
    raw_offset,
    sentence_bounds,
    word_forms,
)


@dataclass
class Mention:
    """A name in the clean text: a token range, its type and its character span."""

    first: int  # index of its first token in the document's token list
    stop: int  # index after its last token
    type: str
    source: str  # "model" | "pattern" | "title" (a person after a title) | "document" | …
    start: int = 0  # character offsets into clean_text, clitics excluded
    end: int = 0
    name: str = ""  # normalized form used to compare names (article restored after لل)
    role: str | None = None
    epithet: str | None = None
    actor: str | None = None
    titles: list[str] | None = None  # a role of stacked titles, one by one
    alias_of: Mention | None = None  # the name this one abbreviates: "(قسد)" after its name
    leader: str | None = None  # a force named by its leader: his surname ("قوات حفتر")
    display: str | None = None  # the name to show when it is built, not read in the text

    def overlaps(self, other: Mention) -> bool:
        return self.first < other.stop and other.first < self.stop


def model_mentions(tagger, sentences: Sequence[Sequence[int]], tokens: Sequence[Token]):
    """Tag every sentence (a list of token indexes) and return its mentions in order."""
    out: list[Mention] = []
    for indexes in sentences:
        if not indexes:
            continue
        words = [tokens[i].text for i in indexes]
        tags = tagger.tag(words)
        for first, stop, kind in entity_spans(tags):
            out.append(Mention(indexes[first], indexes[stop - 1] + 1, kind, "model"))
    return out


def _names_in(mentions: Sequence[Mention], tokens: Sequence[Token]) -> set[str]:
    """Normalized words of the document's mentions that begin with no clitic letter, or
    that stand inside a name, where no clitic goes ("فيدان" of "هاكان فيدان")."""
    words: set[str] = set()
    for m in mentions:
        for i in range(m.first, m.stop):
            norm = tokens[i].norm
            if i > m.first or not clitic_candidates(norm):
                words.add(norm)
    return words


def clitic_cut(
    norm: str, lexicon: Lexicon, doc_names: set[str], after_head: bool = False
) -> tuple[int, str]:
    """(letters to drop, name form) for a mention's first word; see the module docstring.

    ``after_head``: the word right before is a title, an adjective or a head noun
    ("المبعوث الأممي فولكر", "مجموعة فاغنر"), where no conjunction or preposition goes, so
    a word no corpus knows keeps its first letter.
    """
    candidates = clitic_candidates(norm)
    if not candidates:
        return 0, norm
    if candidates[0][1].startswith("ال"):  # clitics before the article: sure, unless a name
        drop, rest = candidates[0]
        if lexicon.is_name(norm) and not lexicon.is_name(rest):
            return 0, norm
        return drop, rest
    whole = lexicon.get(norm)
    for drop, rest in candidates:
        if rest in doc_names and norm not in doc_names:
            return drop, rest
    if norm in doc_names:
        return 0, norm  # "فيدان" after "هاكان فيدان" is the surname, not ف + يدان
    for drop, rest in candidates:  # "لحكومة", "لوزارة": the rest is the commoner word
        known = lexicon.get(rest)
        if known is not None and (whole is None or known.o + known.named > whole.o + whole.named):
            if _a_name(whole) and not lexicon.is_name(rest, 0.3):
                continue  # "فيصل" is a name, not ف + the verb "يصل"
            if whole is None and known.o + known.named < 5:
                continue  # "كمال" is not ك + the rare "مال": too little to go on
            return drop, rest
    if whole is not None and whole.named and whole.name_share >= 0.3:
        return 0, norm
    for drop, rest in candidates:
        if lexicon.is_name(rest, 0.3):
            return drop, rest
    if whole is not None or after_head:
        return 0, norm
    drop, rest = candidates[-1]  # the single letter
    if drop == 1 and norm[0] in "وف" and len(rest) >= 4:  # "واسط" is a name, not و + اسط
        return drop, rest
    return 0, norm


def _a_name(stats: WordStats | None) -> bool:
    """The corpora saw the word mostly inside names, often enough to trust it."""
    return stats is not None and stats.named >= 3 and stats.name_share >= 0.6


def _after_head(tokens: Sequence[Token], i: int) -> bool:
    """The word before token ``i`` leaves no room for a conjunction or preposition on it: a
    title, a role word, a nisba adjective or a head noun ("الأمير", "الروسي", "صحيفة")."""
    if i == 0:
        return False
    norm = tokens[i - 1].norm
    if not norm.isalpha() or tokens[i - 1].end != tokens[i].start - 1:
        return False  # punctuation, or not one space between: "…، فولكر" may be a new clause
    words = entity_words()
    kinds = ("title", "mod", "outlet", "generic", "orghead", "town", "area", "fac", "label")
    if is_adjective(norm):  # "المبعوث الأممي فولكر", not "الحكومة الليبية وحفتر"
        return i >= 2 and tokens[i - 2].norm in words["title"]  # "بالسفير الفرنسي و…": no
    return any(bare(norm, words[k]) for k in kinds)


def is_head(norm: str) -> bool:
    """A head word of the rule layer (عملية، مطار، حكومة، ميليشيا …)."""
    words = entity_words()
    return any(norm in words[k] for k in ("event", "law", "fac", "generic", "label", "force"))


def place(mentions: list[Mention], tokens: Sequence[Token], lexicon: Lexicon) -> None:
    """Character span and name of each mention, with clitics cut from its first word."""
    doc_names = _names_in(mentions, tokens)
    for m in mentions:
        head = tokens[m.first]
        if m.source in ("pattern", "force"):  # a rule matched a head: cut exactly its clitics
            drop, rest = next(
                ((d, r) for d, r in clitic_candidates(head.norm) if is_head(r)), (0, head.norm)
            )
            if is_head(head.norm):
                drop, rest = 0, head.norm
        elif m.source == "dateline":  # a dateline has no conjunction: "واع" is the agency
            drop, rest = 0, head.norm
        elif m.source == "alias":  # the table's word, with exactly the clitics before it
            from rasid.stages.entities.aliases import alias_cut

            drop, rest = alias_cut(head.norm) or (0, head.norm)
        else:
            drop, rest = clitic_cut(
                head.norm, lexicon, doc_names, m.source == "title" or _after_head(tokens, m.first)
            )
        m.start = head.start + raw_offset(head.text, drop)
        m.end = tokens[m.stop - 1].end
        words = [rest] + [t.norm for t in tokens[m.first + 1 : m.stop]]
        m.name = " ".join(w for w in words if w)


def drop_adjectives(
    mentions: list[Mention], tokens: Sequence[Token], lexicon: Lexicon
) -> list[Mention]:
    """A one-word place or organisation shaped like a nisba adjective is the adjective
    ("الوفد الليبي" is not Libya) unless the lexicon knows the word mostly as a name; a
    one-word name with tanween is an adverb ("يبقى سورياً")."""
    out = []
    for m in mentions:
        if m.stop - m.first == 1 and has_tanween(tokens[m.first].text):
            continue
        # a leading adjective is never part of a person's name: "التركي رجب طيب أردوغان",
        # nor is the country a role ends in: "المبعوث الأممي إلى ليبيا غسان سلامة"
        while (
            m.type == "PER"
            and m.stop - m.first > 1
            and (
                is_adjective(tokens[m.first].norm)
                or (m.stop - m.first > 2 and tokens[m.first].norm in country_names())
            )
        ):
            m.first += 1
        if m.type == "PER" and m.stop - m.first == 1 and is_nisba_plural(tokens[m.first].norm):
            continue  # "السوريون", "جنود سوريون": a people, not a person
        norm = tokens[m.first].norm
        if (
            m.source == "model"
            and m.stop - m.first == 1
            and m.type in ("LOC", "ORG")
            and is_adjective(norm)
            and not lexicon.is_name(norm, 0.5)
        ):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """``rasid/data/stopwords.txt`` normalized: prepositions, particles, reporting verbs."""
    text = resources.files("rasid.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        normalize_arabic(w.strip()) for w in text.splitlines() if w.strip() and w[0] != "#"
    )


def trim_tails(
    mentions: list[Mention], tokens: Sequence[Token], titles: frozenset[str], lexicon: Lexicon
) -> list[Mention]:
    """A name does not end in a title, a law or event head, a function word ("منذ", "بـ")
    or a known word with a preposition glued on: "مجلس النواب المستشار", "مجلس النواب
    الاتفاق" and "وزارة الداخلية لرويترز" are the tagger running past it."""
    words = entity_words()
    never_last = titles | words["law"] | words["event"] | function_words()
    for m in mentions:
        while m.stop - m.first > 1 and m.source == "model":
            last = tokens[m.stop - 1].norm
            glued = (
                last[:1] in ("ل", "ب", "و", "ف")
                and not lexicon.is_name(last)
                and any(
                    lexicon.known(rest) if last[0] in "لب" else lexicon.is_common(rest, 0.05)
                    for drop, rest in clitic_candidates(last)
                    if drop == 1
                )
            )  # "وزارة الداخلية لرويترز", "خليفة حفتر فأعلن"
            stats = lexicon.get(last)  # a frequent plain noun, not a rare word as البرهان
            common = (  # "فتحي باشآغا العاصمة": a person's name never ends in a plain noun
                m.type == "PER"
                and m.stop - m.first > 2
                and stats is not None
                and stats.o >= 20
                and stats.name_share < 0.1
            )
            if last in never_last or glued or common or tokens[m.stop - 1].text.endswith("ـ"):
                m.stop -= 1
            else:
                break
    # what is left of "الحكومة بـ" is a bare head: a reference, not a name
    return [
        m for m in mentions if m.stop - m.first > 1 or tokens[m.first].norm not in words["generic"]
    ]


def is_nationality(norm: str) -> bool:
    """A nisba adjective of a country: "الروسية" (روسيا), "التركي" (تركيا), "العراقي" (العراق)."""
    if not is_adjective(norm):
        return False
    stem = norm[2:-2] if norm.endswith("يه") else norm[2:-1]
    countries = country_names()
    return any(f in countries for f in (stem, stem + "يا", stem + "ا", "ال" + stem))


def drop_nationality(mentions: list[Mention], tokens: Sequence[Token]) -> None:
    """A country's adjective after a proper name is no part of it: "[إنرجوأتوم] الأوكرانية",
    "[غازي عنتاب] التركية" — while a body's name keeps it ("وزارة الدفاع الروسية")."""
    words = entity_words()
    heads = frozenset().union(
        *(words[k] for k in ("generic", "orghead", "fac", "event", "law", "area", "town", "seat"))
    )  # "حي السويدي": a district named by the adjective
    for m in mentions:
        if m.source != "model" or m.type not in ("ORG", "LOC") or m.stop - m.first < 2:
            continue
        if not is_nationality(tokens[m.stop - 1].norm):
            continue
        rest = [t.norm for t in tokens[m.first : m.stop - 1]]
        if all(
            w.isalpha()
            and not any(f.startswith("ال") for f in word_forms(w))
            and not bare(w, heads)
            for w in rest
        ):
            m.stop -= 1


def strip_titles(mentions: list[Mention], tokens: Sequence[Token]) -> None:
    """Titles the tagger took into a person's name go back to the role: "المشير خليفة حفتر"."""
    words = entity_words()
    titles, mods = words["title"], words["mod"]
    for m in mentions:
        while m.type == "PER" and m.stop - m.first > 1:
            norm = tokens[m.first].norm
            if word_forms(norm) & (titles | mods) or is_adjective(norm):
                m.first += 1
            else:
                break


def title_names(
    mentions: list[Mention],
    tokens: Sequence[Token],
    sentences: Sequence[Sequence[int]],
    lexicon: Lexicon,
) -> list[Mention]:
    """A person named right after a title the tagger missed: "القائد العام خليفة حفتر".

    After a title (and its continuations), up to three words that are person-name words in
    the lexicon or unknown to it are a name — two at least when none of them is known as a
    person's name, unless the single word closes the clause (a comma, a full stop, a verb
    the lexicon knows).
    """
    words = entity_words()
    titles, mods = words["title"], words["mod"]
    bodies = words["orghead"] | words["generic"] | words["seat"]
    taken = {i for m in mentions for i in range(m.first, m.stop)}
    starts = {m.first: m for m in mentions}
    seen = Counter(form for t in tokens for form in word_forms(t.norm))
    added: list[Mention] = []
    for first, limit in sentence_bounds(sentences):
        for i in range(first, limit - 1):
            norm = tokens[i].norm
            if i in taken or not word_forms(norm) & titles:
                continue
            j = i + 1
            while (
                j < limit
                and j not in taken
                and (tokens[j].norm in mods or is_adjective(tokens[j].norm))
            ):
                j += 1
            k, person = j, False
            while k < limit and k < j + 3 and k not in taken:
                tok = tokens[k]
                stats = lexicon.get(tok.norm)
                if not tok.norm.isalpha() or tok.norm in titles or tok.norm in mods:
                    break
                if is_definite_plural(tok.norm):
                    break  # "باسم الحوثيين": a group named by its plural, not a person
                if k == j and bare(tok.norm, bodies):
                    break  # "رئيس البعثة الأممية": the title's body, not a person
                compound = k == j + 2 and tokens[j].norm in COMPOUND_STARTS
                if stats is None:
                    cut = clitic_candidates(tok.norm)
                    if cut and (k == j or cut[0][1].startswith("ال")):
                        break  # "خليفة حفتر بالموقف": a preposition and article end the name
                    if k > j and _glued_word(tok.norm, lexicon):
                        break  # "خليفة حفتر فأعلن": ف + a verb
                    if k > j and len(tok.norm) > 3 and tok.norm.endswith("وا"):
                        break  # "… أبلغوا": a verb in the plural
                elif stats.kind == "PER" and stats.name_share >= 0.5:
                    person = True
                elif k == j and _ambiguous_first(k, limit, tokens, lexicon, seen):
                    pass  # "العقيد علي المصراتي": علي is also the preposition على
                elif k - j >= 2 and is_adjective(tok.norm) and _closes(k + 1, limit, tokens):
                    k += 1  # "رئيس الوزراء محمد شياع السوداني،": a nisba family name
                    break
                elif not (compound and tok.norm.startswith("ال")):
                    break  # after "عبد الفتاح" the family name may be a word: البرهان
                k += 1
            size = k - j
            closes = k >= limit or not tokens[k].norm.isalpha() or lexicon.known(tokens[k].norm)
            if size >= 2 or (size == 1 and (person or closes)):
                if size == 1 and not person and len(tokens[j].norm) < 3:
                    continue
                added.append(Mention(j, k, "PER", "title"))
                taken.update(range(j, k))
            elif found := _after_role(j, limit, tokens, lexicon, starts, taken, seen):
                added.append(Mention(*found, "PER", "title"))
                taken.update(range(*found))
    return added


def is_nisba_plural(norm: str) -> bool:
    """…يون / …يين: the plural of a nisba ("سوريون", "الليبيين"), a people or a group."""
    return len(norm) >= 5 and norm.endswith(("يون", "يين"))


def unknown_word(token: Token, lexicon: Lexicon, any_clitic: bool = False) -> bool:
    """A bare word no corpus knows, with no article or clitic: a transliterated name.

    A clitic reading rules the word out when what follows it is a known word or takes the
    article; with ``any_clitic`` every clitic reading does (a name's first word, read where
    the tagger found nothing to lean on)."""
    norm = token.norm
    if not norm.isalpha() or len(norm) < 3 or norm.startswith("ال"):
        return False
    if lexicon.get(norm) is not None:
        return False
    readings = clitic_candidates(norm)
    if any_clitic:
        return not readings
    return not any(rest.startswith("ال") or lexicon.known(rest) for _, rest in readings)


def _glued_word(norm: str, lexicon: Lexicon) -> bool:
    """A conjunction or preposition glued to an ordinary word ("فأعلن", "وقال"): a name
    does not go on through it."""
    return any(lexicon.is_common(rest, 0.05) for _, rest in clitic_candidates(norm))


def _family_word(k: int, limit: int, tokens: Sequence[Token], seen: Counter[str]) -> bool:
    """An ordinary definite word that ends a name after a first name: the clause closes
    after it and the article uses it again on its own ("الصديق الكبير" … "الكبير")."""
    norm = tokens[k].norm
    if not norm.startswith("ال") or is_definite_plural(norm) or seen[norm] < 2:
        return False
    return _closes(k + 1, limit, tokens) or tokens[k + 1].norm in function_words()


def _foreign_pair(k: int, limit: int, tokens: Sequence[Token], lexicon: Lexicon) -> bool:
    """Two words no corpus knows, closing the clause or followed by a known word, right
    after a role: a foreign first name and surname ("بيترو كوتين")."""
    if k + 1 >= limit or not all(unknown_word(t, lexicon) for t in tokens[k : k + 2]):
        return False
    return _closes(k + 2, limit, tokens) or lexicon.known(tokens[k + 2].norm)


def _closes(k: int, limit: int, tokens: Sequence[Token]) -> bool:
    """The sentence or clause ends before token ``k`` (its end, or punctuation)."""
    return k >= limit or not tokens[k].norm.isalpha()


def _ambiguous_first(
    k: int,
    limit: int,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    seen: Counter[str],
    again: int = 2,
) -> bool:
    """A word the corpora know mostly as an ordinary word but also as a first name ("علي"
    is also على, "غير" also "other"), starting a name when a word no corpus knows follows it
    and the article uses that word again ("علي المصراتي" … "المصراتي"): a family name the
    text comes back to, not the ordinary word's complement (``seen``: the document's words,
    clitics cut)."""
    stats = lexicon.get(tokens[k].norm)
    if stats is None or stats.kind != "PER" or stats.named < 3 or k + 1 >= limit:
        return False
    if len(tokens[k].norm) < 3:
        return False  # "من", "عن": a particle before an unknown word is no first name
    nxt = tokens[k + 1].norm
    if not nxt.isalpha() or lexicon.get(nxt) is not None or len(nxt) < 4:
        return False
    cut = clitic_candidates(nxt)
    if cut and cut[0][1].startswith("ال") and not nxt.startswith("ال"):
        return False
    return seen[nxt] >= again


ROLE_REACH = 6  # words of a role's complement: "محافظ مصرف ليبيا المركزي", "المتحدث باسم …"


def _after_role(
    j: int,
    limit: int,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    starts: dict[int, Mention],
    taken: set[int],
    seen: Counter[str],
) -> tuple[int, int] | None:
    """A person named after a title's complement: "رئيس مجلس النواب عقيلة صالح",
    "الأمين العام لمنظمة أوبك هيثم الغيص". The complement is organisations and places the
    document has, and ordinary words; the name starts at the first word rasid's corpora know
    mostly as a person's, and has two words at least."""
    k, skipped = j, 0
    ends = {m.stop for m in starts.values()}
    while k < limit and skipped < ROLE_REACH:
        if k in starts:
            if starts[k].type == "PER":
                return None  # the title's person is already there
            skipped += starts[k].stop - k
            k = starts[k].stop
            continue
        norm = tokens[k].norm
        if not norm.isalpha() or k in taken:
            return None
        stats = lexicon.get(norm)
        if (k in ends or (k > j and is_adjective(tokens[k - 1].norm))) and _foreign_pair(
            k, limit, tokens, lexicon
        ):
            return k, k + 2  # "رئيس شركة … الأوكرانية بيترو كوتين إن"
        if (  # "المبعوث … إلى سوريا غير بيدرسن": the text keeps coming back to بيدرسن
            k in ends
            and _ambiguous_first(k, limit, tokens, lexicon, seen, again=3)
            and (_closes(k + 2, limit, tokens) or lexicon.known(tokens[k + 2].norm))
        ):
            return k, k + 2
        if (  # "مفاوضي الحوثيين" is a group, not the first name
            stats is not None
            and stats.kind == "PER"
            and stats.name_share >= 0.5
            and not is_definite_plural(norm)
        ):
            stop = k + 1
            while stop < limit and stop < k + 3 and stop not in starts:
                more = lexicon.get(tokens[stop].norm)
                if not tokens[stop].norm.isalpha() or is_adjective(tokens[stop].norm):
                    break
                if more is None and _glued_word(tokens[stop].norm, lexicon):
                    break  # "… خليفة حفتر فأعلن"
                if more is not None and not (more.kind == "PER" and more.name_share >= 0.3):
                    if stop == k + 1 and _family_word(stop, limit, tokens, seen):
                        stop += 1  # "محافظ المصرف الصديق الكبير" … "وأوضح الكبير"
                    break
                stop += 1
            return (k, stop) if stop - k >= 2 else None
        skipped += 1
        k += 1
    return None


def join_people(mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """Two person mentions side by side are one name ("عقيلة" + "صالح" → "عقيلة صالح")."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.type == m.type == "PER"
            and last.stop == m.first
            and not (tokens[m.first].norm[:1] in "وف" and clitic_candidates(tokens[m.first].norm))
        ):
            last.stop = m.stop
            continue
        out.append(m)
    return out


def country_types(mentions: list[Mention], countries: frozenset[str]) -> None:
    """A country's name is a place, whatever the tagger said ("ليبيا" is not a person)."""
    for m in mentions:
        if m.type in ("PER", "ORG") and m.name in countries:
            m.type = "LOC"


def seat_types(mentions: list[Mention]) -> None:
    """A seat of power named for the power in it is an organisation ("قال الكرملين"), though
    the tagger and the gazetteer read a building or a place (list ``seatorg``)."""
    seats = entity_words().get("seatorg", frozenset())
    for m in mentions:
        if m.name in seats:
            m.type = "ORG"


def split_people(
    mentions: list[Mention], tokens: Sequence[Token], lexicon: Lexicon
) -> list[Mention]:
    """An organisation run on into a person's name is two mentions.

    "للأمم المتحدة أنطونيو غوتيريش" tagged as one ORG: the first word the lexicon knows
    mostly as part of people's names, after a word it does not, starts the person.
    """
    out: list[Mention] = []
    for m in mentions:
        if m.type in ("ORG", "LOC") and m.source == "model" and m.stop - m.first >= 3:
            for k in range(m.first + 1, m.stop):
                here, before = lexicon.get(tokens[k].norm), lexicon.get(tokens[k - 1].norm)
                foreign = (  # "صندوق النقد الدولي كريستالينا غورغييفا": a name after the adjective
                    k + 2 == m.stop
                    and is_adjective(tokens[k - 1].norm)
                    and all(unknown_word(t, lexicon) for t in tokens[k : m.stop])
                )
                if foreign or (
                    here is not None
                    and here.kind == "PER"
                    and here.name_share >= 0.7
                    and not (before is not None and before.kind == "PER")
                ):
                    out.append(Mention(m.first, k, m.type, m.source))
                    out.append(Mention(k, m.stop, "PER", m.source))
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


def extend_names(
    mentions: list[Mention], tokens: Sequence[Token], lexicon: Lexicon, titles: frozenset[str]
) -> None:
    """Pull a person's first name into the mention when the tagger left it out.

    "المشير خليفة حفتر" tagged as just "حفتر": the word before is taken when the lexicon
    knows it as a person's name word, or when it is no ordinary word and a title precedes it.
    """
    taken = {i for m in mentions for i in range(m.first, m.stop)}
    seen = Counter(form for t in tokens for form in word_forms(t.norm))
    for m in mentions:
        if m.type != "PER":
            continue
        for _ in range(2):
            k = m.first - 1
            if (
                k < 0
                or k in taken
                or not tokens[k].norm.isalpha()
                or is_adjective(tokens[k].norm)
                or tokens[k].norm in titles
                or tokens[k].norm in entity_words()["mod"]
                or tokens[k].norm in entity_words()["orghead"]  # "مدير [المرصد] رامي"
            ):
                break
            stats = lexicon.get(tokens[k].norm)
            person_word = stats is not None and stats.kind == "PER" and stats.name_share >= 0.5
            foreign = lexicon.get(tokens[m.first].norm) is None  # "يشار [غولر]"
            rare = stats is None or (foreign and stats.o + stats.named <= 10)
            after_title = (
                k > 0
                and tokens[k].norm not in titles
                and (
                    (tokens[k - 1].norm in titles and (rare or stats.name_share >= 0.3))
                    or (  # "وزير الخارجية مولود"
                        rare
                        and not clitic_candidates(tokens[k].norm)
                        and not tokens[k].norm.startswith("ال")
                        and _ends_role(k, tokens, titles)
                    )
                )
            )
            if not (person_word or after_title):
                break
            m.first = k
            taken.add(k)
        _extend_surname(m, tokens, lexicon, taken, seen)
        # "عبد الفتاح" is a first name: the family name after it belongs to the mention
        k = m.stop
        if (
            m.stop - m.first == 2
            and tokens[m.first].norm in COMPOUND_STARTS
            and k < len(tokens)
            and k not in taken
            and tokens[k].norm.startswith("ال")
            and tokens[k].norm.isalpha()
            and not is_definite_plural(tokens[k].norm)
            and tokens[k].norm not in titles
            and not clitic_candidates(tokens[k].norm)
        ):
            m.stop = k + 1
            taken.add(k)


def _ends_role(k: int, tokens: Sequence[Token], titles: frozenset[str]) -> bool:
    """Token ``k`` follows a role: a title ("المشير"), or a role word or adjective right
    after one ("وزير الخارجية", "رئيس الأركان العامة", "الرئيس الأوكراني")."""
    words = entity_words()
    back = k - 1
    for _ in range(3):
        if back < 0 or not tokens[back].norm.isalpha():
            return False
        norm = tokens[back].norm
        if norm in titles or bare(norm, titles):
            return back == k - 1 or not clitic_candidates(tokens[back + 1].norm)
        if not (norm in words["mod"] or is_adjective(norm)):
            return False
        back -= 1
    return False


def _extend_surname(
    m: Mention, tokens: Sequence[Token], lexicon: Lexicon, taken: set[int], seen: Counter[str]
) -> None:
    """Take a family name the tagger left after a person's name: a nisba closing a clause
    after a full name ("محمد شياع السوداني،"), a definite word no corpus knows after a first
    name ("هادي البحرة"), a rare word after a titled first name ("إبراهيم رئيسي"), the second
    half of a compound ("معين عبد الملك")."""
    k = m.stop
    if k >= len(tokens) or k in taken or not tokens[k].norm.isalpha():
        return
    norm, size = tokens[k].norm, m.stop - m.first
    if (clitic_candidates(norm) and not norm.startswith("ال")) or is_definite_plural(norm):
        return
    last = tokens[m.stop - 1].norm
    first = lexicon.get(tokens[m.first].norm)
    nisba = size >= 2 and is_adjective(norm) and _closes(k + 1, len(tokens), tokens)
    unknown = (
        size == 1
        and first is not None
        and first.kind == "PER"
        and first.name_share >= 0.5
        and norm.startswith("ال")
        and lexicon.get(norm) is None
        and len(norm) >= 5
    )
    stats = lexicon.get(norm)
    titled = m.first > 0 and (
        is_adjective(tokens[m.first - 1].norm)
        or bool(bare(tokens[m.first - 1].norm, entity_words()["title"]))
    )
    rare = (  # "الرئيس الإيراني إبراهيم رئيسي": a family name that is a rare word
        size == 1
        and titled
        and first is not None
        and first.kind == "PER"
        and first.name_share >= 0.5
        and not norm.startswith(("ال", "ي", "ت", "ن"))  # not an imperfect verb: "يستقبل"
        and len(norm) >= 4
        and (stats is None or stats.o + stats.named <= 5)
        and (_closes(k + 1, len(tokens), tokens) or tokens[k + 1].norm in function_words())
    )
    compound = size >= 2 and last in COMPOUND_STARTS and norm.startswith("ال")
    # "[محمد حمدان] دقلو … قوات دقلو": an unknown word the article repeats ends the name
    repeated = size >= 2 and unknown_word(tokens[k], lexicon) and seen[norm] >= 2
    if nisba or unknown or rare or compound or repeated:
        m.stop = k + 1
        taken.add(k)


def bracketed_aliases(
    mentions: list[Mention], tokens: Sequence[Token], lexicon: Lexicon | None = None
) -> list[Mention]:
    """``mentions`` with the short name a text gives in brackets right after a long one:
    "قوات سوريا الديمقراطية (قسد)", "تنسيقية القوى المدنية (تقدم)" — the same actor. After a
    person only a nickname no corpus knows as a word, used again out of brackets, counts
    ("محمد حمدان دقلو (حميدتي)" … "حميدتي"):
    "(حماس)" or "(مصر)" after a name is his party or country, and "(45 عاماً)" his age."""
    taken = {i for m in mentions for i in range(m.first, m.stop)}
    # a nickname is one the text goes on using: "حميدتي" alone later, not "(سباحة)" in a list
    unbracketed = {
        form
        for j, t in enumerate(tokens)
        if j == 0 or tokens[j - 1].text != "("
        for form in word_forms(t.norm)
    }
    added = []
    for m in mentions:
        i = m.stop
        if m.stop - m.first < 2 or i >= len(tokens):
            continue
        if tokens[i].text != "(":
            continue
        k = i + 1
        while k < len(tokens) and k <= i + 3 and tokens[k].norm.isalpha() and k not in taken:
            k += 1
        if not (k > i + 1 and k < len(tokens) and tokens[k].text == ")"):
            continue
        if m.type == "PER" and not (
            k == i + 2
            and lexicon is not None
            and _nickname(tokens[i + 1].norm, lexicon)
            and tokens[i + 1].norm in unbracketed
        ):
            continue
        added.append(Mention(i + 1, k, m.type, "document", alias_of=m))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.first, -m.stop))


def _nickname(norm: str, lexicon: Lexicon) -> bool:
    """A one-word name in brackets after a person that is his other name: no ordinary word,
    no country, no organisation or place the corpora know."""
    stats = lexicon.get(norm)
    if norm in country_names() or len(norm) < 3:
        return False
    return stats is None or (stats.kind == "PER" and stats.name_share >= 0.5)
