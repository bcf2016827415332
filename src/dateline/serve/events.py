"""Events for the server: the filtered list, one event and why it is there, a dyad's series,
a country's weekly changes and the map's counts.

Lists are ordered by (event date, event row) and driven by the table whose index already holds
that order for the filter given: ``event_dyads`` for a dyad, ``event_countries`` for a country,
``events(type, event_date)`` for a type, else ``events(event_date)`` (migration 007). The other
filters are checked on the rows that index yields. Events without a date sort first.
The SQL runs on SQLite and PostgreSQL alike; ``sql`` (a reader's ``serve.sql.ServeSQL``) gives
the few forms the two spell differently.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import pycountry

from dateline.record import article_from_dict
from dateline.serve.db import Reader, decode_cursor, page
from dateline.serve.quad import QUAD_RANGES, QUADS, quad_of
from dateline.serve.queries import _where, next_day
from dateline.serve.sql import SQLITE_SQL, ServeSQL
from dateline.store import stories

# What the store's records say about how an event was coded. Records carry no rule name yet;
# when they do (an optional ``coded_by`` field), it is passed through as it is.
DEFAULT_CODER = "dateline events stage: CAMEO verb pattern (PETRARCH/Phoenix dictionaries), confidence from the event model"


@dataclass
class EventFilter:
    actor: str | None = None  # actor code (RUSGOV) or name, exact, case-insensitive
    country: str | None = None  # ISO3, either side
    dyad: tuple[str, str] | None = None  # two ISO3 countries
    directed: bool = False  # dyad as source → target only
    type: str | None = None  # PLOVER type
    cameo: str | None = None  # CAMEO code prefix
    quad: int | None = None  # GDELT QuadClass 1..4, from the CAMEO root
    since: date | None = None
    until: date | None = None
    min_confidence: float | None = None
    include_negated: bool = False


def _directions(dyad: tuple[str, str], directed: bool) -> list[tuple[str, list[str]]]:
    """One condition per direction of the dyad. Undirected, the second direction leaves out the
    events the first already counts (coded both ways, A→B and B→A), so each event is counted once
    and each branch stays one range of the ``event_dyads_pair`` index (no DISTINCT, no OR)."""
    a, b = dyad
    first = ("d.source = ? AND d.target = ?", [a, b])
    if directed or a == b:
        return [first]
    return [first, ("d.source = ? AND d.target = ? AND NOT EXISTS (SELECT 1 FROM event_dyads x WHERE"
                    " x.event_rowid = d.event_rowid AND x.source = ? AND x.target = ?)", [b, a, a, b])]


def _residual(f: EventFilter, where: list[str], args: list[Any], negated: str = "e.negated",
              sql: ServeSQL = SQLITE_SQL) -> None:
    """The filters checked on each row of the driving index; ``negated`` is the column that says
    so, the driving index's own when it has one (then a page may need no look-up of events)."""
    if f.type and f.dyad:  # with a country, the type is checked on the country's index
        where.append("e.type = ?")
        args.append(f.type)
    # The unary plus keeps these off an index: the list's order comes from the driving index,
    # and a CAMEO range read from its own index would need a sort of all its rows.
    cameo = sql.unindexed("e.cameo")
    if f.cameo:
        where.append(f"{cameo} >= ? AND {cameo} < ?")
        args += [f.cameo, f.cameo + "\uffff"]
    if f.quad:
        low, high = QUAD_RANGES[f.quad]
        where.append(f"{cameo} >= ? AND {cameo} < ?")
        args += [low, high]
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        args.append(f.min_confidence)
    if not f.include_negated:
        where.append(f"{negated} = 0")
    if f.actor:
        where.append("e.rowid IN (SELECT event_rowid FROM event_actors WHERE code = ?"
                     f" UNION SELECT event_rowid FROM event_actors WHERE {sql.nocase_cmp('name')})")
        args += [f.actor.upper(), f.actor]
    if f.dyad and f.country:
        where.append("e.rowid IN (SELECT event_rowid FROM event_countries WHERE country = ?)")
        args.append(f.country)


def _date_range(column: str, f: EventFilter, where: list[str], args: list[Any]) -> None:
    if f.since:
        where.append(f"{column} >= ?")
        args.append(f.since.isoformat())
    if f.until:
        where.append(f"{column} < ?")
        args.append(next_day(f.until))


