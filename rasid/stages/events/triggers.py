"""Where the triggers are: lexicon words of a sentence that name an action.

A verb or a free verbal noun is a trigger wherever it stands; a ``light`` noun (سيطرة،
عملية، ترحيب) only after a light verb (أعلن سيطرته، شنت عملية) or with a possessive
pronoun, since alone it is usually a topic (التعاون العسكري) rather than a reported act.
Words inside an entity mention are never triggers (مؤتمر برلين is a name).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.stages.events.lexicon import Entry, lookup
from rasid.stages.events.view import SentenceView

LIGHT_WINDOW = 10  # words between a light verb and its noun (its subject's title, a date)
_POSSESSIVE = ("ه", "ها", "هما", "هم")


@dataclass
class Trigger:
    """A trigger token; ``light`` is the light verb's token when one governs it."""

    index: int
    entry: Entry
    future: bool
    light: int | None = None


def find_triggers(view: SentenceView) -> list[Trigger]:
    """Triggers of one sentence, in order."""
    out: list[Trigger] = []
    last_light: int | None = None
    for i, tok in enumerate(view.tokens):
        if i in view.inside:
            continue
        match = lookup(tok.norm)
        if match is None:
            continue
        entry = match.entry
        if entry.pos == "lightverb":
            last_light = i
            continue
        if entry.pos == "verb":
            last_light = None  # a light verb governs only the nouns before the next verb
        light = None
        if entry.pos in ("noun", "light") and last_light is not None:
            lo, _hi = view.clause(i)
            if last_light >= lo and i - last_light <= LIGHT_WINDOW:
                light = last_light
        if entry.pos == "light" and light is None and not tok.norm.endswith(_POSSESSIVE):
            continue
        out.append(Trigger(i, entry, match.future, light))
    return out
