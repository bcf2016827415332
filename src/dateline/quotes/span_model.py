"""Trained content boundaries: which words around a cue are what was said.

The parse offers a few readings per cue (its clausal complement, its object, the clause a
parenthetical hangs off); PolNeAR content often has other edges — a complement plus the next
sentence, a clause cut by the cue ("The plan, she said, would fail"), the subject of a passive
report. A linear-chain CRF (python-crfsuite) tags the words of a window around a chosen cue
(its sentence and the next, inside the paragraph) as content or not, from where
each word sits relative to the cue in the parse. It is trained on the PolNeAR training split by
``scripts/train_content_tagger.py`` and shipped in ``data/models/content_tagger/`` (crfsuite's
binary ``model.crfsuite`` and its ``meta.json``); the stage swaps a chosen reading's boundaries for
the tagger's when the tagger is sure of them (``bars.tsv`` holds the confidence bars the training
script tuned).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from dateline import models
from dateline.errors import Code, warn
from dateline.quotes.attribution import Attribution, AttributionFinder
from dateline.quotes.cue_model import in_quote_flags
from dateline.quotes.frames import MESSAGES, trimmed
from dateline.quotes.tokens import flags_of
from dateline.words import columns_of

log = logging.getLogger(__name__)
MODEL_NAME = "content_tagger"
MODEL_FILE = "model.crfsuite"
SETTINGS_FILE = "bars.tsv"
FEATURE_SET = 1  # the version of ``window`` and ``token_features``: bump on a change, and retrain
_BEFORE, _AFTER = 0, 1  # sentences of context before and after the cue's sentence
_MAX_TOKENS = 160
_MERGE_GAP = 6
# a poll's clause is the parse's ("In the poll, Clinton led…"): the tagger, which learnt verbs' and
# nouns' contents, would take the poll's own words for it
_FIXED = ("poll",)
_MARKED = ("direct", "line")  # frames whose edges the quote marks draw  # content pieces this close (in tokens) join into one span


def _bucket(n: int) -> str:
    a = abs(n)
    b = str(a) if a < 4 else ("4-7" if a < 8 else ("8-15" if a < 16 else ("16-31" if a < 32 else "32+")))
    return ("-" if n < 0 else "+") + b


def window(doc: Doc, cue: Token, sents: list[tuple[int, int]]) -> tuple[int, int]:
    """Token range [lo, hi) around a cue: neighbouring sentences of the same paragraph."""
    start, end = sents[cue.i]
    texts, space = columns_of(doc).texts, flags_of(doc).space
    lo, hi = start, end
    for _ in range(_BEFORE):
        if lo == 0 or "\n" in texts[lo - 1] or space[lo - 1]:
            break
        lo = sents[lo - 1][0]
    for _ in range(_AFTER):
        if hi >= len(doc) or "\n" in texts[hi - 1] or space[hi]:
            break
        hi = sents[hi][1]
    if hi - lo > _MAX_TOKENS:
        lo = max(lo, cue.i - _MAX_TOKENS // 3)
        hi = min(hi, lo + _MAX_TOKENS)
    return lo, hi


class DocView:
    """One document's token attributes as plain lists (the doc's columns, read once), so the
    windows of many cues — they overlap — cost list lookups, not spaCy Token objects."""

    def __init__(self, doc: Doc, sents: list[tuple[int, int]], quoted: list[bool]) -> None:
        c, flags = columns_of(doc), flags_of(doc)
        self.doc = doc
        self.sents = sents
        self.quoted = quoted
        self.words = flags.forms
        self.pos = c.pos
        self.dep = c.deps
        self.is_word = [not (sp or pu) for sp, pu in zip(flags.space, c.punct, strict=True)]
        self.is_quote = flags.quote
        self.starts = c.starts
        self.head = c.heads
        self.word_prefix = [0]  # words before each token: a span's word count in two lookups
        for w in self.is_word:
            self.word_prefix.append(self.word_prefix[-1] + w)
        self._static: dict[int, list[str]] = {}
        self._relative: dict[tuple[str, str, str, bool, str, str], list[str]] = {}

    def static(self, i: int) -> list[str]:
        """The features of token i that do not depend on the cue."""
        feats = self._static.get(i)
        if feats is None:
            n = len(self.words)
            sent = self.sents[i]
            feats = ["bias", "w=" + self.words[i], "p=" + self.pos[i], "dep=" + self.dep[i],
                     "w-1=" + (self.words[i - 1] if i else "<w>"),
                     "w+1=" + (self.words[i + 1] if i + 1 < n else "</w>"),
                     "p-1=" + (self.pos[i - 1] if i else "<w>"),
                     "p+1=" + (self.pos[i + 1] if i + 1 < n else "</w>")]
            if sent[0] == i:
                feats.append("sstart")
            if sent[1] == i + 1:
                feats.append("send")
            if self.is_quote[i]:
                feats.append("qmark")
            self._static[i] = feats
        return feats

    def relations(self, cue: int, lo: int, hi: int) -> list[str]:
        """Each window token's place relative to the cue: 'sub:<dep>' under the cue (the dependency
        of the cue's child above it), 'anc' above the cue, 'head:<dep>' under the cue's head beside
        it, 'cue', or 'none'."""
        head, dep = self.head, self.dep
        above = set()
        i = cue
        while head[i] != i:
            i = head[i]
            above.add(i)
        cue_head = head[cue]
        rel = []
        for t in range(lo, hi):
            if t == cue:
                rel.append("cue")
                continue
            if t in above:
                rel.append("anc")
                continue
            r, i = "none", t
            while head[i] != i:
                up = head[i]
                if up == cue:
                    r = "sub:" + dep[i]
                    break
                if up == cue_head and cue_head != cue:
                    r = "head:" + dep[i]
                    break
                i = up
            rel.append(r)
        return rel


def token_features(view: DocView, cue: Token, lo: int, hi: int, cue_class: str) -> list[list[str]]:
    """Feature strings of each window token (crfsuite items)."""
    sents, quoted, cache, static = view.sents, view.quoted, view._relative, view._static
    rel = view.relations(cue.i, lo, hi)
    cue_i = cue.i
    cue_sent, cue_sent_end = sents[cue_i]
    lemma = cue.lemma_.lower()
    out: list[list[str]] = []
    for i, r in zip(range(lo, hi), rel, strict=True):
        dist = _BUCKETS.get(i - cue_i) or _bucket(i - cue_i)
        start = sents[i][0]
        sent_off = "0" if start == cue_sent else ("-1" if i < cue_i else ("2" if start > cue_sent_end else "1"))
        key = (dist, sent_off, r, quoted[i], lemma, cue_class)
        relative = cache.get(key)
        if relative is None:
            side = "C" if i == cue_i else ("L" if dist[0] == "-" else "R")
            q = "True" if quoted[i] else "False"
            relative = cache[key] = [
                "d=" + dist, "s=" + sent_off, "r=" + r, "rs=" + r + "|" + side, "rss=" + r + "|" + sent_off,
                "q=" + q, "qs=" + q + "|" + sent_off,
                "cl=" + lemma + "|" + side, "cc=" + cue_class + "|" + side, "ccr=" + cue_class + "|" + r,
            ]
        out.append((static.get(i) or view.static(i)) + relative)
    return out


# the distance buckets of a window's reach, made once
_BUCKETS = {n: _bucket(n) for n in range(-2 * _MAX_TOKENS, 2 * _MAX_TOKENS + 1)}


@dataclass
class ContentTagger:
    tagger: Any  # a pycrfsuite.Tagger; python-crfsuite ships no type information
    bar_direct: float
    bar_other: float

    def tag(self, items: list[list[str]]) -> tuple[list[str], list[float]]:
        """The best labelling and each item's probability of being content."""
        labels = self.tagger.tag(items)
        marginal = self.tagger.marginal
        return labels, [1.0 - marginal("O", k) for k in range(len(items))]


