"""Running the evaluation suites, printing their table and gating on the pinned baseline.

The floors in ``baseline.json`` are the scores a change must not fall below (trafilatura's
eval_gate idea). ``update_floors`` raises them to new, better scores; lowering one takes an
explicit ``allow_lower``.
"""

from __future__ import annotations

import json
import os
import time
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.evaluation import SUITES, datelines, events, html, quotes
from dateline.evaluation import time as time_suite

# The suite modules, imported plainly: one that cannot be imported fails here, it is never skipped.
SUITE_MODULES: dict[str, ModuleType] = {"datelines": datelines, "quotes": quotes, "time": time_suite,
                                        "events": events, "html": html}

BASELINE = Path(str(resources.files("dateline") / "evaluation" / "baseline.json"))
# The gate tolerates noise far below any real regression.
TOLERANCE = 0.005
# Scores of other tools measured alongside ours (anchors) are reported, never pinned; nor are
# precision and recall alone or ablations, so that a change may trade one for the other when
# the F1 it is judged by holds.
ANCHOR_MARKERS = (".trafilatura_",)
UNPINNED_ENDINGS = ("_p", "_r", ".precision", ".recall", "_only")


def default_data_dir() -> Path:
    env = os.environ.get("DATELINE_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


def run_suites(data_dir: Path, suites: list[str] | tuple[str, ...] | None = None,
               limit: int | None = None, model: str | None = None) -> dict[str, Any]:
    from dateline.nlp import load_model

    results: dict[str, Any] = {}
    if not data_dir.is_dir():
        return {name: {"skipped": f"no data folder at {data_dir}"} for name in suites or SUITES}
    nlp = None
    for name in suites or SUITES:
        module = SUITE_MODULES.get(name)
        if module is None:
            results[name] = {"skipped": "no such suite"}
            continue
        if nlp is None and getattr(module, "NEEDS_NLP", True):
            nlp = load_model(model)
        started = time.perf_counter()
        result = module.run(data_dir, nlp, limit=limit)
        result["seconds"] = round(time.perf_counter() - started, 1)
        results[name] = result
    return results


def format_table(results: dict[str, Any]) -> str:
    floors = load_baseline()
    lines = [f"{'metric':<32} {'score':>7} {'floor':>7}   n", "-" * 56]
    for suite, result in results.items():
        if "skipped" in result:
            lines.append(f"{suite:<32} {'skipped':>7}           {result['skipped']}")
            continue
        for metric, value in result["metrics"].items():
            floor = floors.get(metric)
            mark = "  BELOW" if floor is not None and value < floor - TOLERANCE else ""
            floor_text = f"{floor:.3f}" if floor is not None else "-"
            lines.append(f"{metric:<32} {value:>7.3f} {floor_text:>7}   {result.get('n', '')}{mark}")
    return "\n".join(lines)


def load_baseline() -> dict[str, float]:
    if not BASELINE.exists():
        return {}
    floors: dict[str, float] = json.loads(BASELINE.read_text())["floors"]
    return floors


def check_floors(results: dict[str, Any]) -> list[str]:
    floors = load_baseline()
    failures = []
    for result in results.values():
        for metric, value in result.get("metrics", {}).items():
            floor = floors.get(metric)
            if floor is not None and value < floor - TOLERANCE:
                failures.append(f"{metric} = {value:.4f} < floor {floor:.4f}")
    return failures


def update_floors(results: dict[str, Any], allow_lower: bool = False) -> list[str]:
    floors = load_baseline()
    changed = []
    for result in results.values():
        for metric, value in result.get("metrics", {}).items():
            if any(marker in metric for marker in ANCHOR_MARKERS) or metric.endswith(UNPINNED_ENDINGS):
                continue
            value = round(value, 4)
            old = floors.get(metric)
            if old is None or value > old or (allow_lower and value < old):
                floors[metric] = value
                changed.append(metric)
    BASELINE.write_text(json.dumps({"floors": dict(sorted(floors.items()))}, indent=2) + "\n")
    return changed
