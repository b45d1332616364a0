"""Closed word classes kept as data: ``kind<TAB>word`` files in ``rasid/data``.

Stages keep their Arabic word lists (titles, prepositions, clause breaks, speech nouns…) as
data so a list can grow without touching rules; they all share this one reader, so every
list is read the same way and compared in the one normalization.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rasid.normalize import normalize_arabic


@cache
def word_classes(name: str) -> dict[str, frozenset[str]]:
    """``rasid/data/<name>`` as kind → normalized words (blank and ``#`` lines skipped)."""
    text = resources.files("rasid.data").joinpath(name).read_text("utf-8")
    kinds: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")
        kinds.setdefault(kind, set()).add(normalize_arabic(word))
    return {k: frozenset(v) for k, v in kinds.items()}
