"""Entities-stage evaluation: mentions, canonical actors per document, cross-document linking.

Why: the entities stage is only useful to an analyst if "حفتر", "المشير خليفة حفتر" and
"اللواء المتقاعد حفتر" in one article are one actor, and "أردوغان" in one outlet and
"إردوغان" in another are the same id. NER F1 (eval/ner_eval.py) does not measure either.
This scores rasid on the 40 hand-written articles of ``eval/entities`` (README there), or with
``--dir eval/heldout`` on the 20 held-out articles written apart from the system (report
only: never tune on them; eval/heldout/README.md).

What is scored: each gold mention is located in the document's ``clean_text`` with the gold's
own procedure (:func:`eval.entities.build_gold.locate`). The cleaner takes the headline out
of the body; rasid reports its mentions apart (``spans["headline_entities"]``, offsets into
the headline), so the headline is scored as a text of its own, placed first. Headline
mentions are left out only when rasid gives no headline; mentions that cannot be located
(a line the cleaner dropped) are reported and left
out. Predicted spans are ``doc.spans["entities"]`` after ``link_documents``.

Metrics:

- **mentions**: precision/recall/F1 of predicted spans against scored gold mentions, exact
  (same offsets), exact+type, and lenient (any overlap, one-to-one, largest overlap first);
  per type exact+type.
- **actors per document**: predicted actors are the groups of a document's spans with one
  ``attrs["actor"]``. Each predicted mention is mapped to a gold mention (lenient match); a
  predicted actor is *correct* when more than half of its mentions belong to one gold actor
  not already claimed by another predicted actor (larger majorities claim first); that gold
  actor is then *found*. P = correct/predicted actors, R = found/gold actors; macro is the
  mean over documents, micro the totals.
- **cross-document pairwise**: every pair of (document, gold actor) entries in different
  documents; gold-same = same gold id; predicted-same = both found and their predicted actor
  ids equal. P, R, F1 of predicted-same pairs. Per variant family (gold ids spelled two or
  more ways across documents, ``build_gold.variant_families``): whether all its entries got
  one id, and pairwise recall per kind of variation.
- **roles**: share of gold roles (per document and actor) equal, after ``normalize_arabic``,
  to the ``role`` or ``epithet`` attribute (or one of the split ``titles``) of some mention
  of the matched predicted actor.

Run ``python -m eval.entities_eval --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.entities.build_gold import HERE as GOLD_DIR
from eval.entities.build_gold import (
    GoldDoc,
    load_gold,
    locate,
    variant_families,
    variant_kinds,
)
from eval.machine import machine_info
from eval.tables import print_header, render_rows
from rasid.normalize import normalize_arabic

TYPES = ("PER", "ORG", "LOC", "FAC", "EVENT", "LAW")
Key = tuple[int, int, int]  # (part: which document of the page, start, end) in clean_text


@dataclass
class PredMention:
    """One predicted entity span, as the stage leaves it after ``link_documents``."""

    part: int
    start: int
    end: int
    text: str
    type: str
    actor: str
    role: str | None = None
    epithet: str | None = None
    titles: tuple[str, ...] = ()  # a stacked role split into its titles

    @property
    def key(self) -> Key:
        return (self.part, self.start, self.end)


@dataclass
class GoldMentionAt:
    actor: str  # gold id
    type: str
    key: Key


@dataclass
class Aligned:
    """One article: gold mentions placed in the clean text(s), and the predicted mentions."""

    doc: str
    gold: list[GoldMentionAt]
    roles: dict[str, list[str]]  # gold id -> roles
    pred: list[PredMention]
    headline_skipped: int = 0
    unaligned: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Alignment of the gold to the clean text
# --------------------------------------------------------------------------------------------


def align(gold: GoldDoc, clean_texts: Sequence[str], pred: Sequence[PredMention]) -> Aligned:
    """Gold mentions located in the clean text of each document the page gave, in order."""
    headline = gold.text[: gold.headline_end]
    out = Aligned(gold.doc, [], {a.id: a.roles for a in gold.actors}, list(pred))
    todo: dict[str, list[tuple[int, str]]] = {}
    for a in gold.actors:
        keep = []
        for i, m in enumerate(a.mentions):
            in_headline = m.start < gold.headline_end
            if in_headline and not any(
                normalize_arabic(t).startswith(normalize_arabic(headline)) for t in clean_texts
            ):
                out.headline_skipped += 1
                continue
            keep.append((i, m.text))
        todo[a.id] = keep
    kinds = {a.id: a.type for a in gold.actors}
    for part, text in enumerate(clean_texts):
        where = locate(text, [(a, [s for _, s in ms]) for a, ms in todo.items()])
        for actor_id, ms in todo.items():
            rest = []
            for (i, surface), pos in zip(ms, where[actor_id], strict=True):
                if pos is None:
                    rest.append((i, surface))
                else:
                    out.gold.append(GoldMentionAt(actor_id, kinds[actor_id], (part, *pos)))
            todo[actor_id] = rest
    for actor_id, ms in todo.items():
        out.unaligned += [f"{actor_id} «{s}»" for _, s in ms]
    out.gold.sort(key=lambda g: g.key)
    return out


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing predicted is perfect only when nothing was to find."""
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def lenient_pairs(gold: Sequence[GoldMentionAt], pred: Sequence[PredMention]) -> dict[int, int]:
    """pred index -> gold index: overlapping spans, one-to-one, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pj, p in enumerate(pred):
            if g.key[0] != p.part:
                continue
            ov = min(g.key[2], p.end) - max(g.key[1], p.start)
            if ov > 0:
                cands.append((-ov, gi, pj))
    cands.sort()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pj in cands:
        if gi in used_g or pj in out:
            continue
        used_g.add(gi)
        out[pj] = gi
    return out


@dataclass
class DocScore:
    """One article's counts and its gold-actor → predicted-actor matching."""

    doc: str
    n_gold: int
    n_pred: int
    exact: int
    exact_typed: int
    lenient: int
    by_type: dict[str, list[int]]  # type -> [tp exact+type, pred, gold]
    gold_actors: int
    pred_actors: int
    correct_actors: int
    matched: dict[str, str]  # gold id -> predicted actor id
    roles_total: int
    roles_found: int
    missed_roles: list[str]


