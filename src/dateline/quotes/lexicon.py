"""The quote tables, loaded once from ``data/quotes/``.

- ``cues.tsv``: cue lemmas and their class (speech verbs may introduce a direct quote).
- ``cue_frames.tsv``: for (cue lemma, syntactic frame) how often it carried an attribution in the
  PolNeAR training split (built by ``scripts/build_cue_frames.py``): the learned part of the lexicon,
  and the learnt cue inventory (``QuoteLexicon.learnt_cues``) that lets verbs outside the hand
  lexicon pass at the lexicon's bar.

- the events room's CAMEO verb table (``data/events/verbs.tsv``, read as a table, not imported):
  each verb's CAMEO root, a hint of what a verb outside the cue lexicon does — says something
  (praise, accuse, demand, reject) or does something (give aid, approve, visit, attack). A verb
  of words said by a person or a body is judged at the lexicon's bar, not held to the acts' surer
  one (``QuoteLexicon.speaking_verbs``, ``cue_model.Thresholds.of``).

The role, institution and "thing" tables in the same folder are actor tables: ``actors.tables``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.resources import data_rows


def _rows(filename: str) -> Iterator[list[str]]:
    return data_rows("quotes", filename)


# A learnt cue: a (lemma, frame) the training split saw at least this often, carrying an
# attribution at least this share of the time ("tout X", "accuse … of", "hit X for …"). A noun-phrase
# object ("approved the plan", "unveiled a budget") is mostly an act: it must be an attribution
# more often than not.
LEARNT_MIN_SEEN = 5
LEARNT_MIN_RATE = 0.3
LEARNT_MIN_RATE_OBJECT = 0.5
_OBJECT_FRAMES = ("dobj", "dobj+pred")


def _learnt(frame: str, pos: int, total: int) -> bool:
    if total < LEARNT_MIN_SEEN:
        return False
    bar = LEARNT_MIN_RATE_OBJECT if frame in _OBJECT_FRAMES or frame.startswith("prep:") else LEARNT_MIN_RATE
    return pos >= bar * total


@dataclass
class QuoteLexicon:
    cue_class: dict[str, str]
    frame_rate: dict[tuple[str, str], tuple[int, int]]
    cameo_root: dict[str, str] = field(default_factory=dict)  # verb lemma -> two-digit CAMEO root
    _learnt: frozenset[tuple[str, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _speaking: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def speaking_verbs(self) -> frozenset[str]:
        """Verbs the CAMEO codebook files under what is done in words: statements, appeals,
        intents and diplomacy (01-03, 05), investigating, demanding, disapproving, rejecting and
        threatening (09-13) — "hailed", "chastised", "promoted", not "approved" (08) or "blocked"
        (17). Not consultation (04): most of its verbs are going and meeting ("visit", "host")."""
        if self._speaking is None:
            self._speaking = frozenset(lemma for lemma, root in self.cameo_root.items()
                                       if root <= "03" or root == "05" or "09" <= root <= "13")
        return self._speaking

    def learnt_cues(self) -> frozenset[tuple[str, str]]:
        """The cue inventory learnt from the PolNeAR training split (``cue_frames.tsv``): the
        (lemma, frame) pairs outside the hand lexicon that mostly carry attributions there."""
        if self._learnt is None:
            self._learnt = frozenset(key for key, (pos, total) in self.frame_rate.items()
                                     if key[0] not in self.cue_class and _learnt(key[1], pos, total))
        return self._learnt


@lru_cache(maxsize=1)
def get_lexicon() -> QuoteLexicon:
    cue_class = {row[0]: row[1] for row in _rows("cues.tsv")}
    frame_rate: dict[tuple[str, str], tuple[int, int]] = {}
    for lemma, frame, pos, total in _rows("cue_frames.tsv"):  # absent table: no learned rates
        frame_rate[(lemma, frame)] = (int(pos), int(total))
    return QuoteLexicon(cue_class, frame_rate, _cameo_roots())


def _cameo_roots() -> dict[str, str]:
    """Verb lemma -> CAMEO root code of its particle-less entry ("---", no code, is left out).
    Not the events room's corrections (``verbs_local.tsv``): they code what an event is ("approve"
    as endorsing, 051), while here "approved the plan" is the act of a body, not words."""
    roots: dict[str, str] = {}
    for lemma, particle, _block, code in data_rows("events", "verbs.tsv"):
        if particle == "-" and code[:2].isdigit():
            roots.setdefault(lemma, code[:2])
    return roots
