"""The quality gate: every development-set score stays at or above its pinned floor, on the set
as it was pinned.

Floors and set digests live in src/dateline/evaluation/baseline.json; `dateline eval
--update-baseline` raises floors, lowering one takes `--lower-floors`, and re-pinning a changed
set takes `--accept-data` (decisions made in review, not by accident).
"""

from __future__ import annotations

import json

import pytest

from dateline.evaluation import harness, runner
from dateline.evaluation.harness import SUITES, TOLERANCE, load_baseline, load_pins, run_suites


@pytest.mark.slow
@pytest.mark.devdata
@pytest.mark.parametrize("suite", list(SUITES))
def test_suite_scores_hold_their_floors(suite, data_dir):
    floors = load_baseline()
    pinned = {m: f for m, f in floors.items() if m.startswith(suite + ".")}
    if not pinned:
        pytest.skip(f"no floors pinned for {suite}")
    result = run_suites(data_dir, [suite])[suite]
    if "skipped" in result:
        pytest.skip(result["skipped"])
    assert result["data"] == "pinned", (
        f"{suite}: the dev set changed since it was pinned (sha256 {result['sha256'][:12]}, pinned "
        f"{load_pins()[suite]['sha256'][:12]}): re-pin it with --update-baseline --accept-data")
    below = {m: (round(result["metrics"].get(m, 0.0), 4), f) for m, f in pinned.items()
             if result["metrics"].get(m, 0.0) < f - TOLERANCE}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_every_pinned_floor_belongs_to_a_pinned_set():
    pins = load_pins()
    assert {m.split(".")[0] for m in load_baseline()} <= set(pins)
    assert all(len(p["sha256"]) == 64 and p["documents"] > 0 for p in pins.values())


def _result(value: float, data: str = "pinned", partial: bool = False) -> dict:
    return {"metrics": {"x.f1": value, "x.trafilatura_f1": 0.99}, "data": data, "partial": partial,
            "sha256": "b" * 64, "n": 10}


@pytest.fixture
def baseline(tmp_path, monkeypatch):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"sets": {"x": {"files": ["x.jsonl"], "sha256": "a" * 64, "documents": 10}},
                                "floors": {"x.f1": 0.9}}))
    monkeypatch.setattr(runner, "BASELINE", path)
    monkeypatch.setitem(harness.SUITES, "x", SUITES["datelines"])
    return path


def test_a_drop_below_a_floor_is_reported(baseline):
    assert harness.check_floors({"x": _result(0.5)}) == ["x.f1 = 0.5000 < floor 0.9000"]
    assert harness.check_floors({"x": _result(0.899)}) == []


def test_a_changed_set_fails_the_gate_whatever_its_scores(baseline):
    failures = harness.check_floors({"x": _result(0.95, data="changed")})
    assert len(failures) == 1 and "dev set changed" in failures[0] and "bbbbbbbbbbbb" in failures[0]


def test_a_partial_run_is_never_gated(baseline):
    assert harness.check_floors({"x": _result(0.1, partial=True)}) == []


def test_floors_rise_but_fall_only_when_asked(baseline):
    assert harness.update_floors({"x": _result(0.8)}) == []
    assert load_baseline() == {"x.f1": 0.9}
    assert harness.update_floors({"x": _result(0.8)}, allow_lower=True) == ["x.f1"]
    assert load_baseline() == {"x.f1": 0.8}
    harness.update_floors({"x": _result(0.85)})
    assert load_baseline() == {"x.f1": 0.85}  # the anchor (trafilatura) is never pinned


def test_a_changed_set_is_repinned_only_when_accepted(baseline):
    harness.update_floors({"x": _result(0.7, data="changed")})
    assert load_pins()["x"]["sha256"] == "a" * 64 and load_baseline() == {"x.f1": 0.9}
    harness.update_floors({"x": _result(0.7, data="changed")}, accept_data=True)
    assert load_pins()["x"]["sha256"] == "b" * 64 and load_baseline() == {"x.f1": 0.7}


def test_a_partial_run_never_moves_a_floor(baseline):
    harness.update_floors({"x": _result(0.99, partial=True)})
    assert load_baseline() == {"x.f1": 0.9}
