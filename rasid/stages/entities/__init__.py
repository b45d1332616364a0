"""Entities stage: who and what an article names, grouped into the document's actors.

Steps, each its own module: tokens with offsets (:mod:`.tokens`) → the trained tagger over
each sentence (:mod:`.recognize`, model from :mod:`.train`) → head-noun rules for events,
laws and facilities (:mod:`.patterns`) → framing labels cut off names (:mod:`.roles`) →
clitics cut and names normalized (:mod:`.recognize`) → well-known aliases and nicknames
named as their actor (حميدتي، قسد، فاغنر/فاجنر; :mod:`.aliases`, ``rasid/data/entity_aliases.tsv``)
→ repeats of names the document already has (:mod:`.consistency`) → forces named by their
leader ("قوات حفتر", :mod:`.forces`) → roles and epithets (:mod:`.roles`) → mentions grouped
into actors (:mod:`.actors`).

Output: ``doc.spans["entities"]`` (one span per mention: label = type; attrs ``type``,
``actor``, ``name``, ``role``, ``epithet``, ``source``) and ``doc.actors``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from rasid.document import Actor, Document, Span
from rasid.normalize import normalize_arabic
from rasid.pipeline import stage
from rasid.stages.entities.actors import DocActor, group_mentions, headline_text
from rasid.stages.entities.aliases import alias_mentions, name_aliases
from rasid.stages.entities.consistency import find_repeats, vote_types
from rasid.stages.entities.dateline import dateline_mentions, merge_dateline
from rasid.stages.entities.forces import follower_mentions, force_mentions, link_forces
from rasid.stages.entities.gazetteer import country_names
from rasid.stages.entities.lexicon import load_lexicon
from rasid.stages.entities.patterns import pattern_mentions, place_mentions
from rasid.stages.entities.recognize import (
    Mention,
    bracketed_aliases,
    country_types,
    drop_adjectives,
    drop_nationality,
    extend_names,
    join_people,
    model_mentions,
    place,
    seat_types,
    split_people,
    strip_titles,
    title_names,
    trim_tails,
)
from rasid.stages.entities.roles import attach_roles, cut_labels
from rasid.stages.entities.tokens import Token, entity_words, tokenize

MAX_CHARS = 1_000_000  # same cap as the time stage: a pathological page is not an article


@lru_cache(maxsize=1)
def _tagger():
    from rasid.stages.entities.tagger import load_default

    return load_default()


def _sentence_tokens(doc: Document, text: str, shift: int) -> tuple[list[Token], list[list[int]]]:
    """Tokens of ``text`` (the headline, a blank line, then the clean text shifted by
    ``shift``) grouped by sentence: the headline is one sentence, the body has its own."""
    tokens: list[Token] = []
    sentences: list[list[int]] = []
    spans = [Span(0, shift - 2, "sentence")] if shift else []
    body = doc.sentences or []
    if not body and doc.clean_text:  # not segmented: the text is one sentence
        body = [Span(0, len(doc.clean_text), "sentence")]
    spans += [Span(s.start + shift, s.end + shift, s.label) for s in body]
    for sent in spans:
        if sent.start >= MAX_CHARS + shift:
            break
        piece = tokenize(text[sent.start : min(sent.end, MAX_CHARS + shift)], sent.start)
        sentences.append(list(range(len(tokens), len(tokens) + len(piece))))
        tokens.extend(piece)
    return tokens, sentences


class SentenceTagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[str]: ...


def find_mentions(
    doc: Document, tagger: SentenceTagger | None = None
) -> tuple[list[Mention], list[DocActor]]:
    """All mentions of a document and its actors (the stage without writing to ``doc``).

    The headline is read with the body, so "حفتر" in the title is the body's "خليفة حفتر";
    offsets of the mentions are into :func:`reading_text` (headline, blank line, body).
    """
    lexicon = load_lexicon()
    headline = headline_text(doc)
    shift = len(headline) + 2 if headline else 0
    text = f"{headline}\n\n{doc.clean_text}" if headline else doc.clean_text
    tokens, sentences = _sentence_tokens(doc, text, shift)
    mentions = model_mentions(tagger or _tagger(), sentences, tokens)
    mentions = drop_adjectives(mentions, tokens, lexicon)
    mentions = split_people(mentions, tokens, lexicon)
    mentions = trim_tails(mentions, tokens, entity_words()["title"], lexicon)
    strip_titles(mentions, tokens)
    drop_nationality(mentions, tokens)
    mentions = sorted(
        [*mentions, *title_names(mentions, tokens, sentences, lexicon)],
        key=lambda m: (m.first, -m.stop),
    )
    mentions = join_people(mentions, tokens)
    mentions = place_mentions(tokens, sentences, mentions, lexicon)
    mentions = pattern_mentions(tokens, sentences, mentions, lexicon)
    mentions = merge_dateline(mentions, dateline_mentions(doc.clean_text, tokens, shift), tokens)
    cut_labels(mentions, tokens)
    mentions = bracketed_aliases(mentions, tokens, lexicon)
    place(mentions, tokens, lexicon)  # names, for the type votes and repeats below
    mentions = alias_mentions(mentions, tokens, sentences)
    place(mentions, tokens, lexicon)
    country_types(mentions, country_names())
    vote_types(mentions)
    repeats = find_repeats(mentions, tokens, sentences, lexicon)
    if repeats:
        mentions = sorted([*mentions, *repeats], key=lambda m: (m.first, -m.stop))
    extend_names(mentions, tokens, lexicon, entity_words()["title"])
    place(mentions, tokens, lexicon)
    more = find_repeats(mentions, tokens, sentences, lexicon)  # of the names just completed
    if more:
        mentions = sorted([*mentions, *more], key=lambda m: (m.first, -m.stop))
    mentions = force_mentions(mentions, tokens, sentences)
    mentions = follower_mentions(mentions, tokens, sentences)
    place(mentions, tokens, lexicon)  # again: repeats are new, extended names start earlier
    seat_types(mentions)
    attach_roles(mentions, tokens, sentences, text)
    link_forces(mentions, tokens, sentences)
    name_aliases(mentions)
    actors = group_mentions(mentions)
    return mentions, actors


def reading_text(doc: Document) -> tuple[str, int]:
    """The text the stage reads (headline, blank line, clean text) and where the body starts."""
    headline = headline_text(doc)
    if not headline:
        return doc.clean_text, 0
    return f"{headline}\n\n{doc.clean_text}", len(headline) + 2


def write_entities(doc: Document, mentions: list[Mention], actors: list[DocActor]) -> None:
    """Mentions as ``doc.spans["entities"]`` (body) and ``doc.spans["headline_entities"]``
    (offsets into the headline's value), actors as ``doc.actors``."""
    text, shift = reading_text(doc)
    doc.spans["entities"] = []
    doc.spans.pop("headline_entities", None)
    doc.actors = []
    for actor in actors:
        canonical = actor.name  # the mention the id was derived from is the one shown
        name = display_name(next(m for m in actor.mentions if m.name == canonical), text)
        roles: list[str] = []
        for m in actor.mentions:
            for phrase in (*(m.titles or [m.role]), m.epithet):
                if phrase and phrase not in roles:
                    roles.append(phrase)
        aliases = list(dict.fromkeys(text[m.start : m.end] for m in actor.mentions))
        doc.actors.append(
            Actor(
                actor.mentions[0].actor or "", actor.type, name, len(actor.mentions), aliases, roles
            )
        )
    for m in mentions:
        if m.actor is None:
            continue
        attrs = {
            "type": m.type,
            "actor": m.actor,
            "name": m.name,
            "role": m.role,
            "epithet": m.epithet,
            "source": m.source,
            **({"titles": m.titles} if m.titles else {}),
        }
        if m.start < shift:  # offsets into the headline's value
            span = Span(m.start, m.end, m.type, text[m.start : m.end], attrs)
            doc.spans.setdefault("headline_entities", []).append(span)
        else:
            doc.add_span("entities", m.start - shift, m.end - shift, m.type, **attrs)


def display_name(m: Mention, text: str) -> str:
    """A mention as a name to show: its text, with the article's alef back after "لل"; a
    name rasid built ("قوات حفتر" for "القوات الموالية لحفتر") as built."""
    if m.display:
        return m.display
    shown = text[m.start : m.end]
    if m.name.startswith("ال") and normalize_arabic(shown) == m.name[1:]:
        return "ا" + shown
    return shown


@stage("entities", requires={"clean_text", "sentences"}, provides={"entities", "actors"})
def entities_stage(doc: Document) -> Document:
    mentions, actors = find_mentions(doc)
    write_entities(doc, mentions, actors)
    return doc
