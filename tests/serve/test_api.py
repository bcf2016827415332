"""Every endpoint of the API in-process (FastAPI's test client) over a really extracted store:
the seed article (--published 2025-02-10) and stories of our own (stories.jsonl)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dateline.serve.db import decode_cursor, encode_cursor
from dateline.serve.errors import CODES, ApiError
from dateline.serve.readers import open_reader
from dateline.serve.writes import export_formats


def walk(client, url: str, **params) -> list[dict]:
    """Every item of a list, page by page, following `next`."""
    items, cursor = [], None
    for _ in range(1000):
        page = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("the cursor never ended")


# -- articles ------------------------------------------------------------------------------------------
def test_q_finds_the_seed(client, seed_record):
    body = client.get("/api/articles", params={"q": "Ryabkov Oreshnik"}).json()
    assert [a["id"] for a in body["items"]] == [seed_record["id"]]
    assert "[" in body["items"][0]["snippet"]


def test_q_with_fts_syntax_is_escaped_not_an_error(client):
    for q in ['"unbalanced', "NEAR(Ryabkov", "Ryabkov OR", "*", "a AND (b", "col:text"]:
        r = client.get("/api/articles", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_article_filters(client, seed_record):
    def ids(**params):
        return {a["id"] for a in walk(client, "/api/articles", **params)}

    every = ids()
    assert len(every) == 4
    assert ids(since="2025-04-01") == {"serve-airspace", "serve-trade"}
    assert ids(until="2025-02-10") == {seed_record["id"]}
    assert ids(publisher="another agency") == {"serve-trade"}
    assert ids(language="en") == every
    assert ids(language="de") == set()
    assert ids(updated_since="2000-01-01T00:00:00Z") == every
    assert ids(updated_since="2999-01-01") == set()


def test_a_next_cursor_walks_every_article_once(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next"]
    walked = walk(client, "/api/articles", limit=1)
    assert len(walked) == len({a["id"] for a in walked}) == 4


def test_article_record_is_the_contract_record(client, seed_record):
    record = client.get(f"/api/articles/{seed_record['id']}").json()
    assert record["schema"] == "dateline/1"
    assert record["text"] == seed_record["text"]
    assert len(record["quotes"]) == len(seed_record["quotes"])
    assert client.get("/api/articles/1").json()["id"] == seed_record["id"]  # by row number too


# -- quotes and actors -------------------------------------------------------------------------------------
def test_ryabkovs_statements_by_speaker(client):
    quotes = walk(client, "/api/quotes", speaker="Ryabkov")
    assert len(quotes) >= 7  # five in the seed, more in a story of ours
    assert {q["speaker"] for q in quotes} == {"Sergey Ryabkov"}
    assert {q["article_id"] for q in quotes} >= {"serve-airspace"}
    by_code = walk(client, "/api/quotes", speaker="RUSGOV")
    assert {q["speaker_code"] for q in by_code} == {"RUSGOV"}
    assert {q["id"] for q in quotes} <= {q["id"] for q in by_code}


def test_quotes_by_words_and_date(client):
    answer = walk(client, "/api/quotes", q="answer")
    assert [q["speaker"] for q in answer] == ["Sergey Ryabkov"]
    assert walk(client, "/api/quotes", speaker="Ryabkov", since="2025-03-01") == [
        q for q in walk(client, "/api/quotes", speaker="Ryabkov") if q["published"] >= "2025-03-01"]
    assert walk(client, "/api/quotes", speaker="Ryabkov", until="2025-01-01") == []


def test_actors_list_and_one_actor(client):
    names = [a["name"] for a in walk(client, "/api/actors", limit=3)]
    assert "Sergey Ryabkov" in names and len(names) == len(set(names))
    actor = client.get("/api/actors/sergey ryabkov").json()
    assert actor["name"] == "Sergey Ryabkov" and "RUSGOV" in actor["codes"]
    assert actor["num_quotes"] == len(actor["quotes"]["items"]) >= 7
    assert all(q["speaker"] == "Sergey Ryabkov" for q in actor["quotes"]["items"])
    putin = client.get("/api/actors/Vladimir Putin").json()
    assert putin["events"]["items"], "Putin takes part in the seed's events"


# -- events ---------------------------------------------------------------------------------------------------
def _countries(event, role):
    return {a["country"] for a in event[role]}


def test_blr_rus_events_either_way_round(client):
    events = walk(client, "/api/events", dyad="BLR-RUS")
    assert len(events) >= 4
    for e in events:
        pair = (_countries(e, "source"), _countries(e, "target"))
        assert ("BLR" in pair[0] and "RUS" in pair[1]) or ("RUS" in pair[0] and "BLR" in pair[1])
    seed_request = [e for e in events if e["type"] == "REQUEST"]
    assert seed_request and seed_request[0]["date"] == "2024-12-06"
    directed = walk(client, "/api/events", dyad="BLR-RUS", directed="true")
    assert directed and all("BLR" in _countries(e, "source") for e in directed)
    assert len(directed) < len(events)
    assert walk(client, "/api/events", dyad="rus-blr") == events  # case and order do not matter


def test_event_filters(client):
    every = walk(client, "/api/events", include_negated="true")
    assert len(every) >= 10
    dates = [e["date"] or "" for e in every]
    assert dates == sorted(dates)
    by = {
        "type": ({"type": "support"}, lambda e: e["type"] == "SUPPORT"),
        "cameo": ({"cameo": "05"}, lambda e: e["cameo"].startswith("05")),
        "quad": ({"quad": 1}, lambda e: e["cameo"][:2] < "06"),
        "country": ({"country": "LTU"}, lambda e: "LTU" in _countries(e, "source") | _countries(e, "target")),
        "actor": ({"actor": "KENGOV"}, lambda e: "KENGOV" in {a["code"] for a in e["source"] + e["target"]}),
        "since": ({"since": "2025-04-01"}, lambda e: (e["date"] or "") >= "2025-04-01"),
        "until": ({"until": "2025-03-14"}, lambda e: (e["date"] or "9") <= "2025-03-14"),
        "confidence": ({"min_confidence": 0.8}, lambda e: e["confidence"] >= 0.8),
        "country+type": ({"country": "RUS", "type": "SUPPORT"},
                         lambda e: e["type"] == "SUPPORT" and "RUS" in _countries(e, "source") | _countries(e, "target")),
    }
    for name, (params, keep) in by.items():
        got = [e["id"] for e in walk(client, "/api/events", include_negated="true", limit=2, **params)]
        want = [e["id"] for e in every if keep(e)]
        assert got == want and got, name
    assert all(e["quad"] in (1, 2, 3, 4) for e in every)


def test_event_detail_says_why_it_is_here(client):
    request = next(e for e in walk(client, "/api/events", dyad="BLR-RUS") if e["type"] == "REQUEST")
    detail = client.get(f"/api/events/{request['id']}").json()
    mention = detail["mentions"][0]
    assert mention["trigger"]["text"] in mention["sentence"]
    assert "Lukashenko" in mention["sentence"]
    assert mention["sentence_offsets"]["start"] <= mention["trigger"]["start"] < mention["sentence_offsets"]["end"]
    assert mention["coded_by"] and 0 <= mention["confidence"] <= 1
    assert detail["record"]["date"]["via"]["occasion"]["text"]  # dated from an occasion named earlier


def test_monthly_series_matches_the_events(client):
    series = client.get("/api/dyads/BLR/RUS/series", params={"interval": "month"}).json()
    events = walk(client, "/api/events", dyad="BLR-RUS")
    by_month = Counter(e["date"][:7] for e in events)
    assert {p["period"]: p["events"] for p in series["periods"]} == dict(by_month)
    for p in series["periods"]:
        assert sum(p["by_quad"].values()) == p["events"]
        assert -10 <= p["goldstein_mean"] <= 10
    march = next(p for p in series["periods"] if p["period"] == "2025-03")
    assert march["articles"] == 1 and march["events_per_100_articles"] == 100 * march["events"]
    assert march["start"] == "2025-03-01" and march["end"] == "2025-03-31"
    assert client.get("/api/dyads/RUS/BLR/series").json()["periods"] == series["periods"]


def test_day_and_week_series(client):
    days = client.get("/api/dyads/BLR/RUS/series", params={"interval": "day"}).json()["periods"]
    assert "2024-12-06" in {p["period"] for p in days}
    weeks = client.get("/api/dyads/BLR/RUS/series", params={"interval": "week"}).json()["periods"]
    assert "2024-12-02" in {p["period"] for p in weeks}  # the Monday of 6 December 2024's week
    assert sum(p["events"] for p in weeks) == sum(p["events"] for p in days)


def test_country_changes(client):
    body = client.get("/api/countries/KEN/changes", params={"as_of": "2025-04-22"}).json()
    agree = next(t for t in body["types"] if t["type"] == "AGREE")
    assert agree["this_week"] >= 1 and agree["avg_4_weeks"] == 0
    assert body["week"] == ["2025-04-16", "2025-04-22"]
    later = client.get("/api/countries/KEN/changes", params={"as_of": "2025-05-15"}).json()
    agree = next(t for t in later["types"] if t["type"] == "AGREE")
    assert agree["this_week"] == 0 and agree["avg_4_weeks"] > 0
    assert client.get("/api/countries/ZZZ/changes").json()["types"] == []


def test_map_counts(client):
    body = client.get("/api/map", params={"since": "2025-04-01", "until": "2025-04-30"}).json()
    counts = {c["country"]: c for c in body["items"]}
    assert counts["LTU"]["iso_n3"] == "440" and counts["LTU"]["events"] >= 1
    assert "KEN" in counts and body["first"] <= "2024-12-06"


def test_search(client, seed_record):
    body = client.get("/api/search", params={"q": "Belarus"}).json()
    assert seed_record["id"] in {a["id"] for a in body["items"]}
    assert "actors" in body and "quotes" in body
    one = client.get("/api/search", params={"q": "Belarus", "limit": 1}).json()
    assert one["next"] and client.get("/api/search", params={"q": "Belarus", "cursor": one["next"]}).json()["items"]


@pytest.mark.parametrize("fmt", export_formats())
def test_export_streams_every_text_format(client, fmt):
    r = client.get("/api/export", params={"format": fmt, "dyad": "BLR-RUS"})
    assert r.status_code == 200 and r.text.strip(), fmt
    if fmt == "jsonl":
        assert "REQUEST" in {json.loads(line)["event"]["type"] for line in r.text.splitlines()}


def test_export_of_everything_equals_dateline_export(client, store_path):
    """The stream, unfiltered, is what `dateline export --format jsonl` writes for the store."""
    import io

    from dateline.output.export import export
    from dateline.output.happenings import Selection
    from dateline.output.inputs import read_stories

    out = io.StringIO()
    export(read_stories([str(store_path)]), "jsonl", out, selection=Selection(include_negated=True, all_modalities=True))
    streamed = client.get("/api/export", params={"format": "jsonl", "include_negated": "true"}).text
    assert len(streamed.splitlines()) == len(out.getvalue().splitlines()) > 5


def test_folder_formats_are_refused_with_a_code(client):
    r = client.get("/api/export", params={"format": "parquet"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_parameter"


# -- errors ---------------------------------------------------------------------------------------------------
MALFORMED = [
    "/api/articles?since=2025-13-45",
    "/api/articles?limit=0",
    "/api/articles?limit=100000",
    "/api/articles?cursor=not-a-cursor!!",
    "/api/articles?updated_since=yesterday",
    "/api/events?dyad=BELARUS-RUSSIA",
    "/api/events?quad=7",
    "/api/events?min_confidence=2",
    "/api/events?cameo=abc",
    "/api/events/0",
    "/api/events/notanumber",
    "/api/dyads/BLR/RUS/series?interval=year",
    "/api/dyads/B1R/RUS/series",
    "/api/countries/RUSSIA/changes",
    "/api/export?format=xml",
    "/api/search",
    "/api/articles/no-such-article",
    "/api/actors/Nobody%20At%20All",
    "/api/nothing-here",
    "/api/events?cursor=" + encode_cursor([1, 2]),
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_requests_get_a_coded_4xx(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
    error = r.json()["error"]
    assert error["code"] in CODES and error["message"] and error["status"] == r.status_code


def test_cursor_round_trip_and_rejection():
    assert decode_cursor(encode_cursor(["2025-02-10", 7]), (str, int)) == ["2025-02-10", 7]
    for bad in ("", "%%%", encode_cursor(["x"]), encode_cursor([True, 1])):
        with pytest.raises(ApiError) as caught:
            decode_cursor(bad, (str, int))
        assert caught.value.code == "bad_cursor"


def test_a_query_past_its_time_limit_is_stopped(store_path):
    reader = open_reader(store_path, time_limit=0.05)
    with pytest.raises(ApiError) as caught:
        reader.rows("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
    assert caught.value.status == 503 and caught.value.code == "query_timeout"
    assert reader.one("SELECT count(*) FROM articles")[0] == 4  # the connection still serves


def test_a_quick_read_that_runs_long_is_run_again_in_a_thread(store_path, client, monkeypatch):
    from dateline.serve import api
    from dateline.serve.db import QuickOverrun

    reader = open_reader(store_path, time_limit=5)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    with reader.quick(0.02), pytest.raises(QuickOverrun):
        reader.rows(endless)
    assert reader.one("SELECT count(*) FROM articles")[0] == 4  # the full limit is back after it

    # on the loop the read overruns; in the thread (no quick budget) it answers
    real, threads = api.ev.list_events, []

    def slow_on_the_loop(*args, **kwargs):
        if getattr(reader_of_app._local, "quick", None) is not None:
            raise QuickOverrun()
        threads.append(True)
        return real(*args, **kwargs)

    reader_of_app = client.app.state.reader
    monkeypatch.setattr(api.ev, "list_events", slow_on_the_loop)
    r = client.get("/api/events?dyad=BLR-RUS&limit=2&include_negated=true&min_confidence=0.001")  # not cached
    assert r.status_code == 200 and r.json()["items"] and threads == [True]


def test_reads_cannot_write(store_path):
    from dateline.store.dialect import is_postgres_url

    if is_postgres_url(store_path):  # a read-only session: default_transaction_read_only
        from psycopg.errors import ReadOnlySqlTransaction as refused
    else:  # a file opened mode=ro
        from sqlite3 import OperationalError as refused
    reader = open_reader(store_path)
    with pytest.raises(refused):
        reader.rows("DELETE FROM articles")
    assert reader.value("SELECT count(*) FROM articles") == 4
    reader.close()


# -- POST ------------------------------------------------------------------------------------------------------
def test_post_refused_without_a_configured_key(client, seed_record):
    r = client.post("/api/articles", json=seed_record, headers={"X-API-Key": "anything"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_post_needs_the_key_and_then_ingests(writable_client, seed_record, api_key):
    API_KEY = api_key  # noqa: N806 - the name the checks read best with
    c = writable_client
    assert c.post("/api/articles", json=seed_record).status_code == 401
    assert c.post("/api/articles", json=seed_record, headers={"X-API-Key": "wrong"}).status_code == 403
    assert c.get("/api/articles").json()["items"] == []
    r = c.post("/api/articles", json=[seed_record], headers={"X-API-Key": API_KEY})
    assert r.status_code == 201 and r.json()["stored"] == 1
    assert c.get("/api/articles", params={"q": "Ryabkov"}).json()["items"][0]["id"] == seed_record["id"]
    assert walk(c, "/api/events", dyad="BLR-RUS"), "the POSTed record's events are queryable"
    again = c.post("/api/articles", json=seed_record, headers={"X-API-Key": API_KEY}).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


def test_post_an_input_record_runs_the_pipeline(writable_client, api_key):
    API_KEY = api_key  # noqa: N806 - the name the checks read best with
    record = {"id": "posted-input", "published": "2025-05-02",
              "text": "Belarus and Russia agreed on Friday to extend their joint air patrols, officials said."}
    r = writable_client.post("/api/articles", json=record, headers={"X-API-Key": API_KEY})
    assert r.status_code == 201 and r.json()["stored"] == 1
    stored = writable_client.get("/api/articles/posted-input").json()
    assert stored["schema"] == "dateline/1" and stored["published"] == "2025-05-02"


@pytest.mark.parametrize("body", [b"not json", b"[]", b"[1, 2]", b'{"schema": "dateline/1"}', b'{"id": "x"}'])
def test_post_bad_bodies_get_a_coded_422(writable_client, body, api_key):
    API_KEY = api_key  # noqa: N806 - the name the checks read best with
    r = writable_client.post("/api/articles", content=body,
                             headers={"X-API-Key": API_KEY, "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_record"


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/events", "/api/dyads/{a}/{b}/series", "/api/export"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200


def test_a_postgres_server_out_of_reach_is_a_coded_503_and_the_cache_stands_aside():
    pytest.importorskip("psycopg")
    from dateline.serve.cache import change_counter

    nowhere = "postgresql://dateline@127.0.0.1:1/none"  # port 1: refused at once
    with pytest.raises(ApiError) as caught:
        open_reader(nowhere).rows("SELECT 1")
    assert caught.value.status == 503 and caught.value.code == "unavailable"
    assert change_counter(nowhere).version() is None
