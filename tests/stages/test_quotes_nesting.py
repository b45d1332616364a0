"""Nested quotes form a tree: the attribution chain of any quote ends."""

from __future__ import annotations

from types import SimpleNamespace

from rasid.stages.quotes import _chain, _nest


def _quote(start: int, end: int, cue: int) -> SimpleNamespace:
    return SimpleNamespace(
        start=start, end=end, cue=SimpleNamespace(start=cue), parent=None, relays=[], speaker=None
    )


def test_quotes_whose_cues_lie_in_each_others_content_do_not_hold_each_other() -> None:
    a, b = _quote(10, 60, cue=70), _quote(50, 90, cue=20)  # a's cue in b, b's cue in a
    _nest([a, b])
    assert not (a.parent is b and b.parent is a)
    for q in (a, b):
        _chain(q, None)  # ends


def test_the_tightest_longer_content_holds_a_nested_quote() -> None:
    outer, middle, inner = _quote(0, 100, cue=0), _quote(10, 80, cue=5), _quote(30, 40, cue=20)
    _nest([outer, middle, inner])
    assert inner.parent is middle and middle.parent is outer and outer.parent is None
