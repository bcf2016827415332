"""Suite "quotes": the record's ``quotes`` against PolNeAR attributions (quotes/polnear_dev.jsonl).

Input: each article's ``id``, ``text`` and ``published``. Gold: each attribution's content,
source and cue, each read as one extent (first start to last end of its spans). Record: each
quote's ``start``/``end`` (its whole extent), its speaker's and cue's extents, all carried back
to the input text. Matching is lenient: each gold attribution in the gold's order takes the
record quote not yet taken whose content has the highest word F1 with its content (the first of
equals), when that F1 is at least 0.5. On a matched pair the source is right when the speaker
overlaps the gold source, the cue likewise; near-exact content when the F1 is at least 0.95.
Precision is over all record quotes (a quote without a speaker counts as a wrong source), recall
over all gold attributions.

The span-level measures the training scripts use on parses live in ``quote_spans`` (re-exported
here so the scripts' imports hold).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.measures import Span, offset_map, overlap, prf, word_prf
from dateline.evaluation.quote_spans import (
    Counts,
    align,
    load_gold,
    overlaps,
    parsed_records,
    score_article,
    token_f1,
    word_positions,
)
from dateline.evaluation.suite import Records, Row, Scores, Suite, read_jsonl, record_of

FILE = "quotes/polnear_dev.jsonl"
MATCH_F1 = 0.5
NEAR_EXACT_F1 = 0.95

__all__ = ["SUITE", "Counts", "align", "load_gold", "overlaps", "parsed_records", "score_article",
           "token_f1", "word_positions"]


@dataclass
class Attribution:
    content: Span
    source: Span | None
    cue: Span | None


def load(data_dir: Path) -> list[Row]:
    return read_jsonl(data_dir / FILE)


def inputs(rows: list[Row]) -> list[Row]:
    return [{"id": r["id"], "text": r["text"], "published": r["published"]} for r in rows]


def _extent(parts: list[dict[str, Any]] | None) -> Span | None:
    spans = [s for part in parts or [] for s in part["spans"]]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def gold_attributions(row: Row) -> list[Attribution]:
    return [Attribution(_extent(a["content"]), _extent(a.get("source")), _extent(a.get("cue")))  # type: ignore[arg-type]
            for a in row["attributions"]]


def record_attributions(record: dict[str, Any], text: str) -> list[Attribution]:
    """The record's quotes on input offsets (none when the record has no text)."""
    if not record.get("text"):
        return []
    offsets = offset_map(record["text"], text)

    def mapped(part: dict[str, Any] | None) -> Span | None:
        return offsets.span(part["start"], part["end"]) if part and part.get("start") is not None else None

    return [Attribution(offsets.span(q["start"], q["end"]), mapped(q.get("speaker")), mapped(q.get("cue")))
            for q in record.get("quotes") or []]


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    content: int = 0
    near_exact: int = 0
    source: int = 0
    cue: int = 0

    def add_document(self, text: str, gold: list[Attribution], found: list[Attribution]) -> None:
        self.gold += len(gold)
        self.predicted += len(found)
        taken: set[int] = set()
        for g in gold:
            best, pick = 0.0, None
            for j, q in enumerate(found):
                f1 = 0.0 if j in taken else word_prf(text[slice(*q.content)], text[slice(*g.content)])[2]
                if f1 > best:
                    best, pick = f1, j
            if pick is None or best < MATCH_F1:
                continue
            taken.add(pick)
            q = found[pick]
            self.content += 1
            self.near_exact += best >= NEAR_EXACT_F1
            self.source += bool(g.source and q.source and overlap(g.source, q.source))
            self.cue += bool(g.cue and q.cue and overlap(g.cue, q.cue))

    def prf(self, hits: int) -> tuple[float, float, float]:
        return prf(hits, self.predicted, hits, self.gold)


def score(rows: list[Row], records: Records) -> Scores:
    tally = Tally()
    for row in rows:
        found = record_attributions(record_of(records, row), row["text"])
        tally.add_document(row["text"], gold_attributions(row), found)
    content, source, cue = tally.prf(tally.content), tally.prf(tally.source), tally.prf(tally.cue)
    metrics = {"quotes.source_f1": source[2], "quotes.content_f1": content[2], "quotes.cue_f1": cue[2],
               "quotes.near_exact_content_f1": tally.prf(tally.near_exact)[2]}
    details = {"gold": tally.gold, "predicted": tally.predicted,
               "content P/R": [round(content[0], 3), round(content[1], 3)],
               "source P/R": [round(source[0], 3), round(source[1], 3)],
               "cue P/R": [round(cue[0], 3), round(cue[1], 3)]}
    return Scores(metrics, details)


SUITE = Suite("quotes", (FILE,), load, inputs, score, headline="quotes.source_f1",
              note="lenient matching: content word F1 >= 0.5")


def run(data_dir: Path, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    from dateline.evaluation.runner import run_suite

    return run_suite(SUITE, data_dir, nlp, limit)
