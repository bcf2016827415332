"""The store (SQLite, and PostgreSQL where marked by `store_url`): content-hash keys, FTS5 search with escaping, rejected inputs, migrations."""

from __future__ import annotations

import sqlite3

from dateline.ingest.raw import RawInput
from dateline.pipeline import Options, process_batch
from dateline.store.db import Store, fts_query

STORY = ("RIGA, Oct 2 (Reuters) - Latvia's government agreed on Wednesday to buy air defence "
         "systems from Germany, the defence ministry said.")
OTHER = ("VALLETTA, Oct 3 (Reuters) - Malta's parliament approved a budget on Thursday that "
         "cuts energy subsidies, lawmakers said.")


def articles(nlp, *texts, ids=None):
    raws = [RawInput(id=(ids or [f"a{i}" for i in range(len(texts))])[i], text=t) for i, t in enumerate(texts)]
    return list(process_batch(raws, Options(), nlp=nlp))


def test_ingest_is_idempotent(store_url, nlp):
    with Store(store_url) as store:
        first = store.ingest(articles(nlp, STORY, OTHER))
        again = store.ingest(articles(nlp, STORY + "  ", OTHER, ids=["b0", "b1"]))
        assert (first.stored, first.duplicates) == (2, 0)
        assert (again.stored, again.duplicates) == (0, 2)
        assert store.count() == 2


def test_search_escapes_user_queries(store_url, nlp):
    with Store(store_url) as store:
        store.ingest(articles(nlp, STORY, OTHER))
        assert [h["id"] for h in store.search("air defence")] == ["a0"]
        assert [h["id"] for h in store.search("subsid*")] == ["a1"]
        for hostile in ['"unbalanced', "NEAR(", "budget) OR (", "AND", "col:value", "-"]:
            store.search(hostile)  # must not raise
        assert store.search("(budget)")[0]["id"] == "a1"


def test_fts_query_quotes_every_term():
    assert fts_query('air "defence') == '"air" "defence"'
    assert fts_query("sub*") == '"sub"*'
    assert fts_query("   ") == ""


def test_rejected_inputs_are_kept(store_url, nlp):
    raws = [RawInput(id="good", text=STORY), RawInput(id="empty", text="   ")]
    with Store(store_url) as store:
        report = store.ingest(process_batch(raws, Options(), nlp=nlp))
        assert (report.stored, report.rejected) == (1, 1)
        (row,) = store.rejected()
        assert (row["input_id"], row["code"]) == ("empty", "E101")


def test_migrations_recorded_once(db_path):
    Store(db_path).close()
    with Store(db_path) as store:
        assert store.migrate() == []
        assert store.schema_version() >= 1
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "articles_fts", "rejected", "schema_migrations"} <= tables


def test_full_record_round_trips(store_url, nlp):
    (article,) = articles(nlp, STORY)
    with Store(store_url) as store:
        store.ingest([article])
        assert store.get("a0").to_dict() == article.to_dict()
