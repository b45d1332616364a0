"""Cue words: which tokens of a sentence can introduce a quote, and how.

A cue is looked up by its normalized form with the clitics a news sentence glues to it
(وقال، فأضاف، وبحسب) and, for verbs, an object pronoun (حثهما، اعتبرته) taken off: the
lexicon lists inflections, not every clitic combination.
"""

from __future__ import annotations

from rasid.stages.entities.tokens import Token, clitic_candidates
from rasid.stages.quotes.lexicon import Cue, cue_forms

_OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")


def cue_of(token: Token) -> Cue | None:
    """The cue ``token`` is a form of, or None."""
    forms = cue_forms()
    norm = token.norm
    if norm in forms:
        return forms[norm]
    for _drop, rest in clitic_candidates(norm):
        if rest in forms:
            return forms[rest]
    if token.text.endswith("ة"):  # ة is a noun's ending, never an object pronoun
        return None
    for suffix in _OBJECT_SUFFIXES:
        stem = norm[: -len(suffix)]
        if norm.endswith(suffix) and len(stem) >= 2:
            for candidate in (stem, *(rest for _d, rest in clitic_candidates(stem))):
                cue = forms.get(candidate)
                if cue is not None and cue.kind == "verb":
                    return cue
    return None
