"""The per-process cache of API answers (serve/cache.py): served again, dropped on any write."""

from __future__ import annotations

from fastapi.testclient import TestClient

from dateline.record import article_from_dict
from dateline.serve.app import create_app
from dateline.serve.cache import AnswerCache
from dateline.store.db import Store


def _stats(c: TestClient) -> dict[str, int]:
    return c.app.state.answer_cache.stats()  # type: ignore[attr-defined]


def test_an_answer_is_served_again_from_the_cache(client):
    first = client.get("/api/events?dyad=BLR-RUS&limit=3")
    before = _stats(client)
    again = client.get("/api/events?dyad=BLR-RUS&limit=3")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"] == "application/json"
    assert again.headers["content-length"] == first.headers["content-length"]
    assert again.headers["x-dateline-cache"] == "hit" and "x-dateline-cache" not in first.headers
    assert _stats(client)["hits"] == before["hits"] + 1


def test_a_post_clears_what_was_kept(writable_client, seed_record, api_key):
    c = writable_client
    assert c.get("/api/articles").json()["items"] == []
    assert c.get("/api/articles").json()["items"] == []  # from the cache now
    assert _stats(c)["hits"] >= 1
    assert c.post("/api/articles", json=seed_record, headers={"X-API-Key": api_key}).status_code == 201
    assert [a["id"] for a in c.get("/api/articles").json()["items"]] == [seed_record["id"]]
    assert c.get(f"/api/articles/{seed_record['id']}").status_code == 200


def test_a_write_by_another_connection_clears_what_was_kept(store_url, seed_record):
    path = store_url
    Store(path).close()
    with TestClient(create_app(path, api_key=lambda: None), raise_server_exceptions=False) as c:
        assert c.get("/api/events?country=RUS").json()["items"] == []
        assert c.get("/api/events?country=RUS").json()["items"] == []
        generation = _stats(c)["generation"]
        with Store(path) as store:  # as `dateline ingest` in another process would
            store.ingest([article_from_dict(seed_record)])
        assert c.get("/api/events?country=RUS").json()["items"] != []
        assert _stats(c)["generation"] > generation


def test_errors_and_exports_are_not_kept(client):
    before = _stats(client)
    for _ in range(2):
        assert client.get("/api/events?quad=9").status_code == 422
        assert client.get("/api/export?format=csv").status_code == 200
        assert client.get("/api/nothing-here").status_code == 404
    after = _stats(client)
    assert after["hits"] == before["hits"]
    assert after["entries"] == before["entries"]


def test_no_cache_when_its_size_is_zero(store_path):
    with TestClient(create_app(store_path, api_key=lambda: None, cache_mb=0)) as c:
        for _ in range(3):
            assert c.get("/api/map").status_code == 200
        assert _stats(c)["hits"] == 0 and _stats(c)["entries"] == 0


def test_the_cache_keeps_to_its_size_and_drops_answers_of_an_older_store(store_url):
    path = store_url
    Store(path).close()
    cache = AnswerCache(path, max_bytes=16 * 1000)
    generation = cache.current()
    assert generation is not None
    for n in range(100):
        cache.put(f"/api/x?{n}".encode(), generation, 200, [], b"x" * 900)
    assert cache.stats()["bytes"] <= 16 * 1000
    assert cache.get(b"/api/x?99") is not None and cache.get(b"/api/x?0") is None
    cache.put(b"/api/too-big", generation, 200, [], b"x" * 1001)  # over 1/16 of the cache
    assert cache.get(b"/api/too-big") is None
    cache.put(b"/api/stale", generation - 1, 200, [], b"{}")  # computed before a change was seen
    assert cache.get(b"/api/stale") is None
