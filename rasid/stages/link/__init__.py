"""Cross-document linking: what several documents share (for now, their actors)."""

from collections.abc import Sequence

from rasid.document import Document
from rasid.stages.link.actors import (
    CorpusActor,
    Corrections,
    KnownActors,
    alias_rows,
    write_alias_rows,
    write_aliases,
)
from rasid.stages.link.actors import link_documents as link_actors
from rasid.stages.link.refs import entity_ids, follow_renames


def link_documents(
    docs: Sequence[Document],
    corrections: Corrections | None = None,
    known: KnownActors | None = None,
) -> dict[str, CorpusActor]:
    """Give every actor of ``docs`` a corpus-wide id (:func:`.actors.link_documents`) and
    rename the quotes' and events' references to them; return the actor table."""
    before = entity_ids(docs)
    table = link_actors(docs, corrections, known)
    follow_renames(docs, before)
    return table


__all__ = [
    "CorpusActor",
    "Corrections",
    "KnownActors",
    "alias_rows",
    "link_actors",
    "link_documents",
    "write_alias_rows",
    "write_aliases",
]
