"""Quotes and events evaluation: who said what through whom, who did what to whom.

Why: an analyst reads rasid's event table instead of the articles, so a wrong source or a
target taken from another sentence is worse than a missed event (the main complaint about
GDELT rows). This scores rasid's ``spans["quotes"]`` and ``spans["events"]`` on the gold of
``eval/events`` (40 dev articles, guidelines in its README) or, with ``--set heldout``, on
``eval/heldout/events.jsonl`` (written apart; report only, never tune on it).

How: every article runs through the default pipeline (plus the quotes and events stages if
the pipeline does not list them yet) and ``link_documents``. Gold strings are placed in the
documents' ``clean_text`` with the gold's own procedure (:mod:`eval.events.build_gold`); an
item the cleaner changed so that it cannot be found is reported and counts as missed.
Predicted actor ids are mapped to gold ids through the entity gold: a predicted actor is a
gold actor when more than half of its aligned mentions are that gold actor's (several
predicted actors may map to one gold actor: grouping is scored by eval/entities_eval.py).

Metrics:

- **quotes**: detection P/R (content spans overlap; one-to-one, largest overlap first);
  content agreement (character Jaccard ≥ 0.8 of paired contents); **speaker accuracy** =
  gold quotes whose paired prediction names the gold speaker(s) (anonymous/collective gold:
  no actor and an anonymous/collective kind) / all gold quotes; speaker kind accuracy;
  **chain accuracy** = gold quotes whose paired prediction has the gold chain: same outlet,
  same relays in order, right speaker.
- **events**: **strict** P/R/F1 — a prediction matches a gold event in the same sentence with
  the same type and the same source and target id sets (one-to-one, nearest triggers first);
  also trigger+type and trigger-only P/R (trigger spans overlap). **Argument accuracy** over
  pairs matched on trigger+type: source, target, place, date, modality, mode and the quote
  link, each right/total. Dates follow the gold rule: a null gold date is matched by a null
  prediction, or by ``published`` for an ``asserted`` event.

Run ``python -m eval.events_eval --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.entities import build_gold as entities_gold
from eval.entities_eval import PredMention, align, lenient_pairs, predicted, prf
from eval.events.build_gold import (
    GoldError,
    Paths,
    _records,
    place_event,
    place_quote,
)
from eval.machine import machine_info
from eval.tables import print_header, render_rows

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": (
        Paths.default(),
        ROOT / "eval" / "entities",
    ),
    "heldout": (
        Paths(
            ROOT / "eval" / "heldout" / "events.jsonl",
            ROOT / "eval" / "heldout" / "articles",
            [ROOT / "eval" / "heldout" / "actors.tsv"],
            ROOT / "eval" / "heldout" / "gold.jsonl",
        ),
        ROOT / "eval" / "heldout",
    ),
}
ARGS = ("source", "target", "place", "date", "modality", "mode", "quote")
Where = tuple[int, int, int]  # (part, start, end) in a document's clean_text


# --------------------------------------------------------------------------------------------
# Gold placed in the clean text
# --------------------------------------------------------------------------------------------


@dataclass
class QuoteAt:
    raw: dict
    content: Where
    cue: Where


@dataclass
class EventAt:
    raw: dict
    sentence: Where
    trigger: Where


@dataclass
class ArticleGold:
    doc: str
    published: str | None
    outlet: str | None
    quotes: list[QuoteAt] = field(default_factory=list)
    events: list[EventAt] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def place_gold(record: dict, texts: Sequence[str]) -> ArticleGold:
    """The gold of one article located in its documents' clean texts (first part that fits)."""
    out = ArticleGold(record["doc"], record.get("published"), record.get("outlet"))
    for q in record["quotes"]:
        for part, text in enumerate(texts):
            try:
                content, cue, _ = place_quote(text, 0, q)
            except GoldError:
                continue
            out.quotes.append(
                QuoteAt(q, (part, content.start, content.end), (part, cue.start, cue.end))
            )
            break
        else:
            out.unplaced.append(f"{q['id']} «{q['content'][:40]}»")
    for e in record["events"]:
        for part, text in enumerate(texts):
            try:
                sent, trig = place_event(text, 0, e)
            except GoldError:
                continue
            out.events.append(
                EventAt(e, (part, sent.start, sent.end), (part, trig.start, trig.end))
            )
            break
        else:
            out.unplaced.append(f"{e['id']} «{e['trigger']}»")
    return out


