"""Check and load the quotes/events gold set (quotes, attribution chains, PLOVER events).

Why a checker: the gold stores strings, not offsets, so that it can be read and written by
hand; a string that is not in the article, a trigger outside its sentence, a chain that does
not end with its speaker or an unknown actor id would silently skew every score computed
against it. ``--check`` finds all of them; :func:`load_gold` turns the strings into character
offsets with the fixed procedure below, so that an evaluation can compare rasid's spans.

Resolution (every search starts after the headline line, which is never annotated):

- a quote's ``content``: its first occurrence in the body;
- its ``cue`` and ``speaker_text``: the word-bounded occurrence nearest to the content (smallest
  gap between the spans; on a tie the one before it);
- an event's ``sentence``: its first occurrence in the body; its ``trigger``: the first
  word-bounded occurrence that starts inside the sentence (and must end inside it);
- ``at`` overrides any of these: ``{"content": CONTEXT}`` (quotes: content, cue, speaker_text;
  events: sentence, trigger) means "the first occurrence inside the first occurrence of
  CONTEXT"; a plain string stands for the content (quotes) or the trigger (events).

Word-bounded: only clitic letters (و ف ب ل ك لل) may be glued before the string and no letter
may follow it, as for entity mentions.

Usage::

    python -m eval.events.build_gold --check                      # eval/events + eval/entities
    python -m eval.events.build_gold --check --dir D --entities-dir E
    python -m eval.events.build_gold --check --gold eval/heldout/events.jsonl \\
        --articles eval/heldout/articles --entities eval/heldout/gold.jsonl \\
        --actors eval/heldout/actors.tsv
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.entities.build_gold import bounded

HERE = Path(__file__).resolve().parent
ENTITIES = HERE.parent / "entities"

QUOTE_KINDS = ("direct", "reported")
SPEAKER_KINDS = ("actor", "role", "anonymous", "collective")
MODALITIES = ("asserted", "planned", "denied", "conditional", "claimed")
PLACE_TYPES = ("LOC", "FAC")
QUOTE_MARKS = "\"“”«»'"
# PLOVER types (+ rasid's STATEMENT) and the modes used with each; null is always allowed.
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("sign",),
    "CONSULT": ("phone", "visit", "host", "third-party", "meet", "mediate"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian"),
    "RETREAT": ("ceasefire", "withdraw", "release", "return", "access", "disarm", "ease"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("violence", "restrict", "relations", "ban", "expel"),
    "PROTEST": ("demo", "hunger", "boycott", "obstruct", "riot"),
    "SANCTION": ("restrict", "withdraw", "discontinue", "expel"),
    "MOBILIZE": ("troops", "police"),
    "COERCE": ("arrest", "confiscate", "restrict", "deport", "ban"),
    "ASSAULT": (
        "aerial",
        "heavy-weapons",
        "firearms",
        "explosives",
        "abduct",
        "assassinate",
        "beat",
    ),
    "STATEMENT": (),
}
QUOTE_KEYS = {"id", "kind", "cue", "content", "speaker", "speaker_text", "speaker_kind", "chain"}
QUOTE_OPTIONAL = {"at", "affiliation"}
EVENT_KEYS = {
    "id",
    "sentence",
    "trigger",
    "type",
    "mode",
    "source",
    "target",
    "place",
    "date",
    "modality",
    "quote",
}
_ISO = re.compile(r"\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?")


class GoldError(ValueError):
    """A gold string cannot be placed in its article."""


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class GoldQuote:
    id: str
    kind: str
    cue: Span
    content: Span
    speaker: str | list[str] | None
    speaker_text: Span
    speaker_kind: str
    chain: list[str]
    affiliation: str | None = None


@dataclass
class GoldEvent:
    id: str
    sentence: Span
    trigger: Span
    type: str
    mode: str | None
    source: list[str]
    target: list[str]
    place: str | None
    date: str | dict | None
    modality: str
    quote: str | None


@dataclass
class EventDoc:
    """One article: ``text`` is the file as read (headline, blank line, body)."""

    doc: str
    text: str
    published: str | None
    outlet: str | None
    quotes: list[GoldQuote] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        i = self.text.find("\n")
        return len(self.text) if i < 0 else i + 1


@dataclass
class Paths:
    """Where one set's files are: the events gold, its articles, actor registries, entities."""

    gold: Path
    articles: Path
    actors: list[Path]
    entities: Path | None

    @classmethod
    def default(cls, directory: Path = HERE, entities_dir: Path = ENTITIES) -> Paths:
        actors = [entities_dir / "actors.tsv", directory / "extra_actors.tsv"]
        return cls(
            directory / "gold.jsonl",
            entities_dir / "articles",
            [p for p in actors if p.exists()],
            entities_dir / "gold.jsonl",
        )


