"""``dateline load``: a batch's Parquet output (``OUTPUT/articles``) into a store.

The ``record`` column of ``articles`` holds each whole contract record, error records included,
so the store is rebuilt from records through ``Store.load`` — the savers ``ingest`` uses, with
COPY for the bulk tables on PostgreSQL (``store.bulk``) — and gets the same rows ingest gives.
Loading twice adds nothing: articles are keyed by content hash, rejections by input.

Order matters to a store (row numbers; which article opens a story): records are loaded by
source path, then id — the order ``ingest`` reads a folder in (sorted paths) and a JSON Lines
file whose ids rise line by line. The batch's own order is lost in its partitions.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import Code, DatelineError
from dateline.record import Article, article_from_dict
from dateline.scale.dataset import open_table
from dateline.store.db import IngestReport, Store


@dataclass
class LoadReport:
    records: int
    ingest: IngestReport

    def __str__(self) -> str:
        return f"{self.records} records: {self.ingest}"


def batch_articles(output: Path, chunk_rows: int = 1000) -> Iterator[Article]:
    """The articles of a batch output, in load order (source path, then id; no path last).

    The records are put in order on disk, not in memory — a temporary SQLite file sorts them —
    so loading millions of articles holds one scanner batch at a time."""
    table = open_table(output, "articles")
    if table is None:
        raise DatelineError(Code.UNREADABLE, f"{output}: no batch output here (no articles/*.parquet)")
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as folder:
        sorter = sqlite3.connect(Path(folder) / "order.db")
        try:
            sorter.execute("CREATE TABLE records (path TEXT, id TEXT, record TEXT)")
            for batch in table.to_batches(columns=["source_path", "id", "record"], batch_size=chunk_rows):
                with sorter:
                    sorter.executemany("INSERT INTO records VALUES (?, ?, ?)", zip(*batch.to_pydict().values()))
            for (record,) in sorter.execute("SELECT record FROM records ORDER BY path IS NULL, path, id"):
                yield article_from_dict(json.loads(record))
        finally:
            sorter.close()


def load(output: Path, db: str, batch_size: int = 2000) -> LoadReport:
    counted = 0

    def counting() -> Iterator[Article]:
        nonlocal counted
        for article in batch_articles(output):
            counted += 1
            yield article

    with Store(db) as store:
        report = store.load(counting(), batch_size=batch_size)
    return LoadReport(counted, report)
