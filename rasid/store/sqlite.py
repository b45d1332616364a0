"""The embedded SQLite store: documents, a full-text index over them, and a log of runs.

One file holds everything, so a corpus can be copied, backed up or mailed as it is. Three
promises shape the code:

* **Nothing half-written.** Each :meth:`Store.add` call (one input file's documents) is one
  transaction; an interrupted ingest leaves every earlier file complete and nothing of the
  file it was on, and running the same command again picks up where it stopped.
* **Idempotent.** Document ids are derived from content, so adding the same document twice
  stores it once and says so.
* **Never someone else's file.** A path that is not a rasid database (another application's
  SQLite file, a text file, a damaged file) is refused with a clear message before anything
  is written to it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasid.document import Document
from rasid.normalize import normalize_arabic
from rasid.report.events_table import event_rows
from rasid.stages.entities.actors import ENTITY_LAYERS
from rasid.stages.link import KnownActors
from rasid.store.query import parse_query, snippet
from rasid.store.terms import index_text

#: ``PRAGMA application_id`` of every rasid database ("rasd"): how a rasid file is recognised.
APPLICATION_ID = 0x72617364
#: ``PRAGMA user_version``: the layout below. Bump it and add a step to :data:`MIGRATIONS`.
SCHEMA_VERSION = 4
#: Environment variable naming the database when ``--db`` is not given.
DB_ENV = "RASID_DB"
DEFAULT_DB = "rasid.db"

_SCHEMA = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    page_id TEXT NOT NULL,
    article_index INTEGER NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    format TEXT NOT NULL,
    headline TEXT,
    outlet TEXT,
    page_date TEXT,
    published TEXT,
    language TEXT,
    clean_text TEXT NOT NULL,
    data TEXT NOT NULL,          -- Document.to_dict() as JSON: the whole document
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_page ON documents(page_id);
CREATE INDEX documents_published ON documents(published);
-- Normalized tokens (for exact words and phrases) and their clitic-stripped forms.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    headline, body, headline_variants, body_variants,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    paths TEXT NOT NULL,         -- JSON list of the paths given
    rasid_version TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,            -- NULL: interrupted
    files INTEGER, documents INTEGER, added INTEGER, skipped INTEGER, failed INTEGER
);
CREATE TABLE failures (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,
    position INTEGER,
    message TEXT NOT NULL
);
"""

# Version 2: actors linked across documents, their spellings and every mention.
_ACTORS = """
CREATE TABLE actors (
    id TEXT PRIMARY KEY,         -- corpus-wide id (rasid.stages.link)
    type TEXT NOT NULL,
    name TEXT NOT NULL           -- canonical name when the actor was first stored
);
CREATE TABLE actor_names (
    actor_id TEXT NOT NULL REFERENCES actors(id),
    alias TEXT NOT NULL,         -- a surface form as written (clitics excluded)
    name_norm TEXT NOT NULL,     -- its normalized form, what linking compares
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_names_norm ON actor_names(name_norm);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    role TEXT,
    epithet TEXT,
    layer TEXT NOT NULL DEFAULT 'entities'  -- 'headline_entities': offsets into the headline
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_doc ON mentions(doc_id);
"""

# Version 4: events (one row per event, the columns of the event table) and who takes part.
_EVENTS = """
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,   -- doc_id:eN
    doc_id TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,          -- PLOVER type or STATEMENT
    mode TEXT,
    modality TEXT NOT NULL,
    event_date TEXT,             -- the date's value, else an interval's start, else its end
    published TEXT,              -- the document's publication date (ISO), for undated events
    row TEXT NOT NULL            -- JSON: the row of the event table (rasid.report.events_table)
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(event_id),
    actor_id TEXT NOT NULL,
    part TEXT NOT NULL           -- 'source' | 'target' | 'place'
);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
"""