# --------------------------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------------------------


@dataclass
class Prediction:
    """One article's documents as rasid left them, and their actor ids mapped to gold ids."""

    texts: list[str]
    quotes: list[tuple[int, Any]]  # (part, Span)
    events: list[tuple[int, Any]]
    to_gold: dict[str, str]
    published: str | None


def actor_map(gold_doc: Any, texts: list[str], pred: list[PredMention]) -> dict[str, str]:
    """Predicted actor id -> gold id: the gold actor of most of its aligned mentions."""
    al = align(gold_doc, texts, pred)
    pairs = lenient_pairs(al.gold, al.pred)
    members: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(al.pred):
        members[p.actor].append(j)
    out = {}
    for actor, js in members.items():
        votes = Counter(al.gold[pairs[j]].actor for j in js if j in pairs)
        if votes:
            best, n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
            if n * 2 > len(js):
                out[actor] = best
    return out


def pipeline_with_stages() -> Any:
    """The default pipeline, with the quotes and events stages added if it lacks them."""
    from rasid.pipeline import Pipeline, default_pipeline

    pipe = default_pipeline()
    stages = list(pipe.stages)
    names = {s.name for s in stages}
    if "quotes" not in names:
        from rasid.stages.quotes import quotes_stage

        stages.append(quotes_stage)
    if "events" not in names:
        from rasid.stages.events import events_stage

        stages.append(events_stage)
    return Pipeline(pipe.page_stage, stages)


def run_rasid(records: Sequence[dict], articles: Path, entity_golds: dict[str, Any]) -> list:
    """Run rasid on every article of the set; one :class:`Prediction` per record."""
    from rasid.document import Page
    from rasid.stages.link import link_documents

    pipe = pipeline_with_stages()
    per_article, all_docs = [], []
    for r in records:
        text = (articles / f"{r['doc']}.txt").read_text(encoding="utf-8")
        page = Page(source=f"{r['doc']}.txt", format="txt", text=text)
        page.meta["date"] = r.get("published") or ""
        docs = pipe.process(page)
        per_article.append(docs)
        all_docs.extend(docs)
    link_documents(all_docs)
    out = []
    for r, docs in zip(records, per_article, strict=True):
        ent_texts, ent_pred = predicted(docs)
        to_gold = actor_map(entity_golds[r["doc"]], ent_texts, ent_pred)
        texts = [d.clean_text for d in docs]
        quotes = [(i, s) for i, d in enumerate(docs) for s in d.spans.get("quotes", [])]
        events = [(i, s) for i, d in enumerate(docs) for s in d.spans.get("events", [])]
        out.append(Prediction(texts, quotes, events, to_gold, r.get("published")))
    return out


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def _overlap(a: Where, b: Where) -> int:
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def _where(part: int, span: Any) -> Where:
    return (part, span.start, span.end)


def _ids(refs: Iterable[dict] | None, to_gold: dict[str, str]) -> set[str]:
    """Gold ids of predicted actor refs; an unmapped ref stays a predicted id (never gold)."""
    out = set()
    for ref in refs or []:
        ident = ref.get("actor") if isinstance(ref, dict) else None
        if ident:
            out.add(to_gold.get(ident, f"pred:{ident}"))
    return out


def _gold_set(value: str | list[str] | None) -> set[str]:
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}


def speaker_right(gold: dict, attrs: dict, to_gold: dict[str, str]) -> bool:
    """The predicted speaker is the gold one (kinds without an actor must have none)."""
    got = _ids(attrs.get("speaker_actors"), to_gold)
    if gold["speaker_kind"] in ("anonymous", "collective"):
        return not got and attrs.get("speaker_kind") in ("anonymous", "collective")
    return got == _gold_set(gold["speaker"])