def score_doc(al: Aligned) -> DocScore:
    gold, pred = al.gold, al.pred
    gold_keys = {g.key: g for g in gold}
    exact = sum(p.key in gold_keys for p in pred)
    exact_typed = sum(p.key in gold_keys and gold_keys[p.key].type == p.type for p in pred)
    pairs = lenient_pairs(gold, pred)
    by_type: dict[str, list[int]] = {t: [0, 0, 0] for t in TYPES}
    for g in gold:
        by_type.setdefault(g.type, [0, 0, 0])[2] += 1
    for p in pred:
        by_type.setdefault(p.type, [0, 0, 0])[1] += 1
        if p.key in gold_keys and gold_keys[p.key].type == p.type:
            by_type[p.type][0] += 1

    groups: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        groups[p.actor].append(j)
    gold_ids = {g.actor for g in gold}
    votes = []
    for actor, members in groups.items():
        c = Counter(gold[pairs[j]].actor for j in members if j in pairs)
        if c:
            best, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
            if n * 2 > len(members):
                votes.append((n, actor, best))
    votes.sort(key=lambda v: (-v[0], v[1]))
    matched: dict[str, str] = {}
    for _, actor, best in votes:
        if best not in matched:
            matched[best] = actor

    roles_total = roles_found = 0
    missed = []
    for gid in sorted(gold_ids):
        got = set()
        if gid in matched:
            for j in groups[matched[gid]]:
                for v in (pred[j].role, pred[j].epithet, *pred[j].titles):
                    if v:
                        got.add(normalize_arabic(v))
        for role in al.roles.get(gid, []):
            roles_total += 1
            if normalize_arabic(role) in got:
                roles_found += 1
            else:
                missed.append(f"{gid}: {role}")
    return DocScore(
        al.doc, len(gold), len(pred), exact, exact_typed, len(pairs), by_type,
        len(gold_ids), len(groups), len(matched), matched, roles_total, roles_found, missed,
    )  # fmt: skip