def _script(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _add_actor_tables(conn: sqlite3.Connection) -> None:
    """1 → 2: documents stored before have no entities; they stay as they are."""
    _script(conn, _ACTORS)


def _add_mention_layer(conn: sqlite3.Connection) -> None:
    """2 → 3: mentions say which text their offsets are into (headline or body); rows
    stored before are body mentions. A database that came from version 1 has it already."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(mentions)")}
    if "layer" not in columns:
        conn.execute("ALTER TABLE mentions ADD COLUMN layer TEXT NOT NULL DEFAULT 'entities'")


def _add_event_tables(conn: sqlite3.Connection) -> None:
    """3 → 4: event tables; the events of documents stored before are read from their
    stored JSON (none for documents analysed before the events stage existed)."""
    _script(conn, _EVENTS)
    for (data,) in conn.execute("SELECT data FROM documents").fetchall():
        _add_events(conn, Document.from_dict(json.loads(data)))


#: ``MIGRATIONS[n]`` upgrades a version-``n`` database to ``n + 1`` inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_actor_tables,
    2: _add_mention_layer,
    3: _add_event_tables,
}

# bm25 weights for the four FTS columns: a word in the headline counts more than in the body,
# an exact spelling more than a clitic-stripped one.
_RANK = "bm25(documents_fts, 8.0, 1.0, 4.0, 0.5)"


class StoreError(Exception):
    """The database cannot be used: missing, not a rasid database, damaged, newer, locked."""


def default_db_path() -> Path:
    """``$RASID_DB`` if set, else ``rasid.db`` in the current directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Hit:
    """One search result: enough to list it and to fetch the document with :meth:`Store.get`."""

    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    page_date: str | None
    source: str
    url: str | None
    language: str | None
    score: float
    snippet: str
    #: (start, end) offsets into ``snippet`` of the words that matched the query.
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["highlights"] = [list(h) for h in self.highlights]
        return data


class Store:
    """A rasid SQLite database.

    ``Store(path)`` creates the file when it does not exist; ``Store(path, create=False)``
    (for commands that only read) raises :class:`StoreError` instead, so a typo in ``--db``
    does not leave an empty database behind.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a database file")
        if not self.path.exists() and not create:
            raise StoreError(
                f"no database at {self.path} (run `rasid ingest` first, or pass --db / set "
                f"{DB_ENV})"
            )
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            self._open()
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------------------

    def _open(self) -> None:
        """Recognise, create or migrate the database; write nothing to a foreign file."""
        conn = self._conn
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a rasid database or is damaged ({exc}); it was not changed"
            ) from exc
        if app_id != APPLICATION_ID:
            if app_id != 0 or tables:
                raise StoreError(
                    f"{self.path} is an SQLite database but not a rasid database; "
                    "refusing to write to it (choose another --db)"
                )
            self._create()
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer rasid (database version {version}, this "
                f"rasid reads up to {SCHEMA_VERSION}); upgrade rasid to use it"
            )
        self._configure()
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise StoreError(f"{self.path}: no upgrade from database version {version}")
            with self._transaction():
                step(conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            version += 1

    def _configure(self) -> None:
        with self._guard():
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._conn.execute("PRAGMA foreign_keys = ON")

    def _create(self) -> None:
        self._configure()
        with self._transaction():
            _script(self._conn, _SCHEMA)
            _script(self._conn, _ACTORS)
            _script(self._conn, _EVENTS)
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite's errors into :class:`StoreError` naming the file."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is damaged ({exc}); restore a backup, or ingest again into a "
                "new database"
            ) from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def add(self, docs: Iterable[Document]) -> tuple[int, int]:
        """Store documents in one transaction; return (newly added, already stored).

        If anything fails part-way — including the iterable itself raising — none of these
        documents are stored and the database is as it was before the call.
        """
        added = skipped = 0
        now = _now()
        with self._transaction() as conn:
            for doc in docs:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO documents (id, page_id, article_index, source, url, "
                    "format, headline, outlet, page_date, published, language, clean_text, "
                    "data, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.id,
                        doc.page_id,
                        doc.article_index,
                        doc.source,
                        doc.url,
                        doc.format,
                        _value(doc.headline),
                        _value(doc.outlet),
                        _value(doc.page_date),
                        _value(doc.published),
                        doc.language,
                        doc.clean_text,
                        json.dumps(doc.to_dict(), ensure_ascii=False),
                        now,
                    ),
                )
                if cur.rowcount == 0:
                    skipped += 1
                    continue
                added += 1
                headline, headline_variants = index_text(_value(doc.headline) or "")
                body, body_variants = index_text(doc.clean_text)
                conn.execute(
                    "INSERT INTO documents_fts (rowid, headline, body, headline_variants, "
                    "body_variants) VALUES (?, ?, ?, ?, ?)",
                    (cur.lastrowid, headline, body, headline_variants, body_variants),
                )
                _add_mentions(conn, doc)
                _add_events(conn, doc)
        return added, skipped

    def start_run(self, command: str, paths: Iterable[str], rasid_version: str) -> int:
        """Log the start of an ingest; a run never finished was interrupted."""
        with self._transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (command, paths, rasid_version, started_at) VALUES (?, ?, ?, ?)",
                (command, json.dumps(list(paths), ensure_ascii=False), rasid_version, _now()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(
        self,
        run_id: int,
        *,
        files: int,
        documents: int,
        added: int,
        skipped: int,
        failures: Iterable[tuple[str, int | None, str]],
    ) -> None:
        """Record a run's totals and its failures (path, position, message)."""
        failures = list(failures)
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO failures (run_id, path, position, message) VALUES (?, ?, ?, ?)",
                [(run_id, *f) for f in failures],
            )
            conn.execute(
                "UPDATE runs SET finished_at = ?, files = ?, documents = ?, added = ?, "
                "skipped = ?, failed = ? WHERE id = ?",
                (_now(), files, documents, added, skipped, len(failures), run_id),
            )

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        with self._guard():
            return self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def get(self, doc_id: str) -> Document | None:
        """The document with exactly this id, or ``None``."""
        with self._guard():
            row = self._conn.execute(
                "SELECT data FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def find_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix`` (at most ``limit``), for accepting short ids."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._guard():
            rows = self._conn.execute(
                "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                (escaped + "%", limit),
            ).fetchall()
        return [r[0] for r in rows]

    def iter_documents(self) -> Iterator[Document]:
        """Every document, in the order they were stored."""
        with self._guard():
            cursor = self._conn.execute("SELECT data FROM documents ORDER BY rowid")
            for (data,) in cursor:
                yield Document.from_dict(json.loads(data))

    def known_actors(self) -> KnownActors:
        """Every stored actor spelling, so new documents link to the actors already here."""
        known = KnownActors()
        with self._guard():
            rows = self._conn.execute(
                "SELECT a.id, a.type, a.name, n.name_norm FROM actor_names n "
                "JOIN actors a ON a.id = n.actor_id ORDER BY a.rowid"
            )
            for ident, kind, name, norm in rows:
                known.add(ident, kind, name, norm)
        return known

    def actors(
        self, query: str | None = None, kind: str | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        """Actors with their document and mention counts, aliases and roles, most documents
        first; ``query`` keeps those with a spelling containing it (normalized)."""
        where, params = [], []
        if kind:
            where.append("a.type = ?")
            params.append(kind)
        if query:
            where.append(
                "a.id IN (SELECT actor_id FROM actor_names WHERE name_norm LIKE ? ESCAPE '\\')"
            )
            escaped = normalize_arabic(query).replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._guard():
            rows = self._conn.execute(
                "SELECT a.id, a.type, a.name, count(DISTINCT m.doc_id), count(m.doc_id) "
                f"FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id {clause} "
                "GROUP BY a.id ORDER BY count(DISTINCT m.doc_id) DESC, count(m.doc_id) DESC, "
                "a.name LIMIT ?",
                (*params, limit),
            ).fetchall()
            aliases, roles = self._aliases_and_roles([r[0] for r in rows])
        return [
            {
                "id": ident,
                "type": kind_,
                "name": name,
                "documents": docs,
                "mentions": mentions,
                "aliases": aliases.get(ident, []),
                "roles": roles.get(ident, []),
            }
            for ident, kind_, name, docs, mentions in rows
        ]

    def _aliases_and_roles(
        self, ids: list[str]
    ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Spellings and roles of these actors, most used first: two grouped queries over a
        temporary id table, not two queries per actor (an export lists every actor)."""
        conn = self._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM wanted")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", [(i,) for i in ids])
        aliases: dict[str, list[str]] = {}
        for ident, text in conn.execute(
            "SELECT m.actor_id, m.text FROM mentions m JOIN wanted w ON w.id = m.actor_id "
            "GROUP BY m.actor_id, m.text ORDER BY m.actor_id, count(*) DESC, m.text"
        ):
            aliases.setdefault(ident, []).append(text)
        roles: dict[str, list[str]] = {}
        for ident, phrase in conn.execute(
            "SELECT actor_id, phrase FROM (SELECT m.actor_id, m.role AS phrase FROM mentions m "
            "JOIN wanted w ON w.id = m.actor_id UNION ALL SELECT m.actor_id, m.epithet "
            "FROM mentions m JOIN wanted w ON w.id = m.actor_id) WHERE phrase IS NOT NULL "
            "GROUP BY actor_id, phrase ORDER BY actor_id, count(*) DESC, phrase"
        ):
            roles.setdefault(ident, []).append(phrase)
        conn.execute("DELETE FROM wanted")
        return aliases, roles

    def alias_rows(self) -> list[dict[str, Any]]:
        """The alias table (as :func:`rasid.stages.link.alias_rows`) of the whole database."""
        with self._guard():
            rows = self._conn.execute(
                "SELECT a.id, a.type, a.name, m.text, count(*), "
                "(SELECT count(DISTINCT doc_id) FROM mentions WHERE actor_id = a.id) AS docs "
                "FROM actors a JOIN mentions m ON m.actor_id = a.id GROUP BY a.id, m.text "
                "ORDER BY docs DESC, a.type, a.name, count(*) DESC"
            ).fetchall()
        keys = ("id", "type", "name", "alias", "mentions", "documents")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def events(
        self,
        *,
        kind: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        modality: str | None = None,
        limit: int | None = 100,
    ) -> list[dict[str, Any]]:
        """Rows of the event table (:data:`rasid.report.events_table.EVENT_COLUMNS`), by
        event date (undated events by publication date), then document and position.

        ``actor`` is an actor id, or a name matched like :meth:`actors` (any spelling that
        contains it, normalized); ``since``/``until`` compare ISO dates as text, so "2020"
        keeps every date of 2020 and later.
        """
        where, params = [], []
        if kind:
            where.append("e.type = ?")
            params.append(kind.upper())
        if modality:
            where.append("e.modality = ?")
            params.append(modality)
        if doc_id:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        day = "coalesce(e.event_date, e.published)"
        if since:
            where.append(f"{day} >= ?")
            params.append(since)
        if until:
            where.append(f"substr({day}, 1, length(?)) <= ?")
            params += [until, until]
        if actor:
            escaped = normalize_arabic(actor).replace("%", "\\%").replace("_", "\\_")
            where.append(
                "e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR actor_id "
                "IN (SELECT actor_id FROM actor_names WHERE name_norm LIKE ? ESCAPE '\\'))"
            )
            params += [actor, f"%{escaped}%"]
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        order = (
            f"ORDER BY e.event_date IS NULL, {day}, e.doc_id, "
            "CAST(json_extract(e.row, '$.trigger_start') AS INTEGER)"
        )
        sql = f"SELECT e.row FROM events e {clause} {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._guard():
            rows = self._conn.execute(sql, params).fetchall()
        return [json.loads(r[0]) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Best-matching documents for ``query`` (see :mod:`rasid.store.query` for syntax).

        Raises :class:`~rasid.store.query.QueryError` when the query has no words in it.
        """
        parsed = parse_query(query)
        with self._guard():
            rows = self._conn.execute(
                f"SELECT d.id, d.headline, d.outlet, d.published, d.page_date, d.source, d.url, "
                f"d.language, d.clean_text, {_RANK} AS score "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
                (parsed.match, limit),
            ).fetchall()
        hits = []
        for row in rows:
            text, highlights = snippet(row[8], parsed)
            hits.append(Hit(*row[:8], score=-row[9], snippet=text, highlights=highlights))
        return hits


def _add_mentions(conn: sqlite3.Connection, doc: Document) -> None:
    for actor in doc.actors:
        conn.execute(
            "INSERT OR IGNORE INTO actors (id, type, name) VALUES (?, ?, ?)",
            (actor.id, actor.type, actor.name),
        )
    for layer in ENTITY_LAYERS:
        for span in doc.spans.get(layer, []):
            conn.execute(
                "INSERT OR IGNORE INTO actor_names (actor_id, alias, name_norm) VALUES (?, ?, ?)",
                (span.attrs["actor"], span.text, span.attrs.get("name") or span.text),
            )
            conn.execute(
                "INSERT INTO mentions (doc_id, actor_id, start, end, text, role, epithet, layer) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    span.attrs["actor"],
                    span.start,
                    span.end,
                    span.text,
                    span.attrs.get("role"),
                    span.attrs.get("epithet"),
                    layer,
                ),
            )


def _add_events(conn: sqlite3.Connection, doc: Document) -> None:
    for row in event_rows(doc):
        conn.execute(
            "INSERT OR REPLACE INTO events (event_id, doc_id, type, mode, modality, event_date, "
            "published, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["event_id"],
                doc.id,
                row["type"],
                row["mode"] or None,
                row["modality"],
                row["event_date"] or row["date_start"] or row["date_end"] or None,
                row["published"] or None,
                json.dumps(row, ensure_ascii=False),
            ),
        )
        conn.execute("DELETE FROM event_actors WHERE event_id = ?", (row["event_id"],))
        for part in ("source", "target", "place"):
            for actor_id in filter(
                None, row[f"{part}_ids" if part != "place" else "place_id"].split(";")
            ):
                conn.execute(
                    "INSERT INTO event_actors (event_id, actor_id, part) VALUES (?, ?, ?)",
                    (row["event_id"], actor_id, part),
                )


def _value(found: Any) -> str | None:
    return found.value if found is not None else None
