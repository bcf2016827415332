"""The PostgreSQL backend: opening a store by URL, its migrations, its full-text search.

SQLAlchemy's engine turns the URL into a psycopg 3 connection (``postgresql://`` and
``postgres://`` mean psycopg here, not psycopg2); the store then talks to psycopg through
``dialect.PgConnection``, because it runs the same SQL text as SQLite and bulk-loads with COPY.
Migrations are ``migrations/postgresql/NNN_*.sql``, recorded in ``schema_migrations`` as in
SQLite; each runs in a transaction holding an advisory lock, so processes opening a new
database at once apply each migration once and the others wait, then find it recorded.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.store.dialect import PgConnection, StoreConnection
from dateline.store.search import ts_terms

_ENGINES: dict[str, Any] = {}
# pg_advisory_xact_lock's key space is shared by every client of a database: ours is a hash of
# this name and the schema, so stores in two schemas of one database do not wait on each other.
_LOCK_NAME = "dateline.schema_migrations"


def sqlalchemy_url(url: str) -> str:
    """The URL SQLAlchemy needs for psycopg 3: ``postgresql+psycopg://`` whatever the user wrote."""
    return re.sub(r"^postgres(?:ql)?(?:\+psycopg)?://", "postgresql+psycopg://", url, flags=re.IGNORECASE)


def connect(url: str) -> PgConnection:
    """A connection to the store at ``url`` (one engine per URL; no pool kept between stores, so a
    closed store leaves no idle session behind — tests drop their schemas right after)."""
    try:
        import psycopg
        import sqlalchemy
        from sqlalchemy.pool import NullPool
    except ImportError as exc:
        raise DatelineError(Code.UNREADABLE, f"a PostgreSQL store needs the postgres extra "
                            f"(pip install 'dateline[postgres]'): {exc}") from None
    key = sqlalchemy_url(url)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = sqlalchemy.create_engine(key, poolclass=NullPool)
    try:
        pooled = engine.raw_connection()
    except (sqlalchemy.exc.DBAPIError, psycopg.Error) as exc:
        shown = engine.url.render_as_string(hide_password=True)
        raise DatelineError(Code.UNREADABLE, f"{shown}: {str(exc.args[0] if exc.args else exc).strip()}") from None
    raw = pooled.driver_connection
    assert raw is not None
    raw.rollback()  # whatever the engine ran on connecting, so autocommit can be switched on
    raw.autocommit = True
    return PgConnection(raw, release=pooled.close)


def migration_scripts() -> list[tuple[int, str, str]]:
    folder = resources.files("dateline.store") / "migrations" / "postgresql"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return found


def migrate(conn: PgConnection) -> list[str]:
    """Apply every PostgreSQL migration not yet recorded, in number order; returns their names."""
    if conn.execute("SELECT current_schema()").fetchone()[0] is None:  # a search_path naming no schema there
        path = conn.execute("SHOW search_path").fetchone()[0]
        raise DatelineError(Code.UNREADABLE, f"no schema to keep the store in (search_path {path}); create it first")
    applied = []
    for version, name, script in migration_scripts():
        with conn:
            conn.raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s || current_schema()))", (_LOCK_NAME,))
            conn.raw.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                "name text NOT NULL, applied_at text NOT NULL DEFAULT "
                "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))")
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                continue
            conn.raw.execute(script)  # several statements: psycopg sends a script without parameters whole
            conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
        applied.append(name)
    return applied


def lock_writes(conn: StoreConnection) -> None:
    """Writers take turns, one batch transaction at a time, as SQLite's one write lock makes them:
    two ingests adding to the same ``dyad_periods`` rows in different orders could otherwise
    deadlock, and one of them would fail. Held until the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(? || current_schema()))", ("dateline.writes",))


# The snippet as FTS5's snippet(…, '[', ']', '…', 12) shows it: a dozen words around the hits.
_HEADLINE_OPTIONS = "StartSel=[, StopSel=], MaxWords=12, MinWords=6, MaxFragments=1, FragmentDelimiter=…"


def tsquery(user_query: str) -> tuple[str, list[str]]:
    """A tsquery expression requiring every word of ``user_query`` and its parameters; ("", [])
    when no word is left. ``word*`` is a prefix (``to_tsquery('word:*')``)."""
    parts, params = [], []
    for word, prefix in ts_terms(user_query):
        parts.append(f"{'to_tsquery' if prefix else 'phraseto_tsquery'}('dateline_english', ?)")
        params.append(f"{word}:*" if prefix else word)
    return " && ".join(parts), params


def search(conn: StoreConnection, query: str, limit: int) -> list[dict[str, Any]]:
    """Articles matching every word of ``query`` (``word*`` a prefix), best first."""
    words, params = tsquery(query)
    if not words:
        return []
    rows = conn.execute(
        "SELECT rowid, id, headline, published, dateline_place, "
        f"ts_headline('dateline_english', text, q, '{_HEADLINE_OPTIONS}') AS snippet "
        "FROM (SELECT a.rowid, a.id, a.headline, a.published, a.dateline_place, a.text, q, "
        f"ts_rank_cd(a.search, q) AS rank FROM articles a, (SELECT {words} AS q) AS words "
        "WHERE a.search @@ q ORDER BY rank DESC, a.rowid LIMIT ?) AS best ORDER BY rank DESC, rowid",
        (*params, limit))
    return [dict(r) for r in rows]
