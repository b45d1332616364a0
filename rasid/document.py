"""The typed document model every stage reads and writes.

A scraped file becomes a :class:`Page` (what the reader saw: decoded text or HTML plus any
metadata the container carried). The clean stage turns a page into one or more
:class:`Document` objects, one per article on the page. Every later stage adds
:class:`Span` objects whose offsets point into ``Document.clean_text`` so that any result can
be highlighted in the source.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.4"


@dataclass
class Page:
    """One unit of input as a reader produced it, before any cleaning.

    ``text`` is set for plain-text pages and ``html`` for markup; a JSONL record may carry
    either. ``meta`` holds whatever the container said about the page (url, title, date,
    outlet from JSONL fields or WARC headers) under those plain keys.
    """

    source: str
    format: str  # "txt" | "html" | "jsonl" | "warc"
    text: str | None = None
    html: str | None = None
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    position: int | None = None  # line number in a JSONL file, record number in a WARC file

    @property
    def content(self) -> str:
        return self.html if self.html is not None else (self.text or "")

    @property
    def page_id(self) -> str:
        """Content-derived id: the same page read twice (any encoding, any path) gets it."""
        body = self.content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()
        return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]


@dataclass
class Span:
    """A stretch of ``Document.clean_text`` with a label and stage-specific attributes."""

    start: int
    end: int
    label: str
    text: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Found:
    """A value a stage found, with how it was found and where.

    ``start``/``end`` are offsets into the text named by ``where`` ("raw" for the page as
    read, "clean" for the document's clean text) or ``None`` when the value came from
    metadata that has no position in the text.
    """

    value: str
    method: str
    where: str | None = None
    start: int | None = None
    end: int | None = None
    normalized: str | None = None  # e.g. a date's ISO 8601 value, set by the time stage


@dataclass
class Actor:
    """Someone or something a document names, with every way it names them.

    ``id`` is corpus-wide once documents are linked (:mod:`rasid.stages.link`); ``aliases``
    are the distinct surface forms of its mentions, ``roles`` the titles and epithets the
    outlet used for it, in order of first use.
    """

    id: str
    type: str
    name: str
    mentions: int
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One article. Offsets of every span are into ``clean_text``."""

    id: str
    page_id: str
    article_index: int
    source: str
    format: str
    url: str | None = None
    encoding: str | None = None
    raw_text: str = ""
    clean_text: str = ""
    headline: Found | None = None
    subheadline: Found | None = None
    outlet: Found | None = None
    page_date: Found | None = None
    published: Found | None = None
    language: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # "possible_republication", …
    actors: list[Actor] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)

    @staticmethod
    def make_id(page_id: str, article_index: int) -> str:
        return page_id if article_index == 0 else f"{page_id}-{article_index + 1}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["schema_version"] = SCHEMA_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        data.pop("schema_version", None)
        for key in ("headline", "subheadline", "outlet", "page_date", "published"):
            if data.get(key) is not None:
                data[key] = Found(**data[key])
        data["paragraphs"] = [Span(**s) for s in data.get("paragraphs", [])]
        data["sentences"] = [Span(**s) for s in data.get("sentences", [])]
        data["spans"] = {k: [Span(**s) for s in v] for k, v in data.get("spans", {}).items()}
        data["actors"] = [Actor(**a) for a in data.get("actors", [])]
        return cls(**data)

    def add_span(self, layer: str, start: int, end: int, label: str, **attrs: Any) -> Span:
        span = Span(start, end, label, self.clean_text[start:end], attrs)
        self.spans.setdefault(layer, []).append(span)
        return span