def pairwise(scores: Sequence[DocScore], gold_of: dict[str, set[str]]) -> dict[str, Any]:
    """Cross-document pairs of (doc, gold actor) entries; ``gold_of`` doc -> gold ids scored."""
    entries = [(s.doc, gid, s.matched.get(gid)) for s in scores for gid in sorted(gold_of[s.doc])]
    tp = n_pred = n_gold = 0
    for (d1, g1, p1), (d2, g2, p2) in combinations(entries, 2):
        if d1 == d2:
            continue
        same_gold = g1 == g2
        same_pred = p1 is not None and p1 == p2
        n_gold += same_gold
        n_pred += same_pred
        tp += same_gold and same_pred
    p, r, f = prf(tp, n_pred, n_gold)
    return {"pairs_gold_same": n_gold, "pairs_pred_same": n_pred, "tp": tp, "p": p, "r": r, "f1": f}


def family_rows(
    scores: Sequence[DocScore], golds: Sequence[GoldDoc]
) -> tuple[list[list[Any]], dict[str, list[int]]]:
    """Per variant family: docs, spellings, predicted ids; and per kind [linked pairs, pairs]."""
    fams = variant_families(golds)
    by_doc = {s.doc: s for s in scores}
    spell: dict[tuple[str, str], set[str]] = {}
    for d in golds:
        for a in d.actors:
            spell[(d.doc, a.id)] = {m.text for m in a.mentions}
    rows = []
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gid, fam in sorted(fams.items()):
        docs = [d for d in fam["docs"] if d in by_doc]
        preds = [by_doc[d].matched.get(gid) for d in docs]
        ids = {p for p in preds if p is not None}
        one = len(docs) > 0 and None not in preds and len(ids) == 1
        rows.append([gid, len(docs), " / ".join(fam["spellings"]), ", ".join(fam["kinds"]),
                     len(ids), sum(p is None for p in preds), "yes" if one else "no"])  # fmt: skip
        for (d1, p1), (d2, p2) in combinations(zip(docs, preds, strict=True), 2):
            ks: set[str] = set()
            for x in spell[(d1, gid)]:
                for y in spell[(d2, gid)]:
                    ks |= variant_kinds(x, y)
            for k in ks:
                kinds[k][1] += 1
                kinds[k][0] += p1 is not None and p1 == p2
    return rows, dict(kinds)


@dataclass
class Result:
    scores: list[DocScore]
    aligned: list[Aligned]
    golds: list[GoldDoc]

    def gold_ids(self) -> dict[str, set[str]]:
        return {a.doc: {g.actor for g in a.gold} for a in self.aligned}

    def summary(self) -> dict[str, Any]:
        s = self.scores
        n_gold = sum(x.n_gold for x in s)
        n_pred = sum(x.n_pred for x in s)
        out: dict[str, Any] = {"docs": len(s), "gold_mentions": n_gold, "pred_mentions": n_pred}
        for name in ("exact", "exact_typed", "lenient"):
            p, r, f = prf(sum(getattr(x, name) for x in s), n_pred, n_gold)
            out[name] = {"p": p, "r": r, "f1": f}
        out["by_type"] = {}
        for t in TYPES:
            tp, npred, ngold = (sum(x.by_type.get(t, [0, 0, 0])[i] for x in s) for i in range(3))
            p, r, f = prf(tp, npred, ngold)
            out["by_type"][t] = {"p": p, "r": r, "f1": f, "gold": ngold, "pred": npred}
        macro_p = [prf(x.correct_actors, x.pred_actors, x.gold_actors)[0] for x in s]
        macro_r = [prf(x.correct_actors, x.pred_actors, x.gold_actors)[1] for x in s]
        mp, mr = (sum(v) / len(v) if v else 0.0 for v in (macro_p, macro_r))
        ip, ir, i_f = prf(
            sum(x.correct_actors for x in s),
            sum(x.pred_actors for x in s),
            sum(x.gold_actors for x in s),
        )
        out["actors"] = {
            "macro_p": mp, "macro_r": mr, "macro_f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0,
            "micro_p": ip, "micro_r": ir, "micro_f1": i_f,
            "gold": sum(x.gold_actors for x in s), "pred": sum(x.pred_actors for x in s),
            "correct": sum(x.correct_actors for x in s),
        }  # fmt: skip
        out["pairwise"] = pairwise(s, self.gold_ids())
        total = sum(x.roles_total for x in s)
        out["roles"] = {
            "gold": total,
            "found": sum(x.roles_found for x in s),
            "share": sum(x.roles_found for x in s) / total if total else None,
        }
        out["headline_mentions_skipped"] = sum(a.headline_skipped for a in self.aligned)
        out["unaligned"] = sum(len(a.unaligned) for a in self.aligned)
        return out


