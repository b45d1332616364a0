"""Tables for the evaluation reports: aligned plain text, or GitHub markdown for BENCHMARKS.md."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_NUMERIC = re.compile(r"–|-?\d+(\.\d+)?")


def render_table(headers: Sequence[str], cells: Sequence[Sequence[str]], markdown: bool) -> str:
    """Already-formatted cells as a table; columns of numbers (or "–") are right-aligned."""
    numeric = [all(_NUMERIC.fullmatch(r[i]) for r in cells) for i in range(len(headers))]
    if markdown:
        rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
        body = ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(["| " + " | ".join(headers) + " |", rule, *body])
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric, strict=True)
        ).rstrip()

    head = line(headers)
    return "\n".join([head, "-" * len(head), *(line(r) for r in cells)])


def fmt(value: Any) -> str:
    """A cell: "–" for no value, three decimals for a float."""
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render_rows(headers: Sequence[str], rows: Sequence[Sequence[Any]], markdown: bool) -> str:
    """:func:`render_table` for raw values, formatted with :func:`fmt`."""
    return render_table(headers, [[fmt(c) for c in row] for row in rows], markdown)


def print_header(title: str, info: dict[str, str], notes: Sequence[str], markdown: bool) -> None:
    """A report's title, the machine facts and the notes, as markdown or aligned text."""
    print(f"## {title}" if markdown else f"{title.upper()} EVALUATION")
    print()
    for k, v in info.items():
        print(f"- {k}: {v}" if markdown else f"{k:>12}: {v}")
    for note in notes:
        print(f"- {note}" if markdown else f"{'':>12}  {note}")
    print()
