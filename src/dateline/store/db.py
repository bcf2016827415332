"""The store: a documented SQLite file (see docs/database.md), open to any tool.

Articles are keyed by the hash of their normalised text, so re-ingesting is a no-op; each
batch is one transaction, so a killed ingest leaves no partial article. Schema changes are
numbered SQL files in ``migrations/``, recorded in ``schema_migrations``. Extractor stages
that store rows of their own (quotes, events) have a saver in ``ARTICLE_SAVERS``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.record import Article, article_from_dict
from dateline.store import events as event_rows
from dateline.store import ingest as ingest_rows
from dateline.store import quotes as quote_rows
from dateline.store import stories
from dateline.store.search import fts_query

# Savers called as saver(conn, article_rowid, article) inside the batch's transaction. Listed as
# objects, imported plainly: a saver that cannot be imported fails the import, never skips.
ArticleSaver = Callable[[sqlite3.Connection, int, Article], None]
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
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()






class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.migrate()
        self.savers = list(ARTICLE_SAVERS)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded, in number order; returns their names."""
        with self.conn:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
            )
        done = {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        folder = resources.files("dateline.store") / "migrations"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            m = re.match(r"(\d+)_.*\.sql$", entry.name)
            if not m or int(m.group(1)) in done:
                continue
            script = entry.read_text(encoding="utf-8")
            # executescript commits first; the version row goes in with the script itself.
            self.conn.executescript(
                "BEGIN;\n" + script + f"\nINSERT INTO schema_migrations(version, name) "
                f"VALUES ({int(m.group(1))}, '{entry.name}');\nCOMMIT;"
            )
            applied.append(entry.name)
        return applied

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

    def _write_batch(self, batch: list[Article], report: IngestReport) -> None:
        with self.conn:  # one transaction: all of the batch or none of it
            for article in batch:
                if article.error is not None:
                    self._reject(article)
                    report.rejected += 1
                elif self._insert(article):
                    report.stored += 1
                else:
                    report.duplicates += 1
                    report.dated += event_rows.add_published_date(self.conn, content_hash(article.text), article)

    def _insert(self, article: Article) -> bool:
        record = article.to_dict()
        dl = article.dateline
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, content_hash, headline, text, published, dateline_place,"
            " agency, source_path, source_url, publisher, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, content_hash(article.text), article.headline, article.text, article.published,
             dl.place if dl else None, dl.agency if dl else None, article.source.path,
             article.source.url, article.source.publisher, json.dumps(record, ensure_ascii=False)),
        )
        if cur.rowcount == 0:
            return False
        rowid = cur.lastrowid
        assert rowid is not None
        for saver in self.savers:
            saver(self.conn, rowid, article)
        # A re-run that now succeeds clears the input's earlier rejection.
        self.conn.execute("DELETE FROM rejected WHERE input_id = ?", (article.id,))
        return True

    def _reject(self, article: Article) -> None:
        assert article.error is not None
        self.conn.execute(
            "INSERT INTO rejected (input_id, source_path, code, message, payload) VALUES (?,?,?,?,?) "
            "ON CONFLICT (input_id, code) DO UPDATE SET message = excluded.message, "
            "payload = coalesce(excluded.payload, rejected.payload), rejected_at = excluded.rejected_at",
            (article.id, article.source.path, article.error.code, article.error.message, article.payload),
        )

    # -- reading --------------------------------------------------------------------------
    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
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
        for row in self.conn.execute("SELECT record FROM articles ORDER BY rowid"):
            yield article_from_dict(json.loads(row["record"]))

    def rejected(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM rejected ORDER BY rowid")]


__all__ = ["ARTICLE_SAVERS", "DEFAULT_DB", "IngestReport", "Store", "content_hash", "fts_query"]
