"""`dateline batch`: both engines write exactly the records `extract` writes, and reruns add nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.scale.dataset import counts, open_table
from dateline.scale.spark import input_ranges, read_range
from dateline.scale.tables import SCHEMAS, event_id, to_tables

ROOT = Path(__file__).resolve().parents[2]
DATELINE = str(Path(sys.executable).parent / "dateline")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples, an undated story, and two inputs that must become error records."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "samples", folder / "samples")
    lines = [
        {"id": "harbour-1", "published": "2024-11-03", "text": "ODESA, Nov 3 (Wire) - Port officials said on "
         "Sunday that grain ships would resume sailing next week after talks with insurers."},
        {"id": "no-text", "title": "a record with nothing to read"},
    ]
    with open(folder / "extra.jsonl", "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line) + "\n")
        fh.write("{not json\n")
    return folder


def records_of(output: Path) -> list[str]:
    table = open_table(output, "articles")
    assert table is not None
    return sorted(json.dumps(json.loads(r), sort_keys=True) for r in table.to_table().column("record").to_pylist())


def extract_records(corpus: Path) -> list[str]:
    out = subprocess.run([DATELINE, "extract", str(corpus)], capture_output=True, text=True, check=True).stdout
    return sorted(json.dumps(json.loads(line), sort_keys=True) for line in out.splitlines())


def test_tables_are_typed_and_ids_stable():
    record = {"id": "x", "published": "2025-03-04T08:30:00+00:00", "text": "t", "events": [
        {"type": "PROTEST", "cameo": "141", "quad": 4, "source": [{"name": "Teachers", "code": "KENEDU",
         "country": "KEN"}], "target": [], "negated": False, "confidence": 0.5,
         "sentence": {"start": 0, "end": 1}, "trigger": {"text": "t", "start": 0, "end": 1}}]}
    tables = to_tables([record])
    assert tables["articles"].schema == SCHEMAS["articles"]
    events = tables["events"].to_pylist()
    assert events[0]["cameo_root"] == "14" and events[0]["source_countries"] == ["KEN"]
    assert (events[0]["year"], events[0]["month"]) == (2025, 3)
    assert events[0]["event_id"] == event_id("x", 0) == tables["mentions"].to_pylist()[0]["event_id"]
    assert 0 < event_id("x", 0) < 2**63


def test_jsonl_ranges_cover_every_line(tmp_path: Path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": f"Item {i} said."}) + "\n" for i in range(50)))
    tasks = input_ranges([str(path)], range_bytes=200)
    assert len(tasks) > 5
    ids = [raw.id for task in tasks for raw in read_range(*task, max_bytes=10_000)]
    assert ids == [f"n{i}" for i in range(50)]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_writes_what_extract_writes(corpus: Path, tmp_path: Path, workers: int):
    out = tmp_path / "out"
    cmd = [DATELINE, "batch", str(corpus), str(out), "--workers", str(workers), "--chunk-size", "3",
           "--parse-chars", "600"]  # groups of one to four articles: the records do not change
    subprocess.run(cmd, check=True, capture_output=True)
    expected = extract_records(corpus)
    assert records_of(out) == expected
    errors = open_table(out, "articles").to_table(columns=["error_code"]).column("error_code").to_pylist()
    assert len([c for c in errors if c]) == 2  # the record without text, the broken line
    first = counts(out)
    again = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    assert "already done" in again and counts(out) == first


@pytest.mark.slow
@pytest.mark.spark
def test_spark_engine_writes_what_extract_writes(corpus: Path, tmp_path: Path):
    pytest.importorskip("pyspark")
    out = tmp_path / "spark"
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    cmd = [DATELINE, "batch", str(corpus), str(out), "--engine", "spark", "--master", "local[2]"]
    subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=600)
    assert records_of(out) == extract_records(corpus)
    first = counts(out)
    assert first["events"] > 0 and first["quotes"] > 0
    subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=600)
    assert counts(out) == first
