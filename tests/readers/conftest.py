"""Fixtures for the reader tests: a way to make paths unreadable, even for root."""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def make_unreadable(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """``make_unreadable(path)`` makes a file or folder unreadable for the code under test.

    It removes all permissions; when that does not stop reading (tests running as root),
    it also makes ``open`` and ``os.scandir`` fail with "Permission denied" for that path,
    so the test checks the same behaviour either way.
    """
    blocked: set[str] = set()
    changed: list[tuple[Path, int]] = []
    real_open, real_scandir = builtins.open, os.scandir

    def deny_if_blocked(target: object) -> None:
        if isinstance(target, str | os.PathLike) and os.path.abspath(target) in blocked:
            raise PermissionError(13, "Permission denied", os.fspath(target))

    def fake_open(file, *args, **kwargs):
        deny_if_blocked(file)
        return real_open(file, *args, **kwargs)

    def fake_scandir(path="."):
        deny_if_blocked(path)
        return real_scandir(path)

    def make(path: Path) -> None:
        mode = path.stat().st_mode
        path.chmod(0)
        changed.append((path, mode))
        try:
            if path.is_dir():
                real_scandir(path).close()
            else:
                real_open(path, "rb").close()
        except PermissionError:
            return  # the permissions do the job
        blocked.add(os.path.abspath(path))
        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(os, "scandir", fake_scandir)

    yield make
    for path, mode in changed:
        path.chmod(mode)  # so that pytest can remove tmp_path
