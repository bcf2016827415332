"""Benchmark: `dateline serve` under 50 concurrent clients over a store of 1,000,000 events.

    .venv/bin/python benchmarks/serve_load.py [--events 1000000] [--clients 50] [--requests 3000]
        [--db /tmp/dateline-serve-load.db] [--rebuild] [--workers 1] [--think-ms 0]
        [--cache-mb MB] [--client raw|httpx]

The store is generated, not parsed: articles with short made-up texts and events written
straight into the store's tables (``events``, ``event_actors``, and the query tables of migration
007, ``event_countries``, ``event_dyads`` and ``dyad_periods``, with the rows its triggers would
write — the triggers are set aside during the load and put back after, many times quicker;
tests/serve/test_store_tables.py checks that triggers and backfill agree). Countries are drawn
with a skewed (Zipf-like) weight so some dyads are busy and most are rare, as in news; dates
span three years; CAMEO codes, PLOVER types and Goldstein values come from a small table.

Then ``dateline serve`` runs as its own process on 127.0.0.1 and ``--clients`` asyncio clients
(one keep-alive HTTP/1.1 connection each) send requests back to back — each waits ``--think-ms``
between answers, 0 by default — for ``--requests`` requests per endpoint. The client is a lean
one written here (``Connection``: write the request, read the status line, headers and body):
it shares the two cores with the server, and httpx (``--client httpx``) spends 1–3.5 ms of CPU
per request, more than the server, so the latencies it measured were mostly its own queueing.
The latency is still request sent → whole body read, and the request mix is the same. Warm-up
requests come from another seed, so no measured request is in a server cache beforehand; the
server's answer cache (serve/cache.py) then answers the mix's repeats, and the share it
answered is printed per endpoint (``--cache-mb 0`` turns it off).

  events:  /api/events with filters — a dyad and a year; a country and a type; a type and a
           quarter; a QuadClass, a country and a month; a CAMEO prefix; each with a page size of 50;
  series:  /api/dyads/{a}/{b}/series, monthly or weekly, over the busy and the rare dyads.

Prints p50 and p95 latency per endpoint (from the client: request sent → body read), the
server's peak memory (the sum of VmHWM over the server's processes), the CPU per request of
server and load generator, and the load average. The bar: p95 < 100 ms.
The generated store is kept for re-runs (``--rebuild`` makes it anew).

Numbers (2026-12-01/02, the shared 2-core machine, every run under ``nice``, defaults: 1 worker,
think 0, 64 MB cache; 6,000 requests; more in docs/serve.md):

  the server on about a full core (load average 3.7–3.8):
      events p50 37 ms, p95 57–62 ms · series p50 37 ms, p95 56–61 ms · 1,210–1,278 req/s ·
      server 0.71–0.73 ms CPU/request · peak memory 295 MB · bar met
  one other session's CPU-bound job beside it (load average 3.0–3.2):
      events p50 47 ms, p95 78–80 ms · series p50 47 ms, p95 78–79 ms · 991–997 req/s · bar met
  two other sessions' CPU-bound jobs at the same nice level (the server got 0.45–0.6 of a core,
  load average 3.3–4.7):
      events p95 122–189 ms · series p95 123–191 ms · 503–825 req/s · 0.74–1.00 ms CPU/request
  --think-ms 1000: events p50 5 ms, p95 24 ms · series p50 3 ms, p95 20 ms
  before this work (httpx client, threads, no cache): 186 req/s, p95 747 / 768 ms
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from dateline.store.db import Store

COUNTRIES = ("RUS USA CHN UKR BLR DEU FRA GBR IRN ISR TUR IND PAK POL LTU KAZ JPN KOR PRK SYR IRQ EGY "
             "SAU NGA KEN ETH ZAF BRA MEX VEN ARG CAN AUS IDN PHL VNM THA AFG GEO ARM").split()
# (PLOVER type, CAMEO code, Goldstein) — a spread over the four QuadClasses
CODES = [("CONSULT", "040", 1.0), ("AGREE", "057", 8.0), ("SUPPORT", "051", 3.4), ("REQUEST", "020", 3.0),
         ("AID", "070", 7.0), ("COOPERATE", "061", 6.4), ("CONCEDE", "080", 5.0), ("ACCUSE", "112", -2.0),
         ("REJECT", "120", -4.0), ("THREATEN", "130", -4.4), ("PROTEST", "141", -6.5), ("SANCTION", "163", -8.0),
         ("MOBILIZE", "150", -7.2), ("ASSAULT", "180", -9.0), ("COERCE", "173", -5.0), ("ATTACK", "190", -10.0)]
START = date(2022, 1, 1)
DAYS = 3 * 365
EVENTS_PER_ARTICLE = 5


def _weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) ** 0.9 for rank in range(n)]


def _quad(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root < 6 else 2 if root < 9 else 3 if root < 14 else 4


def _sum_periods(periods: dict[tuple, list[float]], a: str, b: str, when: str, cameo: str, goldstein: float,
                 negated: int) -> None:
    """What the dyad_periods trigger adds for one source→target row (each event has one here)."""
    day = date.fromisoformat(when)
    monday = (day - timedelta(days=day.weekday())).isoformat()
    quad = _quad(cameo)
    for interval, period in (("day", when), ("week", monday), ("month", when[:7])):
        for directed, x, y in ((1, a, b), (0, min(a, b), max(a, b))):
            slot = periods.setdefault((interval, directed, x, y, period, quad, negated), [0, 0.0])
            slot[0] += 1
            slot[1] += goldstein


def build_store(path: Path, events: int, seed: int = 15) -> None:
    """A store of ``events`` generated events, written straight into its tables."""
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    Store(path).close()  # the schema, with every migration
    rng = random.Random(seed)
    weights = _weights(len(COUNTRIES))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=WAL")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                            " ('event_actors_keys', 'event_dyads_periods')").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    periods: dict[tuple, list[float]] = {}
    started = time.perf_counter()
    articles = (events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE
    batch = 5000
    event_rowid = 0
    for first in range(0, articles, batch):
        article_rows, event_rows, actor_rows, country_rows, dyad_rows = [], [], [], [], []
        for n in range(first, min(first + batch, articles)):
            day = START + timedelta(days=rng.randrange(DAYS))
            text = f"Generated article {n}: officials of several countries met on {day.isoformat()}."
            record = {"schema": "dateline/1", "id": f"gen-{n}", "text": text, "headline": f"Generated {n}",
                      "published": day.isoformat(), "language": "en", "events": []}
            article_rows.append((n + 1, f"gen-{n}", f"hash-{n}", f"Generated {n}", text, day.isoformat(),
                                 "Generated Wire", json.dumps(record)))
            for seq in range(EVENTS_PER_ARTICLE):
                if event_rowid >= events:
                    break
                event_rowid += 1
                kind, cameo, goldstein = rng.choice(CODES)
                when = (day - timedelta(days=rng.randrange(3))).isoformat()
                a, b = rng.choices(COUNTRIES, weights, k=2)
                event_rows.append((event_rowid, n + 1, seq, kind, cameo, int(cameo[:2]) // 5 + 1, goldstein,
                                   f"{a}GOV", f"{b}GOV", a, b, when, int(rng.random() < 0.03),
                                   round(rng.uniform(0.3, 1.0), 3), "met"))
                negated = event_rows[-1][12]
                actor_rows.append((event_rowid, "source", f"Government of {a}", a, f"{a}GOV"))
                actor_rows.append((event_rowid, "target", f"Government of {b}", b, f"{b}GOV"))
                country_rows += [(event_rowid, c, when, kind, negated) for c in dict.fromkeys((a, b))]
                dyad_rows.append((event_rowid, a, b, when, cameo, goldstein, negated))
                _sum_periods(periods, a, b, when, cameo, goldstein, negated)
        with conn:
            conn.executemany("INSERT INTO articles (rowid, id, content_hash, headline, text, published, publisher,"
                             " record) VALUES (?,?,?,?,?,?,?,?)", article_rows)
            conn.executemany(
                "INSERT INTO events (rowid, article_rowid, seq, type, cameo, quad, goldstein, source_codes,"
                " target_codes, source_countries, target_countries, event_date, negated, modality, confidence,"
                " sentence_start, sentence_end, trigger_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'asserted',?,0,10,?)",
                event_rows)
            conn.executemany("INSERT INTO event_actors (event_rowid, role, name, country, sector, code)"
                             " VALUES (?,?,?,?,'GOV',?)", actor_rows)
            conn.executemany("INSERT INTO event_countries VALUES (?,?,?,?,?)", country_rows)
            conn.executemany("INSERT INTO event_dyads VALUES (?,?,?,?,?,?,?)", dyad_rows)
    with conn:
        conn.executemany("INSERT INTO dyad_periods VALUES (?,?,?,?,?,?,?,?,?)",
                         [(*key, int(n), g) for key, (n, g) in periods.items()])
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("ANALYZE")
    conn.close()
    print(f"store: {event_rowid:,} events in {articles:,} articles written in "
          f"{time.perf_counter() - started:.0f} s → {path} ({path.stat().st_size / 1e6:.0f} MB)")


def stored_events(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM event_dyads").fetchone()[0] and \
                conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


# -- the requests ---------------------------------------------------------------------------------------
def events_urls(rng: random.Random, n: int) -> list[str]:
    busy, rare = COUNTRIES[:6], COUNTRIES[20:]
    urls = []
    for _ in range(n):
        year = rng.choice((2022, 2023, 2024))
        month = rng.randint(1, 12)
        kind = rng.choice(CODES)[0]
        a, b = rng.choice(busy), rng.choice(busy + rare)
        shape = rng.randrange(5)
        if shape == 0:
            q = f"dyad={a}-{b}&since={year}-01-01&until={year}-12-31"
        elif shape == 1:
            q = f"country={rng.choice(COUNTRIES)}&type={kind}"
        elif shape == 2:
            quarter = rng.choice(("01-01", "04-01", "07-01", "10-01"))
            q = f"type={kind}&since={year}-{quarter}"
        elif shape == 3:
            q = f"quad={rng.randint(1, 4)}&country={a}&since={year}-{month:02d}-01&until={year}-{month:02d}-28"
        else:
            q = f"cameo={rng.choice(CODES)[1][:2]}&since={year}-{month:02d}-01&min_confidence=0.5"
        urls.append(f"/api/events?{q}&limit=50")
    return urls


def series_urls(rng: random.Random, n: int) -> list[str]:
    urls = []
    for _ in range(n):
        a, b = rng.sample(COUNTRIES[:8], 2) if rng.random() < 0.6 else rng.sample(COUNTRIES, 2)
        interval = rng.choice(("month", "month", "week"))
        urls.append(f"/api/dyads/{a}/{b}/series?interval={interval}")
    return urls


class Connection:
    """One keep-alive HTTP/1.1 connection, as lean as a client can be: a load generator sharing the
    machine's two cores with the server must not spend more CPU per request than the server does
    (httpx took ~3.5 ms of CPU per request here, more than the server). It speaks just what the
    server answers: a status line, headers, then a Content-Length body or chunks."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes, bool]:
        """Status, body, and whether the server answered from its cache."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(b":") for line in head.split(b"\r\n")[1:] if line)}
        if b"content-length" in headers:
            body = await self.reader.readexactly(int(headers[b"content-length"]))
        else:  # chunked
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size + 2))
            await self.reader.readuntil(b"\r\n")
            body = b"".join(p[:-2] for p in parts)
        if headers.get(b"connection") == b"close":
            self.close()
        return status, body, headers.get(b"x-dateline-cache") == b"hit"

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class HttpxConnection:
    """The same through httpx (``--client httpx``), for comparison: its CPU per request is the
    load generator's bottleneck on two cores."""

    def __init__(self, host: str, port: int) -> None:
        self.http = httpx.AsyncClient(base_url=f"http://{host}:{port}", timeout=60,
                                      limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))

    async def get(self, path: str) -> tuple[int, bytes, bool]:
        response = await self.http.get(path)
        return response.status_code, response.content, response.headers.get("x-dateline-cache") == "hit"

    def close(self) -> None:
        pass  # closed by the event loop's end