def _keyset(date_col: str, key_col: str, after: list[Any] | None, where: list[str], args: list[Any]) -> None:
    if after is None:
        return
    day, rowid = after
    if date_col == "e.event_date" and day == "":
        where.append("((e.event_date IS NULL AND e.rowid > ?) OR e.event_date IS NOT NULL)")
        args.append(rowid)
    else:
        where.append(f"({date_col}, {key_col}) > (?, ?)")
        args += [day, rowid]


EVENTS_COLUMN = re.compile(r"\be\.")  # a condition that reads a column of ``events e``


def _branch(f: EventFilter, after: list[Any] | None, limit: int | None,
            driver: tuple[str, list[Any]] | None, sql: ServeSQL) -> tuple[str, list[Any]]:
    """One SELECT of (rowid, day) in list order; ``driver`` is a dyad direction's condition."""
    where: list[str] = []
    args: list[Any] = []
    if driver is not None:
        where.append(driver[0])
        args += driver[1]
        date_col, key_col = "d.event_date", "d.event_rowid"
        source = "event_dyads d JOIN events e ON e.rowid = d.event_rowid"
    elif f.country:
        where.append("d.country = ?")
        args.append(f.country)
        if f.type:
            where.append("d.type = ?")
            args.append(f.type)
        date_col, key_col = "d.event_date", "d.event_rowid"
        source = "event_countries d JOIN events e ON e.rowid = d.event_rowid"
    else:
        if f.type:
            where.append("e.type = ?")
            args.append(f.type)
        date_col, key_col = "e.event_date", "e.rowid"
        source = "events e"
    _date_range(date_col, f, where, args)
    _residual(f, where, args, "d.negated" if source.startswith("event_") else "e.negated", sql)
    _keyset(date_col, key_col, after, where, args)
    if source.startswith("event_") and not any(EVENTS_COLUMN.search(clause) for clause in where):
        source = source.split(" JOIN ")[0]  # the driving index answers alone: no row of events read
    day = date_col if date_col.startswith("d.") else f"coalesce({date_col}, '')"
    text = f"SELECT {key_col} AS rowid, {day} AS day FROM {source}{_where(where)} ORDER BY {date_col}, {key_col}"
    if limit is not None:
        text += " LIMIT ?"
        args.append(limit)
    return text, args


def event_rows_sql(f: EventFilter, after: list[Any] | None, limit: int | None,
                   sql: ServeSQL = SQLITE_SQL) -> tuple[str, list[Any]]:
    """The SQL of one page of events (rowid, day) matching ``f``, after the cursor's key."""
    if not f.dyad:
        return _branch(f, after, limit, None, sql)
    branches = [_branch(f, after, limit, direction, sql) for direction in _directions(f.dyad, f.directed)]
    if len(branches) == 1:
        return branches[0]
    # Each direction is already in order and limited; the outer query merges the two.
    text = " UNION ALL ".join(f"SELECT * FROM ({b[0]}){sql.alias(f'way{n}')}" for n, b in enumerate(branches))
    text += " ORDER BY day, rowid"
    args = [a for b in branches for a in b[1]]
    if limit is not None:
        text += " LIMIT ?"
        args.append(limit)
    return text, args


