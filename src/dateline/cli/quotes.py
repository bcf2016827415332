"""`dateline quotes`: list stored quotes by speaker, topic and date."""

from __future__ import annotations

import json

import click

from dateline.cli.terminal import DB_HELP, echo
from dateline.store.db import DEFAULT_DB, Store
from dateline.store.quotes import find_quotes


@click.command("quotes")
@click.option("--speaker", metavar="NAME", help="Speaker name, mention or actor code (RUSGOV).")
@click.option("--about", metavar="TEXT", help="Words the quote must contain (full-text search).")
@click.option("--since", metavar="DATE", help="Only quotes from articles published on or after this ISO date.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of text.")
def quotes_command(speaker: str | None, about: str | None, since: str | None, db: str, limit: int,
                   as_json: bool) -> None:
    """List quotes with speaker, date and article."""
    if since is not None and not _is_date(since):
        raise click.BadParameter(f"{since!r} is not an ISO date (YYYY-MM-DD)", param_hint="--since")
    with Store(db) as store:
        rows = find_quotes(store.conn, speaker=speaker, about=about, since=since, limit=limit)
    for row in rows:
        if as_json:
            echo(json.dumps(row.__dict__, ensure_ascii=False))
            continue
        who = row.speaker or "(unknown)"
        code = f" [{row.speaker_code}]" if row.speaker_code else ""
        echo(f"{row.published or '????-??-??'}  {who}{code} {row.cue or ''}: “{row.text}”")
        echo(f"            — {row.headline or row.article_id}")


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


COMMANDS = [quotes_command]
