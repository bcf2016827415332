"""Read connections for the server: one per worker thread, read-only, every query under a deadline.

This is SQLite's reader; a PostgreSQL store's (``serve.postgres.PgReader``: pooled read-only
sessions, a statement timeout) keeps the same interface; ``serve.readers.open_reader`` picks one.

The store (``dateline.store.db.Store``) is opened once at start-up so its migrations run; after
that the server reads through SQLite connections opened ``mode=ro``, so a GET can never write.
Each connection has a progress handler that aborts the statement running past the query's time
limit: SQLite then raises ``OperationalError('interrupted')``, which the app turns into a coded
JSON error (503, ``query_timeout``) instead of a hung request.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dateline.serve.errors import ApiError
from dateline.serve.sql import SQLITE_SQL, ServeSQL

# How many SQLite virtual-machine steps run between two looks at the clock: small enough that a
# runaway query stops within a few milliseconds of its deadline, large enough to cost nothing.
PROGRESS_STEPS = 10_000
DEFAULT_TIME_LIMIT = 5.0  # seconds per query


class QuickOverrun(Exception):
    """A read tried on the event loop ran past its quick budget (``Reader.quick``): the caller
    runs it again in a worker thread under the full time limit."""


class Reader:
    """Thread-local read-only connections to one SQLite store."""

    sql: ServeSQL = SQLITE_SQL  # the forms of SQL this store's engine reads (serve.sql)

    def __init__(self, path: str | Path, time_limit: float = DEFAULT_TIME_LIMIT) -> None:
        self.path = str(Path(path).resolve())
        self.time_limit = time_limit
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        conn.row_factory = sqlite3.Row
        local = self._local

        def over_time() -> int:
            deadline = getattr(local, "deadline", None)
            return 1 if deadline is not None and time.monotonic() > deadline else 0

        conn.set_progress_handler(over_time, PROGRESS_STEPS)
        return conn

    def with_time_limit(self, seconds: float) -> Reader:
        """A reader of the same store under another time limit (an export's)."""
        return Reader(self.path, seconds)

    def timeout_error(self) -> ApiError:
        return ApiError(503, "query_timeout", f"the query ran past its time limit of {self.time_limit:g} s; "
                        "narrow it with filters")

    def close(self) -> None:
        """SQLite's connections close with their threads; a pool is closed here."""

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @contextmanager
    def quick(self, seconds: float) -> Iterator[None]:
        """Inside, each statement of this thread may run ``seconds`` only, and one that runs
        longer raises ``QuickOverrun`` (instead of the 503 of the full time limit)."""
        self._local.quick = seconds
        try:
            yield
        finally:
            self._local.quick = None

    @contextmanager
    def timed(self) -> Iterator[sqlite3.Connection]:
        """The thread's connection with the deadline armed for the statements run inside."""
        quick = getattr(self._local, "quick", None)
        self._local.deadline = time.monotonic() + (self.time_limit if quick is None else quick)
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                if quick is not None:
                    raise QuickOverrun() from None
                raise self.timeout_error() from None
            raise
        finally:
            self._local.deadline = None

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.timed() as conn:
            return conn.execute(sql, args).fetchall()

    def tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: cheaper than ``sqlite3.Row`` where a hot path unpacks them."""
        with self.timed() as conn:
            cursor = conn.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, args).fetchall()

    def one(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self.timed() as conn:
            row: sqlite3.Row | None = conn.execute(sql, args).fetchone()
            return row

    def value(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """The first column of the first row (aggregates always give one row)."""
        row = self.one(sql, args)
        return row[0] if row is not None else None


# -- opaque cursors ---------------------------------------------------------------------------
def encode_cursor(key: Sequence[Any]) -> str:
    """The sort key of a page's last row, as an opaque URL-safe token."""
    raw = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str | None, types: Sequence[type | tuple[type, ...]]) -> list[Any] | None:
    """The key a cursor holds, checked against the expected types; a bad token is a 400."""
    if token is None:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError, binascii.Error):
        raise ApiError(400, "bad_cursor", "the cursor is not one this server handed out") from None
    if not isinstance(key, list) or len(key) != len(types) or not all(
            isinstance(value, kind) and not isinstance(value, bool) for value, kind in zip(key, types)):
        raise ApiError(400, "bad_cursor", "the cursor is not one this server handed out")
    return key


def page(rows: list[Any], limit: int, key_of: Any) -> tuple[list[Any], str | None]:
    """Split the ``limit + 1`` rows a query fetched into the page and the next cursor."""
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key_of(rows[-1]))
    return rows, None
