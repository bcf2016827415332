"""Fetching a URL politely and with a deadline (``httpcore``, the HTTP core of httpx).

Why not urllib: its timeout is per socket read, so a server that sends a byte a second holds a
request for ever, and ``http.client`` raises half a dozen exception types of its own on broken
peers. Here every connect, read and write waits at most the time left before the request's
deadline (``DeadlineBackend``), so one URL costs at most ``FETCH_DEADLINE`` seconds in all —
robots.txt, redirects, retries and body included — and a run's fetches stop at ``RUN_DEADLINE``.

Every failure, whatever raised it, leaves ``fetch`` as a ``DatelineError`` (E111, or E105 for a
body over the size limit). Redirects are followed by hand, each hop checked (``check_redirect``).
Retries back off exponentially with jitter and honour Retry-After.
"""

from __future__ import annotations

import contextvars
import email.utils
import ipaddress
import random
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import httpcore

from dateline.errors import Code, DatelineError
from dateline.ingest.limits import setting, user_agent
from dateline.ingest.raw import DEFAULT_MAX_BYTES
from dateline.ingest.robots import MAX_ROBOTS_BYTES, RobotsCache

RETRY_STATUS = {429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
# Failures a second attempt may cure; anything else (a broken peer, a bad certificate) is final.
TRANSIENT = (httpcore.TimeoutException, httpcore.ConnectError, httpcore.ReadError, httpcore.WriteError)

# The monotonic time the current request must end by; read by every socket operation.
_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("dateline_fetch_deadline", default=float("inf"))


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every operation waits at most until the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self.inner.start_tls(ssl_context, server_hostname, _time_left(timeout, httpcore.ConnectTimeout))
        return DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port, _time_left(timeout, httpcore.ConnectTimeout),
                                        local_address, socket_options)
        return DeadlineStream(stream)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise httpcore.UnsupportedProtocol("no unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _time_left(timeout: float | None, error: type[Exception]) -> float:
    left = _DEADLINE.get() - time.monotonic()
    if left <= 0:
        raise error("deadline passed")
    return left if timeout is None else min(timeout, left)


@dataclass
class Fetched:
    data: bytes
    url: str
    content_type: str


@dataclass
class Target:
    """A URL taken apart and checked: what a request and a redirect check need."""

    url: str
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent

    @property
    def origin(self) -> tuple[str, str, int]:
        return self.scheme, self.host, self.port


def parse_target(url: str) -> Target:
    """Check and normalise a URL (spaces and other unsafe characters percent-encoded, the host
    IDNA-encoded); raises DatelineError E111 for what cannot be requested."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
        host = (parts.hostname or "").rstrip(".")
        if ":" not in host:
            host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError) as exc:
        raise DatelineError(Code.FETCH, f"{url}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise DatelineError(Code.FETCH, f"{url}: not an http(s) URL")
    if not host:
        raise DatelineError(Code.FETCH, f"{url}: no host")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            raise DatelineError(Code.FETCH, f"{url}: not a valid IPv6 host") from None
    port = port or DEFAULT_PORTS[scheme]
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    netloc = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path_query = path + (f"?{query}" if query else "")
    return Target(f"{scheme}://{netloc}{path_query}", scheme, host, port, path_query)


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_reserved


def check_redirect(first: Target, current: Target, location: str) -> Target:
    """The next hop of a redirect, or DatelineError E111. A hop must stay http(s), never go from
    https back to http, keep the first URL's port unless it moves to its scheme's default port,
    and never lead from a public host to a local one (loopback, private, link-local)."""
    hop = parse_target(urljoin(current.url, location))
    if current.scheme == "https" and hop.scheme == "http":
        raise DatelineError(Code.FETCH, f"{first.url}: redirect from https to http ({hop.url})")
    if hop.port not in (first.port, DEFAULT_PORTS[hop.scheme]):
        raise DatelineError(Code.FETCH, f"{first.url}: redirect to another port ({hop.url})")
    if _is_local(hop.host) and not _is_local(first.host):
        raise DatelineError(Code.FETCH, f"{first.url}: redirect to a local address ({hop.url})")
    if _is_local(hop.host) and hop.host != first.host:
        raise DatelineError(Code.FETCH, f"{first.url}: redirect to another local host ({hop.url})")
    return hop


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    data: bytes = b""


@dataclass
class PoliteFetcher:
    """One run's fetching: one request at a time per host, a pause between two, a deadline per URL
    and per run, retries with backoff, robots.txt (when ``robots``)."""

    timeout: float = field(default_factory=lambda: float(setting("FETCH_TIMEOUT")))
    retries: int = field(default_factory=lambda: int(setting("FETCH_RETRIES")))
    backoff: float = field(default_factory=lambda: float(setting("FETCH_BACKOFF")))
    min_interval: float = 1.0  # seconds between two requests to one host
    user_agent: str = field(default_factory=user_agent)
    max_bytes: int = DEFAULT_MAX_BYTES
    deadline: float = field(default_factory=lambda: float(setting("FETCH_DEADLINE")))
    run_deadline: float = field(default_factory=lambda: float(setting("RUN_DEADLINE")))
    max_redirects: int = field(default_factory=lambda: int(setting("MAX_REDIRECTS")))
    max_retry_after: float = field(default_factory=lambda: float(setting("MAX_RETRY_AFTER")))
    robots: bool = field(default_factory=lambda: bool(setting("ROBOTS")))
    sleep: Callable[[float], None] = time.sleep
    _run_ends: float = field(default=0.0, repr=False)
    _locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _pool: httpcore.ConnectionPool | None = field(default=None, repr=False)
    _robots: RobotsCache | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.start_run()

    def start_run(self) -> None:
        """A new run (``watch`` calls it every round): its deadline counts from now."""
        self._run_ends = time.monotonic() + self.run_deadline

    def _host_lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def fetch(self, url: str, check_robots: bool = False) -> Fetched:
        """GET ``url``; raises DatelineError E111 (E105 when the body is over the limit). Nothing
        else escapes: an exception we did not foresee is an E111 naming its type."""
        try:
            return self._fetch(url, check_robots)
        except DatelineError:
            raise
        except Exception as exc:  # a broken peer must cost its own URL, never the run
            raise DatelineError(Code.FETCH, f"{url}: {type(exc).__name__}: {exc}") from None

    def _fetch(self, url: str, check_robots: bool) -> Fetched:
        first = parse_target(url)
        now = time.monotonic()
        if now >= self._run_ends:
            raise DatelineError(Code.FETCH, f"{url}: the run's fetching deadline ({self.run_deadline:g} s) passed")
        token = _DEADLINE.set(min(now + self.deadline, self._run_ends))
        try:
            current = first
            for _hop in range(self.max_redirects + 1):
                if check_robots and self.robots:
                    self._robots_check(current)
                answer = self._attempts(current)
                if answer.status in REDIRECT_STATUS:
                    location = answer.headers.get("location")
                    if not location:
                        raise DatelineError(Code.FETCH, f"{url}: HTTP {answer.status} without a Location")
                    current = check_redirect(first, current, location)
                    continue
                if answer.status >= 400 or answer.status < 200:
                    raise DatelineError(Code.FETCH, f"{url}: HTTP {answer.status}")
                return Fetched(answer.data, current.url, answer.headers.get("content-type", ""))
            raise DatelineError(Code.FETCH, f"{url}: more than {self.max_redirects} redirects")
        finally:
            _DEADLINE.reset(token)

    def _attempts(self, target: Target) -> Answer:
        """One hop, retried on transient failures, 429 and 5xx while the deadline allows."""
        last = ""
        for attempt in range(self.retries + 1):
            wait = self.backoff * 2 ** attempt * random.uniform(0.5, 1.5)
            try:
                answer = self._polite_request(target)
            except TRANSIENT as exc:
                last = _describe(exc)
            except httpcore.ProtocolError as exc:
                raise DatelineError(Code.FETCH, f"{target.url}: broken HTTP answer ({_describe(exc)})") from None
            else:
                if answer.status not in RETRY_STATUS:
                    return answer
                last = f"HTTP {answer.status}"
                asked = retry_after(answer.headers.get("retry-after"))
                if asked is not None:
                    if asked > self.max_retry_after:
                        raise DatelineError(Code.FETCH, f"{target.url}: {last}, Retry-After {asked:g} s "
                                                        f"is over {self.max_retry_after:g} s")
                    wait = asked
            if attempt == self.retries:
                break
            if time.monotonic() + wait >= _DEADLINE.get():
                raise DatelineError(Code.FETCH, f"{target.url}: {last}; no time left for a retry "
                                                f"in the {self.deadline:g} s deadline")
            self.sleep(wait)
        raise DatelineError(Code.FETCH, f"{target.url}: {last}")

    def _polite_request(self, target: Target) -> Answer:
        host = f"{target.host}:{target.port}"
        with self._host_lock(host):  # one request at a time per host
            wait = self._last.get(host, 0.0) + self.min_interval - time.monotonic()
            if wait > 0:
                if time.monotonic() + wait >= _DEADLINE.get():
                    raise httpcore.PoolTimeout("deadline passed waiting for the host")
                self.sleep(wait)
            try:
                return self.request(target)
            finally:
                self._last[host] = time.monotonic()

    def request(self, target: Target, max_bytes: int | None = None) -> Answer:
        """One GET of ``target`` within the current deadline; the body is read for 2xx only."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        headers = [(b"Host", _host_header(target).encode("ascii")), (b"User-Agent", self.user_agent.encode()),
                   (b"Accept", b"text/html,application/xhtml+xml,application/rss+xml,*/*;q=0.5"),
                   (b"Accept-Encoding", b"gzip, deflate")]
        t = self.timeout
        extensions = {"timeout": {"connect": t, "read": t, "write": t, "pool": t}}
        url = httpcore.URL(scheme=target.scheme.encode(), host=target.host.encode(), port=target.port,
                           target=target.path.encode("ascii"))
        with self.pool().stream("GET", url, headers=headers, extensions=extensions) as response:
            answer = Answer(response.status, {k.decode("latin-1").lower(): v.decode("latin-1")
                                              for k, v in response.headers})
            if 200 <= response.status < 300:
                answer.data = _read_body(response, answer.headers, limit, target.url)
            return answer

    def pool(self) -> httpcore.ConnectionPool:
        if self._pool is None:
            self._pool = httpcore.ConnectionPool(network_backend=DeadlineBackend(), max_connections=8,
                                                 ssl_context=ssl.create_default_context())
        return self._pool

    def _robots_check(self, target: Target) -> None:
        if self._robots is None:
            self._robots = RobotsCache()
        netloc = f"[{target.host}]" if ":" in target.host else target.host
        robots_txt = Target(f"{target.scheme}://{netloc}:{target.port}/robots.txt", target.scheme, target.host,
                            target.port, "/robots.txt")

        def fetch() -> tuple[int, bytes]:
            answer = self.request(robots_txt, max_bytes=MAX_ROBOTS_BYTES)
            return answer.status, answer.data

        rules = self._robots.rules_for(target.origin, fetch)
        if not rules.allows(target.url, self.user_agent):
            raise DatelineError(Code.FETCH, f"{target.url}: disallowed by robots.txt (DATELINE_ROBOTS=0 to ignore)")
        delay = rules.delay(self.user_agent)
        if delay:
            self.min_interval = max(self.min_interval, delay)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


