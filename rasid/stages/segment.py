"""Segment stage: paragraphs and sentences as character spans of the clean text.

Arabic news sentences end in . ! ? ؟ or … but also run on through long comma chains; a
sentence boundary is only placed at terminal punctuation (optionally followed by closing
quotes or brackets) and at paragraph breaks, never inside numbers such as 3.5 or dates.
"""

from __future__ import annotations

import re

from rasid.document import Document, Span
from rasid.pipeline import stage

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟…]+(?!\d)[\"'”»)\]]*(?=\s|$)|[!?؟]+")


def paragraph_spans(text: str) -> list[Span]:
    """Blank-line separated blocks, trimmed of surrounding whitespace."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Span(start, end, "paragraph", text[start:end]))
    return spans


def sentence_spans(text: str, paragraphs: list[Span]) -> list[Span]:
    """Split each paragraph at terminal punctuation; a paragraph always ends a sentence."""
    spans: list[Span] = []
    for para in paragraphs:
        pos = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            end = m.end()
            _append_trimmed(spans, text, pos, end)
            pos = end
        _append_trimmed(spans, text, pos, para.end)
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(c.isalnum() for c in text[start:end]):
        spans.append(Span(start, end, "sentence", text[start:end]))


@stage("segment", requires={"clean_text"}, provides={"paragraphs", "sentences"})
def segment_stage(doc: Document) -> Document:
    doc.paragraphs = paragraph_spans(doc.clean_text)
    doc.sentences = sentence_spans(doc.clean_text, doc.paragraphs)
    return doc
