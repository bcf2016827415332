"""The store's two backends behind one connection shape: SQLite (a file) and PostgreSQL (a URL).

Every store module writes its SQL once, in the SQLite form it always had (``?`` placeholders,
``INSERT OR IGNORE``, ``LIKE`` that ignores ASCII case). A SQLite store runs it as it is on a
``sqlite3.Connection``. A PostgreSQL store runs it on ``PgConnection``, which speaks the same
few methods (``execute``, ``executemany``, ``with conn:`` for a transaction, rows readable by
index and by name) and rewrites those three forms on the way (``to_postgres``). What cannot be
rewritten mechanically — full-text search, a new row's key — asks ``dialect_of(conn)``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import psycopg

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_URL = re.compile(r"^postgres(?:ql)?(?:\+psycopg)?://", re.IGNORECASE)


class StoreCursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class StoreConnection(Protocol):
    """What store code may call on its connection (``sqlite3.Connection`` or ``PgConnection``)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> StoreCursor: ...
    def executemany(self, sql: str, parameters: Any, /) -> StoreCursor: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, exc_type: Any, exc: Any, tb: Any, /) -> Any: ...


def is_postgres_url(db: str) -> bool:
    """``postgresql://…``, ``postgres://…`` and ``postgresql+psycopg://…`` name a PostgreSQL store;
    anything else is an SQLite file's path, as it always was."""
    return bool(_URL.match(db))


def display_name(db: str) -> str:
    """A store's name fit to print: a URL's password, if it has one, left out."""
    return re.sub(r"^([a-z+]+://[^/@:]*):[^/@]*@", r"\1:***@", db, flags=re.IGNORECASE) if is_postgres_url(db) else db


def dialect_of(conn: object) -> str:
    return POSTGRESQL if isinstance(conn, PgConnection) else SQLITE


@lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """One statement of the store's SQLite SQL as PostgreSQL reads it.

    ``?`` → ``%s`` (and a literal ``%`` doubled); ``INSERT OR IGNORE`` → ``ON CONFLICT DO NOTHING``
    (before a ``RETURNING``); ``LIKE`` → ``ILIKE``, as SQLite's LIKE ignores ASCII case. The store's
    statements keep ``?`` and ``LIKE`` out of their string literals, so a plain rewrite is safe."""
    out = sql.replace("%", "%%").replace("?", "%s")
    out = re.sub(r"\bLIKE\b", "ILIKE", out)
    ignore = re.match(r"\s*INSERT\s+OR\s+IGNORE\s+INTO\b", out, re.IGNORECASE)
    if ignore:
        out = "INSERT INTO" + out[ignore.end():]
        returning = re.search(r"\s+RETURNING\b", out)
        head, tail = (out[:returning.start()], out[returning.start():]) if returning else (out, "")
        out = head.rstrip() + " ON CONFLICT DO NOTHING" + tail
    return out


def inserted(conn: StoreConnection, sql: str, params: Sequence[Any], key: str = "rowid") -> int | None:
    """Run an INSERT and return the new row's ``key`` (None when ``INSERT OR IGNORE`` skipped it):
    SQLite's ``lastrowid``, PostgreSQL's ``RETURNING``."""
    if isinstance(conn, PgConnection):
        row = conn.execute(f"{sql} RETURNING {key}", params).fetchone()
        return int(row[0]) if row else None
    cur = conn.execute(sql, params)
    assert isinstance(cur, sqlite3.Cursor)
    return cur.lastrowid if cur.rowcount else None


def pg_values(values: Sequence[Any]) -> tuple[Any, ...]:
    """Parameters as PostgreSQL can take them: a text value cannot hold NUL there, so a NUL (which
    an input can carry, JSON's "\\u0000") becomes U+FFFD in a column. The record column is JSON,
    NUL escaped, so records — and every export made from them — keep their text exactly."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in values)


class PgRow(tuple[Any, ...]):
    """A result row read by position or by column name, and ``dict(row)``, as ``sqlite3.Row`` is."""

    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type[PgRow]:
    return type("PgRow", (PgRow,), {"_index": {n: i for i, n in enumerate(names)}, "__slots__": ()})


def _row_factory(cursor: Any) -> Any:
    names = tuple(col.name for col in cursor.description or ())
    cls = _row_class(names)
    return lambda values: cls(values)


class PgConnection:
    """A psycopg connection that reads the store's SQL (see ``to_postgres``).

    The connection is in autocommit mode, so a read never leaves a transaction open (an idle
    transaction would hold locks a migration in another process waits for); ``with conn:``
    opens one and commits it, or rolls it back on an exception, as ``sqlite3`` does."""

    def __init__(self, raw: psycopg.Connection[Any], release: Any = None) -> None:
        self.raw = raw
        self._release = release or raw.close
        self._depth = 0
        self._streams = 0

    def execute(self, sql: str, parameters: Any = (), /) -> StoreCursor:
        cur = self.raw.cursor(row_factory=_row_factory)
        cur.execute(to_postgres(sql), pg_values(parameters))
        return cur

    def executemany(self, sql: str, parameters: Any, /) -> StoreCursor:
        cur = self.raw.cursor(row_factory=_row_factory)
        cur.executemany(to_postgres(sql), [pg_values(p) for p in parameters])
        return cur

    def stream(self, sql: str, parameters: Sequence[Any] = (), size: int = 500) -> Iterator[PgRow]:
        """Rows of a large query fetched ``size`` at a time (a server-side cursor), not all at once."""
        self._streams += 1
        # A server-side cursor lives in a transaction; a reading one, whose share locks stand in
        # the way of a migration's DDL only, never of ingest. Closing the generator early ends both.
        with self, self.raw.cursor(name=f"dateline_stream_{self._streams}", row_factory=_row_factory) as cur:
            cur.itersize = size
            cur.execute(to_postgres(sql), pg_values(parameters))
            yield from cur

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def begin(self) -> None:
        if self._depth == 0:
            self.raw.execute("BEGIN")
        self._depth += 1

    def commit(self) -> None:
        if self._depth:
            self._depth = 0
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self._depth:
            self._depth = 0
            self.raw.execute("ROLLBACK")

    def __enter__(self) -> PgConnection:
        self.begin()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any, /) -> None:
        if self._depth == 1:
            self.rollback() if exc_type is not None else self.commit()
        elif self._depth:
            self._depth -= 1

    def close(self) -> None:
        if self._depth:
            self.rollback()
        self._release()


def stream(conn: StoreConnection, sql: str, parameters: Sequence[Any] = ()) -> Iterator[Any]:
    """The rows of a query that may be large, without holding them all (SQLite's cursors are lazy)."""
    if isinstance(conn, PgConnection):
        return conn.stream(sql, parameters)
    return iter(conn.execute(sql, parameters))