# --------------------------------------------------------------------------------------------
# Placing strings
# --------------------------------------------------------------------------------------------


def _all(text: str, s: str, lo: int = 0, hi: int | None = None, word: bool = False) -> list[int]:
    """Start offsets of ``s`` lying wholly in ``text[lo:hi]`` (word-bounded if asked)."""
    hi = len(text) if hi is None else hi
    out, i = [], text.find(s, lo)
    while i >= 0 and i + len(s) <= hi:
        if not word or bounded(text, i, i + len(s)):
            out.append(i)
        i = text.find(s, i + 1)
    return out


def _window(text: str, at: dict, key: str, lo: int) -> tuple[int, int]:
    """The search window for ``key``: the whole body, or the first occurrence of its context."""
    ctx = at.get(key)
    if not ctx:
        return lo, len(text)
    i = text.find(ctx, lo)
    if i < 0:
        raise GoldError(f"at.{key} «{ctx}» not found")
    return i, i + len(ctx)


def _at(item: dict, primary: str) -> dict:
    at = item.get("at") or {}
    return {primary: at} if isinstance(at, str) else dict(at)


def _nearest(text: str, s: str, anchor: Span, lo: int, hi: int) -> int | None:
    """The word-bounded occurrence of ``s`` nearest to ``anchor`` (ties: the earlier one);
    occurrences overlapping the anchor do not count."""
    ranked = []
    for i in _all(text, s, lo, hi, word=True):
        if i + len(s) <= anchor.start:
            ranked.append((anchor.start - i - len(s), 0, i))
        elif i >= anchor.end:
            ranked.append((i - anchor.end, 1, i))
    return min(ranked)[2] if ranked else None


def place_quote(text: str, body: int, q: dict) -> tuple[Span, Span, Span]:
    """Offsets of a quote's content, cue and speaker_text (module docstring)."""
    at = _at(q, "content")
    lo, hi = _window(text, at, "content", body)
    hits = _all(text, q["content"], lo, hi)
    if not hits:
        raise GoldError(f"content «{q['content'][:40]}» not found")
    content = Span(q["content"], hits[0], hits[0] + len(q["content"]))
    spans = [content]
    for key in ("cue", "speaker_text"):
        s = q[key]
        if key in at:
            lo, hi = _window(text, at, key, body)
            found = _all(text, s, lo, hi, word=True)
            i = found[0] if found else None
        else:
            i = _nearest(text, s, content, body, len(text))
        if i is None:
            raise GoldError(f"{key} «{s}» not found")
        spans.append(Span(s, i, i + len(s)))
    return spans[0], spans[1], spans[2]


