"""Ingest throughput and memory: read → clean → normalize → segment on one core.

Why: rasid runs on a laptop over a whole scrape; the number that matters is pages per second
on one core (the target is ≥ 300 text pages/s) and whether memory stays flat as the corpus
grows. The corpus is generated (``eval/synthetic_pages.py`` templates around SaudiNewsNet
bodies, or around built-in word-list bodies when that corpus is not on the machine), written
to a temporary folder as real files, and measured in a fresh single-threaded process pinned
to one CPU, so that the generator's memory is not counted and the files are read as an
ingest would read them.

Run ``python -m bench.bench_ingest --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.machine import machine_info
from rasid.document import Page

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO.parent / "shared" / "data"
TARGET_TXT_PAGES_PER_S = 300.0
TARGET_STAGES = ("clean", "normalize", "segment")
FORMATS = ("txt", "html")


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def write_corpus(
    out: Path, pages: int, html_share: float, data_dir: Path | None, seed: int
) -> dict[str, Any]:
    """Generate ``pages`` synthetic pages into ``out``; returns what was written."""
    from eval.synthetic_pages import iter_pages, load_articles

    t0 = time.perf_counter()
    articles, origin = load_articles(data_dir, pages, seed=seed)
    counts: dict[str, int] = defaultdict(int)
    size = 0
    for page in iter_pages(articles, pages, seed=seed, html_share=html_share):
        data = page.content.encode("utf-8")
        (out / page.filename).write_bytes(data)
        counts[page.format] += 1
        size += len(data)
    return {
        "bodies": origin,
        "files": dict(counts),
        "bytes": size,
        "generate_s": time.perf_counter() - t0,
    }


# --------------------------------------------------------------------------------------------
# Measurement (runs in its own process)
# --------------------------------------------------------------------------------------------


def pin_to_one_cpu(cpu: int | None) -> int | None:
    """Pin this process to one CPU (the lowest allowed one by default); None if impossible."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else allowed[0]
    os.sched_setaffinity(0, {chosen})
    return chosen


def iter_corpus(folder: Path) -> Iterator[Page]:
    """Pages as rasid's ingest reads them; plain UTF-8 reading if the readers are missing."""
    try:
        from rasid.readers import read_paths
    except ImportError:
        read_paths = None
    if read_paths is not None:
        problems: list[Any] = []
        yield from read_paths([folder], problems)
        if problems:
            raise RuntimeError(f"{len(problems)} read problems, first: {problems[0]}")
        return
    for path in sorted(folder.iterdir()):
        fmt = path.suffix.lstrip(".")
        text = path.read_bytes().decode("utf-8")
        if fmt == "html":
            yield Page(source=str(path), format="html", html=text, encoding="utf-8")
        else:
            yield Page(source=str(path), format="txt", text=text, encoding="utf-8")


