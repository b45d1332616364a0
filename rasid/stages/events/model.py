"""The event record the stage builds before writing it as a span (docs/events.md)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Event:
    """An event before it is written as a span."""

    start: int
    end: int
    type: str
    mode: str | None
    lemma: str
    sentence: tuple[int, int]
    source: list[dict]
    target: list[dict]
    place: dict | None
    date: dict | None
    modality: str
    quote: str | None = None
    index: int = -1  # token index in its sentence (for rules that look at neighbours)
    extra: dict = field(default_factory=dict)

    def attrs(self, n: int) -> dict:
        return {
            "id": f"e{n}",
            "type": self.type,
            "mode": self.mode,
            "trigger_lemma": self.lemma,
            "sentence": list(self.sentence),
            "source": self.source,
            "target": self.target,
            "place": self.place,
            "date": self.date,
            "modality": self.modality,
            "quote": self.quote,
        }
