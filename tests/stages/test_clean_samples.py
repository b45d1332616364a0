"""The two real scraped pages in ../shared/samples must come out clean.

They are read from the shared folder (never copied into the repo); the test is skipped where
that folder is absent. Assertions are about properties every clean article has, not about
particular lines.
"""

from pathlib import Path

import pytest

from rasid.document import Page
from rasid.pipeline import default_pipeline

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
CHROME = ("آخر الأخبار", "المصدر", "مقالات ذات صلة", "اترك تعليقاً", "بريدك الإلكتروني", "زر الذهاب")


def _sample(name: str) -> str:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["page_a.txt", "page_b.txt"])
def test_real_sample_page_comes_out_as_one_clean_article(name):
    raw = _sample(name)
    (doc,) = default_pipeline().process(Page(name, "txt", text=raw))
    paragraphs = doc.clean_text.split("\n\n")
    prose_blocks = [b for b in raw.split("\n\n") if b.strip().endswith((".", ".”", "”."))]
    assert len(paragraphs) == len(prose_blocks)  # hard wraps joined, nothing split or lost
    assert all("\n" not in p for p in paragraphs)
    assert not any(chrome in doc.clean_text for chrome in CHROME)
    assert doc.headline is not None and doc.headline.value not in doc.clean_text
    assert raw[doc.headline.start : doc.headline.end] == doc.headline.value
    assert doc.language == "ar"
