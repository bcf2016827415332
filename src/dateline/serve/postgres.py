"""The server's reads of a PostgreSQL store: pooled read-only sessions, a statement timeout.

SQLite's reader opens the file ``mode=ro`` and stops a statement from a progress handler; here
each session is ``default_transaction_read_only`` (a write fails: ``ReadOnlySqlTransaction``)
and has a ``statement_timeout``: PostgreSQL cancels a statement past it, psycopg raises
``QueryCanceled``, and the reader turns that into the same 503 ``query_timeout`` (or
``QuickOverrun`` inside ``Reader.quick``). Sessions come from SQLAlchemy's ``QueuePool``
(psycopg_pool is not a dependency), one pool per time limit — the event loop's quick budget, the
full limit, an export's — so a session's timeout is set once, when it opens, never per query.

The answer cache's change counter is ``store_changes.version`` (PostgreSQL migration 009),
bumped by a statement trigger on every table the API reads, in the writer's transaction.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from dateline.serve.db import DEFAULT_TIME_LIMIT, QuickOverrun, Reader
from dateline.serve.errors import ApiError
from dateline.serve.sql import POSTGRES_SQL
from dateline.store.dialect import PgConnection, pg_values, to_postgres

if TYPE_CHECKING:
    import psycopg

# Sessions kept open per pool (each pool is one time limit) and opened beyond that under load;
# the server's read threads number 8 (serve.app.READ_THREADS), plus the event loop and exports.
POOL_SIZE = 10
POOL_OVERFLOW = 10
POOL_WAIT = 10.0  # seconds a read waits for a free session before it is a 503
CONNECT_TIMEOUT = 10


def libpq_url(url: str) -> str:
    """The URL as libpq reads it: ``postgresql+psycopg://`` (SQLAlchemy's spelling) loses its ``+psycopg``."""
    return re.sub(r"^postgres(?:ql)?(?:\+psycopg)?://", "postgresql://", url, flags=re.IGNORECASE)


def unavailable(exc: BaseException) -> ApiError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ApiError(503, "unavailable", f"the store cannot answer now: {first}")


class ReadPool:
    """Read-only sessions to one PostgreSQL store, pooled per statement timeout."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conninfo = libpq_url(url)
        self._pools: dict[int, Any] = {}
        self._lock = threading.Lock()

    def _pool(self, timeout_ms: int) -> Any:
        pool = self._pools.get(timeout_ms)
        if pool is not None:
            return pool
        import psycopg
        from sqlalchemy.pool import QueuePool

        def create() -> Any:  # a psycopg connection (SQLAlchemy types it as its DB-API protocol)
            conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                   application_name="dateline serve")
            conn.execute(f"SET default_transaction_read_only = on; SET statement_timeout = {timeout_ms}")
            return conn

        with self._lock:
            if timeout_ms not in self._pools:
                # LIFO: the same few warm sessions (and their prepared statements) serve most reads
                self._pools[timeout_ms] = QueuePool(create, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW,
                                                    timeout=POOL_WAIT, use_lifo=True, reset_on_return=None)
            return self._pools[timeout_ms]

    @contextmanager
    def session(self, seconds: float) -> Iterator[psycopg.Connection[Any]]:
        import psycopg
        import sqlalchemy.exc

        try:
            fairy = self._pool(max(1, round(seconds * 1000))).connect()
        except (psycopg.Error, sqlalchemy.exc.SQLAlchemyError) as exc:
            raise unavailable(exc) from None
        raw = fairy.dbapi_connection
        try:
            yield raw
        except psycopg.errors.QueryCanceled:
            raise
        except psycopg.OperationalError as exc:  # the session is gone (server restarted, network)
            fairy.invalidate()
            raise unavailable(exc) from None
        finally:
            if fairy.is_valid:
                if raw.closed:
                    fairy.invalidate()
                elif raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                    raw.execute("ROLLBACK")  # a stream left early: never hand on an open transaction
            fairy.close()

    def close(self) -> None:
        with self._lock:
            for pool in self._pools.values():
                pool.dispose()
            self._pools.clear()


def _named(raw: psycopg.Connection[Any]) -> PgConnection:
    """The session as the store's connection: its SQL rewritten, rows readable by column name."""
    return PgConnection(raw, release=lambda: None)


class PgReader(Reader):
    """``Reader``'s interface over a PostgreSQL store."""

    sql = POSTGRES_SQL

    def __init__(self, url: str, time_limit: float = DEFAULT_TIME_LIMIT, pool: ReadPool | None = None) -> None:
        self.path = url
        self.time_limit = time_limit
        self._local = threading.local()
        self._sessions = pool or ReadPool(url)

    def with_time_limit(self, seconds: float) -> PgReader:
        return PgReader(self.path, seconds, self._sessions)

    @contextmanager
    def _session(self) -> Iterator[psycopg.Connection[Any]]:
        import psycopg

        quick = getattr(self._local, "quick", None)
        try:
            with self._sessions.session(self.time_limit if quick is None else quick) as raw:
                yield raw
        except psycopg.errors.QueryCanceled:
            if quick is not None:
                raise QuickOverrun() from None
            raise self.timeout_error() from None

    @contextmanager
    def timed(self) -> Iterator[Any]:
        with self._session() as raw:
            yield _named(raw)

    def _read(self, run: Callable[[psycopg.Connection[Any]], Any]) -> Any:
        """``run`` on a session. A pooled session the server dropped (a restart) fails once: the
        read, harmless to repeat, runs again on a new one."""
        for attempt in (1, 2):
            try:
                with self._session() as raw:
                    return run(raw)
            except ApiError as exc:
                if exc.code != "unavailable" or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        found: list[Any] = self._read(lambda raw: _named(raw).execute(sql, args).fetchall())
        return found

    def tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = self._read(
            lambda raw: raw.execute(to_postgres(sql), pg_values(args)).fetchall())
        return found

    def one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._read(lambda raw: _named(raw).execute(sql, args).fetchone())

    def close(self) -> None:
        self._sessions.close()


class PgChanges:
    """``store_changes.version`` read on a session of its own; None while it cannot be read
    (then the answer cache stands aside), retried at most once a second."""

    RETRY_SECONDS = 1.0
    TIMEOUT_MS = 1000

    def __init__(self, url: str) -> None:
        self._conninfo = libpq_url(url)
        self._conn: psycopg.Connection[Any] | None = None
        self._failed_at = -1e9

    def version(self, retry: bool = True) -> int | None:
        import psycopg

        if self._conn is None:
            if time.monotonic() - self._failed_at < self.RETRY_SECONDS:
                return None
            try:
                self._conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=2,
                                             application_name="dateline serve (changes)")
                self._conn.execute(f"SET default_transaction_read_only = on; "
                                   f"SET statement_timeout = {self.TIMEOUT_MS}")
            except psycopg.Error:
                self._failed_at = time.monotonic()
                self._conn = None
                return None
        try:
            row = self._conn.execute("SELECT version FROM store_changes WHERE id = 1", prepare=True).fetchone()
        except psycopg.Error:
            self.close()  # a session the server dropped (a restart): one new try at once
            if retry:
                return self.version(retry=False)
            self._failed_at = time.monotonic()
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
