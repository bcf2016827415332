"""The reader of a store, whichever its backend: SQLite's (``serve.db.Reader``) for a file,
PostgreSQL's (``serve.postgres.PgReader``) for a ``postgresql://`` URL."""

from __future__ import annotations

from pathlib import Path

from dateline.serve.db import DEFAULT_TIME_LIMIT, Reader
from dateline.serve.postgres import PgReader
from dateline.store.dialect import is_postgres_url


def open_reader(db: str | Path, time_limit: float = DEFAULT_TIME_LIMIT) -> Reader:
    """The reader of the store ``db``: an SQLite file, or a ``postgresql://`` URL."""
    if is_postgres_url(str(db)):
        return PgReader(str(db), time_limit)
    return Reader(db, time_limit)