def pieces(labels: list[str]) -> list[tuple[int, int]]:
    """Contiguous content runs [s, e) of a B/I/O labelling."""
    runs: list[tuple[int, int]] = []
    start = None
    for k, lab in enumerate(labels + ["O"]):
        if lab == "B" or lab == "O":
            if start is not None:
                runs.append((start, k))
                start = None
        if lab in ("B", "I") and start is None:
            start = k
    return runs


def joined(runs: list[tuple[int, int]], cue_at: int) -> tuple[int, int] | None:
    """One span from the runs: the longest, joined with runs within a few tokens or across the cue."""
    if not runs:
        return None
    best = max(runs, key=lambda r: r[1] - r[0])
    s, e = best
    for rs, re_ in sorted(runs, key=lambda r: abs(r[0] - best[0])):
        if rs >= e and (rs - e <= _MERGE_GAP or e <= cue_at < rs):
            e = re_
        elif re_ <= s and (s - re_ <= _MERGE_GAP or re_ <= cue_at < s):
            s = rs
    return s, e


def read_settings(shipped: models.ShippedModel) -> tuple[float, float]:
    with shipped.file(SETTINGS_FILE).open(encoding="utf-8") as fh:
        values = dict(line.rstrip("\n").split("\t")[:2] for line in fh if "\t" in line and not line.startswith("#"))
    return float(values["bar_direct"]), float(values["bar_other"])


