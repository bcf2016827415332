"""The few SQL forms where the server's queries differ between SQLite and PostgreSQL.

The server's SQL is written once (``serve.queries``, ``serve.events``, ``serve.writes``) and
runs on both stores; where the two engines spell a thing differently, the query asks its
reader's ``sql`` for the form (``SQLITE_SQL`` or ``POSTGRES_SQL``). The SQLite forms are the
text these queries always had, so SQLite's plans and answers do not change. Placeholders stay
``?`` on both: a PostgreSQL reader rewrites them (``store.dialect.to_postgres``).

What differs: SQLite's ``COLLATE NOCASE`` is ``lower()`` on PostgreSQL (its text columns
collate "C", where ``lower`` folds ASCII only, as NOCASE does; ``quotes_speaker_nocase`` and
``event_actors_name`` are indexes on ``lower(…)`` there); FTS5 tables are the ``search``
``tsvector`` columns; ``group_concat`` is ``string_agg``; a subquery in FROM needs a name;
a list of row numbers is one array parameter (one statement shape, prepared once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.store.postgres import tsquery
from dateline.store.search import fts_query

# ts_headline's options for the list snippets, as FTS5's snippet(…, 16) is asked for them.
_PG_SNIPPET = "MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=…"


@dataclass(frozen=True)
class TextMatch:
    """A full-text condition on articles (alias ``a``) or quotes (alias ``q``): the FROM it
    needs, its WHERE clause, the parameters of both (FROM's first), and how to rank and
    snippet a hit."""

    source: str
    where: str
    args: list[Any]
    rank: str
    snippet: str


@dataclass(frozen=True)
class ServeSQL:
    postgres: bool

    def nocase(self, column: str) -> str:
        """``column`` compared, grouped and ordered ignoring ASCII case."""
        return f"lower({column})" if self.postgres else f"{column} COLLATE NOCASE"

    def nocase_cmp(self, column: str, op: str = "=") -> str:
        return f"lower({column}) {op} lower(?)" if self.postgres else f"{column} {op} ? COLLATE NOCASE"

    def concat_distinct(self, column: str) -> str:
        return f"string_agg(DISTINCT {column}, ',')" if self.postgres else f"group_concat(DISTINCT {column})"

    def json_field(self, column: str, key: str) -> str:
        # json, not jsonb: a record may hold an escaped NUL, which jsonb refuses
        return f"({column}::json ->> '{key}')" if self.postgres else f"json_extract({column}, '$.{key}')"

    def count_if(self, condition: str) -> str:
        return f"count(*) FILTER (WHERE {condition})" if self.postgres else f"sum({condition})"

    def unindexed(self, column: str) -> str:
        """A column SQLite must not pick an index for (the list order comes from another one);
        PostgreSQL has no such index on it, and no unary plus for text."""
        return column if self.postgres else f"+{column}"

    def alias(self, name: str) -> str:
        """A subquery's name in FROM: PostgreSQL (before 16) requires one, SQLite none."""
        return f" AS {name}" if self.postgres else ""

    def integer(self, expression: str) -> str:
        """A sum of sums as an integer: PostgreSQL's sum of bigint is numeric."""
        return f"({expression})::bigint" if self.postgres else expression

    def week_of(self, column: str) -> str:
        """The Monday of the week of an ISO date string (NULL when it is not a date)."""
        if self.postgres:
            return f"to_char(date_trunc('week', dateline_day({column})), 'YYYY-MM-DD')"
        return f"date(substr({column}, 1, 10), 'weekday 0', '-6 days')"

    def in_rows(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        """``column`` is one of ``values``, and the parameters that says it with."""
        if self.postgres:
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def article_match(self, words: str, marks: tuple[str, str]) -> TextMatch | None:
        """Articles matching every word (``word*`` a prefix); None when no word is left."""
        if self.postgres:
            expression, args = tsquery(words)
            if not expression:
                return None
            options = f"StartSel={marks[0]}, StopSel={marks[1]}, {_PG_SNIPPET}"
            # The snippet marks any of the words, as FTS5's does: with all of them required,
            # ts_headline finds no fragment when they stand far apart, and marks nothing.
            either = expression.replace(") && ", ") || ")
            return TextMatch(f"articles a, (SELECT {expression} AS q, {either} AS marked) AS words",
                             "a.search @@ words.q", args + args, "ts_rank_cd(a.search, words.q) DESC",
                             f"ts_headline('dateline_english', a.text, words.marked, '{options}')")
        match = fts_query(words)
        if not match:
            return None
        return TextMatch("articles_fts f JOIN articles a ON a.rowid = f.rowid", "articles_fts MATCH ?", [match],
                         "bm25(articles_fts)", f"snippet(articles_fts, 1, '{marks[0]}', '{marks[1]}', '…', 16)")

    def quote_match(self, words: str) -> TextMatch | None:
        if self.postgres:
            expression, args = tsquery(words)
            if not expression:
                return None
            return TextMatch("quotes q", f"q.search @@ ({expression})", args, "", "")
        match = fts_query(words)
        if not match:
            return None
        return TextMatch("quotes_fts f JOIN quotes q ON q.rowid = f.rowid", "quotes_fts MATCH ?", [match], "", "")


SQLITE_SQL = ServeSQL(postgres=False)
POSTGRES_SQL = ServeSQL(postgres=True)