def timed_pipeline(clock: dict[str, float]):
    """The default pipeline with every stage timed into ``clock`` (seconds by stage name)."""
    from rasid.pipeline import default_pipeline

    base = default_pipeline()

    def timed(name: str, fn: Callable) -> Callable:
        def run(arg):
            t0 = time.perf_counter()
            try:
                return fn(arg)
            finally:
                clock[name] += time.perf_counter() - t0

        return run

    return replace(
        base,
        page_stage=timed("clean", base.page_stage),
        stages=[replace(st, fn=timed(st.name, st.fn)) for st in base.stages],
    )


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Linux's VmHWM, not ``ru_maxrss``: a child started by fork+exec inherits the parent's
    ``ru_maxrss`` (here, the generator's loaded corpus), which would hide the pipeline's own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def measure(folder: Path, cpu: int | None, warmup: int, use_tracemalloc: bool) -> dict[str, Any]:
    """Read and process every page of ``folder``; timings per format and per stage."""
    import tracemalloc

    pinned = pin_to_one_cpu(cpu)
    clock: dict[str, float] = defaultdict(float)
    pipeline = timed_pipeline(clock)
    for i, page in enumerate(iter_corpus(folder)):  # imports, caches, compiled regexes
        if i >= warmup:
            break
        pipeline.process(page)
    rss_ready = rss_mb()
    if use_tracemalloc:
        tracemalloc.start()
    per: dict[str, dict[str, float]] = {f: defaultdict(float) for f in FORMATS}
    pages = iter_corpus(folder)
    wall0 = time.perf_counter()
    while True:
        clock.clear()
        t0 = time.perf_counter()
        page = next(pages, None)
        read_s = time.perf_counter() - t0
        if page is None:
            break
        docs = pipeline.process(page)
        acc = per[page.format]
        acc["pages"] += 1
        acc["docs"] += len(docs)
        acc["bytes"] += len(page.content.encode("utf-8"))
        acc["ingest"] += read_s
        for name, seconds in clock.items():
            acc[name] += seconds
        acc["total"] += time.perf_counter() - t0
    wall = time.perf_counter() - wall0
    peak_traced = tracemalloc.get_traced_memory()[1] / 2**20 if use_tracemalloc else None
    if use_tracemalloc:
        tracemalloc.stop()
    return {
        "pinned_cpu": pinned,
        "stages": pipeline.names,
        "formats": {f: dict(v) for f, v in per.items() if v},
        "wall_s": wall,
        "rss_after_warmup_mb": rss_ready,
        "rss_peak_mb": rss_mb(),
        "tracemalloc_peak_mb": peak_traced,
    }


def measure_in_child(folder: Path, args: argparse.Namespace, use_tracemalloc: bool) -> dict:
    """Run :func:`measure` in a fresh interpreter so its peak RSS is the pipeline's alone."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        result = Path(tmp.name)
    cmd = [
        sys.executable, str(Path(__file__).resolve()), "--measure", str(folder),
        "--result", str(result), "--warmup", str(args.warmup),
    ]  # fmt: skip
    if args.cpu is not None:
        cmd += ["--cpu", str(args.cpu)]
    if use_tracemalloc:
        cmd.append("--tracemalloc")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    try:
        subprocess.run(cmd, check=True, env=env)
        return json.loads(result.read_text())
    finally:
        result.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    """First column left, the numbers right; plain text or a GitHub table."""
    if markdown:
        rule = "|" + "|".join(["---", *["---:"] * (len(headers) - 1)]) + "|"
        lines = ["| " + " | ".join(r) + " |" for r in [headers, *rows]]
        return "\n".join([lines[0], rule, *lines[1:]])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [headers, *rows]
    ]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def report(info: dict, corpus: dict, res: dict, traced: dict | None, markdown: bool) -> str:
    out = ["## Ingest benchmark" if markdown else "INGEST BENCHMARK", ""]
    meta = {
        **info,
        "corpus": f"{sum(corpus['files'].values())} pages {dict(corpus['files'])}, "
        f"{corpus['bytes'] / 2**20:.1f} MB, bodies from {corpus['bodies']} "
        f"(generated in {corpus['generate_s']:.1f} s, not timed below)",
        "process": "single process, single thread, pinned to CPU "
        + (str(res["pinned_cpu"]) if res["pinned_cpu"] is not None else "(no affinity API)"),
        "pipeline": "read → " + " → ".join(res["stages"]),
    }
    out += [f"- {k}: {v}" if markdown else f"{k:>10}: {v}" for k, v in meta.items()]
    out.append("")
    stages = res["stages"]
    headers = ["format", "pages", "docs", "MB", "read s", *(f"{s} s" for s in stages)]
    headers += ["total s", "pages/s", "MB/s", "ms/page"]
    rows = []
    totals: dict[str, float] = defaultdict(float)
    for fmt, acc in [*res["formats"].items(), ("all", None)]:
        if acc is None:
            acc = totals
        else:
            for k, v in acc.items():
                totals[k] += v
        mb = acc["bytes"] / 2**20
        rows.append(
            [fmt, f"{acc['pages']:.0f}", f"{acc['docs']:.0f}", f"{mb:.1f}", f"{acc['ingest']:.2f}",
             *(f"{acc.get(s, 0.0):.2f}" for s in stages), f"{acc['total']:.2f}",
             f"{acc['pages'] / acc['total']:.0f}", f"{mb / acc['total']:.2f}",
             f"{1000 * acc['total'] / acc['pages']:.2f}"]
        )  # fmt: skip
    out.append(table(headers, rows, markdown))
    out.append("")
    mem = [
        f"peak RSS {res['rss_peak_mb']:.0f} MB "
        f"(after imports and warm-up: {res['rss_after_warmup_mb']:.0f} MB)"
    ]
    if traced:
        mem.append(f"tracemalloc peak {traced['tracemalloc_peak_mb']:.1f} MB (separate run)")
    out.append(("- memory: " if markdown else "    memory: ") + "; ".join(mem))
    txt = res["formats"].get("txt")
    if txt:
        # the target (issue 3) covers ingest + clean + normalize + segment; later stages
        # (time, …) have targets of their own, measured by their own benches
        core = txt["ingest"] + sum(txt.get(s, 0.0) for s in TARGET_STAGES)
        rate = txt["pages"] / core
        verdict = "meets" if rate >= TARGET_TXT_PAGES_PER_S else "MISSES"
        line = f"text pages, read + {' + '.join(TARGET_STAGES)}: {rate:.0f} pages/s on one core, "
        line += f"{verdict} the target of {TARGET_TXT_PAGES_PER_S:.0f} pages/s; "
        line += f"whole pipeline: {txt['pages'] / txt['total']:.0f} pages/s"
        out.append(f"- target: {line}" if markdown else f"    target: {line}")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=10_000, help="pages to generate (10000)")
    ap.add_argument("--html-share", type=float, default=0.2, help="share of HTML pages (0.2)")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="shared data root")
    ap.add_argument("--builtin-bodies", action="store_true", help="ignore the corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cpu", type=int, help="CPU to pin to (default: lowest allowed)")
    ap.add_argument("--warmup", type=int, default=50, help="untimed pages first (50)")
    ap.add_argument("--tracemalloc", action="store_true", help="also a traced run for memory")
    ap.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    ap.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="write the raw measurements here")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child mode
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.measure:
        res = measure(args.measure, args.cpu, args.warmup, args.tracemalloc)
        args.result.write_text(json.dumps(res))
        return 0

    data_dir = None if args.builtin_bodies else args.data_dir
    with tempfile.TemporaryDirectory(prefix="rasid-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = write_corpus(folder, args.pages, args.html_share, data_dir, args.seed)
        res = measure_in_child(folder, args, use_tracemalloc=False)
        traced = measure_in_child(folder, args, use_tracemalloc=True) if args.tracemalloc else None
    info = machine_info()
    print(report(info, corpus, res, traced, args.markdown))
    if args.json:
        payload = {"meta": info, "corpus": corpus, "run": res, "traced": traced}
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