def _host_header(target: Target) -> str:
    netloc = f"[{target.host}]" if ":" in target.host else target.host
    return netloc + ("" if target.port == DEFAULT_PORTS[target.scheme] else f":{target.port}")


def _read_body(response: httpcore.Response, headers: dict[str, str], limit: int, url: str) -> bytes:
    """The body, content-decoded, never more than ``limit`` bytes (before and after decoding)."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise DatelineError(Code.TOO_LARGE, f"{url}: {declared} bytes declared, over {limit}")
    coding = headers.get("content-encoding", "").strip().lower()
    inflate = zlib.decompressobj(47 if coding in ("gzip", "x-gzip") else 15) if coding in (
        "gzip", "x-gzip", "deflate") else None
    out = bytearray()
    raw = 0
    for chunk in response.iter_stream():
        raw += len(chunk)
        if raw > limit:
            raise DatelineError(Code.TOO_LARGE, f"{url}: over {limit} bytes")
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limit + 1 - len(out))
            except zlib.error as exc:
                raise DatelineError(Code.FETCH, f"{url}: bad {coding} body ({exc})") from None
        out += chunk
        if len(out) > limit:  # a compression bomb stops here
            raise DatelineError(Code.TOO_LARGE, f"{url}: over {limit} bytes once decoded")
    return bytes(out)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


__all__ = ["DeadlineBackend", "Fetched", "PoliteFetcher", "check_redirect", "parse_target", "retry_after"]
