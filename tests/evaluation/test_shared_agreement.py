"""`dateline eval` agrees with the held-back scorers in ../shared/eval on the same records.

Each test takes a slice of a development set, scores it with our suite, and runs the shared
scorer on the same slice: with ``--pred`` on the records our suite scored (time, quotes, events),
or end to end through `.venv/bin/dateline extract` (datelines, html, which take no ``--pred``).
Every figure the shared scorer prints must agree within 0.005. Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluation import datelines, events, html, quotes
from dateline.evaluation import time as timex_suite
from dateline.evaluation.records import extract_records, extract_records_via_cli, write_records

ROOT = Path(__file__).resolve().parents[2]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
AGREE = 0.005

pytestmark = [pytest.mark.devdata,
              pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason=f"no shared scorers at {SHARED_EVAL}")]


def shared_scorer(script: str, *args: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, str(SHARED_EVAL / script), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def figures(text: str, patterns: dict[str, str]) -> dict[str, float]:
    found = {}
    for name, pattern in patterns.items():
        match = re.search(pattern, text)
        assert match, f"no {pattern!r} in the shared scorer's output:\n{text}"
        found[name] = float(match.group(1))
    return found


def assert_agree(ours: dict[str, float], theirs: dict[str, float]) -> None:
    far = {k: (round(ours[k], 4), v) for k, v in theirs.items() if abs(ours[k] - v) > AGREE}
    assert not far, f"ours vs shared: {far}"


def slice_with_records(suite, data_dir: Path, nlp, n: int, tmp_path: Path) -> tuple[list, dict, Path, Path]:
    rows = suite.load(data_dir)[:n]
    records = extract_records(suite.inputs(rows), nlp=nlp)
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    write_records(records, pred)
    return rows, records, gold, pred


def with_details(scores, keys: dict[str, tuple[str, int]]) -> dict[str, float]:
    merged = dict(scores.metrics)
    for name, (key, index) in keys.items():
        merged[name] = scores.details[key][index]
    return merged


def test_time_agrees_with_score_time(data_dir, nlp, tmp_path):
    rows, records, gold, pred = slice_with_records(timex_suite.SUITE, data_dir, nlp, 14, tmp_path)
    ours = timex_suite.score(rows, records)
    out = shared_scorer("score_time.py", gold, "--pred", pred)
    theirs = figures(out, {"time.relaxed_f1": r"relaxed P [\d.]+ R [\d.]+ F1 ([\d.]+)",
                           "time.strict_f1": r"strict F1 ([\d.]+)", "time.value_f1": r"value F1 ([\d.]+)",
                           "relaxed precision": r"relaxed P ([\d.]+)", "relaxed recall": r"relaxed P [\d.]+ R ([\d.]+)"})
    assert_agree({**ours.metrics, **ours.details}, theirs)
    assert ours.details["gold"] == int(re.search(r"gold (\d+)", out).group(1))
    assert ours.details["predicted"] == int(re.search(r"predicted (\d+)", out).group(1))


def test_quotes_agree_with_score_quotes(data_dir, nlp, tmp_path):
    rows, records, gold, pred = slice_with_records(quotes.SUITE, data_dir, nlp, 10, tmp_path)
    ours = quotes.score(rows, records)
    out = shared_scorer("score_quotes.py", gold, "--pred", pred)
    theirs = figures(out, {f"quotes.{role}_f1": rf"{role}\s+P [\d.]+ R [\d.]+ F1 ([\d.]+)"
                           for role in ("content", "cue", "source")}
                     | {"quotes.near_exact_content_f1": r"near-exact content F1 ([\d.]+)",
                        "source P": r"source\s+P ([\d.]+)", "source R": r"source\s+P [\d.]+ R ([\d.]+)"})
    assert_agree(with_details(ours, {"source P": ("source P/R", 0), "source R": ("source P/R", 1)}), theirs)


def test_plover_agrees_with_score_events(data_dir, nlp, tmp_path):
    rows, records, gold, pred = slice_with_records(events.PLOVER, data_dir, nlp, 40, tmp_path)
    ours = events.score_plover(rows, records)
    out = shared_scorer("score_events.py", "plover", gold, "--pred", pred)
    theirs = figures(out, {"plover.top_accuracy": r"top-event type accuracy ([\d.]+)",
                           "plover.type_recall": r"type recall \(any event\) ([\d.]+)",
                           "plover.actor_country": r"actor country with right type ([\d.]+)",
                           "plover.recipient_country": r"recipient country ([\d.]+)"})
    assert_agree(ours.metrics, theirs)


def test_penta_agrees_with_score_events(data_dir, nlp, tmp_path):
    rows, records, gold, pred = slice_with_records(events.PENTA, data_dir, nlp, 60, tmp_path)
    ours = events.score_penta(rows, records)
    out = shared_scorer("score_events.py", "penta", gold, "--pred", pred)
    theirs = figures(out, {"penta.macro_f1": r"macro F1 ([\d.]+)", "penta.accuracy": r"\(accuracy ([\d.]+)"})
    assert_agree(ours.metrics, theirs)
    assert ours.details["no top event"] == int(re.search(r"no event predicted for (\d+)", out).group(1))


def _cli_env(tmp_path: Path) -> dict[str, str]:
    if not (ROOT / ".venv" / "bin" / "dateline").exists():
        pytest.skip("no .venv/bin/dateline in the checkout (the shared scorers run it)")
    return {"PROJECT": str(ROOT), "EVAL_CACHE": str(tmp_path / "cache")}


def test_datelines_agree_end_to_end(data_dir, nlp, tmp_path):
    env = _cli_env(tmp_path)
    rows = datelines.load(data_dir)[:12]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ours = datelines.score(rows, extract_records(datelines.inputs(rows), nlp=nlp))
    out = shared_scorer("score_datelines.py", gold, env=env)
    theirs = figures(out, {"datelines.place": r"place ([\d.]+)", "datelines.month_day": r"month-day ([\d.]+)",
                           "datelines.accuracy": r"\(place and date\) ([\d.]+)"})
    assert_agree(ours.metrics, theirs)


def _html_slice(data_dir: Path, keys: list[str], into: Path) -> Path:
    """A folder in the benchmark's layout holding only the given pages."""
    truth = json.loads((data_dir / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    (into / "html").mkdir(parents=True)
    (into / "ground-truth.json").write_text(json.dumps({k: truth[k] for k in keys}), encoding="utf-8")
    for key in keys:
        shutil.copy(data_dir / "html" / "html" / f"{key}.html.gz", into / "html" / f"{key}.html.gz")
    return into


def _non_english_first(rows: list[dict], n: int) -> list[dict]:
    """A slice that holds pages `extract` rejects (not English) as well as English ones."""
    lang = re.compile(r"<html[^>]*\blang=[\"']?(?!en)[a-z]", re.I)
    foreign = [r for r in rows if lang.search(r["html"][:4000])]
    return (foreign[:2] + [r for r in rows if r not in foreign[:2]])[:n]


def test_html_agrees_end_to_end(data_dir, nlp, tmp_path):
    env = _cli_env(tmp_path)
    rows = _non_english_first(html.load(data_dir), 6)
    rows.sort(key=lambda r: r["id"])
    folder = _html_slice(data_dir, [r["id"] for r in rows], tmp_path / "pages")
    ours = html.score(rows, extract_records(html.inputs(rows), nlp=nlp))
    out = shared_scorer("score_html.py", folder, env=env)
    theirs = figures(out, {"html.f1": r"ours P [\d.]+ R [\d.]+ F1 ([\d.]+)", "precision": r"ours P ([\d.]+)",
                           "recall": r"ours P [\d.]+ R ([\d.]+)"})
    assert_agree({**ours.metrics, **ours.details}, theirs)


def test_in_process_records_are_the_command_lines(data_dir, nlp):
    """The records the suites score are byte for byte the ones `dateline extract -` prints."""
    rows = quotes.load(data_dir)[:3] + html.load(data_dir)[:2]
    inputs = quotes.inputs(rows[:3]) + html.inputs(rows[3:])
    assert extract_records(inputs, nlp=nlp) == extract_records_via_cli(inputs)

