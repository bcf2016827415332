"""`dateline load`: a batch's Parquet output (the local engine's, and Spark's) loaded into a store
gives the rows `ingest` gives for the same inputs — the same exports in every format — on SQLite
and on PostgreSQL, and loading twice adds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from test_backends import PINNED, exports, inputs, run  # noqa: E402, F401 - inputs is a fixture

from dateline.store.db import Store  # noqa: E402


def pin(db: str) -> None:
    with Store(db) as store, store.conn:
        store.conn.execute(PINNED)


def same_as_ingest(batch: Path, paths: list[str], tmp_path: Path, stores: list[tuple[str, str]]) -> None:
    """Each store, loaded from ``batch`` (twice), exports what a store ``ingest`` filled exports."""
    ingested = str(tmp_path / "ingested.db")
    run("ingest", *paths, "--db", ingested)
    pin(ingested)
    (tmp_path / "want").mkdir()
    want = exports(ingested, tmp_path / "want")
    for name, db in stores:
        said = run("load", str(batch), "--db", db)
        assert "9 stored" in said and "1 rejected" in said, said
        again = run("load", str(batch), "--db", db)
        assert "0 stored, 9 already there" in again, again
        pin(db)
        (tmp_path / name).mkdir()
        got = exports(db, tmp_path / name)
        for fmt in want:
            if fmt.startswith("parquet/"):  # a store's own row order: load's (path, id), ingest's as read
                assert sorted(map(str, got[fmt])) == sorted(map(str, want[fmt])), (name, fmt)  # type: ignore[call-overload]
            else:
                assert got[fmt] == want[fmt], (name, fmt)
        with Store(db) as loaded, Store(ingested) as direct:
            for table in ("articles", "quotes", "events", "event_actors", "event_dyads", "dyad_periods",
                          "stories", "rejected"):
                sql = f"SELECT count(*) FROM {table}"
                assert loaded.conn.execute(sql).fetchone()[0] == direct.conn.execute(sql).fetchone()[0], table
            assert [h["id"] for h in loaded.search("defence")] == [h["id"] for h in direct.search("defence")]


@pytest.mark.slow
def test_load_gives_what_ingest_gives_on_both_backends(inputs, tmp_path, postgres_url):  # noqa: F811
    batch = tmp_path / "batch"
    run("batch", "--engine", "local", *inputs, str(batch))
    same_as_ingest(batch, inputs, tmp_path, [("sqlite", str(tmp_path / "loaded.db")), ("postgresql", postgres_url)])


@pytest.mark.slow
@pytest.mark.spark
def test_load_of_sparks_output_gives_what_ingest_gives(inputs, tmp_path, postgres_url, monkeypatch):  # noqa: F811
    pytest.importorskip("pyspark")
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    batch = tmp_path / "spark"
    command = [str(Path(sys.executable).parent / "dateline"), "batch", *inputs, str(batch),
               "--engine", "spark", "--master", "local[2]"]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    same_as_ingest(batch, inputs, tmp_path, [("postgresql", postgres_url)])


def test_load_refuses_a_folder_without_a_batch_output(tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "E107" in result.output
