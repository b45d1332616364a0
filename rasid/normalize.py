"""The one Arabic normalization every comparison of names and search terms goes through.

Arabic news spells the same word many ways (أردوغان/إردوغان, فائز/فايز, مدينة/مدينه, with or
without diacritics and tatweel, Eastern or Western digits). Comparing any two strings in
rasid means comparing their ``normalize_arabic`` forms; the original text is never replaced,
so offsets stay valid.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITIC_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff"
_INVISIBLE_CHARS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
_DIACRITICS = re.compile(f"[{_DIACRITIC_CHARS}]")
_TATWEEL = "\u0640"
# what normalization drops: diacritics, tatweel, invisible direction marks
DROPPED = re.compile(f"[{_DIACRITIC_CHARS}{_TATWEEL}{_INVISIBLE_CHARS}]")
_INVISIBLES = re.compile(f"[{_INVISIBLE_CHARS}]")

_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",  # Persian kaf
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
        "٫": ".",
        "٬": ",",
        "،": ",",
        "؛": ";",
        "؟": "?",
    }
)

ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


_LETTER_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه"}
)


def fold_letters(text: str) -> str:
    """Only the letter folds of :func:`normalize_arabic`, length-preserving.

    For text that is not plain words — regular expressions written in ordinary spelling
    that must match normalized text — where lower-casing or removing characters would
    change its meaning.
    """
    return text.translate(_LETTER_FOLD)


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun, superscript alef, Quranic marks and tatweel."""
    return _DIACRITICS.sub("", text).replace(_TATWEEL, "")


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants of Arabic that should compare equal.

    Hamza/madda alef forms → ا, ى → ي, ئ → ي, ؤ → و, ة → ه, diacritics and tatweel removed,
    invisible direction marks removed, Arabic-Indic digits → ASCII, presentation forms
    unfolded (NFKC), lower-cased Latin, whitespace collapsed.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLES.sub("", text)
    text = strip_diacritics(text)
    text = text.translate(_CHAR_MAP).lower().replace("يء", "ي")  # الطوارىء = الطوارئ
    return " ".join(text.split())


def digits_to_ascii(text: str) -> str:
    """Eastern Arabic and Persian digits to ASCII, same length (offsets stay valid)."""
    return text.translate(
        {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}
    )


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic: a cheap, dependable language signal for news text."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    return len(ARABIC_LETTER.findall(text)) / letters


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`normalize_arabic`'s letter and digit folding, keeping a map back to ``text``.

    Returns the folded text and, for each of its characters, the index of the character in
    ``text`` it came from, so a match found in the folded text can be reported at its place
    in the original. Diacritics, tatweel and invisible marks are dropped; nothing else is
    (whitespace is kept as it is, so the map stays simple).
    """
    if DROPPED.search(text) is None:
        where = list(range(len(text)))
    else:
        where = [i for i, ch in enumerate(text) if not DROPPED.match(ch)]
    folded = DROPPED.sub("", text).translate(_CHAR_MAP).lower()
    if len(folded) != len(where):  # a character whose lower case is longer ("İ"): go slowly
        folded = "".join(text[i].translate(_CHAR_MAP).lower()[:1] for i in where)
    return folded, where


_SKELETON_MAP = str.maketrans({"غ": "ج", "ش": "س", "ص": "س", "ث": "س", "ذ": "ز", "ظ": "ز"})
_SKELETON_MAP.update(str.maketrans({"ض": "د", "ط": "ت", "ق": "ك", "ه": ""}))
_LONG_VOWELS = re.compile("(?<=.)[اوي]")


def name_skeleton(name: str) -> str:
    """A name folded past spelling into its consonant frame, for matching transliterations.

    On top of :func:`normalize_arabic`: the article dropped from each word, letters that
    render one foreign sound folded (غ/ج for g: سيرغي = سيرجي; ش/س, ص/س, ث/س; ق/ك; ط/ت;
    ض/د; ذ/ز, ظ/ز), long vowels after a word's first letter and final ه/ة dropped
    (غوتيريش = جوتيريس, لافروف = لافروف). Too coarse to decide identity alone: callers
    use it for candidates and confirm with type and context.
    """
    words = []
    for word in normalize_arabic(name).split():
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        folded = _LONG_VOWELS.sub("", word.translate(_SKELETON_MAP))
        words.append(folded or word)
    return " ".join(words)
