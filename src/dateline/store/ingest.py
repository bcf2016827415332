"""Ingest bookkeeping in the store (migration 004): raw pages, run manifests, watch state."""

from __future__ import annotations

import gzip
import os
import uuid

from dateline.ingest.archives import is_archive
from dateline.ingest.feeds import FEED_SUFFIXES
from dateline.ingest.formats import JSONL_SUFFIXES
from dateline.ingest.manifest import Manifest
from dateline.record import Article
from dateline.store.dialect import StoreConnection


def stored_path(path: str | None) -> str | None:
    """A source path as the store keeps it: absolute for files (so ``--retry-rejected`` finds them
    from any folder), as it is for URLs."""
    if not path or "://" in path or path.startswith("<"):
        return path
    return os.path.abspath(path)


def input_key(path: str | None, input_id: str) -> str:
    """Which input a rejection belongs to. A whole document (a text or HTML file, an archive
    member) is its path: fixing its bytes changes its id, not its key. An input among many in
    one source (a JSON Lines record, a feed item, a page) is its source and id."""
    path = stored_path(path)
    if path is None:
        return f"#{input_id}"
    name = path.lower()
    many = "://" in name or name.endswith(JSONL_SUFFIXES + FEED_SUFFIXES) or ("!" not in name and is_archive(name))
    return f"{path}#{input_id}" if many else path


def save_raw_page(conn: StoreConnection, article_rowid: int, article: Article) -> None:
    """Store saver: keep the page an HTML article came from, compressed."""
    if article.raw_page:
        conn.execute("INSERT INTO raw_pages (article_rowid, url, html_gz) VALUES (?,?,?) ON CONFLICT (article_rowid) "
                     "DO UPDATE SET url = excluded.url, html_gz = excluded.html_gz",
                     (article_rowid, article.source.url,
                      gzip.compress(article.raw_page.encode("utf-8", "replace"))))


def raw_page(conn: StoreConnection, article_rowid: int) -> str | None:
    row = conn.execute("SELECT html_gz FROM raw_pages WHERE article_rowid = ?", (article_rowid,)).fetchone()
    return gzip.decompress(row[0]).decode("utf-8") if row else None


def write_manifest(conn: StoreConnection, manifest: Manifest, run_id: str | None = None) -> str:
    run_id = run_id or uuid.uuid4().hex[:12]
    with conn:
        conn.executemany(
            "INSERT INTO ingest_manifest (run_id, path, member, status, code, detail) VALUES (?,?,?,?,?,?)",
            [(run_id, e.path, e.member, e.status, e.code, e.detail) for e in manifest.entries])
    return run_id


def seen(conn: StoreConnection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM watch_seen WHERE key = ?", (key,)).fetchone() is not None


def mark_seen(conn: StoreConnection, keys: list[str]) -> None:
    with conn:
        conn.executemany("INSERT OR IGNORE INTO watch_seen (key) VALUES (?)", [(k,) for k in keys])
