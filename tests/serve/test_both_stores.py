"""The same stories ingested into SQLite and into PostgreSQL: the same requests get the same
answers from both servers — JSON, status and error codes, cursors included. Only what each
engine makes its own way differs, and is compared as such: a snippet's words (FTS5's snippet,
PostgreSQL's ts_headline: both mark the words found, not always the same ones) and the order of
equally relevant search hits."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from test_api import walk

from dateline.serve.db import encode_cursor

REQUESTS = [
    "/api/articles", "/api/articles?limit=1", "/api/articles?since=2025-04-01", "/api/articles?until=2025-02-10",
    "/api/articles?publisher=ANOTHER%20AGENCY", "/api/articles?language=en", "/api/articles?updated_since=2025-06-01",
    "/api/articles?q=Ryabkov%20Oreshnik", "/api/articles?q=sanction*", "/api/articles?q=%22unbalanced",
    "/api/articles/1", "/api/articles/serve-gas-deal",
    "/api/quotes?speaker=Ryabkov", "/api/quotes?speaker=RUSGOV&limit=2", "/api/quotes?q=answer",
    "/api/quotes?speaker=ryabkov&since=2025-03-01", "/api/quotes?speaker=%25",
    "/api/actors", "/api/actors?limit=3", "/api/actors?q=ryab", "/api/actors/sergey%20ryabkov",
    "/api/actors/Vladimir%20Putin",
    "/api/events", "/api/events?include_negated=true&limit=3", "/api/events?dyad=BLR-RUS",
    "/api/events?dyad=rus-blr&directed=true", "/api/events?country=RUS&type=support", "/api/events?cameo=05",
    "/api/events?quad=1&since=2025-01-01", "/api/events?min_confidence=0.8", "/api/events?actor=KENGOV",
    "/api/events?actor=sergey%20ryabkov", "/api/events?since=2025-04-01&until=2025-04-30",
    "/api/events/1", "/api/events/3",
    "/api/dyads/BLR/RUS/series", "/api/dyads/RUS/BLR/series?interval=week",
    "/api/dyads/BLR/RUS/series?interval=day&include_negated=true",
    "/api/dyads/BLR/RUS/series?directed=true&since=2024-12-01&until=2025-03-31",
    "/api/dyads/KEN/TZA/series?interval=week&since=2025-04-01",
    "/api/countries/KEN/changes?as_of=2025-04-22", "/api/countries/RUS/changes", "/api/countries/ZZZ/changes",
    "/api/map", "/api/map?since=2025-04-01&until=2025-04-30",
    # malformed: the same 4xx and code from both
    "/api/articles?since=2025-13-45", "/api/articles?cursor=not-a-cursor!!", "/api/events?dyad=BELARUS-RUSSIA",
    "/api/events?quad=7", "/api/events/0", "/api/dyads/BLR/RUS/series?interval=year", "/api/export?format=xml",
    "/api/articles/no-such-article", "/api/actors/Nobody%20At%20All", "/api/events?cursor=" + encode_cursor([1, 2]),
    "/api/articles?publisher=%00",
]


def _unsnipped(body: object) -> object:
    """The answer with each snippet cut to whether it marks a word (the engines choose the words)."""
    if isinstance(body, dict):
        return {k: ("[" in v if k == "snippet" and isinstance(v, str) else _unsnipped(v)) for k, v in body.items()}
    if isinstance(body, list):
        return [_unsnipped(v) for v in body]
    return body


@pytest.mark.parametrize("url", REQUESTS)
def test_both_stores_answer_alike(sqlite_client, postgresql_client, url):
    lite, pg = sqlite_client.get(url), postgresql_client.get(url)
    assert (lite.status_code, lite.headers["content-type"]) == (pg.status_code, pg.headers["content-type"]), url
    if url.startswith("/api/map"):  # countries of equal counts come in no set order on SQLite
        def by_count(body: dict) -> dict:
            return body | {"items": sorted(body["items"], key=lambda c: (-c["events"], c["country"]))}

        assert by_count(lite.json()) == by_count(pg.json()) and lite.json()["items"][0] == pg.json()["items"][0]
    elif "snippet" not in lite.text:
        assert lite.content == pg.content, url  # byte for byte
    else:
        assert _unsnipped(lite.json()) == _unsnipped(pg.json()), url


def test_every_page_of_every_list_alike(sqlite_client, postgresql_client):
    for url, params in [("/api/articles", {"limit": 1}), ("/api/quotes", {"limit": 2}),
                        ("/api/actors", {"limit": 2}), ("/api/events", {"limit": 2, "include_negated": "true"}),
                        ("/api/events", {"limit": 1, "dyad": "BLR-RUS"}),
                        ("/api/events", {"limit": 1, "country": "KEN", "until": "2025-04-30"})]:
        lite, pg = walk(sqlite_client, url, **params), walk(postgresql_client, url, **params)
        assert lite == pg and lite, (url, params)


def test_search_finds_the_same_articles(sqlite_client, postgresql_client):
    for q in ("Belarus", "border fees", "sanction*", "Ryabkov"):
        lite = sqlite_client.get("/api/search", params={"q": q}).json()
        pg = postgresql_client.get("/api/search", params={"q": q}).json()
        assert sorted(a["id"] for a in lite["items"]) == sorted(a["id"] for a in pg["items"]), q
        assert lite["quotes"] == pg["quotes"] and lite["actors"] == pg["actors"], q
        assert all("[" in a["snippet"] for a in pg["items"]), q  # the words are marked


def test_pages_alike(sqlite_client, postgresql_client, seed_record):
    for url in ("/", "/?q=border%20fees", f"/articles/{seed_record['id']}", "/articles/serve-gas-deal",
                "/actors/" + quote("Sergey Ryabkov"), "/dyads/BLR/RUS", "/events?dyad=BLR-RUS", "/events/3", "/map",
                "/articles/nope"):
        lite, pg = sqlite_client.get(url), postgresql_client.get(url)
        assert lite.status_code == pg.status_code, url
        if "q=" not in url:
            assert lite.text == pg.text, url


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt"])
def test_exports_alike(sqlite_client, postgresql_client, fmt):
    params = {"format": fmt, "include_negated": "true"}
    lite, pg = sqlite_client.get("/api/export", params=params), postgresql_client.get("/api/export", params=params)
    assert lite.status_code == pg.status_code == 200
    assert lite.text == pg.text and lite.text.strip()


def test_posts_alike(writable_pair, seed_record, api_key):
    lite, pg = writable_pair
    assert lite.get("/api/events?dyad=BLR-RUS").json() == pg.get("/api/events?dyad=BLR-RUS").json() == {
        "items": [], "next": None}  # kept by each cache, until the POST below
    posts = [({}, seed_record), ({"X-API-Key": "wrong"}, seed_record), ({"X-API-Key": api_key}, [seed_record]),
             ({"X-API-Key": api_key}, seed_record), ({"X-API-Key": api_key}, {"id": "x"})]
    for headers, body in posts:
        one, two = lite.post("/api/articles", json=body, headers=headers), pg.post("/api/articles", json=body, headers=headers)
        assert (one.status_code, one.json()) == (two.status_code, two.json()), headers
    for url in ("/api/events?dyad=BLR-RUS", "/api/dyads/BLR/RUS/series", "/api/quotes?speaker=Ryabkov"):
        assert lite.get(url).content == pg.get(url).content, url
        assert pg.get(url).json()["items" if "series" not in url else "periods"], url


def test_both_stores_are_at_one_schema_version(sqlite_store, postgresql_store):
    from dateline.store.db import Store

    with Store(sqlite_store) as lite, Store(postgresql_store) as pg:
        assert lite.schema_version() == pg.schema_version() >= 9


def test_a_postgres_store_made_before_009_is_brought_up_and_answers_alike(postgres_url, postgresql_client,
                                                                         seed_record, story_articles, monkeypatch):
    """A store written at schema 008 (as the first PostgreSQL stores were), then opened by the
    server: migration 009 numbers its event actors and counts its changes; same answers."""
    from fastapi.testclient import TestClient

    from dateline.record import article_from_dict
    from dateline.serve.app import create_app
    from dateline.store import postgres
    from dateline.store.db import Store

    every = postgres.migration_scripts()
    with monkeypatch.context() as m:
        m.setattr(postgres, "migration_scripts", lambda: [s for s in every if s[0] <= 8])
        with Store(postgres_url) as store:
            store.ingest([article_from_dict(seed_record), *story_articles])
            assert store.schema_version() == 8
    with TestClient(create_app(postgres_url, api_key=lambda: None)) as client:
        for url in ("/api/events?include_negated=true&limit=500", "/api/events?dyad=BLR-RUS",
                    "/api/actors/Vladimir%20Putin", "/api/dyads/BLR/RUS/series"):
            assert client.get(url).content == postgresql_client.get(url).content, url
        assert client.app.state.answer_cache.current() is not None  # store_changes is there


def test_a_session_the_server_dropped_is_replaced_unseen(postgresql_store):
    """A pooled session ended by the server (a restart, an administrator) costs no request an
    error: the read runs again on a new session; the cache's counter reconnects the same way."""
    import os

    import psycopg

    from dateline.serve.cache import change_counter
    from dateline.serve.readers import open_reader

    reader, changes = open_reader(postgresql_store), change_counter(postgresql_store)
    try:
        first = reader.value("SELECT pg_backend_pid()")
        version = changes.version()
        watcher = changes._conn.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(os.environ["DATELINE_TEST_POSTGRES"], autocommit=True) as admin:
            for pid in (first, watcher):
                admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))
        assert reader.value("SELECT pg_backend_pid()") != first
        assert reader.value("SELECT count(*) FROM articles") == 4
        assert changes.version() == version is not None
    finally:
        reader.close()
        changes.close()
