"""Running the suites, printing their table, and gating on the pinned baseline.

Each suite builds its inputs, gets the records ``extract`` writes for them (``records``), and
scores them on the whole set and on its tune and check halves (``splits``). ``baseline.json``
pins, per suite, the digest of its development set and, per metric, the floor a change must not
fall below (trafilatura's eval gate, which pins its corpus the same way). A set whose digest
differs from the pinned one is reported as changed and its floors are not applied: new data is
re-pinned on purpose (``--update-baseline --accept-data``), never scored against old floors.
``update_floors`` raises floors to better scores; lowering one takes an explicit ``allow_lower``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline import settings
from dateline.evaluation import datelines, events, html, quotes, runner
from dateline.evaluation import time as timex_suite
from dateline.evaluation.runner import _baseline, load_baseline, load_pins, run_suite
from dateline.evaluation.splits import HALVES
from dateline.evaluation.suite import Suite

SUITES: dict[str, Suite] = {s.name: s for s in (datelines.SUITE, html.SUITE, timex_suite.SUITE, *events.SUITES,
                                                 quotes.SUITE)}
# A name on the command line that stands for several suites.
GROUPS = {"events": tuple(s.name for s in events.SUITES)}
# The gate tolerates noise far below any real regression.
TOLERANCE = 0.005
# Scores of other tools measured alongside ours (anchors) are reported, never pinned.
ANCHOR_MARKERS = (".trafilatura_",)


def default_data_dir() -> Path:
    configured = settings.get().eval_data
    if configured:
        return configured
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


def suite_names(requested: list[str] | tuple[str, ...] | None) -> list[str]:
    """Requested names with groups expanded, in the registry's order; unknown names kept (they
    are reported as skipped)."""
    if not requested:
        return list(SUITES)
    wanted = [n for name in requested for n in GROUPS.get(name, (name,))]
    return [n for n in SUITES if n in wanted] + [n for n in dict.fromkeys(wanted) if n not in SUITES]




def run_suites(data_dir: Path, suites: list[str] | tuple[str, ...] | None = None, limit: int | None = None,
               model: str | None = None, records_dir: Path | None = None) -> dict[str, Any]:
    from dateline.nlp import load_model

    names = suite_names(suites)
    if not data_dir.is_dir():
        return {name: {"skipped": f"no data folder at {data_dir}"} for name in names}
    results: dict[str, Any] = {}
    nlp = None
    for name in names:
        suite = SUITES.get(name)
        if suite is None:
            results[name] = {"skipped": f"no suite {name!r} (suites: {', '.join([*SUITES, *GROUPS])})"}
            continue
        if nlp is None and suite.present(data_dir):
            nlp = load_model(model)
        results[name] = run_suite(suite, data_dir, nlp, limit, records_dir)
    return results


def _number(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"


def _suite_heading(name: str, result: dict[str, Any]) -> str:
    n = result["n_halves"]
    data = {"pinned": "dev set as pinned", "new": "dev set not pinned yet",
            "changed": "DEV SET CHANGED since it was pinned: floors not applied"}[result["data"]]
    partial = "; partial run (--limit): floors not applied" if result["partial"] else ""
    heading = (f"{name}: {result['n']} documents ({n['tune']} tune / {n['check']} check), sha256 "
               f"{result['sha256'][:12]}, {data}{partial}; {result['seconds']} s")
    return heading + (f"\n  ({result['note']})" if result.get("note") else "")


def format_table(results: dict[str, Any]) -> str:
    floors = load_baseline()
    lines = [f"{'metric':<34} {'whole':>7} {'tune':>7} {'check':>7} {'floor':>7}", "-" * 66]
    for name, result in results.items():
        if "skipped" in result:
            lines.append(f"{name}: skipped — {result['skipped']}")
            continue
        lines.append(_suite_heading(name, result))
        gated = result["data"] == "pinned" and not result["partial"]
        for metric, value in result["metrics"].items():
            floor = floors.get(metric)
            below = gated and floor is not None and value < floor - TOLERANCE
            halves = [result["halves"][h].get(metric) for h in HALVES]
            star = " *" if metric == result["headline"] else ""
            lines.append(f"  {metric + star:<32} {value:>7.3f} {_number(halves[0]):>7} {_number(halves[1]):>7} "
                         f"{_number(floor):>7}{'  BELOW' if below else ''}")
        details = "; ".join(f"{k} {_number(v) if isinstance(v, float) else v}" for k, v in result["details"].items())
        lines.append(f"  [{details}]")
    lines.append("* the figure the shared scorer's last line reports")
    return "\n".join(lines)








def check_floors(results: dict[str, Any]) -> list[str]:
    """What fails the gate: a score below its floor, or a dev set that changed under its floors."""
    floors = load_baseline()
    failures = []
    for name, result in results.items():
        if result.get("partial"):
            continue
        if result.get("data") == "changed":
            failures.append(f"{name}: dev set changed (sha256 {result['sha256'][:12]}, pinned "
                            f"{load_pins()[name]['sha256'][:12]}); re-pin with --update-baseline --accept-data")
            continue
        for metric, value in result.get("metrics", {}).items():
            floor = floors.get(metric)
            if floor is not None and value < floor - TOLERANCE:
                failures.append(f"{metric} = {value:.4f} < floor {floor:.4f}")
    return failures


def _pinnable(metric: str) -> bool:
    return not any(marker in metric for marker in ANCHOR_MARKERS)


def update_floors(results: dict[str, Any], allow_lower: bool = False, accept_data: bool = False) -> list[str]:
    """Raise floors to the scores of full runs (lower them too with ``allow_lower``); pin the
    digest of a set seen for the first time, and of a changed one only with ``accept_data`` (its
    floors are then set to its new scores, up or down)."""
    baseline = _baseline()
    floors, pins = baseline.get("floors", {}), baseline.get("sets", {})
    changed = []
    for name, result in results.items():
        if "metrics" not in result or result["partial"] or (result["data"] == "changed" and not accept_data):
            continue
        lower = allow_lower or result["data"] == "changed"
        pins[name] = {"files": list(SUITES[name].files), "sha256": result["sha256"], "documents": result["n"]}
        for metric, value in result["metrics"].items():
            old, value = floors.get(metric), round(value, 4)
            if _pinnable(metric) and (old is None or value > old or (lower and value < old)):
                floors[metric] = value
                changed.append(metric)
    runner.BASELINE.write_text(json.dumps({"sets": dict(sorted(pins.items())), "floors": dict(sorted(floors.items()))},
                                   indent=2) + "\n")
    return changed
