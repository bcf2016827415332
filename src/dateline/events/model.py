"""The small sentence classifier that backs the lexicon, and the event confidence.

A multinomial logistic regression over sparse sentence features (lemmas, the root verb, the
lexicon's candidate codes), trained by ``scripts/train_event_model.py`` and shipped as
``data/events/model.json`` (feature → per-class weights). Pure Python at run time: a sentence's
score is a sum over its few dozen active features, no numpy needed.

Heads: ``plover`` (16 PLOVER types) and ``penta`` (ConfliBERT's five CAMEO classes).
Confidence: a logistic function of lexicon and model evidence whose coefficients the training
script fits (``calibration`` in the model file); a fixed fallback when no model is shipped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Span

from dateline.events.lexicon import Lexicon, get_lexicon
from dateline.events.patterns import doc_info, find_candidates

MODEL_FILE = "model.json"
FEATURE_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "AUX"})
# The evidence the coder has about one event; the confidence is a logistic function of it.
EVIDENCE = ("specificity", "prob", "penta", "source", "target", "depth", "hedged")
DEFAULT_CALIBRATION = {"bias": -0.6, "specificity": 0.35, "prob": 1.2, "penta": 1.0, "source": 0.5,
                       "target": 0.4, "depth": -0.15, "hedged": -0.3}


def sentence_features(sent: Span, codes: Iterable[str] | None = None, lex: Lexicon | None = None) -> list[str]:
    """Sparse features of a sentence: content lemmas, verb-object pairs, the root, and the
    lexicon's candidate CAMEO codes (pass ``codes`` when the coder has them already)."""
    feats: list[str] = []
    info = doc_info(sent.doc)  # plain per-doc lists: no Token object per word
    lemmas = info.lemmas
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
            for child in sent.doc[i].children:
                if child.dep_ in {"dobj", "prt", "prep", "xcomp"}:
                    feats.append(f"vo={lemma}_{lemmas[child.i]}")
    feats.append("root=" + sent.root.lemma_.lower())
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

    def proba(self, head: str, feats: Iterable[str]) -> dict[str, float]:
        classes = self.heads[head][0]
        index, matrix = self._index[head], self._matrix[head]
        rows = [i for i in {index.get(f, -1) for f in feats} if i >= 0]
        rows.append(len(matrix) - 1)  # the bias row
        scores = matrix[rows].sum(axis=0)
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(classes, scores.tolist()))

    def sentence_proba(self, sent: Span, codes: Iterable[str]) -> tuple[dict[str, float], dict[str, float]]:
        """PLOVER-type and penta-class probabilities of a sentence (empty when a head is missing)."""
        feats = sentence_features(sent, codes)
        plover = self.proba("plover", feats) if "plover" in self.heads else {}
        penta = self.proba("penta", feats) if "penta" in self.heads else {}
        return plover, penta


@lru_cache(maxsize=1)
def get_model() -> SparseModel | None:
    path = resources.files("dateline") / "data" / "events" / MODEL_FILE
    if not path.is_file():
        return None
    return SparseModel(json.loads(path.read_text(encoding="utf-8")))


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
