"""A temporal expression as the time stage reports it (see docs/timex.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

TYPES = ("date", "time", "duration", "interval", "set")


@dataclass
class Timex:
    """One temporal expression: where it is, what kind, and the value it stands for."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False
    anchor: str | None = None
    relative: dict[str, int | str] | None = None
    calendar: str = "gregorian"
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
