"""Published dates in every shape sources write them; the store as other tools open it."""

from __future__ import annotations

import json
import sqlite3

import pytest
from helpers import run_export

import dateline
from dateline.ingest.dates import read_published
from dateline.ingest.files import from_record
from dateline.pipeline import process_batch
from dateline.store.db import Store


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-03-04", "2025-03-04"),
    ("2025-03-04T08:30:00Z", "2025-03-04T08:30:00Z"),  # ISO / RFC 3339: kept as given
    ("2025-03-04T08:30:00+03:00", "2025-03-04T08:30:00+03:00"),
    ("Tue, 04 Mar 2025 08:30:00 +0000", "2025-03-04T08:30:00+00:00"),  # RFC 2822, as RSS writes it
    ("March 4, 2025", "2025-03-04"), ("4 March 2025", "2025-03-04"), ("Mar 4 2025 10:00 GMT", "2025-03-04T10:00:00+00:00"),
    ("14/03/2025", "2025-03-14"), ("03/14/2025", "2025-03-14"),  # a part over 12 is the day
    (1741077000, "2025-03-04T08:30:00+00:00"), ("1741077000", "2025-03-04T08:30:00+00:00"),
    ("1741077000000", "2025-03-04T08:30:00+00:00"),  # epoch milliseconds
])
def test_published_dates_are_read(value, iso):
    assert read_published(value) == (iso, None)


def test_ambiguous_numeric_dates_are_day_first_with_a_warning():
    iso, warning = read_published("04/03/2025")
    assert iso == "2025-03-04" and warning.code.value == "W103"
    assert read_published("04/03/2025", month_first=True)[0] == "2025-04-03"


@pytest.mark.parametrize("value", ["last Tuesday", "Tuesday", "March 2025", "0001-01-01", "20250304", "soon"])
def test_unreadable_dates_are_a_coded_warning(value):
    iso, warning = read_published(value)
    assert iso is None and warning.code.value == "W102"


def test_the_api_reads_a_numeric_date_instead_of_failing(nlp):
    article = dateline.extract("Poland signed a gas supply agreement with Norway on Monday.", published="04/03/2025")
    assert article.error is None and article.published == "2025-03-04"
    assert [w.code for w in article.warnings] == ["W103"]
    assert article.events and article.events[0].date.earliest == "2025-03-03"


def test_records_with_rss_dates_are_dated(wire_articles):
    by_id = {a.id: a for a in wire_articles}
    assert by_id["gas-1"].published == "2025-03-04T08:30:00+00:00"
    assert by_id["shell-1"].published == "2025-03-03T13:00:00+00:00"  # epoch seconds
    assert all(not a.warnings for a in wire_articles)


UNDATED = "Poland signed a gas supply agreement with Norway on Monday, the energy ministry said."


def test_reingesting_with_the_missing_date_dates_the_article_and_its_events(nlp, store_url):
    db = store_url
    with Store(db) as store:
        first = store.ingest(process_batch([from_record({"id": "u1", "text": UNDATED})]))
        assert first.stored == 1
        assert store.conn.execute("SELECT published FROM articles").fetchone()[0] is None
        again = store.ingest(process_batch([from_record({"id": "u1", "text": UNDATED, "published": "4 March 2025"})]))
        assert (again.stored, again.dated) == (0, 1) and "given the published date" in str(again)
        assert store.conn.execute("SELECT published FROM articles").fetchone()[0] == "2025-03-04"
        dates = {r[0] for r in store.conn.execute("SELECT event_date FROM events")}
        assert dates == {"2025-03-03"}
        assert store.get("u1").published == "2025-03-04"
        third = store.ingest(process_batch([from_record({"id": "u1", "text": UNDATED, "published": "2025-05-01"})]))
        assert third.dated == 0  # a date it has is never overwritten


def test_the_store_declares_fts_and_views_for_other_tools(wire_files):
    sqlite_utils = pytest.importorskip("sqlite_utils", reason="pip install -e .[dev]")
    _, db = wire_files
    database = sqlite_utils.Database(db)
    assert database["articles"].detect_fts() == "articles_fts"
    assert database["quotes"].detect_fts() == "quotes_fts"
    hits = list(database["articles"].search("pokrovsk"))
    assert [h["id"] for h in hits] == ["shell-1"]
    assert {"dyadic_events", "quotes_by_speaker"} <= set(database.view_names())
    conn = sqlite3.connect(db)
    dyads = conn.execute("SELECT source_country, target_country, cameo, story_id FROM dyadic_events "
                         "WHERE cameo = '057'").fetchall()
    assert {(s, t, c) for s, t, c, _ in dyads} == {("POL", "NOR", "057")} and len(dyads) == 2
    assert len({story for *_, story in dyads}) == 1  # the story and its reprint
    strike = conn.execute("SELECT place_name, place_country, place_precision, lat, lon, geonames_id, story_id "
                          "FROM events WHERE cameo LIKE '19%' AND negated = 0").fetchone()
    assert strike[:3] == ("Pokrovsk", "UKR", "city") and strike[3] and strike[5] == 704422 and strike[6]
    conn.execute("SELECT speaker, quotes, articles FROM quotes_by_speaker").fetchall()


