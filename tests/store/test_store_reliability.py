"""The store under concurrency and odd inputs: serialised migrations, rejections kept per input,
absolute paths, LIKE wildcards taken literally."""

from __future__ import annotations

import os
import time
from pathlib import Path

from openers import open_at_once

from dateline.record import Article, Quote, Source, Speaker, TextSpan
from dateline.store.db import Store, statements
from dateline.store.ingest import input_key, stored_path
from dateline.store.quotes import find_quotes


def test_six_processes_open_one_new_database_at_once(tmp_path):
    db = tmp_path / "new.db"
    results = open_at_once(str(db), 20, 6)
    assert [out.strip() for out, _err in results] == ["0"] * 6, [err for _out, err in results]
    with Store(db) as store:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        tables = store.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    assert versions == sorted(set(versions)) and 8 in versions and tables == 1




def test_six_processes_race_to_create_each_of_fifteen_new_databases(tmp_path):
    # All six open the same brand-new file at the same instant, fifteen times over: the switch to
    # WAL is where a plain open used to answer "database is locked" without waiting.
    results = open_at_once(str(tmp_path / "fresh-{n}.db"), 15, 6, start=time.time() + 2)
    assert [out.strip() for out, _err in results] == ["0"] * 6, [err for _out, err in results]


def test_migration_statements_keep_trigger_bodies_whole():
    script = ("CREATE TABLE t (a);\n-- a note; with a semicolon\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n"
              "  INSERT INTO t VALUES (1);\n  DELETE FROM t WHERE a = 2;\nEND;\nCREATE INDEX i ON t(a);\n")
    parts = list(statements(script))
    assert len(parts) == 3 and "DELETE FROM t" in parts[1]


def failed(input_id: str, path: str | None, code: str = "E111", url: str | None = None) -> Article:
    return Article.failed(input_id, code, "could not fetch", Source(path=path, url=url), "{}")


def stored(input_id: str, path: str | None, text: str) -> Article:
    return Article(id=input_id, text=text, source=Source(path=path))


def test_a_success_clears_only_its_own_inputs_rejection(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.ingest([failed("item-1", "https://a.example/feed.rss")])
        store.ingest([stored("item-1", "other.jsonl", "An unrelated record that happens to share the id.")])
        assert [r["input_key"] for r in store.rejected()] == ["https://a.example/feed.rss#item-1"]
        store.ingest([stored("item-1", "https://a.example/feed.rss", "The feed item, fetched at last.")])
        assert store.rejected() == []


def test_a_fixed_file_clears_its_old_rejection(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store(tmp_path / "t.db") as store:
        store.ingest([failed("hash-of-old-bytes", "story.txt", "E102")])
        (row,) = store.rejected()
        assert row["source_path"] == str(tmp_path / "story.txt")  # absolute
        store.ingest([stored("hash-of-new-bytes", "story.txt", "The story, saved again as text.")])
        assert store.rejected() == []
        assert store.conn.execute("SELECT source_path FROM articles").fetchone()[0] == str(tmp_path / "story.txt")


def test_a_second_failure_of_one_input_replaces_the_first(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.ingest([failed("x", "a.txt", "E102")])
        store.ingest([failed("y", "a.txt", "E105")])
        assert [(r["input_id"], r["code"]) for r in store.rejected()] == [("y", "E105")]


def test_input_keys():
    assert input_key("https://s/feed.rss", "g1") == "https://s/feed.rss#g1"
    assert input_key("/d/w.jsonl", "r1") == "/d/w.jsonl#r1"
    assert input_key("/d/a.zip!doc.txt", "h") == "/d/a.zip!doc.txt"
    assert input_key("/d/a.zip", "h") == "/d/a.zip#h"
    assert input_key("/d/page.html", "h") == "/d/page.html"
    assert input_key(None, "h") == "#h"
    assert stored_path("rel/x.txt") == os.path.abspath("rel/x.txt") and stored_path("http://x/y") == "http://x/y"


def test_old_rejections_carry_over_to_the_new_table(tmp_path):
    import sqlite3

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    folder = Path(__file__).parents[2] / "src" / "dateline" / "store" / "migrations"
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL DEFAULT 'x')")
    for script in sorted(folder.glob("00[1-7]_*.sql")):
        conn.executescript(script.read_text())
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                     (int(script.name[:3]), script.name))
    conn.execute("INSERT INTO rejected (input_id, source_path, code, message) VALUES ('a', 'f.txt', 'E102', 'm')")
    conn.execute("INSERT INTO rejected (input_id, source_path, code, message) VALUES ('a', 'f.txt', 'E105', 'n')")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert [(r["input_key"], r["code"]) for r in store.rejected()] == [("f.txt#a", "E105")]


def test_like_wildcards_in_a_speaker_are_literal(tmp_path):
    text = "Ann Lee said the plan would work. Bo Ray said 100% of it was wrong."
    article = Article(id="q", text=text, source=Source(path="q.txt"), quotes=[
        Quote("the plan would work", 13, 32, "indirect", TextSpan("said", 8, 12), Speaker("Ann Lee", 0, 7, "Ann Lee")),
        Quote("100% of it was wrong", 46, 66, "indirect", TextSpan("said", 41, 45), Speaker("Bo Ray", 34, 40, "Bo_Ray")),
    ])
    with Store(tmp_path / "t.db") as store:
        store.ingest([article])
        assert find_quotes(store.conn, speaker="%") == []
        assert [r.speaker for r in find_quotes(store.conn, speaker="_")] == ["Bo_Ray"]
        assert [r.speaker for r in find_quotes(store.conn, speaker="Ann")] == ["Ann Lee"]
