"""The occasion words of ``data/time/occasions.tsv`` and the link phrases of ``occasion_links.tsv``.

Read in a module of their own because two stages need them: ``timex.occasions`` dates the occasions,
``timex.nonmarkables`` lets a feast date the occasion nouns it qualifies. ``timex.occasions`` reads
the timex stage, which reads ``nonmarkables``, so the table cannot live in ``occasions`` without an
import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.resources import data_rows


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str]  # word → group
    verbs: dict[str, str]  # lemma → group
    hosts: frozenset[str]  # "hold" talks, "pay" a visit
    other: frozenset[str]  # "a", "next", "another": a different occasion from the last one
    links: dict[str, str]  # link phrase → at | after | before | eve


@cache
def lexicon() -> Lexicon:
    nouns: dict[str, str] = {}
    verbs: dict[str, str] = {}
    hosts: set[str] = set()
    other: set[str] = set()
    for row in data_rows("time", "occasions.tsv"):
        word, role = row[0].lower(), row[1]
        if role == "noun":
            nouns[word] = row[2]
        elif role == "verb":
            verbs[word] = row[2]
        elif role == "host":
            hosts.add(word)
        else:
            other.add(word)
    links = {row[0].lower(): row[1] for row in data_rows("time", "occasion_links.tsv")}
    return Lexicon(nouns, verbs, frozenset(hosts), frozenset(other), links)
