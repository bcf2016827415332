"""The trained part of attribution finding: which (cue, frame, content) readings are attributions.

``AttributionFinder.candidates`` offers every reading the parse allows — each verb's clausal
complement, object, prepositional object, the clause a parenthetical hangs off, direct quotes,
"according to", transcript lines, the clauses of cue nouns. A logistic model over parse features
(lemma, frame, their pair, tag, dependency, head, subject kind, modality, quote marks, the first
words of the content…) scores each reading; it is learned from the PolNeAR training split by
``scripts/train_cue_model.py`` and shipped as a table of non-zero feature weights
(``data/models/cue_chooser/weights.tsv``, beside its ``meta.json``). Scoring is a sum of dict
lookups: no numpy, no second pass.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline import models
from dateline.quotes.attribution import Attribution, AttributionFinder
from dateline.quotes.tokens import expand_span, flags_of, span_root
from dateline.words import columns_of

MODEL_NAME = "cue_chooser"
MODEL_FILE = "weights.tsv"
# The version of ``features``: bump it whenever a feature changes, and retrain (the loader refuses
# a model trained on another version).
FEATURE_SET = 1
_MODALS = {"will", "would", "can", "could", "may", "might", "must", "should", "shall"}
# A verb outside the cue lexicon with a noun-phrase object is mostly an act ("submitted a
# treaty", "approved the plan"): PolNeAR's broad scheme counts some, an analyst reads none as a
# statement, so these need the surer "action" threshold.
_ACTION_FRAMES = {"dobj", "prep", "dobj+pred"}


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else ("8-15" if n < 16 else ("16-31" if n < 32 else "32+")))


def in_quote_flags(finder: AttributionFinder) -> list[bool]:
    """For each token: does it sit inside a quote-mark region? (Computed once per finder.)"""
    if finder.quoted is not None:
        return finder.quoted
    flags = [False] * len(finder.doc)
    finder.quoted = flags
    regions = finder.regions
    if not regions:
        return flags
    r = 0
    for i, idx in enumerate(columns_of(finder.doc).starts):  # no Token objects
        while r < len(regions) and regions[r].close_end <= idx:
            r += 1
        if r < len(regions) and regions[r].open_at <= idx:
            flags[i] = True
    return flags


class _DocFacts:
    """What ``features`` reads of a finder's doc for every candidate, made once per finder: the
    word forms, quote regions as a search table, running counts of quoted tokens, and the
    feature strings of each cue and of each cue in each frame (the same cue has many readings)."""

    def __init__(self, finder: AttributionFinder, quoted: list[bool]) -> None:
        self.forms = flags_of(finder.doc).forms
        regions = finder.regions
        self.region_starts = [r.start for r in regions]
        # the furthest region end among the regions up to each one (the regions sorted by start)
        self.region_reach: list[int] = []
        for r in regions:
            self.region_reach.append(max(r.end, self.region_reach[-1]) if self.region_reach else r.end)
        self.quoted_before = [0]  # quoted tokens before each token index
        for flag in quoted:
            self.quoted_before.append(self.quoted_before[-1] + flag)
        self.cue_strings: dict[int, tuple[str, str, str, str, str]] = {}
        self.frame_strings: dict[tuple[int, str], tuple[tuple[str, ...], str, str, str]] = {}

    def span_quoted(self, start: int, end: int) -> bool:
        """Does a quote region overlap [start, end)? (A region starting before ``end`` and ending after ``start``.)"""
        n = bisect_left(self.region_starts, end)
        return bool(n) and self.region_reach[n - 1] > start

    def cue_features(self, tok: Token, finder: AttributionFinder) -> tuple[str, str, str, str, str]:
        """The cue's own feature strings: its modal, negation, the words before and after it in its
        sentence, whether it opens the sentence (a cue has many readings: made once per cue)."""
        made = self.cue_strings.get(tok.i)
        if made is None:
            modal = "-"
            neg = False
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in _MODALS:
                    modal = child.lower_
                elif child.dep_ == "neg":
                    neg = True
            sent_start, sent_end = finder.sents[tok.i]
            prev = self.forms[tok.i - 1] if tok.i > sent_start else "<s>"
            nxt = self.forms[tok.i + 1] if tok.i + 1 < sent_end else "</s>"
            made = self.cue_strings[tok.i] = ("modal=" + modal, "neg=" + str(neg), "prev=" + prev, "next=" + nxt,
                                              "first=" + str(tok.i == sent_start))
        return made

    def frame_features(self, tok: Token, frame: str, finder: AttributionFinder) -> tuple[tuple[str, ...], str, str, str]:
        """The features of a cue read in one frame that no reading of that frame changes, with the
        lemma, cue class and frame base the rest are built from."""
        key = (tok.i, frame)
        made = self.frame_strings.get(key)
        if made is None:
            lemma = tok.lemma_.lower()
            fbase = frame.split(":")[0]
            cls = finder.lex.cue_class.get(lemma, "-")
            head = tok.head
            opening = (
                "bias",
                "l=" + lemma,
                "f=" + frame,
                "fb=" + fbase,
                "lf=" + lemma + "|" + frame,
                "cls=" + cls,
                "clsf=" + cls + "|" + fbase,
                "tag=" + tok.tag_,
                "tagf=" + tok.tag_ + "|" + fbase,
                "dep=" + tok.dep_,
                "depf=" + tok.dep_ + "|" + fbase,
                "hl=" + ("<sp>" if head.is_space else head.lemma_.lower()) + "|" + tok.dep_,
            )
            made = self.frame_strings[key] = (opening, lemma, cls, fbase)
        return made


def _facts(finder: AttributionFinder, quoted: list[bool]) -> _DocFacts:
    facts = finder.cue_facts
    if not isinstance(facts, _DocFacts):
        facts = finder.cue_facts = _DocFacts(finder, quoted)
    return facts


def features(cand: Attribution, finder: AttributionFinder, quoted: list[bool]) -> list[str]:
    """String features of one candidate reading."""
    tok = cand.cue
    doc = finder.doc
    facts = _facts(finder, quoted)
    frame = cand.frame
    opening, lemma, cls, fbase = facts.frame_features(tok, frame, finder)
    first = expand_span(doc, cand.start, cand.end)  # token range of the content
    words = first[1] - first[0] if first is not None else 0
    lead = facts.forms[first[0]] if first is not None and first[1] > first[0] else "-"
    lead_pos = finder.words[first[0]].pos_ if first is not None and first[1] > first[0] else "-"
    src = cand.source
    src_kind = "none" if src is None else (src.lower_ if src.pos_ == "PRON" else src.pos_ + ":" + (src.ent_type_ or "-"))
    src_base = src_kind.split(":")[0]
    side = "before" if cand.end <= tok.idx else ("after" if cand.start >= tok.idx else "around")
    span_quoted = facts.span_quoted(cand.start, cand.end)
    modal, neg, prev, nxt, first_word = facts.cue_features(tok, finder)
    feats = [
        *opening,
        "src=" + src_kind,
        "srcf=" + src_base + "|" + fbase,
        "lsrc=" + lemma + "|" + ("none" if src is None else "some"),
        "srcl=" + ("none" if src is None else src.lemma_.lower()),
        "lside=" + lemma + "|" + side,
        "lsrck=" + lemma + "|" + src_base,
        "srcdist=" + ("none" if src is None else _bucket(abs(tok.i - src.i))),
        "side=" + side + "|" + fbase,
        "len=" + _bucket(words) + "|" + fbase,
        "lead=" + lead + "|" + fbase,
        "leadpos=" + lead_pos,
        "llead=" + lemma + "|" + lead,
        modal,
        neg,
        "q=" + str(quoted[tok.i]) + "|" + str(span_quoted),
        prev,
        nxt,
        "lnext=" + lemma + "|" + nxt[5:],
        "kind=" + cand.kind,
        first_word,
        # backoffs for verbs the training split rarely saw: suffix, speaker kind, class and lead
        "sfx=" + lemma[-3:] + "|" + fbase,
        "srckf=" + src_kind + "|" + fbase,
        "clslead=" + cls + "|" + lead + "|" + fbase,
        "clssrc=" + cls + "|" + src_kind + "|" + side,
    ]
    if fbase in ("dobj", "prep", "xcomp", "dobj+pred", "acl", "relcl"):
        if first is not None and first[1] > first[0]:
            obj = facts.forms[span_root(doc, first[0], first[1])]
            feats.append("obj=" + lemma + "|" + obj)
            feats.append("objl=" + obj + "|" + fbase)
    if src is not None and src.i < tok.i and facts.quoted_before[tok.i] > facts.quoted_before[src.i]:
        feats.append("src_across_quote")
    return feats


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds: readings of lexicon cues with a speaker; of other words (\"submitted a
    treaty\" is rarely an attribution, and PolNeAR is generous with them); readings with no speaker."""

    lexicon: float = 0.5
    open: float = 0.5
    sourceless: float = 0.7
    action: float = 0.7

    def of(self, cand: Attribution, cue_class: dict[str, str],
           learnt: frozenset[tuple[str, str]] = frozenset(), speaking: frozenset[str] = frozenset()) -> float:
        """The bar of one reading; ``learnt``: the (lemma, frame) pairs the training split shows
        carrying attributions more often than not (``QuoteLexicon.learnt_cues``) pass as the lexicon's;
        ``speaking``: verbs of what is done in words (``QuoteLexicon.speaking_verbs``): with an object
        and said by a person or a body, they pass as the lexicon's ("Senator Olsen hailed the deal"),
        not at the acts' bar."""
        if cand.source is None:
            return self.sourceless
        lemma = cand.cue.lemma_.lower()
        if cand.frame in ("direct", "according", "line") or lemma in cue_class or (lemma, cand.frame) in learnt:
            return self.lexicon
        if cand.frame.split(":")[0] in _ACTION_FRAMES and cand.cue.pos_ != "NOUN":
            # a stand taken on someone or something: "hailed the deal", "chastised the board"
            return self.lexicon if lemma in speaking and _person_or_body(cand.source) else self.action
        return self.open


