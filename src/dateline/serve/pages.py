"""The web pages: Jinja2 templates (autoescaped), htmx for the search list, ECharts for charts.

Pages read through the same query functions as the API, so a page and its JSON always agree.
Chart data goes into the page as JSON inside ``<script type="application/json">`` (Jinja's
``tojson`` escapes ``<``, ``>`` and ``&``), never as markup.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dateline.serve import events as ev
from dateline.serve import queries
from dateline.serve.api import MAX_PAGE, event_filter
from dateline.serve.errors import ApiError
from dateline.serve.highlight import actor_href, highlight, marked_snippet, marks_of
from dateline.serve.quad import QUADS

STATIC_FILES = {  # vendored from the npm registry; versions in the names (see NOTICE.md)
    "htmx": "htmx-2.0.11.min.js",
    "echarts": "echarts-6.1.0.min.js",
    "topojson": "topojson-client-3.1.0.min.js",
    "world": "world-atlas-2.0.2-countries-110m.json",
}

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html"], default=True))
_env.filters["actor_href"] = actor_href
_env.filters["snippet"] = lambda s: marked_snippet(s, queries.MARK_OPEN, queries.MARK_CLOSE)
_env.globals["static"] = STATIC_FILES
_env.globals["quads"] = QUADS
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)
Cursor = Annotated[str | None, Query(max_length=512)]
Country = Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$")]


def _reader(request: Request) -> Any:
    return request.app.state.reader


# A form sends its empty fields as `since=`: on a page that means no filter, not a bad date.
FormDate = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}-\d{2}-\d{2})?$")]


def _form_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "bad_parameter", f"{name} {value!r} is not a calendar date") from None


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, err: ApiError) -> HTMLResponse:
    return render(request, "error.html", status=err.status, error=err)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
          since: FormDate = None, until: FormDate = None,
          publisher: Annotated[str | None, Query(max_length=200)] = None, cursor: Cursor = None,
          limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 25) -> HTMLResponse:
    q = q.strip() if q else None
    first, last = _form_date(since, "since"), _form_date(until, "until")
    found = queries.list_articles(_reader(request), q=q or None, since=first, until=last,
                                  publisher=publisher or None, cursor=cursor, limit=limit)
    params = {k: v for k, v in {"q": q, "since": since, "until": until, "publisher": publisher,
                                 "limit": limit}.items() if v}
    context: dict[str, Any] = {"found": found, "params": params, "q": q or ""}
    if request.headers.get("HX-Request"):  # htmx asks for the rows only
        return render(request, "_article_rows.html", **context)
    return render(request, "index.html", **context)


def _event_ids(request: Request, article_rowid: int) -> dict[int, int]:
    rows = _reader(request).rows("SELECT seq, rowid FROM events WHERE article_rowid = ?", (article_rowid,))
    return {r["seq"]: r["rowid"] for r in rows}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Annotated[str, PathParam(max_length=300)]) -> HTMLResponse:
    row = queries.article_row(_reader(request), article_id)
    if row is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    record = json.loads(row["record"])
    event_ids = _event_ids(request, row["rowid"])
    body = highlight(record.get("text") or "", marks_of(record, event_ids))
    return render(request, "article.html", record=record, body=body, event_ids=event_ids,
                  record_json=json.dumps(record, ensure_ascii=False, indent=2))


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    reader = _reader(request)
    summary = queries.actor_summary(reader, actor_id[:200])
    if summary is None:
        raise ApiError(404, "not_found", f"no actor {actor_id[:200]!r}")
    said = queries.list_quotes(reader, exact_speaker=summary["name"], limit=100)
    acted = ev.list_events(reader, ev.EventFilter(actor=summary["name"], include_negated=True), limit=100)
    return render(request, "actor.html", actor=summary, said=said, acted=acted)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: Country, b: Country, directed: bool = False) -> HTMLResponse:
    a, b = a.upper(), b.upper()
    series = ev.dyad_series(_reader(request), request.app.state.article_counts, a, b, "month",
                            ev.EventFilter(directed=directed))
    return render(request, "dyad.html", a=a, b=b, directed=directed, series=series)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: Annotated[str | None, Query(max_length=200)] = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")] = None,
                directed: bool = False, type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,20}$")] = None,
                cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$")] = None,
                quad: Annotated[int | None, Query(ge=1, le=4)] = None, since: FormDate = None,
                until: FormDate = None, include_negated: bool = False, cursor: Cursor = None) -> HTMLResponse:
    first, last = _form_date(since, "since"), _form_date(until, "until")
    f = event_filter(actor, country, dyad, directed, type, cameo, quad, first, last, None, include_negated)
    found = ev.list_events(_reader(request), f, cursor=cursor, limit=100)
    params = {k: v for k, v in {"actor": actor, "country": country, "dyad": dyad, "type": type, "cameo": cameo,
                                 "quad": quad, "since": since, "until": until}.items() if v}
    if directed:
        params["directed"] = "true"
    if include_negated:
        params["include_negated"] = "true"
    return render(request, "events.html", found=found, params=params)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[int, PathParam(ge=1, le=2**62)]) -> HTMLResponse:
    found = ev.event_detail(_reader(request), event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    return render(request, "event.html", event=found)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    first, last = ev.date_span(_reader(request))
    return render(request, "map.html", first=first, last=last)
