"""The code catalogue: every code has its message, a kind, and a row in docs/errors.md."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.errors import MESSAGES, RETIRED, Code, DatelineError

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def _doc_rows() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"`[EW]\d{3}`", cells[0]):
            rows[cells[0].strip("`")] = cells
    return rows


def test_codes_are_unique_and_well_formed():
    assert len(Code.__members__) == len(list(Code)), "two names share a code (an Enum alias)"
    for code in Code:
        assert re.fullmatch(r"[EW][1-9]\d{2}", code.value), code
        assert code.message.strip() and MESSAGES[code] == code.message


def test_every_code_is_documented_with_its_message():
    rows = _doc_rows()
    for code in Code:
        assert code.value in rows, f"{code.value} ({code.name}) is missing from docs/errors.md"
        _, name, message, when = rows[code.value]
        assert name == f"`{code.name}`" and message == code.message, code
        assert when
        assert ("retired" in when) == (code in RETIRED), code
    assert set(rows) == {code.value for code in Code}, "docs/errors.md lists a code errors.py lacks"


def test_warnings_are_w_codes_and_failures_e_codes():
    assert Code.STAGE_FAILED.is_warning and Code.DECODED_WITH_FALLBACK.is_warning
    assert not Code.EMPTY.is_warning
    assert DatelineError(Code.FETCH, "http://127.0.0.1/x").message == "could not fetch: http://127.0.0.1/x"
    assert Code.MODEL_MISSING.text("cue_chooser").startswith("W301 trained model missing")


def test_no_retired_code_is_raised():
    src = Path(__file__).resolve().parents[1] / "src" / "dateline"
    for path in src.rglob("*.py"):
        if path.name == "errors.py":
            continue
        text = path.read_text(encoding="utf-8")
        for code in RETIRED:
            assert not re.search(rf"Code\.{code.name}\b", text) and f'"{code.value}"' not in text, (path, code)


def test_a_coded_error_crosses_a_process_boundary():
    import pickle

    err = pickle.loads(pickle.dumps(DatelineError(Code.NO_TEXT, "feed.xml: item 3")))
    assert err.code is Code.NO_TEXT and err.detail == "feed.xml: item 3"
    assert err.message == "record has neither 'text' nor 'html': feed.xml: item 3"
