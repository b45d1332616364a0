"""Clean-stage evaluation: how much article text survives and how much chrome leaks.

Why: the cleaner decides what every later stage sees; a leaked "اقرأ أيضاً" headline becomes
a false entity and a dropped paragraph a missed quote. This script scores three systems on
the same pages, in the spirit of trafilatura's own evaluation: rasid's pipeline, trafilatura
alone (HTML only) and a no-cleaning baseline (all visible text), on

* the hand-written gold set (``eval/clean/pages`` + ``eval/clean/gold``),
* synthetic pages built at run time from real SaudiNewsNet bodies (``eval/synthetic_pages.py``),
* trafilatura's one Arabic evaluation page (its with/without snippet test).

Metrics: body-token precision/recall/F1 (multiset of normalized word tokens; documents aligned
to gold articles greedily by overlap), chrome leakage (gold ``must_not_contain`` strings found
in the bodies; for every page also the share of non-article lines of the raw page that reach
the output), headline accuracy (exact after normalization, and difflib ratio >= 0.9), article
count accuracy, paragraph exact-match F1 and outlet accuracy.

Run ``python -m eval.clean_eval --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.machine import machine_info as base_machine_info
from eval.tables import print_header
from eval.tables import render_rows as render_table
from rasid.document import Page
from rasid.normalize import normalize_arabic

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "eval" / "clean"
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"
SYSTEMS = ("rasid", "trafilatura", "baseline")
LENIENT_RATIO = 0.9

# --------------------------------------------------------------------------------------------
# Cases and system outputs
# --------------------------------------------------------------------------------------------


@dataclass
class GoldArticle:
    headline: str | None
    body: str
    subheadline: str | None = None
    outlet: str | None = None


@dataclass
class Case:
    """One page with its gold, from whichever set."""

    id: str
    set: str
    format: str
    content: str
    articles: list[GoldArticle]
    must_not_contain: list[str] = field(default_factory=list)
    region: str = ""
    template: str = ""
    phenomena: list[str] = field(default_factory=list)
    encoding: str | None = None
    source: str = ""
    with_snippets: list[str] = field(default_factory=list)  # trafilatura's snippet test

    def raw_lines(self) -> list[str]:
        """The page as lines a reader sees: the text itself, or the visible text of HTML."""
        text = self.content if self.format == "txt" else visible_text(self.content)
        return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass
class SysDoc:
    """What a system produced for one article."""

    body: str
    headline: str | None = None
    subheadline: str | None = None
    outlet: str | None = None
    paragraphs: list[str] | None = None

    def paras(self) -> list[str]:
        if self.paragraphs is not None:
            return self.paragraphs
        return [p for p in re.split(r"\n\s*\n", self.body) if p.strip()]


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Word tokens after rasid's Arabic normalization, punctuation dropped."""
    return _WORD.findall(normalize_arabic(text))


def token_join(text: str) -> str:
    """Comparison form of a string: its tokens joined by single spaces."""
    return " ".join(tokens(text))


def contains(blob: str, needle: str) -> bool:
    """Whole-token containment of one token-joined string in another."""
    return bool(needle) and f" {needle} " in f" {blob} "


