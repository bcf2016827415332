"""Ingesting samples/ stores every quote and event the records carry, as rows of their own.

The store's savers are what put quotes and events into their tables; this checks the whole path
(`dateline ingest samples`) end to end, against the records `extract` gives for the same files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.ingest.files import read_inputs
from dateline.pipeline import Options, process_batch
from ingest_helpers import ingest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _rows_per_article(db: Path, table: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        query = (f"SELECT a.id, count(t.rowid) FROM articles a LEFT JOIN {table} t"
                 " ON t.article_rowid = a.rowid GROUP BY a.id")
        return dict(conn.execute(query).fetchall())


def test_samples_store_their_quote_and_event_rows(nlp, db_path) -> None:
    records = list(process_batch(read_inputs([str(SAMPLES)]), Options(), nlp=nlp))
    assert len(records) == 5
    report = ingest(nlp, db_path, [str(SAMPLES)])
    assert report.stored == 5
    quotes = _rows_per_article(db_path, "quotes")
    events = _rows_per_article(db_path, "events")
    assert quotes == {r.id: len(r.quotes) for r in records}
    assert events == {r.id: len(r.events) for r in records}
    # Every sample article has quotes and events: a saver that stopped would leave zeros here.
    assert min(quotes.values()) >= 1 and min(events.values()) >= 1
    assert sum(quotes.values()) >= 15 and sum(events.values()) >= 10
