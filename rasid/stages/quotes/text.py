"""One sentence as the quotes stage reads it: tokens, the entities over them, word classes.

Every rule of the stage asks the same questions of a token — is it this word once its
clitics are off, is it a quotation mark, which entity covers it — so they are answered
here once, with the offsets kept exact (tokens carry offsets into ``clean_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from rasid.document import Span
from rasid.normalize import normalize_arabic
from rasid.stages.entities.tokens import Token, word_forms
from rasid.stages.quotes.lexicon import words

OPENING = {"“": "”", "«": "»", '"': '"', "„": "”"}
CLOSING = frozenset({"”", "»", '"'})
COMMAS = frozenset({"،", ",", "؛", ";"})
ENDS = frozenset({".", "؟", "?", "!"})
AGENT_TYPES = frozenset({"PER", "ORG", "LOC"})


def is_word(token: Token, kind: str) -> bool:
    """The token, or the token without its clitics, is a word of class ``kind``."""
    members = words()[kind]
    return token.norm in members or not members.isdisjoint(word_forms(token.norm))


def sacred_span(span: Span) -> bool:
    """An entity that is God or a blessing formula ("الله", "رحمه الله", "صلى الله"), which a
    tagger may take for a name: never a speaker, an antecedent or an affiliation."""
    first = normalize_arabic(span.text).split()[:1]
    return bool(first) and first[0] in words()["sacred"] | formula_heads()


@cache
def formulas() -> tuple[tuple[str, ...], ...]:
    """The blessing formulas (صلى الله عليه وسلم، رضي الله عنه…) as word tuples, longest first."""
    found = {tuple(f.split()) for f in words()["formula"]}
    return tuple(sorted(found, key=len, reverse=True))


@cache
def formula_heads() -> frozenset[str]:
    return frozenset(f[0] for f in formulas())


@dataclass
class Sentence:
    """Tokens of one sentence and the entity spans over them (offsets into clean text)."""

    start: int
    end: int
    tokens: list[Token]
    entities: list[Span]
    entity_of: list[Span | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entities = [e for e in self.entities if not sacred_span(e)]
        self.entity_of = [None] * len(self.tokens)
        k = 0
        for i, t in enumerate(self.tokens):
            while k < len(self.entities) and self.entities[k].end <= t.start:
                k += 1
            if k < len(self.entities) and self.entities[k].start < t.end:
                self.entity_of[i] = self.entities[k]

    @cached_property
    def quoted(self) -> list[bool]:
        """Per token: inside quotation marks (the marks themselves are not)."""
        out, closing = [], None
        for t in self.tokens:
            if closing is not None and (
                t.text == closing or (closing == '"' and t.text in CLOSING)
            ):
                closing = None
                out.append(False)
            elif closing is None and t.text in OPENING:
                closing = OPENING[t.text]
                out.append(False)
            else:
                out.append(closing is not None)
        return out

    @cached_property
    def formula_spans(self) -> list[tuple[int, int]]:
        """``(first, stop)`` token ranges of the blessing formulas in the sentence."""
        norms = [t.norm for t in self.tokens]
        out, i = [], 0
        while i < len(norms):
            found = next((f for f in formulas() if tuple(norms[i : i + len(f)]) == f), None)
            if found is not None:
                out.append((i, i + len(found)))
                i += len(found)
            else:
                i += 1
        return out

    def opens(self, i: int) -> bool:
        """Token ``i`` is an opening quotation mark (a straight quote that closes is not)."""
        return (
            i < len(self.tokens)
            and self.tokens[i].text in OPENING
            and i + 1 < len(self.tokens)
            and self.quoted[i + 1]
        )

    def agent_at(self, i: int) -> Span | None:
        """The PER/ORG/LOC entity covering token ``i``, if any."""
        span = self.entity_of[i] if 0 <= i < len(self.tokens) else None
        return span if span is not None and span.attrs.get("type") in AGENT_TYPES else None

    def last_token_of(self, span: Span, i: int) -> int:
        """Index of the last token (from ``i`` on) that ``span`` covers."""
        while i + 1 < len(self.tokens) and self.tokens[i + 1].start < span.end:
            i += 1
        return i

    def text(self, clean: str, first: int, last: int) -> tuple[str, int, int]:
        """Text and offsets of tokens ``first``..``last`` (inclusive)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        return clean[start:end], start, end
