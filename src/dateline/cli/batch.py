"""``dateline batch``: extract a corpus into Parquet datasets, on a process pool or on Spark;
``dateline load``: such a batch output into a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dateline.cli.main import max_bytes_option, model_option, published_option
from dateline.cli.terminal import DB_HELP
from dateline.pipeline import Options
from dateline.store.db import DEFAULT_DB
from dateline.store.dialect import display_name

# A worker's parse of one group peaks at ~3.5 kB a character: 20,000 characters (four articles of
# typical length) keep it near 70 MB, while an article twice that size is parsed alone.
BATCH_PARSE_CHARS = 20_000


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="A process pool on this machine, or Spark.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="local: worker processes (each loads the model once).")
@click.option("--master", default="local[*]", show_default=True,
              help="spark: the master URL (local[N], spark://host:port, yarn).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="local: inputs per task handed to a worker.")
@click.option("--parse-batch", type=click.IntRange(min=1), default=4, show_default=True,
              help="Articles parsed together in a worker; its peak memory grows with this.")
@click.option("--parse-chars", type=click.IntRange(min=1), default=BATCH_PARSE_CHARS, show_default=True,
              help="Characters parsed together at most (a longer article is parsed alone).")
@published_option
@model_option
@max_bytes_option
def batch(paths: tuple[str, ...], engine: str, workers: int, master: str, chunk_size: int, parse_batch: int,
          parse_chars: int, published: str | None, model: str | None, max_bytes: int) -> None:
    """Extract INPUT... into OUTPUT (the last argument): Parquet datasets OUTPUT/articles, events,
    quotes and mentions, partitioned by year and month. Inputs already in OUTPUT are skipped, so
    a rerun adds only what is new."""
    if len(paths) < 2:
        raise click.UsageError("give one or more INPUT paths and then the OUTPUT folder")
    *inputs, out = paths
    output = Path(out)
    if output.exists() and not output.is_dir():
        raise click.BadParameter(f"{out} exists and is not a folder", param_hint="OUTPUT")
    options = Options(published=published, max_bytes=max_bytes, model=model, batch_size=parse_batch,
                      parse_chars=parse_chars)
    if engine == "spark":
        try:
            from dateline.scale.spark import run_spark
        except ImportError:
            click.echo("dateline: the spark engine needs pyspark (pip install 'dateline[spark]')", err=True)
            sys.exit(2)
        written = run_spark(list(inputs), output, options, master=master)
        click.echo(f"{out}: {written} new article records")
        return
    from dateline.ingest.files import read_inputs
    from dateline.scale.local import run_local

    report = run_local(read_inputs(inputs, max_bytes), output, options, workers=workers, chunk_size=chunk_size)
    click.echo(f"{out}: {report}")


@click.command()
@click.argument("output", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
def load(output: str, db: str) -> None:
    """Load a `dateline batch` OUTPUT folder (its Parquet articles, error records included) into the
    store: the same rows `ingest` gives for the same inputs; loading twice adds nothing."""
    from dateline.scale.load import load as load_output

    report = load_output(Path(output), db)
    click.echo(f"{display_name(db)}: {report}")


COMMANDS = [batch, load]
