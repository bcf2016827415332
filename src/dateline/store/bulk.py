"""PostgreSQL's bulk tables written by COPY, for ``ingest`` and ``load`` alike.

Articles, rejections and stories go one by one through the store's own savers — an article's
row number and its story (MinHash over what is already stored) depend on the rows before it.
Its quotes, events and event actors, most of the rows of a store, are gathered by ``CopyRows``
while a batch is saved and written by COPY at the batch's end, inside the batch's transaction:
a killed ingest leaves whole batches only, as on SQLite. (Row by row, each event cost three
round trips to the server; COPY makes it one per table per batch.) The rows are built by the
same functions the savers use (``quote_values``, ``event_values``, ``actor_values``).
"""

from __future__ import annotations

from dateline.record import Article, Event
from dateline.store.dialect import PgConnection, StoreConnection, pg_values
from dateline.store.events import ACTOR_COLUMNS, EVENT_COLUMNS, actor_values, event_values
from dateline.store.quotes import QUOTE_COLUMNS, quote_values


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


class CopyRows:
    """Stand-ins for the quote and event savers that gather a batch's rows for one COPY each."""

    def __init__(self) -> None:
        self.quotes: list[tuple[object, ...]] = []
        self.events: list[tuple[int, int, Event, Article]] = []

    def save_quotes(self, conn: StoreConnection, article_rowid: int, article: Article) -> None:
        self.quotes.extend(quote_values(article_rowid, article))

    def save_events(self, conn: StoreConnection, article_rowid: int, article: Article) -> None:
        self.events.extend((article_rowid, seq, event, article) for seq, event in enumerate(article.events))

    def flush(self, conn: StoreConnection) -> None:
        """Write what was gathered (call inside the batch's transaction)."""
        assert isinstance(conn, PgConnection)
        raw = conn.raw
        if self.events:
            # Row numbers taken from the events' own sequence, in order, as one INSERT each would.
            ids = sorted(r[0] for r in raw.execute(
                "SELECT nextval(pg_get_serial_sequence('events', 'rowid')) FROM generate_series(1, %s)",
                (len(self.events),)))
            articles = sorted({rowid for rowid, *_ in self.events})
            story = dict(raw.execute("SELECT article_rowid, story_id FROM article_story WHERE article_rowid = ANY(%s)",
                                     (articles,)).fetchall())
            cur = raw.cursor()
            with cur.copy(f"COPY events (rowid, {_columns(EVENT_COLUMNS)}, story_id) FROM STDIN") as copy:
                for rowid, (article_rowid, seq, event, article) in zip(ids, self.events, strict=True):
                    copy.write_row(pg_values((rowid, *event_values(article_rowid, seq, event, article),
                                              story.get(article_rowid))))
            with cur.copy(f"COPY event_actors ({_columns(ACTOR_COLUMNS)}) FROM STDIN") as copy:
                for rowid, (*_, event, _article) in zip(ids, self.events, strict=True):
                    for row in actor_values(rowid, event):
                        copy.write_row(pg_values(row))
        if self.quotes:
            with raw.cursor().copy(f"COPY quotes ({_columns(QUOTE_COLUMNS)}) FROM STDIN") as copy:
                for row in self.quotes:
                    copy.write_row(pg_values(row))
        self.clear()

    def clear(self) -> None:
        self.quotes, self.events = [], []
