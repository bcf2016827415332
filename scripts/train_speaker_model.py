"""Train ``data/quotes/speaker_model.tsv`` from the PolNeAR training split.

The stage's own attributions are found on every training article (trained cue model and rules);
each one whose content matches a gold attribution (token-F1 >= 0.5) with a gold source offers its
speaker candidates, labelled positive when the candidate's noun phrase overlaps a gold source
span. A pairwise ranker (L1 logistic regression on the feature differences of a right and a wrong
candidate of the same attribution) is fitted on them; C is chosen by 5-fold cross-validation over
the training articles (the share of matched attributions whose top candidate is right). The development split is never
read here. Usage:

    python scripts/train_speaker_model.py ../shared/data/quotes/polnear_train.jsonl [--docbin FILE]
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from dateline.evaluation.quotes import align, load_gold, overlaps, parsed_records
from dateline.geo.entities import tag_entities
from dateline.nlp import load_model
from dateline.quotes.attribution import np_span
from dateline.quotes.speaker_model import SpeakerModel, candidates, features
from dateline.quotes.stage import find_attributions
from dateline.record import Article, Quote, TextSpan

FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)


def fit(X, y, c: float) -> LogisticRegression:
    """A pairwise ranker: no intercept, so a candidate's score is its weights' sum."""
    return LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", fit_intercept=False, max_iter=300).fit(X, y)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--docbin", type=Path, help="cached parses of the same texts, in order")
    args = parser.parse_args()
    nlp = load_model()
    records, docs = parsed_records(args.train, nlp, args.docbin)
    feats, labels, group, owner = [], [], [], []
    rule_right = 0
    groups = 0
    for n, (record, doc) in enumerate(zip(records, docs)):
        text = record["text"]
        tag_entities(doc, Article(id="t", text=text))
        finder, found = find_attributions(doc)
        gold = load_gold(record)
        quotes = [Quote(text[a.start:a.end], a.start, a.end, a.kind, TextSpan("", a.cue.idx, a.cue_end), None) for a in found]
        matched = {i: j for i, j, _ in align(text, quotes, gold)}
        previous = None
        for i, att in enumerate(found):
            j = matched.get(i)
            if j is not None and gold[j].source:
                cands = candidates(att, finder, previous)
                any_pos = False
                for k, rels in cands.rels.items():
                    tok = cands.tokens[k]
                    y = int(overlaps(np_span(tok), gold[j].source))
                    any_pos |= bool(y)
                    feats.append({f: 1 for f in features(att, tok, rels, finder)})
                    labels.append(y)
                    group.append(groups)
                    owner.append(n)
                rule_right += att.source is not None and overlaps(np_span(att.source), gold[j].source)
                groups += 1
            if att.source is not None:
                previous = att.source
    vec = DictVectorizer()
    X = vec.fit_transform(feats).tocsr()
    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    y = np.array(labels)
    g = np.array(group)
    fold = np.array(owner) % FOLDS
    print(f"{groups} matched attributions, rule right {rule_right} ({rule_right / groups:.3f}); "
          f"{X.shape[0]} candidates, {int(y.sum())} positive; oracle {len(set(g[y == 1])) / groups:.3f}")
    pairs, pair_y, pair_fold = [], [], []
    for gi in range(groups):
        rows = np.flatnonzero(g == gi)
        pos = [r for r in rows if y[r]]
        neg = [r for r in rows if not y[r]]
        for p in pos:
            for q in neg:
                pairs += [(p, q), (q, p)]
                pair_y += [1, 0]
                pair_fold += [fold[p]] * 2
    a = np.array([p for p, _ in pairs])
    b = np.array([q for _, q in pairs])
    D = (X[a] - X[b]).tocsr()
    D.indices = D.indices.astype(np.int32)
    D.indptr = D.indptr.astype(np.int32)
    py = np.array(pair_y)
    pf = np.array(pair_fold)
    print(f"{len(py)} ordered pairs")
    best = None
    for c in C_GRID:
        scores = np.zeros(len(y))
        for k in range(FOLDS):
            model = fit(D[pf != k], py[pf != k], c)
            held = fold == k
            scores[held] = X[held] @ model.coef_[0]
        top: dict[int, tuple[float, int]] = {}
        for idx, (gi, s) in enumerate(zip(g, scores)):
            if gi not in top or s > top[gi][0]:
                top[gi] = (s, idx)
        right = sum(1 for _, idx in top.values() if y[idx])
        print(f"C={c}: right {right} ({right / groups:.3f})")
        if best is None or right > best[0]:
            best = (right, c)
    assert best is not None
    _, c = best
    final = fit(D, py, c)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), final.coef_[0]) if abs(w) > 1e-6}
    bar = -1e9  # a ranker: the best candidate always speaks
    out = resources.files("dateline") / "data" / "quotes" / "speaker_model.tsv"
    SpeakerModel(weights, bar).save(Path(str(out)))
    print(f"wrote {out}: C={c}, {len(weights)} non-zero weights")


if __name__ == "__main__":
    main()
