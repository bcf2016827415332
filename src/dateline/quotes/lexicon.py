"""The quote tables, loaded once from ``data/quotes/``.

- ``cues.tsv``: cue lemmas and their class (speech verbs may introduce a direct quote).
- ``cue_frames.tsv``: for (cue lemma, syntactic frame) how often it carried an attribution in the
  PolNeAR training split (built by ``scripts/build_cue_frames.py``): the learned part of the lexicon.

The role, institution and "thing" tables in the same folder are actor tables: ``actors.tables``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateline.resources import data_rows


def _rows(filename: str) -> Iterator[list[str]]:
    return data_rows("quotes", filename)


@dataclass
class QuoteLexicon:
    cue_class: dict[str, str]
    frame_rate: dict[tuple[str, str], tuple[int, int]]


@lru_cache(maxsize=1)
def get_lexicon() -> QuoteLexicon:
    cue_class = {row[0]: row[1] for row in _rows("cues.tsv")}
    frame_rate: dict[tuple[str, str], tuple[int, int]] = {}
    for lemma, frame, pos, total in _rows("cue_frames.tsv"):  # absent table: no learned rates
        frame_rate[(lemma, frame)] = (int(pos), int(total))
    return QuoteLexicon(cue_class, frame_rate)
