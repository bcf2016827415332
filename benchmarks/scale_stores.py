"""Scale, the stores: SQLite and PostgreSQL ingest rates, and a dyad's monthly series over a
store of 1,000,000 generated events on both.

    .venv/bin/python benchmarks/scale_stores.py [--events 1000000] [--articles 300]
        [--postgres URL] [--db /tmp/dateline-serve-load.db] [--rebuild] [--skip-ingest]

``--postgres`` (default: $DATELINE_TEST_POSTGRES, as `.ci/postgres.sh` sets it) names a server;
every store made there lives in a schema of its own, dropped at the end.

Ingest: ``--articles`` news articles (PolNeAR texts from ../shared/data when present, else the
samples repeated, as ``scale.py engines`` takes them) go through the pipeline once, untimed;
then the store's side alone is timed, per backend: ``Store.ingest`` into a new store, the
same again (every article a duplicate: the re-ingest no-op), and ``Store.load`` (what
``dateline load`` calls; COPY on PostgreSQL) into another new store. Articles per second.

Series: the SQLite store of ``benchmarks/serve_load.py`` (1,000,000 events, Zipf-skewed
countries over three years, the query tables of migration 007 filled; kept at ``--db`` for
re-runs), then the same rows copied into a PostgreSQL store by COPY (its triggers set aside
while they go in, as serve_load does for SQLite, and put back). The timed query is the one
``dateline serve`` answers ``/api/dyads/{a}/{b}/series?interval=month`` with (serve/events.py:
``dyad_series``, over ``dyad_periods``), for busy and rare dyads, directed and not, run through
each store's own connection; p50, p95 and the slowest of ``REPEAT`` runs per dyad. The bar:
under 100 ms on both. Serve's per-period article counts are computed once and cached by serve,
so they are timed once, apart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_load import build_store, stored_events  # noqa: E402

from dateline.store.db import Store  # noqa: E402
from scale import corpus  # noqa: E402

REPEAT = 50
DYADS = [("RUS", "USA"), ("USA", "RUS"), ("CHN", "UKR"), ("POL", "LTU"), ("GEO", "ARM"), ("AFG", "THA")]
# serve/events.py dyad_series, monthly, negated events left out (the API's default)
SERIES = ('SELECT period AS p, quad, sum(events) AS n, sum(goldstein_sum) AS g FROM dyad_periods'
          ' WHERE "interval" = ? AND directed = ? AND a = ? AND b = ? AND negated = 0 GROUP BY p, quad ORDER BY p')
ARTICLE_COUNTS = "SELECT substr(published, 1, 7) AS p, count(*) AS n FROM articles WHERE length(published) >= 7 GROUP BY p"
COPIED = ("articles", "events", "event_actors", "event_countries", "event_dyads", "dyad_periods")
TRIGGERS = (("event_actors", "event_actors_keys"), ("event_dyads", "event_dyads_periods"))


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    """A store URL on a new schema of ``base``'s database, dropped afterwards."""
    import psycopg

    schema = f"dateline_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def sqlite_file(folder: Path, name: str) -> Iterator[str]:
    path = folder / name
    try:
        yield str(path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def ingest_rates(n: int, postgres: str | None, folder: Path) -> None:
    from dateline.ingest.files import read_inputs
    from dateline.pipeline import Options, process_batch

    articles = list(process_batch(read_inputs([str(corpus(n, folder))]), Options()))
    stores = [("sqlite", lambda name: sqlite_file(folder, name))]
    if postgres:
        stores.append(("postgresql", lambda _name: postgres_schema(postgres)))
    for backend, make in stores:
        with make("ingest.db") as db, Store(db) as store:
            took = _timed(lambda: store.ingest(articles))
            again = _timed(lambda: store.ingest(articles))
            stored = store.count()
        with make("load.db") as db, Store(db) as store:
            loaded = _timed(lambda: store.load(articles))
        print(f"{backend:<10} {stored} articles: ingest {n / took:7.1f} articles/s, re-ingest (no-op) "
              f"{n / again:7.1f} articles/s, load {n / loaded:7.1f} articles/s", flush=True)


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def copy_into_postgres(source: Path, url: str) -> None:
    """The generated SQLite store's rows into a new PostgreSQL store, by COPY."""
    started = time.perf_counter()
    lite = sqlite3.connect(source)
    with Store(url) as store:
        raw = store.conn.raw  # type: ignore[attr-defined]
        with store.conn:
            for table, trigger in TRIGGERS:
                raw.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
            for table in COPIED:
                columns = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
                names = ", ".join(f'"{c}"' for c in columns)
                with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {names} FROM {table}"):
                        copy.write_row(row)
            for table in ("articles", "events"):
                raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'), max(rowid)) FROM {table}")
            for table, trigger in TRIGGERS:
                raw.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        raw.execute("ANALYZE")
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    lite.close()
    print(f"postgresql: {events:,} events copied in {time.perf_counter() - started:.0f} s", flush=True)


def series_times(db: str) -> None:
    with Store(db) as store:
        took = _timed(lambda: store.conn.execute(ARTICLE_COUNTS).fetchall())
        backend = store.dialect
        print(f"{backend:<10} article counts per month (serve computes them once, then caches): {took * 1000:.0f} ms")
        for a, b in DYADS:
            for directed in (1, 0):
                x, y = (a, b) if directed else (min(a, b), max(a, b))
                args = ("month", directed, x, y)
                rows = store.conn.execute(SERIES, args).fetchall()  # warm
                times = sorted(_timed(lambda args=args: store.conn.execute(SERIES, args).fetchall()) * 1000
                               for _ in range(REPEAT))
                events = sum(r[2] for r in rows)
                print(f"{backend:<10} {a}-{b} {'directed  ' if directed else 'undirected'} {events:>7,} events "
                      f"{len(rows):>4} rows: p50 {statistics.median(times):6.2f} ms  "
                      f"p95 {times[int(0.95 * len(times)) - 1]:6.2f} ms  max {times[-1]:6.2f} ms", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--postgres", default=os.environ.get("DATELINE_TEST_POSTGRES"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-serve-load.db"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    if not args.postgres:
        print("no PostgreSQL server: give --postgres URL or set $DATELINE_TEST_POSTGRES; SQLite only", flush=True)
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"dateline-scale-stores-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if not args.skip_ingest:
            ingest_rates(args.articles, args.postgres, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.rebuild or not args.db.exists() or stored_events(args.db) != args.events:
        build_store(args.db, args.events)
    series_times(str(args.db))
    if args.postgres:
        with postgres_schema(args.postgres) as url:
            copy_into_postgres(args.db, url)
            series_times(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
