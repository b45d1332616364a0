"""Cross-document linking: what several documents share (for now, their actors)."""

from rasid.stages.link.actors import (
    CorpusActor,
    Corrections,
    KnownActors,
    alias_rows,
    link_documents,
    write_alias_rows,
    write_aliases,
)

__all__ = [
    "CorpusActor",
    "Corrections",
    "KnownActors",
    "alias_rows",
    "link_documents",
    "write_alias_rows",
    "write_aliases",
]
