"""RSS and Atom feeds (``feedparser``), from a file or a URL, and polite fetching of pages.

A feed item becomes one input: its HTML content (or summary) by default, or — with
``fetch=True`` — the item's own page, downloaded. Fetching is polite: a timeout on every
request, a few retries with exponential backoff on timeouts, connection errors, 429 and 5xx,
a user agent that names us, and one request at a time per host with a pause between them.

Nothing raises: a feed or page that cannot be fetched becomes an E111 record whose payload
says what to fetch, so ``dateline ingest --retry-rejected`` fetches it again (``retry``).
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import Code, DatelineError
from dateline.ingest.raw import DEFAULT_MAX_BYTES, RawInput, content_id, from_bytes
from dateline.record import Source

FEED_SUFFIXES = (".rss", ".atom", ".rdf")
USER_AGENT = "dateline/0.1 (news extraction; +https://example.org/dateline)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Fetched:
    data: bytes
    url: str
    content_type: str


@dataclass
class PoliteFetcher:
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    min_interval: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    max_bytes: int = DEFAULT_MAX_BYTES
    _locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _host_lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def fetch(self, url: str) -> Fetched:
        """GET ``url``; raises DatelineError E111 (or E105 when the body is over the limit)."""
        host = urlsplit(url).netloc.lower()
        if urlsplit(url).scheme not in ("http", "https"):
            raise DatelineError(Code.FETCH, f"{url}: not an http(s) URL")
        last_error = ""
        with self._host_lock(host):  # one request at a time per host
            for attempt in range(self.retries + 1):
                wait = self._last.get(host, 0.0) + self.min_interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    return self._get(url)
                except urllib.error.HTTPError as exc:
                    last_error = f"HTTP {exc.code}"
                    if exc.code not in RETRY_STATUS:
                        break
                except (urllib.error.URLError, TimeoutError, OSError) as exc:
                    last_error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
                finally:
                    self._last[host] = time.monotonic()
                if attempt < self.retries:
                    time.sleep(self.backoff * 2 ** attempt)
        raise DatelineError(Code.FETCH, f"{url}: {last_error}")

    def _get(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                       "Accept-Encoding": "identity"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            data = response.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                raise DatelineError(Code.TOO_LARGE, f"{url}: over {self.max_bytes} bytes")
            return Fetched(data, response.geturl(), response.headers.get("Content-Type", ""))


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", tuple(parsed))


def _entry_html(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    summary = entry.get("summary")
    return str(summary) if summary else None


def entries(data: bytes, feed_ref: str, fetcher: PoliteFetcher | None, max_bytes: int) -> Iterator[RawInput]:
    """The items of a parsed feed as RawInputs (their pages fetched when ``fetcher`` is given)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries and feed.get("bozo"):
        yield RawInput(id=content_id(feed_ref), source=Source(path=feed_ref),
                       error=DatelineError(Code.UNREADABLE, f"{feed_ref}: not a feed ({feed.get('bozo_exception')})"))
        return
    publisher = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        item_id = str(entry.get("id") or link or content_id(json.dumps(entry, default=str)))
        record = {"id": item_id, "url": link, "title": entry.get("title"), "publisher": publisher,
                  "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
                  or entry.get("published") or entry.get("updated"),  # unparsed: ingest/dates.py reads it
                  "feed": feed_ref}
        if fetcher is not None and link:
            yield fetch_item(record, fetcher, max_bytes)
            continue
        html = _entry_html(entry)
        raw = RawInput(id=item_id, html=f"<html><body><article>{html}</article></body></html>" if html else None,
                       title=record["title"], published=record["published"],
                       source=Source(path=feed_ref, url=link, publisher=publisher), meta={"feed": feed_ref})
        if html is None:
            raw.error = DatelineError(Code.NO_TEXT, f"{feed_ref}: item {item_id} has no content")
            raw.payload = json.dumps({**record, "fetch": True})
        yield raw


def fetch_item(record: dict[str, Any], fetcher: PoliteFetcher, max_bytes: int) -> RawInput:
    """Download one feed item's page; a failure is an E111 record that can be retried."""
    url = str(record["url"])
    source = Source(path=record.get("feed"), url=url, publisher=record.get("publisher"))
    try:
        page = fetcher.fetch(url)
    except DatelineError as exc:
        return RawInput(id=str(record["id"]), source=source, error=exc,
                        payload=json.dumps({**record, "fetch": True}, ensure_ascii=False))
    raw = from_bytes(page.data, record.get("feed"), html=True, max_bytes=max_bytes)
    raw.id, raw.title, raw.published = str(record["id"]), record.get("title"), record.get("published")
    raw.source = Source(path=record.get("feed"), url=page.url, publisher=record.get("publisher"))
    raw.meta["feed"] = record.get("feed")
    return raw


def read_feed(ref: str, fetch: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              fetcher: PoliteFetcher | None = None) -> Iterator[RawInput]:
    """A feed named by URL or path → its items. A feed that cannot be fetched is one E111 record."""
    if urlsplit(ref).scheme in ("http", "https"):
        fetcher = fetcher or PoliteFetcher(max_bytes=max_bytes)
        try:
            data = fetcher.fetch(ref).data
        except DatelineError as exc:
            yield RawInput(id=content_id(ref), source=Source(path=ref, url=ref), error=exc,
                           payload=json.dumps({"feed": ref, "fetch": fetch, "retry": "feed"}))
            return
    else:
        try:
            data = Path(ref).read_bytes()
        except OSError as exc:
            yield RawInput(id=content_id(ref), source=Source(path=ref),
                           error=DatelineError(Code.UNREADABLE, f"{ref}: {exc}"))
            return
    yield from entries(data, ref, (fetcher or PoliteFetcher(max_bytes=max_bytes)) if fetch else None, max_bytes)


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
