"""The measuring conventions the suites share with the held-back scorers (``../shared/eval``).

* Offsets: a record's offsets point into its own ``text``, which the structure step may have
  cleaned; they are carried back to the input text through the runs of characters the two texts
  share (difflib's matching blocks, no junk heuristic; ``cydifflib``'s compiled copy of the
  same algorithm when it is installed). A position inside a shared run moves with
  it; a position in text the output added maps to where the previous shared run ends in the input
  (before the first run: where that run starts).
* Words: ``\\w+`` runs, each lowercased after it is found; texts compare as bags of words.
* P/R/F1: hits over what was predicted, hits over what the gold holds; F1 zero when both are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

try:  # difflib's algorithm compiled: the same matching blocks, some 25 times faster
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - the dev extra installs it; difflib gives the same answer
    from difflib import SequenceMatcher

Span = tuple[int, int]
_WORD = re.compile(r"\w+")


class OffsetMap:
    """Maps character offsets in an output text to offsets in the input text it came from."""

    def __init__(self, output: str, original: str) -> None:
        self.same = output == original
        self.length = len(original)
        if not self.same:
            runs = SequenceMatcher(None, output, original, autojunk=False).get_matching_blocks()
            self.runs: list[tuple[int, int, int]] = [(int(r.a), int(r.b), int(r.size)) for r in runs]
            self.starts = [r[0] for r in self.runs]

    def position(self, pos: int) -> int:
        if self.same:  # the texts are equal: every offset stays, the end is the text's end
            return min(pos, self.length)
        i = bisect_right(self.starts, pos) - 1  # the last run starting at or before pos
        if i < 0:
            return self.runs[0][1]
        out_start, in_start, size = self.runs[i]
        if pos < out_start + size:
            return in_start + pos - out_start
        return in_start + size

    def span(self, start: int, end: int) -> Span:
        """An output span's extent in the input: its first and last characters, mapped."""
        first = self.position(start)
        last = self.position(max(start, end - 1)) + 1
        return first, max(first, last)


@lru_cache(maxsize=512)
def offset_map(output: str, original: str) -> OffsetMap:
    """One map per pair of texts: aligning a long article takes a while, and a suite scores each
    record three times (the whole set and its two halves)."""
    return OffsetMap(output, original)


def words(text: str | None) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text or ""))


def word_prf(predicted: str | None, gold: str | None) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of two texts (all zero when either has no words)."""
    pred, ref = words(predicted), words(gold)
    shared = sum((pred & ref).values())
    if not shared:
        return 0.0, 0.0, 0.0
    p, r = shared / sum(pred.values()), shared / sum(ref.values())
    return p, r, 2 * p * r / (p + r)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(hits_predicted: int, predicted: int, hits_gold: int, gold: int) -> tuple[float, float, float]:
    p = hits_predicted / predicted if predicted else 0.0
    r = hits_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(gold: list[int], predicted: list[int], classes: range) -> tuple[float, list[float]]:
    """Mean of the per-class F1s (a class never predicted right scores 0), and those F1s."""
    f1s = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s), f1s
