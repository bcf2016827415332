"""Writing and reading the batch output: four Parquet datasets, hive-partitioned by year and month.

A chunk of records is written as one file per table and partition, named by a digest of the
chunk's article ids: writing the same chunk again replaces its files instead of adding rows,
and ids already in ``OUTPUT/articles`` are skipped before any work is done, so a rerun over
the same OUTPUT never duplicates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from dateline.scale.tables import PARTITION_COLUMNS, SCHEMAS, TABLE_NAMES, to_tables


def partitioning(name: str) -> ds.Partitioning:
    schema = SCHEMAS[name]
    return ds.partitioning(pa.schema([schema.field(c) for c in PARTITION_COLUMNS]), flavor="hive")


def chunk_tag(ids: Iterable[str]) -> str:
    return hashlib.sha1("\n".join(ids).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def write_chunk(output: Path, records: list[dict[str, Any]]) -> dict[str, int]:
    """Write one chunk's records into the four datasets; returns the rows written per table."""
    tag = chunk_tag(str(r["id"]) for r in records)
    counts = {}
    for name, table in to_tables(records).items():
        counts[name] = table.num_rows
        if not table.num_rows:
            continue
        ds.write_dataset(table, output / name, format="parquet", partitioning=partitioning(name),
                         basename_template=f"part-{tag}-{{i}}.parquet",
                         existing_data_behavior="overwrite_or_ignore")
    return counts


def open_table(output: Path, name: str) -> ds.Dataset | None:
    folder = output / name
    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return None
    return ds.dataset(folder, format="parquet", partitioning=partitioning(name), schema=SCHEMAS[name])


def done_ids(output: Path) -> set[str]:
    """Article ids already written to OUTPUT/articles (error records included)."""
    table = open_table(output, "articles")
    if table is None:
        return set()
    return set(table.to_table(columns=["id"]).column("id").to_pylist())


def counts(output: Path) -> dict[str, int]:
    """Rows per table of a batch output."""
    out = {}
    for name in TABLE_NAMES:
        table = open_table(output, name)
        out[name] = table.count_rows() if table is not None else 0
    return out