def place_event(text: str, body: int, e: dict) -> tuple[Span, Span]:
    """Offsets of an event's sentence and trigger (module docstring)."""
    at = _at(e, "trigger")
    lo, hi = _window(text, at, "sentence", body)
    hits = _all(text, e["sentence"], lo, hi)
    if not hits:
        raise GoldError(f"sentence «{e['sentence'][:40]}» not found")
    sent = Span(e["sentence"], hits[0], hits[0] + len(e["sentence"]))
    if "trigger" in at:
        lo, hi = _window(text, at, "trigger", body)
        found = [i for i in _all(text, e["trigger"], lo, hi, word=True) if i >= sent.start]
    else:
        found = _all(text, e["trigger"], sent.start, len(text), word=True)
    found = [i for i in found if i < sent.end]
    if not found:
        raise GoldError(f"trigger «{e['trigger']}» not found in its sentence")
    i = found[0]
    if i + len(e["trigger"]) > sent.end:
        raise GoldError(f"trigger «{e['trigger']}» runs past its sentence")
    return sent, Span(e["trigger"], i, i + len(e["trigger"]))


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_gold(directory: Path = HERE, paths: Paths | None = None) -> list[EventDoc]:
    """The gold with every span's offsets into ``articles/<doc>.txt`` as read.

    ``directory`` holds ``gold.jsonl`` (articles and actors from eval/entities); pass ``paths``
    for another set. Raises :class:`GoldError` on a string that cannot be placed.
    """
    paths = paths or Paths.default(Path(directory))
    docs = []
    for r in _records(paths.gold):
        text = (paths.articles / f"{r['doc']}.txt").read_text(encoding="utf-8")
        d = EventDoc(r["doc"], text, r.get("published"), r.get("outlet"))
        for q in r["quotes"]:
            try:
                content, cue, who = place_quote(text, d.body_start, q)
            except GoldError as e:
                raise GoldError(f"{d.doc} {q.get('id')}: {e}") from None
            d.quotes.append(
                GoldQuote(
                    q["id"],
                    q["kind"],
                    cue,
                    content,
                    q["speaker"],
                    who,
                    q["speaker_kind"],
                    list(q["chain"]),
                    q.get("affiliation"),
                )
            )
        for e in r["events"]:
            try:
                sent, trig = place_event(text, d.body_start, e)
            except GoldError as err:
                raise GoldError(f"{d.doc} {e.get('id')}: {err}") from None
            d.events.append(
                GoldEvent(
                    e["id"],
                    sent,
                    trig,
                    e["type"],
                    e["mode"],
                    list(e["source"]),
                    list(e["target"]),
                    e["place"],
                    e["date"],
                    e["modality"],
                    e["quote"],
                )
            )
        docs.append(d)
    return docs


def read_registry(files: Sequence[Path]) -> dict[str, str]:
    """Actor id → type, from ``actors.tsv``-style files (id, type, canonical name)."""
    reg: dict[str, str] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                parts = line.split("\t")
                reg[parts[0].strip()] = parts[1].strip() if len(parts) > 1 else ""
    return reg


# --------------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------------


def valid_date(value: object) -> bool:
    """ISO date at any precision (2020, 2020-01, 2020-01-19, 2020-W03), or an interval."""

    def one(v: object) -> bool:
        if not isinstance(v, str) or not _ISO.fullmatch(v):
            return False
        parts = v.split("-")
        if len(parts) >= 2 and not parts[1].startswith("W") and not 1 <= int(parts[1]) <= 12:
            return False
        if len(parts) == 2 and parts[1].startswith("W"):
            return 1 <= int(parts[1][1:]) <= 53
        return len(parts) < 3 or 1 <= int(parts[2]) <= 31

    if value is None or isinstance(value, str):
        return value is None or one(value)
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        s, e = value["start"], value["end"]
        return (s is not None or e is not None) and all(v is None or one(v) for v in (s, e))
    return False


def _speaker_tail(q: dict) -> str | list[str]:
    """The last link of a chain: the speaker id (a list for a joint statement), else
    ``anonymous:<speaker_text>`` / ``collective:<speaker_text>``."""
    if q.get("speaker"):
        return q["speaker"]
    return f"{q.get('speaker_kind')}:{q.get('speaker_text')}"


