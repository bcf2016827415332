"""The JSON API under ``/api``: every list pages by an opaque ``cursor`` (``items``, ``next``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from dateline.serve import events as ev
from dateline.serve import queries
from dateline.serve.db import QuickOverrun, Reader
from dateline.serve.errors import ApiError
from dateline.serve.writes import MAX_BODY_BYTES, check_key, export_formats, export_stream

MAX_PAGE = 500  # rows per page at most; walk further with `next`
DEFAULT_PAGE = 50
# How long a list page's read may hold the event loop before it is stopped and run in a thread.
QUICK_SECONDS = 0.025

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Cursor = Annotated[str | None, Query(max_length=512, description="The `next` token of the previous page.")]
Since = Annotated[date | None, Query(description="On or after this ISO date.")]
Until = Annotated[date | None, Query(description="On or before this ISO date.")]
Words = Annotated[str | None, Query(max_length=500, description="Full-text words, all required; word* for a prefix.")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, either side.")]
CountryPath = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code.")]


def _reader(request: Request) -> Any:
    return request.app.state.reader


class FastJSONResponse(JSONResponse):
    """JSON rendered by orjson: five times quicker than the standard library on a page of 50
    events, and byte for byte the same output for what the API returns (compact, UTF-8, keys as
    strings). A value orjson refuses (an integer past 64 bits in a posted record) falls back."""

    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
        except TypeError:
            return super().render(content)


def _json(content: Any) -> JSONResponse:
    return FastJSONResponse(content)


async def _quick_read(reader: Reader, read: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A page of events or a series read on the event loop: most take a millisecond or two, and a
    worker thread would cost a hand-off each way and GIL contention with the other threads (~15%
    of the server's CPU under load). A read whose statement runs past QUICK_SECONDS is stopped
    and run again in a worker thread under the full time limit, so a slow query holds the loop
    that long at most. Reads only, so running one twice is harmless."""
    try:
        with reader.quick(QUICK_SECONDS):
            return read(*args, **kwargs)
    except QuickOverrun:
        return await run_in_threadpool(read, *args, **kwargs)


def _plain_snippets(result: dict[str, Any]) -> dict[str, Any]:
    """Snippets as the CLI shows them: the matched words in [brackets]."""
    for item in result["items"]:
        if item.get("snippet"):
            item["snippet"] = item["snippet"].replace(queries.MARK_OPEN, "[").replace(queries.MARK_CLOSE, "]")
    return result


