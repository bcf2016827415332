"""The store: a documented SQLite file (see docs/database.md), open to any tool — or a PostgreSQL
database a team shares, named by a ``postgresql://`` URL (``store.postgres``, same tables).

Articles are keyed by the hash of their normalised text, so re-ingesting is a no-op; each
batch is one transaction, so a killed ingest leaves no partial article. Schema changes are
numbered SQL files in ``migrations/`` (PostgreSQL's in ``migrations/postgresql/``), recorded in
``schema_migrations``. Both backends run the same SQL (``store.dialect``). Extractor stages
that store rows of their own (quotes, events) have a saver in ``ARTICLE_SAVERS``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.record import Article, article_from_dict
from dateline.store import bulk, postgres, stories
from dateline.store import events as event_rows
from dateline.store import ingest as ingest_rows
from dateline.store import quotes as quote_rows
from dateline.store.dialect import (
    POSTGRESQL,
    SQLITE,
    PgConnection,
    StoreConnection,
    inserted,
    is_postgres_url,
    stream,
)
from dateline.store.search import fts_query

# Savers called as saver(conn, article_rowid, article) inside the batch's transaction. Listed as
# objects, imported plainly: a saver that cannot be imported fails the import, never skips.
ArticleSaver = Callable[[StoreConnection, int, Article], None]
ARTICLE_SAVERS: tuple[ArticleSaver, ...] = (quote_rows.save_quotes, event_rows.save_events,
                                            stories.save_story, ingest_rows.save_raw_page)
DEFAULT_DB = "dateline.db"


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    dated: int = 0  # already there without a published date, now given one (counted in duplicates too)

    def __str__(self) -> str:
        dated = f" ({self.dated} given the published date they lacked)" if self.dated else ""
        return f"{self.stored} stored, {self.duplicates} already there{dated}, {self.rejected} rejected"


def content_hash(text: str) -> str:
    normalised = " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    return hashlib.sha1(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration script, one by one (a trigger's body stays whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        yield buffer


def use_wal(conn: sqlite3.Connection, wait: float = 30.0) -> None:
    """Put the file in WAL mode (a setting kept in the file, so this is once per database).

    On a brand-new file several processes may try the switch at once; each holds a read lock and
    wants an exclusive one, so SQLite answers "locked" at once instead of calling the busy
    handler (waiting could deadlock). Retry with growing pauses until ``wait`` seconds have gone."""
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause + random.random() * pause)
            pause = min(pause * 2, 0.25)


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        """Open (and bring up to date) the store at ``path``: an SQLite file, or a PostgreSQL
        database when ``path`` is a ``postgresql://`` URL."""
        self.path = str(path)
        self.conn: StoreConnection
        if is_postgres_url(self.path):
            self.dialect = POSTGRESQL
            self.conn = postgres.connect(self.path)
        else:
            self.dialect = SQLITE
            self.conn = self._open_sqlite(self.path)
        self.migrate()
        self.savers = list(ARTICLE_SAVERS)
        # PostgreSQL: a batch's quotes, events and actors gathered and written by COPY at the
        # batch's end, in its transaction — one round trip per table instead of three per event.
        self._pending: bulk.CopyRows | None = None
        if self.dialect == POSTGRESQL:
            self._pending = bulk.CopyRows()
            stand_ins: dict[ArticleSaver, ArticleSaver] = {quote_rows.save_quotes: self._pending.save_quotes,
                                                           event_rows.save_events: self._pending.save_events}
            self.savers = [stand_ins.get(saver, saver) for saver in self.savers]

    @staticmethod
    def _open_sqlite(path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, timeout=30)
        conn.row_factory = sqlite3.Row
        use_wal(conn)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded, in number order; returns their names.

        Each migration runs in its own ``BEGIN IMMEDIATE`` transaction, which takes the write lock
        before anything is read; the applied versions are re-read inside it. So any number of
        processes may open a new file at once: one applies a migration, the others wait for the
        lock (the connection's busy timeout), then find it recorded and go on. PostgreSQL takes
        an advisory lock instead (``postgres.migrate``)."""
        if isinstance(self.conn, PgConnection):
            return postgres.migrate(self.conn)
        folder = resources.files("dateline.store") / "migrations"
        applied = []
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            m = re.match(r"(\d+)_.*\.sql$", entry.name)
            if m and self._apply(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")):
                applied.append(entry.name)
        return applied

    def _apply(self, version: int, name: str, script: str) -> bool:
        conn = self.conn
        assert isinstance(conn, sqlite3.Connection)
        if conn.in_transaction:
            conn.commit()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
            )
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                conn.execute("COMMIT")
                return False
            for statement in statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return True

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    # -- writing --------------------------------------------------------------------------
    def ingest(self, articles: Iterable[Article], batch_size: int = 64) -> IngestReport:
        report = IngestReport()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                self._write_batch(batch, report)
                batch = []
        if batch:
            self._write_batch(batch, report)
        return report

    def load(self, articles: Iterable[Article], batch_size: int = 2000) -> IngestReport:
        """``ingest`` for many records at once (``dateline load``): the same rows, in bigger
        transactions (each still all or nothing)."""
        return self.ingest(articles, batch_size)

    def _write_batch(self, batch: list[Article], report: IngestReport) -> None:
        try:
            self._write_batch_rows(batch, report)
        except BaseException:
            if self._pending is not None:  # rolled back: its gathered rows must not reach the next batch
                self._pending.clear()
            raise

    def _write_batch_rows(self, batch: list[Article], report: IngestReport) -> None:
        with self.conn:  # one transaction: all of the batch or none of it
            if self.dialect == POSTGRESQL:
                postgres.lock_writes(self.conn)
            for article in batch:
                if article.error is not None:
                    self._reject(article)
                    report.rejected += 1
                elif self._insert(article):
                    report.stored += 1
                else:
                    report.duplicates += 1
                    if self._pending is not None:  # its first copy's rows may not be written yet
                        self._pending.flush(self.conn)
                    report.dated += event_rows.add_published_date(self.conn, content_hash(article.text), article)
            if self._pending is not None:
                self._pending.flush(self.conn)

    def _insert(self, article: Article) -> bool:
        article.source = dataclasses.replace(article.source, path=ingest_rows.stored_path(article.source.path))
        record = article.to_dict()
        dl = article.dateline
        digest = content_hash(article.text)
        if self.dialect == POSTGRESQL and self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
            return False  # asked first: a conflicting INSERT would still use up a row number there
        rowid = inserted(
            self.conn, "INSERT OR IGNORE INTO articles (id, content_hash, headline, text, published, dateline_place,"
            " agency, source_path, source_url, publisher, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, digest, article.headline, article.text, article.published,
             dl.place if dl else None, dl.agency if dl else None, article.source.path,
             article.source.url, article.source.publisher, json.dumps(record, ensure_ascii=False)),
        )
        if rowid is None:
            return False
        for saver in self.savers:
            saver(self.conn, rowid, article)
        # A re-run that now succeeds clears its own input's earlier rejection, no other's.
        self.conn.execute("DELETE FROM rejected WHERE input_key = ?",
                          (ingest_rows.input_key(article.source.path, article.id),))
        return True

    def _reject(self, article: Article) -> None:
        assert article.error is not None
        path = ingest_rows.stored_path(article.source.path)
        self.conn.execute(
            "INSERT INTO rejected (input_id, input_key, source_path, code, message, payload) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT (input_key) DO UPDATE SET input_id = excluded.input_id, code = excluded.code, "
            "message = excluded.message, payload = coalesce(excluded.payload, rejected.payload), "
            "rejected_at = excluded.rejected_at",
            (article.id, ingest_rows.input_key(path, article.id), path, article.error.code,
             article.error.message, article.payload),
        )

    # -- reading --------------------------------------------------------------------------
    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        if self.dialect == POSTGRESQL:
            return postgres.search(self.conn, query, limit)
        match = fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            "SELECT a.rowid, a.id, a.headline, a.published, a.dateline_place, "
            "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match, limit),
        )
        return [dict(r) for r in rows]

    def get(self, key: str) -> Article | None:
        """An article by its id, its row number or a prefix of its content hash."""
        row = self.conn.execute(
            "SELECT record FROM articles WHERE id = ? OR CAST(rowid AS TEXT) = ? OR content_hash = ? "
            "ORDER BY rowid LIMIT 1", (key, key, key),
        ).fetchone()
        return article_from_dict(json.loads(row["record"])) if row else None

    def articles(self) -> Iterator[Article]:
        for row in stream(self.conn, "SELECT record FROM articles ORDER BY rowid"):
            yield article_from_dict(json.loads(row["record"]))

    def rejected(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM rejected ORDER BY rowid")]


__all__ = ["ARTICLE_SAVERS", "DEFAULT_DB", "IngestReport", "Store", "content_hash", "fts_query"]