def chain_right(gold: dict, attrs: dict, to_gold: dict[str, str]) -> bool:
    """Same outlet, same relays in order, right speaker."""
    hops = attrs.get("chain") or []
    if not hops or not speaker_right(gold, attrs, to_gold):
        return False
    first = hops[0].get("actor") if hops[0].get("kind") == "outlet" else None
    relays = [h.get("actor") for h in hops[1:] if h.get("kind") == "relay"]
    want = gold["chain"]
    outlet_ok = (to_gold.get(first) if first else None) == want[0]
    return outlet_ok and [to_gold.get(r or "") for r in relays] == list(want[1:-1])


def pair_by_overlap(gold: Sequence[Where], pred: Sequence[Where]) -> dict[int, int]:
    """gold index -> pred index, overlapping spans one-to-one, largest overlap first."""
    cands = sorted(
        (-ov, gi, pj)
        for gi, g in enumerate(gold)
        for pj, p in enumerate(pred)
        if (ov := _overlap(g, p)) > 0
    )
    used: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pj in cands:
        if gi not in out and pj not in used:
            out[gi] = pj
            used.add(pj)
    return out


def date_right(gold: dict, attrs: dict, published: str | None) -> bool:
    want, got = gold["date"], attrs.get("date") or None
    if want is None:
        if got is None:
            return True
        return gold["modality"] == "asserted" and got.get("value") == published is not None
    if got is None:
        return False
    if isinstance(want, dict):
        return got.get("start") == want.get("start") and got.get("end") == want.get("end")
    return got.get("value") == want


@dataclass
class Counts:
    """Totals over articles; ``errors`` keeps readable misses for ``--show-errors``."""

    n: Counter = field(default_factory=Counter)
    by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    args: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)


