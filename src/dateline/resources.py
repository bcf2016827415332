"""Reading the package's data tables (TSV files under ``data/<area>/``).

Lexicons, rule lists and gazetteer tables are data, not code: one reader serves them all.
Lines starting with ``#`` are comments; a user directory may be laid over some tables by the
module that owns them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def table_path(area: str, filename: str) -> Any:
    return resources.files("dateline") / "data" / area / filename


def rows(source: Any, *, keep_empty_first: bool = False) -> Iterator[list[str]]:
    """Rows of a TSV table (a package resource or a Path); comment lines skipped."""
    if not source.is_file():
        return
    with source.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and (row[0] or keep_empty_first) and not row[0].startswith("#"):
                yield row


def data_rows(area: str, filename: str) -> Iterator[list[str]]:
    return rows(table_path(area, filename))


@cache
def line_patterns(area: str, filename: str) -> tuple[re.Pattern[str], ...]:
    """Whole-line regex rules: the first tab-separated field of each row, case-insensitive."""
    path = table_path(area, filename)
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            patterns.append(re.compile(line.split("\t")[0], re.IGNORECASE))
    return tuple(patterns)


def user_table(directory: str | Path | None, filename: str) -> Path | None:
    if directory and (Path(directory) / filename).exists():
        return Path(directory) / filename
    return None
