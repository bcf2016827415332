"""The server's two paths that go beyond one page of rows: ingest over POST, streamed export.

Ingest takes JSON records. A record with ``"schema": "dateline/1"`` is an extract result and is
stored as it is; any other object is an input record (``id``, ``text`` or ``html``, …, as
``dateline extract`` reads them) and goes through the pipeline first. Writes go through the
store's own ``Store.ingest`` (one transaction per batch, re-ingest a no-op), one at a time.

Export calls ``dateline.output.export.export`` by format name, so whichever formats that module
offers, the API offers; it runs in a worker thread writing into a bounded queue that the response
drains, so memory stays flat however many rows go out.
"""

from __future__ import annotations

import io
import json
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from dateline import settings
from dateline.record import SCHEMA, Article, article_from_dict
from dateline.serve.db import Reader
from dateline.serve.errors import ApiError
from dateline.serve.events import EventFilter, event_rows_sql
from dateline.store.db import Store
from dateline.store.dialect import stream

MAX_RECORDS = 1000  # records per POST
MAX_BODY_BYTES = 20 * 1024 * 1024
STALLED_CLIENT_SECONDS = 120


def configured_api_key() -> str | None:
    """The key POST requests must send (the ``api_key`` setting, ``DATELINE_API_KEY``); none
    means no key, and the API stays read-only."""
    return settings.get().api_key or None


def check_key(sent: str | None, expected: str | None) -> None:
    import hmac

    if expected is None:
        raise ApiError(403, "forbidden", "this server is read-only: no API key is configured")
    if not sent:
        raise ApiError(401, "unauthorized", "send the API key in the X-API-Key header")
    if not hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "forbidden", "wrong API key")


def _as_records(body: Any) -> list[dict[str, Any]]:
    records = body if isinstance(body, list) else [body]
    if not records:
        raise ApiError(422, "bad_record", "no records in the body")
    if len(records) > MAX_RECORDS:
        raise ApiError(413, "payload_too_large", f"at most {MAX_RECORDS} records per request")
    for n, record in enumerate(records):
        if not isinstance(record, dict):
            raise ApiError(422, "bad_record", f"record {n} is not a JSON object")
    return records


def _extracted(record: dict[str, Any], n: int) -> Article:
    try:
        return article_from_dict(record)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ApiError(422, "bad_record", f"record {n} is not a valid {SCHEMA} record: {exc}") from None


def _processed(records: list[dict[str, Any]]) -> list[Article]:
    from dateline.ingest.files import from_record
    from dateline.pipeline import process_batch

    return list(process_batch([from_record(r, path="POST /api/articles") for r in records]))


