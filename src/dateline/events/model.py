"""The small sentence classifier that backs the lexicon, and the event confidence.

A multinomial logistic regression over sparse sentence features (lemmas, the root verb, the
lexicon's candidate codes), trained by ``scripts/train_event_model.py`` and shipped in
``data/models/event_classifier/``: a table per head (``plover.tsv``, ``penta.tsv``: a feature and
its per-class weights a line), ``calibration.tsv`` and ``meta.json``. At run time a sentence's
score is a sum over its few dozen active features.

Heads: ``plover`` (16 PLOVER types) and ``penta`` (ConfliBERT's five CAMEO classes).
Confidence: a logistic function of lexicon and model evidence whose coefficients the training
script fits (``calibration`` in the model file); a fixed fallback when no model is shipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources.abc import Traversable
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

from dateline import models
from dateline.events.lexicon import Lexicon, get_lexicon
from dateline.events.patterns import doc_info, find_candidates
from dateline.words import words_of

MODEL_NAME = "event_classifier"
HEADS = ("plover", "penta")
CALIBRATION_FILE = "calibration.tsv"
FEATURE_SET = 1  # the version of ``sentence_features``: bump on a change, and retrain
FEATURE_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "AUX"})
# The evidence the coder has about one event; the confidence is a logistic function of it.
EVIDENCE = ("specificity", "prob", "penta", "source", "target", "depth", "hedged")
NO_ROWS = (-1, -1)
DEFAULT_CALIBRATION = {"bias": -0.6, "specificity": 0.35, "prob": 1.2, "penta": 1.0, "source": 0.5,
                       "target": 0.4, "depth": -0.15, "hedged": -0.3}


def sentence_features(sent: Span, codes: Iterable[str] | None = None, lex: Lexicon | None = None) -> list[str]:
    """Sparse features of a sentence: content lemmas, verb-object pairs, the root, and the
    lexicon's candidate CAMEO codes (pass ``codes`` when the coder has them already)."""
    feats: list[str] = []
    info = doc_info(sent.doc)  # plain per-doc lists: no Token object per word
    lemmas = info.lemmas
    words = words_of(sent.doc)
    for i in range(sent.start, sent.end):
        pos = info.pos[i]
        if pos not in FEATURE_POS or info.stop[i]:
            if info.deps[i] == "neg":
                feats.append("neg")
            continue
        lemma = lemmas[i]
        feats.append("w=" + lemma)
        if pos == "VERB":
            feats.append("v=" + lemma)
            for child in words[i].children:
                if child.dep_ in {"dobj", "prt", "prep", "xcomp"}:
                    feats.append(f"vo={lemma}_{lemmas[child.i]}")
    feats.append("root=" + lemmas[sent.root.i])
    if codes is None:
        lex = lex or get_lexicon()
        codes = [c.code for c in find_candidates(sent, lex)]
    for code in codes:
        feats.append("c2=" + code[:2])
        feats.append("c3=" + code[:3])
    return feats


class SparseModel:
    def __init__(self, data: dict[str, Any]) -> None:
        self.heads: dict[str, tuple[list[str], dict[str, list[float]], list[float]]] = {}
        # Per head: feature → row index, and the weight matrix with the bias as its last row.
        self._index: dict[str, dict[str, int]] = {}
        self._matrix: dict[str, np.ndarray] = {}
        for name, head in data["heads"].items():
            self.heads[name] = (head["classes"], head["weights"], head["bias"])
            feats = list(head["weights"])
            self._index[name] = {f: i for i, f in enumerate(feats)}
            rows = [head["weights"][f] for f in feats] + [head["bias"]]
            self._matrix[name] = np.array(rows, dtype=np.float64).reshape(len(rows), len(head["classes"]))
        self.calibration: dict[str, float] = data.get("calibration") or DEFAULT_CALIBRATION
        # Feature → its row in the plover and the penta head (-1 where one lacks it): a sentence's
        # features are looked up once for both heads, in one table.
        self._both: dict[str, tuple[int, int]] = {}
        if "plover" in self._index and "penta" in self._index:
            plover, penta = self._index["plover"], self._index["penta"]
            self._both = {f: (plover.get(f, -1), penta.get(f, -1)) for f in plover.keys() | penta.keys()}

    def proba(self, head: str, feats: Iterable[str]) -> dict[str, float]:
        return self._softmax(head, set(map(self._index[head].get, feats, repeat(-1))))

    def _softmax(self, head: str, found: set[int]) -> dict[str, float]:
        """The head's class probabilities given the set of its rows the features hit (-1: none)."""
        classes = self.heads[head][0]
        matrix = self._matrix[head]
        # The rows are summed in the order their set iterates (so the floats come out the same
        # on every run); the ufuncs are called directly, without ndarray methods' wrappers.
        found.discard(-1)
        rows = list(found)
        rows.append(len(matrix) - 1)  # the bias row
        scores = np.add.reduce(matrix.take(rows, axis=0), axis=0)  # take: the same rows, less overhead than [rows]
        scores = np.exp(scores - np.maximum.reduce(scores))
        scores /= np.add.reduce(scores)
        return dict(zip(classes, scores.tolist()))

    def sentence_proba(self, sent: Span, codes: Iterable[str]) -> tuple[dict[str, float], dict[str, float]]:
        """PLOVER-type and penta-class probabilities of a sentence (empty when a head is missing)."""
        feats = sentence_features(sent, codes)
        if self._both:
            # each head's row set filled in the features' order, as ``proba`` fills it
            rows = [self._both.get(f, NO_ROWS) for f in feats]
            return self._softmax("plover", {p for p, _ in rows}), self._softmax("penta", {q for _, q in rows})
        plover = self.proba("plover", feats) if "plover" in self.heads else {}
        penta = self.proba("penta", feats) if "penta" in self.heads else {}
        return plover, penta


