"""Build and check the entities gold set: canonical actors in 40 hand-written news articles.

Why a builder: counting occurrences and character offsets by hand is where annotation goes
wrong. Each article is written once, in ``source/NN.txt``, with its mentions marked inline as
``[surface|actor_id]`` (clitics stay outside the brackets: ``و[السراج|fayez_sarraj]``) and
header lines::

    @published 2024-03-05
    @outlet وكالة الأنباء الليبية          (or: @outlet -  for none)
    @roles khalifa_haftar = المشير | قائد الجيش الوطني الليبي

followed by the headline line, a blank line and the body. ``actors.tsv`` gives every id its
type and canonical name. Building writes the plain article to ``articles/NN.txt`` and one
line per article to ``gold.jsonl``; the gold keeps only mention *strings* (in order of
appearance, per actor), and :func:`load_gold` finds their offsets again with the procedure
below. The build fails unless that procedure puts every mention exactly where the markup
said, so the plain gold is unambiguous on its own.

Locating mentions (:func:`locate`): every occurrence of every mention string of the article,
bounded as a word (preceded by a non-letter or by clitic letters only: و ف, then ب ل ك لل;
followed by a non-letter), tiled leftmost-longest so that "قوات حفتر" hides the "حفتر" inside
it; then each actor takes, for each of its mentions in order, the first unclaimed tile with
that string after its previous mention. A tile left unclaimed is a non-mention use of the
string (لصالح next to the surname صالح) and is allowed.

Run ``python -m eval.entities.build_gold`` to build, ``--check`` to validate ``gold.jsonl``
against ``articles/`` (and ``source/`` when present) and print a summary.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations, pairwise
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rasid.normalize import normalize_arabic

HERE = Path(__file__).resolve().parent
TYPES = ("PER", "ORG", "LOC", "FAC", "EVENT", "LAW")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "لل")
CLITIC_PREFIXES = frozenset(c + p for c in _CONJ for p in _PREP)
_MARK = re.compile(r"\[([^\[\]|]+)\|([a-z0-9_]+)\]")


class GoldError(ValueError):
    """The gold or its source contradicts itself or the article text."""


@dataclass
class GoldMention:
    text: str
    start: int
    end: int


@dataclass
class GoldActor:
    id: str
    type: str
    name: str
    roles: list[str]
    mentions: list[GoldMention]


@dataclass
class GoldDoc:
    """One article: ``text`` is the file as read (headline, blank line, body)."""

    doc: str
    text: str
    published: str | None
    outlet: str | None
    actors: list[GoldActor] = field(default_factory=list)

    @property
    def headline_end(self) -> int:
        """Offset of the end of the headline line: mentions before it are in the headline."""
        i = self.text.find("\n")
        return len(self.text) if i < 0 else i


# --------------------------------------------------------------------------------------------
# Locating mention strings
# --------------------------------------------------------------------------------------------


def is_letter(ch: str) -> bool:
    return ch.isalpha()


def bounded(text: str, start: int, end: int) -> bool:
    """A word-bounded occurrence: only clitic letters glued before, no letter after."""
    if end < len(text) and is_letter(text[end]):
        return False
    i = start
    while i > 0 and is_letter(text[i - 1]):
        i -= 1
    return text[i:start] in CLITIC_PREFIXES


def _pattern(surface: str) -> re.Pattern[str]:
    """The surface string with any run of whitespace allowed between its words."""
    return re.compile(r"\s+".join(re.escape(w) for w in surface.split()))


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every word-bounded occurrence of ``surface`` (overlapping ones too)."""
    pat = _pattern(surface)
    out, pos = [], 0
    while True:
        m = pat.search(text, pos)
        if not m:
            return out
        if bounded(text, m.start(), m.end()):
            out.append((m.start(), m.end()))
        pos = m.start() + 1


