"""The FastAPI application behind ``dateline serve``: the JSON API, the pages, the static files.

``create_app(db)`` opens the store once (so its migrations run), then serves it read-only; POST
/api/articles writes only when an API key is configured. Every error is JSON with a code from
``serve.errors`` for the API, and a plain page for the UI — never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import settings
from dateline.serve import api, pages
from dateline.serve.cache import AnswerCache, CachedAnswers
from dateline.serve.db import DEFAULT_TIME_LIMIT
from dateline.serve.errors import ApiError
from dateline.serve.events import ArticleCounts
from dateline.serve.readers import open_reader
from dateline.serve.writes import Ingester, configured_api_key
from dateline.store.db import Store

log = logging.getLogger("dateline.serve")
STATIC = Path(__file__).parent / "static"
# How `serve --workers N` hands its store and time limit to each worker (read back by dateline.settings).
SERVE_DB_ENV = settings.ENV_PREFIX + "SERVE_DB"
SERVE_TIME_LIMIT_ENV = settings.ENV_PREFIX + "SERVE_TIME_LIMIT"
SERVE_CACHE_MB_ENV = settings.ENV_PREFIX + "SERVE_CACHE_MB"
DEFAULT_CACHE_MB = 64.0


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, err: ApiError) -> Response:
    if _wants_json(request):
        return JSONResponse(err.body(), status_code=err.status)
    return pages.error_page(request, err)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only the parts that are plain data: `ctx` can hold exception objects.
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        where = ", ".join(".".join(d["loc"][1:]) or d["loc"][0] for d in detail if d["loc"]) or "the request"
        return _error(request, ApiError(422, "bad_parameter", f"malformed or out of range: {where}", detail))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "payload_too_large"}.get(
            exc.status_code, "bad_parameter")
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return _error(request, ApiError(exc.status_code, code, message))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unexpected failure on %s", request.url.path)
        return _error(request, ApiError(500, "internal", f"unexpected failure: {type(exc).__name__}"))


# Threads running the (blocking) SQLite reads of one process. SQLite lets go of the GIL while a
# statement runs, so a few threads overlap reads with the rest; anyio's default of 40 only adds
# GIL hand-offs, a connection (and page cache) per thread, and ~90 MB of memory under load.
READ_THREADS = 8


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
    try:
        yield
    finally:  # a PostgreSQL store's pooled sessions end with the app, not at the server's exit
        app.state.reader.close()
        app.state.answer_cache.close()


def create_app(db: str | Path, time_limit: float = DEFAULT_TIME_LIMIT,
               api_key: Callable[[], str | None] = configured_api_key,
               cache_mb: float = DEFAULT_CACHE_MB) -> FastAPI:
    """The app over the store at ``db`` — an SQLite file or a ``postgresql://`` URL (created and
    migrated when missing); ``cache_mb`` of API answers kept per process until the store changes
    (``serve.cache``; 0: none)."""
    Store(db).close()  # runs the migrations once, before the read-only connections open
    app = FastAPI(title="dateline", version="1", lifespan=_lifespan,
                  description="Articles, quotes, actors and events from the dateline store. Lists page by an"
                  " opaque `cursor` (`items`, `next`); errors are JSON `{\"error\": {\"code\", \"message\"}}`.")
    app.state.reader = open_reader(db, time_limit)
    app.state.ingester = Ingester(str(db))
    app.state.api_key = api_key
    app.state.article_counts = ArticleCounts()
    app.state.answer_cache = AnswerCache(db, int(cache_mb * 1024 * 1024))
    app.add_middleware(CachedAnswers, cache=app.state.answer_cache)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn's worker processes call (``serve --workers``)."""
    config = settings.get()
    if config.serve_db is None:
        raise RuntimeError(f"{SERVE_DB_ENV} is not set: start the server with `dateline serve --db FILE`")
    return create_app(config.serve_db, time_limit=config.serve_time_limit, cache_mb=config.serve_cache_mb)