@lru_cache(maxsize=1)
def get_model() -> SparseModel | None:
    """The shipped classifier, read once per process; None (with a coded warning) when the
    package carries none usable."""
    shipped = models.load(MODEL_NAME, FEATURE_SET, [h + ".tsv" for h in HEADS] + [CALIBRATION_FILE])
    if shipped is None:
        return None
    return SparseModel(read_tables(shipped.folder))


def _number(x: float) -> str:
    """A weight as the shortest text that reads back as the same float ("0" for 0.0)."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def write_tables(folder: Path, model: dict[str, Any]) -> None:
    """Write a model dict (``{"heads": {name: {"classes", "weights", "bias"}}, "calibration"}``)
    as the classifier's tables: one line per feature, so a retrain's diff shows what moved."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, head in model["heads"].items():
        with (folder / f"{name}.tsv").open("w", encoding="utf-8") as fh:
            fh.write(f"# {name} head (scripts/train_event_model.py): feature<TAB>one weight per class\n")
            fh.write("\t".join(["@classes", *head["classes"]]) + "\n")
            fh.write("\t".join(["@bias", *map(_number, head["bias"])]) + "\n")
            for feat, weights in head["weights"].items():
                fh.write("\t".join([feat, *map(_number, weights)]) + "\n")
    with (folder / CALIBRATION_FILE).open("w", encoding="utf-8") as fh:
        fh.write("# confidence calibration (scripts/train_event_model.py): evidence<TAB>coefficient\n")
        for key, value in (model.get("calibration") or {}).items():
            fh.write(f"{key}\t{_number(value)}\n")


def read_tables(folder: Path | Traversable) -> dict[str, Any]:
    """The model dict of a classifier folder (a Path or a package resource)."""
    heads: dict[str, dict[str, Any]] = {}
    for name in HEADS:
        path = folder / f"{name}.tsv"
        if not path.is_file():
            continue
        head: dict[str, Any] = {"classes": [], "weights": {}, "bias": []}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# ") or not line.strip():
                    continue
                key, *values = line.rstrip("\n").split("\t")
                if key == "@classes":
                    head["classes"] = values
                elif key == "@bias":
                    head["bias"] = [float(v) for v in values]
                else:
                    head["weights"][key] = [float(v) for v in values]
        heads[name] = head
    calibration: dict[str, float] = {}
    path = folder / CALIBRATION_FILE
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if "\t" in line and not line.startswith("# "):
                    key, value = line.rstrip("\n").split("\t")
                    calibration[key] = float(value)
    return {"heads": heads, "calibration": calibration}


def confidence(evidence: dict[str, float]) -> float:
    """Probability the event is right: logistic in the evidence, coefficients fitted by the
    training script on held-out sentences (a fixed fallback when no model is shipped)."""
    model = get_model()
    cal = model.calibration if model else DEFAULT_CALIBRATION
    z = cal.get("bias", 0.0) + sum(cal.get(k, 0.0) * evidence.get(k, 0.0) for k in EVIDENCE)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def train_softmax(feats: list[list[str]], labels: list[str], l2: float = 1e-3, iters: int = 150,
                  lr: float = 0.1, min_count: int = 2) -> dict[str, Any]:
    """Fit a multinomial logistic regression (Adam, full batch) and return a model head dict.

    numpy is imported here only: training runs in scripts and in cross-validated evaluation,
    never in the extraction path.
    """
    import numpy as np

    counts: dict[str, int] = {}
    for fs in feats:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    classes = sorted(set(labels))
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in set(fs):
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    n, v, c = len(feats), len(vocab), len(classes)
    y = np.zeros((n, c))
    y[np.arange(n), [classes.index(lab) for lab in labels]] = 1.0
    w, b = np.zeros((v, c)), np.zeros(c)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for t in range(1, iters + 1):
        s = np.tile(b, (n, 1))
        np.add.at(s, rows_a, w[cols_a])
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        gw = np.zeros_like(w)
        np.add.at(gw, cols_a, g[rows_a])
        gw += l2 * w
        gb = g.sum(axis=0)
        for param, grad, m, vv in ((w, gw, mw, vw), (b, gb, mb, vb)):
            m *= 0.9
            m += 0.1 * grad
            vv *= 0.999
            vv += 0.001 * grad * grad
            param -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(vv / (1 - 0.999 ** t)) + 1e-8)
    inv = {i: f for f, i in vocab.items()}
    weights = {inv[i]: [round(float(x), 3) for x in w[i]] for i in range(v) if np.abs(w[i]).max() >= 0.02}
    return {"classes": classes, "weights": weights, "bias": [round(float(x), 3) for x in b]}
