"""RSS and Atom feeds (``feedparser``), from a file or a URL, and the fetching of item pages.

A feed item becomes one input: its HTML content (or summary) by default, or — with
``fetch=True`` — the item's own page, downloaded by ``PoliteFetcher`` (dateline.ingest.fetch:
a deadline per URL and per run, retries with backoff, redirects checked at every hop,
robots.txt honoured for item pages).

Nothing raises: a feed that cannot be fetched becomes an E111 record (the items read before and after it are kept) whose payload says what to
fetch, so ``dateline ingest --retry-rejected`` fetches it again (``retry``). An item whose page
cannot be fetched, or yields no main text, keeps the feed's own summary as its text: the record
says so in ``meta.text_from = "feed_summary"`` and a W141 warning (``summary_input``; the
structure step falls back to ``meta.feed_summary`` when a page yields nothing). Only an item
with neither page nor summary is an E111 record, kept for a retry.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import Code, DatelineError
from dateline.ingest.fetch import Fetched, PoliteFetcher
from dateline.ingest.markup import flatten_deep
from dateline.ingest.raw import DEFAULT_MAX_BYTES, RawInput, content_id, from_bytes
from dateline.record import Source

FEED_SUFFIXES = (".rss", ".atom", ".rdf")

__all__ = ["FEED_SUFFIXES", "Fetched", "PoliteFetcher", "entries", "fetch_item", "read_feed", "retry"]


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", tuple(parsed))
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_html(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    summary = entry.get("summary")
    return str(summary) if summary else None


SUMMARY_KEY = "feed_summary"  # RawInput.meta: the item's summary, the text to fall back on


def summary_text(html: str | None) -> str | None:
    """A feed item's summary (HTML or plain) as plain text, its paragraphs split by blank lines."""
    if not html or not html.strip():
        return None
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # a summary that is not markup at all is its own text (lxml raises ParserError and others)
        return " ".join(html.split()) or None
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p) or None


def summary_input(record: dict[str, Any], why: str | None = None) -> RawInput | None:
    """The item as a text input built from its summary (``record["summary"]``), marked as such;
    ``why`` (the page's failure) goes into a W141 warning. None when the item has no summary."""
    text = summary_text(record.get("summary"))
    if text is None:
        return None
    raw = RawInput(id=str(record["id"]), text=text, title=record.get("title"), published=record.get("published"),
                   source=Source(path=record.get("feed"), url=record.get("url"), publisher=record.get("publisher")),
                   meta={"feed": record.get("feed"), "text_from": SUMMARY_KEY})
    if why:
        raw.warnings.append(DatelineError(Code.FEED_SUMMARY, why))
    return raw


def entries(data: bytes, feed_ref: str, fetcher: PoliteFetcher | None, max_bytes: int) -> Iterator[RawInput]:
    """The items of a parsed feed as RawInputs (their pages fetched when ``fetcher`` is given)."""
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # feedparser on hostile bytes: the feed is one rejection
        yield RawInput(id=content_id(feed_ref), source=Source(path=feed_ref),
                       error=DatelineError(Code.UNREADABLE, f"{feed_ref}: not a feed ({type(exc).__name__})"))
        return
    if not data.strip():
        yield RawInput(id=content_id(feed_ref), source=Source(path=feed_ref),
                       error=DatelineError(Code.EMPTY, f"{feed_ref}: an empty feed"))
        return
    if not feed.entries and feed.get("bozo"):
        yield RawInput(id=content_id(feed_ref), source=Source(path=feed_ref),
                       error=DatelineError(Code.UNREADABLE, f"{feed_ref}: not a feed ({feed.get('bozo_exception')})"))
        return
    publisher = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link") if isinstance(entry.get("link"), str) else None
        item_id = str(entry.get("id") or link or content_id(json.dumps(entry, default=str)))
        record = {"id": item_id, "url": link, "title": entry.get("title"), "publisher": publisher,
                  "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
                  or entry.get("published") or entry.get("updated"),  # unparsed: ingest/dates.py reads it
                  "feed": feed_ref, "summary": entry.get("summary")}
        if fetcher is not None and link:
            yield fetch_item(record, fetcher, max_bytes)
            continue
        html = _entry_html(entry)
        raw = RawInput(id=item_id, html=flatten_deep(f"<html><body><article>{html}</article></body></html>") if html else None,
                       title=record["title"], published=record["published"],
                       source=Source(path=feed_ref, url=link, publisher=publisher), meta={"feed": feed_ref})
        if html is not None:  # without --fetch the feed's own text is the article's: say which
            raw.meta["text_from"] = "feed_content" if entry.get("content") else SUMMARY_KEY
        summary = summary_text(record["summary"])
        if summary:
            raw.meta[SUMMARY_KEY] = summary
        if html is None:
            raw.error = DatelineError(Code.NO_TEXT, f"{feed_ref}: item {item_id} has no content")
            raw.payload = json.dumps({**record, "fetch": True})
        yield raw