def _updated_since(value: str | None) -> str | None:
    """An ISO date or date-time, as the store's ``ingested_at`` text (UTC, seconds, Z)."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "bad_parameter", f"updated_since {value!r} is not an ISO date or date-time",
                       detail=[{"loc": ["query", "updated_since"]}]) from None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


# -- articles --------------------------------------------------------------------------------------------
@router.get("/articles", summary="Articles, filtered, in the order they were stored")
def articles(request: Request, q: Words = None, since: Since = None, until: Until = None,
             publisher: Annotated[str | None, Query(max_length=200)] = None,
             language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
             updated_since: Annotated[str | None, Query(max_length=40, description="Stored on or after this"
                                                        " ISO date-time (UTC unless it says otherwise).")] = None,
             cursor: Cursor = None, limit: Limit = DEFAULT_PAGE) -> JSONResponse:
    return _json(_plain_snippets(queries.list_articles(
        _reader(request), q=q, since=since, until=until, publisher=publisher, language=language,
        updated_since=_updated_since(updated_since), cursor=cursor, limit=limit)))


@router.get("/articles/{article_id}", summary="One article's dateline/1 record")
def article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> JSONResponse:
    record = queries.article_record(_reader(request), article_id)
    if record is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    return _json(record)


@router.post("/articles", summary="Ingest records (needs X-API-Key)", status_code=201, openapi_extra={
    "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}}}}})
async def post_articles(request: Request,
                        x_api_key: Annotated[str | None, Header(max_length=500)] = None) -> JSONResponse:
    check_key(x_api_key, request.app.state.api_key())
    size = request.headers.get("content-length")
    if size and size.isdigit() and int(size) > MAX_BODY_BYTES:
        raise ApiError(413, "payload_too_large", f"the body is over {MAX_BODY_BYTES} bytes")
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise ApiError(413, "payload_too_large", f"the body is over {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(422, "bad_record", "the body is not JSON") from None
    result = await run_in_threadpool(request.app.state.ingester.ingest, body)
    return JSONResponse(result, status_code=201)


# -- quotes and actors ---------------------------------------------------------------------------------------
@router.get("/quotes", summary="Quotes by speaker, words and date")
def quotes(request: Request,
           speaker: Annotated[str | None, Query(max_length=200, description="Name or mention (substring)"
                                                " or actor code (RUSGOV).")] = None,
           q: Words = None, since: Since = None, until: Until = None, cursor: Cursor = None,
           limit: Limit = DEFAULT_PAGE) -> JSONResponse:
    return _json(queries.list_quotes(_reader(request), speaker=speaker, q=q, since=since, until=until,
                                     cursor=cursor, limit=limit))


@router.get("/actors", summary="Speakers and event actors, by name")
def actors(request: Request, q: Annotated[str | None, Query(max_length=200)] = None, cursor: Cursor = None,
           limit: Limit = DEFAULT_PAGE) -> JSONResponse:
    return _json(queries.list_actors(_reader(request), q=q, cursor=cursor, limit=limit))


@router.get("/actors/{actor_id}", summary="An actor: what they said, the events they took part in")
def actor(request: Request, actor_id: Annotated[str, Path(max_length=200)],
          limit: Limit = DEFAULT_PAGE) -> JSONResponse:
    reader = _reader(request)
    summary = queries.actor_summary(reader, actor_id)
    if summary is None:
        raise ApiError(404, "not_found", f"no actor {actor_id!r}")
    said = queries.list_quotes(reader, exact_speaker=summary["name"], limit=limit)
    acted = ev.list_events(reader, ev.EventFilter(actor=summary["name"], include_negated=True), limit=limit)
    return _json(summary | {"quotes": said, "events": acted})


# -- events --------------------------------------------------------------------------------------------------
def event_filter(actor: str | None, country: str | None, dyad: str | None, directed: bool, type: str | None,
                 cameo: str | None, quad: int | None, since: date | None, until: date | None,
                 min_confidence: float | None, include_negated: bool) -> ev.EventFilter:
    pair = tuple(dyad.upper().split("-")) if dyad else None
    return ev.EventFilter(actor=actor, country=country.upper() if country else None,
                          dyad=pair, directed=directed,  # type: ignore[arg-type]
                          type=type.upper() if type else None, cameo=cameo, quad=quad, since=since, until=until,
                          min_confidence=min_confidence, include_negated=include_negated)


@router.get("/events", summary="Events: who did what to whom, when")
async def events(request: Request,
           actor: Annotated[str | None, Query(max_length=200, description="Actor code (RUSGOV) or name.")] = None,
           country: Country = None,
           dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$",
                                             description="Two countries, e.g. BLR-RUS (either way round"
                                             " unless directed=true).")] = None,
           directed: bool = False,
           type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,20}$", description="PLOVER type.")] = None,
           cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix.")] = None,
           quad: Annotated[int | None, Query(ge=1, le=4, description="GDELT QuadClass, from the CAMEO root.")] = None,
           since: Since = None, until: Until = None,
           min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
           include_negated: bool = False, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE) -> JSONResponse:
    f = event_filter(actor, country, dyad, directed, type, cameo, quad, since, until, min_confidence,
                     include_negated)
    reader = _reader(request)
    return _json(await _quick_read(reader, ev.list_events, reader, f, cursor=cursor, limit=limit))


@router.get("/events/{event_id}", summary="One event and its mentions: why it is here")
def event(request: Request, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> JSONResponse:
    found = ev.event_detail(_reader(request), event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    return _json(found)


@router.get("/dyads/{a}/{b}/series", summary="A dyad's events per period and QuadClass, mean Goldstein")
async def dyad_series(request: Request, a: CountryPath, b: CountryPath,
                interval: Literal["day", "week", "month"] = "month", directed: bool = False,
                since: Since = None, until: Until = None, include_negated: bool = False) -> JSONResponse:
    f = ev.EventFilter(directed=directed, since=since, until=until, include_negated=include_negated)
    reader = _reader(request)
    return _json(await _quick_read(reader, ev.dyad_series, reader, request.app.state.article_counts, a.upper(),
                                   b.upper(), interval, f))


@router.get("/countries/{country}/changes", summary="This week against the 4- and 52-week averages")
def country_changes(request: Request, country: CountryPath,
                    as_of: Annotated[date | None, Query(description="The week's last day (default: the"
                                                        " country's latest event).")] = None) -> JSONResponse:
    return _json(ev.country_changes(_reader(request), country.upper(), as_of))


@router.get("/map", summary="Events per country in a date range (for the map)")
def map_counts(request: Request, since: Since = None, until: Until = None) -> JSONResponse:
    return _json(ev.map_counts(_reader(request), since, until))


@router.get("/search", summary="Articles ranked by relevance, with matching quotes and actors")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], cursor: Cursor = None,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> JSONResponse:
    return _json(_plain_snippets(queries.search(_reader(request), q, cursor=cursor, limit=limit)))


MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "gdelt": "text/tab-separated-values",
         "gdelt-mentions": "text/tab-separated-values", "icews": "text/tab-separated-values"}


@router.get("/export", summary="Every matching event in an export format, streamed (no cap)")
def export(request: Request, format: Annotated[str, Query(max_length=40, description="A format of"
                                                          " `dateline export`.")] = "csv",
           actor: Annotated[str | None, Query(max_length=200)] = None, country: Country = None,
           dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")] = None,
           directed: bool = False,
           type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,20}$")] = None,
           cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$")] = None,
           quad: Annotated[int | None, Query(ge=1, le=4)] = None, since: Since = None, until: Until = None,
           min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
           include_negated: bool = False) -> StreamingResponse:
    formats = export_formats()
    if format not in formats:
        raise ApiError(422, "bad_parameter", f"format must be one of {', '.join(formats)}",
                       detail=[{"loc": ["query", "format"]}])
    f = event_filter(actor, country, dyad, directed, type, cameo, quad, since, until, min_confidence,
                     include_negated)
    media = MEDIA.get(format, "application/octet-stream")
    suffix = {"jsonl": "jsonl", "csv": "csv"}.get(format, "tsv")
    return StreamingResponse(export_stream(_reader(request), f, format), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="events.{suffix}"'})