def _blob(texts: Iterable[str]) -> str:
    # \x00 never occurs in a token, so a match cannot run across two texts.
    return " \x00 ".join(token_join(t) for t in texts)


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty output is perfect only when the gold is empty too."""
    p = tp / n_sys if n_sys else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def align(
    gold: Sequence[Counter[str]], system: Sequence[Counter[str]]
) -> list[tuple[int, int, int]]:
    """Greedy one-to-one alignment, largest token overlap first: ``(gold_i, sys_j, overlap)``.

    Pairs without any overlap stay unaligned, so an article the system missed scores recall
    0 and a system document made of chrome counts wholly against precision.
    """
    candidates = sorted(
        ((overlap(g, s), gi, sj) for gi, g in enumerate(gold) for sj, s in enumerate(system)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for ov, gi, sj in candidates:
        if ov == 0:
            break
        if gi in used_g or sj in used_s:
            continue
        used_g.add(gi)
        used_s.add(sj)
        pairs.append((gi, sj, ov))
    return sorted(pairs)


def headline_match(gold: str, got: str | None) -> tuple[bool, bool]:
    """(exact, lenient): equal after normalization, or difflib ratio >= 0.9."""
    if not got:
        return False, False
    a, b = token_join(gold), token_join(got)
    exact = a == b
    return exact, exact or SequenceMatcher(None, a, b).ratio() >= LENIENT_RATIO


def outlet_match(gold: str, got: str | None) -> bool:
    """The gold outlet name, as whole tokens, inside what the system found ("جريدة الرياض")."""
    return bool(got) and contains(token_join(got), token_join(gold))


def strings_found(strings: Sequence[str], bodies: Sequence[str]) -> list[str]:
    """The strings that occur (normalized, whole tokens) in the bodies: leaked chrome, or
    for trafilatura's snippet test the text that must be there."""
    blob = _blob(bodies)
    flat = normalize_arabic(" ".join(bodies))
    out = []
    for s in strings:
        key = token_join(s)
        hit = contains(blob, key) if key else normalize_arabic(s) in flat
        if hit:
            out.append(s)
    return out


def chrome_lines(raw_lines: Sequence[str], gold_texts: Sequence[str]) -> list[str]:
    """Lines of the raw page that belong to no gold text (headline, subheadline, body).

    A hard-wrapped line is a piece of a gold paragraph and so counts as article text.
    """
    gold = f" {_blob(gold_texts)} "
    out = []
    for line in raw_lines:
        key = token_join(line)
        if key and f" {key} " not in gold:
            out.append(line)
    return out


def leaked_lines(lines: Sequence[str], bodies: Sequence[str]) -> list[str]:
    """Chrome lines found in the output: multi-word lines anywhere in a body, one-word lines
    only as a whole line of a body (a lone "مشاركة" is also an ordinary word)."""
    blob = _blob(bodies)
    body_lines = {token_join(x) for b in bodies for x in b.splitlines()}
    out = []
    for line in lines:
        key = token_join(line)
        if (" " in key and contains(blob, key)) or (" " not in key and key in body_lines):
            out.append(line)
    return out


@dataclass
class PageScore:
    """One system on one page; the counts aggregate into every table."""

    case: str
    set: str
    format: str
    system: str
    region: str = ""
    template: str = ""
    phenomena: list[str] = field(default_factory=list)
    tp: int = 0
    n_sys: int = 0
    n_gold: int = 0
    para_tp: int = 0
    para_sys: int = 0
    para_gold: int = 0
    headlines: int = 0
    headline_exact: int = 0
    headline_lenient: int = 0
    outlets: int = 0
    outlet_ok: int = 0
    n_docs: int = 0
    n_articles: int = 0
    mnc: int = 0
    mnc_leaked: list[str] = field(default_factory=list)
    chrome: int = 0
    chrome_leaked: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    headline_pairs: list[tuple[str | None, str | None]] = field(default_factory=list)

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.n_sys, self.n_gold)


