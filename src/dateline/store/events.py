"""Events in the store: rows of the ``events`` / ``event_actors`` tables (migration 003).

``save_events`` is registered in ``store.db.ARTICLE_SAVERS`` and runs inside the ingest
transaction; ``find_events`` answers ``dateline events`` and feeds ``dateline export --db``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from dateline.record import Article, Event, EventActor


def _countries(actors: list[EventActor]) -> str:
    return " ".join(dict.fromkeys(a.country for a in actors if a.country))


def _codes(actors: list[EventActor]) -> str:
    return " ".join(dict.fromkeys(a.code for a in actors if a.code))


def event_date(event: Event, article: Article) -> str | None:
    if event.date is not None and event.date.earliest:
        return event.date.earliest
    return article.anchor_date


def save_events(conn: sqlite3.Connection, article_rowid: int, article: Article) -> None:
    """Insert one row per event of ``article`` (already stored as ``article_rowid``)."""
    for seq, event in enumerate(article.events):
        cur = conn.execute(
            "INSERT INTO events (article_rowid, seq, type, mode, context, cameo, quad, goldstein,"
            " source_codes, target_codes, source_countries, target_countries, event_date, negated,"
            " modality, confidence, sentence_start, sentence_end, trigger_text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_rowid, seq, event.type or "", event.mode, ",".join(event.context), event.cameo, event.quad,
             event.goldstein, _codes(event.source), _codes(event.target), _countries(event.source),
             _countries(event.target), event_date(event, article), int(event.negated), event.modality,
             event.confidence, event.sentence.start, event.sentence.end, event.trigger.text),
        )
        rowid = cur.lastrowid
        for role, actors in (("source", event.source), ("target", event.target)):
            conn.executemany(
                "INSERT INTO event_actors (event_rowid, role, name, actor, country, sector, code)"
                " VALUES (?,?,?,?,?,?,?)",
                [(rowid, role, a.name, a.actor, a.country, a.sector, a.code) for a in actors],
            )


@dataclass
class EventQuery:
    actor: str | None = None  # name substring or actor code
    country: str | None = None  # ISO3, either side
    dyad: tuple[str, str] | None = None  # (source country, target country)
    type: str | None = None  # PLOVER type
    since: str | None = None
    until: str | None = None
    limit: int | None = None


def find_events(conn: sqlite3.Connection, q: EventQuery) -> list[tuple[int, int]]:
    """(article_rowid, seq) of the stored events matching ``q``, by date then article order."""
    where, args = [], []
    if q.type:
        where.append("e.type = ?")
        args.append(q.type.upper())
    if q.since:
        where.append("e.event_date >= ?")
        args.append(q.since)
    if q.until:
        where.append("e.event_date <= ?")
        args.append(q.until + "\uffff")
    if q.country:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.event_rowid = e.rowid AND x.country = ?)")
        args.append(q.country.upper())
    if q.actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.event_rowid = e.rowid AND"
                     " (x.code = ? OR x.name LIKE ? OR x.actor = ?))")
        args += [q.actor.upper(), f"%{q.actor}%", q.actor]
    if q.dyad:
        where.append("EXISTS (SELECT 1 FROM event_actors s WHERE s.event_rowid = e.rowid AND s.role = 'source'"
                     " AND s.country = ?) AND EXISTS (SELECT 1 FROM event_actors t WHERE"
                     " t.event_rowid = e.rowid AND t.role = 'target' AND t.country = ?)")
        args += [q.dyad[0].upper(), q.dyad[1].upper()]
    sql = "SELECT e.article_rowid, e.seq FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.event_date, e.article_rowid, e.seq"
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    return [(r[0], r[1]) for r in conn.execute(sql, args)]