_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})


def _person_or_body(mention: Token) -> bool:
    """A named person or body, or a personal pronoun: someone who can take a stand in words (a
    treaty "aimed at" something does not)."""
    if mention.pos_ == "PRON":
        return mention.lower_ in _PERSONAL
    return mention.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


@dataclass
class CueModel:
    weights: dict[str, float]
    threshold: Thresholds
    nouns: frozenset[str]

    def probability(self, feats: Iterable[str]) -> float:
        w = self.weights
        z = sum(map(w.get, feats, repeat(0.0)))  # the same terms in the same order: the same sum
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as fh:
            fh.write("# logistic cue/frame model (scripts/train_cue_model.py): feature<TAB>weight\n")
            t = self.threshold
            fh.write(f"@threshold\t{t.lexicon} {t.open} {t.sourceless} {t.action}\n")
            for noun in sorted(self.nouns):
                fh.write(f"@noun\t{noun}\n")
            for feat, weight in sorted(self.weights.items()):
                fh.write(f"{feat}\t{weight:.4g}\n")


def read_model(lines: Iterable[str]) -> CueModel:
    weights: dict[str, float] = {}
    nouns: set[str] = set()
    threshold = Thresholds()
    for line in lines:
        if not line.strip() or line.startswith("# "):
            continue
        key, _, value = line.rstrip("\n").rpartition("\t")
        if key == "@threshold":
            threshold = Thresholds(*(float(v) for v in value.split()))
        elif key == "@noun":
            nouns.add(value)
        else:
            weights[key] = float(value)
    return CueModel(weights, threshold, frozenset(nouns))