def score_page(
    case: Case, docs: Sequence[SysDoc], raw_lines: Sequence[str] | None = None
) -> PageScore:
    """Score one system's documents for one page against its gold articles."""
    gold_c = [Counter(tokens(a.body)) for a in case.articles]
    sys_c = [Counter(tokens(d.body)) for d in docs]
    pairs = align(gold_c, sys_c)
    by_gold = {gi: sj for gi, sj, _ in pairs}
    sc = PageScore(case.id, case.set, case.format, "", case.region, case.template, case.phenomena)
    sc.tp = sum(ov for _, _, ov in pairs)
    sc.n_sys = sum(sum(c.values()) for c in sys_c)
    sc.n_gold = sum(sum(c.values()) for c in gold_c)
    sc.n_docs, sc.n_articles = len(docs), len(case.articles)
    gold_paras = [Counter(token_join(p) for p in _split_paras(a.body)) for a in case.articles]
    sys_paras = [Counter(token_join(p) for p in d.paras()) for d in docs]
    for c in gold_paras + sys_paras:
        c.pop("", None)
    sc.para_gold = sum(sum(c.values()) for c in gold_paras)
    sc.para_sys = sum(sum(c.values()) for c in sys_paras)
    sc.para_tp = sum(overlap(gold_paras[gi], sys_paras[sj]) for gi, sj, _ in pairs)
    for gi, art in enumerate(case.articles):
        got = docs[by_gold[gi]] if gi in by_gold else None
        if art.headline:
            exact, lenient = headline_match(art.headline, got.headline if got else None)
            sc.headlines += 1
            sc.headline_exact += exact
            sc.headline_lenient += lenient
            sc.headline_pairs.append((art.headline, got.headline if got else None))
        if art.outlet:
            sc.outlets += 1
            sc.outlet_ok += outlet_match(art.outlet, got.outlet if got else None)
    bodies = [d.body for d in docs]
    sc.mnc = len(case.must_not_contain)
    sc.mnc_leaked = strings_found(case.must_not_contain, bodies)
    if raw_lines is not None:
        gold_texts = [t for a in case.articles for t in (a.headline, a.subheadline, a.body) if t]
        lines = chrome_lines(raw_lines, gold_texts)
        sc.chrome = len(lines)
        sc.chrome_leaked = leaked_lines(lines, bodies)
    return sc


def _split_paras(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def aggregate(scores: Sequence[PageScore]) -> dict[str, Any]:
    """Micro-averaged counts over pages, plus the mean per-page F1."""
    if not scores:
        return {"pages": 0}

    def ratio(num: float, den: float) -> float | None:
        return num / den if den else None

    tp = sum(s.tp for s in scores)
    p, r, f = prf(tp, sum(s.n_sys for s in scores), sum(s.n_gold for s in scores))
    pp, pr, pf = prf(
        sum(s.para_tp for s in scores),
        sum(s.para_sys for s in scores),
        sum(s.para_gold for s in scores),
    )
    return {
        "pages": len(scores),
        "precision": p,
        "recall": r,
        "f1": f,
        "f1_page_mean": sum(s.prf[2] for s in scores) / len(scores),
        "leak_mnc": ratio(sum(len(s.mnc_leaked) for s in scores), sum(s.mnc for s in scores)),
        "leak_lines": ratio(
            sum(len(s.chrome_leaked) for s in scores), sum(s.chrome for s in scores)
        ),
        "headline_exact": ratio(
            sum(s.headline_exact for s in scores), sum(s.headlines for s in scores)
        ),
        "headline_lenient": ratio(
            sum(s.headline_lenient for s in scores), sum(s.headlines for s in scores)
        ),
        "count_acc": sum(s.n_docs == s.n_articles for s in scores) / len(scores),
        "para_f1": pf,
        "para_precision": pp,
        "para_recall": pr,
        "outlet_acc": ratio(sum(s.outlet_ok for s in scores), sum(s.outlets for s in scores)),
        "errors": sum(s.error is not None for s in scores),
        "ms_per_page": 1000 * sum(s.seconds for s in scores) / len(scores),
    }


# --------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    ("address", "article", "aside", "blockquote", "button", "dd", "div", "dl", "dt", "fieldset",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
     "label", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table", "td", "th",
     "title", "tr", "ul")
)  # fmt: skip


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def visible_text(markup: str) -> str:
    """All text a browser shows, one line per block: what "no cleaning at all" gives."""
    import lxml.html
    from lxml.etree import ParserError

    markup = _CONTROL.sub("", markup)  # invisible, and lxml refuses to write them back
    try:
        tree = lxml.html.document_fromstring(markup)
    except ValueError:  # a str with an XML encoding declaration
        tree = lxml.html.document_fromstring(markup.encode("utf-8"))
    except ParserError:
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def page_of(case: Case) -> Page:
    if case.format == "html":
        return Page(
            source=case.source or case.id, format="html", html=case.content, encoding=case.encoding
        )
    return Page(
        source=case.source or case.id, format="txt", text=case.content, encoding=case.encoding
    )


