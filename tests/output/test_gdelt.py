"""GDELT 2.0 exports of our wire stories: the codebook's 61 event and 16 mention columns."""

from __future__ import annotations

import re

from helpers import run_export, tsv_rows

from dateline.output.gdelt import GDELT_COLUMNS, MENTIONS_COLUMNS
from dateline.store.db import Store

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}
ISO3_NOT_FIPS = {"POL", "NOR", "UKR", "RUS", "IRN", "BLR"}


def _gdelt(source) -> list[list[str]]:
    code, out, err = run_export(source, "--format", "gdelt")
    assert code == 0, err
    return tsv_rows(out)


def _quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def test_every_row_has_the_61_columns_in_codebook_formats(wire_files):
    _, db = wire_files
    rows = _gdelt(db)
    assert len(GDELT_COLUMNS) == 61 and rows
    urls = {"https://northwire.example/gas-deal", "https://dailyexample.example/poland-gas",
            "https://northwire.example/pokrovsk", "https://northwire.example/eu-iran"}
    for row in rows:
        assert len(row) == 61
        assert re.fullmatch(r"\d+", row[COL["GLOBALEVENTID"]])
        day = row[COL["SQLDATE"]]
        assert re.fullmatch(r"20\d{6}", day)
        assert row[COL["MonthYear"]] == day[:6] and row[COL["Year"]] == day[:4]
        assert float(row[COL["FractionDate"]]) // 1 == int(day[:4])
        code = row[COL["EventCode"]]
        assert row[COL["EventBaseCode"]] == code[:3] and row[COL["EventRootCode"]] == code[:2]
        assert int(row[COL["QuadClass"]]) == _quad(int(code[:2]))
        assert -10 <= float(row[COL["GoldsteinScale"]]) <= 10
        assert re.fullmatch(r"\d{14}", row[COL["DATEADDED"]])
        assert row[COL["SOURCEURL"]] in urls
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            assert row[COL[f"{geo}_CountryCode"]] not in ISO3_NOT_FIPS
            assert row[COL[f"{geo}_Type"]] in {"0", "1", "2", "3", "4", "5"}
            feature = row[COL[f"{geo}_FeatureID"]]
            assert feature == "" if row[COL[f"{geo}_Type"]] == "0" else feature.isdigit()  # a GeoNames id


def test_a_reprint_in_a_second_outlet_is_one_event_with_two_sources(wire_files):
    _, db = wire_files
    deals = [r for r in _gdelt(db) if r[COL["EventCode"]] == "057"]
    assert len(deals) == 1
    deal = deals[0]
    assert (deal[COL["NumArticles"]], deal[COL["NumSources"]], deal[COL["NumMentions"]]) == ("2", "2", "2")
    assert deal[COL["Actor1CountryCode"]] == "POL" and deal[COL["Actor2CountryCode"]] == "NOR"
    assert deal[COL["Actor1Geo_CountryCode"]] == "PL" and deal[COL["Actor2Geo_CountryCode"]] == "NO"
    assert deal[COL["Actor1Geo_FeatureID"]] == "798544"  # Poland's GeoNames id
    assert deal[COL["SQLDATE"]] == "20250303"  # "on Monday" of a story published Tuesday 4 March


def test_no_negated_act_is_exported(wire_files):
    _, db = wire_files
    for row in _gdelt(db):
        # "Ukraine did not retaliate against Belarus" is no event
        assert not (row[COL["Actor1CountryCode"]] == "UKR" and row[COL["Actor2CountryCode"]] == "BLR")
    code, _, err = run_export(db, "--format", "gdelt", "--include-negated")
    assert code == 2 and "include-negated" in err


def test_a_strike_is_placed_in_the_town_not_the_dateline_city(wire_files):
    _, db = wire_files
    strikes = [r for r in _gdelt(db) if r[COL["EventRootCode"]] == "19"]
    assert len(strikes) == 1
    row = strikes[0]
    assert row[COL["ActionGeo_FullName"]] == "Pokrovsk, Ukraine"
    assert row[COL["ActionGeo_Type"]] == "4"  # a world city
    assert row[COL["ActionGeo_CountryCode"]] == "UP"  # FIPS 10-4, not ISO's UKR
    assert row[COL["ActionGeo_ADM1Code"]] == "UP05"
    assert row[COL["ActionGeo_FeatureID"]] == "704422"  # its GeoNames id
    assert abs(float(row[COL["ActionGeo_Lat"]]) - 48.28) < 0.05
    assert "Kyiv" not in "\t".join(row)
    sanction = [r for r in _gdelt(db) if r[COL["EventCode"]] == "163" and r[COL["Actor2CountryCode"]] == "IRN"]
    assert sanction and sanction[0][COL["ActionGeo_FullName"]] == ""  # decided in Brussels; not put in Iran


def test_ids_are_stable_across_exports_and_ingest_orders(wire_files, wire_articles, tmp_path):
    records, db = wire_files
    first, again = _gdelt(db), _gdelt(db)
    assert first == again
    other = tmp_path / "reversed.db"
    with Store(other) as store:
        store.ingest(list(reversed(wire_articles)))
    def without_added(rows):
        return sorted([c for i, c in enumerate(r) if i != COL["DATEADDED"]] for r in rows)
    assert without_added(_gdelt(other)) == without_added(first)
    from_records = _gdelt(records)
    assert without_added(from_records) == without_added(first)
    reversed_records = tmp_path / "reversed.jsonl"
    reversed_records.write_text("".join(reversed(records.read_text().splitlines(keepends=True))))
    assert _gdelt(reversed_records) == from_records


def test_mentions_have_the_16_columns_and_integer_offsets(wire_files):
    _, db = wire_files
    events = _gdelt(db)
    code, out, err = run_export(db, "--format", "gdelt-mentions")
    assert code == 0, err
    mentions = tsv_rows(out)
    assert len(MENTIONS_COLUMNS) == 16
    assert all(len(m) == 16 for m in mentions)
    assert {m[0] for m in mentions} == {e[COL["GLOBALEVENTID"]] for e in events}
    for m in mentions:
        for name in ("SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "Confidence",
                     "MentionDocLen"):
            assert re.fullmatch(r" ?-?\d+", m[MENTIONS_COLUMNS.index(name)]), name  # " -1": see safe cells
        assert re.fullmatch(r"\d{14}", m[MENTIONS_COLUMNS.index("MentionTimeDate")])
    deal_id = next(e[0] for e in events if e[COL["EventCode"]] == "057")
    outlets = {m[MENTIONS_COLUMNS.index("MentionSourceName")] for m in mentions if m[0] == deal_id}
    assert outlets == {"Northwire", "The Daily Example"}


def test_quad_class_follows_gdelt_ranges():
    from dateline.events.lexicon import penta_class, quad_class

    assert [quad_class(c) for c in ("010", "057", "061", "0874", "090", "138", "141", "190", "204")] == \
        [1, 1, 2, 2, 3, 3, 4, 4, 4]  # investigate (09) is verbal conflict, protest (14) material conflict
    assert penta_class("010") == 0 and penta_class("090") == 2  # the coder's own classes, unchanged
