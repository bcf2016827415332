"""`export --format parquet DIR`: the four tables of ``output.tables`` as Parquet files.

``DIR/articles.parquet``, ``events.parquet``, ``quotes.parquet``, ``mentions.parquet``, written by
pyarrow with the schemas of ``tables.TABLES`` (readable by pandas, polars, DuckDB and Spark).
A table with no rows is still written, with its schema.
"""

from __future__ import annotations

from pathlib import Path

from dateline.output.happenings import Happening, Item
from dateline.output.tables import arrow_schema, article_row, event_row, mention_rows, quote_rows, story_ids


def write_tables(stories: list[list[Item]], happenings: list[Happening], directory: Path) -> dict[str, int]:
    """Write the tables; returns each table's row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory.mkdir(parents=True, exist_ok=True)
    ids = story_ids(stories)
    items = [item for story in stories for item in story]
    rows = {
        "articles": [article_row(item, ids.get(item.content_hash)) for item in items],
        "events": [event_row(h) for h in happenings],
        "quotes": [row for item in items for row in quote_rows(item)],
        "mentions": [row for h in happenings for row in mention_rows(h)],
    }
    for name, table_rows in rows.items():
        schema = arrow_schema(name)
        table = pa.Table.from_pylist(table_rows, schema=schema)
        pq.write_table(table, directory / f"{name}.parquet")
    return {name: len(table_rows) for name, table_rows in rows.items()}
