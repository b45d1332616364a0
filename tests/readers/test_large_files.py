"""Big scrapes: a 50 MB page file must be read whole, quickly, in any supported encoding."""

from __future__ import annotations

import time

import pytest

from rasid.readers import read_path

from .samples import ARABIC_NEWS

FIFTY_MB = 50 * 2**20


@pytest.mark.slow
@pytest.mark.parametrize(("codec", "reported"), [("utf-8", "utf-8"), ("cp1256", "windows-1256")])
def test_50_mb_text_file_is_read_whole_in_seconds(tmp_path, codec, reported):
    chunk = ARABIC_NEWS.encode(codec)
    repeats = FIFTY_MB // len(chunk) + 1
    path = tmp_path / "archive.txt"
    path.write_bytes(chunk * repeats)
    assert path.stat().st_size >= FIFTY_MB

    started = time.perf_counter()
    (page,) = read_path(path)
    elapsed = time.perf_counter() - started

    assert page.encoding == reported
    assert len(page.text) == len(ARABIC_NEWS) * repeats
    assert page.text.endswith(ARABIC_NEWS)
    assert elapsed < 10, f"reading 50 MB took {elapsed:.1f} s"
