"""``batch --engine spark``: the same batch function inside Spark's ``mapInPandas``.

The driver lists the input files and cuts large JSON Lines files into ranges of whole lines;
each task reads its range with the readers ``extract`` uses, so ids, metadata and error records
are the same as ``extract`` writes. Every executor process loads the model once and runs
:func:`~dateline.pipeline.process_batch` over Arrow batches of a few hundred inputs. The
records are staged once as Parquet, then flattened into the four tables; ids already in OUTPUT
are left out before the write, so a rerun never duplicates.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dateline.ingest.files import expand_paths
from dateline.ingest.formats import JSONL_SUFFIXES
from dateline.pipeline import Options
from dateline.scale.spark_daemon import MODULE as DAEMON_MODULE
from dateline.scale.tables import PARTITION_COLUMNS, SCHEMAS, TABLE_NAMES

RANGE_BYTES = 8 * 1024 * 1024  # a JSON Lines file is cut into tasks of about this many bytes
BATCH_ROWS = 200  # Arrow batch size handed to mapInPandas
# Records handed back to Spark at a time: a record is ~40 kB of JSON, held as a string, in the
# frame and again as Arrow while the frame is sent, so 200 of them would be ~25 MB at a time.
OUT_ROWS = 16


def input_ranges(paths: list[str], range_bytes: int = RANGE_BYTES) -> list[tuple[str, int, int, int]]:
    """(path, first byte, end byte or -1, number of the first line) for every task."""
    tasks = []
    for p in expand_paths(paths):
        path = Path(p)
        if p == "-" or not path.is_file() or not path.name.lower().endswith((".jsonl", ".ndjson")):
            tasks.append((p, 0, -1, 1))
            continue
        tasks.extend(_line_ranges(path, range_bytes))
    return tasks


def _line_ranges(path: Path, range_bytes: int) -> Iterator[tuple[str, int, int, int]]:
    start, line, pos, lines = 0, 1, 0, 0
    with open(path, "rb") as fh:
        for raw in iter(lambda: fh.readline(1 << 20), b""):
            pos += len(raw)
            lines += raw.endswith(b"\n")
            if pos - start >= range_bytes and raw.endswith(b"\n"):
                yield str(path), start, pos, line
                start, line = pos, lines + 1
    if pos > start or start == 0:
        yield str(path), start, -1, line


def read_range(path: str, start: int, end: int, line: int, max_bytes: int) -> Iterator[Any]:
    """The raw inputs of one task, read as ``extract`` reads them."""
    from dateline.ingest.files import read_file
    from dateline.ingest.formats import read_jsonl

    p = Path(path)
    if end < 0 and start == 0 or not p.name.lower().endswith(JSONL_SUFFIXES):
        yield from read_file(p, max_bytes)
        return
    with open(p, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start) if end >= 0 else fh.read()
    yield from read_jsonl(data.splitlines(keepends=True), str(p), max_bytes, first_line=line)


def _extract_partition(options: Options) -> Callable[[Iterator[Any]], Iterator[Any]]:
    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import json

        import pandas as pd

        from dateline.pipeline import process_batch
        from dateline.scale import worker
        from dateline.scale.tables import year_month

        worker.prepare(options)  # once per Python worker process (Spark reuses them across tasks)

        def raws() -> Iterator[Any]:
            for frame in frames:
                for path, start, end, line in frame.itertuples(index=False):
                    yield from read_range(path, int(start), int(end), int(line), options.max_bytes)

        out: list[dict[str, Any]] = []
        for article in process_batch(raws(), options):
            record = article.to_dict()
            year, month = year_month(record)
            out.append({"id": str(record["id"]), "record": json.dumps(record, ensure_ascii=False),
                        "year": year, "month": month})
            if len(out) >= OUT_ROWS:
                yield pd.DataFrame(out)
                out = []
        if out:
            yield pd.DataFrame(out)
        worker.release()
    return run


def _flatten(name: str) -> Callable[[Iterator[Any]], Iterator[Any]]:
    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import json

        from dateline.scale.tables import ROWS, SCHEMAS

        schema = SCHEMAS[name]
        for frame in frames:
            rows = [row for text in frame["record"] for row in ROWS[name](json.loads(text))]
            import pyarrow as pa

            yield pa.Table.from_pylist(rows, schema=schema).to_pandas()
    return run


def session(master: str) -> Any:
    """A Spark session for one batch; on a local master everything binds to 127.0.0.1, no UI."""
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.master(master).appName("dateline-batch")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_ROWS))
               .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
               # Python workers forked from a daemon that has loaded the pipeline (spark_daemon.py)
               .config("spark.python.daemon.module", DAEMON_MODULE)
               .config("spark.python.worker.reuse", "false"))
    # Python workers run this interpreter (the one dateline is installed in), unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(paths: list[str], output: Path, options: Options, master: str = "local[*]",
              spark: Any = None) -> int:
    """Run the batch on Spark; returns the number of new article records written."""
    from pyspark.sql.pandas.types import from_arrow_schema

    own = spark is None
    spark = spark or session(master)
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="records-", dir=output))
    try:
        tasks = input_ranges(paths, _range_bytes(paths, spark.sparkContext.defaultParallelism))
        frame = _task_frame(spark, tasks)
        frame = frame.repartition(max(1, min(len(tasks), spark.sparkContext.defaultParallelism * 4)))
        records = frame.mapInPandas(_extract_partition(options),
                                    "id string, record string, year smallint, month tinyint")
        records = _only_new(spark, records, output)
        records.write.mode("overwrite").parquet(str(staging))
        staged = spark.read.parquet(str(staging))
        for name in TABLE_NAMES:
            table = staged.mapInPandas(_flatten(name), from_arrow_schema(SCHEMAS[name]))
            table.write.mode("append").partitionBy(*PARTITION_COLUMNS).parquet(str(output / name))
        return int(staged.count())
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if own:
            spark.stop()


def _task_frame(spark: Any, tasks: list[tuple[str, int, int, int]]) -> Any:
    """The tasks as a DataFrame, made in the driver through Arrow: a list of tuples would be
    turned into rows by Python workers, whose daemon would load the pipeline for nothing."""
    import pandas as pd

    columns = ["path", "start", "end", "line"]
    return spark.createDataFrame(pd.DataFrame(tasks, columns=columns).astype({c: "int64" for c in columns[1:]}),
                                 "path string, start long, end long, line long")


def _range_bytes(paths: list[str], parallelism: int) -> int:
    """Ranges small enough that even one file gives every core a few tasks, at most RANGE_BYTES."""
    total = sum(Path(p).stat().st_size for p in expand_paths(paths) if p != "-" and Path(p).is_file())
    return max(64 * 1024, min(RANGE_BYTES, total // max(1, 4 * parallelism)))


def _only_new(spark: Any, records: Any, output: Path) -> Any:
    articles = output / "articles"
    if not articles.is_dir() or not any(articles.rglob("*.parquet")):
        return records
    done = spark.read.parquet(str(articles)).select("id")
    return records.join(done, "id", "left_anti")