def test_export_refuses_what_it_cannot_read_with_a_coded_error(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Poland signed a gas deal.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "fine", "events": []}\n{"id": \n')
    odd = tmp_path / "odd.jsonl"
    event = {"type": "X", "cameo": "abc", "quad": 1, "goldstein": 1, "source": [], "target": [],
             "sentence": {"start": 0, "end": 1}, "trigger": {"text": "x", "start": 0, "end": 1}}
    odd.write_text(json.dumps({"id": "y", "text": "fine", "events": [event]}) + "\n")
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE things (x)").connection.commit()
    numeric = tmp_path / "numeric.jsonl"
    numeric.write_text(json.dumps({"id": "z", "text": 12}) + "\n")
    cases = [(text, "E110"), (tmp_path / "missing.db", "E107"), (bad, "E104"), (tmp_path, "E110"),
             (odd, "E104"), (numeric, "E104"), (foreign, "E110")]
    for path, expected in cases:
        code, out, err = run_export(path, "--format", "gdelt")
        assert code == 2 and expected in err and "Traceback" not in err + out, (path, err)
        assert out == ""
    assert sqlite3.connect(foreign).execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1  # untouched


def test_datasette_finds_the_fts_tables(wire_files):
    utils = pytest.importorskip("datasette.utils")
    _, db = wire_files
    conn = sqlite3.connect(db)
    assert utils.detect_fts(conn, "articles") == "articles_fts"
    assert utils.detect_fts(conn, "quotes") == "quotes_fts"


def test_migration_005_fills_the_new_columns_of_an_older_store(tmp_path):
    from importlib import resources

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))")
    folder = resources.files("dateline.store") / "migrations"
    for version, name in enumerate(["001_articles.sql", "002_quotes.sql", "003_events.sql", "004_stories.sql"], 1):
        conn.executescript((folder / name).read_text(encoding="utf-8"))
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
    event = {"type": "ASSAULT", "cameo": "190", "quad": 4, "goldstein": -10.0, "source": [], "target": [],
             "sentence": {"start": 0, "end": 10}, "trigger": {"text": "shelled", "start": 0, "end": 7},
             "date": {"text": "Sunday", "earliest": "2025-03-02", "latest": "2025-03-02"},
             "place": {"name": "Pokrovsk", "country": "UKR", "lat": 48.28, "lon": 37.18}}
    record = {"schema": "dateline/1", "id": "old", "text": "Forces shelled Pokrovsk.", "events": [event]}
    conn.execute("INSERT INTO articles (id, content_hash, headline, text, record) VALUES "
                 "('old', 'h', 'Shelling', 'Forces shelled Pokrovsk.', ?)", (json.dumps(record),))
    conn.execute("INSERT INTO events (article_rowid, seq, type, cameo, quad, goldstein, modality, confidence, "
                 "sentence_start, sentence_end) VALUES (1, 0, 'ASSAULT', '190', 3, -10, 'asserted', 0.9, 0, 10)")
    conn.execute("INSERT INTO stories (story_id, first_article) VALUES (7, 1)")
    conn.execute("INSERT INTO article_story VALUES (1, 7, 1.0, x'00')")
    conn.commit()
    conn.close()
    with Store(db) as store:
        row = store.conn.execute("SELECT place_name, place_country, lat, date_latest, story_id FROM events").fetchone()
        assert tuple(row) == ("Pokrovsk", "UKR", 48.28, "2025-03-02", 7)
        assert store.conn.execute("SELECT quad FROM events").fetchone()[0] == 4
        assert [hit["id"] for hit in store.search("pokrovsk")] == ["old"]  # the FTS index was rebuilt


def test_the_published_option_reads_the_same_forms_but_refuses_ambiguous_ones(nlp, tmp_path):
    import json as _json

    from click.testing import CliRunner

    from dateline.cli import main

    story = tmp_path / "story.txt"
    story.write_text("Poland signed a gas supply agreement with Norway on Monday.")
    result = CliRunner().invoke(main, ["extract", str(story), "--published", "Tue, 04 Mar 2025 08:30:00 +0000"])
    assert result.exit_code == 0, result.output
    assert _json.loads(result.stdout)["published"] == "2025-03-04T08:30:00+00:00"
    result = CliRunner().invoke(main, ["extract", str(story), "--published", "04/03/2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