async def _client(conn: Connection | HttpxConnection, queue: asyncio.Queue, times: dict[str, list[float]],
                  think: float, failures: list[str], hits: dict[str, int]) -> None:
    while True:
        try:
            group, url = queue.get_nowait()
        except asyncio.QueueEmpty:
            return
        sent = time.perf_counter()
        status, body, hit = await conn.get(url)
        times[group].append(time.perf_counter() - sent)
        hits[group] += hit
        if status != 200:
            failures.append(f"{status} {url} {body[:200]!r}")
        if think:
            await asyncio.sleep(think)


async def load(port: int, work: list[tuple[str, str]], clients: int, think: float,
               kind: str = "raw") -> tuple[dict, list, float, dict]:
    queue: asyncio.Queue = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)
    times: dict[str, list[float]] = {group: [] for group, _ in work}
    failures: list[str] = []
    hits = {group: 0 for group in times}
    connection = Connection if kind == "raw" else HttpxConnection
    connections = [connection("127.0.0.1", port) for _ in range(clients)]
    try:
        started = time.perf_counter()
        await asyncio.gather(*(_client(c, queue, times, think, failures, hits) for c in connections))
        elapsed = time.perf_counter() - started
    finally:
        for c in connections:
            c.close()
    return times, failures, elapsed, hits