class RasidSystem:
    """rasid's default pipeline: ingest → clean → normalize → segment."""

    name = "rasid"

    def __init__(self) -> None:
        from rasid.pipeline import default_pipeline

        self.pipeline = default_pipeline()

    def __call__(self, case: Case) -> list[SysDoc] | None:
        out = []
        for doc in self.pipeline.process(page_of(case)):
            paras = [s.text for s in doc.paragraphs] if doc.paragraphs else None
            out.append(
                SysDoc(
                    body=doc.clean_text,
                    headline=doc.headline.value if doc.headline else None,
                    subheadline=doc.subheadline.value if doc.subheadline else None,
                    outlet=doc.outlet.value if doc.outlet else None,
                    paragraphs=paras,
                )
            )
        return out


def trafilatura_system(case: Case) -> list[SysDoc] | None:
    """trafilatura alone, default recall/precision balance; HTML only (None for text)."""
    if case.format != "html":
        return None
    import trafilatura

    body = trafilatura.extract(
        case.content, include_comments=False, include_tables=True, favor_precision=False
    )
    if not body:
        return []
    meta = trafilatura.extract_metadata(case.content)
    lines = [line for line in body.splitlines() if line.strip()]
    return [
        SysDoc(
            body="\n\n".join(lines),
            headline=meta.title if meta else None,
            outlet=meta.sitename if meta else None,
            paragraphs=lines,
        )
    ]


def baseline_system(case: Case) -> list[SysDoc] | None:
    """No cleaning: the whole visible text as one body, its first line as the headline."""
    if case.format == "html":
        lines = visible_text(case.content).splitlines()
        body, paras = "\n".join(lines), lines
    else:
        body, paras = case.content, None
    first = next((x.strip() for x in body.splitlines() if x.strip()), None)
    return [SysDoc(body=body, headline=first, paragraphs=paras)]


System = Callable[[Case], "list[SysDoc] | None"]


def run_systems(
    cases: Sequence[Case], systems: dict[str, System]
) -> tuple[list[PageScore], dict[tuple[str, str], list[SysDoc]]]:
    """Every system on every case; a crash is recorded as an empty output with its error."""
    scores: list[PageScore] = []
    outputs: dict[tuple[str, str], list[SysDoc]] = {}
    for warm in {c.format: c for c in cases}.values():  # lazy imports and caches off the clock
        for system in systems.values():
            with contextlib.suppress(Exception):  # the timed run reports it
                system(warm)
    for case in cases:
        raw = case.raw_lines()
        for name, system in systems.items():
            error = None
            t0 = time.perf_counter()
            try:
                docs = system(case)
            except Exception as exc:  # an eval reports a crash and goes on
                docs, error = [], f"{type(exc).__name__}: {exc}"
            seconds = time.perf_counter() - t0
            if docs is None:
                continue
            sc = score_page(case, docs, raw)
            sc.system, sc.seconds, sc.error = name, seconds, error
            scores.append(sc)
            outputs[(case.id, name)] = docs
    return scores, outputs


# --------------------------------------------------------------------------------------------
# Loading the sets
# --------------------------------------------------------------------------------------------


def decode_page_bytes(data: bytes) -> tuple[str, str]:
    """Bytes to text the way rasid's readers do it (one gold page is windows-1256)."""
    try:
        from rasid.readers import decode_bytes
    except ImportError:
        decode_bytes = None
    if decode_bytes is not None:
        return decode_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1256"), "cp1256"


def _gold_articles(items: Iterable[dict[str, Any]]) -> list[GoldArticle]:
    return [
        GoldArticle(
            headline=a.get("headline"),
            body=a.get("body") or "",
            subheadline=a.get("subheadline"),
            outlet=a.get("outlet"),
        )
        for a in items
    ]