def score_article(gold: ArticleGold, pred: Prediction, counts: Counts) -> None:
    c, to_gold = counts.n, pred.to_gold
    # quotes
    q_gold = [q.content for q in gold.quotes]
    q_pred = [_where(part, s) for part, s in pred.quotes]
    q_pairs = pair_by_overlap(q_gold, q_pred)
    c["quotes_gold"] += len(gold.quotes) + sum(1 for u in gold.unplaced if u.startswith("q"))
    c["quotes_pred"] += len(q_pred)
    c["quotes_paired"] += len(q_pairs)
    quote_id_map = {}  # gold quote id -> predicted quote id
    for gi, pj in q_pairs.items():
        g, (_, span) = gold.quotes[gi], pred.quotes[pj]
        quote_id_map[g.raw["id"]] = span.attrs.get("id")
        a, b = g.content, q_pred[pj]
        inter = _overlap(a, b)
        union = (a[2] - a[1]) + (b[2] - b[1]) - inter
        c["content_ok"] += inter / union >= 0.8 if union else 1
        if speaker_right(g.raw, span.attrs, to_gold):
            c["speaker_ok"] += 1
        else:
            got = sorted(_ids(span.attrs.get("speaker_actors"), to_gold))
            counts.errors.append(
                f"{gold.doc} {g.raw['id']} speaker: gold {g.raw['speaker']} "
                f"({g.raw['speaker_kind']}), got {got} ({span.attrs.get('speaker_kind')})"
            )
        c["kind_ok"] += span.attrs.get("speaker_kind") == g.raw["speaker_kind"]
        c["chain_ok"] += chain_right(g.raw, span.attrs, to_gold)
    for gi, g in enumerate(gold.quotes):
        if gi not in q_pairs:
            counts.errors.append(f"{gold.doc} {g.raw['id']} quote missed: «{g.raw['content']}»")
    # events
    e_gold = gold.events
    e_pred = pred.events
    c["events_gold"] += len(e_gold) + sum(1 for u in gold.unplaced if u.startswith("e"))
    c["events_pred"] += len(e_pred)
    for e in e_gold:
        counts.by_type[e.raw["type"]]["gold"] += 1
    for _, s in e_pred:
        counts.by_type[s.label]["pred"] += 1
    # trigger-only and trigger+type pairing
    trig_pairs = pair_by_overlap([e.trigger for e in e_gold], [_where(p, s) for p, s in e_pred])
    c["trigger_ok"] += len(trig_pairs)
    typed_pairs = {
        gi: pj for gi, pj in trig_pairs.items() if e_pred[pj][1].label == e_gold[gi].raw["type"]
    }
    c["typed_ok"] += len(typed_pairs)
    for gi, pj in typed_pairs.items():
        g, attrs = e_gold[gi].raw, e_pred[pj][1].attrs
        right = {
            "source": _ids(attrs.get("source"), to_gold) == set(g["source"]),
            "target": _ids(attrs.get("target"), to_gold) == set(g["target"]),
            "place": (_ids([attrs["place"]], to_gold) if attrs.get("place") else set())
            == _gold_set(g["place"]),
            "date": date_right(g, attrs, pred.published),
            "modality": attrs.get("modality") == g["modality"],
            "mode": attrs.get("mode") == g["mode"],
        }
        if g["quote"] is not None or attrs.get("quote"):
            right["quote"] = (
                quote_id_map.get(g["quote"]) == attrs.get("quote") if g["quote"] else False
            )
        for k, ok in right.items():
            counts.args[k]["total"] += 1
            counts.args[k]["ok"] += ok
    # strict: same sentence, type, source set, target set; nearest triggers first
    cands = []
    for gi, e in enumerate(e_gold):
        for pj, (part, s) in enumerate(e_pred):
            if part != e.sentence[0] or not (e.sentence[1] <= s.start < e.sentence[2]):
                continue
            if s.label != e.raw["type"]:
                continue
            if _ids(s.attrs.get("source"), to_gold) != set(e.raw["source"]):
                continue
            if _ids(s.attrs.get("target"), to_gold) != set(e.raw["target"]):
                continue
            cands.append((abs(s.start - e.trigger[1]), gi, pj))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pj in cands:
        if gi in used_g or pj in used_p:
            continue
        used_g.add(gi)
        used_p.add(pj)
        counts.by_type[e_gold[gi].raw["type"]]["ok"] += 1
    c["strict_ok"] += len(used_g)
    for gi, e in enumerate(e_gold):
        if gi in used_g:
            continue
        g = e.raw
        near = trig_pairs.get(gi)
        got = ""
        if near is not None:
            s = e_pred[near][1]
            got = (
                f" — got {s.label} src {sorted(_ids(s.attrs.get('source'), to_gold))} "
                f"tgt {sorted(_ids(s.attrs.get('target'), to_gold))}"
            )
        counts.errors.append(
            f"{gold.doc} {g['id']} event missed: {g['type']} «{g['trigger']}» "
            f"src {g['source']} tgt {g['target']}{got}"
        )
    for pj, (part, s) in enumerate(e_pred):
        if pj not in used_p and pj not in trig_pairs.values():
            text = pred.texts[part]
            counts.errors.append(
                f"{gold.doc} spurious event: {s.label} «{text[s.start : s.end]}» "
                f"src {sorted(_ids(s.attrs.get('source'), to_gold))} "
                f"tgt {sorted(_ids(s.attrs.get('target'), to_gold))}"
            )
    for u in gold.unplaced:
        counts.errors.append(f"{gold.doc} not in clean_text: {u}")


def summary(counts: Counts) -> dict[str, Any]:
    c = counts.n
    qp, qr, qf = prf(c["quotes_paired"], c["quotes_pred"], c["quotes_gold"])
    sp, sr, sf = prf(c["strict_ok"], c["events_pred"], c["events_gold"])
    tp, tr, tf = prf(c["typed_ok"], c["events_pred"], c["events_gold"])
    gp, gr, gf = prf(c["trigger_ok"], c["events_pred"], c["events_gold"])
    gold_q = c["quotes_gold"] or 1
    paired = c["quotes_paired"] or 1
    return {
        "quotes": {
            "gold": c["quotes_gold"],
            "pred": c["quotes_pred"],
            "detection": {"p": qp, "r": qr, "f1": qf},
            "content_agreement": c["content_ok"] / paired,
            "speaker_accuracy": c["speaker_ok"] / gold_q,
            "speaker_accuracy_paired": c["speaker_ok"] / paired,
            "speaker_kind_accuracy_paired": c["kind_ok"] / paired,
            "chain_accuracy": c["chain_ok"] / gold_q,
        },
        "events": {
            "gold": c["events_gold"],
            "pred": c["events_pred"],
            "strict": {"p": sp, "r": sr, "f1": sf},
            "trigger_type": {"p": tp, "r": tr, "f1": tf},
            "trigger": {"p": gp, "r": gr, "f1": gf},
            "by_type": {
                t: {
                    "gold": v["gold"],
                    "pred": v["pred"],
                    **dict(zip(("p", "r", "f1"), prf(v["ok"], v["pred"], v["gold"]), strict=True)),
                }
                for t, v in sorted(counts.by_type.items())
            },
            "arguments": {
                k: {"ok": v["ok"], "total": v["total"], "accuracy": v["ok"] / v["total"]}
                for k in ARGS
                if (v := counts.args[k])["total"]
            },
        },
    }


