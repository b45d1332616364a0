"""Cue words: which tokens of a sentence can introduce a quote, and how.

A cue is looked up by its normalized form with the clitics a news sentence glues to it
(وقال، فأضاف، وبحسب) and, for verbs, an object pronoun (حثهما، اعتبرته) taken off: the
lexicon lists inflections, not every clitic combination.
"""

from __future__ import annotations

from functools import lru_cache

from rasid.stages.entities.tokens import Token, clitic_candidates
from rasid.stages.quotes.lexicon import Cue, cue_forms

_OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")
_CONJUNCTIONS = ("و", "ف")  # glued even to two-letter verbs (وحث، فرد)


def cue_of(token: Token) -> Cue | None:
    """The cue ``token`` is a form of, or None."""
    if token.text.endswith("ة"):  # ة ends a noun or an adjective (تابعة), never a verb
        return cue_forms().get(token.norm)
    return _cue(token.norm)


@lru_cache(maxsize=65536)
def _cue(norm: str) -> Cue | None:
    forms = cue_forms()
    bare = _bare(norm)
    for candidate in bare:
        if candidate in forms:
            return forms[candidate]
    for suffix in _OBJECT_SUFFIXES:
        stem = norm[: -len(suffix)]
        if norm.endswith(suffix) and len(stem) >= 2:
            for candidate in _bare(stem):
                cue = forms.get(candidate)
                if cue is not None and cue.kind == "verb":
                    return cue
    return None


def _bare(norm: str) -> list[str]:
    """``norm`` and its readings without clitics, the word itself first."""
    out = [norm, *(rest for _drop, rest in clitic_candidates(norm))]
    if norm[:1] in _CONJUNCTIONS and len(norm) >= 3:
        out.append(norm[1:])
    return out