# -- the server --------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[int]:
    """The process and its descendants (uvicorn's workers), from /proc."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        for child in Path("/proc").glob(f"{parent}/task/*/children"):
            for text in child.read_text().split():
                found.append(int(text))
                frontier.append(int(text))
    return found


def peak_memory_mb(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


def cpu_by_process(pid: int) -> dict[int, float]:
    """User + system CPU seconds of each of the server's processes so far."""
    found = {}
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        found[p] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return found


def start_server(db: Path, port: int, workers: int, cache_mb: float | None) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from dateline.cli import main; main()", "serve", "--db", str(db),
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    if cache_mb is not None:
        cmd += ["--cache-mb", str(cache_mb)]
    server = subprocess.Popen(cmd, env={**os.environ, "DATELINE_API_KEY": ""})
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 120 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000, help="per endpoint")
    ap.add_argument("--db", type=Path, default=Path("/tmp/dateline-serve-load.db"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--think-ms", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--cache-mb", type=float, default=None,
                    help="the server's answer cache per process (default: its setting, 64 MB; 0: none)")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="the load generator's HTTP client (raw: lean asyncio keep-alive HTTP/1.1)")
    args = ap.parse_args()

    if args.rebuild or stored_events(args.db) != args.events:
        build_store(args.db, args.events, args.seed)
    rng = random.Random(args.seed)
    work = [("events", u) for u in events_urls(rng, args.requests)] + \
           [("series", u) for u in series_urls(rng, args.requests)]
    rng.shuffle(work)  # both endpoints under load at once, as from real users
    port = _free_port()
    server = start_server(args.db, port, args.workers, args.cache_mb)
    try:
        # Warm-up requests from another seed: the server's caches hold none of the measured ones.
        other = random.Random(args.seed + 1)
        warm = [("events", u) for u in events_urls(other, args.clients)] + \
               [("series", u) for u in series_urls(other, args.clients)]
        asyncio.run(load(port, warm, args.clients, 0.0, args.client))
        client_cpu, cpu_before = time.process_time(), cpu_by_process(server.pid)
        times, failures, elapsed, hits = asyncio.run(load(port, work, args.clients, args.think_ms / 1000,
                                                    args.client))
        client_cpu, cpu_after = time.process_time() - client_cpu, cpu_by_process(server.pid)
        by_process = [cpu_after[p] - cpu_before.get(p, 0.0) for p in cpu_after]
        server_cpu = sum(by_process)
        memory = peak_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.events:,} events · {args.clients} clients · {len(work):,} requests in {elapsed:.1f} s "
          f"({len(work) / elapsed:.0f} req/s) · workers {args.workers} · think {args.think_ms:g} ms"
          f" · cache {'default' if args.cache_mb is None else f'{args.cache_mb:g} MB'}")
    ok = True
    for group, values in times.items():
        p50, p95 = percentile(values, 0.50) * 1000, percentile(values, 0.95) * 1000
        ok &= p95 < 100
        print(f"  {group:<7} n={len(values):>5}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  mean "
              f"{statistics.fmean(values) * 1000:7.1f} ms  {'ok' if p95 < 100 else 'OVER the 100 ms bar'}"
              f"  (answered from the server's cache: {hits[group] / len(values):.0%})")
    print(f"  server peak memory (VmHWM, all processes): {memory:.0f} MB")
    # When the load generator itself is near a full core, latencies include its own queueing.
    print(f"  CPU per request: server {server_cpu / len(work) * 1000:.2f} ms, load generator ({args.client})"
          f" {client_cpu / len(work) * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f}")
    print(f"  server CPU seconds by process: {', '.join(f'{c:.1f}' for c in by_process)}")
    if failures:
        print(f"  {len(failures)} requests failed, e.g. {failures[0]}")
    print("bar p95 < 100 ms for both:", "met" if ok and not failures else "NOT met")


if __name__ == "__main__":
    main()
