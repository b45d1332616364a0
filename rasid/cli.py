"""The ``rasid`` command line.

Commands follow what a user is doing, not how rasid is built:

* ``rasid analyze PATH... --out DIR`` — look at some files now: ``corpus.json`` + ``report.html``.
* ``rasid ingest PATH...`` — add files to a corpus kept in a database.
* ``rasid search QUERY`` / ``rasid show ID`` / ``rasid entities`` / ``rasid events`` /
  ``rasid export`` — use that corpus.

The database is ``--db FILE``, else ``$RASID_DB``, else ``./rasid.db``. Results go to stdout,
progress and diagnostics to stderr, so output can be piped. Commands that process files carry
on past broken files, list them at the end and then exit with status 1.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from rasid import __version__
from rasid.document import Document, Found
from rasid.report.events_table import EVENT_COLUMNS, write_events_csv
from rasid.report.html import write_report
from rasid.report.json_export import (
    CSV_COLUMNS,
    atomic_write,
    corpus_dict,
    now_iso,
    write_corpus,
    write_csv,
    write_jsonl,
)
from rasid.run import FileResult, Problem, Run, Tally, plural
from rasid.stages.link import Corrections, link_documents, write_alias_rows, write_aliases
from rasid.store import DB_ENV, QueryError, Store, StoreError
from rasid.store.sqlite import DEFAULT_DB

#: Warnings listed in full at the end of a run; the rest are counted (all are in the outputs).
MAX_WARNINGS_SHOWN = 20


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def db_option(fn):
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar=DB_ENV,
        default=DEFAULT_DB,
        show_default=True,
        show_envvar=True,
        help="Database file.",
    )(fn)


def aliases_option(fn):
    return click.option(
        "--aliases",
        "aliases",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Alias corrections: an alias table (from `rasid entities --aliases-out` or "
        "analyze's aliases.tsv) with ids or names edited; its rows decide which actor each "
        "spelling belongs to.",
    )(fn)


def _corrections(path: Path | None) -> Corrections | None:
    if path is None:
        return None
    try:
        return Corrections.read(path)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read alias corrections: {exc}") from exc


def quiet_option(fn):
    return click.option(
        "--quiet", "-q", is_flag=True, help="No progress bar (it is off anyway when not a TTY)."
    )(fn)


paths_argument = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)


class _InOrder(click.Group):
    """Lists commands in the order a user meets them (analyze, ingest, search, show, …)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=_InOrder, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def main() -> None:
    """راصد — offline Arabic news intelligence.

    Reads scraped news (.txt, .html, .jsonl, .warc files or folders of them), extracts each
    article with its headline, outlet and dates, and lets you read, search and export them.
    """


# -- processing files -------------------------------------------------------------------


@contextmanager
def _processing(paths: tuple[Path, ...], quiet: bool) -> Iterator[Iterator[FileResult]]:
    """The results of a :class:`~rasid.run.Run` over ``paths``, with a progress bar on stderr
    while they are consumed (only on a terminal: logs and pipes get no control codes)."""
    console = _stderr()
    run = Run(paths)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[name]}", style="dim", markup=False),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("processing", total=len(run), name="")

        def on_file(path: Path) -> None:
            progress.update(task, name=path.name[-40:])

        def results() -> Iterator[FileResult]:
            for i, result in enumerate(run.results(on_file)):
                yield result
                if i >= len(run.errors):  # listing errors come first and are not files
                    progress.advance(task)

        yield results()