@lru_cache(maxsize=1)
def get_tagger() -> ContentTagger | None:
    """The shipped tagger, opened once per process; None (with a coded warning) without a usable
    model or without python-crfsuite."""
    try:
        import pycrfsuite
    except ImportError:
        warn(log, Code.MODEL_MISSING, f"{MODEL_NAME} (python-crfsuite is not installed)")
        return None
    shipped = models.load(MODEL_NAME, FEATURE_SET, [MODEL_FILE, SETTINGS_FILE])
    if shipped is None:
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(shipped.file(MODEL_FILE)))
    return ContentTagger(tagger, *read_settings(shipped))


Option = tuple[int, int, float]  # char start, end, expected token-F1 under the tagger


def _expected_f1(view: DocView, lo: int, belief: list[float], start: int, end: int) -> float:
    """Expected token-F1 of a content span against the tagger's belief (``belief``: running sums
    over the window of each word's probability of being content), the measure the PolNeAR scorer
    matches on."""
    first = bisect_left(view.starts, start)
    last = bisect_left(view.starts, end)
    size = view.word_prefix[last] - view.word_prefix[first]
    top = len(belief) - 1
    overlap = belief[max(0, min(top, last - lo))] - belief[max(0, min(top, first - lo))]
    total = size + belief[top]
    return 2 * overlap / total if total else 0.0


def propose(view: DocView, finder: AttributionFinder, att: Attribution, tagger: ContentTagger,
            alternatives: Sequence[tuple[int, int]] = ()) -> tuple[float, list[Option]]:
    """The chosen reading's expected F1 and the other spans on offer with theirs: the tagger's
    own span, its join with the reading, the cue's other parse readings."""
    doc, cue = finder.doc, att.cue
    lo, hi = window(doc, cue, finder.sents)
    cls = finder.lex.cue_class.get(cue.lemma_.lower(), "-")
    labels, content = tagger.tag(token_features(view, cue, lo, hi, cls))
    is_word = view.is_word
    belief = [0.0]
    for k, p in enumerate(content):
        belief.append(belief[-1] + (p if is_word[lo + k] else 0.0))
    spans = set(alternatives)
    run = joined(pieces(labels), cue.i - lo)
    tagged = trimmed(doc, lo + run[0], lo + run[1]) if run is not None else None
    if tagged is not None:
        spans.add(tagged)
        spans.add((min(tagged[0], att.start), max(tagged[1], att.end)))
    spans.discard((att.start, att.end))
    own = _expected_f1(view, lo, belief, att.start, att.end)
    return own, [(s, e, _expected_f1(view, lo, belief, s, e)) for s, e in sorted(spans)]


