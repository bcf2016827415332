"""Suite "time": TempEval-3 style scoring of time expressions on time/timebank.jsonl.

Each document's text is parsed and run through the ``times`` stage with its creation date
(``dct``) as the publication date. A system expression matches a gold one when their extents
overlap (relaxed) or coincide (strict), pairing one-to-one in text order. Value F1 counts a
pair as right when the TIMEX3 values are equal (precision over all system expressions, recall
over all gold ones), as TempEval-3's attribute F1 does — the official scorer's value accuracy
on relaxed matches times relaxed F1 is the same number; type accuracy is over relaxed matches.
Diagnostics repeat the value F1 on the documents at even and odd positions, a cheap check that a
change helps both halves rather than one document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.record import Article, Timex
from dateline.timex.stage import extract_times

FILE = Path("time") / "timebank.jsonl"


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    compatible: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(gold: list[dict[str, Any]], system: list[Timex]) -> list[tuple[dict[str, Any] | None, Timex | None]]:
    """One-to-one pairing by overlap; unpaired items come back with None on the other side."""
    pairs: list[tuple[dict[str, Any] | None, Timex | None]] = []
    used: set[int] = set()
    for g in gold:
        partner = None
        for i, s in enumerate(system):
            if i not in used and s.start < g["end"] and g["start"] < s.end:
                partner = i
                break
        if partner is None:
            pairs.append((g, None))
        else:
            used.add(partner)
            pairs.append((g, system[partner]))
    pairs.extend((None, s) for i, s in enumerate(system) if i not in used)
    return pairs


def score_document(record: dict[str, Any], system: list[Timex], tally: Tally) -> None:
    gold = sorted(record["timexes"], key=lambda g: g["start"])
    tally.gold += len(gold)
    tally.system += len(system)
    for g, s in _pairs(gold, system):
        if g is not None and s is not None:
            tally.relaxed += 1
            tally.strict += (g["start"], g["end"]) == (s.start, s.end)
            tally.value += g["value"] == s.value
            tally.compatible += _compatible(g["value"], s.value)
            tally.type += g["type"] == s.type
        if g is None or s is None or g["value"] != s.value or (g["start"], g["end"]) != (s.start, s.end):
            tally.errors.append({
                "id": record["id"], "dct": record["dct"],
                "gold": None if g is None else [g["text"], g["type"], g["value"]],
                "system": None if s is None else [s.text, s.type, s.value],
                "context": _context(record["text"], g, s),
            })


def _compatible(gold: str, system: str) -> bool:
    """Diagnostic only: a gold value left unspecified ("1989-WXX", "1988-QX") admits any filling."""
    if len(gold) != len(system) or "X" not in gold:
        return gold == system
    return all(g == s or g == "X" for g, s in zip(gold, system, strict=True))


def _context(text: str, g: dict[str, Any] | None, s: Timex | None) -> str:
    bounds = ([(int(g["start"]), int(g["end"]))] if g else []) + ([(s.start, s.end)] if s else [])
    start = min(b[0] for b in bounds)
    end = max(b[1] for b in bounds)
    return " ".join(text[max(0, start - 60):min(len(text), end + 30)].split())


def run(data_dir: Path, nlp: Any, limit: int | None = None) -> dict[str, Any]:
    path = data_dir / FILE
    if not path.exists():
        return {"skipped": f"{path} not found"}
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    tally = Tally()
    halves = (Tally(), Tally())
    docs = nlp.pipe((r["text"] for r in records), batch_size=16)
    for index, (record, doc) in enumerate(zip(records, docs, strict=True)):
        article = Article(id=record["id"], text=record["text"], published=record["dct"])
        extract_times(doc, article)
        score_document(record, article.times, tally)
        score_document(record, article.times, halves[index % 2])
    metrics = {
        "time.relaxed_f1": tally.f1(tally.relaxed),
        "time.strict_f1": tally.f1(tally.strict),
        "time.value_f1": tally.f1(tally.value),
        "time.type_accuracy": tally.type / tally.relaxed if tally.relaxed else 0.0,
    }
    diagnostics = {"time.value_f1_x_compatible": tally.f1(tally.compatible),
                   "time.value_f1_even_docs": halves[0].f1(halves[0].value),
                   "time.value_f1_odd_docs": halves[1].f1(halves[1].value)}
    return {"metrics": metrics, "diagnostics": diagnostics, "n": len(records), "gold": tally.gold,
            "system": tally.system,
            "errors": tally.errors}