class Ingester:
    """Serialises the server's writes to its store."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()

    def ingest(self, body: Any) -> dict[str, Any]:
        records = _as_records(body)
        ready = [(n, r) for n, r in enumerate(records) if r.get("schema") == SCHEMA]
        raw = [r for r in records if r.get("schema") != SCHEMA]
        for n, r in enumerate(raw):
            if not isinstance(r.get("text"), str) and not isinstance(r.get("html"), str):
                raise ApiError(422, "bad_record", f"input record {n} has neither 'text' nor 'html'")
        articles = [_extracted(r, n) for n, r in ready]
        if raw:
            articles += _processed(raw)
        with self._lock, Store(self.path) as store:
            report = store.ingest(articles)
        return {"stored": report.stored, "duplicates": report.duplicates, "rejected": report.rejected,
                "ids": [a.id for a in articles],
                "errors": [{"id": a.id, "code": a.error.code, "message": a.error.message}
                           for a in articles if a.error is not None]}


# -- streamed export ------------------------------------------------------------------------------------
class _QueueWriter(io.TextIOBase):
    """A text file whose writes become chunks of a queue (a blocking put: back-pressure)."""

    def __init__(self, chunks: queue.Queue[str | BaseException | None], size: int = 64 * 1024) -> None:
        self.chunks = chunks
        self.size = size
        self.buffer: list[str] = []
        self.held = 0

    def write(self, text: str) -> int:
        self.buffer.append(text)
        self.held += len(text)
        if self.held >= self.size:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.buffer:
            # A client that stopped reading ends the export instead of holding the thread.
            self.chunks.put("".join(self.buffer), timeout=STALLED_CLIENT_SECONDS)
            self.buffer, self.held = [], 0


# Exports read many rows: one deadline for the whole export instead of one per query.
EXPORT_TIME_LIMIT = 600.0
STORIES_PER_CALL = 100  # stories handed to the exporter at a time (its memory is per call)


def _stories_of(reader: Reader, f: EventFilter) -> Iterator[list[Any]]:
    """The stories (lists of ``output.happenings.Item``) holding the matching events, each
    article cut down to those events, read lazily in story order."""
    from dataclasses import replace

    from dateline.output.happenings import Item

    matching, args = event_rows_sql(f, None, None, reader.sql)
    sql = (f"SELECT e.article_rowid, e.seq, coalesce(s.story_id, -e.article_rowid) AS story FROM ({matching}) x"
           " JOIN events e ON e.rowid = x.rowid LEFT JOIN article_story s ON s.article_rowid = e.article_rowid"
           " ORDER BY story, e.article_rowid, e.seq")
    with reader.timed() as conn:
        current: object = None
        seqs: dict[int, list[int]] = {}
        # SQLite's cursor is lazy; PostgreSQL's rows come by a server-side cursor, a few hundred at a time
        for article_rowid, seq, story_id in stream(conn, sql, args):
            if story_id != current and seqs:
                yield _items(reader, conn, seqs, Item, replace)
                seqs = {}
            current = story_id
            seqs.setdefault(article_rowid, []).append(seq)
        if seqs:
            yield _items(reader, conn, seqs, Item, replace)


def _items(reader: Reader, conn: Any, seqs: dict[int, list[int]], item: Any, replace: Any) -> list[Any]:
    among, args = reader.sql.in_rows("rowid", list(seqs))
    rows = conn.execute(f"SELECT rowid, record, content_hash, ingested_at FROM articles WHERE {among}"
                        " ORDER BY rowid", args).fetchall()
    items = []
    for rowid, record, digest, added in rows:
        article = article_from_dict(json.loads(record))
        article = replace(article, events=[article.events[i] for i in seqs[rowid] if i < len(article.events)])
        items.append(item(article, digest, added))
    return items


def export_formats() -> tuple[str, ...]:
    """The formats of ``dateline export`` that stream as text: all but those writing a folder."""
    from dateline.output import export

    return tuple(f for f in export.FORMATS if f not in FOLDER_FORMATS)


FOLDER_FORMATS = frozenset({"parquet"})  # `dateline export -o DIR` writes these; no stream


def export_stream(reader: Reader, f: EventFilter, fmt: str,
                  exporter: Callable[..., Any] | None = None) -> Iterator[str]:
    """The export of every matching event, as text chunks, produced in a worker thread."""
    from dateline.output.export import FACTUAL_ONLY
    from dateline.output.export import export as default_exporter
    from dateline.output.happenings import Selection

    # Typed loosely on purpose: any exporter taking (stories, format, text file, ...) will do.
    write: Callable[..., Any] = exporter if exporter is not None else default_exporter
    chunks: queue.Queue[str | BaseException | None] = queue.Queue(maxsize=16)
    worker_reader = reader.with_time_limit(max(reader.time_limit, EXPORT_TIME_LIMIT))
    # As the list shows them: every modality, negated ones on request; the GDELT and ICEWS rows
    # keep what `dateline export` keeps there (what happened: asserted and reported).
    selection = Selection(include_negated=f.include_negated, all_modalities=fmt not in FACTUAL_ONLY,
                          since=f.since.isoformat() if f.since else None,
                          until=f.until.isoformat() if f.until else None)

    def produce() -> None:
        out = _QueueWriter(chunks)
        try:
            batch: list[Any] = []
            first = True
            for story in _stories_of(worker_reader, f):
                batch.append(story)
                if len(batch) >= STORIES_PER_CALL:
                    write(batch, fmt, out, selection=selection, header=None if first else False)
                    batch, first = [], False
            if batch or first:
                write(batch, fmt, out, selection=selection, header=None if first else False)
            out.flush()
            chunks.put(None, timeout=STALLED_CLIENT_SECONDS)
        except queue.Full:
            return
        except Exception as exc:  # noqa: BLE001 - handed to the response, which ends the stream
            try:
                chunks.put(exc, timeout=STALLED_CLIENT_SECONDS)
            except queue.Full:
                return

    threading.Thread(target=produce, name="dateline-export", daemon=True).start()
    while True:
        item = chunks.get()
        if item is None:
            return
        if isinstance(item, BaseException):
            # Headers are gone already; the truncated body ends with a line saying why.
            yield f"\n# export stopped: {type(item).__name__}: {item}\n"
            return
        yield item
