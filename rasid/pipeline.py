"""Stages and the pipeline that runs them.

A page is turned into documents by the clean stage (one page may hold several articles);
every later stage takes one :class:`~rasid.document.Document` and returns it with more
filled in. Each stage declares what it needs and what it provides, so a pipeline built in
the wrong order fails when it is built, not halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rasid.document import Document, Page

DocFn = Callable[[Document], Document]
PageFn = Callable[[Page], list[Document]]


@dataclass(frozen=True)
class Stage:
    """A named document stage: ``fn(doc) -> doc`` plus what it needs and adds."""

    name: str
    fn: DocFn
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Document) -> Document:
        doc = self.fn(doc)
        doc.stages.append(self.name)
        return doc


def stage(name: str, requires: Iterable[str] = (), provides: Iterable[str] = ()):
    """Decorator turning ``fn(doc) -> doc`` into a :class:`Stage`."""

    def wrap(fn: DocFn) -> Stage:
        return Stage(name, fn, frozenset(requires), frozenset(provides))

    return wrap


class PipelineError(ValueError):
    """Raised when a pipeline's stages are in an order that cannot work."""


@dataclass
class Pipeline:
    """The page stage (page → documents) followed by document stages in order."""

    page_stage: PageFn
    stages: list[Stage] = field(default_factory=list)
    page_provides: frozenset[str] = frozenset(
        {"clean_text", "headline", "outlet", "page_date", "published", "paragraphs"}
    )

    def __post_init__(self) -> None:
        have = set(self.page_provides)
        for st in self.stages:
            missing = st.requires - have
            if missing:
                raise PipelineError(f"stage {st.name!r} needs {sorted(missing)} first")
            have |= st.provides

    @property
    def names(self) -> list[str]:
        return ["clean", *(s.name for s in self.stages)]

    def process(self, page: Page) -> list[Document]:
        docs = self.page_stage(page)
        out = []
        for doc in docs:
            doc.stages.append("clean")
            for st in self.stages:
                doc = st(doc)
            out.append(doc)
        return out

    def run(self, pages: Iterable[Page]) -> Iterator[Document]:
        for page in pages:
            yield from self.process(page)


def default_pipeline() -> Pipeline:
    """ingest → clean → normalize → segment → time → entities → quotes → events
    (cross-document linking runs over the documents afterwards:
    :func:`rasid.stages.link.link_documents`)."""
    from rasid.stages.clean import clean_page
    from rasid.stages.entities import entities_stage
    from rasid.stages.events import events_stage
    from rasid.stages.normalize import normalize_stage
    from rasid.stages.quotes import quotes_stage
    from rasid.stages.segment import segment_stage
    from rasid.stages.time import time_stage

    return Pipeline(
        clean_page,
        [
            normalize_stage,
            segment_stage,
            time_stage,
            entities_stage,
            quotes_stage,
            events_stage,
        ],
    )
