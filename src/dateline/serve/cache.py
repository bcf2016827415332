"""A per-process cache of the API's answers, dropped whenever the store changes.

Analysts ask the same questions again and again (the busy dyads' series, this year's events of a
country), and an answer is a pure function of the request and the store's contents. So the
JSON of a ``GET /api/...`` that answered 200 is kept, keyed by its path and query string, and
served again without entering the app — until the store changes.

*Until the store changes*: SQLite's ``PRAGMA data_version`` answers a different number on one
connection once any other connection — this server's POST ingest, a ``dateline ingest`` in
another process — has committed to the file. The cache holds its own read-only connection and
asks it before each lookup (a few microseconds); a new number clears every entry. An answer
computed while a write committed is stored only if no change was seen meanwhile (the
``generation`` it started under is still current), so a stale answer is never kept past the
next request. When the question cannot be asked (the file is locked), nothing is served from
or put in the cache.

A PostgreSQL store has no such pragma; its counter is ``store_changes.version`` (PostgreSQL
migration 009), bumped by statement triggers in every writer's transaction, read on a session of
the cache's own (``serve.postgres.PgChanges``: one indexed row, one round trip per lookup).

Bounded by bytes (least recently used out first); each worker process has its own.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any, Protocol

from dateline.store.dialect import is_postgres_url

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CACHED_PREFIX = "/api/"
# Streamed without a cap, and writes: never cached.
UNCACHED = ("/api/export",)
ENTRY_SHARE = 16  # one answer may take at most this share of the cache (1/16)
HIT_HEADER = (b"x-dateline-cache", b"hit")  # on answers served from the cache (as CDNs say X-Cache)


class ChangeCounter(Protocol):
    def version(self) -> int | None: ...
    def close(self) -> None: ...


class SqliteChanges:
    """``PRAGMA data_version`` on a read-only connection of its own; None when the file is locked."""

    def __init__(self, db: str | Path) -> None:
        self._path = str(Path(db).resolve())
        self._watch: sqlite3.Connection | None = None

    def version(self) -> int | None:
        try:
            if self._watch is None:
                # timeout=0: the event loop never waits on a lock here
                self._watch = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, timeout=0,
                                              check_same_thread=False)
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None


def change_counter(db: str | Path) -> ChangeCounter:
    if is_postgres_url(str(db)):
        from dateline.serve.postgres import PgChanges

        return PgChanges(str(db))
    return SqliteChanges(db)


class AnswerCache:
    """The answers, the store's change counter, and how often they served."""

    def __init__(self, db: str | Path, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // ENTRY_SHARE
        self._entries: OrderedDict[bytes, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._changes = change_counter(db)
        self._version: int | None = None
        self.generation = 0
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def current(self) -> int | None:
        """The generation in effect, after a look at the store's change counter; None when the
        counter cannot be read (then the cache stands aside)."""
        with self._lock:
            version = self._changes.version()
            if version is None:
                return None
            if version != self._version:
                self._version = version
                self.generation += 1
                self._entries.clear()
                self._size = 0
            return self.generation

    def close(self) -> None:
        with self._lock:
            self._changes.close()

    def get(self, key: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: bytes, generation: int, status: int, headers: list[tuple[bytes, bytes]],
            body: bytes) -> None:
        if len(body) > self.max_entry:
            return
        with self._lock:
            if generation != self.generation or key in self._entries:
                return
            self._entries[key] = (status, headers, body)
            self._size += len(body)
            while self._size > self.max_bytes and self._entries:
                _, (_, _, old) = self._entries.popitem(last=False)
                self._size -= len(old)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._entries), "bytes": self._size, "hits": self.hits, "misses": self.misses,
                    "generation": self.generation}


def cacheable(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    return (scope["type"] == "http" and scope.get("method") == "GET" and path.startswith(CACHED_PREFIX)
            and not path.startswith(UNCACHED))


class CachedAnswers:
    """ASGI middleware: a hit is answered from ``AnswerCache``; a miss runs the app and keeps its
    200 answer."""

    def __init__(self, app: ASGIApp, cache: AnswerCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.cache.enabled or not cacheable(scope):
            await self.app(scope, receive, send)
            return
        generation = self.cache.current()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode("utf-8") + b"?" + scope.get("query_string", b"")
        found = self.cache.get(key)
        if found is not None:
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": [*headers, HIT_HEADER]})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        start: dict[str, Any] = {}
        parts: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    self.cache.put(key, generation, 200, list(start.get("headers", [])), b"".join(parts))
            await send(message)

        await self.app(scope, receive, keep)