@lru_cache(maxsize=1)
def get_model() -> CueModel | None:
    """The shipped model, read once per process; None (with a coded warning) when the package
    carries none usable."""
    return models.read_text_model(MODEL_NAME, FEATURE_SET, MODEL_FILE, read_model)


def score_candidates(doc: Doc, model: CueModel, finder: AttributionFinder | None = None) -> list[Attribution]:
    """Every candidate reading with its model probability in ``score``."""
    finder = finder or AttributionFinder(doc, nouns=model.nouns)
    quoted = in_quote_flags(finder)
    cands = finder.candidates()
    for cand in cands:
        cand.score = model.probability(features(cand, finder, quoted))
    return cands


def decide(cands: list[Attribution], threshold: Thresholds, cue_class: dict[str, str],
           learnt: frozenset[tuple[str, str]] = frozenset(), speaking: frozenset[str] = frozenset()) -> list[Attribution]:
    """Each cue token's most probable reading above its threshold."""
    best: dict[int, Attribution] = {}
    for cand in cands:
        if cand.score < threshold.of(cand, cue_class, learnt, speaking):
            continue
        held = best.get(cand.cue.i)
        if held is None or cand.score > held.score:
            best[cand.cue.i] = cand
    return sorted(best.values(), key=lambda a: (a.cue.i, a.start))


def cue_token(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX", "NOUN")
