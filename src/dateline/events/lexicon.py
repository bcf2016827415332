"""The event coder's data tables, loaded once from ``data/events/``.

* ``verbs.tsv`` / ``patterns.tsv`` — the verb-pattern lexicon (built from the CAMEO verb dictionary)
* ``verbs_local.tsv`` — our own additions and corrections, laid over the generated lexicon
* ``cameo.tsv`` — CAMEO code → PLOVER event/mode/context; ``goldstein.tsv`` — Goldstein weights
* ``nouns.tsv`` — event nouns ("talks", "strike"); ``outbreak_nouns.tsv`` — nouns that are an
  event only as what breaks out or goes on ("clashes broke out"); ``support_verbs.tsv``, ``non_event_nouns.tsv``

The actor tables in the same folder (``actors.tsv``, ``agents.tsv``, ``joint_bodies.tsv``,
``place_nouns.tsv``) are read by ``actors.tables``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.resources import data_rows


def _rows(name: str) -> Iterator[list[str]]:
    return data_rows("events", name)


@dataclass(frozen=True)
class Pattern:
    code: str
    groups: tuple[frozenset[str], ...]  # every group must be matched by some object-side word
    verb: str = "-"  # the block verb the pattern was written for ("take part"); "-" = any of the block's


@dataclass(frozen=True)
class CameoInfo:
    plover: str  # "" for statements (CAMEO 01), which PLOVER does not code
    mode: str
    context: str
    description: str


@dataclass
class Lexicon:
    verbs: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (lemma, particle) → (block, code)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # block → patterns, most specific first
    cameo: dict[str, CameoInfo] = field(default_factory=dict)
    goldstein: dict[str, float] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)  # event noun → code ("talks", "strike")
    outbreak_nouns: dict[str, str] = field(default_factory=dict)  # "clashes broke out": only as what breaks out
    particles: frozenset[str] = frozenset()
    verb_lemmas: frozenset[str] = frozenset()
    pattern_words: dict[str, frozenset[str]] = field(default_factory=dict)  # block → every word its patterns use
    # block → word → the positions (in ``patterns[block]``) of the patterns that use the word
    pattern_index: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    default_cameo: dict[str, str] = field(default_factory=dict)  # PLOVER type → its general CAMEO code
    non_event_nouns: frozenset[str] = frozenset()  # "the need ... to reinforce": their infinitive is no event

    def verb(self, lemma: str, particle: str = "-") -> tuple[str, str] | None:
        return self.verbs.get((lemma, particle))

    def info(self, code: str) -> CameoInfo | None:
        """PLOVER information for a CAMEO code, falling back to its parent codes."""
        for n in range(len(code), 1, -1):
            hit = self.cameo.get(code[:n])
            if hit is not None:
                return hit
        return None

    def goldstein_of(self, code: str) -> float:
        for n in range(len(code), 1, -1):
            if code[:n] in self.goldstein:
                return self.goldstein[code[:n]]
        return 0.0


def quad_class(code: str) -> int:
    """GDELT's QuadClass of a CAMEO code: 1 verbal cooperation (roots 01–05), 2 material cooperation
    (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def penta_class(code: str) -> int:
    """The penta head's class as the event coder's calibration was tuned with it: 0 statement (01),
    1 for 02–05, 2 for 06–09, 3 for 10–14, 4 for 15–20. Kept apart from ``quad_class`` so that fixing
    the exported QuadClass leaves the coder's scores unchanged; aligning it with the ConfliBERT labels
    the head learned (01–02, 03–05, 06–08, 09–13 and 16, 14–15 and 17–20) is a measured change of its own."""
    root = int(code[:2])
    if root <= 1:
        return 0
    for klass, top in ((1, 5), (2, 9), (3, 14)):
        if root <= top:
            return klass
    return 4


def _load_verbs(lex: Lexicon) -> None:
    for lemma, particle, block, code in _rows("verbs.tsv"):
        lex.verbs[(lemma, particle)] = (block, code)
    for row in _rows("verbs_local.tsv"):
        lemma, particle, code = row[0], row[1], row[2]
        block = row[3] if len(row) > 3 and row[3] else lex.verbs.get((lemma, "-"), (f"local:{lemma}", ""))[0]
        lex.verbs[(lemma, particle)] = (block, code)
    lex.particles = frozenset(p for _, p in lex.verbs if p != "-")
    lex.verb_lemmas = frozenset(lemma for lemma, _ in lex.verbs)
    for row in _rows("patterns.tsv"):
        block, code, words = row[0], row[1], row[2]
        groups = tuple(frozenset(g.split("|")) for g in words.split(" "))
        lex.patterns.setdefault(block, []).append(Pattern(code, groups, row[3] if len(row) > 3 else "-"))
    for row in _rows("patterns_local.tsv"):
        block, code, words = row[0], row[1], row[2]
        groups = tuple(frozenset(g.split("|")) for g in words.split(" "))
        lex.patterns.setdefault(block, []).insert(0, Pattern(code, groups))
    for block, pats in lex.patterns.items():
        # More required words = more specific; the stable sort keeps local patterns ahead of ties.
        lex.patterns[block] = sorted(pats, key=lambda p: -len(p.groups))
        lex.pattern_words[block] = frozenset(w for p in pats for g in p.groups for w in g)
        index: dict[str, list[int]] = {}
        for i, pattern in enumerate(lex.patterns[block]):
            for word in sorted({w for g in pattern.groups for w in g}):
                index.setdefault(word, []).append(i)
        lex.pattern_index[block] = {word: tuple(at) for word, at in index.items()}


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    lex = Lexicon()
    _load_verbs(lex)
    for code, plover, mode, context, desc in _rows("cameo.tsv"):
        lex.cameo[code] = CameoInfo(plover, mode, context, desc)
    for row in _rows("cameo_local.tsv"):
        lex.cameo[row[0]] = CameoInfo(row[1], row[2], row[3], row[4] if len(row) > 4 else "")
    for code, value in _rows("goldstein.tsv"):
        lex.goldstein[code] = float(value)
    for plover, code in _rows("plover_default_cameo.tsv"):
        lex.default_cameo[plover] = code
    for word, code in _rows("nouns.tsv"):
        lex.nouns[word] = code
    for word, code in _rows("outbreak_nouns.tsv"):
        lex.outbreak_nouns[word] = code
    lex.support_verbs = frozenset(row[0] for row in _rows("support_verbs.tsv"))
    lex.non_event_nouns = frozenset(row[0] for row in _rows("non_event_nouns.tsv"))
    return lex