def score(aligned: Sequence[Aligned], golds: Sequence[GoldDoc]) -> Result:
    return Result([score_doc(a) for a in aligned], list(aligned), list(golds))


# --------------------------------------------------------------------------------------------
# Running rasid
# --------------------------------------------------------------------------------------------


def predicted(docs: Sequence[Any]) -> tuple[list[str], list[PredMention]]:
    """The texts of one article's documents and their entity spans as :class:`PredMention`.

    The first document's headline is a part of its own, placed before the body texts.
    """
    from rasid.stages.entities import headline_text

    headline = headline_text(docs[0]) if docs else ""
    texts = [headline] if headline else []
    layers = [(0, docs[0].spans.get("headline_entities", []))] if headline else []
    layers += [(len(texts) + n, d.spans.get("entities", [])) for n, d in enumerate(docs)]
    texts += [d.clean_text for d in docs]
    pred = [
        PredMention(
            part,
            sp.start,
            sp.end,
            sp.text,
            str(sp.attrs.get("type", sp.label)),
            str(sp.attrs.get("actor")),
            sp.attrs.get("role"),
            sp.attrs.get("epithet"),
            tuple(sp.attrs.get("titles") or ()),
        )
        for part, spans in layers
        for sp in spans
    ]
    return texts, pred


System = Callable[[Sequence[GoldDoc]], list[tuple[list[str], list[PredMention]]]]


