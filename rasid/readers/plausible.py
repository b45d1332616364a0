"""Does a decoding look like real text? The judge behind every non-UTF-8 guess.

Single-byte codecs decode almost any bytes without error, so "it decoded" proves nothing:
ISO-8859-6 Arabic read as Windows-1256 comes out as Arabic words sprinkled with à, ç, è;
Windows-1256 read as Windows-1252 comes out as ``ÇáÕÍÉ``; UTF-8 Arabic read as
Windows-1256 comes out as ``ط§ظ„``. Each of these leaves traces in the words that real text
never has, and :func:`text_stats` counts them. Only non-ASCII characters are looked at:
ASCII reads the same in every codec considered, so it carries no evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")
# C0 controls except tab, line breaks (Word exports use \x0b), form feed and escape; C1; U+FFFD.
_BAD = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
_TANWEEN = "\u064b\u064c\u064d"
# Marks that sit inside ordinary Latin words: apostrophes, hyphens, middle dot.
_WORD_INNER = "\u2019\u2018\u2010\u2011\u00b7\u00ad"


@lru_cache(maxsize=4096)
def _kind(ch: str) -> str:
    """'ar' (Arabic letter), 'arx' (other Arabic-block char), 'latin', 'letter', 'mark',
    'control', 'bad' (unassigned, private use, surrogate) or 'other' (punctuation, symbols)."""
    code = ord(ch)
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return "control"  # counted by _BAD
    if cat in ("Cn", "Co", "Cs"):
        return "bad"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFC:
        return "ar" if cat.startswith("L") and 0x0621 <= code <= 0x064A else "arx"
    if cat.startswith("L"):
        return "latin" if unicodedata.name(ch, "").startswith("LATIN") else "letter"
    if cat.startswith("M"):
        return "mark"
    return "other"


# Scripts that share words: Japanese mixes kanji and kana, Korean may mix hangul and hanja.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "FULLWIDTH": "CJK"}


def _script(ch: str) -> str:
    script = unicodedata.name(ch, "?").split(" ", 1)[0]
    return _SCRIPT_FAMILY.get(script, script)


@dataclass
class TextStats:
    """Evidence about the non-ASCII part of a decoded sample."""

    bad: int = 0  # controls, unassigned or private-use characters, U+FFFD
    arabic_letters: int = 0  # core Arabic letters ء..ي
    arabic_other: int = 0  # other Arabic-block characters: marks, ، ؛ ؟, digits, Persian letters
    tah_zah: int = 0  # ط and ظ: the lead bytes of UTF-8 Arabic read as Windows-1256
    non_ascii: int = 0  # all non-ASCII, non-space characters
    arabic_tokens: int = 0
    mixed_tokens: int = 0  # Arabic letters next to non-ASCII letters of another script
    misplaced_tanween: int = 0  # tanween followed by a letter: impossible in Arabic
    foreign_tokens: int = 0  # tokens with non-ASCII letters but no Arabic
    garbled_tokens: int = 0  # ...that look like mojibake (see _garbled)

    @property
    def arabic_share(self) -> float:
        return (self.arabic_letters + self.arabic_other) / self.non_ascii if self.non_ascii else 0.0


def _garbled(token: str) -> bool:
    """A non-Arabic token that real text would not contain.

    Mojibake words are mostly accented letters (``ÇáÕÍÉ``), have symbols between letters
    (``Ø§Ù„``) or mix scripts (``ÐŸÑ€``, ``Ѓdж``); real French, Czech or Russian words do
    not. Chinese and Japanese run words together with punctuation, so only the script test
    applies to them.
    """
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 3:
        return False
    scripts = {_script(c) for c in letters if not c.isascii()}
    if len(scripts) > 1:
        return True
    if scripts == {"CJK"}:
        return False
    if scripts != {"LATIN"}:
        return any(c.isascii() for c in letters)
    if sum(not c.isascii() for c in letters) / len(letters) >= 0.6:
        return True
    inner = token.strip(".,;:!?\"'()[]{}«»“”‘’…-–—")
    return any(
        not c.isascii() and not c.isalnum() and not c.isspace() and c not in _WORD_INNER
        for c in inner
    )


def text_stats(text: str) -> TextStats:
    """Count the traces of a wrong decoding in ``text`` (see the module docstring)."""
    stats = TextStats(bad=len(_BAD.findall(text)))
    for token in _TOKEN.findall(text):
        kinds = [_kind(c) for c in token if not c.isascii()]
        stats.non_ascii += len(kinds)
        stats.bad += kinds.count("bad")
        ar = kinds.count("ar")
        stats.arabic_letters += ar
        stats.arabic_other += kinds.count("arx")
        stats.tah_zah += token.count("ط") + token.count("ظ")
        if ar:
            stats.arabic_tokens += 1
            if "latin" in kinds or "letter" in kinds:
                stats.mixed_tokens += 1
            stats.misplaced_tanween += sum(
                1 for a, b in pairwise(token) if a in _TANWEEN and b.isalpha()
            )
        elif "latin" in kinds or "letter" in kinds:
            stats.foreign_tokens += 1
            stats.garbled_tokens += _garbled(token)
    return stats


def arabic_score(stats: TextStats) -> float | None:
    """How well a decoding reads as Arabic text, or ``None`` if it does not.

    Needs: nothing invalid, a few Arabic letters, most non-ASCII characters Arabic, almost
    no Arabic word with foreign letters in it, tanween only at word ends, and ط/ظ at
    their normal rate rather than every other letter.
    """
    if stats.bad or stats.arabic_letters < 3 or stats.arabic_share < 0.7:
        return None
    if stats.mixed_tokens + stats.misplaced_tanween > 0.03 * stats.arabic_tokens:
        return None
    if stats.tah_zah > 0.3 * stats.arabic_letters:
        return None
    return stats.arabic_letters - 10 * (stats.mixed_tokens + stats.misplaced_tanween)


def reads_as_text(stats: TextStats) -> bool:
    """Whether a (non-Arabic) decoding is plausible: nothing invalid and little mojibake."""
    if stats.bad:
        return False
    if stats.arabic_letters and arabic_score(stats) is None:
        return False  # Arabic letters scattered through Latin text: a wrong codec
    return stats.garbled_tokens <= 0.2 * stats.foreign_tokens
