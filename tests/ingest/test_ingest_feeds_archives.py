"""Feeds (from a local server on 127.0.0.1 only), WARC and zip archives, and their manifest."""

from __future__ import annotations

import io
import random
import string
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.ingest.feeds import PoliteFetcher, read_feed
from dateline.ingest.manifest import Manifest
from dateline.store.db import Store
from ingest_helpers import GOOD, GOOD_TOO, ingest, page, rejected_codes, stored_texts

SECOND = GOOD_TOO.replace("Peru", "Chile").replace("5.75", "6.50")


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{link}</link><guid>{base}{link}</guid>"
        f"<pubDate>Tue, 04 May 2021 10:00:00 GMT</pubDate><description>{title} summary</description></item>"
        for title, link in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire Desk</title>{entries}</channel></rss>"


class Site:
    """A tiny local web site: paths → (delay seconds, body, content type); counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[float, str, str]] = {}
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.agents.append(self.headers.get("User-Agent", ""))
                delay, body, ctype = site.routes.get(self.path, (0.0, "", ""))
                if delay:
                    time.sleep(delay)
                if not ctype:
                    self.send_error(404)
                    return
                data = body.encode("utf-8")
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.server.shutdown()
    s.server.server_close()


def fast_fetcher() -> PoliteFetcher:
    return PoliteFetcher(timeout=0.5, retries=1, backoff=0.01, min_interval=0.0)


def test_feed_with_fetch_stores_item_pages(site, tmp_path, nlp):
    site.routes["/feed.rss"] = (0, rss(site.base, [("Cod quota cut", "/a"), ("Peru holds", "/b")]),
                                "application/rss+xml")
    site.routes["/a"] = (0, page("Cod quota cut", GOOD), "text/html")
    site.routes["/b"] = (0, page("Peru holds", GOOD_TOO), "text/html")
    db = tmp_path / "t.db"
    report = ingest(nlp, db, feeds=[f"{site.base}/feed.rss"], fetch=True, fetcher=fast_fetcher())
    assert report.stored == 2
    with Store(db) as store:
        articles = list(store.articles())
        pages = store.conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0]
    assert {a.headline for a in articles} == {"Cod quota cut", "Peru holds"}
    assert all(a.published == "2021-05-04T10:00:00Z" and a.source.publisher == "Wire Desk" for a in articles)
    assert pages == 2  # the raw pages are kept
    assert all(agent.startswith("dateline/") for agent in site.agents)


def test_feed_that_times_out_is_rejected_then_retried(site, tmp_path, nlp):
    site.routes["/slow.rss"] = (2.0, rss(site.base, [("Chile", "/c")]), "application/rss+xml")
    site.routes["/ok.rss"] = (0, rss(site.base, [("Peru holds", "/b")]), "application/rss+xml")
    site.routes["/b"] = (0, page("Peru holds", GOOD_TOO), "text/html")
    site.routes["/c"] = (0, page("Chile", SECOND), "text/html")
    db = tmp_path / "t.db"
    report = ingest(nlp, db, feeds=[f"{site.base}/slow.rss", f"{site.base}/ok.rss"], fetch=True,
                    fetcher=fast_fetcher())
    assert rejected_codes(db) == {f"{site.base}/slow.rss": "E111"}
    assert site.hits["/slow.rss"] == 2  # one retry, then give up
    assert report.stored == 1 and any("Peru" in t for t in stored_texts(db))
    site.routes["/slow.rss"] = (0, site.routes["/slow.rss"][1], "application/rss+xml")
    again = ingest(nlp, db, retry_rejected=True, fetcher=fast_fetcher())
    assert again.stored == 1 and rejected_codes(db) == {}
    assert any("Chile" in t for t in stored_texts(db))


def test_item_page_that_fails_is_kept_for_retry(site, tmp_path, nlp):
    site.routes["/feed.rss"] = (0, rss(site.base, [("Missing", "/gone"), ("Peru holds", "/b")]),
                                "application/rss+xml")
    site.routes["/b"] = (0, page("Peru holds", GOOD_TOO), "text/html")
    db = tmp_path / "t.db"
    ingest(nlp, db, feeds=[f"{site.base}/feed.rss"], fetch=True, fetcher=fast_fetcher())
    with Store(db) as store:
        (row,) = store.rejected()
    assert row["code"] == "E111" and "HTTP 404" in row["message"]
    assert site.hits["/gone"] == 1  # a 404 is not retried
    site.routes["/gone"] = (0, page("Chile", SECOND), "text/html")
    assert ingest(nlp, db, retry_rejected=True, fetcher=fast_fetcher()).stored == 1


def test_polite_fetcher_spaces_requests_to_one_host(site):
    site.routes["/x"] = (0, "<html><body><p>x</p></body></html>", "text/html")
    fetcher = PoliteFetcher(timeout=1, retries=0, min_interval=0.2)
    start = time.monotonic()
    for _ in range(3):
        fetcher.fetch(f"{site.base}/x")
    assert time.monotonic() - start >= 0.4  # two pauses between three requests


def test_feed_file_without_fetch_uses_item_content(tmp_path, nlp):
    feed = tmp_path / "desk.rss"
    feed.write_text(rss("https://example.invalid", [("Cod", "/a")]).replace(
        "<description>Cod summary</description>", f"<description><![CDATA[<p>{GOOD}</p>]]></description>"))
    raws = list(read_feed(str(feed)))
    assert len(raws) == 1 and raws[0].error is None and "cod" in raws[0].html
    db = tmp_path / "t.db"
    assert ingest(nlp, db, [str(feed)]).stored == 1


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers)
            writer.write_record(record)


def test_warc_pages_are_read_and_the_rest_listed_as_skipped(tmp_path, nlp):
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, [("https://news.example/cod", "text/html; charset=utf-8", page("Cod quota cut", GOOD)),
                 ("https://news.example/logo.png", "image/png", "not really a png"),
                 ("https://news.example/peru", "text/html", page("Peru holds", GOOD_TOO))])
    db = tmp_path / "t.db"
    manifest = Manifest()
    report = ingest(nlp, db, [str(warc)], manifest=manifest)
    assert report.stored == 2
    with Store(db) as store:
        urls = {a.source.url for a in store.articles()}
    assert urls == {"https://news.example/cod", "https://news.example/peru"}
    counts = manifest.counts()
    assert counts == {"read": 2, "skipped": 4, "rejected": 0}  # 3 requests + 1 image skipped


def test_truncated_warc_keeps_earlier_pages(tmp_path, nlp):
    warc = tmp_path / "crawl.warc.gz"
    noise = "".join(random.Random(6).choices(string.ascii_letters, k=6000))  # does not compress
    _warc(warc, [("https://news.example/cod", "text/html", page("Cod quota cut", GOOD)),
                 ("https://news.example/peru", "text/html", page("Peru holds", GOOD_TOO) + f"<!--{noise}-->")])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 1500])
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(warc)])
    assert list(rejected_codes(db).values()) == ["E107"]
    assert any("cod quota" in t for t in stored_texts(db))


def test_zip_members_are_read_by_their_suffix(tmp_path, nlp):
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("desk/cod.txt", GOOD)
        zf.writestr("desk/peru.html", page("Peru holds", GOOD_TOO))
        zf.writestr("desk/notes.pdf", "%PDF-1.4")
        zf.writestr("desk/empty.txt", "")
    db = tmp_path / "t.db"
    manifest = Manifest()
    report = ingest(nlp, db, [str(archive)], manifest=manifest)
    assert report.stored == 2
    codes = rejected_codes(db)
    assert codes == {f"{archive}!desk/notes.pdf": "E110", f"{archive}!desk/empty.txt": "E101"}
    assert manifest.counts() == {"read": 2, "skipped": 0, "rejected": 2}