def rasid_system() -> tuple[System | None, str]:
    """The pipeline plus ``link_documents``, or None and why not (the stage is being built)."""
    try:
        from rasid.document import Page
        from rasid.pipeline import default_pipeline
        from rasid.stages.link import link_documents
    except Exception as e:  # ImportError or a broken module: report, don't crash
        return None, f"rasid.stages.link.link_documents not available ({type(e).__name__}: {e})"

    def run(golds: Sequence[GoldDoc]) -> list[tuple[list[str], list[PredMention]]]:
        pipe = default_pipeline()
        per_article = []
        all_docs = []
        for g in golds:
            page = Page(
                source=f"{g.doc}.txt", format="txt", text=g.text, meta={"date": g.published or ""}
            )
            docs = pipe.process(page)
            per_article.append(docs)
            all_docs.extend(docs)
        link_documents(all_docs)
        return [predicted(docs) for docs in per_article]

    return run, "default_pipeline().process + rasid.stages.link.link_documents"


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def print_report(res: Result, info: dict[str, str], notes: list[str], md: bool) -> None:
    def heading(text: str) -> None:
        print(f"### {text}" if md else text.upper())

    print_header("Entities stage", info, notes, md)
    s = res.summary()
    print(
        f"{s['docs']} articles; {s['gold_mentions']} gold mentions scored "
        f"({s['headline_mentions_skipped']} in headlines left out: not in clean_text; "
        f"{s['unaligned']} not found in clean_text), {s['pred_mentions']} predicted."
    )
    print()
    heading("Mentions")
    rows = [[name, s[k]["p"], s[k]["r"], s[k]["f1"]] for name, k in
            (("exact span", "exact"), ("exact span + type", "exact_typed"),
             ("lenient (overlap)", "lenient"))]  # fmt: skip
    rows += [
        [f"  {t} (exact + type)", v["p"], v["r"], v["f1"]]
        for t, v in s["by_type"].items()
        if v["gold"] or v["pred"]
    ]
    print(render_rows(["mentions", "P", "R", "F1"], rows, md))
    print()
    heading("Canonical actors per document")
    a = s["actors"]
    print(
        render_rows(
            ["average", "P", "R", "F1", "gold actors", "predicted actors", "correct"],
            [
                ["macro (per document)", a["macro_p"], a["macro_r"], a["macro_f1"], "", "", ""],
                [
                    "micro",
                    a["micro_p"],
                    a["micro_r"],
                    a["micro_f1"],
                    a["gold"],
                    a["pred"],
                    a["correct"],
                ],
            ],
            md,
        )
    )
    print()
    heading("Cross-document linking (pairwise)")
    pw = s["pairwise"]
    print(
        render_rows(
            ["pairs gold-same", "pairs predicted-same", "both", "P", "R", "F1"],
            [[pw["pairs_gold_same"], pw["pairs_pred_same"], pw["tp"], pw["p"], pw["r"], pw["f1"]]],
            md,
        )
    )
    print()
    rows, kinds = family_rows(res.scores, res.golds)
    heading("Variant families")
    print(
        render_rows(
            ["gold id", "docs", "spellings", "kinds", "predicted ids", "missed", "one id"], rows, md
        )
    )
    print()
    print(
        render_rows(
            ["kind of variation", "pairs", "linked", "recall"],
            [[k, n, ok, ok / n if n else None] for k, (ok, n) in sorted(kinds.items())],
            md,
        )
    )
    print()
    r = s["roles"]
    heading("Roles and epithets")
    print(render_rows(["gold roles", "found", "share"], [[r["gold"], r["found"], r["share"]]], md))
    print()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--dir",
        "--gold",
        dest="gold",
        type=Path,
        default=GOLD_DIR,
        help="the gold directory (default eval/entities; eval/heldout for the held-out set)",
    )
    ap.add_argument("--slice", type=int, default=None, metavar="N", help="first N articles")
    ap.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="write the summary and per-article scores here")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="N worst articles")
    args = ap.parse_args(argv)
    golds = load_gold(args.gold, args.slice)
    info = machine_info()
    system, desc = rasid_system()
    notes = [f"gold: {len(golds)} articles in {args.gold.name}/", f"rasid: {desc}"]
    if system is None:
        print_header("Entities stage", info, notes, args.markdown)
        print("the stage is not available: nothing to score")
        return 1
    t0 = time.perf_counter()
    try:
        outputs = system(golds)
    except Exception as e:  # report it readably, and fail: a broken stage is not a score
        print_header("Entities stage", info, notes, args.markdown)
        print(f"rasid failed: {type(e).__name__}: {e}")
        return 1
    seconds = time.perf_counter() - t0
    notes.append(f"{seconds:.1f} s for {len(golds)} articles (pipeline + linking)")
    aligned = [align(g, texts, pred) for g, (texts, pred) in zip(golds, outputs, strict=True)]
    res = score(aligned, golds)
    print_report(res, info, notes, args.markdown)
    if args.show_errors:
        worst = sorted(res.scores, key=lambda x: x.correct_actors / max(1, x.gold_actors))
        for sc in worst[: args.show_errors]:
            al = next(a for a in aligned if a.doc == sc.doc)
            missed = sorted({g.actor for g in al.gold} - set(sc.matched))
            print(f"{sc.doc}: actors {sc.correct_actors}/{sc.gold_actors}, missed {missed}")
            for u in al.unaligned:
                print(f"  not in clean_text: {u}")
            for m in sc.missed_roles:
                print(f"  role not found: {m}")
    if args.json:
        data = {
            "machine": info,
            "summary": res.summary(),
            "docs": [{k: v for k, v in vars(sc).items() if k != "by_type"} for sc in res.scores],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
