"""The package tables behind quotes and actors, loaded once from ``data/quotes/``.

- ``cues.tsv``: cue lemmas and their class (speech verbs may introduce a direct quote).
- ``cue_frames.tsv``: for (cue lemma, syntactic frame) how often it carried an attribution in the
  PolNeAR training split (built by ``scripts/build_cue_frames.py``): the learned part of the lexicon.
- ``roles.tsv``: role words → sector and a group of interchangeable roles.
- ``igos.tsv``, ``institutions.tsv``: organisations and national institutions → code parts.
- ``things.tsv``: nouns naming documents, weapons and systems: names of things are no actors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateline.resources import data_rows


def _rows(filename: str) -> Iterator[list[str]]:
    return data_rows("quotes", filename)


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str
    group: str


@dataclass(frozen=True)
class Body:
    name: str
    country: str | None
    sector: str
    code: str


@dataclass
class QuoteLexicon:
    cue_class: dict[str, str]
    frame_rate: dict[tuple[str, str], tuple[int, int]]
    roles: dict[str, Role]
    role_words: frozenset[str]  # every word of every role phrase, to grow titles quickly
    bodies: dict[str, Body]  # case-folded name → body
    things: frozenset[str] = frozenset()  # lemmas of nouns naming things ("treaty", "missile")

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(phrase.casefold())

    def body(self, name: str) -> Body | None:
        key = name.casefold()
        if key.startswith("the "):
            key = key[4:]
        return self.bodies.get(key)


@lru_cache(maxsize=1)
def get_lexicon() -> QuoteLexicon:
    cue_class = {row[0]: row[1] for row in _rows("cues.tsv")}
    frame_rate: dict[tuple[str, str], tuple[int, int]] = {}
    for lemma, frame, pos, total in _rows("cue_frames.tsv"):  # absent table: no learned rates
        frame_rate[(lemma, frame)] = (int(pos), int(total))
    roles = {row[0]: Role(row[0], row[1], row[2]) for row in _rows("roles.tsv")}
    words = frozenset(w for phrase in roles for w in phrase.split())
    bodies: dict[str, Body] = {}
    for name, code, sector in _rows("igos.tsv"):
        bodies[name.casefold()] = Body(name, None, sector, sector + code)
    for name, iso3, sector in _rows("institutions.tsv"):
        bodies[name.casefold()] = Body(name, iso3, sector, iso3 + sector)
    things = frozenset(row[0] for row in _rows("things.tsv"))
    return QuoteLexicon(cue_class, frame_rate, roles, words, bodies, things)