# Phrases hung on the cue that say when, where or by what means it happened — the circumstance of
# the act, never what was said: "mentioned him since the debate", "offering aid amid concerns"; and
# "in/on/at" a message or an occasion ("attacked her in early-morning tweets", "at a rally").
# "out of", "from", "about", "as" … stay open: PolNeAR's contents often run on over them.
_CIRCUMSTANCE = frozenset({"since", "amid", "amidst", "during", "after", "before", "until", "despite",
                           "throughout", "following", "via"})
_OCCASION_PREPS = frozenset({"in", "on", "at"})
_OCCASIONS = MESSAGES | {"rally", "conference", "debate", "event", "meeting", "hearing", "summit", "session",
                         "appearance", "twitter", "television", "radio", "show", "program", "programme"}


def run_on_limit(att: Attribution) -> int | None:
    """Char offset a re-drawn span of a reading after its cue may not run on past: where the first
    phrase hung on the cue after the reading's start begins that is not what was said — a
    circumstance ("since the debate", "in tweets") or a clause of its own conjoined to the cue
    ("…, but he has also intensified…": the speaker's next act). Before the cue the tagger may still
    reach past such a phrase into the next sentence ('"…," he added on Twitter. "…"')."""
    cue = att.cue
    if att.start < cue.idx:
        return None
    for child in cue.rights:
        if child.idx < att.start:
            continue
        if child.dep_ == "prep" and _circumstance(child):
            return child.left_edge.idx
        if child.dep_ == "conj" and _next_act(cue, child):
            joiners = [s.i for s in cue.rights if s.dep_ in ("cc", "punct") and att.start <= s.idx < child.idx]
            return columns_of(cue.doc).starts[min([child.left_edge.i, *joiners])]
    return None


_AGAIN = frozenset({"he", "she", "they", "we", "i"})


def _next_act(cue: Token, verb: Token) -> bool:
    """A finite verb conjoined to the cue whose subject is the speaker again ("X is promising A, but
    he has also intensified B"); a conjunct with another subject ("…, and it's something you can
    buy") may be the statement's own second half, which the parse hung on the cue."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.pos_ not in ("VERB", "AUX") or not finite:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    speaker = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.lower_ in _AGAIN or (speaker is not None and subject.lower_ == speaker.lower_)


def _circumstance(prep: Token) -> bool:
    word = prep.lower_
    if word in _CIRCUMSTANCE:
        return True
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return word in _OCCASION_PREPS and bool(objs) and objs[0].lemma_.lower() in _OCCASIONS


def redraw(finder: AttributionFinder, found: list[Attribution], tagger: ContentTagger,
           proposals: list[tuple[float, list[Option]]] | None = None,
           readings: dict[int, list[tuple[int, int]]] | None = None) -> list[Attribution]:
    """The attributions with another span where the tagger expects it to match the gold clearly
    better (a margin for direct quotes, whose marks already draw good edges, one for the rest).
    ``readings``: each cue token's parse readings."""
    if proposals is None:
        view = DocView(finder.doc, finder.sents, in_quote_flags(finder))
        readings = readings or {}
        proposals = [propose(view, finder, att, tagger, readings.get(att.cue.i, []))
                     if att.frame not in _MARKED + _FIXED or tagger.bar_direct <= 1 else (1.0, []) for att in found]
    out = []
    for att, (own, options) in zip(found, proposals):
        if att.frame in _FIXED:
            out.append(att)
            continue
        margin = tagger.bar_direct if att.frame in _MARKED else tagger.bar_other
        others = [(o.start, o.end) for o in found if o is not att]
        # no statement twice: a new span must not reach into another attribution's content; and
        # the tagger adds words or picks another reading, it does not cut a reading's words away
        stop = run_on_limit(att)
        free = [o for o in options if not any(s < o[1] and o[0] < e for s, e in others)
                and not (att.start <= o[0] and o[1] <= att.end) and (stop is None or o[1] <= stop)]
        best = max(free, key=lambda o: o[2], default=None)
        if best is None or best[2] < own + margin:
            out.append(att)
            continue
        new = replace(att, start=best[0], end=best[1])
        if finder.fit_reading(new):
            new.kind = finder.kind_of(new.start, new.end)
            out.append(new)
        else:
            out.append(att)
    return out
