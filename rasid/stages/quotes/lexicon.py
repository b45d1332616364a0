"""The quotes stage's word lists, read from ``rasid/data`` (cues and closed word classes).

Cues and the small word classes around them change as new outlets are read; they are data
(``quote_cues.tsv``, ``quote_words.tsv``) so that adding a cue never touches the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic
from rasid.wordlists import word_classes


@dataclass(frozen=True)
class Cue:
    """One row of ``quote_cues.tsv``: a cue's stem, kind and what its complement looks like."""

    stem: str
    kind: str  # verb | participle | noun | preposition
    complement: str  # that | any | request | describe | relay | source
    needs_comp: bool


def _rows(name: str) -> list[list[str]]:
    text = resources.files("rasid.data").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, Cue]:
    """Normalized inflected form → its cue (the header row is skipped)."""
    forms: dict[str, Cue] = {}
    for stem, kind, complement, needs, words in _rows("quote_cues.tsv")[1:]:
        cue = Cue(normalize_arabic(stem), kind, complement, needs == "yes")
        for form in words.split():
            forms.setdefault(normalize_arabic(form), cue)
    return forms


def words() -> dict[str, frozenset[str]]:
    """Word class (``comp``, ``anonymous``, ``outlet``, …) → its normalized words."""
    return word_classes("quote_words.tsv")
