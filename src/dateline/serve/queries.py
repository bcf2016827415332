"""The server's reads of the store: articles, quotes, actors, search, each one page at a time.

Every list is ordered by a unique key and continues after the key its cursor holds (keyset
paging), so walking every page sees every row exactly once, however large the store. The
events, series and map reads are in ``serve.events``. Where SQLite and PostgreSQL spell a form
differently, ``reader.sql`` gives it (``serve.sql``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from dateline.serve.db import Reader, decode_cursor, encode_cursor, page
from dateline.serve.sql import ServeSQL

# Snippet markers: control characters no article text keeps, turned into <mark> after escaping.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def next_day(day: date) -> str:
    """The exclusive upper bound for an inclusive ``until`` date."""
    return (day + timedelta(days=1)).isoformat()


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


# -- articles -----------------------------------------------------------------------------------
def _article_item(row: Any) -> dict[str, Any]:
    item = {"id": row["id"], "rowid": row["rowid"], "headline": row["headline"], "published": row["published"],
            "publisher": row["publisher"], "url": row["source_url"], "dateline_place": row["dateline_place"],
            "language": row["language"], "ingested_at": row["ingested_at"], "quotes": row["n_quotes"],
            "events": row["n_events"]}
    if "snippet" in row.keys():
        item["snippet"] = row["snippet"]
    return item


def article_columns(sql: ServeSQL) -> str:
    return ("a.rowid, a.id, a.headline, a.published, a.publisher, a.source_url, a.dateline_place, a.ingested_at,"
            f" {sql.json_field('a.record', 'language')} AS language,"
            " (SELECT count(*) FROM quotes x WHERE x.article_rowid = a.rowid) AS n_quotes,"
            " (SELECT count(*) FROM events x WHERE x.article_rowid = a.rowid) AS n_events")


def list_articles(reader: Reader, *, q: str | None = None, since: date | None = None,
                  until: date | None = None, publisher: str | None = None, language: str | None = None,
                  updated_since: str | None = None, cursor: str | None = None,
                  limit: int = 50) -> dict[str, Any]:
    """Articles in the order they were stored (so ``updated_since`` + cursor is a sync feed)."""
    where: list[str] = []
    args: list[Any] = []
    sql = reader.sql
    columns, source = article_columns(sql), "articles a"
    if q is not None:
        match = sql.article_match(q, (MARK_OPEN, MARK_CLOSE))
        if match is None:
            return {"items": [], "next": None}
        source = match.source
        columns += f", {match.snippet} AS snippet"
        where.append(match.where)
        args += match.args
    if since:
        where.append("a.published >= ?")
        args.append(since.isoformat())
    if until:
        where.append("a.published < ?")
        args.append(next_day(until))
    if publisher:
        where.append(sql.nocase_cmp("a.publisher"))
        args.append(publisher)
    if language:
        where.append(f"{sql.json_field('a.record', 'language')} = ?")
        args.append(language.lower())
    if updated_since:
        where.append("a.ingested_at >= ?")
        args.append(updated_since)
    after = decode_cursor(cursor, (int,))
    if after:
        where.append("a.rowid > ?")
        args.append(after[0])
    rows = reader.rows(f"SELECT {columns} FROM {source}{_where(where)} ORDER BY a.rowid LIMIT ?",
                       [*args, limit + 1])
    rows, nxt = page(rows, limit, lambda r: [r["rowid"]])
    return {"items": [_article_item(r) for r in rows], "next": nxt}


def article_row(reader: Reader, key: str) -> Any:
    """An article by its id, its row number or its content hash."""
    row = reader.one("SELECT rowid, id, record, text, headline FROM articles WHERE id = ? ORDER BY rowid LIMIT 1",
                     (key,))
    if row is None and key.isdigit() and len(key) < 19:
        row = reader.one("SELECT rowid, id, record, text, headline FROM articles WHERE rowid = ?", (int(key),))
    if row is None:
        row = reader.one("SELECT rowid, id, record, text, headline FROM articles WHERE content_hash = ?", (key,))
    return row


def article_record(reader: Reader, key: str) -> dict[str, Any] | None:
    row = article_row(reader, key)
    return json.loads(row["record"]) if row else None


# -- quotes --------------------------------------------------------------------------------------
QUOTE_COLUMNS = (
    "q.rowid, q.text, q.kind, q.cue, q.start, q.end, q.speaker_text, q.speaker_name, q.speaker_code,"
    " q.speaker_title, q.addressee, q.published, a.id AS article_id, a.rowid AS article_rowid, a.headline")


def _quote_item(row: Any) -> dict[str, Any]:
    return {"id": row["rowid"], "text": row["text"], "kind": row["kind"], "cue": row["cue"],
            "speaker": row["speaker_name"] or row["speaker_text"], "speaker_text": row["speaker_text"],
            "speaker_code": row["speaker_code"], "speaker_title": row["speaker_title"],
            "actor_id": row["speaker_name"], "addressee": row["addressee"], "published": row["published"],
            "article_id": row["article_id"], "article_rowid": row["article_rowid"], "headline": row["headline"],
            "start": row["start"], "end": row["end"]}


def list_quotes(reader: Reader, *, speaker: str | None = None, exact_speaker: str | None = None,
                q: str | None = None, since: date | None = None, until: date | None = None,
                cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """Quotes by a speaker (a substring of the name or the mention, or the actor code), about
    words (full text), by publication date; in the order they were stored."""
    where: list[str] = []
    args: list[Any] = []
    sql = reader.sql
    source = "quotes q"
    if q is not None:
        match = sql.quote_match(q)
        if match is None:
            return {"items": [], "next": None}
        source = match.source
        where.append(match.where)
        args += match.args
    if speaker:
        pattern = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\'"
                     " OR q.speaker_code = ?)")
        args += [pattern, pattern, speaker.upper()]
    if exact_speaker:
        where.append(sql.nocase_cmp("q.speaker_name"))
        args.append(exact_speaker)
    if since:
        where.append("q.published >= ?")
        args.append(since.isoformat())
    if until:
        where.append("q.published < ?")
        args.append(next_day(until))
    after = decode_cursor(cursor, (int,))
    if after:
        where.append("q.rowid > ?")
        args.append(after[0])
    rows = reader.rows(f"SELECT {QUOTE_COLUMNS} FROM {source} JOIN articles a ON a.rowid = q.article_rowid"
                       f"{_where(where)} ORDER BY q.rowid LIMIT ?", [*args, limit + 1])
    rows, nxt = page(rows, limit, lambda r: [r["rowid"]])
    return {"items": [_quote_item(r) for r in rows], "next": nxt}


# -- actors --------------------------------------------------------------------------------------
# An actor is a name: the speakers of quotes and the actors of events, merged case-insensitively.
# Its id in URLs is that name (percent-encoded); the codes and countries it was seen with follow.
ACTOR_NAMES = (
    "SELECT speaker_name AS name, 1 AS quotes, 0 AS events, speaker_code AS code FROM quotes"
    " WHERE speaker_name IS NOT NULL AND speaker_name != ''"
    " UNION ALL SELECT name, 0, 1, code FROM event_actors WHERE name != ''")


def list_actors(reader: Reader, *, q: str | None = None, cursor: str | None = None,
                limit: int = 50) -> dict[str, Any]:
    where, args = [], []
    sql = reader.sql
    if q:
        where.append("name LIKE ? ESCAPE '\\'")
        args.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    after = decode_cursor(cursor, (str,))
    if after:
        where.append(sql.nocase_cmp("name", ">"))
        args.append(after[0])
    # SQLite answers a bare `name` from one row of its group; PostgreSQL is asked for the least
    name = "min(name) AS name" if sql.postgres else "name"
    rows = reader.rows(
        f"SELECT {name}, sum(quotes) AS quotes, sum(events) AS events, {sql.concat_distinct('code')} AS codes"
        f" FROM ({ACTOR_NAMES}){sql.alias('names')}{_where(where)} GROUP BY {sql.nocase('name')}"
        f" ORDER BY {sql.nocase('name')} LIMIT ?", [*args, limit + 1])
    rows, nxt = page(rows, limit, lambda r: [r["name"]])
    items = [{"id": r["name"], "name": r["name"], "quotes": r["quotes"], "events": r["events"],
              "codes": sorted(set((r["codes"] or "").split(",")) - {""})} for r in rows]
    return {"items": items, "next": nxt}


def actor_summary(reader: Reader, actor_id: str) -> dict[str, Any] | None:
    """Who an actor is, by name (case-insensitive); None when no quote or event names them."""
    sql = reader.sql
    said = reader.one(
        f"SELECT count(*) AS n, max(speaker_name) AS name, {sql.concat_distinct('speaker_code')} AS codes,"
        f" {sql.concat_distinct('speaker_title')} AS titles FROM quotes WHERE {sql.nocase_cmp('speaker_name')}",
        (actor_id,))
    acted = reader.one(
        f"SELECT count(DISTINCT event_rowid) AS n, max(name) AS name, {sql.concat_distinct('code')} AS codes,"
        f" {sql.concat_distinct('country')} AS countries FROM event_actors WHERE {sql.nocase_cmp('name')}",
        (actor_id,))
    if said is None or acted is None or not (said["n"] or acted["n"]):
        return None

    def split(*values: str | None) -> list[str]:
        return sorted({v for value in values if value for v in value.split(",") if v})

    codes = split(said["codes"], acted["codes"])
    return {"id": said["name"] or acted["name"], "name": said["name"] or acted["name"], "codes": codes,
            "countries": split(acted["countries"], *(c[:3] for c in codes if len(c) >= 3)),
            "titles": split(said["titles"]), "num_quotes": said["n"], "num_events": acted["n"]}


# -- search --------------------------------------------------------------------------------------
def search(reader: Reader, q: str, cursor: str | None = None, limit: int = 20) -> dict[str, Any]:
    """Articles ranked by relevance (BM25 on SQLite, ts_rank_cd on PostgreSQL), with a snippet;
    the first page adds quotes and actors."""
    match = reader.sql.article_match(q, (MARK_OPEN, MARK_CLOSE))
    empty: dict[str, Any] = {"q": q, "items": [], "next": None}
    if match is None:
        return empty | {"quotes": [], "actors": []}
    start = decode_cursor(cursor, (int,))
    offset = start[0] if start else 0
    if offset < 0:
        return empty
    rows = reader.rows(
        f"SELECT {article_columns(reader.sql)}, {match.snippet} AS snippet FROM {match.source}"
        f" WHERE {match.where} ORDER BY {match.rank}, a.rowid LIMIT ? OFFSET ?", (*match.args, limit + 1, offset))
    nxt = encode_cursor([offset + limit]) if len(rows) > limit else None
    result = {"q": q, "items": [_article_item(r) for r in rows[:limit]], "next": nxt}
    if offset == 0:
        result["quotes"] = list_quotes(reader, q=q, limit=10)["items"]
        result["actors"] = list_actors(reader, q=q.strip()[:100], limit=10)["items"] if q.strip() else []
    return result
