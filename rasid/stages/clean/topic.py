"""Topic cohesion: do two stretches of text speak about the same things?

Some pages print a second, unrelated article right under the first with nothing but its
headline in between — no share bar, no comment form, no date. A headline-like line between
two paragraphs is then either a section heading (the text goes on about the same people,
places and subjects) or the headline of another story (the vocabulary changes). Measured on
real article bodies (eval/clean_eval.py's SaudiNewsNet pages), the content-word overlap
between the halves of one article has a median of 0.17 and between two different articles
0.03; the threshold sits between them.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic

SAME_TOPIC_MIN = 0.06
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE = ("وال", "بال", "فال", "كال", "لل", "ال")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("rasid.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        normalize_arabic(w) for w in text.split("\n") if w.strip() and not w.startswith("#")
    )


def content_words(text: str) -> set[str]:
    """Normalized content words with the article and a leading و/ف/ب stripped."""
    stop = stopwords()
    out = set()
    for word in _WORD.findall(normalize_arabic(text)):
        for prefix in _ARTICLE:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        else:
            if word[:1] in "وفب" and len(word) > 4:
                word = word[1:]
        if len(word) >= 3 and word not in stop:
            out.add(word)
    return out


def cohesion(a: str, b: str) -> float:
    """Overlap of the content-word sets of ``a`` and ``b`` (cosine of binary vectors)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / math.sqrt(len(wa) * len(wb))


def same_topic(a: str, b: str) -> bool:
    return cohesion(a, b) >= SAME_TOPIC_MIN
