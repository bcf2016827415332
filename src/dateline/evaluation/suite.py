"""What a suite is: a development set, how its inputs are built, how the records are scored.

Every suite scores the contract records ``dateline extract`` writes for inputs built as the
matching ``../shared/eval/score_*.py`` builds them (``records.extract_records``), so that its
numbers are the held-back scorers' numbers on the development sets.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Row = dict[str, Any]
Records = dict[str, dict[str, Any]]


@dataclass
class Scores:
    metrics: dict[str, float]  # the figures a floor may pin
    details: dict[str, Any]  # precision/recall, counts, per-class figures: shown, never pinned


@dataclass(frozen=True)
class Suite:
    name: str
    files: tuple[str, ...]  # the set, relative to the data folder (what its digest covers)
    load: Callable[[Path], list[Row]]  # gold rows, each with an "id"
    inputs: Callable[[list[Row]], list[Row]]  # the `extract` input records for those rows
    score: Callable[[list[Row], Records], Scores]  # gold rows + {id: record} → scores
    headline: str  # the metric the shared scorer's last line reports
    note: str = ""  # how to read the numbers, printed with them
    anchor: Callable[[list[Row], Records], Scores] | None = None  # another tool on the same rows

    def present(self, data_dir: Path) -> bool:
        return all((data_dir / f).exists() for f in self.files)


def read_jsonl(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def record_of(records: Records, row: Row) -> dict[str, Any]:
    """The record for a gold row; a missing one reads as an empty record (it scores nothing)."""
    return records.get(str(row["id"])) or {}
