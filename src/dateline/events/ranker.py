"""The trained event ranker: which class of act a sentence is about, and how sure the coder is.

The lexicon codes a sentence's triggers and the coder ranks them by clause (``events.stage``);
the sentence classifier's two heads read the sentence as a whole (``events.model``). The two err
differently: the lexicon misses acts its verb dictionary does not file ("handed over equipment"
is no AID to it), the heads miss the trigger's own pattern. The ranker is a small multinomial
logistic regression that reads both — the coder's first event (its CAMEO penta class, its
confidence, whether it is hedged or reported), which classes the other events have, and the
heads' probabilities — and gives the probability of each of ConfliBERT's five CAMEO classes.

It decides two things:

* **the top event**: when the ranker backs another class than the coder's first event by at
  least the margin it was fitted with, the sentence's first event of that class comes first; if
  there is none and the first event's code is its verb's default (no pattern of the verb
  dictionary matched its object, no convention of the coder recoded it), the first event is recoded to that class's most likely general code (the PLOVER
  head chooses among the class's types; a statement is 010);
* **the confidence**: the top event's confidence is the ranker's probability of its class,
  fitted by cross-validation on folds of the training data, so it is calibrated on sentences the
  heads had not seen (``scripts/train_event_ranker.py``; reliability bins in its ``meta.json``).

Shipped in ``data/models/event_ranker/``: ``weights.tsv`` (a feature and its five class weights a
line, ``@bias`` and ``@margin``) and ``meta.json``. Without it the coder's own order and
confidence stand (W301).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from dateline import models
from dateline.events.lexicon import Lexicon, quad_class
from dateline.record import Event

MODEL_NAME = "event_ranker"
WEIGHTS_FILE = "weights.tsv"
FEATURE_SET = 1  # the version of ``features``: bump on a change, and retrain
CLASSES = 5
# The PLOVER types of each penta class, by the class of their general CAMEO code.
CLASS_TYPES: dict[int, tuple[str, ...]] = {
    0: ("REQUEST",), 1: ("AGREE", "CONSULT", "SUPPORT"), 2: ("COOPERATE", "AID", "CONCEDE", "RETREAT"),
    3: ("ACCUSE", "REJECT", "THREATEN", "SANCTION"), 4: ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"),
}
STATEMENT_CODE = "010"
REQUEST_OVER_STATEMENT = 0.5  # a statement is recoded an appeal only when the PLOVER head says so


def cameo_class(code: str) -> int:
    """ConfliBERT's five classes of a CAMEO code, as its labels use them: 0 statement (01-02), 1
    verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16), 4
    material conflict (14-15 and 17-20). (``lexicon.penta_class`` keeps the older table the
    coder's own confidence was tuned with.)"""
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 or root == 16 else 4


def feature_names() -> list[str]:
    names = [f"first={c}" for c in ("none", *map(str, range(CLASSES)))]
    names += ["first_confidence", "first_specific", "first_hedged", "first_reported", "first_negated"]
    names += [f"other={c}" for c in range(CLASSES)]
    names += [f"penta={c}" for c in range(CLASSES)] + [f"log_penta={c}" for c in range(CLASSES)]
    names += [f"plover_class={c}" for c in range(CLASSES)]
    return names


def kept(events: Sequence[Event]) -> list[Event]:
    """The events the record keeps and the scorers read: asserted or not, with an actor."""
    return [e for e in events if (e.source or e.target) and not e.negated]


def features(events: Sequence[Event], specific: Sequence[float], plover: dict[str, float],
             penta: dict[str, float]) -> list[float]:
    """The ranker's inputs for one sentence: ``events`` in the coder's order with the lexicon
    specificity of each, and the heads' probabilities."""
    live = kept(events)
    first = live[0] if live else None
    first_class = cameo_class(first.cameo) if first else -1
    x = [float(first_class == c) for c in range(-1, CLASSES)]
    spec = specific[list(events).index(first)] if first else 0.0
    modality = first.modality if first else ""
    x += [first.confidence if first else 0.0, min(spec, 3.0) / 3, float(modality in {"possible", "intended"}),
          float(modality == "reported"), float(any(e.negated for e in events))]
    others = {cameo_class(e.cameo) for e in live[1:]}
    x += [float(c in others) for c in range(CLASSES)]
    probs = [penta.get(str(c), 0.0) for c in range(CLASSES)]
    x += probs + [math.log(p + 1e-4) for p in probs]
    x += [sum(plover.get(t, 0.0) for t in CLASS_TYPES[c]) for c in range(CLASSES)]
    return x


class Ranker:
    def __init__(self, weights: dict[str, list[float]], bias: list[float], margin: float) -> None:
        names = feature_names()
        self.rows = [weights.get(n, [0.0] * CLASSES) for n in names]
        self.bias = bias
        self.margin = margin

    def proba(self, x: Sequence[float]) -> list[float]:
        scores = list(self.bias)
        for value, row in zip(x, self.rows, strict=True):
            if value:
                for c in range(CLASSES):
                    scores[c] += value * row[c]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def choose(self, x: Sequence[float], first_class: int) -> tuple[int, list[float]]:
        """The class the sentence's top event should have, and the class probabilities."""
        q = self.proba(x)
        best = max(range(CLASSES), key=q.__getitem__)
        if first_class >= 0 and best != first_class and q[best] - q[first_class] < self.margin:
            best = first_class
        return best, q


def rerank(events: list[Event], specific: Sequence[float], settled: Sequence[bool], plover: dict[str, float],
           penta: dict[str, float], lex: Lexicon, ranker: Ranker) -> list[Event]:
    """The sentence's events with the ranker's choice first and its calibrated confidence.
    ``settled``: per event, whether its code came from a pattern or a convention of the coder
    rather than its verb's default; a settled event is never recoded."""
    live = kept(events)
    if not live:
        return events
    first = live[0]
    best, q = ranker.choose(features(events, specific, plover, penta), cameo_class(first.cameo))
    chosen = next((e for e in live if cameo_class(e.cameo) == best), None)
    if chosen is None and settled[list(events).index(first)]:
        # a code a pattern of the verb dictionary or a coding convention gave stays: the ranker
        # reorders such events, it does not overrule them
        best, chosen = cameo_class(first.cameo), first
    elif chosen is None:
        chosen = recode(first, best, plover, lex)
    ordered = [chosen, *(e for e in events if e is not chosen)]
    chosen.confidence = round(q[best], 3)
    for other in ordered[1:]:
        other.confidence = min(other.confidence, round(max(chosen.confidence - 0.001, 0.0), 3))
    return ordered


def recode(event: Event, penta: int, plover: dict[str, float], lex: Lexicon) -> Event:
    """Give ``event`` (in place: the article's dedup knows it by identity) the general CAMEO code of the class the ranker chose: the class's PLOVER type
    the head finds likeliest; a statement stays one unless the head reads an appeal."""
    kind = max(CLASS_TYPES[penta], key=lambda t: plover.get(t, 0.0))
    code = lex.default_cameo.get(kind, STATEMENT_CODE)
    if penta == 0 and plover.get("REQUEST", 0.0) < REQUEST_OVER_STATEMENT:
        code = STATEMENT_CODE
    info = lex.info(code)
    context = [x.strip() for x in (info.context if info else "").split(",") if x.strip()]
    event.cameo, event.type, event.quad = code, (info.plover or None) if info else None, quad_class(code)
    event.goldstein, event.mode, event.context = lex.goldstein_of(code), (info.mode or None) if info else None, context
    return event


@lru_cache(maxsize=1)
def get_ranker() -> Ranker | None:
    """The shipped ranker, read once per process; None (with a coded warning) when there is none."""
    shipped = models.load(MODEL_NAME, FEATURE_SET, [WEIGHTS_FILE])
    if shipped is None:
        return None
    return read_ranker(shipped.folder)


def read_ranker(folder: Path | Traversable) -> Ranker:
    weights: dict[str, list[float]] = {}
    bias, margin = [0.0] * CLASSES, 0.0
    with (folder / WEIGHTS_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# ") or not line.strip():
                continue
            key, *values = line.rstrip("\n").split("\t")
            if key == "@bias":
                bias = [float(v) for v in values]
            elif key == "@margin":
                margin = float(values[0])
            else:
                weights[key] = [float(v) for v in values]
    return Ranker(weights, bias, margin)


def write_ranker(folder: Path, weights: dict[str, list[float]], bias: list[float], margin: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / WEIGHTS_FILE).open("w", encoding="utf-8") as fh:
        fh.write("# event ranker (scripts/train_event_ranker.py): feature<TAB>weight per penta class 0-4\n")
        fh.write("\t".join(["@bias", *(repr(round(b, 4)) for b in bias)]) + "\n")
        fh.write(f"@margin\t{margin!r}\n")
        for name in feature_names():
            fh.write("\t".join([name, *(repr(round(w, 4)) for w in weights[name])]) + "\n")
