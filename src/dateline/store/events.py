"""Events in the store: rows of the ``events`` / ``event_actors`` tables (migrations 003, 005).

``save_events`` is registered in ``store.db.ARTICLE_SAVERS`` and runs inside the ingest
transaction; ``find_events`` answers ``dateline events`` and feeds ``dateline export --db``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from dateline.record import Article, Event, EventActor
from dateline.store.dialect import StoreConnection, inserted
from dateline.store.search import like_pattern


def _countries(actors: list[EventActor]) -> str:
    return " ".join(dict.fromkeys(a.country for a in actors if a.country))


def _codes(actors: list[EventActor]) -> str:
    return " ".join(dict.fromkeys(a.code for a in actors if a.code))


def event_date(event: Event, article: Article) -> str | None:
    if event.date is not None and event.date.earliest:
        return event.date.earliest
    return article.anchor_date


def event_date_latest(event: Event, article: Article) -> str | None:
    if event.date is not None and event.date.earliest:
        return event.date.latest or event.date.earliest
    return article.anchor_date


EVENT_COLUMNS = ("article_rowid", "seq", "type", "mode", "context", "cameo", "quad", "goldstein", "source_codes",
                 "target_codes", "source_countries", "target_countries", "event_date", "negated", "modality",
                 "confidence", "sentence_start", "sentence_end", "trigger_text", "date_latest", "place_name",
                 "place_country", "place_adm1", "place_precision", "lat", "lon", "geonames_id")
ACTOR_COLUMNS = ("event_rowid", "role", "name", "actor", "country", "sector", "code")


def event_values(article_rowid: int, seq: int, event: Event, article: Article) -> tuple[object, ...]:
    """An ``events`` row in ``EVENT_COLUMNS`` order (for the saver and for COPY)."""
    place = event.place
    return (article_rowid, seq, event.type or "", event.mode, ",".join(event.context), event.cameo, event.quad,
            event.goldstein, _codes(event.source), _codes(event.target), _countries(event.source),
            _countries(event.target), event_date(event, article), int(event.negated), event.modality,
            event.confidence, event.sentence.start, event.sentence.end, event.trigger.text,
            event_date_latest(event, article), place.name if place else None, place.country if place else None,
            place.adm1 if place else None, place.precision if place else None, place.lat if place else None,
            place.lon if place else None, place.geonames_id if place else None)


def actor_values(event_rowid: int, event: Event) -> list[tuple[object, ...]]:
    """The ``event_actors`` rows of an event, sources then targets, in ``ACTOR_COLUMNS`` order."""
    return [(event_rowid, role, a.name, a.actor, a.country, a.sector, a.code)
            for role, actors in (("source", event.source), ("target", event.target)) for a in actors]


def save_events(conn: StoreConnection, article_rowid: int, article: Article) -> None:
    """Insert one row per event of ``article`` (already stored as ``article_rowid``), with its place
    and interval; ``story_id`` is filled by the story saver that runs after this one."""
    for seq, event in enumerate(article.events):
        rowid = inserted(
            conn, "INSERT INTO events (article_rowid, seq, type, mode, context, cameo, quad, goldstein,"
            " source_codes, target_codes, source_countries, target_countries, event_date, negated,"
            " modality, confidence, sentence_start, sentence_end, trigger_text, date_latest, place_name,"
            " place_country, place_adm1, place_precision, lat, lon, geonames_id, story_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            " (SELECT story_id FROM article_story WHERE article_rowid = ?))",
            (*event_values(article_rowid, seq, event, article), article_rowid),
        )
        assert rowid is not None
        for role in ("source", "target"):  # one statement per side, as before: triggers see sources first
            conn.executemany(
                "INSERT INTO event_actors (event_rowid, role, name, actor, country, sector, code)"
                " VALUES (?,?,?,?,?,?,?)",
                [row for row in actor_values(rowid, event) if row[1] == role],
            )


def add_published_date(conn: StoreConnection, content_hash: str, article: Article) -> bool:
    """A stored article that had no published date takes the one a re-ingest brings: its record,
    its event rows (dates resolved against it) and its quotes' dates are updated. True if so."""
    row = conn.execute("SELECT rowid, published FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    if row is None or row[1] is not None or not article.published:
        return False
    rowid = row[0]
    conn.execute("UPDATE articles SET published = ?, record = ? WHERE rowid = ?",
                 (article.published, json.dumps(article.to_dict(), ensure_ascii=False), rowid))
    conn.execute("UPDATE quotes SET published = ? WHERE article_rowid = ?", (article.published, rowid))
    replace_events(conn, rowid, article)
    return True


def replace_events(conn: StoreConnection, article_rowid: int, article: Article) -> None:
    """The article's event rows written again (its dates changed): actors go with their events."""
    conn.execute("DELETE FROM events WHERE article_rowid = ?", (article_rowid,))
    save_events(conn, article_rowid, article)


@dataclass
class EventQuery:
    actor: str | None = None  # name substring or actor code
    country: str | None = None  # ISO3, either side
    dyad: tuple[str, str] | None = None  # (source country, target country)
    type: str | None = None  # PLOVER type
    since: str | None = None
    until: str | None = None
    limit: int | None = None


def find_events(conn: StoreConnection, q: EventQuery) -> list[tuple[int, int]]:
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
                     " (x.code = ? OR x.name LIKE ? ESCAPE '\\' OR x.actor = ?))")
        args += [q.actor.upper(), like_pattern(q.actor), q.actor]
    if q.dyad:
        where.append("EXISTS (SELECT 1 FROM event_actors s WHERE s.event_rowid = e.rowid AND s.role = 'source'"
                     " AND s.country = ?) AND EXISTS (SELECT 1 FROM event_actors t WHERE"
                     " t.event_rowid = e.rowid AND t.role = 'target' AND t.country = ?)")
        args += [q.dyad[0].upper(), q.dyad[1].upper()]
    sql = "SELECT e.article_rowid, e.seq FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.event_date NULLS FIRST, e.article_rowid, e.seq"  # SQLite's NULL order, said for PostgreSQL
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    return [(r[0], r[1]) for r in conn.execute(sql, args)]
