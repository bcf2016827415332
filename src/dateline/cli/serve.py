"""`dateline serve`: the REST API and web pages over a store (needs the `serve` extra)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dateline.store.db import DEFAULT_DB
from dateline.store.dialect import is_postgres_url


@click.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The store written by `dateline ingest`: an SQLite file or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--time-limit", type=click.FloatRange(min=0.01), default=5.0, show_default=True,
              help="Seconds a query may run before it is stopped with a 503.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (each with its own read connections).")
@click.option("--cache-mb", type=click.FloatRange(min=0), default=None,
              help="MB of API answers each process keeps until the store changes (0: none)"
              " [default: the serve_cache_mb setting, 64].")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve_command(db: str, host: str, port: int, time_limit: float, workers: int, cache_mb: float | None,
                  log_level: str) -> None:
    """Serve the store: JSON under /api (OpenAPI at /openapi.json), pages at /.

    Read-only unless an API key is configured (DATELINE_API_KEY): then POST /api/articles with
    the key in X-API-Key ingests records."""
    try:
        import uvicorn

        from dateline import settings
        from dateline.serve.app import SERVE_CACHE_MB_ENV, SERVE_DB_ENV, SERVE_TIME_LIMIT_ENV, create_app
    except ImportError as exc:
        raise click.ClickException(f"dateline serve needs the serve extra (pip install 'dateline[serve]'): {exc}") from None
    postgres = is_postgres_url(db)
    if not postgres and not Path(db).exists():
        raise click.BadParameter(f"no database at {db}", param_hint="--db")
    if cache_mb is None:
        cache_mb = settings.get().serve_cache_mb
    if workers == 1:
        uvicorn.run(create_app(db, time_limit=time_limit, cache_mb=cache_mb), host=host, port=port,
                    log_level=log_level)
        return
    # Several processes: each builds its own app from the environment.
    os.environ[SERVE_DB_ENV] = db if postgres else str(Path(db).resolve())
    os.environ[SERVE_TIME_LIMIT_ENV] = str(time_limit)
    os.environ[SERVE_CACHE_MB_ENV] = str(cache_mb)
    uvicorn.run("dateline.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level)


COMMANDS = [serve_command]
