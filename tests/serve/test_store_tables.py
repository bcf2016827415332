"""Migration 007's query tables follow what the store holds: countries and dyads per event, the
per-day dyad sums (an event coded both ways counted once undirected), and deletes undo them."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.record import Article, Event, EventActor, EventDate, Offsets, Source, TextSpan
from dateline.serve.db import Reader
from dateline.serve.events import ArticleCounts, EventFilter, dyad_series, list_events
from dateline.serve.readers import open_reader
from dateline.store.db import Store
from dateline.store.dialect import is_postgres_url


def _event(cameo: str, sources: list[str], targets: list[str], day: str) -> Event:
    def actors(codes):
        return [EventActor(name=f"Government of {c}", country=c, sector="GOV", code=f"{c}GOV") for c in codes]

    return Event(type="AGREE" if cameo < "06" else "ATTACK", cameo=cameo, quad=0, goldstein=2.0 if cameo < "06" else -10.0,
                 source=actors(sources), target=actors(targets), sentence=Offsets(0, 10), trigger=TextSpan("met", 0, 3),
                 date=EventDate(text=None, earliest=day, latest=day))


def _article(n: int, events: list[Event]) -> Article:
    return Article(id=f"tables-{n}", text=f"Made-up article number {n} about meetings.", source=Source(),
                   published="2025-03-01", events=events)


def test_query_tables_follow_ingest_and_delete(store_url):
    path = store_url
    with Store(path) as store:
        store.ingest([
            _article(1, [_event("057", ["BLR"], ["RUS"], "2025-03-02"), _event("190", ["RUS"], ["BLR"], "2025-03-20")]),
            # coded both ways: Russia and Belarus agreed with each other
            _article(2, [_event("057", ["RUS", "BLR"], ["BLR", "RUS"], "2025-04-05")]),
            _article(3, [_event("040", ["KEN"], [], "2025-04-06")]),
        ])
    reader = open_reader(path)
    series = dyad_series(reader, ArticleCounts(), "RUS", "BLR", "month", EventFilter())
    months = {p["period"]: p for p in series["periods"]}
    assert months["2025-03"]["events"] == 2 and months["2025-03"]["by_quad"] == {"1": 1, "2": 0, "3": 0, "4": 1}
    assert months["2025-03"]["goldstein_mean"] == -4.0
    assert months["2025-04"]["events"] == 1  # once, though coded both ways
    assert len(list_events(reader, EventFilter(dyad=("BLR", "RUS")))["items"]) == 3
    directed = dyad_series(reader, ArticleCounts(), "BLR", "RUS", "month", EventFilter(directed=True))
    assert {p["period"]: p["events"] for p in directed["periods"]} == {"2025-03": 1, "2025-04": 1}
    assert [e["id"] for e in list_events(reader, EventFilter(country="KEN"))["items"]]

    with Store(path) as store, store.conn:
        store.conn.execute("DELETE FROM articles WHERE id = 'tables-2'")
    after = dyad_series(open_reader(path), ArticleCounts(), "RUS", "BLR", "month", EventFilter())
    assert [p["period"] for p in after["periods"]] == ["2025-03"]
    with Store(path) as store:
        left = store.conn.execute("SELECT count(*) FROM event_dyads WHERE event_rowid NOT IN"
                                  " (SELECT rowid FROM events)").fetchone()[0]
    assert left == 0


def test_series_with_a_date_range_cuts_periods(store_url):
    path = store_url
    with Store(path) as store:
        store.ingest([_article(1, [_event("057", ["BLR"], ["RUS"], "2025-03-02"),
                                   _event("057", ["BLR"], ["RUS"], "2025-03-20")])])
    reader = open_reader(path)
    whole = dyad_series(reader, ArticleCounts(), "BLR", "RUS", "month", EventFilter())
    assert [p["events"] for p in whole["periods"]] == [2]
    from datetime import date

    cut = dyad_series(reader, ArticleCounts(), "BLR", "RUS", "month", EventFilter(since=date(2025, 3, 10)))
    assert [p["events"] for p in cut["periods"]] == [1]
    weeks = dyad_series(reader, ArticleCounts(), "BLR", "RUS", "week", EventFilter(until=date(2025, 3, 31)))
    assert [p["period"] for p in weeks["periods"]] == ["2025-02-24", "2025-03-17"]


def test_the_migrations_backfill_equals_what_the_triggers_keep(store_path, tmp_path):
    """On a store migrated after its events were written, the backfill gives the same sums."""
    if is_postgres_url(store_path):
        pytest.skip("SQLite's migration 007 backfills; PostgreSQL's schema (008) starts with the triggers")
    import shutil
    import sqlite3
    from importlib import resources

    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    script = (resources.files("dateline.store") / "migrations" / "007_serve_indexes.sql").read_text()
    backfill = script[script.rindex("INSERT INTO dyad_periods"):]
    conn = sqlite3.connect(copy)
    kept = sorted(conn.execute("SELECT * FROM dyad_periods"))
    with conn:
        conn.execute("DELETE FROM dyad_periods")
        conn.execute(backfill)
    assert kept and sorted(conn.execute("SELECT * FROM dyad_periods")) == kept


def test_list_pages_are_read_off_covering_indexes(store_path):
    """The benchmark's filter shapes (migration 009): each page's keys come off one index in list
    order, the residual filters checked inside it, no events row read and no sort."""
    if is_postgres_url(store_path):
        pytest.skip("SQLite's query plans (EXPLAIN QUERY PLAN); PostgreSQL's planner chooses by its statistics")
    from dateline.serve.events import event_rows_sql

    shapes = {
        "dyad": EventFilter(dyad=("BLR", "RUS"), since=date(2025, 1, 1), until=date(2025, 12, 31)),
        "country and type": EventFilter(country="RUS", type="CONSULT"),
        "type and date": EventFilter(type="CONSULT", since=date(2025, 1, 1)),
        "cameo and confidence": EventFilter(cameo="04", since=date(2025, 1, 1), min_confidence=0.5),
        "quad": EventFilter(quad=1, since=date(2025, 1, 1)),
    }
    reader = Reader(store_path)
    for name, f in shapes.items():
        sql, args = event_rows_sql(f, None, 51)
        plan = [row[3] for row in reader.rows("EXPLAIN QUERY PLAN " + sql, args)]
        reads = [step for step in plan if step.startswith(("SEARCH", "SCAN")) and "subquery" not in step]
        assert reads and all("COVERING INDEX" in step or "PRIMARY KEY" in step for step in reads), (name, plan)
        assert not any("INTEGER PRIMARY KEY" in step for step in reads), (name, plan)  # no events row
        if not f.dyad:  # a dyad's two directions are merged, sorting at most two pages
            assert not any("TEMP B-TREE" in step for step in plan), (name, plan)
