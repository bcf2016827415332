"""ICEWS, CSV and Parquet exports of our wire stories, read back as analysts read them."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest
from helpers import run_export, tsv_rows

from dateline.geo import geonames
from dateline.output.export import ICEWS_COLUMNS, cameo_description
from dateline.output.tables import TABLES

pd = pytest.importorskip("pandas", reason="pip install -e .[dev]: the tests read CSV and Parquet with pandas")
duckdb = pytest.importorskip("duckdb", reason="pip install -e .[dev]")


def test_icews_has_its_header_20_fields_a_line_descriptions_and_country_names(wire_files):
    _, db = wire_files
    code, out, err = run_export(db, "--format", "icews")
    assert code == 0, err
    header, *rows = tsv_rows(out)
    assert header == ICEWS_COLUMNS and len(header) == 20
    assert rows and len(out.splitlines()) == len(rows) + 1  # one line per row
    col = {name: i for i, name in enumerate(header)}
    names = {c.name for c in geonames.countries().values()}
    for row in rows:
        assert len(row) == 20
        assert row[col["Event ID"]].isdigit() and row[col["Story ID"]].isdigit()
        assert row[col["Event Text"]] == cameo_description(row[col["CAMEO Code"]]) != ""
        for side in ("Source Country", "Target Country", "Country"):
            assert row[col[side]] == "" or row[col[side]] in names
    deal = next(r for r in rows if r[col["CAMEO Code"]] == "057")
    assert deal[col["Event Text"]] == "Sign formal agreement"
    assert (deal[col["Source Country"]], deal[col["Target Country"]]) == ("Poland", "Norway")
    assert deal[col["Source Sectors"]] == "Government"
    strike = next(r for r in rows if r[col["CAMEO Code"]].startswith("19"))
    assert (strike[col["City"]], strike[col["Country"]]) == ("Pokrovsk", "Ukraine")
    assert float(strike[col["Intensity"]]) == -10


def test_csv_keeps_codes_as_text_and_the_interval(wire_files):
    records, _ = wire_files
    code, out, err = run_export(records, "--format", "csv")
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(out))
    assert frame["cameo"].map(type).eq(str).all()  # "'057", never the number 57
    assert set(frame["cameo"].str.lstrip("'")) >= {"057", "190"}
    assert frame["goldstein"].dtype.kind == "f" and frame["goldstein"].min() == -10  # numbers stay numbers
    assert {"date", "date_latest", "date_precision"} <= set(frame.columns)
    assert set(frame["date_precision"]) == {"day"}
    assert not frame["negated"].any()
    code, out, _ = run_export(records, "--format", "csv", "--include-negated")
    negated = pd.read_csv(io.StringIO(out))
    assert negated["negated"].sum() == 1 and len(negated) == len(frame) + 1


def test_parquet_tables_load_in_pandas_and_duckdb(wire_files, tmp_path):
    _, db = wire_files
    folder = tmp_path / "tables"
    code, _, err = run_export(db, "--format", "parquet", "-o", folder)
    assert code == 0, err
    for name, columns in TABLES.items():
        table = pq.read_table(folder / f"{name}.parquet")
        assert table.column_names == [c.name for c in columns]
    events = pd.read_parquet(folder / "events.parquet")
    assert events["event_id"].dtype == "int64" and events["quad"].dtype == "int8"
    assert set(events["cameo"]) >= {"057", "190"}
    deal = events[events["cameo"] == "057"].iloc[0]
    assert (deal["num_articles"], deal["num_sources"]) == (2, 2)
    articles = pd.read_parquet(folder / "articles.parquet")
    assert len(articles) == 4 and articles["published_date"].notna().all()
    joined = duckdb.sql(
        f"SELECT e.cameo, count(*) AS n FROM '{folder / 'events.parquet'}' e "
        f"JOIN '{folder / 'mentions.parquet'}' m USING (event_id) GROUP BY 1 ORDER BY 1").fetchall()
    assert ("057", 2) in joined
    with_articles = duckdb.sql(
        f"SELECT count(*) FROM '{folder / 'mentions.parquet'}' m "
        f"JOIN '{folder / 'articles.parquet'}' a USING (article_id)").fetchall()[0][0]
    assert with_articles == len(pd.read_parquet(folder / "mentions.parquet"))
