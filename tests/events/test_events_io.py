"""Events through the store, the exporters, the query command and the Phoenix importer."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from dateline.actors import phoenix
from dateline.cli.events import actors_group, events_command, export_command
from dateline.events.stage import extract_events
from dateline.output.export import export
from dateline.output.gdelt import GDELT_COLUMNS
from dateline.output.happenings import Item, Selection
from dateline.record import Article
from dateline.store.db import Store, content_hash

TEXT = ("Riga and Tallinn signed a border treaty on Friday.\n\n"
        "Latvian Prime Minister Evika Silina asked Finland to send more patrol ships to the Baltic.")


def _article(nlp) -> Article:
    article = Article(id="baltic-1", text=TEXT, published="2025-05-02")
    article.source.url = "https://example.org/baltic"
    extract_events(nlp(TEXT), article)
    return article


def _story(article: Article) -> list[list[Item]]:
    return [[Item(article, content_hash(article.text))]]


def test_gdelt_rows_have_string_codes_and_one_row_per_actor_pair(nlp):
    article = _article(nlp)
    out = io.StringIO()
    rows = export(_story(article), "gdelt", out)
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert rows == len(lines) >= 2
    assert all(len(line) == len(GDELT_COLUMNS) == 61 for line in lines)
    code_col = GDELT_COLUMNS.index("EventCode")
    assert all(line[code_col][:1] in "012" for line in lines)  # leading zeros kept: "057", not 57
    url_col = GDELT_COLUMNS.index("SOURCEURL")
    assert {line[url_col] for line in lines} == {"https://example.org/baltic"}
    countries = {line[GDELT_COLUMNS.index("Actor1CountryCode")] for line in lines}
    assert {"LVA", "EST"} <= countries


def test_csv_and_jsonl_exports(nlp):
    article = _article(nlp)
    out = io.StringIO()
    export(_story(article), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    request = [r for r in rows if r["type"] == "REQUEST"]
    assert request and request[0]["source_country"] == "LVA" and request[0]["target_country"] == "FIN"
    out = io.StringIO()
    export(_story(article), "jsonl", out, selection=Selection(since="2025-06-01"))
    assert out.getvalue() == ""  # every event is dated before --since


def test_store_query_and_cli(nlp, tmp_path):
    db = tmp_path / "events.db"
    with Store(db) as store:
        store.ingest([_article(nlp)])
        n = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert n == len(_article(nlp).events)
    runner = CliRunner()
    result = runner.invoke(events_command, ["--db", str(db), "--dyad", "LVA-FIN", "--json"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.output.splitlines()]
    assert [e["type"] for e in found] == ["REQUEST"]
    result = runner.invoke(events_command, ["--db", str(db), "--dyad", "RUSSIA"])
    assert result.exit_code == 2
    result = runner.invoke(export_command, ["--db", str(db), "--format", "icews"])
    assert result.exit_code == 0 and "Event ID\tEvent Date\t" in result.output


def test_phoenix_import_with_dated_roles(tmp_path, monkeypatch):
    src = tmp_path / "Tiny.actors.txt"
    src.write_text("# test dictionary\nJANE_EXAMPLE_  # invented\n+J._EXAMPLE\n"
                   "\t[FINELI 900101-191231]\n\t[FINGOV 200101-231231]\nOTHER_GROUP_ [IGOXYZ]\n", encoding="utf-8")
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(actors_group, ["import-phoenix", str(src)])
    assert result.exit_code == 0, result.output
    layer = phoenix.get_layer()
    assert layer is not None
    assert layer.lookup("Jane Example", "2021-06-01").code == "FINGOV"
    assert layer.lookup("J. Example", "1995-06-01").code == "FINELI"
    assert layer.lookup("Other Group").sector == "IGO"
    phoenix.get_layer.cache_clear()
