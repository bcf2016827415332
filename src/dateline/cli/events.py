"""CLI for events: `dateline export`, `dateline events`, `dateline actors import-phoenix`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import click

from dateline.actors import layers, phoenix
from dateline.cli.terminal import DB_HELP, echo
from dateline.output.export import FORMATS, export
from dateline.record import Article, article_from_dict
from dateline.store.db import DEFAULT_DB, Store
from dateline.store.dialect import is_postgres_url
from dateline.store.events import EventQuery, find_events


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value[:10]


def _stored(db: str, query: EventQuery) -> Iterator[tuple[Article, list[int]]]:
    with Store(db) as store:
        hits = find_events(store.conn, query)
        by_article: dict[int, list[int]] = {}
        for rowid, seq in hits:
            by_article.setdefault(rowid, []).append(seq)
        for rowid, seqs in by_article.items():
            row = store.conn.execute("SELECT record FROM articles WHERE rowid = ?", (rowid,)).fetchone()
            if row is not None:
                yield article_from_dict(json.loads(row[0])), seqs


@click.command("export")
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="gdelt: the 61 GDELT 2.0 event columns; gdelt-mentions: its 16 mention columns; icews: the 20 "
                   "ICEWS columns; csv: tidy, with the date interval; jsonl: one happening per line; parquet: "
                   "the articles, events, quotes and mentions tables in the folder -o names.")
@click.option("--db", default=None, help="Export from this store, an SQLite file or a postgresql:// URL (the same as giving it as an input).")
@click.option("--since", callback=_date, help="Only events dated on or after this ISO date.")
@click.option("--until", callback=_date, help="Only events dated on or before this ISO date.")
@click.option("-o", "--output", default="-", help="Output file (default: standard output); for parquet, a folder.")
@click.option("--header/--no-header", default=None, help="Column header line (default: on for icews and csv).")
@click.option("--include-negated", is_flag=True,
              help="Keep negated events ('did not retaliate') in csv, jsonl and parquet; never in gdelt/icews.")
@click.option("--all-modalities", is_flag=True,
              help="Keep intended, possible and requested events too (default: asserted and reported only).")
def export_command(inputs: tuple[str, ...], fmt: str, db: str | None, since: str | None, until: str | None,
                   output: str, header: bool | None, include_negated: bool, all_modalities: bool) -> None:
    """Export coded events from stores (dateline ingest) and JSON Lines records (dateline extract).

    One event per happening: the reports of one story's articles that share date, dyad and CAMEO
    root are one event, counted over articles and publishers. See docs/exports.md."""
    from dateline.errors import DatelineError
    from dateline.output.happenings import Selection
    from dateline.output.inputs import read_stories

    paths = inputs + ((db,) if db else ())
    if not paths:
        raise click.UsageError("give stores or extract output files (or - for stdin) to export")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet writes a folder: give it with -o DIR")
    if include_negated and fmt in ("gdelt", "gdelt-mentions", "icews"):
        raise click.UsageError(f"{fmt} rows say what happened: --include-negated is for csv, jsonl and parquet")
    selection = Selection(include_negated=include_negated, all_modalities=all_modalities, since=since, until=until)
    try:
        stories = list(read_stories(paths))
    except DatelineError as err:
        click.echo(f"dateline export: error {err.code.value}: {err.message}", err=True)
        sys.exit(2)
    if fmt == "parquet":
        rows = export(stories, fmt, selection=selection, directory=output)
    else:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        try:
            rows = export(stories, fmt, out, selection=selection, header=header)
        finally:
            if out is not sys.stdout:
                out.close()
    click.echo(f"{rows} {'events' if fmt != 'gdelt-mentions' else 'mentions'}", err=True)


def _dyad(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise click.BadParameter(f"{value!r} is not SOURCE-TARGET ISO3 codes like RUS-BLR")
    return parts[0], parts[1]


@click.command("events")
@click.option("--actor", help="Actor name (substring), code (RUSGOV) or article actor id.")
@click.option("--country", help="ISO3 country on either side.")
@click.option("--dyad", callback=_dyad, help="SOURCE-TARGET countries, e.g. RUS-BLR.")
@click.option("--type", "etype", help="PLOVER event type, e.g. AGREE.")
@click.option("--since", callback=_date, help="On or after this ISO date.")
@click.option("--until", callback=_date, help="On or before this ISO date.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events_command(actor: str | None, country: str | None, dyad: tuple[str, str] | None, etype: str | None,
                   since: str | None, until: str | None, db: str, limit: int, as_json: bool) -> None:
    """List stored events: who did what to whom, when."""
    if not is_postgres_url(db) and not Path(db).exists():
        raise click.BadParameter(f"no database at {db}", param_hint="--db")
    query = EventQuery(actor=actor, country=country, dyad=dyad, type=etype, since=since, until=until,
                       limit=limit)
    if as_json:
        for article, seqs in _stored(db, query):
            for seq in seqs:
                event = asdict(article.events[seq])
                click.echo(json.dumps({"article_id": article.id, "event_index": seq, "url": article.source.url,
                                       **event}, ensure_ascii=False))
        return
    for article, seqs in _stored(db, query):
        for seq in seqs:
            e = article.events[seq]
            src = "+".join(a.code or a.name for a in e.source) or "?"
            tgt = "+".join(a.code or a.name for a in e.target) or "-"
            flags = ("NOT " if e.negated else "") + ("" if e.modality == "asserted" else f"[{e.modality}] ")
            date = (e.date.earliest if e.date and e.date.earliest else article.anchor_date) or "????-??-??"
            echo(f"{date}  {src} {flags}{e.type} ({e.cameo}) {tgt}  «{e.trigger.text}»  "
                       f"conf {e.confidence:.2f}  — {article.headline or article.id}")


@click.group("actors")
def actors_group() -> None:
    """Actor dictionaries used by the event coder."""


@actors_group.command("import-phoenix")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--name", default="phoenix", show_default=True,
              help="Layer name (an import under a name already used replaces that layer).")
def import_phoenix(paths: tuple[str, ...], name: str) -> None:
    """Load PETRARCH/Phoenix .actors.txt files (or a folder of them) as a named actor layer in the
    data folder (setting data_dir); every later run uses it until `dateline actors remove NAME`."""
    if not layers.valid_name(name):
        raise click.BadParameter(f"{name!r}: letters, digits, '_', '-', '.' only (and not 'builtin')",
                                 param_hint="--name")
    layer = phoenix.import_layer(name, [Path(p) for p in paths])
    if layer is None:
        raise click.UsageError("no actor entries found in " + ", ".join(paths))
    click.echo(f"layer {layer.name}: {layer.entries} dated roles → {layer.path}")


@actors_group.command("layers")
def list_layers() -> None:
    """The actor layers every run uses, in the order they are laid (a later one wins on a date)."""
    click.echo("name\tsource\tentries\timported")
    for layer in layers.all_layers():
        click.echo(f"{layer.name}\t{layer.source}\t{layer.entries}\t{layer.imported or '-'}")


@actors_group.command("remove")
@click.argument("name")
def remove_layer(name: str) -> None:
    """Remove the actor layer NAME from the data folder (the built-in table cannot be removed)."""
    if name == layers.BUILTIN:
        raise click.UsageError("the built-in table ships with the package and cannot be removed")
    layer = layers.remove_layer(name)
    if layer is None:
        known = ", ".join(lay.name for lay in layers.user_layers()) or "none"
        raise click.UsageError(f"no actor layer named {name!r} (layers: {known})")
    phoenix.get_layer.cache_clear()
    click.echo(f"removed layer {layer.name} ({layer.entries} dated roles, {layer.path})")


COMMANDS = [export_command, events_command, actors_group]
