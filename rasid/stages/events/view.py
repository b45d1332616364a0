"""One sentence as the events stage reads it: tokens, the actors named in it, its clauses.

Why a view: every rule of the stage asks the same questions about the words around a
trigger (is this token a preposition, does an actor start here, where does this clause end),
and each must stay inside the sentence that states the event. Building the answers once per
sentence keeps the rules short and the stage fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasid.document import Document, Span
from rasid.normalize import normalize_arabic
from rasid.stages.entities.tokens import Token, entity_words, is_adjective, tokenize, word_forms
from rasid.wordlists import word_classes

PARTICIPANT_TYPES = frozenset({"PER", "ORG", "LOC"})
# prepositions a title can hold (النائب عن مدينة فلان، رئيس الحكومة المكلفة من البرلمان فلان)
TITLE_PREPOSITIONS = frozenset({"عن", "من", "لدي"})
TITLE_REACH = 7  # words of a title between a preposition and the name it governs
PLACE_TYPES = frozenset({"LOC", "FAC"})


def event_words() -> dict[str, frozenset[str]]:
    """``rasid/data/event_words.tsv``: kind → normalized words (boundaries, prepositions…)."""
    return word_classes("event_words.tsv")


@lru_cache(maxsize=65536)
def function_forms(norm: str) -> frozenset[str]:
    """A word with and without a leading و/ف, even when the rest is short (وفي → في)."""
    forms = set(word_forms(norm))
    if norm[:1] in ("و", "ف") and len(norm) > 2:
        forms.add(norm[1:])
    return frozenset(forms)


_MARKS = dict.fromkeys(range(0x064B, 0x0653)) | {0x0640: None}  # harakat, tatweel
_SUFFIXES = ("هما", "هم", "ها", "ه")


def pronoun_suffix(text: str) -> str | None:
    """The attached pronoun a word ends with (ترحيبه، محادثاتهما), read on the written word:
    normalization spells ة as ه, so a feminine noun (المبادرة) would look possessed."""
    bare = text.translate(_MARKS)
    for suf in _SUFFIXES:
        if bare.endswith(suf) and len(bare) > len(suf) + 1:
            return suf
    return None


@dataclass
class Mention:
    """An entity mention inside the sentence, by token positions."""

    first: int
    stop: int
    span: Span

    @property
    def type(self) -> str:
        return str(self.span.attrs.get("type", self.span.label))

    @property
    def actor(self) -> str | None:
        return self.span.attrs.get("actor")

    def ref(self) -> dict:
        return {
            "actor": self.actor,
            "text": self.span.text,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass
class SentenceView:
    """Tokens of one sentence with the entity mentions and clause boundaries in it."""

    start: int
    end: int
    tokens: list[Token]
    mentions: list[Mention]
    starts: dict[int, Mention] = field(default_factory=dict)  # first token → mention
    inside: dict[int, Mention] = field(default_factory=dict)  # any token → mention
    boundaries: list[int] = field(default_factory=list)  # token indices that open a clause
    dates: set[int] = field(default_factory=set)  # tokens inside a time expression

    def forms(self, i: int) -> frozenset[str]:
        return function_forms(self.tokens[i].norm)

    def is_word(self, i: int, kind: str) -> bool:
        return 0 <= i < len(self.tokens) and bool(self.forms(i) & event_words()[kind])

    def clause(self, i: int) -> tuple[int, int]:
        """[lo, hi) token range of the clause holding token ``i``."""
        lo, hi = 0, len(self.tokens)
        for b in self.boundaries:
            if b <= i:
                lo = b
            else:
                hi = b
                break
        return lo, hi

    def preposition(self, m: Mention) -> str | None:
        """The preposition governing a mention: a letter glued to it, or a word before it
        or before the title words that lead up to it (مع رئيس المجلس الرئاسي فايز السراج,
        لنظيره التركي, على بلدة غريان)."""
        glued = normalize_arabic(
            self.tokens[m.first].text[: m.span.start - self.tokens[m.first].start]
        )
        glued = glued.lstrip("وف")
        if glued[:1] == "ل" and self.is_word(m.first - 1, "affiliation"):
            return None  # الجيش التابع لحكومة X: the force stands for X, the actor itself
        if glued[:1] in ("ب", "ل", "ك"):
            return glued[:1]
        j = m.first - 1
        for _ in range(TITLE_REACH):
            if j < 0:
                return None
            if self.is_word(j, "led_by"):
                return None  # التحالف بقيادة السعودية: the body led stands for its leader
            if self.is_word(j, "toward") or self.is_word(j, "favour"):
                return "الي" if self.is_word(j, "toward") else "ل"  # إلى جانب، لصالح (normalized)
            forms = self.forms(j) & event_words()["preposition"]
            if forms and not self._in_title(j, forms):
                return min(forms)
            if forms:
                j -= 1
                continue
            if not self._leads_to_name(j):
                return None
            norm = self.tokens[j].norm.lstrip("وف") if j not in self.inside else ""
            if norm[:1] in ("ب", "ل") and norm not in _titles() and is_head_word(norm[1:]):
                return norm[:1]  # لنظيره، بمدينة: a glued ب/ل, not a root letter (ولي العهد)
            j -= 1
        return None

    def _in_title(self, j: int, forms: frozenset[str]) -> bool:
        """عن، من، لدى inside a title (الرئيس المشارك عن المعارضة فلان، الحكومة المكلفة من
        البرلمان، المندوب لدى الأمم المتحدة)."""
        if not forms & TITLE_PREPOSITIONS or j < 1 or j - 1 in self.inside:
            return False
        if self._leads_to_name(j - 1) if "عن" in forms else self.is_title(j - 1):
            return True  # (الشهر الماضي من مواقع …: an adjective before من is no title)
        prev = self.tokens[j - 1].norm  # a title and its modifier (الرئيس المشارك عن)
        return j >= 2 and prev.startswith("ال") and self.is_title(j - 2)

    def is_title(self, j: int) -> bool:
        """A title word outside any mention (المتحدث، نائبة، الرئيس)."""
        return (
            0 <= j < len(self.tokens)
            and j not in self.inside
            and bool(word_forms(self.tokens[j].norm) & _titles())
        )

    def _leads_to_name(self, j: int) -> bool:
        """A title, a head noun or an adjective before a name, or a name inside a title."""
        if j in self.inside:
            return True
        norm = self.tokens[j].norm
        return bool(word_forms(norm) & _titles()) or is_adjective(norm)


def _mentions(tokens: list[Token], spans: list[Span]) -> list[Mention]:
    out = []
    j = 0
    for sp in spans:
        while j < len(tokens) and tokens[j].end <= sp.start:
            j += 1
        if j == len(tokens):
            break
        first = j
        stop = first
        while stop < len(tokens) and tokens[stop].start < sp.end:
            stop += 1
        if stop > first:
            out.append(Mention(first, stop, sp))
    return out


def sentence_views(doc: Document) -> list[SentenceView]:
    """A view of every sentence of the body (the whole text when it was not segmented)."""
    sentences = doc.sentences or [Span(0, len(doc.clean_text), "sentence")]
    entities = sorted(
        (
            s
            for s in doc.spans.get("entities", [])
            if s.attrs.get("actor") and s.attrs.get("source") != "dateline"
        ),
        key=lambda s: s.start,
    )
    timexes = sorted(doc.spans.get("timex", []), key=lambda s: s.start)
    boundary_words = event_words()["boundary"]
    punct = event_words()["punctuation"]
    views = []
    k = 0
    for sent in sentences:
        tokens = tokenize(doc.clean_text[sent.start : sent.end], sent.start)
        while k < len(entities) and entities[k].start < sent.start:
            k += 1
        spans = []
        while k < len(entities) and entities[k].start < sent.end:
            spans.append(entities[k])
            k += 1
        mentions = _mentions(tokens, spans)
        view = SentenceView(sent.start, sent.end, tokens, mentions)
        for m in mentions:
            view.starts.setdefault(m.first, m)
            for i in range(m.first, m.stop):
                view.inside.setdefault(i, m)
        dated = [t for t in timexes if t.start < sent.end and sent.start < t.end]
        for i, tok in enumerate(tokens):
            if any(t.start < tok.end and tok.start < t.end for t in dated):
                view.dates.add(i)
            if tok.norm in punct or (
                function_forms(tok.norm) & boundary_words and i not in view.inside
            ):
                view.boundaries.append(i)
        views.append(view)
    return views


def is_head_word(norm: str) -> bool:
    """A title or a place's head word (الرئيس، مدينة، منطقة), with its clitics read off."""
    return bool(word_forms(norm) & _titles())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words of a role phrase or a place's head (الرئيس، وزير، الخارجية، نظيره، بلدة): they
    stand between a preposition or a verb and the name."""
    words = entity_words()
    return words["title"] | words["mod"] | words["town"] | words["area"] | event_words()["title"]