def fetch_item(record: dict[str, Any], fetcher: PoliteFetcher, max_bytes: int) -> RawInput:
    """Download one feed item's page; a failure is an E111 record that can be retried."""
    url = str(record["url"])
    source = Source(path=record.get("feed"), url=url, publisher=record.get("publisher"))
    try:
        page = fetcher.fetch(url, check_robots=True)
    except Exception as exc:  # fetch raises DatelineError only; anything else is still this item's
        error = exc if isinstance(exc, DatelineError) else DatelineError(Code.FETCH, f"{url}: {type(exc).__name__}")
        fallback = summary_input(record, error.message)
        if fallback is not None:
            return fallback
        return RawInput(id=str(record["id"]), source=source, error=error,
                        payload=json.dumps({**record, "fetch": True}, ensure_ascii=False))
    raw = from_bytes(page.data, record.get("feed"), html=True, max_bytes=max_bytes)
    if raw.error is not None and (fallback := summary_input(record, raw.error.message)) is not None:
        return fallback
    raw.id, raw.title, raw.published = str(record["id"]), record.get("title"), record.get("published")
    raw.source = Source(path=record.get("feed"), url=page.url, publisher=record.get("publisher"))
    raw.meta["feed"] = record.get("feed")
    summary = summary_text(record.get("summary"))
    if summary:
        raw.meta[SUMMARY_KEY] = summary
    return raw


def read_feed(ref: str, fetch: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              fetcher: PoliteFetcher | None = None) -> Iterator[RawInput]:
    """A feed named by URL or path → its items. A feed that cannot be fetched is one E111 record."""
    if _scheme(ref) in ("http", "https"):
        fetcher = fetcher or PoliteFetcher(max_bytes=max_bytes)
        try:
            data = fetcher.fetch(ref).data
        except DatelineError as exc:
            yield RawInput(id=content_id(ref), source=Source(path=ref, url=ref), error=exc,
                           payload=json.dumps({"feed": ref, "fetch": fetch, "retry": "feed"}))
            return
    else:
        try:
            size = Path(ref).stat().st_size
            if size > max_bytes:  # refused from its size on disk, before a byte is read
                yield RawInput(id=content_id(ref), source=Source(path=ref),
                               error=DatelineError(Code.TOO_LARGE, f"{ref}: {size} bytes"))
                return
            data = Path(ref).read_bytes()
        except OSError as exc:
            yield RawInput(id=content_id(ref), source=Source(path=ref),
                           error=DatelineError(Code.UNREADABLE, f"{ref}: {exc}"))
            return
    yield from entries(data, ref, (fetcher or PoliteFetcher(max_bytes=max_bytes)) if fetch else None, max_bytes)


def _scheme(ref: str) -> str:
    try:
        return urlsplit(ref).scheme.lower()
    except ValueError:  # "http://[::1/x": not a URL we can parse; the fetch says why
        return "http" if ref.lower().startswith(("http:", "https:")) else ""


def read_feed_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    yield from read_feed(str(path), fetch=False, max_bytes=max_bytes)


def retry(payload: dict[str, Any], max_bytes: int = DEFAULT_MAX_BYTES,
          fetcher: PoliteFetcher | None = None) -> Iterator[RawInput] | None:
    """Re-run a rejected feed or item from its payload; None when the payload is not ours."""
    if payload.get("retry") == "feed" and payload.get("feed"):
        return read_feed(str(payload["feed"]), bool(payload.get("fetch")), max_bytes, fetcher)
    if payload.get("fetch") and payload.get("url"):
        return iter([fetch_item(payload, fetcher or PoliteFetcher(max_bytes=max_bytes), max_bytes)])
    return None
