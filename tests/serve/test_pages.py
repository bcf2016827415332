"""The pages in-process: right content, everything escaped, speakers linked to their actor pages."""

from __future__ import annotations

import json
import re

from dateline.serve.highlight import Mark, highlight


def test_article_page_escapes_a_script_headline(client):
    html = client.get("/articles/serve-gas-deal").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;" in html
    assert re.search(r'<h1 class="article-headline">&lt;script&gt;', html)


def test_article_page_links_ryabkovs_quotes_to_his_actor_page(client, seed_record):
    html = client.get(f"/articles/{seed_record['id']}").text
    ryabkov = "/actors/Sergey%20Ryabkov"
    # in the text, his mentions as speaker; beside it, each of his quotes
    assert html.count(f'href="{ryabkov}"') >= 1 + sum(
        1 for q in seed_record["quotes"] if (q["speaker"] or {}).get("name") == "Sergey Ryabkov")
    assert 'class="hl hl-quote"' in html and 'class="hl hl-time"' in html and 'class="hl hl-event"' in html
    assert client.get(ryabkov).status_code == 200


def test_highlight_nests_overlaps_and_escapes():
    text = "Ryabkov said <b>no</b> on Monday."
    marks = [Mark(0, 7, "speaker", "speaker", href="/actors/X"), Mark(13, 33, "quote", "quote"),
             Mark(26, 32, "time", "DATE")]
    html = str(highlight(text, marks))
    assert "<b>" not in html and "&lt;b&gt;no&lt;/b&gt;" in html
    assert html.startswith('<a href="/actors/X"')
    assert html.count("<mark") == html.count("</mark>") and html.count("<a ") == html.count("</a>")
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_actor_page_lists_what_they_said(client):
    html = client.get("/actors/Sergey%20Ryabkov").text
    assert "We will not leave this without an answer" in html
    assert 'href="/dyads/' not in html or "BLR" in html


def test_index_lists_and_searches_with_htmx_rows(client):
    html = client.get("/").text
    assert "Minsk and Moscow sign gas accord" in html and "<script>alert" not in html
    rows = client.get("/", params={"q": "border fees"}, headers={"HX-Request": "true"}).text
    assert "<html" not in rows and "Kenya and Tanzania" in rows and "<mark>" in rows
    paged = client.get("/", params={"limit": 1}).text
    assert "cursor=" in paged


def test_dyad_page_carries_its_series_as_json(client):
    html = client.get("/dyads/BLR/RUS").text
    data = re.search(r'<script type="application/json" id="series-data">(.*?)</script>', html, re.S).group(1)
    series = json.loads(data)
    assert series["dyad"] == ["BLR", "RUS"] and series["periods"]
    assert 'id="dyad-chart"' in html and "echarts-6.1.0.min.js" in html


def test_events_event_and_map_pages(client):
    html = client.get("/events", params={"dyad": "BLR-RUS", "since": "2024-12-01", "until": "2024-12-31"}).text
    links = re.findall(r'href="/events/(\d+)"', html)
    assert links and "REQUEST" in html
    # the dyad's December events (the agreement of both, the request); the request is Lukashenko's
    pages = [client.get(f"/events/{n}").text for n in links]
    assert all("Why this event is here" in page for page in pages)
    assert any("Lukashenko" in page and "REQUEST" in page for page in pages)
    assert 'id="world-map"' in client.get("/map").text


def test_pages_errors_are_pages(client):
    r = client.get("/articles/nope")
    assert r.status_code == 404 and "<html" in r.text and "not_found" in r.text
    assert client.get("/events?quad=9").status_code == 422
    assert client.get("/static/htmx-2.0.11.min.js").status_code == 200
