"""Running one suite through the record: its whole set and its tune and check halves, with the
digest of the set and whether it is the one ``baseline.json`` pinned."""

from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.records import extract_records, write_records
from dateline.evaluation.splits import digest, split_rows
from dateline.evaluation.suite import Suite

BASELINE = Path(str(resources.files("dateline") / "evaluation" / "baseline.json"))

def run_suite(suite: Suite, data_dir: Path, nlp: Language | None = None, limit: int | None = None,
              records_dir: Path | None = None) -> dict[str, Any]:
    """Score one suite through the record: whole set, tune half, check half."""
    if not suite.present(data_dir):
        return {"skipped": f"no {', '.join(suite.files)} in {data_dir}"}
    started = time.perf_counter()
    sha = digest(data_dir, suite.files)
    rows = suite.load(data_dir)[:limit] if limit else suite.load(data_dir)
    records = extract_records(suite.inputs(rows), nlp=nlp)
    if records_dir is not None:
        records_dir.mkdir(parents=True, exist_ok=True)
        write_records(records, records_dir / f"{suite.name}.jsonl")
    whole = suite.score(rows, records)
    halves = split_rows(rows)
    result: dict[str, Any] = {
        "metrics": dict(whole.metrics), "details": dict(whole.details),
        "halves": {name: suite.score(part, records).metrics for name, part in halves.items()},
        "n": len(rows), "n_halves": {name: len(part) for name, part in halves.items()},
        "headline": suite.headline, "note": suite.note, "sha256": sha, "partial": bool(limit),
    }
    if suite.anchor is not None:
        anchored = suite.anchor(rows, records)
        result["metrics"].update(anchored.metrics)
        result["details"].update(anchored.details)
    pinned = load_pins().get(suite.name, {}).get("sha256")
    result["data"] = "new" if pinned is None else ("pinned" if pinned == sha else "changed")
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def load_baseline() -> dict[str, float]:
    """The pinned floors, by metric."""
    floors: dict[str, float] = _baseline().get("floors", {})
    return floors


def load_pins() -> dict[str, dict[str, Any]]:
    """The pinned development sets, by suite: their files, sha256 and size."""
    pins: dict[str, dict[str, Any]] = _baseline().get("sets", {})
    return pins


def _baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
