"""Turning what a user types into an FTS5 query, and finding the matched words for snippets.

The query language is deliberately small: words (all must match, in any form of
:mod:`rasid.store.terms`), ``"quoted phrases"`` (those words in that order), ``word*`` (any
word starting so) and ``OR`` between two of those. Everything the user types is normalized
and re-quoted, so no input can produce an FTS5 syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.store.terms import clitic_variants, query_variants, tokens


class QueryError(ValueError):
    """The query has nothing searchable in it (only punctuation, an empty phrase, …)."""


_PARTS = re.compile(r'"([^"]*)"?|(\S+)')
# Word characters of the *original* text, diacritics and tatweel included, so a highlighted
# word is never cut between a letter and its harakat.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


@dataclass
class Query:
    """A parsed search: the FTS5 ``MATCH`` expression plus what counts as a matched word."""

    match: str
    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def matches_token(self, token: str) -> bool:
        """Whether a normalized token of a document is one the query asked for."""
        for form in (token, *clitic_variants(token)):
            if form in self.terms or any(form.startswith(p) for p in self.prefixes):
                return True
        return False

    def match_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the words of ``text`` (original spelling) that match."""
        spans = []
        for m in _WORD.finditer(text):
            if any(self.matches_token(t) for t in tokens(m.group())):
                spans.append((m.start(), m.end()))
        return spans


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def parse_query(text: str) -> Query:
    """Parse user input into a :class:`Query`; raises :class:`QueryError` if nothing is left."""
    query = Query(match="")
    clauses: list[list[str]] = []
    join_next = False
    for m in _PARTS.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word == "OR":
            join_next = bool(clauses)
            continue
        expr = _phrase(phrase, query) if phrase is not None else _word(word, query)
        if expr is None:
            continue
        if join_next:
            clauses[-1].append(expr)
        else:
            clauses.append([expr])
        join_next = False
    if not clauses:
        raise QueryError(f"nothing to search for in {text!r}")
    query.match = " AND ".join(c[0] if len(c) == 1 else "(" + " OR ".join(c) + ")" for c in clauses)
    return query


def _phrase(text: str, query: Query) -> str | None:
    toks = tokens(text)
    if not toks:
        return None
    query.terms.update(toks)
    return _quote(" ".join(toks))


def _word(text: str, query: Query) -> str | None:
    prefix = text.endswith("*")
    toks = tokens(text.rstrip("*"))
    if not toks:
        return None
    if len(toks) > 1:  # "covid-19", "U.N." — the pieces in order
        if prefix:
            query.prefixes.add(toks[-1])
            query.terms.update(toks[:-1])
            return _quote(" ".join(toks)) + "*"
        return _phrase(text, query)
    forms = query_variants(toks[0])
    if prefix:
        query.prefixes.update(forms)
        alternatives = [_quote(f) + "*" for f in forms]
    else:
        query.terms.update(forms)
        alternatives = [_quote(f) for f in forms]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def snippet(text: str, query: Query, width: int = 220) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its first matched word, and the matches inside it.

    The window is cut at spaces and marked with … where text was left out; the returned
    spans are offsets into the returned snippet. With no match in ``text`` (the hit was in
    the headline) the snippet is the beginning of the text.
    """
    text = " ".join(text.split())
    spans = query.match_spans(text)
    if len(text) <= width:
        return text, spans
    center = spans[0][0] if spans else 0
    start = max(0, center - width // 3)
    end = min(len(text), start + width)
    start = max(0, end - width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < center else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    shift = len(lead) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return lead + text[start:end] + tail, inside
