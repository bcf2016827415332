"""No delimited export cell starts like a formula (nor with a sign); numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest
from helpers import run_export, tsv_rows

from dateline.output.export import safe_cell


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+7 495", "'+7 495"), ("-rebels", "'-rebels"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("-10.0", " -10.0"), ("-3.7", " -3.7"), ("+2", " +2"),
    ("1e-3", "1e-3"), ("Reuters", "Reuters"), ("", ""), (None, ""),
])
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_no_exported_cell_starts_like_a_formula(wire_files):
    _, db = wire_files  # one publisher is "=Northwire Europe"
    for fmt in ("gdelt", "gdelt-mentions", "icews", "csv"):
        code, out, err = run_export(db, "--format", fmt)
        assert code == 0, err
        rows = list(csv.reader(io.StringIO(out))) if fmt == "csv" else tsv_rows(out)
        cells = [cell for row in rows for cell in row]
        risky = [c for c in cells if c.startswith(("=", "+", "-", "@"))]
        assert not risky, (fmt, risky)
        if fmt != "gdelt":
            assert any(c == "'=Northwire Europe" for c in cells), fmt


def test_signed_numbers_still_load_as_numbers(wire_files):
    pandas = pytest.importorskip("pandas")
    _, db = wire_files
    code, out, err = run_export(db, "--format", "csv")
    assert code == 0, err
    frame = pandas.read_csv(io.StringIO(out))
    assert frame["goldstein"].dtype.kind in "fi" and (frame["goldstein"] < 0).any()
    code, out, err = run_export(db, "--format", "icews")
    frame = pandas.read_csv(io.StringIO(out), sep="\t")
    assert frame["Intensity"].dtype.kind in "fi" and (frame["Intensity"] < 0).any()
