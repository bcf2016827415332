"""Fetching from broken and hostile peers (a local server on 127.0.0.1): every failure is a coded
rejection of its own item, the deadline holds, redirects are checked at every hop, retries honour
Retry-After, robots.txt is read."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from broken_peers import (
    BrokenPeers,
    bad_chunk,
    busy_then,
    garbage_status,
    hang_up,
    many_headers,
    ok,
    redirect,
    trickle,
    trickle_headers,
)
from dateline.errors import Code, DatelineError
from dateline.ingest.fetch import PoliteFetcher, check_redirect, parse_target, retry_after
from dateline.store.db import Store
from ingest_helpers import GOOD, GOOD_TOO, ingest, page, rejected_codes

HTML = page("Cod quota cut", GOOD).encode()


@pytest.fixture
def peers() -> Iterator[BrokenPeers]:
    p = BrokenPeers()
    yield p
    p.close()


@pytest.fixture
def other() -> Iterator[BrokenPeers]:
    p = BrokenPeers()
    yield p
    p.close()


def quick(**kw) -> PoliteFetcher:
    settings = dict(timeout=1.0, retries=1, backoff=0.01, min_interval=0.0, deadline=2.0, robots=True)
    settings.update(kw)
    return PoliteFetcher(**settings)


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {p}</title><link>{base}{p}</link><guid>{base}{p}</guid></item>"
                    for p in paths)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>{items}"
            f"</channel></rss>").encode()


def fails(fetcher: PoliteFetcher, url: str) -> DatelineError:
    with pytest.raises(DatelineError) as caught:
        fetcher.fetch(url)
    return caught.value


@pytest.mark.parametrize("behaviour", [garbage_status, bad_chunk, hang_up])
def test_broken_answers_are_coded_fetch_errors(peers, behaviour):
    peers.routes["/x"] = behaviour
    assert fails(quick(), f"{peers.base}/x").code == Code.FETCH


def test_a_hundred_and_one_headers_are_read(peers):
    peers.routes["/x"] = many_headers(HTML)
    assert quick().fetch(f"{peers.base}/x").data == HTML


@pytest.mark.parametrize("url", ["http://127.0.0.1:1/a b", "http://[::1/x", "http://[zz::1]/x",
                                 "http://exa mple.com/", "http://127.0.0.1:99999/", "ftp://127.0.0.1/x",
                                 "http:///nohost", "http://\udcff.com/"])
def test_bad_links_are_coded_fetch_errors(url):
    assert fails(quick(deadline=0.5), url).code == Code.FETCH


def test_a_space_in_a_link_is_encoded():
    assert parse_target("http://example.com/a b?q=x y").url == "http://example.com/a%20b?q=x%20y"


@pytest.mark.parametrize("behaviour", [trickle(0.2), trickle_headers(0.2)])
def test_a_trickle_is_cut_at_the_deadline(peers, behaviour):
    peers.routes["/slow"] = behaviour
    start = time.monotonic()
    error = fails(quick(deadline=1.5, retries=3), f"{peers.base}/slow")
    elapsed = time.monotonic() - start
    assert error.code == Code.FETCH
    assert elapsed < 1.5 + 1.0  # the deadline, not the per-read timeout, ends it


def test_the_run_deadline_refuses_later_fetches(peers):
    peers.routes["/x"] = ok(HTML)
    fetcher = quick(run_deadline=1.5)
    fetcher.fetch(f"{peers.base}/x")
    time.sleep(1.6)
    assert "run's fetching deadline" in fails(fetcher, f"{peers.base}/x").message
    fetcher.start_run()
    assert fetcher.fetch(f"{peers.base}/x").data == HTML


def test_redirect_to_ftp_is_refused(peers):
    peers.routes["/r"] = redirect("ftp://127.0.0.1:1/file")
    assert "not an http(s) URL" in fails(quick(), f"{peers.base}/r").message


def test_redirect_to_another_local_port_is_refused(peers, other):
    other.routes["/good"] = ok(HTML)
    peers.routes["/r"] = redirect(f"{other.base}/good")
    assert "another port" in fails(quick(), f"{peers.base}/r").message
    assert other.hits["/good"] == 0


def test_redirects_are_checked_at_every_hop(peers):
    peers.routes["/r1"] = redirect("/r2")
    peers.routes["/r2"] = redirect("http://127.0.0.1:1/x")
    peers.routes["/same"] = redirect("/good", 301)
    peers.routes["/good"] = ok(HTML)
    assert "another port" in fails(quick(), f"{peers.base}/r1").message
    fetched = quick().fetch(f"{peers.base}/same")
    assert fetched.data == HTML and fetched.url == f"{peers.base}/good"


def test_a_redirect_loop_stops(peers):
    peers.routes["/loop"] = redirect("/loop")
    assert "redirects" in fails(quick(max_redirects=3), f"{peers.base}/loop").message
    assert peers.hits["/loop"] == 4


def test_redirect_rules():
    first = parse_target("https://news.example.com/a")
    assert check_redirect(first, first, "https://www.example.com/b").host == "www.example.com"
    for location in ("http://news.example.com/b", "https://127.0.0.1/x", "https://10.0.0.1/x",
                     "https://news.example.com:8443/x", "gopher://x/"):
        with pytest.raises(DatelineError):
            check_redirect(first, first, location)


def test_retry_after_is_honoured(peers):
    peers.routes["/busy"] = busy_then("1", ok(HTML))
    assert quick(deadline=5).fetch(f"{peers.base}/busy").data == HTML
    first, second = peers.times["/busy"]
    assert second - first >= 1.0


def test_retry_after_past_the_deadline_gives_up_at_once(peers):
    peers.routes["/busy"] = busy_then("30", ok(HTML))
    start = time.monotonic()
    assert fails(quick(deadline=2), f"{peers.base}/busy").code == Code.FETCH
    assert time.monotonic() - start < 1.5 and peers.hits["/busy"] == 1


def test_retries_back_off_exponentially(peers):
    peers.routes["/down"] = busy_then("", ok(HTML), times=10)  # 503 without Retry-After
    waits: list[float] = []
    fetcher = quick(retries=3, backoff=0.1, deadline=10, sleep=waits.append)
    fails(fetcher, f"{peers.base}/down")
    assert peers.hits["/down"] == 4 and len(waits) == 3
    assert 0.05 <= waits[0] <= 0.15 and 0.1 <= waits[1] <= 0.3 and 0.2 <= waits[2] <= 0.6


def test_retry_after_values():
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60
    assert retry_after("soon") is None and retry_after(None) is None


def test_robots_txt_is_honoured_for_item_pages(peers):
    peers.routes["/robots.txt"] = ok(b"User-agent: *\nDisallow: /private\n", "text/plain")
    peers.routes["/private/a"] = ok(HTML)
    peers.routes["/public"] = ok(HTML)
    fetcher = quick()
    with pytest.raises(DatelineError, match="robots.txt"):
        fetcher.fetch(f"{peers.base}/private/a", check_robots=True)
    assert fetcher.fetch(f"{peers.base}/public", check_robots=True).data == HTML
    assert peers.hits["/robots.txt"] == 1 and peers.hits["/private/a"] == 0
    assert quick(robots=False).fetch(f"{peers.base}/private/a", check_robots=True).data == HTML


def test_a_broken_robots_txt_counts_as_none(peers):
    peers.routes["/robots.txt"] = garbage_status
    peers.routes["/a"] = ok(HTML)
    assert quick().fetch(f"{peers.base}/a", check_robots=True).data == HTML


def test_user_agent_names_us(peers):
    peers.routes["/a"] = ok(HTML)
    quick().fetch(f"{peers.base}/a")
    assert peers.agents[-1].startswith("dateline/") and "robots.txt" in peers.agents[-1]


def test_body_over_the_limit_is_e105(peers):
    peers.routes["/big"] = ok(b"x" * 5000)
    assert fails(quick(max_bytes=1000), f"{peers.base}/big").code == Code.TOO_LARGE


def test_a_feed_of_broken_items_keeps_its_good_page(peers, tmp_path, nlp):
    """The issue's run: items answering a garbage status line, a bad chunk, a hang-up, a trickle,
    a redirect to ftp:// and a link with a broken host, and one good page: the run ends within
    the deadlines and stores the good page; each bad item is its own E111."""
    peers.routes["/garbage"] = garbage_status
    peers.routes["/chunk"] = bad_chunk
    peers.routes["/gone"] = hang_up
    peers.routes["/slow"] = trickle(0.5)
    peers.routes["/ftp"] = redirect("ftp://127.0.0.1:1/x")
    peers.routes["/good"] = ok(page("Peru holds", GOOD_TOO).encode())
    feed = tmp_path / "desk.rss"
    feed.write_bytes(rss(peers.base, ["/garbage", "/chunk", "/gone", "/slow", "/ftp", "/good"])
                     .replace(b"</channel>", b"<item><title>bad</title><link>http://[::1/x</link></item></channel>"))
    db = tmp_path / "t.db"
    start = time.monotonic()
    report = ingest(nlp, db, feeds=[str(feed)], fetch=True, fetcher=quick(deadline=2.0))
    assert time.monotonic() - start < 30
    assert report.stored == 1 and report.rejected == 6
    codes = rejected_codes(db)
    assert set(codes.values()) == {"E111"}
    with Store(db) as store:
        (article,) = store.articles()
    assert "Peru" in article.text


def test_a_busy_robots_txt_does_not_cost_the_page(peers):
    peers.routes["/robots.txt"] = busy_then("1", ok(b"User-agent: *\nDisallow:\n", "text/plain"), times=5)
    peers.routes["/a"] = busy_then("1", ok(HTML))
    assert quick(deadline=5).fetch(f"{peers.base}/a", check_robots=True).data == HTML
