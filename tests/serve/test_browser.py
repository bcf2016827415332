"""End to end in a real browser: Playwright driving Debian's /usr/bin/chromium (never a downloaded
browser) against uvicorn on 127.0.0.1. Each page loads, shows its content, logs no console
error, and leaves a screenshot in out/serve-screenshots/ (gitignored; $DATELINE_ARTIFACTS moves it)."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium "
                       "(apt-get install chromium); browser tests need it"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

ARTIFACTS = Path(os.environ.get("DATELINE_ARTIFACTS", Path(__file__).resolve().parents[2] / "out")) / "serve-screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(client):
    """The test store's app on uvicorn in a thread, on a free port of 127.0.0.1."""
    port = _free_port()
    config = uvicorn.Config(client.app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Visit:
    """A page with every console error, page error and failed request recorded."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def open(self, path: str) -> sync_api.Page:
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        return self.page

    def done(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        self.page.close()
        assert self.problems == [], self.problems


@pytest.fixture
def visit(browser, server):
    return Visit(browser, server)


def test_index_searches_with_htmx(visit):
    page = visit.open("/")
    assert page.locator("ol.articles li").count() == 4
    page.fill("#q", "border fees")
    page.wait_for_function("document.querySelectorAll('ol.articles li').length === 1")
    assert "Kenya and Tanzania" in page.inner_text("#results")
    visit.done("index-search")


def test_article_page_escapes_the_script_headline(visit):
    page = visit.open("/articles/serve-gas-deal")
    assert page.inner_text("h1.article-headline").startswith("<script>alert('headline')</script>")
    assert page.locator("main script").count() == 0  # the headline is text, never an element
    assert page.locator(".article-text .hl-event").count() >= 1
    visit.done("article-script-headline")


def test_seed_article_links_ryabkov_to_his_page(visit, seed_record):
    page = visit.open(f"/articles/{quote(seed_record['id'])}")
    assert page.locator(".article-text .hl-quote").count() >= 5
    links = page.locator('ol.quotes a.speaker[href="/actors/Sergey%20Ryabkov"]')
    assert links.count() == 5
    links.first.click()
    page.wait_for_url(re.compile(r"/actors/Sergey%20Ryabkov$"))
    assert page.inner_text("h1") == "Sergey Ryabkov"
    assert page.locator("ol.quotes li").count() >= 7
    visit.done("actor-ryabkov")


def test_dyad_page_draws_its_chart_and_bars_link_to_events(visit):
    page = visit.open("/dyads/BLR/RUS")
    page.wait_for_selector("#dyad-chart[data-drawn=true] canvas")
    visit.page.screenshot(path=str(ARTIFACTS.mkdir(parents=True, exist_ok=True) or ARTIFACTS / "dyad-chart.png"))
    # Click the first month's bar where ECharts draws it: it opens that month's events.
    x, y = page.evaluate("""() => {
        const el = document.getElementById('dyad-chart');
        const chart = echarts.getInstanceByDom(el);
        const series = JSON.parse(document.getElementById('series-data').textContent);
        const first = series.periods[0];
        const [px, py] = chart.convertToPixel({seriesIndex: 0}, [first.period, first.by_quad['1'] / 2]);
        const box = el.getBoundingClientRect();
        return [box.left + px, box.top + py];
    }""")
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/events\?"))
    assert "dyad=BLR-RUS" in page.url and "since=2024-12-01" in page.url and "quad=1" in page.url
    assert "REQUEST" in page.inner_text("table.events-table")
    visit.done("dyad-events")


def test_map_draws_counts_and_slides(visit):
    page = visit.open("/map")
    page.wait_for_selector("#world-map[data-drawn=true] canvas")
    page.check("#all-months")
    page.wait_for_function("document.getElementById('month-label').textContent === 'all months'")
    slider = page.locator("#month-slider")
    slider.fill("0")
    page.wait_for_function("document.getElementById('month-label').textContent === '2024-12'")
    visit.done("map")


def test_event_page_shows_why(visit, client):
    event = next(e for e in client.get("/api/events", params={"dyad": "BLR-RUS"}).json()["items"]
                 if e["type"] == "REQUEST")
    page = visit.open(f"/events/{event['id']}")
    assert "Why this event is here" in page.inner_text("main")
    assert "Lukashenko" in page.inner_text("ol.mentions")
    visit.done("event-why")
