"""docs/exports.md names every column of every format."""

from __future__ import annotations

from pathlib import Path

from dateline.output.export import CSV_COLUMNS, ICEWS_COLUMNS
from dateline.output.gdelt import GDELT_COLUMNS, MENTIONS_COLUMNS
from dateline.output.tables import TABLES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")


def test_every_column_is_documented():
    # Actor2 and Actor2Geo columns are documented as "the same for the target" as Actor1's.
    gdelt = {c.replace("Actor2", "Actor1") for c in GDELT_COLUMNS}
    names = gdelt | set(MENTIONS_COLUMNS) | set(CSV_COLUMNS) | {c.name for cols in TABLES.values() for c in cols}
    missing = sorted(n for n in names if f"`{n}`" not in DOC and f" {n}," not in DOC and f" {n}`" not in DOC)
    assert not missing
    assert all(f"`{c}`" in DOC or c in DOC for c in ICEWS_COLUMNS)