def _print_problems(console: Console, title: str, problems: list[Problem], style: str) -> None:
    """A table on a terminal; one ``path (line N): message`` line each in a log or pipe,
    so that a failure stays on one greppable line."""
    if not console.is_terminal:
        console.print(f"{title}:", markup=False)
        for p in problems:
            console.print(f"  {p.where}: {p.message}", markup=False, soft_wrap=True)
        return
    table = Table(title=title, title_style=style, title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("where", no_wrap=True)
    table.add_column("problem", overflow="fold")
    for p in problems:
        where = f"{p.unit or 'position'} {p.position}" if p.position is not None else ""
        table.add_row(escape(p.path), where, escape(p.message))
    console.print(table)


def _finish(tally: Tally, stored: bool) -> None:
    """Print warnings, failures and the summary line; exit 1 if any file failed."""
    console = _stderr()
    if tally.warnings:
        shown = tally.warnings[:MAX_WARNINGS_SHOWN]
        _print_problems(console, f"Warnings ({len(tally.warnings)})", shown, "yellow")
        if len(tally.warnings) > len(shown):
            console.print(f"… and {len(tally.warnings) - len(shown)} more warnings", markup=False)
    if tally.failures:
        _print_problems(console, f"Failures ({len(tally.failures)})", tally.failures, "red")
    click.echo(tally.summary(stored))
    if tally.not_arabic:
        verb = "is" if tally.not_arabic == 1 else "are"
        click.echo(
            f"{plural(tally.not_arabic, 'document')} {verb} not Arabic "
            "(kept, with the language marked)"
        )
    if tally.failed_files:
        sys.exit(1)


@main.command()
@paths_argument
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for corpus.json and report.html (created if needed).",
)
@aliases_option
@quiet_option
def analyze(paths: tuple[Path, ...], out: Path, aliases: Path | None, quiet: bool) -> None:
    """Process files and write DIR/corpus.json, DIR/report.html, DIR/events.csv and
    DIR/aliases.tsv.

    Nothing is stored: use this to look at a set of files. Documents whose content already
    appeared earlier in the run are listed once. aliases.tsv lists every actor's spellings;
    edit it and pass it back with --aliases to correct how actors are merged.
    """
    corrections = _corrections(aliases)
    tally = Tally()
    documents: list[Document] = []
    seen: set[str] = set()
    try:
        with _processing(paths, quiet) as results:
            for result in results:
                tally.count(result)
                for doc in result.documents:
                    if doc.id in seen:
                        tally.skipped += 1
                        continue
                    seen.add(doc.id)
                    documents.append(doc)
    except KeyboardInterrupt:
        click.echo("\ninterrupted: nothing was written", err=True)
        sys.exit(130)
    generated_at = now_iso()
    table = link_documents(documents, corrections)
    actors = sorted(table.values(), key=lambda a: (-len(a.documents), a.type, a.name))
    write_corpus(
        out / "corpus.json",
        corpus_dict(
            documents,
            tally.failures,
            tally.warnings,
            generated_at=generated_at,
            actors=[a.to_dict() for a in actors],
        ),
    )
    write_report(
        out / "report.html",
        documents,
        tally.failures,
        tally.warnings,
        generated_at=generated_at,
        files=tally.files,
        actors=[a.to_dict() for a in actors],
    )
    write_aliases(table, out / "aliases.tsv")
    with atomic_write(out / "events.csv", newline="") as fh:
        write_events_csv(documents, fh)
    click.echo(
        f"wrote {out / 'corpus.json'}, {out / 'report.html'}, {out / 'events.csv'} and "
        f"{out / 'aliases.tsv'}",
        err=True,
    )
    _finish(tally, stored=False)


@main.command()
@paths_argument
@db_option
@aliases_option
@quiet_option
def ingest(paths: tuple[Path, ...], db: Path, aliases: Path | None, quiet: bool) -> None:
    """Process files and add their documents to the database.

    Each file is stored completely or not at all. Documents already in the database are
    recognised by content and not stored again, so an interrupted ingest can simply be run
    again. Actors are linked to those already stored: the same person keeps one id.
    """
    corrections = _corrections(aliases)
    tally = Tally()
    with _open_store(db, create=True) as store:
        try:
            run_id = store.start_run("ingest", [str(p) for p in paths], __version__)
            known = store.known_actors()
            with _processing(paths, quiet) as results:
                for result in results:
                    tally.count(result)
                    if result.documents:
                        table = link_documents(result.documents, corrections, known)
                        added, skipped = store.add(result.documents)
                        known.add_table(table, result.documents)
                        tally.added += added
                        tally.skipped += skipped
            store.finish_run(
                run_id,
                files=tally.files,
                documents=tally.documents,
                added=tally.added,
                skipped=tally.skipped,
                failures=[(f.path, f.position, f.message) for f in tally.failures],
            )
        except KeyboardInterrupt:
            click.echo(
                f"\ninterrupted: the files finished before it are stored ({tally.added} new "
                "documents); run the same command again to continue",
                err=True,
            )
            sys.exit(130)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    _finish(tally, stored=True)


# -- using the database -------------------------------------------------------------------