def tile(text: str, surfaces: Iterable[str]) -> list[tuple[int, int, str]]:
    """Leftmost-longest non-overlapping occurrences of any of the surface strings."""
    cands = sorted(
        ((s, e, surf) for surf in set(surfaces) for s, e in occurrences(text, surf)),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    out: list[tuple[int, int, str]] = []
    reach = -1
    for s, e, surf in cands:
        if s >= reach:
            out.append((s, e, surf))
            reach = e
    return out


def locate(text: str, actors: Sequence[tuple[str, Sequence[str]]]) -> dict[str, list]:
    """Offsets for each actor's mention strings (see the module docstring); a mention that
    cannot be placed gets ``None``. ``actors`` is ``(id, mentions)`` in the gold's order."""
    tiles = tile(text, [m for _, ms in actors for m in ms])
    claimed: set[int] = set()
    out: dict[str, list] = {}
    for actor_id, mentions in actors:
        placed: list[tuple[int, int] | None] = []
        cursor = 0
        for surface in mentions:
            hit = next(
                (
                    i
                    for i, (s, _, surf) in enumerate(tiles)
                    if surf == surface and s >= cursor and i not in claimed
                ),
                None,
            )
            if hit is None:
                placed.append(None)
                continue
            claimed.add(hit)
            s, e, _ = tiles[hit]
            placed.append((s, e))
            cursor = e
        out[actor_id] = placed
    return out


# --------------------------------------------------------------------------------------------
# Loading the gold
# --------------------------------------------------------------------------------------------


def read_article(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_gold(
    directory: Path = HERE, limit: int | None = None, strict: bool = True
) -> list[GoldDoc]:
    """``gold.jsonl`` with every mention's offsets into ``articles/<doc>.txt`` as read.

    ``strict``: raise :class:`GoldError` on a mention that cannot be placed (else drop it).
    """
    directory = Path(directory)
    docs = []
    with (directory / "gold.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            text = read_article(directory / "articles" / f"{r['doc']}.txt")
            where = locate(text, [(a["id"], a["mentions"]) for a in r["actors"]])
            actors = []
            for a in r["actors"]:
                ms = []
                for surface, pos in zip(a["mentions"], where[a["id"]], strict=True):
                    if pos is None:
                        if strict:
                            raise GoldError(f"{r['doc']}: {a['id']}: «{surface}» not found")
                        continue
                    ms.append(GoldMention(text[pos[0] : pos[1]], pos[0], pos[1]))
                actors.append(GoldActor(a["id"], a["type"], a["name"], list(a["roles"]), ms))
            docs.append(GoldDoc(r["doc"], text, r.get("published"), r.get("outlet"), actors))
            if limit and len(docs) >= limit:
                break
    return docs


# --------------------------------------------------------------------------------------------
# Building from the marked-up sources
# --------------------------------------------------------------------------------------------


def read_registry(path: Path) -> dict[str, tuple[str, str]]:
    """``actors.tsv``: id → (type, canonical name)."""
    reg: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise GoldError(f"actors.tsv:{n}: want id<TAB>type<TAB>name")
        actor_id, kind, name = (p.strip() for p in parts[:3])
        if kind not in TYPES:
            raise GoldError(f"actors.tsv:{n}: unknown type {kind}")
        if actor_id in reg:
            raise GoldError(f"actors.tsv:{n}: {actor_id} twice")
        reg[actor_id] = (kind, name)
    return reg


@dataclass
class Source:
    doc: str
    published: str | None
    outlet: str | None
    roles: dict[str, list[str]]
    text: str
    marks: list[tuple[int, int, str]]  # (start, end, actor id) into text


def parse_source(path: Path) -> Source:
    """A marked-up article: header lines, then the text with ``[surface|id]`` marks."""
    lines = path.read_text(encoding="utf-8").split("\n")
    published = outlet = None
    roles: dict[str, list[str]] = {}
    while lines and lines[0].startswith("@"):
        key, _, value = lines.pop(0)[1:].partition(" ")
        value = value.strip()
        if key == "published":
            published = value
        elif key == "outlet":
            outlet = None if value == "-" else value
        elif key == "roles":
            actor_id, _, phrases = value.partition("=")
            roles[actor_id.strip()] = [p.strip() for p in phrases.split("|") if p.strip()]
        else:
            raise GoldError(f"{path.name}: unknown header @{key}")
    marked = "\n".join(lines).strip() + "\n"
    text_parts: list[str] = []
    marks = []
    pos = length = 0
    for m in _MARK.finditer(marked):
        text_parts.append(marked[pos : m.start()])
        length += m.start() - pos
        surface = m.group(1)
        marks.append((length, length + len(surface), m.group(2)))
        text_parts.append(surface)
        length += len(surface)
        pos = m.end()
    text_parts.append(marked[pos:])
    text = "".join(text_parts)
    for bad in "[]|":
        if bad in text:
            raise GoldError(f"{path.name}: stray {bad!r} (a malformed mark?)")
    return Source(path.stem, published, outlet, roles, text, marks)


def gold_record(src: Source, registry: dict[str, tuple[str, str]]) -> dict:
    """The gold line for one source; raises if :func:`locate` would not reproduce the marks."""
    order: list[str] = []
    mentions: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, e, actor_id in src.marks:
        if actor_id not in registry:
            raise GoldError(f"{src.doc}: unknown id {actor_id} (add it to actors.tsv)")
        if not bounded(src.text, s, e):
            raise GoldError(f"{src.doc}: [{src.text[s:e]}|{actor_id}] is not word-bounded")
        if actor_id not in order:
            order.append(actor_id)
        mentions[actor_id].append(src.text[s:e])
        spans[actor_id].append((s, e))
    for actor_id in src.roles:
        if actor_id not in order:
            raise GoldError(f"{src.doc}: roles for {actor_id}, which has no mention")
    where = locate(src.text, [(a, mentions[a]) for a in order])
    for a in order:
        for got, want in zip(where[a], spans[a], strict=True):
            if got != want:
                raise GoldError(
                    f"{src.doc}: {a} «{src.text[want[0] : want[1]]}» at {want} would be "
                    f"located at {got}: reword the article"
                )
    actors = [
        {
            "id": a,
            "type": registry[a][0],
            "name": registry[a][1],
            "mentions": mentions[a],
            "roles": src.roles.get(a, []),
        }
        for a in order
    ]
    return {"doc": src.doc, "published": src.published, "outlet": src.outlet, "actors": actors}


def build(directory: Path = HERE) -> None:
    registry = read_registry(directory / "actors.tsv")
    (directory / "articles").mkdir(exist_ok=True)
    records = []
    for path in sorted((directory / "source").glob("*.txt")):
        src = parse_source(path)
        (directory / "articles" / f"{src.doc}.txt").write_text(src.text, encoding="utf-8")
        records.append(gold_record(src, registry))
    with (directory / "gold.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} articles and gold.jsonl")


# --------------------------------------------------------------------------------------------
# Checking and summarising
# --------------------------------------------------------------------------------------------

_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def variant_kinds(a: str, b: str) -> set[str]:
    """How two spellings of one name differ, word by word (same number of words only).

    Orthographic kinds fold to the same ``normalize_arabic`` form: hamza/alef, ya/hamza,
    ta marbuta/ha, alef maqsura/ya. The others do not: the g/j/gh letters, long vowels
    written or not, attached ال, and "transliteration" for anything else.
    """
    wa, wb = a.split(), b.split()
    if a == b or len(wa) != len(wb):
        return set()
    kinds: set[str] = set()
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if SequenceMatcher(None, normalize_arabic(x), normalize_arabic(y)).ratio() < 0.5:
            return set()  # another word, not another spelling
        if x.translate(_HAMZA) == y.translate(_HAMZA):
            kinds.add("hamza/alef")
            continue
        if normalize_arabic(x) == normalize_arabic(y):
            pairs = {frozenset(p) for p in zip(x, y, strict=False) if p[0] != p[1]}
            if len(x) != len(y):
                kinds.add("spelling")
            for p in pairs:
                if p <= {"أ", "إ", "آ", "ا"}:
                    kinds.add("hamza/alef")
                elif p == {"ئ", "ي"}:
                    kinds.add("ya/hamza")
                elif p == {"ة", "ه"}:
                    kinds.add("ta marbuta/ha")
                elif p == {"ى", "ي"}:
                    kinds.add("alef maqsura/ya")
            continue
        nx, ny = normalize_arabic(x), normalize_arabic(y)
        if nx == "ا" + ny or ny == "ا" + nx:
            continue  # لل + الأمم: the article's alef dropped after the clitic, same spelling
        if nx.removeprefix("ال") == ny.removeprefix("ال"):
            kinds.add("attached al")
        elif set(nx) ^ set(ny) <= set("غجكق") and ({"غ", "ج"} & (set(nx) ^ set(ny))):
            kinds.add("g/j/gh")
        elif nx.replace("ا", "").replace("و", "").replace("ي", "") == ny.replace("ا", "").replace(
            "و", ""
        ).replace("ي", ""):
            kinds.add("long vowel")
        elif _consonants(nx) == _consonants(ny):
            kinds.add("g/j/gh")
        else:
            kinds.add("transliteration")
    return kinds


def _consonants(word: str) -> str:
    """A skeleton for g/j/gh comparison: long vowels dropped, غ ج ك ق folded together."""
    return re.sub("[اوي]", "", word.translate(str.maketrans("غجكق", "gggg")))


def variant_families(docs: Sequence[GoldDoc]) -> dict[str, dict]:
    """Ids spelled ≥2 ways across the set: their spellings, kinds of variation and docs."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    in_docs: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for a in d.actors:
            in_docs[a.id].add(d.doc)
            for m in a.mentions:
                forms[a.id][m.text] += 1
    out = {}
    for actor_id, spellings in forms.items():
        kinds: set[str] = set()
        for x, y in combinations(spellings, 2):
            kinds |= variant_kinds(x, y)
        if kinds:
            out[actor_id] = {
                "spellings": sorted(spellings),
                "kinds": sorted(kinds),
                "docs": sorted(in_docs[actor_id]),
            }
    return out


def check(directory: Path = HERE) -> list[str]:
    """Every problem found in ``gold.jsonl`` against the articles (empty: the gold is sound)."""
    problems: list[str] = []
    raw = [
        json.loads(line)
        for line in (directory / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    seen_docs: set[str] = set()
    identity: dict[str, tuple[str, str]] = {}
    for r in raw:
        doc = r.get("doc")
        if set(r) != {"doc", "published", "outlet", "actors"}:
            problems.append(f"{doc}: keys {sorted(r)}")
        if doc in seen_docs:
            problems.append(f"{doc}: twice")
        seen_docs.add(doc)
        path = directory / "articles" / f"{doc}.txt"
        if not path.exists():
            problems.append(f"{doc}: no article file")
            continue
        text = read_article(path)
        words = len(re.findall(r"\w+", text))
        if not 120 <= words <= 300:
            problems.append(f"{doc}: {words} words")
        if "\n\n" not in text or not text.split("\n", 1)[0].strip():
            problems.append(f"{doc}: want a headline line, a blank line, then the body")
        ids = [a["id"] for a in r["actors"]]
        for actor_id, n in Counter(ids).items():
            if n > 1:
                problems.append(f"{doc}: {actor_id} listed {n} times")
        for a in r["actors"]:
            if set(a) != {"id", "type", "name", "mentions", "roles"}:
                problems.append(f"{doc}: {a.get('id')}: keys {sorted(a)}")
            if a["type"] not in TYPES:
                problems.append(f"{doc}: {a['id']}: type {a['type']}")
            if not a["mentions"]:
                problems.append(f"{doc}: {a['id']}: no mention")
            if not re.fullmatch(r"[a-z0-9_]+", a["id"]):
                problems.append(f"{doc}: id {a['id']!r} is not lower-case ASCII")
            known = identity.setdefault(a["id"], (a["type"], a["name"]))
            if known != (a["type"], a["name"]):
                problems.append(f"{doc}: {a['id']} is {a['type']} {a['name']}, elsewhere {known}")
            folded = normalize_arabic(text)
            for role in a["roles"]:
                r_ = normalize_arabic(role)
                if r_ not in folded and not (r_.startswith("ال") and r_[2:] in folded):  # لل
                    problems.append(f"{doc}: {a['id']}: role «{role}» not in the text")
        where = locate(text, [(a["id"], a["mentions"]) for a in r["actors"]])
        spans = []
        for a in r["actors"]:
            for surface, pos in zip(a["mentions"], where[a["id"]], strict=True):
                if pos is None:
                    problems.append(f"{doc}: {a['id']}: «{surface}» not found in order")
                else:
                    spans.append((pos[0], pos[1], a["id"]))
        spans.sort()
        for (_, e1, a1), (s2, _, a2) in pairwise(spans):
            if s2 < e1:
                problems.append(f"{doc}: {a1} and {a2} overlap at {s2}")
    source = directory / "source"
    if source.is_dir():
        registry = read_registry(directory / "actors.tsv")
        rebuilt = {}
        for path in sorted(source.glob("*.txt")):
            try:
                src = parse_source(path)
                rebuilt[src.doc] = gold_record(src, registry)
            except GoldError as e:
                problems.append(str(e))
                continue
            art = directory / "articles" / f"{src.doc}.txt"
            if not art.exists() or read_article(art) != src.text:
                problems.append(f"{src.doc}: articles/ differs from source/ (rebuild)")
        if rebuilt and [rebuilt.get(r["doc"]) for r in raw] != raw:
            problems.append("gold.jsonl differs from source/ (rebuild)")
    return problems


def unclaimed(docs: Sequence[GoldDoc]) -> list[str]:
    """Occurrences of any mention string of the set that no gold mention covers.

    Not errors (صالح in لصالح, سلامة the word are meant to stay unmarked), but the place to
    look for a name the annotation forgot.
    """
    strings = {m.text for d in docs for a in d.actors for m in a.mentions}
    out = []
    for d in docs:
        covered = [(m.start, m.end) for a in d.actors for m in a.mentions]
        for s, e, surf in tile(d.text, strings):
            if not any(cs <= s and e <= ce for cs, ce in covered):
                out.append(
                    f"{d.doc}: unmarked «{surf}» at {s}: …{d.text[max(0, s - 20) : e + 20]}…"
                )
    return out


def summary(docs: Sequence[GoldDoc]) -> list[str]:
    """Counts worth knowing about the set, one line each."""
    by_type: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    doc_count: Counter[str] = Counter()
    roles = 0
    headline = 0
    for d in docs:
        for a in d.actors:
            by_type[a.type] += 1
            mentions[a.type] += len(a.mentions)
            doc_count[a.id] += 1
            roles += len(a.roles)
            headline += sum(m.start < d.headline_end for m in a.mentions)
    words = sum(len(re.findall(r"\w+", d.text)) for d in docs)
    multi = sorted((n, i) for i, n in doc_count.items() if n >= 2)
    fams = variant_families(docs)
    kind_count: Counter[str] = Counter(k for f in fams.values() for k in f["kinds"])
    lines = [
        f"{len(docs)} articles, {words} words",
        f"{sum(by_type.values())} (doc, actor) entries, {len(doc_count)} distinct ids, "
        f"{sum(mentions.values())} mentions ({headline} in headlines), {roles} roles",
        "per type (entries/mentions): "
        + ", ".join(f"{t} {by_type[t]}/{mentions[t]}" for t in TYPES),
        f"{len(multi)} ids in ≥2 docs: "
        + ", ".join(f"{i}×{n}" for n, i in sorted(multi, key=lambda t: (-t[0], t[1]))),
        f"{len(fams)} variant families; kinds: "
        + ", ".join(f"{k} {n}" for k, n in kind_count.most_common()),
    ]
    for actor_id, f in sorted(fams.items()):
        lines.append(f"  {actor_id}: {' / '.join(f['spellings'])}  [{', '.join(f['kinds'])}]")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--dir", type=Path, default=HERE)
    args = ap.parse_args(argv)
    if not args.check:
        build(args.dir)
    problems = check(args.dir)
    for p in problems:
        print(f"PROBLEM {p}")
    if problems:
        print(f"{len(problems)} problems")
        return 1
    docs = load_gold(args.dir)
    print("\n".join(summary(docs)))
    for note in unclaimed(docs):
        print(f"note {note}")
    print("gold OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
