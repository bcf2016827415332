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
    """The articles of a batch output, in load order (source path, then id; no path last)."""
    table = open_table(output, "articles")
    if table is None:
        raise DatelineError(Code.UNREADABLE, f"{output}: no batch output here (no articles/*.parquet)")
    rows = table.to_table(columns=["source_path", "id", "record"]).sort_by(
        [("source_path", "ascending"), ("id", "ascending")])
    for chunk in rows.select(["record"]).to_batches(max_chunksize=chunk_rows):
        for record in chunk.column(0).to_pylist():
            yield article_from_dict(json.loads(record))


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
