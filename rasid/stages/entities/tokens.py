"""Tokens with character offsets, and where a token's attached clitics end.

The tagger reads tokens the way its training corpora wrote them (clitics stay on the word,
punctuation stands alone); everything after it reports character offsets into the clean
text. A mention excludes the conjunction or preposition glued to its first word
("وبغداد" → "بغداد"). In "للأمم المتحدة" the first ل is the preposition and the second is
what is left of the name's article, so the mention is "لأمم المتحدة" and the name is shown
and compared with its article whole: "الأمم المتحدة".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.normalize import DROPPED, normalize_arabic
from rasid.wordlists import word_classes

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:\.(?=\s))?|[^\w\s]")
_ABBREVIATION = re.compile(r"^(?:د|م|أ|ج)\.$")  # د. م. أ. ج. stay whole; other dots split


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # normalize_arabic(text)


@lru_cache(maxsize=200_000)
def _norm(word: str) -> str:
    return normalize_arabic(word)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation marks of ``text``; offsets shifted by ``offset``."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        start = m.start() + offset
        if word.endswith(".") and len(word) > 1 and not _ABBREVIATION.match(word):
            core = word[:-1]
            out.append(Token(start, start + len(core), core, _norm(core)))
            out.append(Token(start + len(core), start + len(word), ".", "."))
            continue
        out.append(Token(start, start + len(word), word, _norm(word)))
    return out


def entity_words() -> dict[str, frozenset[str]]:
    """``rasid/data/entity_words.tsv``: kind → normalized words."""
    return word_classes("entity_words.tsv")


# Prefix groups in normalized spelling, longest first, with how many letters are clitics.
# "لل" drops one letter: the second ل is the article (its alef elided) and stays.
_ARTICLE_GROUPS = (("وبال", 2), ("وكال", 2), ("فبال", 2), ("وال", 1), ("فال", 1), ("بال", 1))
_ARTICLE_GROUPS += (("كال", 1), ("ولل", 2), ("فلل", 2), ("لل", 1))
_LETTERS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=65536)
def clitic_candidates(norm: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a normalized word as clitics + rest: (letters dropped, rest as a name).

    Sure readings (before the article) come alone; a bare letter is only a candidate, and
    the caller decides with what it knows about the word.
    """
    for group, drop in _ARTICLE_GROUPS:
        if norm.startswith(group) and len(norm) - len(group) >= 2:
            rest = norm[drop:]
            if group.endswith("لل"):
                rest = "ا" + norm[drop:]
            return ((drop, rest),)
    return tuple(
        (len(letters), norm[len(letters) :])
        for letters in _LETTERS
        if norm.startswith(letters) and len(norm) - len(letters) >= 3
    )


@lru_cache(maxsize=65536)
def word_forms(norm: str) -> frozenset[str]:
    """A normalized word and every reading of it without clitics ("ووزير" → ووزير, وزير).

    After "لل" a noun that itself begins with ل keeps only two of its three lams
    ("للواء" = ل + اللواء), so that reading is added too.
    """
    forms = {norm, *(rest for _drop, rest in clitic_candidates(norm))}
    if norm.startswith("لل") and len(norm) >= 4:
        forms.add("ا" + norm)
    return frozenset(forms)


def bare(norm: str, words: frozenset[str]) -> str | None:
    """``norm`` or its clitic-stripped form if one of them is in ``words``."""
    if norm in words:
        return norm
    for _drop, rest in clitic_candidates(norm):
        if rest in words:
            return rest
    return None


def is_adjective(norm: str) -> bool:
    """ال…ي / ال…يه: the shape of nisba adjectives (الليبي، الروسية), which continue a role
    phrase or an organisation's name but are never a place or a person on their own."""
    return norm.startswith("ال") and len(norm) >= 5 and norm.endswith(("ي", "يه"))


def has_tanween(text: str) -> bool:
    """An indefinite accusative ending ("ليبياً", "كبيراً"): an adverb or adjective, never a
    name, which Arabic news does not decline that way."""
    return "\u064b" in text[-2:]


def is_definite_plural(norm: str) -> bool:
    """ال…ين / ال…ون: a definite masculine plural ("الحوثيين", "الناشئين"), a group or a common
    noun, never a person's name or the end of an organisation's."""
    return norm.startswith("ال") and norm.endswith(("ين", "ون"))


# first words that only begin a compound name: "عبد" of عبد الحميد, "أبو" of أبو مازن
COMPOUND_STARTS = frozenset({"عبد", "ابو", "بن", "ابن", "ام", "ولد"})


def raw_offset(text: str, letters: int) -> int:
    """Characters of ``text`` that hold its first ``letters`` letters (diacritics skipped)."""
    seen = 0
    for i, ch in enumerate(text):
        if DROPPED.match(ch):
            continue
        if seen == letters:
            return i
        seen += 1
    return len(text)


def sentence_bounds(sentences: list[list[int]]) -> list[tuple[int, int]]:
    """(first token, index after the last) of each non-empty sentence."""
    return [(s[0], s[-1] + 1) for s in sentences if s]
