"""Suite "time": the record's ``times`` on TimeBank 1.2 in TempEval-3 form (time/timebank.jsonl).

Input: each document's ``id`` and ``text``, its creation date (``dct``) as ``published``. Each
record time is carried back to the input text (``measures.offset_map``). Pairing, one to one: each
gold expression in the gold's order takes the first record time, in the record's order, not yet
taken that overlaps it (relaxed match). A pair is strict when the two extents read the same
(stripped, case ignored) and right on value when the normalised values are equal. Precision is
over all record times, recall over all gold expressions; value F1 is TempEval-3's attribute F1.
Type accuracy (an extra of ours) is over relaxed pairs.

Value normalisation, so one value has one spelling: upper case; a one-digit week gets its zero
("2000-W8" → "2000-W08"); trailing unspecified parts go ("1968-XX" → "1968"); a decade or century
written with X's loses them ("198X" → "198").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.measures import Span, offset_map, overlap, prf
from dateline.evaluation.suite import Records, Row, Scores, Suite, read_jsonl, record_of

FILE = "time/timebank.jsonl"


def load(data_dir: Path) -> list[Row]:
    return read_jsonl(data_dir / FILE)


def inputs(rows: list[Row]) -> list[Row]:
    return [{"id": r["id"], "text": r["text"], "published": r["dct"]} for r in rows]


def normalise(value: str | None) -> str:
    value = (value or "").strip().upper()
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    while value.endswith("-XX"):
        value = value[:-3]
    if re.fullmatch(r"\d{1,3}X+", value):
        value = value.rstrip("X")
    return value


@dataclass
class Predicted:
    span: Span
    value: str | None
    type: str | None


def predicted_times(record: dict[str, Any], text: str) -> list[Predicted]:
    """The record's times on input offsets (none when the record has no text)."""
    if not record.get("text"):
        return []
    offsets = offset_map(record["text"], text)
    return [Predicted(offsets.span(t["start"], t["end"]), t.get("value"), t.get("type"))
            for t in record.get("times") or []]


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add_document(self, row: Row, found: list[Predicted]) -> None:
        text = row["text"]
        self.gold += len(row["timexes"])
        self.predicted += len(found)
        taken: set[int] = set()
        for g in row["timexes"]:
            gold_span = (g["start"], g["end"])
            j = next((j for j, p in enumerate(found) if j not in taken and overlap(gold_span, p.span)), None)
            if j is None:
                continue
            taken.add(j)
            pred = found[j]
            self.relaxed += 1
            self.strict += text[slice(*gold_span)].strip().lower() == text[slice(*pred.span)].strip().lower()
            self.value += normalise(g["value"]) == normalise(pred.value)
            self.type += g.get("type") == pred.type

    def f1(self, hits: int) -> tuple[float, float, float]:
        return prf(hits, self.predicted, hits, self.gold)


def score(rows: list[Row], records: Records) -> Scores:
    tally = Tally()
    for row in rows:
        tally.add_document(row, predicted_times(record_of(records, row), row["text"]))
    relaxed, value = tally.f1(tally.relaxed), tally.f1(tally.value)
    metrics = {"time.relaxed_f1": relaxed[2], "time.strict_f1": tally.f1(tally.strict)[2], "time.value_f1": value[2],
               "time.type_accuracy": tally.type / tally.relaxed if tally.relaxed else 0.0}
    return Scores(metrics, {"gold": tally.gold, "predicted": tally.predicted, "relaxed precision": relaxed[0],
                            "relaxed recall": relaxed[1], "value precision": value[0], "value recall": value[1]})


SUITE = Suite("time", (FILE,), load, inputs, score, headline="time.value_f1")


def run(data_dir: Path, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    from dateline.evaluation.runner import run_suite

    return run_suite(SUITE, data_dir, nlp, limit)