def _open_store(db: Path, create: bool = False) -> Store:
    try:
        return Store(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON array.")
def search(query: tuple[str, ...], db: Path, limit: int, as_json: bool) -> None:
    """Full-text search; best matches first.

    Spelling variants do not matter (أ/إ/ا, ى/ي, ة/ه, diacritics, tatweel), and words are
    found with attached و ف ب ل ك and the article: حفتر finds لحفتر, حكومة finds والحكومة.
    All words must match. "Quoted words" must appear in that order, word* matches any word
    starting so, and OR between two terms accepts either.
    """
    with _open_store(db) as store:
        try:
            hits = store.search(" ".join(query), limit=limit)
        except (QueryError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no documents match", err=True)
        return
    for hit in hits:
        headline = click.style(hit.headline or "(no headline)", bold=True)
        click.echo(click.style(hit.id, fg="cyan") + "  " + headline)
        meta = " · ".join(v for v in (hit.outlet, hit.published or hit.page_date, hit.source) if v)
        click.echo(f"    {meta}")
        click.echo(f"    {_highlight(hit.snippet, hit.highlights)}")
        click.echo()


def _highlight(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(click.style(text[start:end], bold=True, fg="yellow"))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _resolve(store: Store, doc_id: str) -> Document:
    doc = store.get(doc_id)
    if doc is not None:
        return doc
    candidates = store.find_ids(doc_id, limit=6)
    if not candidates:
        raise click.ClickException(f"no document with id {doc_id!r}")
    if len(candidates) > 1:
        listed = ", ".join(candidates[:5]) + (", …" if len(candidates) > 5 else "")
        raise click.ClickException(f"{doc_id!r} matches several documents: {listed}")
    return store.get(candidates[0])  # type: ignore[return-value]


@main.command(short_help="Print one document: facts, how they were found, clean text.")
@click.argument("doc_id", metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole document as JSON.")
def show(doc_id: str, db: Path, as_json: bool) -> None:
    """Print one document: its facts, with how each was found, then its clean text.

    ID may be shortened to any prefix that only one document has.
    """
    with _open_store(db) as store:
        try:
            doc = _resolve(store, doc_id)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return

    def found(f: Found | None) -> str:
        if not f:
            return "-"
        iso = f" = {f.normalized}" if f.normalized and f.normalized != f.value else ""
        return f"{f.value}{iso}  (via {f.method})"

    click.echo(click.style(doc.headline.value if doc.headline else "(no headline)", bold=True))
    if doc.subheadline:
        click.echo(doc.subheadline.value)
    click.echo()
    facts = [
        ("id", doc.id),
        ("outlet", found(doc.outlet)),
        ("published", found(doc.published)),
        ("page date", found(doc.page_date)),
        ("source", doc.source + (f" ({doc.format})" if doc.format else "")),
        ("url", doc.url or "-"),
        ("language", doc.language or "-"),
        ("sentences", str(len(doc.sentences))),
    ]
    if doc.flags:
        facts.append(("flags", ", ".join(doc.flags)))
    for key, value in facts:
        click.echo(f"{key + ':':<11} {value}")
    for warning in doc.warnings:
        click.echo(f"{'warning:':<11} {warning}")
    timexes = doc.spans.get("timex", [])
    if timexes:
        click.echo(f"{'dates:':<11} {len(timexes)}")
        for span in timexes:
            attrs = span.attrs
            value = attrs.get("value") or attrs.get("relative") or attrs.get("reason")
            click.echo(f"  {span.text}  →  {span.label} {value}")
    click.echo()
    click.echo(doc.clean_text or "(no text after cleaning)")


@main.command(short_help="List the actors of the database: people, organisations, places…")
@click.argument("query", nargs=-1)
@db_option
@click.option(
    "--type",
    "kind",
    type=click.Choice(["PER", "ORG", "LOC", "FAC", "EVENT", "LAW"], case_sensitive=False),
    help="Only actors of this type.",
)
@click.option("--limit", "-n", default=30, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print the actors as a JSON array.")
@click.option(
    "--aliases-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the whole alias table (TSV: id, type, name, alias, mentions, documents) to "
    "correct and pass back with `rasid ingest --aliases`.",
)
def entities(
    query: tuple[str, ...],
    db: Path,
    kind: str | None,
    limit: int,
    as_json: bool,
    aliases_out: Path | None,
) -> None:
    """Actors named in the stored documents, most documents first.

    QUERY keeps actors with a spelling containing it, whatever the hamza, ya or ta marbuta
    (اردوغان finds أردوغان and إردوغان). Each actor is shown with its id, type, how many
    documents and mentions name it, its spellings and the roles outlets gave it.
    """
    with _open_store(db) as store:
        try:
            if aliases_out is not None:
                rows = store.alias_rows()
                with atomic_write(aliases_out, newline="") as fh:
                    write_alias_rows(rows, fh)
                click.echo(f"wrote {len(rows)} aliases to {aliases_out}", err=True)
                return
            found = store.actors(" ".join(query) or None, kind.upper() if kind else None, limit)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no actors match", err=True)
        return
    table = Table(show_edge=False, pad_edge=False)
    for column in ("id", "type", "name", "docs", "mentions", "aliases", "roles"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(
            a["id"],
            a["type"],
            a["name"],
            str(a["documents"]),
            str(a["mentions"]),
            "، ".join(a["aliases"][:6]),
            "، ".join(a["roles"][:4]),
        )
    Console().print(table)


MODALITIES = ("asserted", "claimed", "planned", "denied", "conditional")


@main.command(
    short_help="List the events of the database: who did what to whom, where and when.",
    help="Events of the stored documents, by event date (undated events by publication "
    "date), each with its evidence sentence.\n\n"
    "Table and CSV columns (--format csv): " + ", ".join(EVENT_COLUMNS) + ".",
)
@db_option
@click.option("--type", "kind", metavar="TYPE", help="Only this PLOVER type (or STATEMENT).")
@click.option(
    "--actor",
    metavar="ID|NAME",
    help="Only events where this actor is source, target or place: an id, or any spelling "
    "containing NAME (hamza, ya, ta marbuta do not matter).",
)
@click.option("--since", metavar="DATE", help="Events on or after this ISO date (2020, 2020-01…).")
@click.option("--until", metavar="DATE", help="Events on or before this ISO date.")
@click.option("--doc", "doc_id", metavar="ID", help="Only the events of this document.")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only events reported so.")
@click.option(
    "--limit",
    "-n",
    default=50,
    show_default=True,
    type=click.IntRange(min=0),
    help="At most this many (0: all).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table for reading, json (array of rows) or csv (the event table) for tools.",
)
@click.option(
    "--out",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Output file, or - for stdout.",
)
def events(
    db: Path,
    kind: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    doc_id: str | None,
    modality: str | None,
    limit: int,
    fmt: str,
    out: Path,
) -> None:
    with _open_store(db) as store:
        try:
            if doc_id:
                doc_id = _resolve(store, doc_id).id
            rows = store.events(
                kind=kind,
                actor=actor,
                since=since,
                until=until,
                doc_id=doc_id,
                modality=modality,
                limit=limit or None,
            )
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "table" and str(out) == "-":
        _print_events(rows)
        return
    if str(out) == "-":
        _write_rows(rows, fmt, sys.stdout)
        return
    with atomic_write(out, newline="" if fmt == "csv" else None) as fh:
        _write_rows(rows, fmt, fh)
    click.echo(f"wrote {len(rows)} events to {out}", err=True)


def _write_rows(rows: list[dict], fmt: str, fh) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "json":
        json.dump(rows, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    else:
        raise click.UsageError("--format table prints to the terminal; use csv or json with --out")


def _print_events(rows: list[dict]) -> None:
    if not rows:
        click.echo("no events match", err=True)
        return
    table = Table(show_edge=False, pad_edge=False)
    for column in ("date", "type", "source", "target", "place", "modality", "trigger", "doc"):
        table.add_column(column, overflow="fold", no_wrap=column in ("date", "type", "doc"))
    for r in rows:
        date = r["event_date"] or (
            f"{r['date_start'] or '…'}–{r['date_end'] or '…'}"
            if r["date_start"] or r["date_end"]
            else f"({r['published'] or '?'})"
        )
        kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        table.add_row(
            date,
            kind,
            r["source_names"].replace(";", "، "),
            r["target_names"].replace(";", "، "),
            r["place_name"],
            r["modality"],
            r["trigger"],
            r["doc_id"],
        )
    Console().print(table)
    click.echo("(date in brackets: undated event, publication date)", err=True)


@main.command(
    short_help="Write all stored documents as JSON Lines, CSV or corpus.json.",
    help="Write every stored document as JSON Lines, CSV or one corpus.json.\n\n"
    "CSV columns: " + ", ".join(CSV_COLUMNS) + ".",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one full document per line; csv: one row per document; json: corpus.json.",
)
@db_option
@click.option(
    "--out",
    "out",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Output file, or - for stdout.",
)
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for Excel).")
def export(fmt: str, db: Path, out: Path, bom: bool) -> None:
    with _open_store(db) as store:
        try:
            if str(out) == "-":
                n = _export(store, fmt, sys.stdout, bom)
            else:
                with atomic_write(out, newline="" if fmt == "csv" else None) as fh:
                    n = _export(store, fmt, fh, bom)
                click.echo(f"wrote {n} documents to {out}", err=True)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc


def _export(store: Store, fmt: str, fh, bom: bool) -> int:
    if fmt == "csv":
        return write_csv(store.iter_documents(), fh, bom=bom)
    if fmt == "jsonl":
        return write_jsonl(store.iter_documents(), fh)
    corpus = corpus_dict(store.iter_documents(), actors=store.actors(limit=1_000_000))
    json.dump(corpus, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
    return len(corpus["documents"])
