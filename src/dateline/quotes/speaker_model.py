"""The trained speaker chooser: which noun phrase near a cue is the source of an attribution.

The parse offers several readings of who speaks: the cue's subject (or the passive's agent, or
the subject a chain of xcomp/conj/advcl clauses inherits), the antecedent of a relative "who",
the holder of a noun cue ("Trump's claim"), "according to X", the nominal right next to the cue,
the named people and bodies of the cue's sentence, the previous attribution's speaker. A logistic
model over features of each candidate (how it relates to the cue, its part of speech, entity
type, pronoun, distance, side, whether it sits inside the content or a quote) ranks them; the best
one is the speaker. It is learned as a ranker (logistic regression on the feature differences of
right and wrong candidates of the same attribution, so only comparisons count) from PolNeAR's training source spans by
``scripts/train_speaker_model.py``, and shipped as a table of feature weights
(``data/models/speaker_ranker/weights.tsv``, beside its ``meta.json``); scoring is dict lookups.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from spacy.tokens import Span, Token

from dateline import models
from dateline.quotes.attribution import Attribution, AttributionFinder

MODEL_NAME = "speaker_ranker"
MODEL_FILE = "weights.tsv"
FEATURE_SET = 1  # the version of ``candidates`` and ``features``: bump on a change, and retrain
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Clauses (and a noun cue's light verb: "made the claim") whose subject the cue inherits.
_CLIMB = ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp", "prep", "pobj", "dobj", "attr")
_SPEAKER_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_RELATIVE = ("who", "which", "that", "whom")
_NEAR = 6  # tokens searched either side of the cue for an adjacent nominal
_TIMELIKE = ("TIME", "DATE", "MONEY", "QUANTITY", "ORDINAL")


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else ("8-15" if n < 16 else "16+"))


class Candidates:
    """Candidate speaker tokens of one attribution, each with the relations that offer it."""

    def __init__(self) -> None:
        self.rels: dict[int, set[str]] = {}
        self.tokens: dict[int, Token] = {}

    def add(self, tok: Token | None, rel: str) -> None:
        if tok is None or tok.is_punct or tok.is_space or tok.ent_type_ in _TIMELIKE:
            return
        self.rels.setdefault(tok.i, set()).add(rel)
        self.tokens[tok.i] = tok


def _own_subjects(verb: Token, cands: Candidates, prefix: str) -> None:
    for child in verb.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            cands.add(child, prefix + dep)
        elif dep == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    cands.add(obj, prefix + "agent")
        elif dep == "poss":
            cands.add(child, prefix + "poss")
        elif dep == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    cands.add(obj, prefix + "by")


def _ent_head(ent: Span) -> Token:
    """An entity's head noun: "The United Nations" (its article hangs elsewhere) → "Nations"."""
    if ent.root.pos_ in ("PROPN", "NOUN", "PRON"):
        return ent.root
    nouns = [t for t in ent if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else ent.root


class _DocFacts:
    """What the speaker model reads of a finder's doc for every attribution, made once per finder:
    the speaking kinds of entity with their head words, and which tokens sit inside quote marks."""

    def __init__(self, finder: AttributionFinder) -> None:
        words = finder.words
        # (start, end, label, head word) of the entities that may speak, in the doc's order
        self.ents = [(ent.start, ent.end, ent.label_, words[_ent_head(ent).i]) for ent in finder.entities()
                     if ent.label_ in _SPEAKER_ENTS]
        self.ent_starts = [start for start, _, _, _ in self.ents]
        self.regions = [(r.open_at, r.close_end) for r in finder.regions]
        self._quoted: dict[int, bool] = {}

    def quoted(self, tok: Token) -> bool:
        """Does the token start inside a quote region's marks?"""
        flag = self._quoted.get(tok.i)
        if flag is None:
            idx = tok.idx
            flag = self._quoted[tok.i] = any(s <= idx < e for s, e in self.regions)
        return flag

    def sentence_ents(self, sent_start: int, sent_end: int) -> list[tuple[int, int, str, Token]]:
        """The speaking entities inside a sentence (the doc's entities are sorted and disjoint)."""
        out: list[tuple[int, int, str, Token]] = []
        for k in range(bisect_left(self.ent_starts, sent_start), len(self.ents)):
            ent = self.ents[k]
            if ent[0] >= sent_end:
                break
            if ent[1] <= sent_end:
                out.append(ent)
        return out


def _facts(finder: AttributionFinder) -> _DocFacts:
    facts = finder.speaker_facts
    if not isinstance(facts, _DocFacts):
        facts = finder.speaker_facts = _DocFacts(finder)
    return facts


def _across_paragraphs(text: str, a: int, b: int) -> bool:
    return "\n\n" in text[min(a, b):max(a, b)]


def candidates(att: Attribution, finder: AttributionFinder, previous: Token | None) -> Candidates:
    """Every speaker reading of one attribution."""
    doc = finder.words
    cue = att.cue
    cands = Candidates()
    cands.add(att.source, "rule")
    _own_subjects(cue, cands, "")
    current = cue
    for _step in range(4):  # subjects inherited up a chain of clauses ("wanted to say", "X, who said")
        if current.dep_ not in _CLIMB or current.head is current:
            break
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            cands.add(current.head, "acl_head")
        current = current.head
        _own_subjects(current, cands, "up_")
    for i in list(cands.rels):
        tok = cands.tokens[i]
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            cands.add(tok.head.head, "antecedent")
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ in ("PROPN", "NOUN"):
                cands.add(child, "appos")
    sent_start, sent_end = finder.sents[cue.i]
    for tok in reversed(doc[max(sent_start, cue.i - _NEAR):cue.i]):
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            cands.add(tok, "near_before")
            break
    for tok in doc[cue.i + 1:min(sent_end, cue.i + _NEAR)]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            while tok.head.i != tok.i and tok.dep_ in ("compound", "flat") and tok.head.i < cue.i + 8:
                tok = tok.head
            cands.add(tok, "near_after")
            break
    for _, _, label, head in _facts(finder).sentence_ents(sent_start, sent_end):
        if head.dep_ in ("compound", "nmod", "amod") and head.head.i in cands.rels:
            continue  # "the United Nations envoy": the envoy, already a reading, is who speaks
        cands.add(head, "ent_" + label)
    if previous is not None and previous.i < cue.i:
        cands.add(previous, "previous")
    return cands


def features(att: Attribution, tok: Token, rels: set[str], finder: AttributionFinder) -> list[str]:
    cue = att.cue
    frame = att.frame.split(":")[0]
    side = "before" if tok.i < cue.i else "after"
    same_sent = finder.sents[tok.i] == finder.sents[cue.i]
    in_content = att.start <= tok.idx < att.end
    quoted = _facts(finder).quoted(tok)
    pron = tok.lower_ if tok.pos_ == "PRON" else "-"
    kind = tok.pos_ + ":" + (tok.ent_type_ or "-")
    main = sorted(rels)
    feats = ["bias", "rs=" + "|".join(main), "kind=" + kind, "pron=" + pron, "dep=" + tok.dep_,
             "side=" + side, "dist=" + _bucket(abs(tok.i - cue.i)) + "|" + side, "same=" + str(same_sent),
             "inc=" + str(in_content), "inq=" + str(quoted), "n=" + _bucket(len(rels)),
             "cuepos=" + cue.pos_, "lem=" + (tok.lemma_.lower() if tok.pos_ in ("NOUN", "PRON") else tok.pos_)]
    for rel in main:
        feats += ["r=" + rel, "rf=" + rel + "|" + frame, "rk=" + rel + "|" + kind, "rp=" + rel + "|" + pron,
                  "rc=" + rel + "|" + cue.pos_, "ri=" + rel + "|" + str(in_content)]
    return feats


@dataclass
class SpeakerModel:
    weights: dict[str, float]
    bar: float = 0.0

    def probability(self, feats: Iterable[str]) -> float:
        w = self.weights
        z = sum(map(w.get, feats, repeat(0.0)))  # the same terms in the same order: the same sum
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, att: Attribution, finder: AttributionFinder, previous: Token | None) -> Token | None:
        """The most probable speaker reading above the bar, else None."""
        cands = candidates(att, finder, previous)
        best: tuple[float, Token] | None = None
        for i, rels in cands.rels.items():
            tok = cands.tokens[i]
            if finder.exclude is not None and finder.exclude[0] <= tok.idx < finder.exclude[1]:
                continue  # the dateline's place or agency never speaks
            if "previous" not in rels and _across_paragraphs(finder.text, tok.idx, att.cue.idx):
                continue  # a headline the parser ran into the lede is not the lede's speaker
            p = self.probability(features(att, tok, rels, finder))
            if best is None or p > best[0]:
                best = (p, tok)
        if best is None or best[0] < self.bar:
            return None
        return best[1]

    def save(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as fh:
            fh.write("# logistic speaker chooser (scripts/train_speaker_model.py): feature<TAB>weight\n")
            fh.write(f"@bar\t{self.bar}\n")
            for feat, weight in sorted(self.weights.items()):
                fh.write(f"{feat}\t{weight:.4g}\n")


def read_model(lines: Iterable[str]) -> SpeakerModel:
    weights: dict[str, float] = {}
    bar = 0.0
    for line in lines:
        if not line.strip() or line.startswith("# "):
            continue
        key, _, value = line.rstrip("\n").rpartition("\t")
        if key == "@bar":
            bar = float(value)
        else:
            weights[key] = float(value)
    return SpeakerModel(weights, bar)


@lru_cache(maxsize=1)
def get_speaker_model() -> SpeakerModel | None:
    """The shipped model, read once per process; None (with a coded warning) when the package
    carries none usable."""
    return models.read_text_model(MODEL_NAME, FEATURE_SET, MODEL_FILE, read_model)