def evaluate(set_name: str = "dev", limit: int | None = None) -> tuple[dict[str, Any], Counts]:
    """Run rasid on a gold set and score it: (summary, counts with the error list)."""
    paths, entity_dir = SETS[set_name]
    records = _records(paths.gold)[:limit] if limit else _records(paths.gold)
    entity_golds = {g.doc: g for g in entities_gold.load_gold(entity_dir)}
    preds = run_rasid(records, paths.articles, entity_golds)
    counts = Counts()
    for r, p in zip(records, preds, strict=True):
        score_article(place_gold(r, p.texts), p, counts)
    return summary(counts), counts


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def print_report(s: dict[str, Any], md: bool) -> None:
    q, e = s["quotes"], s["events"]
    print("Quotes (speaker and chain accuracy are over all gold quotes)")
    print()
    rows = [
        [
            "detection (content overlaps)",
            q["detection"]["p"],
            q["detection"]["r"],
            q["detection"]["f1"],
        ],
        ["speaker accuracy", None, q["speaker_accuracy"], None],
        ["chain accuracy", None, q["chain_accuracy"], None],
        ["speaker accuracy, paired quotes", None, q["speaker_accuracy_paired"], None],
        ["speaker kind, paired quotes", None, q["speaker_kind_accuracy_paired"], None],
        ["content Jaccard ≥ 0.8, paired", None, q["content_agreement"], None],
    ]
    print(render_rows(["quotes", "P", "R / accuracy", "F1"], rows, md))
    print(f"\n{q['gold']} gold quotes, {q['pred']} predicted\n")
    print("Events (strict = same sentence, type, source and target)")
    print()
    rows = [
        [name, e[key]["p"], e[key]["r"], e[key]["f1"]]
        for name, key in (
            ("strict", "strict"),
            ("trigger + type", "trigger_type"),
            ("trigger", "trigger"),
        )
    ]
    print(render_rows(["events", "P", "R", "F1"], rows, md))
    print(f"\n{e['gold']} gold events, {e['pred']} predicted\n")
    rows = [[t, v["gold"], v["pred"], v["p"], v["r"], v["f1"]] for t, v in e["by_type"].items()]
    print(render_rows(["type (strict)", "gold", "pred", "P", "R", "F1"], rows, md))
    print()
    rows = [[k, v["ok"], v["total"], v["accuracy"]] for k, v in e["arguments"].items()]
    print(render_rows(["argument (trigger+type pairs)", "right", "total", "accuracy"], rows, md))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="dev", help="gold set (default dev)")
    ap.add_argument("--slice", type=int, default=None, metavar="N", help="first N articles")
    ap.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument(
        "--show-errors",
        action="store_true",
        help="list misses (dev set only: never tune on heldout)",
    )
    args = ap.parse_args(argv)
    info = machine_info()
    t0 = time.perf_counter()
    try:
        result, counts = evaluate(args.set, args.slice)
    except ImportError as err:
        print_header("Quotes and events", info, [f"stage not available: {err}"], args.markdown)
        return 1
    seconds = time.perf_counter() - t0
    notes = [
        f"gold: {args.set} set ({SETS[args.set][0].gold.relative_to(ROOT)})",
        f"{seconds:.1f} s (pipeline + linking + scoring)",
    ]
    print_header("Quotes and events", info, notes, args.markdown)
    print_report(result, args.markdown)
    if args.show_errors:
        print()
        for line in counts.errors:
            print(line)
    if args.json:
        args.json.write_text(
            json.dumps({"machine": info, "summary": result}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
