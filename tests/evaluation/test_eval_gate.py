"""The quality gate: every development-set score stays at or above its pinned floor.

Floors live in src/dateline/evaluation/baseline.json; `dateline eval --update-baseline` raises
them, and lowering one takes `--lower-floors` (a decision made in review, not by accident).
"""

from __future__ import annotations

import pytest

from dateline.evaluation import SUITES
from dateline.evaluation.harness import TOLERANCE, load_baseline, run_suites


@pytest.mark.slow
@pytest.mark.devdata
@pytest.mark.parametrize("suite", SUITES)
def test_suite_scores_hold_their_floors(suite, data_dir):
    floors = load_baseline()
    pinned = {m: f for m, f in floors.items() if m.startswith(suite + ".")}
    if not pinned:
        pytest.skip(f"no floors pinned for {suite}")
    result = run_suites(data_dir, [suite])[suite]
    if "skipped" in result:
        pytest.skip(result["skipped"])
    below = {m: (round(result["metrics"].get(m, 0.0), 4), f) for m, f in pinned.items()
             if result["metrics"].get(m, 0.0) < f - TOLERANCE}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_a_drop_below_a_floor_is_reported(monkeypatch):
    from dateline.evaluation import harness

    monkeypatch.setattr(harness, "load_baseline", lambda: {"x.f1": 0.9})
    assert harness.check_floors({"x": {"metrics": {"x.f1": 0.5}}}) == ["x.f1 = 0.5000 < floor 0.9000"]
    assert harness.check_floors({"x": {"metrics": {"x.f1": 0.899}}}) == []
