"""Quotes in the store: the saver the store calls per article, and the query behind
``dateline quotes``. The table and its full-text index are ``migrations/002_quotes.sql``."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.record import Actor, Article
from dateline.store.dialect import POSTGRESQL, StoreConnection, dialect_of
from dateline.store.postgres import tsquery
from dateline.store.search import fts_query, like_pattern


@dataclass
class QuoteRow:
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    speaker_code: str | None
    published: str | None
    article_id: str
    headline: str | None


QUOTE_COLUMNS = ("article_rowid", "seq", "text", "start", "end", "kind", "cue", "speaker_text", "speaker_name",
                 "speaker_code", "speaker_title", "addressee", "published")


def quote_values(article_rowid: int, article: Article) -> list[tuple[object, ...]]:
    """The ``quotes`` rows of an article, in ``QUOTE_COLUMNS`` order (for the saver and for COPY)."""
    actors: dict[str, Actor] = {a.id: a for a in article.actors}
    rows: list[tuple[object, ...]] = []
    for seq, q in enumerate(article.quotes):
        speaker = q.speaker
        actor = actors.get(speaker.actor) if speaker and speaker.actor else None
        rows.append((
            article_rowid, seq, q.text, q.start, q.end, q.kind, q.cue.text if q.cue else None,
            speaker.text if speaker else None, speaker.name if speaker else None,
            actor.code if actor else None, actor.title if actor else None, q.addressee,
            article.anchor_date,
        ))
    return rows


def save_quotes(conn: StoreConnection, article_rowid: int, article: Article) -> None:
    """Insert the article's quotes (called by the store inside the article's transaction)."""
    conn.executemany(
        "INSERT INTO quotes (article_rowid, seq, text, start, \"end\", kind, cue, speaker_text, speaker_name,"
        " speaker_code, speaker_title, addressee, published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        quote_values(article_rowid, article),
    )


def find_quotes(conn: StoreConnection, speaker: str | None = None, about: str | None = None,
                since: str | None = None, limit: int = 50) -> list[QuoteRow]:
    """Quotes by a speaker (name, mention or code, case-insensitive substring), about words
    (full-text), published on or after a date; newest first."""
    where: list[str] = []
    params: list[str | int] = []
    join = ""
    if about and dialect_of(conn) == POSTGRESQL:
        words, word_params = tsquery(about)
        if not words:
            return []
        where.append(f"q.search @@ ({words})")
        params += word_params
    elif about:
        match = fts_query(about)
        if not match:
            return []
        join = "JOIN quotes_fts f ON f.rowid = q.rowid"
        where.append("quotes_fts MATCH ?")
        params.append(match)
    if speaker:
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\' OR q.speaker_code = ?)")
        params += [like_pattern(speaker), like_pattern(speaker), speaker.upper()]
    if since:
        where.append("q.published >= ?")
        params.append(since)
    sql = (
        "SELECT q.text, q.kind, q.cue, coalesce(q.speaker_name, q.speaker_text) AS speaker, q.speaker_code,"
        f" q.published, a.id AS article_id, a.headline FROM quotes q {join}"
        " JOIN articles a ON a.rowid = q.article_rowid"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.published DESC NULLS LAST, q.article_rowid, q.seq LIMIT ?"  # SQLite's NULL order
    )
    params.append(limit)
    return [QuoteRow(*row) for row in conn.execute(sql, params)]
