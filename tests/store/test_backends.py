"""SQLite and PostgreSQL hold the same store: the same inputs ingested into each give the same
exports in every format, the same answers to every reading command, a no-op re-ingest, and the
same rejections. PostgreSQL runs on $DATELINE_TEST_POSTGRES (skipped, saying why, when unset)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from openers import open_at_once

from dateline.cli import main
from dateline.store.db import Store
from dateline.store.dialect import PgConnection, display_name, to_postgres

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "output"))
from wire_stories import records  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXT_FORMATS = ("gdelt", "gdelt-mentions", "icews", "csv", "jsonl")
# ingested_at differs between two runs by the clock; GDELT's DATEADDED shows it. Pinned in both.
PINNED = "UPDATE articles SET ingested_at = '2025-06-01T12:00:00Z'"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    wire = folder / "wire.jsonl"
    wire.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")  # rejected: E101
    return [str(SAMPLES), str(wire), str(folder / "empty.txt")]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def ingest_and_pin(db: str, inputs: list[str]) -> str:
    out = run("ingest", *inputs, "--db", db)
    with Store(db) as store, store.conn:
        store.conn.execute(PINNED)
    return out


def exports(db: str, folder: Path) -> dict[str, object]:
    found: dict[str, object] = {fmt: run("export", "--db", db, "--format", fmt) for fmt in TEXT_FORMATS}
    found["csv-filtered"] = run("export", "--db", db, "--since", "2025-03-04", "--include-negated")
    out = folder / "parquet"
    run("export", "--db", db, "--format", "parquet", "-o", str(out))
    for table in sorted(p.name for p in out.iterdir()):
        found[f"parquet/{table}"] = pq.read_table(out / table).to_pylist()
    return found


def hits(printed: str) -> list[str]:
    return [line for line in printed.splitlines() if re.match(r"\[\d+\] ", line)]


def readings(db: str) -> dict[str, object]:
    """What each reading command prints (the store's name taken out of `report`'s first line)."""
    with Store(db) as store:
        first = store.get("1")
        assert first is not None
    return {  # search: the hits and their order; snippets are each engine's own (docs/database.md)
        "search": hits(run("search", "defence", "--db", db)),
        "search-prefix": hits(run("search", "sanction*", "--db", db)),
        "search-two": hits(run("search", "police protest", "--db", db)),
        "show": run("show", first.id, "--db", db, "--json"),
        "quotes": run("quotes", "--db", db),
        "quotes-about": run("quotes", "--about", "gas", "--db", db),
        "quotes-speaker": run("quotes", "--speaker", "MINISTRY", "--db", db),
        "events": run("events", "--db", db, "--json"),
        "events-country": run("events", "--country", "pol", "--db", db),
        "stories": run("stories", "--db", db),
        "story": run("story", "1", "--db", db),
        "stories-all": run("stories", "--min-articles", "1", "--db", db),
        "report": run("report", "--db", db).replace(db, "<db>", 1),
    }


@pytest.mark.slow
def test_postgresql_holds_what_sqlite_holds(inputs, tmp_path, postgres_url):
    lite = str(tmp_path / "lite.db")
    first = {db: ingest_and_pin(db, inputs) for db in (lite, postgres_url)}
    said = {db: re.sub(r"\(run \w+\)", "", out.replace(db, "<db>")) for db, out in first.items()}
    assert said[lite] == said[postgres_url]
    assert "1 rejected" in first[lite]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    want, got = exports(lite, tmp_path / "a"), exports(postgres_url, tmp_path / "b")
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], name
    assert "Pokrovsk" in str(want["csv"]) and len(want["parquet/events.parquet"]) >= 5  # type: ignore[arg-type]
    assert readings(postgres_url) == readings(lite)
    again = run("ingest", *inputs, "--db", postgres_url)
    assert "0 stored" in again and "1 rejected" in again
    with Store(lite) as a, Store(postgres_url) as b:
        assert a.count() == b.count() and len(a.rejected()) == len(b.rejected()) == 1
        tables = ("articles", "quotes", "events", "event_actors", "stories", "article_story",
                  "event_countries", "event_dyads", "dyad_periods", "rejected")
        counts = [[s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables] for s in (a, b)]
        assert counts[0] == counts[1]
        periods = "SELECT * FROM dyad_periods ORDER BY 1, 2, 3, 4, 5, 6, 7"
        assert [tuple(r) for r in a.conn.execute(periods)] == [tuple(r) for r in b.conn.execute(periods)]


def test_search_escapes_hostile_queries_on_both(store_url, nlp):
    from dateline.ingest.raw import RawInput
    from dateline.pipeline import Options, process_batch

    text = ("VALLETTA, Oct 3 (Reuters) - Malta's parliament approved a budget on Thursday that cuts "
            "energy subsidies for the U.S.-owned plants, lawmakers said.")
    with Store(store_url) as store:
        store.ingest(process_batch([RawInput(id="m1", text=text)], Options(), nlp=nlp))
        for hostile in ['"unbalanced', "NEAR(", "budget) OR (", "AND", "col:value", "-", "a & !b", "x:*",
                        "it's", "'", "<->", "\\", "%", "?"]:
            store.search(hostile)  # must not raise
        assert [h["id"] for h in store.search("(budget) subsid*")] == ["m1"]
        assert [h["id"] for h in store.search("U.S.-owned")] == ["m1"]
        assert store.search("budget -nothing-like-this") == []
        assert "[" in store.search("subsidies")[0]["snippet"]


def test_statements_are_rewritten_for_postgresql():
    assert to_postgres("SELECT a FROM t WHERE b LIKE ? ESCAPE '\\' AND c = ?") == \
        "SELECT a FROM t WHERE b ILIKE %s ESCAPE '\\' AND c = %s"
    assert to_postgres("INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING rowid") == \
        "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING RETURNING rowid"
    assert to_postgres("SELECT '%' || ?") == "SELECT '%%' || %s"


def test_every_spelling_of_a_postgres_url_means_psycopg():
    from dateline.store.dialect import is_postgres_url
    from dateline.store.postgres import sqlalchemy_url

    for url in ("postgresql://me@db/news", "postgres://me@db/news", "postgresql+psycopg://me@db/news",
                "POSTGRESQL://me@db/news"):
        assert is_postgres_url(url) and sqlalchemy_url(url) == "postgresql+psycopg://me@db/news"
    assert not is_postgres_url("postgresql.db") and not is_postgres_url("/data/postgresql://x")


def test_a_schema_that_is_not_there_is_a_coded_error(postgres_url):
    from dateline.errors import DatelineError

    with pytest.raises(DatelineError, match="create it first"):
        Store(postgres_url.rsplit("%3D", 1)[0] + "%3Dno_such_schema")


def test_a_store_url_is_printed_without_its_password():
    assert display_name("postgresql://me:hunter2@db:5432/news") == "postgresql://me:***@db:5432/news"
    assert display_name("postgresql://me@db/news") == "postgresql://me@db/news"
    assert display_name("my:odd@file.db") == "my:odd@file.db"


def test_a_postgres_store_is_one_connection_in_autocommit(postgres_url):
    with Store(postgres_url) as store:
        assert isinstance(store.conn, PgConnection) and store.dialect == "postgresql"
        assert store.schema_version() == 9 and store.migrate() == []
        store.count()
        assert not store.conn.in_transaction  # a read leaves no transaction open (it would hold locks)


def test_an_unreachable_server_is_a_coded_error():
    from dateline.errors import DatelineError

    with pytest.raises(DatelineError, match="E107|127.0.0.1:9"):
        Store("postgresql://nobody:secret@127.0.0.1:9/none")
    result = CliRunner().invoke(main, ["search", "x", "--db", "postgresql://nobody:secret@127.0.0.1:9/none"])
    assert result.exit_code != 0 and "secret" not in result.output




def test_processes_opening_one_new_postgres_store_at_once_migrate_it_once(postgres_url):
    results = open_at_once(postgres_url, 5, 4)
    assert [out.strip() for out, _err in results] == ["0"] * 4, [err for _out, err in results]
    with Store(postgres_url) as store:
        assert [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations")] == [8, 9]  # 008 the schema, 009 serve


NUL_TEXT = "OSLO, May 4 - Norway's fisheries\x00 ministry said on Tuesday it would cut the cod quota by a fifth."


def test_a_nul_in_the_text_is_kept_in_the_record_on_both(store_url, nlp):
    from dateline.ingest.raw import RawInput
    from dateline.pipeline import Options, process_batch

    with Store(store_url) as store:
        report = store.ingest(process_batch([RawInput(id="nul", text=NUL_TEXT, title="cod\x00")], Options(), nlp=nlp))
        assert report.stored == 1
        article = store.get("nul")
        assert article is not None and article.text == NUL_TEXT and article.headline == "cod\x00"
        assert [h["id"] for h in store.search("fisheries")] == ["nul"]


def test_a_failed_batch_leaves_nothing_behind_on_both(store_url, nlp):
    from dateline.ingest.raw import RawInput
    from dateline.pipeline import Options, process_batch

    texts = {"good": NUL_TEXT.replace("\x00", ""), "bad": "RIGA, Oct 2 - Latvia agreed to buy air defence "
             "systems from Germany, the defence ministry said.", "later": "VALLETTA, Oct 3 - Malta's parliament "
             "approved a budget on Thursday, lawmakers said."}
    arts = {a.id: a for a in process_batch([RawInput(id=k, text=v) for k, v in texts.items()], Options(), nlp=nlp)}

    def failing(conn, rowid, article):
        if article.id == "bad":
            raise RuntimeError("the disk filled up")

    with Store(store_url) as store:
        store.savers.append(failing)
        with pytest.raises(RuntimeError):
            store.ingest([arts["good"], arts["bad"]])
        store.savers.remove(failing)
        assert store.count() == 0
        store.ingest([arts["later"]])
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert store.count() == 1 and events == len(arts["later"].events)


def test_watch_and_retry_rejected_on_both(store_url, tmp_path, nlp):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cod.txt").write_text(NUL_TEXT.replace("\x00", ""), encoding="utf-8")
    (inbox / "late.txt").write_text("  ", encoding="utf-8")  # rejected until it is written
    run("watch", str(inbox), "--once", "--db", store_url)
    run("watch", str(inbox), "--once", "--db", store_url)  # seen: nothing read again
    with Store(store_url) as store:
        assert store.count() == 1 and [r["code"] for r in store.rejected()] == ["E101"]
        assert store.conn.execute("SELECT count(*) FROM watch_seen").fetchone()[0] == 2
    (inbox / "late.txt").write_text("LIMA, June 9 - Peru's central bank held its benchmark interest rate on "
                                    "Thursday, the bank said.", encoding="utf-8")
    said = run("ingest", "--retry-rejected", "--db", store_url)
    assert "1 stored" in said
    with Store(store_url) as store:
        assert store.count() == 2 and store.rejected() == []


@pytest.mark.slow
def test_two_ingests_into_one_postgres_store_at_once(postgres_url, tmp_path):
    """Writers take turns per batch (an advisory lock), so two ingests of overlapping inputs at once
    neither deadlock over the shared dyad_periods rows nor store an article twice."""
    import subprocess

    lines = [json.dumps({"id": f"w{i}", "published": "2025-03-0" + str(1 + i % 9),
                         "text": f"WARSAW, March {1 + i % 9} - Poland signed agreement number {i} with Norway on "
                                 f"Monday after talks on item {i * 7}, the Polish energy ministry said."})
             for i in range(60)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[20:]) + "\n", encoding="utf-8")
    dateline = str(Path(sys.executable).parent / "dateline")
    procs = [subprocess.Popen([dateline, "ingest", str(path), "--db", postgres_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for path in (first, second)]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _out, err in results]
    with Store(postgres_url) as store:
        assert store.count() == 60
        assert store.conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 60
        periods = store.conn.execute("SELECT sum(events) FROM dyad_periods WHERE \"interval\" = 'month' "
                                     "AND directed = 1").fetchone()[0]
        dyads = store.conn.execute("SELECT count(*) FROM event_dyads WHERE event_date <> ''").fetchone()[0]
        assert periods == dyads
