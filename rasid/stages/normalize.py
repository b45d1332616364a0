"""Normalize stage: make the clean text safe to index and mark its language.

Runs before any span exists, so it may still change ``clean_text``: it removes invisible
direction marks and zero-width characters (scraped Arabic is full of them, and they break
matching and offsets downstream) and unfolds Arabic presentation forms. Comparison forms come
from :func:`rasid.normalize.normalize_arabic`; the text itself keeps its spelling.
"""

from __future__ import annotations

import re
import unicodedata

from rasid.document import Document
from rasid.normalize import arabic_ratio
from rasid.pipeline import stage

_INVISIBLE = re.compile("[\u200b-\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_LETTER = re.compile(r"[^\W\d_]")
LANGUAGE_SAMPLE = 4000  # characters; a news article's language is clear well before that
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")


def clean_characters(text: str) -> str:
    """Drop invisible marks, unfold presentation forms, unify line ends and spaces."""
    text = _INVISIBLE.sub("", text)
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    return text


def detect_language(text: str) -> str:
    """'ar' for Arabic text, 'und' for text without letters, else 'other'.

    Coarse on purpose: rasid analyses Arabic and only needs to know when a page is not.
    """
    sample = text[:LANGUAGE_SAMPLE]
    if len(_LETTER.findall(sample)) < 20:
        return "und"
    return "ar" if arabic_ratio(sample) >= 0.5 else "other"


@stage("normalize", requires={"clean_text"}, provides={"language"})
def normalize_stage(doc: Document) -> Document:
    doc.clean_text = clean_characters(doc.clean_text)
    doc.language = detect_language(doc.clean_text)
    return doc
