"""Span-level measures on ``Quote`` objects and parses, for the quote training scripts.

The scripts (``scripts/train_*.py``, ``scripts/build_cue_frames.py``) train and tune on parses of
PolNeAR *training* texts and need a fast measure over in-memory quotes, not the record: this is
it. A predicted quote matches a gold attribution when the token-F1 of their contents (word start
positions) is at least 0.5, one to one, best pairs first; a matched pair's source is right when
the speaker mention overlaps a gold source span, the cue likewise; precision divides by quotes,
quotes with a speaker, quotes with a cue. It is *not* the development-set measure: ``dateline
eval`` scores the record with the shared scorers' conventions (``evaluation/quotes.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from dateline.record import Quote

MATCH_F1 = 0.5
_WORD = re.compile(r"\w+")

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    correct: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.correct += other.correct

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _spans(items: list[dict[str, Any]] | None) -> Spans:
    return [(s, e) for item in items or [] for s, e in item["spans"]]


def load_gold(record: dict[str, Any]) -> list[GoldAttribution]:
    return [
        GoldAttribution(_spans(a.get("content")), _spans(a.get("source")), _spans(a.get("cue")))
        for a in record.get("attributions") or []
    ]


def word_positions(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the spans: a positional bag for token-F1."""
    out: set[int] = set()
    for start, end in spans:
        out.update(m.start() for m in _WORD.finditer(text, start, end))
    return out


def token_f1(a: set[int], b: set[int]) -> float:
    common = len(a & b)
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def overlaps(span: tuple[int, int] | None, gold: Spans) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in gold)


def content_spans(quote: Quote) -> Spans:
    """What the quote says was said: its pieces when the cue splits it, else its one span."""
    return [(s, e) for s, e in quote.parts] if quote.parts else [(quote.start, quote.end)]


def align(text: str, predicted: list[Quote], gold: list[GoldAttribution]) -> list[tuple[int, int, float]]:
    """One-to-one (pred index, gold index, token-F1) pairs with F1 >= MATCH_F1, best pairs first."""
    pred_words = [word_positions(text, content_spans(q)) for q in predicted]
    gold_words = [word_positions(text, g.content) for g in gold]
    candidates = []
    for i, pw in enumerate(pred_words):
        for j, gw in enumerate(gold_words):
            f = token_f1(pw, gw)
            if f >= MATCH_F1:
                candidates.append((f, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for f, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, f))
    return pairs


def score_article(text: str, predicted: list[Quote], gold: list[GoldAttribution]) -> dict[str, Counts]:
    pairs = align(text, predicted, gold)
    content = Counts(len(predicted), len(gold), len(pairs))
    source = Counts(sum(q.speaker is not None for q in predicted), sum(bool(g.source) for g in gold))
    cue = Counts(sum(q.cue is not None for q in predicted), sum(bool(g.cue) for g in gold))
    for i, j, _ in pairs:
        q, g = predicted[i], gold[j]
        if q.speaker is not None and overlaps((q.speaker.start, q.speaker.end), g.source):
            source.correct += 1
        if q.cue is not None and overlaps((q.cue.start, q.cue.end), g.cue):
            cue.correct += 1
    return {"content": content, "source": source, "cue": cue}


def parsed_records(path: Path, nlp: Language, docbin: Path | None = None) -> tuple[list[dict[str, Any]], list[Doc]]:
    """PolNeAR records and their parses, from cached parses (a DocBin of the same texts, in
    order) when given: what the training scripts share."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if docbin is not None:
        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
    return records, docs