def check(paths: Paths | None = None) -> list[str]:
    """Every problem found in the gold (empty: it is sound)."""
    paths = paths or Paths.default()
    problems: list[str] = []
    reg = read_registry(paths.actors)
    entity_gold = {r["doc"]: r for r in _records(paths.entities)} if paths.entities else {}
    seen: set[str] = set()
    prev = ""
    for r in _records(paths.gold):
        doc = r.get("doc", "?")
        p = problems.append
        if set(r) != {"doc", "published", "outlet", "quotes", "events"}:
            p(f"{doc}: keys {sorted(r)}")
            continue
        if doc in seen or doc <= prev:
            p(f"{doc}: out of order or twice")
        seen.add(doc)
        prev = doc
        art = paths.articles / f"{doc}.txt"
        if not art.exists():
            p(f"{doc}: no article file")
            continue
        text = art.read_text(encoding="utf-8")
        body = text.find("\n") + 1
        ent = entity_gold.get(doc)
        known = dict(reg)
        mentions: dict[str, list[str]] = {}
        if ent:
            if ent.get("published") != r["published"]:
                p(f"{doc}: published {r['published']} ≠ entity gold {ent.get('published')}")
            for a in ent.get("actors", []):
                known.setdefault(a["id"], a["type"])
                mentions[a["id"]] = a["mentions"]
        if not valid_date(r["published"]):
            p(f"{doc}: published {r['published']!r}")
        outlet = r["outlet"]
        if outlet is not None and outlet not in known:
            p(f"{doc}: outlet {outlet} unknown")

        def ids(where: str, values: object, ok: dict = known, p=p) -> None:
            if not isinstance(values, list):
                p(f"{where}: want a list, got {values!r}")
                return
            for v in values:
                if v not in ok:
                    p(f"{where}: unknown actor {v!r}")
            if len(set(values)) != len(values):
                p(f"{where}: repeated actor")

        quote_ids: set[str] = set()
        for i, q in enumerate(r["quotes"], 1):
            w = f"{doc} {q.get('id')}"
            if not set(q) >= QUOTE_KEYS or set(q) - QUOTE_KEYS - QUOTE_OPTIONAL:
                p(f"{w}: keys {sorted(q)}")
                continue
            if q["id"] != f"q{i}":
                p(f"{w}: want id q{i}")
            quote_ids.add(q["id"])
            if q["kind"] not in QUOTE_KINDS:
                p(f"{w}: kind {q['kind']}")
            if q["speaker_kind"] not in SPEAKER_KINDS:
                p(f"{w}: speaker_kind {q['speaker_kind']}")
            named = q["speaker_kind"] in ("actor", "role")
            if named != (q["speaker"] is not None):
                p(f"{w}: speaker {q['speaker']!r} with speaker_kind {q['speaker_kind']}")
            spk = q["speaker"]
            for sid in spk if isinstance(spk, list) else [] if spk is None else [spk]:
                if sid not in known:
                    p(f"{w}: unknown speaker {sid}")
            if q.get("affiliation") is not None and q["affiliation"] not in known:
                p(f"{w}: unknown affiliation {q['affiliation']}")
            chain = q["chain"]
            if not isinstance(chain, list) or not chain:
                p(f"{w}: empty chain")
            else:
                if chain[-1] != _speaker_tail(q):
                    p(f"{w}: chain ends {chain[-1]!r}, want {_speaker_tail(q)!r}")
                if outlet is not None and chain[0] != outlet:
                    p(f"{w}: chain starts {chain[0]!r}, want the outlet {outlet}")
                ids(f"{w} chain", chain[:-1])
            try:
                content, _, _ = place_quote(text, body, q)
            except GoldError as e:
                p(f"{w}: {e}")
                continue
            if q["kind"] == "direct" and not (
                content.start > 0
                and text[content.start - 1] in QUOTE_MARKS
                and content.end < len(text)
                and text[content.end] in QUOTE_MARKS
            ):
                p(f"{w}: direct quote not enclosed in quotation marks")
            if content.text != content.text.strip() or not content.text:
                p(f"{w}: content has surrounding blanks")
        used: set[str] = set()
        for i, e in enumerate(r["events"], 1):
            w = f"{doc} {e.get('id')}"
            if not set(e) >= EVENT_KEYS or set(e) - EVENT_KEYS - {"at"}:
                p(f"{w}: keys {sorted(e)}")
                continue
            if e["id"] != f"e{i}":
                p(f"{w}: want id e{i}")
            if e["type"] not in MODES:
                p(f"{w}: type {e['type']}")
            elif e["mode"] is not None and e["mode"] not in MODES[e["type"]]:
                p(f"{w}: mode {e['mode']} not allowed for {e['type']}")
            if e["modality"] not in MODALITIES:
                p(f"{w}: modality {e['modality']}")
            ids(f"{w} source", e["source"])
            ids(f"{w} target", e["target"])
            for a in (e["source"] or []) + (e["target"] or []):
                if known.get(a) in ("EVENT", "LAW"):
                    p(f"{w}: {a} is an {known[a]}, not a participant")
            if not valid_date(e["date"]):
                p(f"{w}: date {e['date']!r}")
            if e["quote"] is not None:
                if e["quote"] not in quote_ids:
                    p(f"{w}: quote {e['quote']} unknown")
                used.add(e["quote"])
            elif e["modality"] == "claimed":
                p(f"{w}: claimed without a quote")
            try:
                sent, _ = place_event(text, body, e)
            except GoldError as err:
                p(f"{w}: {err}")
                continue
            if e["place"] is not None:
                if known.get(e["place"]) not in PLACE_TYPES:
                    p(f"{w}: place {e['place']} is not a known LOC/FAC")
                elif e["place"] in mentions and not any(
                    m in sent.text for m in mentions[e["place"]]
                ):
                    p(f"{w}: place {e['place']} not named in the sentence")
        for qid in sorted(quote_ids - used):
            p(f"{doc} {qid}: no event refers to it")
    if not seen:
        problems.append(f"{paths.gold}: no records")
    return problems


