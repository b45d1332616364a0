"""Actor references outside the entities layer follow the ids linking gives.

Quotes and events point at actors (speakers, chain hops, sources, targets, places) by the id
of the document's actor. Linking renames those ids corpus-wide; this module renames the
references with them, so a reference always matches ``doc.actors`` and ``spans["entities"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasid.document import Document
from rasid.stages.entities.actors import entity_spans

REF_LAYERS = ("quotes", "events")


def _rename(value: Any, old_to_new: dict[str, str]) -> None:
    if isinstance(value, dict):
        ident = value.get("actor")
        if isinstance(ident, str) and ident in old_to_new:
            value["actor"] = old_to_new[ident]
        for v in value.values():
            if isinstance(v, dict | list):
                _rename(v, old_to_new)
    elif isinstance(value, list):
        for v in value:
            _rename(v, old_to_new)


def rename_refs(doc: Document, old_to_new: dict[str, str]) -> None:
    """Rename every ``{"actor": id}`` reference in the quote and event spans of ``doc``."""
    for layer in REF_LAYERS:
        for span in doc.spans.get(layer, []):
            _rename(span.attrs, old_to_new)


def entity_ids(docs: Sequence[Document]) -> list[list[tuple[Any, str]]]:
    """Each document's entity spans with their actor id now, to compare after linking."""
    return [[(sp, sp.attrs.get("actor")) for sp in entity_spans(doc)] for doc in docs]


def follow_renames(docs: Sequence[Document], before: list[list[tuple[Any, str]]]) -> None:
    """Rename the references of ``docs`` as linking renamed their entity spans' ids."""
    for doc, pairs in zip(docs, before, strict=True):
        old_to_new = {old: sp.attrs.get("actor") for sp, old in pairs if old}
        if any(old != new for old, new in old_to_new.items()):
            rename_refs(doc, old_to_new)
