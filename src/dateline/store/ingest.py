"""Ingest bookkeeping in the store (migration 004): raw pages, run manifests, watch state."""

from __future__ import annotations

import gzip
import sqlite3
import uuid

from dateline.ingest.manifest import Manifest
from dateline.record import Article


def save_raw_page(conn: sqlite3.Connection, article_rowid: int, article: Article) -> None:
    """Store saver: keep the page an HTML article came from, compressed."""
    if article.raw_page:
        conn.execute("INSERT OR REPLACE INTO raw_pages (article_rowid, url, html_gz) VALUES (?,?,?)",
                     (article_rowid, article.source.url,
                      gzip.compress(article.raw_page.encode("utf-8", "replace"))))


def raw_page(conn: sqlite3.Connection, article_rowid: int) -> str | None:
    row = conn.execute("SELECT html_gz FROM raw_pages WHERE article_rowid = ?", (article_rowid,)).fetchone()
    return gzip.decompress(row[0]).decode("utf-8") if row else None


def write_manifest(conn: sqlite3.Connection, manifest: Manifest, run_id: str | None = None) -> str:
    run_id = run_id or uuid.uuid4().hex[:12]
    with conn:
        conn.executemany(
            "INSERT INTO ingest_manifest (run_id, path, member, status, code, detail) VALUES (?,?,?,?,?,?)",
            [(run_id, e.path, e.member, e.status, e.code, e.detail) for e in manifest.entries])
    return run_id


def seen(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM watch_seen WHERE key = ?", (key,)).fetchone() is not None


def mark_seen(conn: sqlite3.Connection, keys: list[str]) -> None:
    with conn:
        conn.executemany("INSERT OR IGNORE INTO watch_seen (key) VALUES (?)", [(k,) for k in keys])