def summary(docs: Sequence[EventDoc]) -> list[str]:
    """Counts worth knowing about the set, one line each."""
    qk = Counter(q.kind for d in docs for q in d.quotes)
    sk = Counter(q.speaker_kind for d in docs for q in d.quotes)
    chains = Counter(len(q.chain) for d in docs for q in d.quotes)
    et = Counter(e.type for d in docs for e in d.events)
    em = Counter(e.modality for d in docs for e in d.events)
    modes = Counter(f"{e.type}/{e.mode}" for d in docs for e in d.events if e.mode)
    dated = sum(e.date is not None for d in docs for e in d.events)
    nq = sum(qk.values())
    ne = sum(et.values())
    return [
        f"{len(docs)} articles, {nq} quotes, {ne} events ({dated} dated)",
        "quotes by kind: " + ", ".join(f"{k} {n}" for k, n in qk.most_common()),
        "quotes by speaker_kind: " + ", ".join(f"{k} {n}" for k, n in sk.most_common()),
        "chain lengths: " + ", ".join(f"{k}: {n}" for k, n in sorted(chains.items())),
        "events by type: " + ", ".join(f"{k} {n}" for k, n in et.most_common()),
        "events by modality: " + ", ".join(f"{k} {n}" for k, n in em.most_common()),
        "modes: " + ", ".join(f"{k} {n}" for k, n in modes.most_common()),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate (the only action)")
    ap.add_argument("--dir", type=Path, default=HERE, help="holds gold.jsonl, extra_actors.tsv")
    ap.add_argument("--entities-dir", type=Path, default=ENTITIES, help="articles/, actors.tsv")
    ap.add_argument("--gold", type=Path, help="events gold file (overrides --dir)")
    ap.add_argument("--articles", type=Path, help="articles folder (overrides --entities-dir)")
    ap.add_argument("--actors", type=Path, action="append", help="actors.tsv-style registry")
    ap.add_argument("--entities", type=Path, help="entities gold (gold.jsonl-style) for the set")
    args = ap.parse_args(argv)
    paths = Paths.default(args.dir, args.entities_dir)
    if args.gold:
        paths.gold = args.gold
    if args.articles:
        paths.articles = args.articles
    if args.actors:
        paths.actors = args.actors
    if args.entities:
        paths.entities = args.entities
    problems = check(paths)
    for prob in problems:
        print(f"PROBLEM {prob}")
    if problems:
        print(f"{len(problems)} problems")
        return 1
    print("\n".join(summary(load_gold(paths=paths))))
    print("gold OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