def load_gold(gold_dir: Path) -> tuple[list[Case], list[str]]:
    """The hand-written gold pages; files still being written are skipped with a warning."""
    cases, warnings = [], []
    for path in sorted((gold_dir / "gold").glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            fmt = gold.get("format") or "txt"
            page = gold_dir / "pages" / f"{gold.get('id', path.stem)}.{fmt}"
            text, encoding = decode_page_bytes(page.read_bytes())
        except (OSError, ValueError) as exc:
            warnings.append(f"skipped {path.name}: {exc}")
            continue
        cases.append(
            Case(
                id=gold.get("id", path.stem),
                set=gold.get("split", "gold"),
                format=fmt,
                content=text,
                articles=_gold_articles(gold.get("articles", [])),
                must_not_contain=list(gold.get("must_not_contain", [])),
                region=gold.get("region", ""),
                template=gold.get("template", ""),
                phenomena=list(gold.get("phenomena", [])),
                encoding=encoding,
                source=str(page),
            )
        )
    return cases, warnings


def load_synthetic(data_dir: Path, n: int, seed: int) -> tuple[list[Case], str]:
    from eval.synthetic_pages import iter_pages, load_articles

    articles, origin = load_articles(data_dir, n, seed=seed)
    cases = []
    for page in iter_pages(articles, n, seed=seed):
        g = page.gold
        cases.append(
            Case(
                id=page.id,
                set="synthetic",
                format=page.format,
                content=page.content,
                articles=_gold_articles(g["articles"]),
                must_not_contain=g["must_not_contain"],
                region=g["region"],
                template=g["template"],
                phenomena=g["phenomena"],
                source=page.filename,
            )
        )
    return cases, origin


def load_trafilatura_page(data_dir: Path) -> Case | None:
    """trafilatura's Arabic eval page as a case: gold is only with/without snippets + title."""
    base = data_dir / "trafilatura_eval_ar"
    try:
        entries = json.loads((base / "evaldata_ar.json").read_text(encoding="utf-8"))
    except OSError:
        return None
    url, entry = next(iter(entries.items()))
    text, encoding = decode_page_bytes((base / entry["file"]).read_bytes())
    return Case(
        id=entry["file"],
        set="trafilatura",
        format="html",
        content=text,
        articles=[GoldArticle(headline=entry.get("title"), body="")],
        must_not_contain=list(entry.get("without", [])),
        region="maghreb",
        encoding=encoding,
        source=url,
        with_snippets=list(entry.get("with", [])),
    )


def snippet_check(case: Case, docs: Sequence[SysDoc]) -> dict[str, Any]:
    bodies = [d.body for d in docs]
    present = strings_found(case.with_snippets, bodies)
    leaked = strings_found(case.must_not_contain, bodies)
    title = case.articles[0].headline or ""
    got = docs[0].headline if docs else None
    exact, lenient = headline_match(title, got)
    return {
        "with_present": len(present),
        "with_total": len(case.with_snippets),
        "with_missing": [s for s in case.with_snippets if s not in present],
        "without_absent": len(case.must_not_contain) - len(leaked),
        "without_total": len(case.must_not_contain),
        "without_leaked": leaked,
        "headline": got,
        "headline_exact": exact,
        "headline_lenient": lenient,
        "body_tokens": sum(len(tokens(b)) for b in bodies),
    }


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def machine_info() -> dict[str, str]:
    import trafilatura

    return {**base_machine_info(), "trafilatura": trafilatura.__version__}


SUMMARY_HEADERS = [
    "set", "system", "format", "pages", "P", "R", "F1", "F1/page", "leak mnc", "leak lines",
    "headline", "headline≥.9", "count", "para F1", "outlet", "errors", "ms/page",
]  # fmt: skip


def summary_rows(scores: Sequence[PageScore]) -> list[list[Any]]:
    rows = []
    for set_name in ("gold", "heldout", "synthetic"):
        for system in SYSTEMS:
            for fmt in ("all", "txt", "html"):
                sel = [
                    s for s in scores
                    if s.set == set_name and s.system == system and fmt in ("all", s.format)
                ]  # fmt: skip
                if not sel:
                    continue
                a = aggregate(sel)
                rows.append(
                    [set_name, system, fmt, a["pages"], a["precision"], a["recall"], a["f1"],
                     a["f1_page_mean"], a["leak_mnc"], a["leak_lines"], a["headline_exact"],
                     a["headline_lenient"], a["count_acc"], a["para_f1"], a["outlet_acc"],
                     a["errors"], f"{a['ms_per_page']:.1f}"]
                )  # fmt: skip
    return rows


def group_rows(
    scores: Sequence[PageScore], key: Callable[[PageScore], Iterable[str]], with_format: bool
) -> tuple[list[str], list[list[Any]]]:
    """One row per (set, group[, format]); per system F1, must-not-contain leak, headline."""
    groups: dict[tuple[str, ...], list[PageScore]] = {}
    for s in scores:
        for g in key(s):
            k = (s.set, g, s.format) if with_format else (s.set, g)
            groups.setdefault(k, []).append(s)
    headers = ["set", "group", *(["format"] if with_format else []), "pages"]
    for system in SYSTEMS:
        headers += [f"{system} F1", f"{system} leak", f"{system} head"]
    rows = []
    for k in sorted(groups):
        sel = groups[k]
        pages = len({s.case for s in sel})
        row: list[Any] = [*k, pages]
        for system in SYSTEMS:
            a = aggregate([s for s in sel if s.system == system])
            row += [a.get("f1"), a.get("leak_mnc"), a.get("headline_exact")]
        rows.append(row)
    return headers, rows


def show_errors(
    scores: Sequence[PageScore],
    outputs: dict[tuple[str, str], list[SysDoc]],
    cases: dict[str, Case],
    system: str,
    n: int,
) -> str:
    """The worst pages of one system as paragraph-level diffs: what went missing, what leaked."""
    mine = [s for s in scores if s.system == system and s.set != "trafilatura"]
    mine.sort(key=lambda s: (s.prf[2], -len(s.mnc_leaked) - len(s.chrome_leaked)))
    out = []
    for sc in mine[:n]:
        case = cases[sc.case]
        docs = outputs.get((sc.case, system), [])
        p, r, f = sc.prf
        out.append(f"\n=== {sc.case} [{sc.set} {sc.format} {sc.region} {sc.template[:40]}]")
        out.append(
            f"P={p:.3f} R={r:.3f} F1={f:.3f}  docs={sc.n_docs} gold articles={sc.n_articles}"
            + (f"  ERROR {sc.error}" if sc.error else "")
        )
        for gold_h, got_h in sc.headline_pairs:
            mark = "=" if headline_match(gold_h or "", got_h)[0] else "≠"
            out.append(f"  headline {mark} gold: {gold_h}\n             got: {got_h}")
        for s in sc.mnc_leaked:
            out.append(f"  LEAK must_not_contain: {s}")
        for s in sc.chrome_leaked[:10]:
            out.append(f"  LEAK chrome line: {s[:120]}")
        out_blob = f" {_blob(d.body for d in docs)} "
        gold_blob = f" {_blob(a.body for a in case.articles)} "
        for a in case.articles:
            for para in _split_paras(a.body):
                key = token_join(para)
                if key and f" {key} " not in out_blob:
                    out.append(f"  - missing: {para[:140]}")
        for d in docs:
            for para in d.paras():
                key = token_join(para)
                if key and f" {key} " not in gold_blob:
                    out.append(f"  + extra:   {para[:140]}")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def snippet_rows(case: Case, systems: dict[str, System]) -> tuple[list[list[Any]], dict]:
    """trafilatura's with/without test for each system, as table rows and as raw results."""
    rows, results = [], {}
    for name, system in systems.items():
        res = snippet_check(case, system(case) or [])
        results[name] = res
        failures = [
            *(f"missing «{s}»" for s in res["with_missing"]),
            *(f"leaked «{s}»" for s in res["without_leaked"]),
        ]
        title = "yes" if res["headline_exact"] else ("≈" if res["headline_lenient"] else "no")
        rows.append(
            [name, f"{res['with_present']}/{res['with_total']}",
             f"{res['without_absent']}/{res['without_total']}", title, res["body_tokens"],
             "; ".join(failures) or "–"]
        )  # fmt: skip
    return rows, results


GROUPINGS: tuple[tuple[str, Callable[[PageScore], list[str]], bool], ...] = (
    ("By region", lambda s: [s.region or "?"], True),
    ("By phenomenon", lambda s: s.phenomena or ["(none)"], False),
    ("By template (synthetic)", lambda s: [s.template] if s.set == "synthetic" else [], False),
)


def print_report(
    info: dict[str, str],
    notes: Sequence[str],
    scores: Sequence[PageScore],
    snippets: Sequence[Sequence[Any]],
    md: bool,
) -> None:
    def heading(text: str, plain_note: str = "") -> None:
        print(f"### {text}" if md else f"{text.upper()}{plain_note}")

    print_header("Clean stage", info, notes, md)
    if md:
        print(
            "P/R/F1: body tokens, micro-averaged over pages. leak mnc: share of the gold's "
            "must-not-contain strings found in the bodies. leak lines: share of the page's "
            "non-article lines found in the bodies. headline: exact after normalization; "
            "≥.9: difflib ratio. count: pages with the right number of articles. trafilatura: "
            "HTML pages only.\n"
        )
    if scores:
        heading(
            "Summary", " (leak mnc = must-not-contain strings found, leak lines = chrome lines)"
        )
        print(render_table(SUMMARY_HEADERS, summary_rows(scores), md))
        print()
        for label, key, with_fmt in GROUPINGS:
            headers, rows = group_rows(scores, key, with_fmt)
            if rows:
                heading(label, " (leak = must-not-contain; head = exact headline)")
                print(render_table(headers, rows, md))
                print()
    if snippets:
        heading("trafilatura's Arabic eval page (assabah.com.tn)")
        headers = ["system", "with present", "without absent", "title", "body tokens", "failures"]
        print(render_table(headers, snippets, md))
        print()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit-synthetic", type=int, default=600, help="synthetic pages (600)")
    ap.add_argument("--only", choices=("gold", "synthetic", "trafilatura"), help="one set only")
    ap.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="write aggregates and per-page scores here")
    ap.add_argument(
        "--show-errors", type=int, nargs="?", const=10, default=0, metavar="N",
        help="paragraph diffs of the N worst pages (10)",
    )  # fmt: skip
    ap.add_argument("--errors-system", choices=SYSTEMS, default="rasid", help="for --show-errors")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="shared data root")
    ap.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="holds pages/ and gold/")
    ap.add_argument("--seed", type=int, default=13, help="synthetic pages' seed (13)")
    args = ap.parse_args(argv)
    sets = {args.only} if args.only else {"gold", "synthetic", "trafilatura"}

    notes: list[str] = []
    cases: list[Case] = []
    if "gold" in sets:
        gold, warnings = load_gold(args.gold_dir)
        cases += gold
        notes += [*warnings, f"gold: {len(gold)} pages from {args.gold_dir}"]
    if "synthetic" in sets and args.limit_synthetic > 0:
        synth, origin = load_synthetic(args.data_dir, args.limit_synthetic, args.seed)
        cases += synth
        notes.append(f"synthetic: {len(synth)} pages, seed {args.seed}, bodies from {origin}")
    traf_case = load_trafilatura_page(args.data_dir) if "trafilatura" in sets else None
    if "trafilatura" in sets and traf_case is None:
        notes.append(f"trafilatura page: not found under {args.data_dir}")

    systems: dict[str, System] = {
        "rasid": RasidSystem(),
        "trafilatura": trafilatura_system,
        "baseline": baseline_system,
    }
    scores, outputs = run_systems(cases, systems)
    snippets, snippet_results = snippet_rows(traf_case, systems) if traf_case else ([], {})

    info = machine_info()
    print_report(info, notes, scores, snippets, args.markdown)
    if args.show_errors:
        print(f"WORST {args.show_errors} PAGES FOR {args.errors_system}")
        by_id = {c.id: c for c in cases}
        print(show_errors(scores, outputs, by_id, args.errors_system, args.show_errors))
    if args.json:
        summary = [dict(zip(SUMMARY_HEADERS, r, strict=True)) for r in summary_rows(scores)]
        payload = {
            "meta": {**info, "notes": notes},
            "summary": summary,
            "trafilatura_page": snippet_results,
            "pages": [asdict(s) for s in scores],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