def _actors_of(reader: Reader, rowids: list[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    found: dict[int, dict[str, list[dict[str, Any]]]] = {r: {"source": [], "target": []} for r in rowids}
    if not rowids:
        return found
    among, args = reader.sql.in_rows("event_rowid", rowids)
    rows = reader.tuples(f"SELECT event_rowid, role, name, actor, country, sector, code FROM event_actors"
                         f" WHERE {among} ORDER BY rowid", args)
    for event_rowid, role, name, actor, country, sector, code in rows:
        found[event_rowid].setdefault(role, []).append(
            {"name": name, "actor": actor, "country": country, "sector": sector, "code": code})
    return found


EVENT_COLUMNS = ("e.rowid, e.seq, e.type, e.mode, e.context, e.cameo, e.goldstein, e.event_date,"
                 " e.negated, e.modality, e.confidence, e.sentence_start, e.sentence_end, e.trigger_text,"
                 " a.id AS article_id, a.rowid AS article_rowid, a.headline, a.published")


def _event_item(row: tuple[Any, ...], actors: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    # A plain tuple, unpacked in EVENT_COLUMNS order: a list page builds 50 of these per request.
    (rowid, seq, kind, mode, context, cameo, goldstein, event_date, negated, modality, confidence,
     sentence_start, sentence_end, trigger, article_id, article_rowid, headline, published) = row
    return {"id": rowid, "article_id": article_id, "article_rowid": article_rowid,
            "seq": seq, "date": event_date, "type": kind, "mode": mode,
            "context": [c for c in context.split(",") if c] if context else [], "cameo": cameo,
            "quad": quad_of(cameo), "goldstein": goldstein, "source": actors.get("source", []),
            "target": actors.get("target", []), "negated": bool(negated), "modality": modality,
            "confidence": confidence, "trigger": trigger,
            "sentence": {"start": sentence_start, "end": sentence_end},
            "headline": headline, "published": published}


def events_by_rowid(reader: Reader, rowids: list[int]) -> list[dict[str, Any]]:
    if not rowids:
        return []
    among, args = reader.sql.in_rows("e.rowid", rowids)
    rows = reader.tuples(f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.rowid = e.article_rowid"
                         f" WHERE {among}", args)
    by_id = {r[0]: r for r in rows}
    actors = _actors_of(reader, rowids)
    return [_event_item(by_id[r], actors[r]) for r in rowids if r in by_id]


def list_events(reader: Reader, f: EventFilter, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    after = decode_cursor(cursor, (str, int))
    sql, args = event_rows_sql(f, after, limit + 1, reader.sql)
    keys, nxt = page(reader.rows(sql, args), limit, lambda r: [r["day"], r["rowid"]])
    return {"items": events_by_rowid(reader, [k["rowid"] for k in keys]), "next": nxt}


# -- one event: why it is here ---------------------------------------------------------------------
def _mention(article: Any, seq: int, rowid: int | None) -> dict[str, Any]:
    event = article.events[seq]
    record = article.to_dict()["events"][seq]
    return {"article_id": article.id, "article_rowid": rowid, "headline": article.headline,
            "published": article.published, "url": article.source.url, "publisher": article.source.publisher,
            "event_index": seq, "sentence": article.text[event.sentence.start:event.sentence.end],
            "sentence_offsets": {"start": event.sentence.start, "end": event.sentence.end},
            "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
            "cameo": event.cameo, "type": event.type, "confidence": event.confidence,
            "modality": event.modality, "negated": event.negated,
            "coded_by": record.get("coded_by") or DEFAULT_CODER,
            "date": record.get("date")}


def event_detail(reader: Reader, event_id: int) -> dict[str, Any] | None:
    """The event, and every mention of it: this article's sentence and those of the same story's
    other articles that report the same happening (``stories.event_key``)."""
    items = events_by_rowid(reader, [event_id])
    if not items:
        return None
    item = items[0]
    with reader.timed() as conn:
        record = conn.execute("SELECT record FROM articles WHERE rowid = ?", (item["article_rowid"],)).fetchone()
        article = article_from_dict(json.loads(record[0]))
        if item["seq"] >= len(article.events):
            return item | {"mentions": []}
        key = stories.event_key(article.events[item["seq"]])
        mentions = [_mention(article, item["seq"], item["article_rowid"])]
        story = stories.story_of(conn, item["article_rowid"])
        others = stories.story_articles(conn, story) if story is not None else []
    for rowid, other in others:
        if rowid == item["article_rowid"]:
            continue
        mentions += [_mention(other, seq, rowid) for seq, e in enumerate(other.events)
                     if stories.event_key(e) == key]
    item["record"] = article.to_dict()["events"][item["seq"]]
    item["mentions"] = mentions
    item["num_articles"] = len({m["article_rowid"] for m in mentions})
    return item


# -- a dyad's series --------------------------------------------------------------------------------
def period_sql(sql: ServeSQL, interval: str, column: str) -> str:
    """The period an ISO date string falls in: its day, the Monday of its week, its month."""
    if interval == "week":
        return sql.week_of(column)
    return f"substr({column}, 1, {10 if interval == 'day' else 7})"


PERIOD_MIN_LENGTH = {"day": 10, "week": 10, "month": 7}


@lru_cache(maxsize=65536)  # a series names the same few thousand periods again and again
def period_bounds(interval: str, period: str) -> tuple[str, str]:
    """The first and last day of a period as the series names it (2025-02, a Monday, a day)."""
    if interval == "month":
        first = date.fromisoformat(period + "-01")
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    else:
        first = date.fromisoformat(period)
        last = first + timedelta(days=6 if interval == "week" else 0)
    return first.isoformat(), last.isoformat()


class ArticleCounts:
    """Articles per period, the denominator of the normalised series; recounted only when the
    store has gained articles (the check is one look at the last rowid)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[int, dict[str, int]]] = {}

    def get(self, reader: Reader, interval: str) -> dict[str, int]:
        last = reader.value("SELECT max(rowid) FROM articles") or 0
        held = self._cache.get(interval)
        if held and held[0] == last:
            return held[1]
        period = period_sql(reader.sql, interval, "published")
        rows = reader.rows(f"SELECT {period} AS p, count(*) AS n FROM articles WHERE length(published) >= ?"
                           f" GROUP BY p", (PERIOD_MIN_LENGTH[interval],))
        counts = {r["p"]: r["n"] for r in rows if r["p"]}
        with self._lock:
            self._cache[interval] = (last, counts)
        return counts


def dyad_series(reader: Reader, counts: ArticleCounts, a: str, b: str, interval: str,
                f: EventFilter) -> dict[str, Any]:
    """Events per period and QuadClass, mean Goldstein, and both per 100 articles of the period."""
    dyad = (a, b)
    # From the per-period sums of migration 007: a few rows per period, however many events.
    # A date range cuts periods, so then the day sums are read and grouped into periods here.
    a, b = (a, b) if f.directed else (min(a, b), max(a, b))
    cut = f.since is not None or f.until is not None
    where = ["interval = ?", "directed = ?", "a = ?", "b = ?"]
    args: list[Any] = ["day" if cut else interval, int(f.directed), a, b]
    _date_range("period", f, where, args)
    if not f.include_negated:
        where.append("negated = 0")
    sql = reader.sql
    period = period_sql(sql, interval, "period") if cut else "period"
    # One row per period: its QuadClass rows side by side. Without a date range or negated
    # events a stored row is already one period and QuadClass; else they are summed per
    # QuadClass first (the same order of sums either way, so the same floating-point means).
    if not cut and not f.include_negated:
        columns = quad_columns(sql).replace("sum(n)", "sum(events)")
        text = (f"SELECT period AS p, {columns}, sum(goldstein_sum) FROM dyad_periods{_where(where)}"
                " GROUP BY p ORDER BY p")
    else:
        per_quad = (f"SELECT {period} AS p, quad, sum(events) AS n, sum(goldstein_sum) AS g FROM dyad_periods"
                    f"{_where(where)} GROUP BY p, quad ORDER BY p, quad")
        text = f"SELECT p, {quad_columns(sql)}, sum(g) FROM ({per_quad}){sql.alias('per_quad')} GROUP BY p ORDER BY p"
    rows = reader.tuples(text, args)
    articles = counts.get(reader, interval)
    periods = [_period(interval, row, articles) for row in rows]
    return {"dyad": list(dyad), "directed": f.directed, "interval": interval, "quads": QUADS,
            "periods": [p for p in periods if p is not None]}


QUAD_KEYS = [str(q) for q in QUADS]
QUAD_COLUMNS = ", ".join(f"coalesce(sum(n) FILTER (WHERE quad = {q}), 0)" for q in QUADS)
PG_QUAD_COLUMNS = ", ".join(f"coalesce(sum(n) FILTER (WHERE quad = {q}), 0)::bigint" for q in QUADS)


def quad_columns(sql: ServeSQL) -> str:
    """Events per QuadClass, side by side (PostgreSQL's sum of sums is numeric: made an integer)."""
    return PG_QUAD_COLUMNS if sql.postgres else QUAD_COLUMNS


def _period(interval: str, row: tuple[Any, ...], articles: dict[str, int]) -> dict[str, Any] | None:
    """One period of a series (its row: the period, the events per QuadClass, their Goldstein
    sum): counts, mean Goldstein, and both per 100 of the period's articles; None for a stored
    date that is not a calendar date."""
    period, *quads, goldstein = row
    try:
        start, end = period_bounds(interval, period)
    except (TypeError, ValueError):
        return None
    by_quad = dict(zip(QUAD_KEYS, quads))
    events = sum(quads)
    goldstein = goldstein or 0.0
    n = articles.get(period, 0)
    return {"period": period, "start": start, "end": end, "events": events, "by_quad": by_quad,
            "goldstein_mean": round(goldstein / events, 3) if events else None, "articles": n,
            "events_per_100_articles": round(100 * events / n, 3) if n else None,
            "by_quad_per_100_articles": {q: (round(100 * v / n, 3) if n else None) for q, v in by_quad.items()}}


# -- a country's changes ------------------------------------------------------------------------------
def country_changes(reader: Reader, country: str, as_of: date | None = None) -> dict[str, Any]:
    """Per event type: events in the week ending ``as_of`` against the weekly averages of the 4
    and of the 52 weeks before it. ``as_of`` defaults to the country's latest event date."""
    if as_of is None:
        row = reader.one("SELECT max(event_date) FROM event_countries WHERE country = ? AND event_date != ''",
                         (country,))
        if row is None or not row[0]:
            return {"country": country, "as_of": None, "types": []}
        as_of = date.fromisoformat(row[0][:10])
    week = (as_of - timedelta(days=6)).isoformat()
    four = (as_of - timedelta(days=6 + 28)).isoformat()
    year = (as_of - timedelta(days=6 + 364)).isoformat()
    count_if = reader.sql.count_if
    rows = reader.rows(
        f"SELECT type, {count_if('event_date >= ?')} AS this_week, {count_if('event_date < ? AND event_date >= ?')}"
        f" AS four, {count_if('event_date < ?')} AS year FROM event_countries WHERE country = ? AND negated = 0"
        " AND event_date >= ? AND event_date < ? GROUP BY type ORDER BY type",
        (week, week, four, week, country, year, next_day(as_of)))
    types = []
    for r in rows:
        avg4, avg52 = r["four"] / 4, r["year"] / 52
        types.append({"type": r["type"], "this_week": r["this_week"], "avg_4_weeks": round(avg4, 3),
                      "avg_52_weeks": round(avg52, 3),
                      "change_vs_4_weeks": round(r["this_week"] - avg4, 3),
                      "change_vs_52_weeks": round(r["this_week"] - avg52, 3),
                      # ACLED-style flag: at least 3 events and twice the recent weekly rate
                      "alert": r["this_week"] >= 3 and r["this_week"] >= 2 * avg4})
    return {"country": country, "as_of": as_of.isoformat(), "week": [week, as_of.isoformat()], "types": types}


# -- the map ---------------------------------------------------------------------------------------------
def _numeric(alpha3: str) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3)
    return found.numeric if found else None


def date_span(reader: Reader) -> tuple[str | None, str | None]:
    """The first and last event date the store holds (two index look-ups)."""
    first = reader.one("SELECT event_date FROM event_countries WHERE event_date != ''"
                       " ORDER BY event_date LIMIT 1")
    last = reader.one("SELECT max(event_date) FROM event_countries")
    return (first[0] if first else None), (last[0] or None if last else None)


def map_counts(reader: Reader, since: date | None, until: date | None) -> dict[str, Any]:
    """Events per country (either side) in a date range, with the ISO numeric code the map's
    shapes are keyed by; and the range of dates the store holds, for the slider."""
    f = EventFilter(since=since, until=until)
    where = ["d.event_date != ''", "d.negated = 0"]
    args: list[Any] = []
    _date_range("d.event_date", f, where, args)
    # Countries of equal counts come in no set order on SQLite (its sorter's); on PostgreSQL
    # by code. The map reads the counts by country, so their order means nothing.
    ties = ", d.country" if reader.sql.postgres else ""
    rows = reader.rows(f"SELECT d.country, count(*) AS n FROM event_countries d{_where(where)}"
                       f" GROUP BY d.country ORDER BY n DESC{ties}", args)
    first, last = date_span(reader)
    return {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            "first": first, "last": last,
            "items": [{"country": r["country"], "iso_n3": _numeric(r["country"]), "events": r["n"]} for r in rows]}
